"""The guard in front of the web app: loopback only, no cross-site changes, CSP on every
answer, and forms that must carry the page's CSRF token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient

from legday.errors import InputError
from legday.web.security import CSRF_COOKIE, Guard, require_csrf
from legday.web.serving import loopback_host
from logbook_template import sqlite_logbook
from shared_app import app_over


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app over a new, migrated logbook (a copy of the process's template)."""
    url = sqlite_logbook(tmp_path / "logbook.db")
    with TestClient(app_over(url, monkeypatch)) as client:
        yield client


@pytest.fixture
def form_app() -> TestClient:
    """A tiny app behind the same guard: one form route and one JSON route."""
    app = FastAPI()
    app.add_middleware(Guard)

    @app.post("/form", dependencies=[Depends(require_csrf)])
    async def form(request: Request) -> dict[str, str]:
        return {"ok": "form"}

    @app.post("/json")
    async def json_route(body: dict[str, int]) -> dict[str, str]:
        return {"ok": "json"}

    @app.post("/bare")
    async def bare() -> dict[str, str]:
        return {"ok": "bare"}

    return TestClient(app)


def token_of(client: TestClient) -> str:
    client.get("/form")  # any answer sets the cookie (this one is 405)
    return client.cookies[CSRF_COOKIE]


def test_every_answer_has_a_policy_without_inline_scripts(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_csrf_cookie_is_httponly_and_strict(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").headers.get("set-cookie") is None  # kept, not re-issued


def test_the_home_page_carries_the_token_in_a_meta_tag(client: TestClient) -> None:
    page = client.get("/").text
    token = client.cookies[CSRF_COOKIE]
    assert f'<meta name="csrf-token" content="{token}">' in page


@pytest.mark.parametrize("host", ["evil.example", "192.168.1.10:8000", "localhost.evil.com"])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    answer = client.get("/", headers={"host": host})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("Host:")


def test_a_form_without_its_token_is_refused(form_app: TestClient) -> None:
    token_of(form_app)
    answer = form_app.post("/form", data={"name": "x"})
    assert answer.status_code == 403
    assert answer.json()["detail"].startswith("csrf_token:")


def test_a_form_with_a_wrong_token_is_refused(form_app: TestClient) -> None:
    token_of(form_app)
    assert form_app.post("/form", data={"csrf_token": "guess"}).status_code == 403


def test_a_form_with_the_page_token_passes(form_app: TestClient) -> None:
    token = token_of(form_app)
    assert form_app.post("/form", data={"csrf_token": token}).json() == {"ok": "form"}


def test_json_passes_without_a_token(form_app: TestClient) -> None:
    assert form_app.post("/json", json={"a": 1}).json() == {"ok": "json"}


def test_a_body_that_is_neither_json_nor_a_form_needs_the_header(form_app: TestClient) -> None:
    plain = {"content-type": "text/plain"}
    refused = form_app.post("/bare", content=b"{}", headers=plain)
    assert refused.status_code == 403
    token = token_of(form_app)
    passed = form_app.post("/bare", content=b"{}", headers={**plain, "x-csrf-token": token})
    assert passed.json() == {"ok": "bare"}


@pytest.mark.parametrize("neighbour", ["a=b c", 'quoted="x\\"', "list=[1]", "_ga=GA1.1.2"])
def test_another_programs_odd_cookie_does_not_hide_the_token(
    form_app: TestClient, neighbour: str
) -> None:
    """Cookies ignore the port: other programs on 127.0.0.1 (a notebook, a dev server)
    set theirs beside ours. The guard reads ours as the routes do, whatever sits beside."""
    token = token_of(form_app)
    form_app.cookies.clear()
    headers = {"content-type": "text/plain", "cookie": f"{neighbour}; {CSRF_COOKIE}={token}"}
    passed = form_app.post("/bare", content=b"{}", headers={**headers, "x-csrf-token": token})
    assert passed.status_code == 200 and "set-cookie" not in passed.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://evil.example"},
        {"origin": "http://127.0.0.1:9999"},
    ],
)
def test_changes_from_another_site_are_refused(
    form_app: TestClient, headers: dict[str, str]
) -> None:
    answer = form_app.post("/json", json={"a": 1}, headers=headers)
    assert answer.status_code == 403


def test_reading_from_another_site_is_not_a_change(client: TestClient) -> None:
    assert client.get("/", headers={"sec-fetch-site": "cross-site"}).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"])
def test_loopback_addresses_may_serve(host: str) -> None:
    assert loopback_host(host) == host.strip("[]")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "8.8.8.8", "example.com"])
def test_public_or_wildcard_addresses_are_refused(host: str) -> None:
    with pytest.raises(InputError) as refused:
        loopback_host(host)
    assert refused.value.field == "--host"


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    import socket

    from legday.cli import main

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        code = main(["serve", "--port", str(taken.getsockname()[1])])
    finally:
        taken.close()
    assert code == 2
