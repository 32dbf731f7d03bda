"""Logging a set: the same client id with another set is a 409 clash, not a replay; a set
dated after tomorrow or on a skipped day is refused (SQLite)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.unit.web.api.test_sessions import a_set


def _lunges(client: TestClient, athlete: int) -> list[object]:
    progress = client.get(f"/api/athletes/{athlete}/progress").json()
    return [e for e in progress["exercises"] if e["exercise"] == "forward-lunge"]


def test_the_same_id_with_another_set_is_409_naming_client_id(
    client: TestClient, athlete: int
) -> None:
    url = f"/api/athletes/{athlete}/sets"
    one = a_set()
    assert client.post(url, json=one).status_code == 201
    assert client.post(url, json=one).status_code == 200
    clash = client.post(url, json={**one, "reps": 8})
    assert clash.status_code == 409, clash.text
    assert clash.json()["field"] == "client_id"
    assert clash.json()["detail"].startswith("client_id: ")
    (lunge,) = _lunges(client, athlete)
    assert lunge["days"][0]["reps"] == 5  # type: ignore[index]


def test_a_set_after_tomorrow_is_422_in_the_future(client: TestClient, athlete: int) -> None:
    url = f"/api/athletes/{athlete}/sets"
    assert client.post(url, json=a_set(date="2027-01-05")).status_code == 201  # tomorrow
    answer = client.post(url, json=a_set(date="2027-01-06"))
    assert answer.status_code == 422 and answer.json()["field"] == "date"
    assert answer.json()["detail"] == "date: 2027-01-06 is in the future"


def test_a_set_on_a_skipped_day_is_422(client: TestClient, athlete: int) -> None:
    skipped = client.post(f"/api/athletes/{athlete}/sessions/2027-01-04/skip", json={})
    assert skipped.status_code == 200, skipped.text
    answer = client.post(f"/api/athletes/{athlete}/sets", json=a_set(date="2027-01-04"))
    assert answer.status_code == 422 and answer.json()["field"] == "date"
    assert "skipped" in answer.json()["detail"] and _lunges(client, athlete) == []
