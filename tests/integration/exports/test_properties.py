"""Property tests: any well-formed session survives the FIT and iCalendar round trips."""

from __future__ import annotations

import dataclasses
import importlib.util
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from legday.exports.fit import session_to_fit
from legday.exports.ics import plan_to_ics
from legday.model import Plan, Prescription, Run, RunKind, Session
from thorough import examples


def _sibling(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Test modules are not importable under --import-mode=importlib; load the helpers by path.
fit_checks = _sibling("test_fit")
factory = _sibling("conftest")
CATALOGUE = factory.build_catalogue()
PLAN: Plan = factory.build_plan(4)
IDS = [e.id for e in CATALOGUE] + ["not-in-catalogue"]


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    timed = draw(st.booleans())
    return Prescription(
        exercise=draw(st.sampled_from(IDS)),
        sets=draw(st.integers(1, 6)),
        reps=None if timed else draw(st.integers(1, 40)),
        seconds=draw(st.integers(5, 180)) if timed else None,
        per_side=draw(st.booleans()),
        load=draw(st.sampled_from(["bodyweight", "10 kg dumbbell", "2,5 kg", "band"])),
        tempo=draw(st.sampled_from(["3-1-2", "2-0-2", ""])),
        target_rpe=draw(st.integers(5, 8)),
        muscles=(),
        unilateral=False,
        balance=False,
        cues=tuple(draw(st.lists(st.text(min_size=1, max_size=60), max_size=3))),
        rest_seconds=draw(st.integers(0, 180)),
    )


@settings(max_examples=examples(40), deadline=None)
@given(main=st.lists(prescriptions(), min_size=1, max_size=8))
def test_any_session_decodes_to_itself(main: list[Prescription]) -> None:
    session = dataclasses.replace(PLAN.sessions[0], main=tuple(main))

    data = session_to_fit(session, CATALOGUE, "Legs")

    steps = fit_checks.decode(data)["workout_step_mesgs"]
    assert fit_checks.executed(steps) == fit_checks.expected(session, CATALOGUE)


@settings(max_examples=examples(40), deadline=None)
@given(
    start=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    run_end=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    minutes=st.integers(15, 90),
    title=st.text(max_size=40),
)
def test_any_session_time_round_trips(
    start: time | None, run_end: time | None, minutes: int, title: str
) -> None:
    day = date(2026, 3, 3)
    runs = (Run(day, title or "Run", RunKind.EASY, time(0, 0) if run_end else None, run_end),)
    session: Session = dataclasses.replace(PLAN.sessions[0], start=start, minutes=minutes)
    plan = dataclasses.replace(PLAN, runs=runs, sessions=(session,))

    data = plan_to_ics(plan, CATALOGUE, tz="Europe/London", now=datetime(2026, 1, 1, tzinfo=UTC))

    events = [e for e in Calendar.from_ical(data).walk("VEVENT") if isinstance(e, Event)]
    timed = [e for e in events if isinstance(e.decoded("dtstart"), datetime)]
    assert len(timed) == 1
    begin = timed[0].decoded("dtstart")
    expected = start or run_end or time(18, 0)
    assert (begin.date(), begin.time()) == (day, expected)
    assert timed[0].decoded("dtend") - begin == timedelta(minutes=minutes)
