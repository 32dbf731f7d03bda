"""The exercise library: filters by muscle, equipment, one-legged, balance and injury care;
each exercise with its cues and picture."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def names(page: str) -> list[str]:
    return re.findall(r'<li class="card" id="([a-z0-9-]+)">', page)


def test_every_exercise_is_listed_with_cues_and_picture(client: TestClient) -> None:
    page = client.get("/exercises").text
    shown = names(page)
    assert len(shown) > 100
    assert page.count("<summary>Cues</summary>") == len(shown)
    assert "/api/exercises/goblet-squat/picture.svg" in page
    assert re.search(r'<a href="[^"]*/exercises" aria-current="page">', page)


def test_filters_narrow_the_list(client: TestClient) -> None:
    every = set(names(client.get("/exercises").text))
    calves = set(names(client.get("/exercises?muscle=calves").text))
    one_legged = set(names(client.get("/exercises?muscle=calves&one_legged=true").text))
    assert one_legged < calves < every
    balance = set(names(client.get("/exercises?balance=true").text))
    assert balance and balance < every
    shins = set(names(client.get("/exercises?care=shin-splints").text))
    assert "wall-toe-raise" in shins and shins < every
    banded = set(names(client.get("/exercises?equipment=band").text))
    assert banded and "goblet-squat" not in banded


def test_an_unknown_filter_value_is_no_filter(client: TestClient) -> None:
    every = names(client.get("/exercises").text)
    assert names(client.get("/exercises?muscle=<script>").text) == every


def test_the_filters_are_labelled_and_kept(client: TestClient) -> None:
    page = client.get("/exercises?muscle=glutes&balance=true").text
    for field in ("muscle", "equipment", "care", "one_legged", "balance"):
        assert f'<label for="{field}">' in page
    assert '<option value="glutes" selected>' in page
    assert 'id="balance" name="balance" value="true" checked' in page
