"""A web app over a fresh SQLite logbook, the day pinned (see `onboarded`), and a runner
who has been through onboarding with the bundled marathon calendar.

The runner is onboarded through the pages' own forms once per test module; each test that
asks for `athlete` gets its own copy of that logbook file. Tests that onboard a runner
themselves start from an empty logbook (a copy of one migrated once per process:
tests/logbook_template.py).
Every test enters the process's one app (tests/shared_app.py) over its own logbook."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import TODAY, onboard

from logbook_template import sqlite_logbook
from shared_app import app_over


def _uploads_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Uploads go under `folder`, never to the machine's own temporary folder."""
    monkeypatch.setenv("TMPDIR", str(folder / "tmp"))
    (folder / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)


@pytest.fixture(scope="module")
def onboarded_logbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A logbook file with one runner onboarded through the forms, and the runner's id."""
    folder = tmp_path_factory.mktemp("onboarded")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("LEGDAY_TODAY", TODAY)
        _uploads_under(folder, monkeypatch)
        path = folder / "logbook.db"
        with TestClient(app_over(sqlite_logbook(path), monkeypatch)) as client:
            client.get("/")  # the CSRF cookie
            athlete = onboard(client)
    return path, athlete


@pytest.fixture
def client(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    like = None
    if "athlete" in request.fixturenames:
        like, _ = request.getfixturevalue("onboarded_logbook")
    monkeypatch.setenv("LEGDAY_TODAY", TODAY)
    _uploads_under(tmp_path, monkeypatch)
    url = sqlite_logbook(tmp_path / "logbook.db", like)
    with TestClient(app_over(url, monkeypatch)) as client:
        client.get("/")  # the CSRF cookie
        yield client


@pytest.fixture
def athlete(client: TestClient, onboarded_logbook: tuple[Path, int]) -> int:
    """The onboarded runner's id, in this test's copy of the logbook (made by `client`)."""
    _, athlete = onboarded_logbook
    return athlete
