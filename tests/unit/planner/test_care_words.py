"""What care sessions say is true and in the runner's words: no exercise named twice in a
list, no "one step heavier on the X (10 kg)" when X is shown at bodyweight, problems
named "Achilles" and "runner's knee" (never their ids), and "running is lighter" only
when the calendar's running is lighter."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import random_athlete

from coach_athletes import half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.exports.markdown import plan_to_markdown
from legday.model import INJURIES, Equipment, Level, Plan, Profile, Role, Run, RunKind
from legday.planner import make_plan
from legday.planner.words import told_moved, true_to

CATALOGUE = load_catalogue()
ROSE = re.compile(r"one step heavier on the ([^;(]+) \((\d+(?:\.\d+)?) kg\)")


RANDOM_ATHLETES = 6  # beside the coach's half-marathoner


@functools.cache
def _plans() -> tuple[Plan, ...]:
    """Made when a test first asks, not when the module is imported: every xdist worker
    imports every test module to collect it, and only one of them runs these tests."""
    profile, runs = half_marathoner()
    plans = [make_plan(profile, runs, CATALOGUE)]
    for seed in range(RANDOM_ATHLETES):
        rng = random.Random(900 + seed)
        profile, runs = random_athlete(rng, 12)
        injuries = tuple(rng.sample(list(INJURIES), 2))
        plans.append(make_plan(replace(profile, injuries=injuries), runs, CATALOGUE))
    return tuple(plans)


@pytest.fixture(params=range(1 + RANDOM_ATHLETES), ids=lambda i: f"plan{i}")
def plan(request: pytest.FixtureRequest) -> Plan:
    return _plans()[request.param]


def test_no_list_in_a_why_names_an_exercise_twice(plan: Plan) -> None:
    for session in plan.sessions:
        for clause in session.why.rstrip(".").split("; "):
            _, colon, tail = clause.rpartition(": ")
            names = re.split(r", | and ", tail) if colon else []
            assert len(names) == len(set(names)), (session.day, clause)


def test_a_heavier_step_named_is_the_load_shown(plan: Plan) -> None:
    for session in plan.sessions:
        shown = {CATALOGUE[p.exercise].name.lower(): p.load_kg for p in session.main}
        for name, kg in ROSE.findall(session.why):
            assert shown.get(name) == float(kg), (session.day, name, kg, shown.get(name))


def test_problems_are_named_in_the_runners_words(plan: Plan) -> None:
    text = plan_to_markdown(plan, CATALOGUE)
    for id_ in ("achilles", "runners knee", "runners-knee", "shin-splints", "it-band"):
        assert not re.search(rf"(?<![\w-]){id_}(?![\w-])", text), id_


def test_the_why_drops_what_the_lifts_no_longer_say() -> None:
    """Care held a lift unloaded after its why said it rose: the why follows the numbers
    (`told_moved`), and names a care exercise once (`true_to`)."""
    held = replace(_plans()[0].sessions[0].main[0], load_kg=None, role=Role.ANCHOR)
    before = replace(held, load_kg=8.0, implement="dumbbells")
    why = (
        "Monday: rest; one step heavier on the calf raise hold (10 kg); "
        "for your Achilles: calf raise hold, lateral step-down and calf raise hold."
    )
    told = told_moved(true_to(why), [("calf raise hold", held)], {held.exercise: before})
    assert told == "Monday: rest; for your Achilles: calf raise hold and lateral step-down."


def _hill_runner(extra_hills: bool) -> Plan:
    start = date(2027, 2, 1)
    runs = []
    for week in range(6):
        monday = start + timedelta(weeks=week)
        runs.append(Run(monday, "Easy run", RunKind.EASY, time(7), None, 45))
        if extra_hills or week < 3:
            runs.append(
                Run(monday + timedelta(days=2), "Hill repeats", RunKind.HARD, time(18), None, 70)
            )
        runs.append(
            Run(
                monday + timedelta(days=5),
                "Long run",
                RunKind.LONG,
                time(8),
                None,
                120 if extra_hills or week < 3 else 40,
            )
        )
    profile = Profile(
        start=start,
        weeks=6,
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT}),
    )
    return make_plan(profile, runs, CATALOGUE)


def test_running_is_lighter_only_when_it_is() -> None:
    same = _hill_runner(extra_hills=True)
    assert not any("running is lighter" in w.note for w in same.weeks)
    eased = _hill_runner(extra_hills=False)
    assert any("running is lighter" in w.note for w in eased.weeks[3:])
    assert not any("running is lighter" in w.note for w in eased.weeks[:3])
