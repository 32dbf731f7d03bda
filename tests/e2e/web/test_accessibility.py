"""axe-core (from the npm registry, `make node_modules`) on every page of the app, at phone
width: no serious or critical violation. The player is checked in each of its states."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from webapp import AXE, SESSION_DAY, Server, serious_violations

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _axe_installed() -> None:
    assert AXE.exists(), "axe-core is missing: `make node_modules` installs it (npm ci)"


def test_home_has_no_serious_violation(server: Server, page: Page) -> None:
    page.goto(server.url + "/")
    assert serious_violations(page) == []


def test_player_has_no_serious_violation_in_any_state(server: Server, page: Page) -> None:
    page.goto(f"{server.url}/athletes/{server.athlete_id}/play/{SESSION_DAY}")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#clock")).to_be_visible()
    assert serious_violations(page) == [], "warm-up"
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
    assert serious_violations(page) == [], "a set"
    page.get_by_role("button", name="Change numbers").click()
    expect(page.locator("#log-form")).to_be_visible()
    assert serious_violations(page) == [], "the log form"
