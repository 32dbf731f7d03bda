"""axe-core (from the npm registry, `make node_modules`) on every page of the app, at phone
width: no serious or critical violation. The player is checked in each of its states."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from webapp import AXE, CALENDAR, SESSION_DAY, Server, screenshot, serious_violations

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _axe_installed() -> None:
    assert AXE.exists(), "axe-core is missing: `make node_modules` installs it (npm ci)"


# the pages the README shows; the library's hundred animations make a slow picture
SHOWN = ("start", "plan-month", "session", "progress")


def test_every_page_has_no_serious_violation(server: Server, page: Page) -> None:
    """Each page at phone width; the main ones kept as screenshots at 360 px and desktop."""
    athlete = f"/athletes/{server.athlete_id}"
    pages = {
        "home": "/",
        "start": "/start",
        "library": "/exercises",
        "plan-month": f"{athlete}/plan?date={SESSION_DAY}",
        "plan-week": f"{athlete}/plan?view=week&date={SESSION_DAY}",
        "session": f"{athlete}/sessions/{SESSION_DAY}",
        "progress": f"{athlete}/progress",
        "feed": f"{athlete}/feed",
        "api-docs": "/docs",
    }
    found = {}
    for name, path in pages.items():
        answer = page.goto(server.url + path)
        assert answer is not None and answer.ok, f"{path}: {answer and answer.status}"
        found[name] = serious_violations(page)
        if name in SHOWN:
            screenshot(page, name)
    page.goto(server.url + "/start")
    page.get_by_label("Calendar file (.ics or .csv)").set_input_files(CALENDAR)
    page.get_by_role("button", name="Read the calendar").click()
    expect(page.get_by_role("heading", name="Step 3 of 3: about you")).to_be_visible()
    found["onboarding-review"] = serious_violations(page)
    screenshot(page, "onboarding-review")
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_player_has_no_serious_violation_in_any_state(server: Server, page: Page) -> None:
    page.goto(f"{server.url}/athletes/{server.athlete_id}/play/{SESSION_DAY}")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#clock")).to_be_visible()
    assert serious_violations(page) == [], "warm-up"
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
    assert serious_violations(page) == [], "a set"
    screenshot(page, "player-set")
    page.get_by_role("button", name="Change numbers").click()
    expect(page.locator("#log-form")).to_be_visible()
    assert serious_violations(page) == [], "the log form"
    screenshot(page, "player-log")
