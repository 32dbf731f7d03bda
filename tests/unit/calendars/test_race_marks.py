"""A race's priority written in its title or description ("A race: 1500m", "Rennen B",
"(C) parkrun", "Priority: A") is the race's priority; a lone letter in ordinary words
("Plan B", "Vitamin C", "C25K", "A easy run") is none (issue 13, a coach's third read)."""

from __future__ import annotations

import pytest

from legday.calendars.classifier import read_event
from legday.model import Race, RunKind
from legday.race_marks import find_mark, priority_field, without_mark

MARKED = [
    ("A race: 1500m championship", "A"),
    ("C meet: club 3000m", "C"),
    ("B-race 10K", "B"),
    ("Priority A - Berlin Marathon", "A"),
    ("(C) parkrun", "C"),
    ("Rennen A", "A"),
    ("course B", "B"),
    ("A-Rennen: Stadtlauf 10 km", "A"),
    ("Halbmarathon – Wettkampf B", "B"),
    ("Objectif A : Marathon de Paris", "A"),
    ("10 km de Vincennes (course C)", "C"),
    ("Carrera A: Maratón de Sevilla", "A"),
    ("Cross popular – prueba C", "C"),
    ("Half marathon [B race]", "B"),
    ("Berlin Marathon (A)", "A"),
    ("A-Prio: Köln Marathon", "A"),
]


@pytest.mark.parametrize(("title", "priority"), MARKED)
def test_a_title_that_names_its_priority_is_a_race_of_that_priority(
    title: str, priority: str
) -> None:
    reading = read_event(title)
    assert (reading.kind, reading.priority) == (RunKind.RACE, priority), reading.reason
    assert f"priority {priority}" in reading.reason


@pytest.mark.parametrize(
    "title",
    [
        "A easy run",
        "Plan B",
        "Plan B: easy 30 min",
        "C25K week 3",
        "Vitamin C",
        "Brace day",
        "Golf course B",
        "Session A – easy run",
        "Group A meet-up",
    ],
)
def test_a_lone_letter_in_ordinary_words_is_no_race_and_no_priority(title: str) -> None:
    reading = read_event(title)
    assert reading.kind is not RunKind.RACE, reading.reason
    assert reading.priority is None


def test_a_priority_beside_race_pace_or_repetitions_stays_a_workout() -> None:
    """ "A race pace 5 x 1 km" is a session at the goal race's pace, not the race."""
    reading = read_event("A race pace 5 x 1 km")
    assert reading.kind is RunKind.HARD


def test_the_mark_beats_the_guess_from_the_race_length() -> None:
    """A championship or a 1500m reads C on its own; the athlete's "A race" wins."""
    assert read_event("1500m championship").priority == "C"
    assert read_event("A race: 1500m championship").priority == "A"


def test_a_description_names_a_priority_only_as_a_field() -> None:
    assert read_event("Stadtlauf 10 km", "Priorität: A").priority == "A"
    assert read_event("Summer 10 mile road race", "Race priority - B").priority == "B"
    # "your A race" in a tune-up's notes is not this race's priority
    tune_up = read_event("Summer 10 mile road race", "a tune-up for your A race in May")
    assert tune_up.priority is None
    assert priority_field("Vitamin C after the run") is None


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("A race: 1500m championship", "1500m championship"),
        ("Priority A - Berlin Marathon", "Berlin Marathon"),
        ("Club XC (B race)", "Club XC"),
        ("(C) parkrun", "parkrun"),
        ("Berlin Marathon – A race", "Berlin Marathon"),
        ("Rennen A", ""),
        ("Plan B", "Plan B"),
    ],
)
def test_the_name_without_its_mark(title: str, name: str) -> None:
    assert without_mark(title) == name


def test_a_race_label_never_nests_a_priority() -> None:
    """The week notes name "A race (1500m championship)", never "B race (A race: …"."""
    from datetime import date

    assert Race(date(2027, 7, 24), "A", "A race: 1500m championship").label == (
        "A race (1500m championship)"
    )
    assert Race(date(2027, 7, 24), "B", "Rennen A").label == "B race"
    assert Race(date(2027, 7, 24), "C", "club 5K").label == "C race (club 5K)"


def test_only_capitals_mark_a_priority() -> None:
    assert find_mark("a race to remember") is None
    assert find_mark("Race a 10K") is None
    assert read_event("Race a 10K with friends").priority is None
