"""Numeric loads in every export: "3 × 5 @ 40 kg barbell" in words, the weight on the watch."""

from __future__ import annotations

import dataclasses

import pytest
from garmin_fit_sdk import Decoder, Stream
from icalendar import Calendar

from legday.catalogue import Catalogue
from legday.exports._describe import warmup_sets
from legday.exports.fit import session_to_fit
from legday.exports.html import plan_to_html
from legday.exports.ics import plan_to_ics
from legday.exports.markdown import plan_to_markdown
from legday.model import Plan, WarmupSet

ADVICE = "about 40 kg: adjust so the last rep feels RPE 7 (3 left in reserve)"


@pytest.fixture
def loaded(plan: Plan) -> Plan:
    """The first session's goblet squat carries a number; its words are advice only."""
    first = plan.sessions[0]
    squat = dataclasses.replace(
        first.main[0], reps=5, load=ADVICE, load_kg=42.5, implement="barbell"
    )
    session = dataclasses.replace(first, main=(squat, *first.main[1:]))
    return dataclasses.replace(plan, sessions=(session, *plan.sessions[1:]))


def test_the_words_give_the_weight(loaded: Plan, catalogue: Catalogue) -> None:
    text = plan_to_markdown(loaded, catalogue)
    assert "**Goblet squat**: 3 × 5 @ 42.5 kg barbell" in text
    assert f"load: {ADVICE}" in text  # the advice stays with the number
    assert "3 × 5 @ 42.5 kg barbell" in plan_to_html(loaded, catalogue)
    described = [
        str(event.get("DESCRIPTION"))
        for event in Calendar.from_ical(plan_to_ics(loaded, catalogue, tz=None)).walk("VEVENT")
    ]
    assert any("3 × 5 @ 42.5 kg barbell" in d for d in described)


def test_a_number_and_the_same_words_are_said_once(loaded: Plan, catalogue: Catalogue) -> None:
    first = loaded.sessions[0]
    squat = dataclasses.replace(first.main[0], load="42.5 kg barbell")
    plan = dataclasses.replace(
        loaded, sessions=(dataclasses.replace(first, main=(squat, *first.main[1:])),)
    )
    text = plan_to_markdown(plan, catalogue)
    assert "3 × 5 @ 42.5 kg barbell" in text
    assert "load: 42.5 kg barbell" not in text


def test_the_watch_reads_the_weight_back(loaded: Plan, catalogue: Catalogue) -> None:
    data = session_to_fit(loaded.sessions[0], catalogue, "Legs")
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        convert_types_to_strings=True
    )
    assert errors == []
    steps = messages["workout_step_mesgs"]
    squat = next(s for s in steps if s.get("wkt_step_name") == "Goblet squat")
    assert squat["exercise_weight"] == 42.5  # the number, not the "40" in the advice
    assert squat["weight_display_unit"] == "kilogram"
    assert squat["duration_reps"] == 5


def test_warm_up_sets_are_shown_and_sent_to_the_watch_as_warm_up(
    loaded: Plan, catalogue: Catalogue
) -> None:
    """A barbell lift's ramp (issue 13): in the words, and on the watch as warm-up steps
    of their reps and weights before the first work set."""
    first = loaded.sessions[0]
    ramp = (WarmupSet(8, 20.0), WarmupSet(5, 20.0 + 2.5), WarmupSet(3, 30.0))
    squat = dataclasses.replace(first.main[0], warmup_sets=ramp)
    plan = dataclasses.replace(
        loaded, sessions=(dataclasses.replace(first, main=(squat, *first.main[1:])),)
    )
    text = plan_to_markdown(plan, catalogue)
    assert "warm-up sets first: 20 kg (the empty bar) × 8, 22.5 kg × 5, 30 kg × 3" in text
    later = dataclasses.replace(squat, warmup_sets=ramp[2:])  # a later lift's ramp: loaded
    assert warmup_sets(later) == "30 kg × 3"
    data = session_to_fit(plan.sessions[0], catalogue, "Legs")
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        convert_types_to_strings=True
    )
    assert errors == []
    steps = messages["workout_step_mesgs"]
    warm = [s for s in steps if s.get("wkt_step_name") == "Goblet squat (warm-up)"]
    assert [(s["duration_reps"], s["exercise_weight"], s["intensity"]) for s in warm] == [
        (8, 20.0, "warmup"),
        (5, 22.5, "warmup"),
        (3, 30.0, "warmup"),
    ]
    names = [s.get("wkt_step_name") for s in steps]
    assert names.index("Goblet squat (warm-up)") < names.index("Goblet squat")
