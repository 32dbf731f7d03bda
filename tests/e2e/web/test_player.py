"""The player's clocks in a real browser with its clock under the test's control: the jog
timer, the tempo metronome's count, the rest countdown's −15 s, +15 s and skip, the
get-ready count and per-side holds, more and fewer sets than planned, the stretches."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from webapp import SESSION_DAY, Server, screenshot

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow

MORNING = datetime(2027, 1, 8, 7, 0)


def test_player_walks_a_session(server: Server, page: Page) -> None:
    # the page's clock stands still between the steps below: only run_for moves it
    page.clock.install(time=MORNING)
    page.goto(f"{server.url}/athletes/{server.athlete_id}/play/{SESSION_DAY}")
    page.clock.pause_at(MORNING + timedelta(minutes=5))
    expect(page.locator("#next-title")).to_contain_text("Warm-up: Light jog")
    screenshot(page, "player-start")
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("body")).to_have_attribute("data-awake", "yes")

    # the warm-up jog: five minutes, counted down
    expect(page.locator("#step-title")).to_have_text("Warm-up: Light jog")
    page.get_by_role("button", name="Start timer").click()
    page.clock.run_for("01:00")
    expect(page.locator("#clock")).to_have_text("4:00")
    page.clock.run_for("04:01")
    expect(page.locator("#status")).to_contain_text("Time")
    page.get_by_role("button", name="Next").click()
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()

    # a loaded one-legged lift: the weaker (left) leg first, the metronome at 3-1-2
    title = page.locator("#step-title")
    expect(title).to_have_text("Reverse lunge: set 1 of 3 · left leg")
    expect(page.locator("#next-title")).to_have_text("Reverse lunge: set 1 of 2 · right leg")
    page.get_by_role("button", name="Metronome").click()
    # the count is the prescribed reps, whatever the plan holds this week
    expect(page.locator("#beat")).to_have_text(re.compile(r"Rep 1 of \d+ · down 1/3"))
    reps = page.locator("#beat").inner_text().split(" of ")[1].split(" ")[0]
    page.clock.run_for(3000)
    expect(page.locator("#beat")).to_have_text(f"Rep 1 of {reps} · hold 1/1")
    page.clock.run_for(3000)
    expect(page.locator("#beat")).to_have_text(f"Rep 2 of {reps} · down 1/3")
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Go: right leg").click()
    page.get_by_role("button", name="Done as planned").click()

    # the rest: 60 s, −15, +15, +15, then skipped
    expect(title).to_contain_text("Rest · then Reverse lunge: set 2 of 3")
    expect(page.locator("#clock")).to_have_text("1:00")
    page.get_by_role("button", name="−15 s").click()
    expect(page.locator("#clock")).to_have_text("0:45")
    page.get_by_role("button", name="+15 s").click()
    page.get_by_role("button", name="+15 s").click()
    expect(page.locator("#clock")).to_have_text("1:15")
    page.clock.run_for("01:16")  # at zero the next set comes on its own
    expect(title).to_have_text("Reverse lunge: set 2 of 3 · left leg")

    # one more set than planned, then fewer: the rest of the next exercise skipped
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Go: right leg").click()
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Skip rest").click()
    expect(title).to_have_text("Reverse lunge: set 3 of 3 · left leg")  # the weaker leg's extra
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="One more set").click()
    expect(title).to_have_text("Reverse lunge: set 4 of 4 · left leg")
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Go: right leg").click()
    expect(title).to_have_text("Reverse lunge: set 3 of 3 · right leg")
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Skip rest").click()
    expect(title).to_have_text("Staggered-stance Romanian deadlift: set 1 of 3 · left leg")
    page.get_by_role("button", name="Skip the rest of this exercise").click()
    expect(title).to_contain_text("Calf raise: set 1 of")  # its sets are the plan's

    # on to the one-legged hold: get ready, then each side timed
    while "Single-leg stand" not in title.inner_text():
        page.get_by_role("button", name="Skip the rest of this exercise").click()
    expect(title).to_contain_text("Single-leg stand: set 1 of")
    expect(title).to_contain_text("· left leg")
    page.get_by_role("button", name="Start hold").click()
    expect(page.locator("#status")).to_have_text("Get ready")
    page.clock.run_for(5100)
    expect(page.locator("#status")).to_have_text("Hold on the left leg")
    expect(page.locator("#clock")).to_have_text("0:30")
    page.clock.run_for(30_100)
    expect(page.locator("#status")).to_have_text("Hold done")
    page.get_by_role("button", name="Done as planned").click()
    page.get_by_role("button", name="Go: right leg").click()
    expect(title).to_contain_text("Single-leg stand: set 1 of")
    expect(title).to_contain_text("· right leg")
    page.get_by_role("button", name="Skip the rest of this exercise").click()

    # cool-down stretches, held on a clock, then the end
    expect(title).to_contain_text("Cool-down")
    page.get_by_role("button", name="Start hold").click()
    page.clock.run_for("01:01")
    expect(page.locator("#status")).to_have_text("Hold done.")
    while "Cool-down" in title.inner_text():
        page.locator("#skip, #next-step").first.click()
    expect(title).to_have_text("Session done")
    expect(page.locator("#step-detail")).to_have_text("8 sets logged this time.")
    expect(page.locator("#sync-state")).to_have_text("All sets saved")
