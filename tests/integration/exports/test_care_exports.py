"""Care routines in every export (issue 14): an ics event each, a FIT workout each, and a
"Care" block on the day in Markdown and HTML, worded once for all of them."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from legday.catalogue import Catalogue
from legday.exports.fit import care_file_name, care_to_fit, write_fit_files
from legday.exports.html import plan_to_html
from legday.exports.ics import plan_to_ics
from legday.exports.markdown import plan_to_markdown
from legday.model import CareRoutine, Muscle, Plan, Prescription, Role

from .conftest import START
from .test_fit import decode

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
WHY = "Achilles care, stage 1, every day: load the tendon gently. Pain up to 5/10 is fine."


def _care_rx(
    exercise: str, *, seconds: int | None = None, load_kg: float | None = None
) -> Prescription:
    return Prescription(
        exercise=exercise,
        sets=3,
        reps=None if seconds else 15,
        seconds=seconds,
        per_side=False,
        load="bodyweight" if load_kg is None else f"{load_kg:g} kg dumbbells",
        tempo="3-0-3",
        target_rpe=6,
        muscles=(Muscle.CALVES,),
        unilateral=False,
        balance=False,
        injury_care=("achilles",),
        cues=("Rise slowly onto the toes.",),
        role=Role.CARE,
        rest_seconds=60,
        load_kg=load_kg,
        implement="dumbbells" if load_kg is not None else "",
    )


def _routine(day_offset: int, **changes: object) -> CareRoutine:
    routine = CareRoutine(
        day=START + timedelta(days=day_offset),
        injury="achilles",
        stage=1,
        minutes=12,
        exercises=(_care_rx("side-plank", seconds=30), _care_rx("calf-raise")),
        why=WHY,
    )
    return dataclasses.replace(routine, **changes)


@pytest.fixture
def cared(plan: Plan) -> Plan:
    """Monday (no run: the evening), Thursday after the intervals (19:00), a planned start on
    Saturday with a loaded raise, and Wednesday of the recovery week."""
    return dataclasses.replace(
        plan,
        care=(
            _routine(0),
            _routine(3, lightest=True, minutes=5, exercises=(_care_rx("side-plank", seconds=30),)),
            _routine(
                5, stage=3, start=time(9, 30), exercises=(_care_rx("calf-raise", load_kg=12.5),)
            ),
            _routine(23),
        ),
    )


def _care_events(data: bytes) -> list[Event]:
    calendar = Calendar.from_ical(data)
    events = [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]
    return [e for e in events if "care" in str(e["SUMMARY"])]


def test_each_routine_is_a_zoned_event_after_the_runs_with_a_stable_uid(
    cared: Plan, catalogue: Catalogue
) -> None:
    data = plan_to_ics(cared, catalogue, tz="Europe/Berlin", now=NOW)
    events = _care_events(data)
    assert [str(e["SUMMARY"]) for e in events] == [
        "Achilles care (stage 1), 12 min",
        "Achilles care (stage 1, lightest form), 5 min",
        "Achilles care (stage 3), 12 min",
        "Achilles care (stage 1), 12 min",
    ]
    starts = [e.decoded("dtstart") for e in events]
    assert [s.time() for s in starts] == [time(18, 0), time(19, 0), time(9, 30), time(18, 0)]
    assert all(str(s.tzinfo) == "Europe/Berlin" for s in starts)
    assert events[0].decoded("dtend") - starts[0] == timedelta(minutes=12)
    description = str(events[2]["DESCRIPTION"])
    assert "3 × 15 @ 12.5 kg dumbbells" in description and "Rise slowly" in description
    assert f"Why: {WHY}" in description
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4 and uids[0].startswith("legday-care-20260302-achilles-")
    later = plan_to_ics(cared, catalogue, tz="Europe/Berlin", now=NOW + timedelta(days=2))
    assert [str(e["UID"]) for e in _care_events(later)] == uids  # same events, updated


def test_each_routine_is_a_fit_workout_with_its_weight(
    cared: Plan, catalogue: Catalogue, tmp_path: Path
) -> None:
    paths = write_fit_files(cared, catalogue, tmp_path, created=NOW)
    names = sorted(p.name for p in paths if p.name.startswith("legday-care-"))
    assert names == sorted(care_file_name(c) for c in cared.care)
    assert len(paths) == len(cared.sessions) + len(cared.care)
    messages = decode(care_to_fit(cared.care[2], catalogue, "Achilles care Sat", created=NOW))
    (workout,) = messages["workout_mesgs"]
    assert workout["wkt_name"] == "Achilles care Sat"
    steps = messages["workout_step_mesgs"]
    raise_step = steps[0]
    assert raise_step["duration_reps"] == 15
    assert raise_step["exercise_weight"] == 12.5
    assert [s["duration_type"] for s in steps] == ["reps", "time", "repeat_until_steps_cmplt"]
    assert steps[-1]["repeat_steps"] == 3


def test_markdown_has_a_care_block_on_the_day(cared: Plan, catalogue: Catalogue) -> None:
    text = plan_to_markdown(cared, catalogue)
    monday = text.index("### Monday 02 March")
    block = text[monday : text.index("###", monday + 4)]
    assert "**Care: Achilles care (stage 1), 12 min**, from 18:00" in block
    assert "1. **Side plank**: 3 × 30 s _(care: Achilles)_" in block
    assert "tempo 3-0-3; target RPE 6" in block and "- Rise slowly onto the toes." in block
    assert "_Why:_ Achilles care, stage 1, every day" in block
    assert "3 × 15 @ 12.5 kg dumbbells" in text
    recovery = text[text.index("## Week 4") :]
    assert "**Recovery week: no strength.**" in recovery and "**Care: Achilles" in recovery


def test_html_has_a_care_block_on_the_day(cared: Plan, catalogue: Catalogue) -> None:
    page = plan_to_html(cared, catalogue)
    assert page.count('<article class="care">') == 4
    block = page[page.index('<article class="care">') :]
    block = block[: block.index("</article>")]
    assert "<h3>Monday 02 March</h3>" in block
    assert '<span class="time">18:00</span> · Care: Achilles care (stage 1), 12 min' in block
    assert '<span class="dose">3 × 30 s</span>' in block
    assert "Rise slowly onto the toes." in block and "<em>Why:</em> Achilles care" in block
    assert ".care {" in page  # styled, and kept whole on a printed page
