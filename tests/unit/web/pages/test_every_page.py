"""What every page keeps: no inline script or style (the Content-Security-Policy would
block them), a label for every input, headers on every table, one main landmark and a
current entry in the navigation."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import token, upload

PAGES = [
    "/",
    "/start",
    "/exercises",
    "/athletes/{id}/plan",
    "/athletes/{id}/plan?view=week&date=2027-01-13",
    "/athletes/{id}/sessions/2027-01-15",
    "/athletes/{id}/progress",
    "/athletes/{id}/feed",
]


def pages(client: TestClient, athlete: int) -> dict[str, str]:
    found = {path: client.get(path.format(id=athlete)).text for path in PAGES}
    kept = upload(client)
    review = client.post("/start/athlete", data={"csrf_token": token(client), "upload": kept})
    found["review with errors"] = review.text
    return found


def unlabelled(page: str) -> list[str]:
    """Inputs and selects a screen reader could not name."""
    labels = set(re.findall(r'<label[^>]* for="([^"]+)"', page))
    missing = []
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", page):
        if 'type="hidden"' in tag or "aria-label=" in tag:
            continue
        found = re.search(r'\bid="([^"]+)"', tag)
        if found is None or found.group(1) not in labels:
            missing.append(tag)
    return missing


@pytest.fixture
def every_page(client: TestClient, athlete: int) -> dict[str, str]:
    return pages(client, athlete)


def test_no_page_holds_inline_script_or_style(every_page: dict[str, str]) -> None:
    for path, page in every_page.items():
        assert " style=" not in page, path
        assert not re.search(r"<script(?![^>]*(src=|application/json))", page), path
        assert not re.search(r"\son[a-z]+=", page), path


def test_every_input_has_a_label(every_page: dict[str, str]) -> None:
    for path, page in every_page.items():
        assert unlabelled(page) == [], path


def test_every_table_has_column_headers(every_page: dict[str, str]) -> None:
    for path, page in every_page.items():
        for table in re.findall(r"<table.*?</table>", page, re.S):
            assert '<th scope="col">' in table, path


def test_one_main_landmark_and_a_current_page_in_the_nav(every_page: dict[str, str]) -> None:
    for path, page in every_page.items():
        assert page.count("<main") == 1, path
        assert '<nav aria-label="Main">' in page, path
        assert "<h1" in page, path
    for path in PAGES:
        nav = every_page[path].split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
        assert 'aria-current="page"' in nav, path
