"""The calendar feed page: the secret address issued (shown once), re-issued (the old one
stops), revoked; FIT links for the sessions ahead; every change behind the CSRF token."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import token


def address(page: str) -> str:
    found = re.search(r'id="feed-url" readonly value="http://testserver(/feeds/[^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_page_offers_the_feed_and_fit_files(client: TestClient, athlete: int) -> None:
    page = client.get(f"/athletes/{athlete}/feed").text
    fits = re.findall(rf'href="/api/athletes/{athlete}/sessions/([0-9-]+)\.fit"', page)
    assert fits and fits == sorted(fits)
    assert client.get(f"/api/athletes/{athlete}/sessions/{fits[0]}.fit").status_code == 200
    assert re.search(r'<a href="[^"]*/feed" aria-current="page">Calendar feed</a>', page)


def test_an_issued_address_serves_the_calendar_until_reissued(
    client: TestClient, athlete: int
) -> None:
    first = client.post(f"/athletes/{athlete}/feed/issue", data={"csrf_token": token(client)})
    assert first.status_code == 200
    old = address(first.text)
    assert 'value="webcal://testserver/feeds/' in first.text
    assert client.get(old).text.startswith("BEGIN:VCALENDAR")
    second = client.post(f"/athletes/{athlete}/feed/issue", data={"csrf_token": token(client)})
    new = address(second.text)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_revoked_address_serves_nothing(client: TestClient, athlete: int) -> None:
    issued = client.post(f"/athletes/{athlete}/feed/issue", data={"csrf_token": token(client)})
    url = address(issued.text)
    revoked = client.post(f"/athletes/{athlete}/feed/revoke", data={"csrf_token": token(client)})
    assert "The feed address is revoked" in revoked.text
    assert client.get(url).status_code == 404
    again = client.post(f"/athletes/{athlete}/feed/revoke", data={"csrf_token": token(client)})
    assert "There was no feed address to revoke" in again.text


def test_feed_changes_need_the_csrf_token(client: TestClient, athlete: int) -> None:
    for action in ("issue", "revoke"):
        assert client.post(f"/athletes/{athlete}/feed/{action}", data={}).status_code == 403
    assert client.get("/athletes/99/feed").status_code == 404
