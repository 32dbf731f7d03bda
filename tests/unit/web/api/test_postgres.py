"""The key API paths on PostgreSQL: the same answers as on SQLite, and a set sent by
several connections at once (an offline queue replayed while the first send was still
in flight) stored exactly once."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import add_sam, first_session

pytestmark = pytest.mark.postgres


def test_the_journey_on_postgresql(pg_client: TestClient) -> None:
    athlete = add_sam(pg_client)
    day = first_session(pg_client, athlete)["date"]
    view = pg_client.get(f"/api/athletes/{athlete}/today", params={"date": day}).json()
    step = view["session"]["exercises"][0]
    one = {
        "client_id": str(uuid.uuid4()),
        "date": day,
        "exercise": step["exercise"],
        "reps": step["reps"] or 5,
        "seconds": step["seconds"],
    }
    assert pg_client.post(f"/api/athletes/{athlete}/sets", json=one).status_code == 201
    assert pg_client.post(f"/api/athletes/{athlete}/sets", json=one).status_code == 200
    preview = pg_client.post(
        f"/api/athletes/{athlete}/sessions/2027-01-09/weather", json={"preview": True}
    ).json()
    assert (
        preview["preview"] and pg_client.get(f"/api/athletes/{athlete}").json()["plan_version"] == 1
    )
    feed = pg_client.post(f"/api/athletes/{athlete}/feed", json={}).json()["path"]
    assert "BEGIN:VCALENDAR" in pg_client.get(feed).text
    progress = pg_client.get(f"/api/athletes/{athlete}/progress").json()
    assert progress["sessions"][0]["done"] == 1
    assert pg_client.get("/api/athletes/42").status_code == 404


def test_one_set_sent_by_many_connections_at_once_is_stored_once(pg_client: TestClient) -> None:
    athlete = add_sam(pg_client)
    day = first_session(pg_client, athlete)["date"]
    one: dict[str, Any] = {
        "client_id": str(uuid.uuid4()),
        "date": day,
        "exercise": "forward-lunge",
        "reps": 5,
        "kg": 6,
    }
    others = [
        {**one, "client_id": str(uuid.uuid4()), "set_no": n} for n in range(2, 5)
    ]  # and sets of their own, logged meanwhile
    start = threading.Barrier(8)
    answers: list[tuple[str, int, dict[str, Any]]] = []
    lock = threading.Lock()

    def send(body: dict[str, Any]) -> None:
        start.wait()
        answer = pg_client.post(f"/api/athletes/{athlete}/sets", json=body)
        with lock:
            answers.append((body["client_id"], answer.status_code, answer.json()))

    bodies = [one] * 5 + others
    threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    mine = [(status, body) for cid, status, body in answers if cid == one["client_id"]]
    assert sorted(status for status, _ in mine) == [200, 200, 200, 200, 201]
    assert len({str(body) for _, body in mine}) == 1  # every answer is the same record
    assert all(status == 201 for cid, status, _ in answers if cid != one["client_id"])
    progress = pg_client.get(f"/api/athletes/{athlete}/progress").json()
    (lunge,) = [e for e in progress["exercises"] if e["exercise"] == "forward-lunge"]
    assert lunge["days"][0]["sets"] == 4  # the one, and three others: never a duplicate
