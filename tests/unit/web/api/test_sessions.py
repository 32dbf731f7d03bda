"""A session's day: skip, move and weather previewed then accepted; sets logged once by
their client id, however often they are sent; the session as a FIT file."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import first_session


def _version(client: TestClient, athlete: int) -> int:
    version: int = client.get(f"/api/athletes/{athlete}").json()["plan_version"]
    return version


@pytest.mark.parametrize("change", ["skip", "move", "weather"])
def test_a_preview_returns_the_re_plan_and_stores_nothing(
    client: TestClient, athlete: int, change: str
) -> None:
    day = first_session(client, athlete)["date"] if change != "weather" else "2027-01-09"
    before = client.get(f"/api/athletes/{athlete}/plan").json()
    url = f"/api/athletes/{athlete}/sessions/{day}/{change}"
    answer = client.post(url, json={"preview": True})
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["preview"] is True and shown["plan_version"] == 2
    assert client.get(f"/api/athletes/{athlete}/plan").json() == before
    assert _version(client, athlete) == 1
    accepted = client.post(url, json={"preview": False}).json()
    assert accepted["changes"] == shown["changes"]  # what was shown is what was stored
    assert _version(client, athlete) == 2


def test_a_skip_takes_the_session_off_its_day(client: TestClient, athlete: int) -> None:
    day = first_session(client, athlete)["date"]
    answer = client.post(f"/api/athletes/{athlete}/sessions/{day}/skip", json={"note": "ill"})
    assert {"from": day, "to": None} in answer.json()["changes"] or any(
        c["from"] == day for c in answer.json()["changes"]
    )
    view = client.get(f"/api/athletes/{athlete}/today", params={"date": day}).json()
    assert view["status"] == "skipped"


def test_a_move_to_a_chosen_day_lands_there(client: TestClient, athlete: int) -> None:
    day = first_session(client, athlete)["date"]  # Monday 2027-01-04
    answer = client.post(f"/api/athletes/{athlete}/sessions/{day}/move", json={"to": "2027-01-06"})
    assert answer.status_code == 200, answer.text
    assert {"from": day, "to": "2027-01-06"} in answer.json()["changes"]


@pytest.mark.parametrize(
    ("change", "day", "body", "field"),
    [
        ("move", "first", {"to": "2026-12-01"}, "to"),  # the past
        ("move", "first", {"to": "someday"}, "to"),
        ("move", "first", {"preview": "maybe"}, "preview"),
        ("weather", "2026-12-01", {}, "date"),
        ("skip", "first", {"colour": 1}, "colour"),
        ("skip", "2027-13-01", {}, "day"),
    ],
)
def test_a_change_that_cannot_be_made_is_422_naming_the_field(
    client: TestClient, athlete: int, change: str, day: str, body: dict[str, Any], field: str
) -> None:
    on = first_session(client, athlete)["date"] if day == "first" else day
    answer = client.post(f"/api/athletes/{athlete}/sessions/{on}/{change}", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == field
    assert _version(client, athlete) == 1


@pytest.mark.parametrize(
    ("change", "day"),
    [("skip", "2027-01-05"), ("move", "2027-01-05"), ("weather", "2027-01-06")],  # no run
)
def test_a_change_of_a_day_without_a_session_or_run_is_404_naming_the_date(
    client: TestClient, athlete: int, change: str, day: str
) -> None:
    answer = client.post(f"/api/athletes/{athlete}/sessions/{day}/{change}", json={})
    assert answer.status_code == 404, answer.text
    assert answer.json()["field"] == "date"
    assert _version(client, athlete) == 1


def test_a_change_for_an_unknown_athlete_is_404(client: TestClient) -> None:
    answer = client.post("/api/athletes/7/sessions/2027-01-04/skip", json={})
    assert answer.status_code == 404 and "athlete 7" in answer.json()["detail"]


def a_set(**extra: Any) -> dict[str, Any]:
    return {
        "client_id": str(uuid.uuid4()),
        "date": "2027-01-04",
        "exercise": "forward-lunge",
        "set_no": 1,
        "side": "left",
        "reps": 5,
        "kg": 6,
        "rpe": 6,
        "form_ok": True,
        "pain": 0,
        **extra,
    }


def test_a_set_is_stored_once_however_often_it_is_sent(client: TestClient, athlete: int) -> None:
    one = a_set()
    url = f"/api/athletes/{athlete}/sets"
    first = client.post(url, json=one)
    assert first.status_code == 201, first.text
    for _ in range(3):
        again = client.post(url, json=one)
        assert again.status_code == 200
        assert again.json() == first.json()
    assert first.json()["kg"] == 6 and first.json()["set_no"] == 1
    progress = client.get(f"/api/athletes/{athlete}/progress").json()
    lunge = next(e for e in progress["exercises"] if e["exercise"] == "forward-lunge")
    assert lunge["days"] == [
        {"day": "2027-01-04", "top_kg": 6.0, "reps": 5, "best_reps": 5, "seconds": 0, "sets": 1}
    ]


def test_two_sets_with_their_own_ids_are_two_sets(client: TestClient, athlete: int) -> None:
    url = f"/api/athletes/{athlete}/sets"
    assert client.post(url, json=a_set()).status_code == 201
    assert client.post(url, json=a_set(set_no=2, reps=6)).status_code == 201
    progress = client.get(f"/api/athletes/{athlete}/progress").json()
    (lunge,) = [e for e in progress["exercises"] if e["exercise"] == "forward-lunge"]
    assert lunge["days"][0]["sets"] == 2 and lunge["days"][0]["reps"] == 11


def test_a_timed_hold_is_logged_in_seconds(client: TestClient, athlete: int) -> None:
    hold = a_set(exercise="front-plank", reps=None, seconds=30, kg=None, side="both")
    answer = client.post(f"/api/athletes/{athlete}/sets", json=hold)
    assert answer.status_code == 201 and answer.json()["seconds"] == 30


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"client_id": None}, "client_id"),
        ({"reps": 1000}, "reps"),
        ({"reps": -1}, "reps"),
        ({"kg": 9999}, "kg"),
        ({"rpe": 11}, "rpe"),
        ({"pain": 11}, "pain"),
        ({"side": "middle"}, "side"),
        ({"date": "yesterday"}, "date"),
        ({"exercise": "Not A Slug"}, "exercise"),
        ({"exercise": "moon-walk"}, "exercise"),
        ({"reps": None, "seconds": None}, "reps"),
        ({"set_no": 0}, "set_no"),
        ({"mood": "great"}, "mood"),
    ],
)
def test_a_bad_set_is_one_422_naming_the_field_and_nothing_is_stored(
    client: TestClient, athlete: int, change: dict[str, Any], field: str
) -> None:
    answer = client.post(f"/api/athletes/{athlete}/sets", json=a_set(**change))
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == field
    assert answer.json()["detail"].startswith(f"{field}: ")
    assert client.get(f"/api/athletes/{athlete}/progress").json()["exercises"] == []


def test_the_session_downloads_as_a_fit_file(client: TestClient, athlete: int) -> None:
    day = first_session(client, athlete)["date"]
    answer = client.get(f"/api/athletes/{athlete}/sessions/{day}.fit")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/vnd.ant.fit"
    assert f'filename="legday-{day}.fit"' in answer.headers["content-disposition"]
    assert answer.content[8:12] == b".FIT"  # the FIT header's data type


def test_a_day_without_a_session_has_no_fit_file(client: TestClient, athlete: int) -> None:
    answer = client.get(f"/api/athletes/{athlete}/sessions/2027-01-05.fit")
    assert answer.status_code == 404 and answer.json()["detail"].startswith("date: ")


def test_today_and_the_plan_follow_every_change_even_the_clis(
    client: TestClient, athlete: int, sqlite_url: str
) -> None:
    from legday import bootstrap

    day = first_session(client, athlete)["date"]
    url = f"/api/athletes/{athlete}/today"
    assert client.get(url, params={"date": day}).json()["status"] is None
    assert client.post(f"/api/athletes/{athlete}/sets", json=a_set(date=day)).status_code == 201
    assert client.get(url, params={"date": day}).json()["status"] == "done"
    later = client.get(f"/api/athletes/{athlete}/plan").json()
    skipped = next(d["date"] for d in later["days"] if d["strength"] and d["date"] > day)
    with bootstrap.open_logbook(sqlite_url) as (cli, _db):  # another process, as the CLI
        from datetime import date

        cli.skip("Sam", date.fromisoformat(skipped), date.fromisoformat(day))
    assert client.get(url, params={"date": skipped}).json()["status"] == "skipped"
    plan = client.get(f"/api/athletes/{athlete}/plan").json()
    assert not next(d for d in plan["days"] if d["date"] == skipped)["strength"]
