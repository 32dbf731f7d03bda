"""tests/shared_app.py: the one app the web tests share opens each test's own logbook and
serves nothing it kept for another test."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import START, add_sam

from logbook_template import sqlite_logbook
from shared_app import app_over


def test_each_entry_reads_its_own_logbook_and_keeps_nothing_from_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())
    first = app_over(sqlite_logbook(tmp_path / "one.db"), monkeypatch)
    with TestClient(first) as client:
        athlete = add_sam(client)
        plan = client.get(f"/api/athletes/{athlete}/plan")
        assert plan.status_code == 200 and len(first.state.answers) == 1
    again = app_over(sqlite_logbook(tmp_path / "two.db"), monkeypatch)
    assert again is first and len(again.state.answers) == 0
    with TestClient(again) as client:
        assert client.get("/api/athletes").json() == []  # the second, empty logbook
        assert client.get(f"/api/athletes/{athlete}/plan").status_code == 404
