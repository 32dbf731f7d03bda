"""Dates at the calendar's ends (year 1 or 9999) are a 422 naming the date, never a 500
from date arithmetic running off the end."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_today_far_away_is_422_naming_the_date(client: TestClient, athlete: int, day: str) -> None:
    answer = client.get(f"/api/athletes/{athlete}/today", params={"date": day})
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "date" and day in answer.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/athletes/{id}/plan?date=9999-12-31",
        "/athletes/{id}/plan?view=week&date=0001-01-01",
        "/athletes/{id}/sessions/9999-12-31",
        "/athletes/{id}/sessions/0001-01-01",
    ],
)
def test_a_page_far_away_is_422_naming_the_date(client: TestClient, athlete: int, url: str) -> None:
    answer = client.get(url.format(id=athlete))
    assert answer.status_code == 422, answer.text
    assert "date: " in answer.text


def test_a_missing_page_is_a_page_for_a_browser(client: TestClient, athlete: int) -> None:
    browser = {"accept": "text/html,application/xhtml+xml"}
    answer = client.get(f"/athletes/{athlete}/sessions/not-a-day", headers=browser)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "not-a-day" in answer.text and 'role="alert"' in answer.text
    api = client.get("/api/athletes/999", headers=browser)
    assert api.status_code == 404 and api.headers["content-type"] == "application/json"
