"""The session player in a real browser: warm-up, sets logged in one tap or with numbers,
more and fewer sets than planned, a one-legged hold timed per side, the rest countdown."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from webapp import SESSION_DAY, Server, screenshot

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow


def test_player_walks_a_session(server: Server, page: Page) -> None:
    page.goto(f"{server.url}/athletes/{server.athlete_id}/play/{SESSION_DAY}")
    expect(page.locator("#next-title")).to_contain_text("Warm-up")
    screenshot(page, "player-start")
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#step-title")).to_contain_text("jog")
    page.get_by_role("button", name="Start timer").click()
    expect(page.locator("#clock")).to_have_text("4:59", timeout=3000)
    page.locator("#skip").click()
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
    expect(page.locator("#step-title")).to_contain_text("set 1 of 3 · left leg")
