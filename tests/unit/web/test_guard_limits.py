"""The guard's stricter edges: `Origin: null` is another site, the API takes no form
without the CSRF header, and a body is capped in bytes as it arrives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from legday.web import security
from legday.web.security import CSRF_COOKIE
from logbook_template import sqlite_logbook
from shared_app import app_over


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app over a new, migrated logbook (a copy of the process's template)."""
    url = sqlite_logbook(tmp_path / "logbook.db")
    with TestClient(app_over(url, monkeypatch)) as client:
        client.get("/")  # the CSRF cookie
        yield client


def test_origin_null_is_another_site(client: TestClient) -> None:
    answer = client.post("/api/calendars/read", json={}, headers={"Origin": "null"})
    assert answer.status_code == 403 and answer.json()["detail"].startswith("Origin:")


def test_origin_null_from_our_own_page_under_no_referrer_passes(client: TestClient) -> None:
    """Chromium sends `Origin: null` for our own forms, as the no-referrer policy asks,
    and says Sec-Fetch-Site: same-origin: that one is believed."""
    same = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    answer = client.post("/api/calendars/read", json={}, headers=same)
    assert answer.status_code != 403


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


def _chunks(size: int) -> Iterator[bytes]:
    """A body sent chunked: no Content-Length tells its size beforehand."""
    piece = b"X-PAD:" + b"a" * 1000 + b"\r\n"
    for _ in range(size // len(piece) + 1):
        yield piece


def test_a_chunked_body_past_the_cap_is_413_before_it_is_read(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(security, "MAX_BODY_BYTES", 50_000)
    boundary = "XyZ"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        f"{client.cookies[CSRF_COOKIE]}\r\n--{boundary}\r\n"
        'Content-Disposition: form-data; name="calendar"; filename="a.ics"\r\n\r\n'
    ).encode()

    def body() -> Iterator[bytes]:
        yield head
        yield from _chunks(200_000)
        yield f"\r\n--{boundary}--\r\n".encode()

    kind = {"content-type": f"multipart/form-data; boundary={boundary}"}
    answer = client.post("/start/calendar", content=body(), headers=kind)
    assert answer.status_code == 413 and "body: larger than" in answer.text
    json_body = (b'{"filename": "a.ics", "content": "' + b"a" * 200_000 + b'"}' for _ in [0])
    kind = {"content-type": "application/json"}
    answer = client.post("/api/calendars/read", content=json_body, headers=kind)
    assert answer.status_code == 413 and answer.json()["detail"].startswith("body: ")


def test_a_declared_body_past_the_cap_is_413_unread(client: TestClient) -> None:
    headers = {
        "content-type": "application/json",
        "content-length": str(security.MAX_BODY_BYTES + 1),
    }
    answer = client.post("/api/calendars/read", content=b"{}", headers=headers)
    assert answer.status_code == 413


def test_a_form_holds_one_calendar_file(client: TestClient) -> None:
    calendar = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    files = [("calendar", (f"b{i}.ics", calendar)) for i in range(4)]
    form = {"csrf_token": client.cookies[CSRF_COOKIE]}
    answer = client.post("/start/calendar", data=form, files=files)
    assert answer.status_code == 400 and "Too many files" in answer.text


def test_an_exercise_picture_keeps_its_own_policy(client: TestClient) -> None:
    answer = client.get("/api/exercises/goblet-squat/picture.svg")
    assert answer.status_code == 200 and "<style" in answer.text
    (policy,) = answer.headers.get_list("content-security-policy")
    assert "style-src 'unsafe-inline'" in policy and "default-src 'none'" in policy
    assert "script-src" not in policy
    assert answer.headers["x-content-type-options"] == "nosniff"  # the rest still added
