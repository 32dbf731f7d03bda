"""Care work at its stage's dose, in routines and in strength sessions: the dose a session
gives is the stage's (the session counts as the day's care) once the exercise has climbed to
it (`planner.ramp`: the week of its first time at two sets, then a set or 30 % a week
at most), a heavy stage gets heavier week by week, a
routine counts as an exposure, and care never moves a session into busy time."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest
from bench.athletes import random_athlete
from bench.care_load import care_volumes
from bench.key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, key_starts

from legday.catalogue.loader import load_catalogue
from legday.model import Phase, Plan, Profile, Run, RunKind
from legday.planner import CareSchedule, make_plan
from legday.planner.care.loads import loaded_calf
from legday.planner.care.schedule import season_doses
from plan_checks import restart_weeks

CATALOGUE = load_catalogue()
ONE_PROBLEM = ["achilles", "runners-knee", "shin-splints", "it-band", "plantar-fascia"]


def held_weeks(plan: Plan) -> frozenset[int]:
    """The plan's weeks whose care holds its stage and dose: A/B-race weeks, the week
    after each, tapers, and the weeks care restarts in after an A race."""
    races = [r.day for r in plan.race_days if r.priority in ("A", "B")]
    raced = {i for i, week in enumerate(plan.weeks) if any(day in week for day in races)}
    return (
        frozenset(
            index
            for index, week in enumerate(plan.weeks)
            if week.phase in (Phase.RACE, Phase.TAPER) or index in raced or index - 1 in raced
        )
        | restart_weeks(plan).keys()
    )


def eased_weeks(plan: Plan) -> frozenset[int]:
    """The plan's weeks whose care eases a set below the week before's: recovery weeks
    and tapers."""
    return frozenset(
        index
        for index, week in enumerate(plan.weeks)
        if week.phase in (Phase.RECOVERY, Phase.TAPER)
    )


def _climbing(plan: Plan, exercise: str, week: int, sets: int, amount: int) -> bool:
    """Whether the stage's `sets` x `amount` would climb faster than a set or 30 % above
    the exercise's largest exposure of the latest week before `week` (or, in a week that
    holds care, above the most done so far), so the week holds it lower."""
    weekly = care_volumes(plan, CATALOGUE).get(exercise, {})
    earlier = [w for w in weekly if w < week]
    if not earlier:  # the week of its first time holds a first time's two sets
        return _first_week(plan, exercise) == week and sets > 2
    volume, most_sets, _ = weekly[max(earlier)]
    held = week in held_weeks(plan)
    best = max(v for w, (v, _, _) in weekly.items() if w < week)
    return sets * amount > volume * 1.3 or sets > most_sets + 1 or (held and sets * amount > best)


def _first_week(plan: Plan, exercise: str) -> int:
    """The week the exercise is first done in the plan, in a routine or a session."""
    days = [r.day for r in plan.care if any(p.exercise == exercise for p in r.exercises)]
    days += [s.day for s in plan.sessions if exercise in s.exercise_ids]
    return (min(days) - plan.start).days // 7


@functools.cache  # a plan is immutable: several tests read the same one
def _plan(seed: int, injury: str, weeks: int = 12) -> Plan:
    profile, runs = random_athlete(random.Random(seed), weeks)
    return make_plan(replace(profile, injuries=(injury,), minutes=60), runs, CATALOGUE)


@pytest.mark.parametrize("injury", ONE_PROBLEM)
def test_care_work_in_a_session_gets_the_weeks_stage_dose(injury: str) -> None:
    """Not a lower dose than the routine's: the session is the day's care. A first
    exposure (labelled new) stays gentle, a lift the plan loads in kg goes by kg, a full
    or short session keeps as many of the stage's sets as its minutes hold, a dose
    still climbing to the stage's is no higher than the week's climb allows, and loaded
    calf work less than 48 h before a key run takes a set fewer."""
    protocol = CATALOGUE.protocols[injury]
    checked = 0
    for seed in range(4):
        plan = _plan(seed, injury)
        key_runs = key_starts(plan, plan.runs)
        for s in plan.sessions:
            at = datetime.combine(s.day, s.start or UNTIMED_SESSION)
            near = any(at < k < at + CLEAR_BEFORE_KEY_RUN for k in key_runs)
            if "one session" in s.why:  # short: a C-race or recovery week's only one
                continue
            held = CareSchedule({}, {}, held_weeks(plan), eased_weeks(plan), restart_weeks(plan))
            doses = season_doses(protocol, held, len(plan.weeks))
            _, items = doses[(s.day - plan.start).days // 7]
            dose = {item.exercise: item for item in items}
            for p in s.main:
                item = dose.get(p.exercise)
                if item is None or p.new or p.load_kg is not None:
                    continue
                checked += 1
                week = (s.day - plan.start).days // 7
                amount = item.reps or item.seconds or 0
                if _climbing(plan, p.exercise, week, item.sets, amount):
                    assert p.sets * (p.reps or p.seconds or 0) <= item.sets * amount
                    assert (p.reps or p.seconds or 0) <= amount and p.target_rpe <= 6
                    continue
                # the stage's sets, or as many as fit when the session is full
                assert plan.profile is not None
                full = s.minutes >= plan.profile.minutes
                sets = item.sets - 1 if near and loaded_calf(item, CATALOGUE) else item.sets
                assert p.sets >= sets or full, (s.day, p.exercise, p.sets, s.minutes)
                assert (p.reps, p.seconds) == (item.reps, item.seconds), (s.day, p.exercise)
                assert p.target_rpe <= 6
    assert checked


def test_heavy_slow_calf_raises_get_heavier_week_by_week_then_hold() -> None:
    """Achilles care at its heavy stage (Beyer 2015): 3x15 at a 15-rep maximum in its first
    week, then heavier and fewer reps, to 4x6 from week 9, held there. A routine climbing
    back to its step after weeks without it (a race's lightest forms) says so, below it."""
    profile, runs = random_athlete(random.Random(9), 14)
    # strength on Wednesdays only: the routines, every other day around it, show the dose
    # (with two sessions a week, a session and its 48 h leave room for few routines)
    profile = replace(profile, injuries=("achilles",), days=frozenset({2}))
    plan = make_plan(profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3}, {}))
    by_week: dict[int, set[tuple[int, int | None, str]]] = {}
    held = CareSchedule({}, {}, held_weeks(plan))
    for routine in plan.care:
        if routine.lightest or routine.eve:  # an eve's form: a set fewer
            continue
        week = (routine.day - plan.start).days // 7
        if week in eased_weeks(plan) or week in restart_weeks(plan):  # lighter too
            continue
        (heavy,) = [p for p in routine.exercises if p.exercise == "heavy-slow-calf-raise"]
        week = held.care_week((routine.day - plan.start).days // 7)
        # below the stage's dose on its way up (`climb_note`): "to 4 × 10 (3 × 10 today)",
        # or held there for a race, "at 3 × 10 (the stage's dose is 4 × 10)"
        if re.search(r"heavy slow calf raise (?:to|at) \d", routine.why):
            continue
        by_week.setdefault(week, set()).add((heavy.sets, heavy.reps, heavy.load))
    assert all(len(doses) == 1 for doses in by_week.values()), by_week  # one dose a week
    weeks = sorted(by_week)
    reps = [next(iter(by_week[w]))[1] or 0 for w in weeks]
    assert reps[0] == 15 and reps[-1] == 6
    assert all(later <= earlier for earlier, later in pairwise(reps))
    # five steps, then it holds; a step due in a recovery week eases instead (skipped here)
    assert len({next(iter(by_week[w])) for w in weeks}) in (4, 5)
    late = [next(iter(by_week[w])) for w in weeks if w >= 8]
    assert late and set(late) == {late[0]} and late[0][:2] == (4, 6)


@pytest.mark.parametrize("injury", ONE_PROBLEM)
def test_an_exercise_met_in_a_care_routine_is_not_new_in_a_session(injury: str) -> None:
    for seed in range(3):
        plan = _plan(seed, injury)
        for s in plan.sessions:
            met = {p.exercise for r in plan.care if r.day < s.day for p in r.exercises}
            labelled = [p.exercise for p in s.main if p.new and p.exercise in met]
            assert not labelled, (s.day, labelled)


MONDAY = date(2027, 1, 4)


def _busy_week(gap: int) -> tuple[Profile, list[Run]]:
    """Two weeks in which only Tuesday and Friday are training days; Tuesday has an easy
    run to 07:00 and a meeting `gap` minutes after 18:00, Friday is free all day."""
    runs: list[Run] = []
    for week in range(2):
        tuesday = MONDAY + timedelta(weeks=week, days=1)
        runs.append(Run(tuesday, "Easy 6 km", RunKind.EASY, time(6, 20), time(7), 40))
        meets = (datetime.combine(tuesday, time(18)) + timedelta(minutes=gap)).time()
        runs.append(Run(tuesday, "Meeting", RunKind.REST, time(7), time(18), busy=True))
        runs.append(Run(tuesday, "Dinner", RunKind.REST, meets, time(22), busy=True))
    profile = Profile(
        start=MONDAY,
        weeks=2,
        days=frozenset({1, 4}),
        minutes=30,
        injuries=("achilles",),
        sessions=2,
    )
    return profile, runs


@pytest.mark.parametrize("gap", range(30, 41))
def test_care_settles_a_sessions_length_before_its_start(gap: int) -> None:
    """Care adds minutes to a session (the stage's dose): the start is placed for the
    session's real length, so it never runs into the next busy slot."""
    profile, runs = _busy_week(gap)
    plan = make_plan(profile, runs, CATALOGUE)
    assert not [v for v in plan.violations if v.rule == "no-overlap"]
    for s in plan.sessions:
        if s.start is None:
            continue
        ends = datetime.combine(s.day, s.start) + timedelta(minutes=s.minutes)
        for r in runs:
            if r.day == s.day and r.busy and r.start is not None and r.start >= s.start:
                assert ends.time() <= r.start, (s.day, s.start, s.minutes, r.title)
