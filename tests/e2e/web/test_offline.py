"""The gym without signal: sets logged offline wait in IndexedDB, the page reloads from the
service worker's copy, and when the connection returns each set reaches the store once,
even the one whose answer was lost on the way back (the server had it: a replay)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from webapp import START, Server, open_player, queue, sets_stored

# the plan's first strength day, before the pinned today (a set may not be logged ahead of
# tomorrow); the other tests log on SESSION_DAY
DAY = START

# Chromium: slow by this project's measure (pyproject.toml markers); `make test` runs them.
pytestmark = pytest.mark.slow


def test_sets_logged_offline_sync_once_when_back(server: Server, page: Page) -> None:
    open_player(page, server, DAY)
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function(
        "async () => Boolean(await caches.match(location.pathname))", polling=100
    )
    # one set online, its answer lost on the way back: stored, but the page cannot know
    lost: list[str] = []

    def lose_answer(route: Route) -> None:
        if not lost:
            lost.append(route.request.post_data or "")
            route.fetch()  # the server stores the set...
            route.abort("connectionreset")  # ...and the page never hears back
        else:
            route.continue_()

    page.route("**/api/athletes/*/sets", lose_answer)
    page.get_by_role("button", name="Done as planned").click()
    expect(page.locator("#sync-state")).to_contain_text("1 set(s) waiting")
    assert sets_stored(server, DAY) == 1

    page.context.set_offline(True)
    page.get_by_role("button", name="Go: right leg").click()
    page.get_by_role("button", name="Change numbers").click()
    page.locator("#log-reps").fill("6")
    page.locator("#log-pain").fill("1")
    page.get_by_role("button", name="Save set").click()
    expect(page.locator("#sync-state")).to_contain_text("2 set(s) waiting")
    page.get_by_role("button", name="Skip rest").click()
    page.get_by_role("button", name="Done as planned").click()
    expect(page.locator("#sync-state")).to_contain_text("3 set(s) waiting")

    page.reload()  # offline: the service worker's copy of the page
    expect(page.get_by_role("button", name="Start the session")).to_be_visible()
    assert [e["state"] for e in queue(page)] == ["pending"] * 3
    assert sets_stored(server, DAY) == 1

    page.context.set_offline(False)
    expect(page.locator("#sync-state")).to_have_text("All sets saved")
    entries = queue(page)
    assert [e["state"] for e in entries] == ["synced"] * 3
    assert len({e["client_id"] for e in entries}) == 3
    assert sets_stored(server, DAY) == 3, "the replayed set was stored twice"
