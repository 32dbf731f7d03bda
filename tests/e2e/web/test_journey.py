"""A new runner's first visit: onboarding with their calendar, the plan, today's session
started and sets logged in the player, and the progress that shows them."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from webapp import CALENDAR, SESSION_DAY, Server, screenshot

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow

PROFILE = {
    "start": "2027-01-04",
    "weeks": 8,
    "injuries": ["achilles"],
    "equipment": ["dumbbells"],
    "dumbbells": [4, 6, 8, 10],
    "dominant_leg": "right",
}


def _progress(page: Page, server: Server, athlete: int) -> dict[str, Any]:
    answer = page.request.get(f"{server.url}/api/athletes/{athlete}/progress")
    assert answer.ok
    found: dict[str, Any] = answer.json()
    return found


def test_onboarding_to_progress(server: Server, page: Page) -> None:
    page.goto(server.url + "/")
    created = page.request.post(
        f"{server.url}/api/athletes",
        data={
            "name": "Ben",
            "profile": PROFILE,
            "calendar": {"filename": CALENDAR.name, "content": CALENDAR.read_text()},
        },
    )
    assert created.status == 201, created.text()
    athlete = created.json()["id"]
    plan = page.request.get(f"{server.url}/api/athletes/{athlete}/plan").json()
    today = next(d for d in plan["days"] if d["date"] == SESSION_DAY.isoformat())
    first = today["strength"][0]["main"][0]
    assert first["per_side"], "the walk below logs a one-legged exercise side by side"
    before = _progress(page, server, athlete)

    page.goto(f"{server.url}/athletes/{athlete}/play/{SESSION_DAY}")
    page.get_by_role("button", name="Start the session").click()
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
    expect(page.locator("#step-title")).to_contain_text("set 1 of")
    page.get_by_role("button", name="Done as planned").click()  # left leg, one tap
    page.get_by_role("button", name="Go: right leg").click()
    page.get_by_role("button", name="Done as planned").click()
    expect(page.locator("#step-title")).to_contain_text("Rest")
    screenshot(page, "player-rest")
    page.get_by_role("button", name="Skip rest").click()
    expect(page.locator("#step-title")).to_contain_text("set 2 of")
    page.get_by_role("button", name="Done as planned").click()
    expect(page.locator("#sync-state")).to_have_text("All sets saved")

    after = _progress(page, server, athlete)
    assert before["exercises"] == []
    assert [series["exercise"] for series in after["exercises"]] == [first["exercise"]]
    assert after["sessions"] != before["sessions"]
