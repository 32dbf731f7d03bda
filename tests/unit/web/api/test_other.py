"""Calendar reading, progress, the exercise library and pictures, and the calendar feed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import CALENDAR

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a@test
DTSTART;VALUE=DATE:20270105
SUMMARY:Intervals 6x800m
END:VEVENT
BEGIN:VEVENT
UID:b@test
DTSTART;VALUE=DATE:20270107
SUMMARY:Run?
END:VEVENT
END:VCALENDAR
"""


# --- calendars -----------------------------------------------------------------------


def test_an_uploaded_calendar_reads_entry_by_entry_with_confidence(client: TestClient) -> None:
    answer = client.post("/api/calendars/read", json={"filename": "plan.csv", "content": CALENDAR})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["first"] == "2027-01-05" and body["last"] == "2027-01-23"
    kinds = {e["title"]: e["kind"] for e in body["entries"]}
    assert kinds["Long run 18k"] == "long" and kinds["Easy 40"] == "easy"
    assert all(0 <= e["confidence"] <= 1 and e["sure"] for e in body["entries"])


def test_an_entry_legday_is_unsure_of_is_marked_with_its_fix(client: TestClient) -> None:
    body = client.post("/api/calendars/read", json={"filename": "p.ics", "content": ICS}).json()
    unsure = next(e for e in body["entries"] if e["title"] == "Run?")
    assert unsure["sure"] is False and unsure["confidence"] < 0.6
    assert body["unsure"][0]["title"] == "Run?"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"filename": "plan.exe", "content": "x"}, "filename"),
        ({"filename": "plan.ics", "content": "not a calendar"}, "content"),
        ({"filename": "plan.csv"}, "content"),
        ({"filename": "plan.csv", "content": CALENDAR, "weeks": 0}, "weeks"),
        ({"filename": "plan.csv", "content": CALENDAR, "timezone": "Mars/Base"}, "timezone"),
    ],
)
def test_a_calendar_that_cannot_be_read_is_422_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    answer = client.post("/api/calendars/read", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == field


# --- progress ------------------------------------------------------------------------


def test_progress_counts_sessions_volume_and_pain(client: TestClient, athlete: int) -> None:
    url = f"/api/athletes/{athlete}/sets"
    for exercise, pain in (("forward-lunge", 0), ("calf-raise", 3)):
        one = {
            "client_id": str(uuid.uuid4()),
            "date": "2027-01-04",
            "exercise": exercise,
            "reps": 8,
            "pain": pain,
        }
        assert client.post(url, json=one).status_code == 201
    progress = client.get(f"/api/athletes/{athlete}/progress").json()
    (week,) = progress["sessions"]
    assert week["start"] == "2027-01-04" and week["done"] == 1 and week["planned"] >= 2
    volume = progress["weekly_volume"][0]["sets"]
    assert volume["quads"] == 1 and volume["calves"] == 1 and volume["glutes"] == 1
    assert progress["pain"] == [{"day": "2027-01-04", "sets": 3, "care": None, "morning": None}]


def test_progress_of_a_new_athlete_is_empty_but_planned(client: TestClient, athlete: int) -> None:
    progress = client.get(f"/api/athletes/{athlete}/progress").json()
    assert progress["exercises"] == [] and progress["pain"] == []
    assert progress["sessions"][0]["done"] == 0


# --- library -------------------------------------------------------------------------


def test_the_library_filters_by_every_filter_given(client: TestClient) -> None:
    everything = client.get("/api/exercises").json()
    assert len(everything) > 50
    picked = client.get(
        "/api/exercises",
        params={"muscle": "calves", "one_legged": "true", "care": "shin-splints"},
    ).json()
    assert picked and len(picked) < len(everything)
    for e in picked:
        assert "calves" in e["muscles"] and e["one_legged"] and "shin-splints" in e["injury_care"]
    balance = client.get("/api/exercises", params={"balance": "true"}).json()
    assert balance and all(e["balance"] for e in balance)
    bands = client.get("/api/exercises", params={"equipment": "band"}).json()
    assert bands and all("band" in e["equipment"] for e in bands)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"muscle": "biceps"}, "muscle"),
        ({"equipment": "rowing-machine"}, "equipment"),
        ({"care": "broken-heart"}, "care"),
        ({"one_legged": "sometimes"}, "one_legged"),
        ({"kind": "dance"}, "kind"),
    ],
)
def test_an_unknown_filter_value_is_422_naming_it(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    answer = client.get("/api/exercises", params=params)
    assert answer.status_code == 422 and answer.json()["field"] == field


def test_an_exercise_picture_is_an_animated_svg(client: TestClient) -> None:
    answer = client.get("/api/exercises/goblet-squat/picture.svg", params={"tempo": "3-1-2"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    assert answer.text.lstrip().startswith("<svg") and "<animate" in answer.text
    still = client.get("/api/exercises/goblet-squat/picture.svg", params={"still": "true"})
    assert "<animate" not in still.text


def test_a_picture_of_nothing_is_404_and_a_bad_tempo_422(client: TestClient) -> None:
    assert client.get("/api/exercises/moon-walk/picture.svg").status_code == 404
    answer = client.get("/api/exercises/goblet-squat/picture.svg", params={"tempo": "slow"})
    assert answer.status_code == 422 and answer.json()["field"] == "tempo"


# --- the calendar feed ---------------------------------------------------------------


def test_a_feed_url_serves_zoned_events_with_stable_uids_and_reminders(
    client: TestClient, athlete: int
) -> None:
    client.put(f"/api/athletes/{athlete}/profile", json={"timezone": "Europe/Berlin"})
    issued = client.post(f"/api/athletes/{athlete}/feed", json={}).json()
    assert issued["path"].startswith("/feeds/") and issued["url"].endswith(issued["path"])
    first = client.get(issued["path"])
    assert first.status_code == 200
    assert first.headers["content-type"].startswith("text/calendar")
    text = first.text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Berlin" in text
    assert "BEGIN:VALARM" in text
    uids = sorted(line for line in text.splitlines() if line.startswith("UID:"))
    assert uids and uids == sorted(
        line for line in client.get(issued["path"]).text.splitlines() if line.startswith("UID:")
    )


def test_a_re_issued_token_revokes_the_old_and_a_revoked_one_is_404(
    client: TestClient, athlete: int
) -> None:
    old = client.post(f"/api/athletes/{athlete}/feed", json={}).json()["path"]
    new = client.post(f"/api/athletes/{athlete}/feed", json={}).json()["path"]
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert client.request("DELETE", f"/api/athletes/{athlete}/feed", json={}).json() == {
        "revoked": True
    }
    assert client.get(new).status_code == 404
    assert client.request("DELETE", f"/api/athletes/{athlete}/feed", json={}).json() == {
        "revoked": False
    }


@pytest.mark.parametrize("token", ["x", "../../etc/passwd", "A" * 43])
def test_a_made_up_feed_token_is_404(client: TestClient, athlete: int, token: str) -> None:
    assert client.get(f"/feeds/{token}.ics").status_code == 404


def test_feed_tokens_of_an_unknown_athlete_are_404(client: TestClient) -> None:
    assert client.post("/api/athletes/5/feed", json={}).status_code == 404
    assert client.request("DELETE", "/api/athletes/5/feed", json={}).status_code == 404
