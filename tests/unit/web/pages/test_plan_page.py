"""The plan calendar and one day of it: month and week views with runs, sessions and care
side by side, the season's weeks marked, the why on demand, and skip / move / weather
previewed before they are accepted."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import token


def sessions_on(page: str) -> list[str]:
    return re.findall(r"/athletes/\d+/sessions/(\d{4}-\d\d-\d\d)\"", page)


def test_the_month_holds_runs_sessions_and_care_side_by_side(
    client: TestClient, athlete: int
) -> None:
    page = client.get(f"/athletes/{athlete}/plan").text
    assert "<h2>January 2027</h2>" in page
    assert 'class="tag run hard"' in page  # the calendar's hard runs
    assert 'class="tag strength"' in page and sessions_on(page)
    assert 'class="tag care"' in page  # shin-splints care routines
    assert "Care: shin splints," in page  # the problem in words, never its id
    assert "<summary>Why this session</summary>" in page
    assert 'aria-current="date"' in page  # today
    assert re.search(r'<a href="[^"]*/plan" aria-current="page">Plan</a>', page)


def test_recovery_taper_and_race_weeks_are_marked(client: TestClient, athlete: int) -> None:
    marks = set()
    for month in ("2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01"):
        page = client.get(f"/athletes/{athlete}/plan?date={month}").text
        marks |= set(re.findall(r'<span class="mark">([^<]+)</span>', page))
    assert {"recovery week", "taper week"} <= marks
    may = client.get(f"/athletes/{athlete}/plan?date=2027-05-09").text
    assert '<span class="tag race">race A</span>' in may  # the goal marathon


def test_the_week_view_lists_each_prescription(client: TestClient, athlete: int) -> None:
    page = client.get(f"/athletes/{athlete}/plan?view=week&date=2027-01-13").text
    assert "<h2>Week of 11 January 2027</h2>" in page
    assert re.search(r"<li>[^<:]+: \d+ × \d+", page)  # "Goblet squat: 2 × 10"
    assert page.count('<li class="day') == 7


def test_a_bad_date_in_the_address_shows_the_plan_not_an_error(
    client: TestClient, athlete: int
) -> None:
    assert client.get(f"/athletes/{athlete}/plan?date=someday").status_code == 200


def test_an_unknown_athlete_is_404(client: TestClient) -> None:
    assert client.get("/athletes/99/plan").status_code == 404
    assert client.get("/athletes/99/sessions/2027-01-13").status_code == 404


def test_a_day_shows_its_session_with_the_why(client: TestClient, athlete: int) -> None:
    day = sessions_on(client.get(f"/athletes/{athlete}/plan").text)[0]
    page = client.get(f"/athletes/{athlete}/sessions/{day}").text
    assert "<summary>Why this session</summary>" in page
    assert '<th scope="col">Sets × reps</th>' in page
    assert f"/athletes/{athlete}/play/{day}" in page  # the player
    assert '<label for="to">' in page


def test_skipping_is_previewed_then_accepted(client: TestClient, athlete: int) -> None:
    before = client.get(f"/athletes/{athlete}/plan").text
    day = sessions_on(before)[0]
    url = f"/athletes/{athlete}/sessions/{day}/skip"
    preview = client.post(url, data={"csrf_token": token(client), "note": "cold"})
    assert preview.status_code == 200
    assert "Accept this re-plan" in preview.text
    assert client.get(f"/athletes/{athlete}/plan").text == before  # nothing stored yet
    accepted = client.post(url, data={"csrf_token": token(client), "step": "accept"})
    assert accepted.status_code == 200
    assert "Re-planned" in accepted.text
    assert "logged as skipped" in accepted.text


def test_a_move_to_a_day_the_rules_forbid_is_told_beside_the_date(
    client: TestClient, athlete: int
) -> None:
    day = sessions_on(client.get(f"/athletes/{athlete}/plan").text)[0]
    url = f"/athletes/{athlete}/sessions/{day}/move"
    answer = client.post(url, data={"csrf_token": token(client), "to": "2026-12-01"})
    assert answer.status_code == 422
    assert re.search(r'<p class="error" id="to-error">[^<]*in the past', answer.text)
    typo = client.post(url, data={"csrf_token": token(client), "to": "tomorrow"})
    assert typo.status_code == 422 and "is not a date" in typo.text


def test_a_weather_swap_is_previewed(client: TestClient, athlete: int) -> None:
    url = f"/athletes/{athlete}/sessions/2027-01-12/weather"  # Tuesday's hill repeats
    preview = client.post(url, data={"csrf_token": token(client)})
    assert preview.status_code == 200
    assert "If you give this day&#39;s run to the weather" in preview.text
    assert "Accept this re-plan" in preview.text


def test_changes_are_refused_without_the_csrf_token(client: TestClient, athlete: int) -> None:
    day = sessions_on(client.get(f"/athletes/{athlete}/plan").text)[0]
    for action in ("skip", "move", "weather"):
        answer = client.post(f"/athletes/{athlete}/sessions/{day}/{action}", data={})
        assert answer.status_code == 403


def test_an_unknown_change_is_404(client: TestClient, athlete: int) -> None:
    answer = client.post(
        f"/athletes/{athlete}/sessions/2027-01-13/cancel", data={"csrf_token": token(client)}
    )
    assert answer.status_code == 404
