"""What the app keeps (today's session, the plan, the session player's page: docs/web.md,
"Kept answers") is never older than the logbook: after any change, by this server or by
another program on the same store, each answer is what a server that keeps nothing would
give. And each browser still gets its own CSRF token in a kept page."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import add_sam, first_session
from tests.unit.web.api.test_sessions import a_set

from legday import bootstrap
from legday.progression import SetLog
from legday.web.api.answers import Answers
from legday.web.app import create_app
from legday.web.security import CSRF_COOKIE
from logbook_template import fill_from_template
from shared_app import app_over

WEATHER_DAY = "2027-01-09"  # Sam's long run (a Saturday)
BROWSER = {CSRF_COOKIE: "the-same-browser"}

Change = Callable[[TestClient, int, str, str], Any]


def _cli_log(client: TestClient, athlete: int, day: str, url: str) -> None:
    """`legday log` in another process: its own connection to the same store."""
    with bootstrap.open_logbook(url) as (cli, _db):
        one = SetLog("goblet-squat", date.fromisoformat(day), reps=8, load_kg=12.0, rpe=7.0)
        cli.log("Sam", [one])


CHANGES: dict[str, Change] = {
    "a set logged": lambda c, a, day, _: c.post(
        f"/api/athletes/{a}/sets", json=a_set(date=day, exercise="goblet-squat")
    ),
    "the session skipped": lambda c, a, day, _: c.post(
        f"/api/athletes/{a}/sessions/{day}/skip", json={"note": "ill"}
    ),
    "the session moved": lambda c, a, day, _: c.post(
        f"/api/athletes/{a}/sessions/{day}/move", json={}
    ),
    "a run lost to weather": lambda c, a, _day, _: c.post(
        f"/api/athletes/{a}/sessions/{WEATHER_DAY}/weather", json={}
    ),
    "a re-plan (profile changed)": lambda c, a, _day, _: c.put(
        f"/api/athletes/{a}/profile", json={"minutes": 30}
    ),
    "a set logged by the CLI": _cli_log,
}


def _answers(client: TestClient, athlete: int, day: str) -> dict[str, Any]:
    """Every kept answer about Sam: today's session, the plan, the player's pages."""
    base = f"/api/athletes/{athlete}"
    found: dict[str, Any] = {
        "today": client.get(f"{base}/today", params={"date": day}).json(),
        "plan": client.get(f"{base}/plan").json(),
    }
    for shown in (day, WEATHER_DAY):
        answer = client.get(f"/athletes/{athlete}/play/{shown}")
        assert answer.status_code == 200
        found[f"player {shown}"] = answer.text
    return found


@pytest.mark.parametrize("change", CHANGES)
def test_every_kept_answer_follows_every_change(
    sqlite_url: str, athlete: int, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TestClient(app_over(sqlite_url, monkeypatch), cookies=BROWSER) as client:
        day = first_session(client, athlete)["date"]
        before = _answers(client, athlete, day)
        assert _answers(client, athlete, day) == before  # kept, and the same
        kept = len(client.app.state.answers)  # type: ignore[attr-defined]
        answer = CHANGES[change](client, athlete, day, sqlite_url)
        assert answer is None or answer.status_code < 300, answer.text
        after = _answers(client, athlete, day)
    # a server that keeps nothing yet: the shared app again, its kept answers emptied
    with TestClient(app_over(sqlite_url, monkeypatch), cookies=BROWSER) as fresh:
        assert after == _answers(fresh, athlete, day)
    assert kept == len(before)  # each was kept (so an old one was there to be served)
    assert after != before


@pytest.mark.postgres
def test_two_workers_on_postgresql_serve_no_old_answer_after_the_others_change(
    pg_url: str,
) -> None:
    """Two app processes on one PostgreSQL database, as a deployment with several workers
    runs: what one keeps follows a change made through the other."""
    fill_from_template(pg_url)
    with (
        TestClient(create_app(pg_url), cookies=BROWSER) as one,
        TestClient(create_app(pg_url), cookies=BROWSER) as two,
    ):
        athlete = add_sam(one)
        day = first_session(one, athlete)["date"]
        seen = [_answers(one, athlete, day)]
        assert _answers(two, athlete, day) == seen[0]  # both keep them now
        for change in ("a set logged", "a run lost to weather"):
            answer = CHANGES[change](two, athlete, day, pg_url)
            assert answer.status_code < 300, answer.text
            now = _answers(one, athlete, day)
            assert now == _answers(two, athlete, day) and now != seen[-1]
            seen.append(now)


def test_a_set_logged_shows_in_the_kept_player_page(client: TestClient, athlete: int) -> None:
    day = first_session(client, athlete)["date"]
    page = f"/athletes/{athlete}/play/{day}"
    assert '"status":null' in client.get(page).text
    logged = client.post(f"/api/athletes/{athlete}/sets", json=a_set(date=day))
    assert logged.status_code == 201
    shown = client.get(page).text
    assert '"status":"done"' in shown and "Already logged as done" in shown


def _meta_token(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]*)">', html)
    assert found is not None
    return found.group(1)


def test_a_kept_page_carries_each_browsers_own_token(sqlite_url: str, athlete: int) -> None:
    app = create_app(sqlite_url)
    page = f"/athletes/{athlete}/play/2027-01-04"
    with TestClient(app) as first, TestClient(app) as second:
        one, two = first.get(page), second.get(page)  # the second is the kept page
        assert _meta_token(one.text) == first.cookies[CSRF_COOKIE]
        assert _meta_token(two.text) == second.cookies[CSRF_COOKIE]
        assert first.cookies[CSRF_COOKIE] != second.cookies[CSRF_COOKIE]
        assert len(app.state.answers) == 1  # one page kept for both


def test_a_kept_page_escapes_the_token_it_is_given(
    sqlite_url: str, athlete: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_over(sqlite_url, monkeypatch)
    with TestClient(app, cookies={CSRF_COOKIE: '"<b>x</b>"'}) as client:
        html = client.get(f"/athletes/{athlete}/play/2027-01-04").text
    assert "<b>x</b>" not in html and _meta_token(html) == "&lt;b&gt;x&lt;/b&gt;"


def test_a_kept_page_links_to_the_host_it_was_asked_on(
    sqlite_url: str, athlete: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = f"/athletes/{athlete}/play/2027-01-04"
    with TestClient(app_over(sqlite_url, monkeypatch)) as client:
        local = client.get(page, headers={"host": "localhost:8000"}).text
        loopback = client.get(page, headers={"host": "127.0.0.1:8000"}).text
    assert "http://localhost:8000/static/" in local and "127.0.0.1" not in local
    assert "http://127.0.0.1:8000/static/" in loopback and "localhost" not in loopback


def test_kept_answers_stay_within_their_bounds() -> None:
    answers = Answers(size=4, max_bytes=10)

    def get(key: object, made: bytes) -> bytes:
        return asyncio.run(answers.get(key, lambda: made))

    for n in range(10):
        assert get(n, bytes([n]) * 3) == bytes([n]) * 3
        assert len(answers) <= 4 and answers.bytes <= 10
    assert get(9, b"made again") == bytes([9]) * 3  # kept, not made again
    assert get(0, b"new") == b"new"  # the oldest fell out
    assert get("big", b"x" * 50) == b"x" * 50  # bigger than the bound: kept alone
    assert len(answers) == 1 and answers.bytes == 50
