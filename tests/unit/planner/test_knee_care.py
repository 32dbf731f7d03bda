"""Runner's-knee care as a coach and physio read it (the half-marathoner with runner's knee,
16 and 24 weeks, with dumbbells, kettlebells or neither):

1. the knee's loads never progressed: the same dose and load week after week, across
   stages. Each stage now rises within itself (holds, reps, then an owned weight and the
   next one up, a step at a time) and the plan's knee care climbs the athlete's rack;
2. the knee was loaded on five days of a week, four in a row: the sessions' squats and
   lunges plus three routines. A routine that bends a loaded knee now keeps a day from
   every other knee day, sessions included, and a week holds at most four;
3. "bodyweight first" was said over a first care session at 6 kg: no stage aim names a
   load or a dose (the words come from the numbers), and a stage that learns an exercise
   without a weight starts with that week, even after a recovery week.

Counted as `bench/knee_care.py` counts them (before and after: docs/injury-care.md).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.knee_care import (
    DOSE_WORDS,
    KNEE,
    Tally,
    cases,
    count_days,
    count_progress,
    knee_days,
    knee_work,
)
from hypothesis import given
from hypothesis import strategies as st

from legday.care import MOST_KNEE_DAYS
from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Level, Plan, Prescription, Profile, Run, RunKind
from legday.planner import make_plan
from legday.rules import check_plan
from strategies import athletes, runs_for, with_problem
from thorough import plan_property

CATALOGUE = load_catalogue()
CASES = {name: (profile, runs) for name, profile, runs in cases()}


def _plan(name: str) -> tuple[Profile, list[Run], Plan]:
    profile, runs = CASES[name]
    return profile, runs, make_plan(profile, runs, CATALOGUE)


# 1. loads that progress


def test_every_knee_stage_rises_within_itself() -> None:
    """Each stage's dose at its last step is above its first week's: longer holds, more
    reps, or an owned weight (before: one dose per stage, whatever its length)."""
    for stage in CATALOGUE.protocols[KNEE].stages:
        first, top = stage.items_in_week(1), stage.items_in_week(10_000)
        rose = [
            (t.loaded, t.heavier, t.sets * (t.reps or t.seconds or 0))
            > (f.loaded, f.heavier, f.sets * (f.reps or f.seconds or 0))
            for f, t in zip(first, top, strict=True)
        ]
        assert any(rose), stage.name


@pytest.mark.parametrize("name", ["dumbbells, 24 weeks", "kettlebells, 24 weeks"])
def test_the_half_marathoners_knee_care_climbs_his_rack(name: str) -> None:
    """Over 24 weeks the knee care's kilograms climb the owned rack a weight at a time
    (before: 6 kg and 8 kg all season), and no training week's planned dose stands
    where the week before's did twice running."""
    profile, runs, plan = _plan(name)
    tally = Tally()
    count_progress(plan, profile, runs, CATALOGUE, tally)
    assert tally.owned_steps and tally.owned_steps[0] >= 2, tally.heaviest
    assert tally.longest_flat <= 1


@plan_property(30)
@given(data=st.data())
def test_knee_care_rises_at_least_every_other_training_week(data: st.DataObject) -> None:
    """For any athlete with runner's knee, the protocol's planned dose for the week (in
    their kilograms) rises at least every second training week at a stage, until the last
    stage's top: a recovery week, a taper or a race's held weeks may pause it, nothing
    else (before: a stage's dose stood for all its weeks)."""
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    runs = data.draw(runs_for(profile.start, profile.weeks))
    tally = Tally()
    count_progress(make_plan(profile, runs, CATALOGUE), profile, runs, CATALOGUE, tally)
    assert tally.longest_flat <= 1


def _care_exposures(plan: Plan) -> list[tuple[date, Prescription]]:
    """The plan's knee-care work in day order: routines and sessions' lifts at a care dose."""
    own = {i.exercise for stage in CATALOGUE.protocols[KNEE].stages for i in stage.items}
    found = [(r.day, p) for r in plan.care for p in r.exercises if p.exercise in own]
    found += [
        (s.day, p) for s in plan.sessions for p in s.main if p.care_dose and p.exercise in own
    ]
    return sorted(found, key=lambda e: e[0])


def _first_loaded_before_unloaded(plan: Plan) -> list[str]:
    """Knee-care exercises a stage learns without a weight that the plan gives first with
    one (kilograms or an improvised load)."""
    learned = {
        i.exercise
        for stage in CATALOGUE.protocols[KNEE].stages
        for i in stage.items
        if not i.loaded and any(step.loaded for step in i.steps)
    }
    seen: set[str] = set()
    found = []
    for day, p in _care_exposures(plan):
        if p.exercise in learned and p.exercise not in seen:
            seen.add(p.exercise)
            if p.load_kg is not None or "backpack" in p.load:
                found.append(f"{day} {p.exercise} {p.load_kg}")
    return found


HEAVIER = re.compile(r"Heavier today: (?P<list>.*?): take it only if")
UP_FROM = re.compile(r"(?P<name>.+) (?P<kg>[\d.]+) kg, up from (?P<was>[\d.]+) kg last time")
NOW_WITH = re.compile(r"(?P<name>.+) with (?P<kg>[\d.]+) kg, without a weight last time")
BACKPACK = re.compile(r"(?P<name>.+) with the loaded backpack, without a weight last time")


def _load_words_against_numbers(plan: Plan) -> list[str]:
    """Routines whose "Heavier today" words name a load their exercise does not hold, or
    a rise from a load it was not at the time before (its last care exposure: a routine,
    or a session's lift at a care dose or without a weight; a session's lift the strength
    plan loads climbs by its own kilograms)."""
    names = {e.name.lower(): e.id for e in CATALOGUE}
    last: dict[str, Prescription] = {}
    faults = []
    blocks = sorted(
        [(s.day, s.main, "") for s in plan.sessions]
        + [(r.day, r.exercises, r.why) for r in plan.care],
        key=lambda b: b[0],
    )
    for day, block, why in blocks:
        said = HEAVIER.search(why)
        for part in said["list"].split("; ") if said else ():
            found = UP_FROM.fullmatch(part) or NOW_WITH.fullmatch(part)
            backpack = BACKPACK.fullmatch(part)
            named = found or backpack
            exercise = names.get(named["name"], "") if named else ""
            p = next((q for q in block if q.exercise == exercise), None)
            was = last.get(exercise)
            if named is None or p is None or was is None:
                faults.append(f"{day}: {part}")
            elif backpack is not None:
                if "backpack" not in p.load or was.load_kg is not None or "backpack" in was.load:
                    faults.append(f"{day}: {part} (last time {was.load})")
            elif p.load_kg != float(found["kg"]):
                faults.append(f"{day}: {part} (today {p.load_kg})")
            elif "was" in found.groupdict() and was.load_kg != float(found["was"]):
                faults.append(f"{day}: {part} (last time {was.load_kg})")
            elif "was" not in found.groupdict() and was.load_kg is not None:
                faults.append(f"{day}: {part} (last time {was.load_kg} kg)")
        for p in block:
            if why or p.care_dose or p.load_kg is None:
                last[p.exercise] = p
    return faults


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_half_marathoner_learns_each_lift_before_it_holds_a_weight(name: str) -> None:
    """His first split squat and step-up are without a weight (before: 6 kg the first time,
    the recovery week having taken the stage's unloaded week), no routine says
    "bodyweight" of a load, and each "heavier today" names the numbers."""
    _, _, plan = _plan(name)
    assert not _first_loaded_before_unloaded(plan)
    assert not [r.day for r in plan.care if "bodyweight first" in r.why]
    assert not _load_words_against_numbers(plan)


@plan_property(30)
@given(data=st.data())
def test_a_knee_lift_comes_without_a_weight_first_and_heavier_words_match(
    data: st.DataObject,
) -> None:
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    assert not _first_loaded_before_unloaded(plan)
    assert not _load_words_against_numbers(plan)


# A random athlete of the test above, cut down to what still failed: an advanced trail
# runner with runner's knee, one pair of 5 kg dumbbells and a barbell, and two calendar
# entries marked strength. The sessions met the single-leg box squat in stage 1 as an
# anchor kept shallow and unloaded (`UNLOADED_WHILE_EARLY`), stage 3's unloaded weeks went
# by with no knee routine, and its first routine held the box squat with 5 kg.
SHALLOW_FIRST = Profile(
    start=date(2027, 1, 5),
    weeks=9,
    sessions=3,
    injuries=("runners-knee",),
    equipment=frozenset(
        {
            Equipment.DUMBBELLS,
            Equipment.BARBELL,
            Equipment.BODYWEIGHT,
            Equipment.BOX,
            Equipment.WALL,
            Equipment.MAT,
        }
    ),
    level=Level.ADVANCED,
    days=frozenset({0, 1, 2, 3, 4, 6}),
    seed=463,
    dominant_leg="left",
    event="trail",
    dumbbells_kg=(5.0,),
    plates_kg=(2.5, 10.0, 25.0),
)
SHALLOW_FIRST_RUNS = [
    Run(date(2027, 1, 27), "long run", RunKind.LONG, time(8, 30), time(9), 30, is_strength=True),
    Run(
        date(2027, 3, 7), "easy run", RunKind.EASY, time(10, 45), time(11, 45), 60, is_strength=True
    ),
]


def test_the_box_squat_waits_for_its_stage_and_comes_unloaded_first_in_care() -> None:
    """The sessions held single-leg box squats shallow in January, two stages before the
    knee's care reaches them; now they hold an easier lift within reach (`HELD_REACH`)
    until the stage does. Care's first in March comes without a weight (before: with
    5 kg), and each "heavier today" names the numbers."""
    plan = make_plan(SHALLOW_FIRST, SHALLOW_FIRST_RUNS, CATALOGUE)
    care = [
        (r.day, p) for r in plan.care for p in r.exercises if p.exercise == "single-leg-box-squat"
    ]
    early = [
        s
        for s in plan.sessions
        if care and s.day < care[0][0]
        for p in s.main
        if p.exercise == "single-leg-box-squat"
    ]
    assert not early
    assert care, "stage 3 holds the box squat in routines"
    assert care[0][1].load_kg is None and care[0][1].load == "bodyweight"
    assert not _first_loaded_before_unloaded(plan)
    assert not _load_words_against_numbers(plan)


# 2. knee days


def _routine_knee_days(plan: Plan) -> set[date]:
    return {
        r.day
        for r in plan.care
        if r.frequency != "daily" and any(knee_work(p, CATALOGUE) for p in r.exercises)
    }


def _crowded_knee_days(plan: Plan) -> list[str]:
    """A routine that bends a loaded knee beside another knee day, and weeks with more
    than four knee days (unless the sessions alone make them)."""
    days = knee_days(plan, CATALOGUE)
    sessions = {s.day for s in plan.sessions if any(knee_work(p, CATALOGUE) for p in s.main)}
    found = [
        f"{day} next to {other}"
        for day in sorted(_routine_knee_days(plan))
        for other in (day - timedelta(days=1), day + timedelta(days=1))
        if other in days
    ]
    for week in plan.weeks:
        in_week = {week.start + timedelta(days=n) for n in range(7)}
        if len(days & in_week) > max(MOST_KNEE_DAYS, len(sessions & in_week)):
            found.append(f"week of {week.start}: {len(days & in_week)} knee days")
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_half_marathoners_knee_rests_between_loadings(name: str) -> None:
    """Three knee days a week and never two in a row (before: 3.4-4.1 a week, up to five,
    four in a row), and the care rule holds."""
    _, _, plan = _plan(name)
    tally = Tally()
    count_days(plan, CATALOGUE, tally)
    assert tally.weeks_over == 0 and tally.beyond_runs == 0
    assert tally.knee_days <= 3 * tally.weeks
    assert not _crowded_knee_days(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]


@plan_property(40)
@given(data=st.data(), other=st.sampled_from([None, "it-band", "hamstring", "shin-splints"]))
def test_knee_days_keep_a_day_between_them(data: st.DataObject, other: str | None) -> None:
    """For any athlete with runner's knee (and now and then another problem, the IT band's
    step-downs loading the knee too): no routine that bends a loaded knee the day before
    or after another knee day, at most four knee days a week, and the care rule holds."""
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    if other is not None:
        profile = replace(profile, injuries=tuple(dict.fromkeys((*profile.injuries, other))))
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    assert not _crowded_knee_days(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]


def test_the_care_rule_finds_a_knee_routine_beside_a_knee_session() -> None:
    """A plan written by hand: a knee routine moved to the day after a session's squats
    breaks `care-routine` (knee loading less than 48 h apart)."""
    _, _, plan = _plan("dumbbells 6-10 kg")
    knee_sessions = [s for s in plan.sessions if any(knee_work(p, CATALOGUE) for p in s.main)]
    routine_days = {r.day for r in plan.care}
    session_days = {s.day for s in plan.sessions}
    target = next(
        s.day + timedelta(days=1)
        for s in knee_sessions
        if s.day + timedelta(days=1) not in routine_days | session_days
    )
    moved = next(r for r in plan.care if r.injury == KNEE and not r.lightest)
    care = tuple(replace(r, day=target) if r is moved else r for r in plan.care)
    found = [v.message for v in check_plan(replace(plan, care=care), CATALOGUE)]
    assert any("knee loading" in m and "less than 48 h apart" in m for m in found), found


# 3. words from the numbers


def test_no_stage_aim_names_a_load_or_a_dose() -> None:
    """A stage's aim is said in every routine of the stage, whatever the week's numbers:
    "bodyweight first, then a weight you own from the stage's second week" over 6 kg, "4
    sets of 10" over 3 x 8 (before: 6 aims of 5 protocols named one)."""
    named = [
        f"{condition} {stage.number}: {stage.aim}"
        for condition, protocol in CATALOGUE.protocols.items()
        for stage in protocol.stages
        if DOSE_WORDS.search(stage.aim)
    ]
    assert not named
