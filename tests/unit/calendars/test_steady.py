"""A steady run: "Steady 75 min", "Steady 1h15" or "Steady run" is an easy/steady run, never
"other" (strength planned at 19:15 "clear of your Steady 75 min" misreads the day), and
the de/fr/es words with a duration read so too. "Steady" next to a bike or swim word stays
that sport, and "Steady" with nothing running next to it makes no run."""

from __future__ import annotations

import pytest

from legday.calendars.classifier import read_event
from legday.model import RunKind


@pytest.mark.parametrize(
    ("title", "minutes"),
    [
        ("Steady 75 min", 75),
        ("Steady 75 min", None),
        ("Steady 1h15", None),
        ("Steady run", None),
        ("Steady 60'", None),
        ("Locker 45 min", None),
        ("Footing 40 min", None),
        ("Rodaje 50 min", None),
    ],
)
def test_steady_with_a_duration_is_an_easy_run(title: str, minutes: int | None) -> None:
    reading = read_event(title, minutes=minutes)
    assert (reading.activity, reading.kind) == ("run", RunKind.EASY), reading.reason


@pytest.mark.parametrize(
    "title",
    ["Steady state bike 60 min", "Steady bike 60 min", "Steady swim 45 min", "Steady ride 2h"],
)
def test_steady_next_to_another_sport_stays_that_sport(title: str) -> None:
    reading = read_event(title, minutes=60)
    assert reading.activity == "other", reading.reason


def test_steady_alone_makes_no_run() -> None:
    assert read_event("Steady progress review").activity != "run"
