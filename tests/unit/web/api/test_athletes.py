"""Athletes: list, add (upload or bad input), profile round trip and change, plan, today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import CALENDAR, PROFILE, START, add_sam, first_session


def test_a_new_logbook_lists_no_athlete(client: TestClient) -> None:
    assert client.get("/api/athletes").json() == []


def test_an_athlete_added_with_an_upload_is_listed_with_a_first_plan(client: TestClient) -> None:
    answer = client.post(
        "/api/athletes",
        json={
            "name": "Sam",
            "profile": PROFILE,
            "calendar": {"filename": "p.csv", "content": CALENDAR},
        },
    )
    assert answer.status_code == 201
    body = answer.json()
    assert body["plan_version"] == 1 and body["name"] == "Sam"
    assert client.get("/api/athletes").json() == [{"id": body["id"], "name": "Sam"}]


def test_the_profile_reads_back_in_the_words_it_was_given(client: TestClient, athlete: int) -> None:
    profile = client.get(f"/api/athletes/{athlete}").json()["profile"]
    assert profile["days"] == ["mon", "wed", "thu", "sat"]
    assert profile["injuries"] == ["shin-splints"]
    assert profile["start"] == START.isoformat() and profile["weeks"] == 8


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Kim", "profile": {"weeks": "many"}}, "profile.weeks"),
        ({"name": "Kim", "profile": {"days": ["funday"]}}, "profile.days"),
        ({"name": "Kim", "profile": {"shoe": "big"}}, "profile.shoe"),
        ({"name": "Kim", "calendar": {"filename": "cat.jpg", "content": "x"}}, "calendar.filename"),
        ({"name": "Kim", "calendar": {"filename": "p.csv"}}, "calendar.content"),
        ({"name": "Kim", "colour": "red"}, "colour"),
        ({"name": "Kim\x07"}, "name"),
    ],
)
def test_a_bad_new_athlete_is_one_422_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    answer = client.post("/api/athletes", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == field
    assert answer.json()["detail"].startswith(f"{field}: ")


def test_a_file_that_is_no_calendar_is_refused_naming_the_calendar(client: TestClient) -> None:
    answer = client.post(
        "/api/athletes",
        json={
            "name": "Kim",
            "profile": PROFILE,
            "calendar": {"filename": "p.ics", "content": "hello"},
        },
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "calendar"
    assert client.get("/api/athletes").json() == []  # nothing stored


def test_the_same_name_twice_is_refused(client: TestClient, athlete: int) -> None:
    answer = client.post("/api/athletes", json={"name": "Sam", "profile": PROFILE})
    assert answer.status_code == 422 and answer.json()["field"] == "name"


def test_json_that_does_not_parse_is_a_422_on_the_body(client: TestClient) -> None:
    answer = client.post(
        "/api/athletes", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422 and answer.json()["field"] == "body"


@pytest.mark.parametrize(
    "path",
    [
        "/api/athletes/99",
        "/api/athletes/99/plan",
        "/api/athletes/99/today",
        "/api/athletes/99/progress",
    ],
)
def test_an_unknown_athlete_is_404_naming_the_id(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert "athlete 99" in answer.json()["detail"]


def test_an_athlete_id_that_is_no_number_is_422(client: TestClient) -> None:
    answer = client.get("/api/athletes/sam")
    assert answer.status_code == 422 and answer.json()["field"] == "athlete_id"


def test_the_plan_is_the_plan_codec_document(client: TestClient, athlete: int) -> None:
    plan = client.get(f"/api/athletes/{athlete}/plan").json()
    assert plan["schema"] == "legday.plan/1"
    assert plan["start"] == START.isoformat()
    assert any(day["strength"] for day in plan["days"])
    assert plan["profile"]["injuries"] == ["shin-splints"]


def test_a_profile_change_re_plans_and_keeps_what_was_not_sent(
    client: TestClient, athlete: int
) -> None:
    answer = client.put(f"/api/athletes/{athlete}/profile", json={"days": ["tue", "fri"]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["plan_version"] == 2
    profile = client.get(f"/api/athletes/{athlete}").json()["profile"]
    assert profile["days"] == ["tue", "fri"] and profile["injuries"] == ["shin-splints"]
    plan = client.get(f"/api/athletes/{athlete}/plan").json()
    weekdays = {day["date"] for day in plan["days"] if day["strength"]}
    from datetime import date

    assert {date.fromisoformat(d).weekday() for d in weekdays} <= {1, 4}


@pytest.mark.parametrize(
    ("body", "field"),
    [({"level": "pro"}, "profile.level"), ({"age": 7}, "profile.age"), ({"x": 1}, "profile.x")],
)
def test_a_bad_profile_change_is_422_and_changes_nothing(
    client: TestClient, athlete: int, body: dict[str, Any], field: str
) -> None:
    answer = client.put(f"/api/athletes/{athlete}/profile", json=body)
    assert answer.status_code == 422 and answer.json()["field"] == field
    assert client.get(f"/api/athletes/{athlete}").json()["plan_version"] == 1


def test_today_gives_the_player_everything_for_the_session(
    client: TestClient, athlete: int
) -> None:
    first = first_session(client, athlete)
    view = client.get(f"/api/athletes/{athlete}/today", params={"date": first["date"]}).json()
    session = view["session"]
    assert session["why"] and session["music"]["bpm"][0] < session["music"]["bpm"][1]
    assert session["warmup_jog_minutes"] > 0
    for step in session["exercises"]:
        assert step["sets"] >= 1 and (step["reps"] or step["seconds"])
        assert (step["tempo"] or step["seconds"] is not None) and step["cues"]  # holds: no tempo
        assert step["rest_seconds"] > 0
        assert isinstance(step["unilateral"], bool) and isinstance(step["timed_hold"], bool)
        assert step["timed_hold"] == (step["seconds"] is not None)
    assert any(step["picture_url"] for step in session["exercises"])
    assert all(c["hold_s"] > 0 and "per_side" in c for c in session["cooldown"])


def test_today_on_a_day_without_strength_names_the_next_session(
    client: TestClient, athlete: int
) -> None:
    view = client.get(f"/api/athletes/{athlete}/today", params={"date": "2027-01-05"}).json()
    assert view["session"] is None
    assert view["next_session"] > "2027-01-05"
    assert view["runs"][0]["title"] == "Intervals 6x800"


def test_today_with_a_date_that_does_not_parse_is_422_naming_date(
    client: TestClient, athlete: int
) -> None:
    answer = client.get(f"/api/athletes/{athlete}/today", params={"date": "2027-02-30"})
    assert answer.status_code == 422 and answer.json()["field"] == "date"


def test_the_care_routine_comes_with_today(client: TestClient, athlete: int) -> None:
    plan = client.get(f"/api/athletes/{athlete}/plan").json()
    day = next(d["date"] for d in plan["days"] if d["care"])
    view = client.get(f"/api/athletes/{athlete}/today", params={"date": day}).json()
    assert view["care"][0]["injury"] == "shin-splints"
    assert view["care"][0]["exercises"][0]["name"]
    assert view["disclaimer"]  # until a first routine is logged


def test_a_feed_url_that_cannot_be_fetched_is_named(client: TestClient) -> None:
    answer = client.post(
        "/api/athletes",
        json={"name": "Kim", "profile": PROFILE, "feed_url": "https://127.0.0.1:1/plan.ics"},
    )
    assert answer.status_code == 422
    assert "127.0.0.1" in answer.json()["detail"]


def test_a_second_athlete_is_added_beside_the_first(client: TestClient, athlete: int) -> None:
    other = add_sam(client, name="Kim")
    assert other != athlete
    assert [a["name"] for a in client.get("/api/athletes").json()] == ["Kim", "Sam"]


@pytest.mark.parametrize("form", ["{path}", "file://{path}"])
def test_a_feed_url_is_never_a_file_on_the_server(
    client: TestClient, tmp_path: Path, form: str
) -> None:
    calendar = tmp_path / "on-the-server.csv"
    calendar.write_text(CALENDAR, encoding="utf-8")  # a calendar the server could read
    body = {"name": "Kim", "profile": PROFILE, "feed_url": form.format(path=calendar)}
    answer = client.post("/api/athletes", json=body)
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": "feed_url: give the feed's address (https:// or webcal://)",
        "field": "feed_url",
    }
    assert client.get("/api/athletes").json() == []
