"""Helpers of the page tests: the pinned day, the bundled calendar, and onboarding a
runner through the pages' own forms."""

from __future__ import annotations

import re
from importlib.resources import files

from fastapi.testclient import TestClient

from legday.web.security import CSRF_COOKIE

TODAY = "2027-01-04"
CALENDAR = files("legday.examples").joinpath("marathon-plan.ics").read_bytes()


def token(client: TestClient) -> str:
    return client.cookies[CSRF_COOKIE]


def upload(client: TestClient, name: str = "marathon-plan.ics", data: bytes = CALENDAR) -> str:
    """The review page of an uploaded calendar; returns the upload's token."""
    answer = client.post(
        "/start/calendar", data={"csrf_token": token(client)}, files={"calendar": (name, data)}
    )
    assert answer.status_code == 200, answer.text
    found = re.search(r'name="upload" value="([^"]+)"', answer.text)
    assert found is not None
    return found.group(1)


PROFILE = {
    "name": "sam",
    "start": TODAY,
    "weeks": "18",
    "minutes": "45",
    "days": ["mon", "wed", "fri", "sat"],
    "level": "beginner",
    "equipment": ["band"],
    "dumbbells": "4, 6, 8, 10",
    "injuries": ["shin-splints"],
    "dominant_leg": "right",
    "age": "41",
    "event": "marathon",
}


def onboard(client: TestClient, **changes: object) -> int:
    """A runner made through the onboarding forms; the athlete's id."""
    kept = upload(client)
    form = {**PROFILE, **changes, "csrf_token": token(client), "upload": kept}
    answer = client.post("/start/athlete", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    found = re.search(r"/athletes/(\d+)/plan$", answer.headers["location"])
    assert found is not None
    return int(found.group(1))
