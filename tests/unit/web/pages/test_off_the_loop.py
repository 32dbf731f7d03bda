"""The pages' slow work (a feed fetched, a calendar read, a plan made or re-made) runs in
a worker thread, never on the event loop, where it would stall every other request."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import TODAY, onboard, token

from legday.errors import InputError
from legday.services import Logbook
from legday.web.pages import onboarding, uploads


def _on_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _watched(work: Callable[..., Any], seen: list[bool]) -> Callable[..., Any]:
    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(_on_loop())
        return work(*args, **kwargs)

    return watched


def test_onboarding_reads_and_plans_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(uploads, "keep_file", _watched(uploads.keep_file, seen))
    monkeypatch.setattr(onboarding, "_read", _watched(onboarding._read, seen))
    monkeypatch.setattr(Logbook, "add_athlete", _watched(Logbook.add_athlete, seen))
    onboard(client)
    assert len(seen) >= 3 and not any(seen)


def test_a_feed_is_fetched_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def no_feed(address: str) -> uploads.Upload:
        seen.append(_on_loop())
        raise InputError("feed_url", "the feed did not answer")

    monkeypatch.setattr(uploads, "keep_feed", no_feed)
    form = {"csrf_token": token(client), "feed_url": "https://example.org/feed.ics"}
    answer = client.post("/start/calendar", data=form)
    assert answer.status_code == 422 and "the feed did not answer" in answer.text
    assert seen == [False]


@pytest.mark.parametrize("action", ["skip", "move", "weather"])
def test_a_day_is_re_planned_off_the_event_loop(
    client: TestClient, athlete: int, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(Logbook, action, _watched(getattr(Logbook, action), seen))
    form = {"csrf_token": token(client), "to": "2027-01-05"}
    answer = client.post(f"/athletes/{athlete}/sessions/{TODAY}/{action}", data=form)
    assert answer.status_code in (200, 422), answer.text
    assert seen == [False]
