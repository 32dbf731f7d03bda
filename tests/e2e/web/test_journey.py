"""A new runner's first visit, by the pages only: onboarding with their calendar and
profile, the plan calendar, today's session started from it and sets logged in the player,
and the progress charts changed by them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from webapp import CALENDAR, SESSION_DAY, Server, screenshot

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow


def test_onboarding_to_progress(server: Server, page: Page) -> None:
    page.goto(server.url + "/start")
    page.get_by_label("Calendar file (.ics or .csv)").set_input_files(CALENDAR)
    page.get_by_role("button", name="Read the calendar").click()
    expect(page.get_by_role("heading", name="Step 3 of 3: about you")).to_be_visible()
    page.get_by_label("Name").fill("Ben")
    page.get_by_label("First day").fill("2027-01-04")
    page.get_by_label("Weeks").fill("8")
    page.locator("#kit_dumbbells").check()
    page.get_by_label("Dumbbells (kg)").fill("4, 6, 8, 10")
    page.locator("#injury_achilles").check()
    page.get_by_label("Dominant leg").select_option("right")
    page.get_by_role("button", name="Make my plan").click()

    expect(page).to_have_url(re.compile(r"/athletes/\d+/plan"))
    athlete = page.url.split("/athletes/")[1].split("/")[0]
    page.goto(f"{server.url}/athletes/{athlete}/progress")
    expect(page.get_by_role("heading", name="Weekly sets per muscle group")).to_have_count(0)
    page.go_back()

    page.locator(f'a[href$="/sessions/{SESSION_DAY}"]').first.click()
    page.get_by_role("link", name="Start this session").click()
    page.get_by_role("button", name="Start the session").click()
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
    exercise = page.locator("#step-title").inner_text().split(": set")[0]
    expect(page.locator("#step-title")).to_contain_text("set 1 of")
    page.get_by_role("button", name="Done as planned").click()  # one tap
    other_leg = page.get_by_role("button", name="Go: right leg")
    expect(other_leg.or_(page.locator("#step-title", has_text="Rest"))).to_be_visible()
    if other_leg.count():
        page.get_by_role("button", name="Go: right leg").click()
        page.get_by_role("button", name="Done as planned").click()
    expect(page.locator("#step-title")).to_contain_text("Rest")
    screenshot(page, "player-rest")
    page.get_by_role("button", name="Skip rest").click()
    expect(page.locator("#step-title")).to_contain_text("set 2 of")
    page.get_by_role("button", name="Change numbers").click()  # two taps
    page.get_by_role("button", name="Save set").click()
    expect(page.locator("#sync-state")).to_have_text("All sets saved")

    page.get_by_role("link", name="Progress").first.click()
    expect(page.get_by_role("heading", name="Weekly sets per muscle group")).to_be_visible()
    expect(page.locator("#main")).to_contain_text(re.compile(re.escape(exercise), re.IGNORECASE))
    screenshot(page, "progress")
