"""The guard's stricter edges: `Origin: null` is another site, the API takes no form
without the CSRF header, and a body is capped in bytes as it arrives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from legday.web.app import create_app
from legday.web.security import CSRF_COOKIE


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'logbook.db'}")) as client:
        client.get("/")  # the CSRF cookie
        yield client


def test_origin_null_is_another_site(client: TestClient) -> None:
    answer = client.post("/api/calendars/read", json={}, headers={"Origin": "null"})
    assert answer.status_code == 403 and answer.json()["detail"].startswith("Origin:")


@pytest.mark.parametrize(
    "send",
    [
        {"data": {"filename": "a.ics", "content": "BEGIN:VCALENDAR"}},
        {"files": {"content": ("a.ics", b"BEGIN:VCALENDAR")}},
    ],
)
def test_the_api_takes_no_form_without_the_csrf_header(
    client: TestClient, send: dict[str, object]
) -> None:
    answer = client.post("/api/calendars/read", **send)  # type: ignore[arg-type]
    assert answer.status_code == 403 and answer.json()["detail"].startswith("x-csrf-token:")
    with_header = client.post(
        "/api/calendars/read",
        headers={"X-CSRF-Token": client.cookies[CSRF_COOKIE]},
        **send,  # type: ignore[arg-type]
    )
    assert with_header.status_code != 403
