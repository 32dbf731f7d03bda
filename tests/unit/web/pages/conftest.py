"""A web app over a fresh SQLite logbook, the day pinned (see `onboarded`), and a runner
who has been through onboarding with the bundled marathon calendar."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import TODAY, onboard

from legday.web.app import create_app


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("LEGDAY_TODAY", TODAY)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # uploads go under this test's folder
    with TestClient(create_app(f"sqlite:///{tmp_path / 'logbook.db'}")) as client:
        client.get("/")  # the CSRF cookie
        yield client


@pytest.fixture
def athlete(client: TestClient) -> int:
    return onboard(client)
