"""What the API tests share: Sam's calendar and profile, and adding Sam through the API."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient

__all__ = ["CALENDAR", "PROFILE", "START", "add_sam", "first_session"]

START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
2027-01-14,Easy 45,easy
2027-01-16,Long run 20k,long
2027-01-19,Hills,hard
2027-01-23,Long run 22k,long
"""
PROFILE: dict[str, Any] = {
    "start": START.isoformat(),
    "weeks": 8,
    "days": ["mon", "wed", "thu", "sat"],
    "equipment": ["dumbbells", "band", "step"],
    "injuries": ["shin-splints"],
    "level": "intermediate",
    "minutes": 45,
}


def add_sam(client: TestClient, **extra: Any) -> int:
    body = {
        "name": "Sam",
        "profile": PROFILE,
        "calendar": {"filename": "plan.csv", "content": CALENDAR},
        **extra,
    }
    answer = client.post("/api/athletes", json=body)
    assert answer.status_code == 201, answer.text
    athlete_id: int = answer.json()["id"]
    return athlete_id


def first_session(client: TestClient, athlete_id: int) -> dict[str, Any]:
    """The plan's first strength day (date and session) from the plan endpoint."""
    plan = client.get(f"/api/athletes/{athlete_id}/plan").json()
    for day in plan["days"]:
        if day["strength"]:
            return {"date": day["date"], **day["strength"][0]}
    raise AssertionError("the plan has no strength session")
