"""Jump training that progresses, and power work kept (issue 13, points 4, 5 and 9).

A coach read plans whose jumps were sampled, not trained: a different drill here and
there, the same few contacts whatever the week, and no fast work for a masters runner.
Now each block carries one jump drill, dosed in foot contacts that climb about 15 % a
training week, its stage rising across blocks once trained (landings, then pogo hops,
then bounds and hops); where jumps must wait (a key run within 48 h, injury care) or a
masters beginner does not jump, a power lift stands in: fast up, slow down, no landing.
bench/plyo.py counts the same over 200 random athletes.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import replace
from datetime import date, time, timedelta
from itertools import pairwise

import pytest
from bench.athletes import random_athlete
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.model import (
    Equipment,
    ExerciseKind,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.dose import (
    CONTACTS_RISE,
    EASED_CONTACTS,
    FIRST_CONTACTS,
    MOST_CONTACTS,
    contacts_due,
    jump_dose,
)
from legday.planner.jumps import JUMP_SESSIONS_TO_MOVE_ON
from thorough import plan_property

PROPERTY = plan_property(30)
CATALOGUE = load_catalogue()
MONDAY = date(2027, 1, 4)
WEEKS = 16
# weeks that bring nothing new: a jump drill or power lift is never met there first
NOTHING_NEW = frozenset(
    {Lighter.TAPER, Lighter.RACE_WEEK, Lighter.RECOVERY_WEEK, Lighter.BACK_FROM_RACE}
)
ROUNDING = 2  # contacts: a whole number of reps in whole sets


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return CATALOGUE


@st.composite
def athletes(
    draw: st.DrawFn, *, ages: tuple[int | None, ...] = (None, 35, 58), roomy: bool = False
) -> tuple[Profile, list[Run]]:
    """A plausible athlete (bench/athletes.py) of 16 weeks at one of `ages`; `roomy`: no
    problem to care for, 45 or 60 minutes and no race, so every session has the time for
    its jumps and the season the weeks to climb (care, short sessions and races are the
    planner's to weigh, and bench/plyo.py counts them too)."""
    profile, runs = random_athlete(random.Random(draw(st.integers(0, 2**16))), WEEKS)
    profile = replace(
        profile,
        age=draw(st.sampled_from(ages)),
        event=draw(st.sampled_from([None, None, "track", "marathon"])),
    )
    if roomy:
        profile = replace(profile, injuries=(), minutes=draw(st.sampled_from([45, 60])))
        runs = [r for r in runs if r.kind is not RunKind.RACE]
    return profile, runs


def _jumps(plan: Plan) -> list[tuple[int, date, Lighter | None, Prescription]]:
    """(block, day, lighter, drill) of every jump drill in the plan."""
    return [
        (s.block, s.day, s.lighter, p)
        for s in plan.sessions
        for p in s.main
        if p.kind is ExerciseKind.PLYOMETRIC
    ]


def _fast(main: tuple[Prescription, ...]) -> bool:
    return any(p.kind is ExerciseKind.PLYOMETRIC or p.role is Role.POWER for p in main)


@PROPERTY
@given(athlete=athletes())
def test_each_block_trains_one_jump_drill(athlete: tuple[Profile, list[Run]]) -> None:
    """A block's jumps are one drill, kept through the block, and no drill or power lift
    is met for the first time in a week that brings nothing new (a recovery week's light
    session, a taper, a race week, the way back after a race)."""
    profile, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE)
    drills: dict[int, set[str]] = defaultdict(set)
    for block, _, _, p in _jumps(plan):
        if block:  # a recovery week (block 0) goes on with the block before's drill
            drills[block].add(p.exercise)
    assert all(len(found) == 1 for found in drills.values()), dict(drills)
    for s in plan.sessions:
        if s.lighter in NOTHING_NEW or s.phase in (Phase.TAPER, Phase.RACE):
            assert not [p for p in s.main if p.new and p.role in (Role.PLYOMETRIC, Role.POWER)]


@PROPERTY
@given(athlete=athletes(roomy=True))
def test_contacts_climb_about_fifteen_percent_a_week(athlete: tuple[Profile, list[Run]]) -> None:
    """A drill starts at two sets at RPE 6 and no more than its level's first contacts,
    then never comes back above what it reached by more than the weekly rise (rounded to
    whole reps): before, 2 x 8 was followed by 3 x 8, half as much again, and drills
    changed so often that none climbed. What it reached counts across blocks: a drill kept
    into the next block goes on from its last full session, also when the block's first
    session trimmed it (`Jumps.done`: 3 x 8, then 2 x 9 twice, then 3 x 9)."""
    profile, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE)
    reached: dict[str, int] = {}
    for _, _, lighter, p in _jumps(plan):
        if p.new:
            assert p.sets == 2 and p.target_rpe <= 6
            assert p.contacts <= FIRST_CONTACTS[profile.level]
        if lighter is not None:
            continue  # an eased session takes fewer, and counts as no step
        key = p.exercise
        if key in reached:
            assert p.contacts <= reached[key] * (1 + CONTACTS_RISE + 0.05) + ROUNDING, (key, p)
        reached[key] = max(reached.get(key, 0), p.contacts)
    assert max(reached.values(), default=0) <= MOST_CONTACTS[profile.level] + ROUNDING


@PROPERTY
@given(athlete=athletes(ages=(None, 30, 44), roomy=True))
def test_the_stage_climbs_once_a_block_has_trained_it(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """From one jumping block to the next the drill's stage never falls, and it rises one
    stage (as far as the level allows) after a block that did its drill in enough
    sessions: landings, then pogo hops, then bounds and hops for distance."""
    profile, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE)
    sessions: dict[int, list[str]] = defaultdict(list)
    for block, _, _, p in _jumps(plan):
        if block:
            sessions[block].append(p.exercise)
    highest = {Level.BEGINNER: 1, Level.INTERMEDIATE: 2, Level.ADVANCED: 3}[profile.level]
    blocks = sorted(sessions)
    for before, after in pairwise(blocks):
        was, now = (CATALOGUE[sessions[b][0]].stage for b in (before, after))
        assert now >= was, (before, after, dict(sessions))
        if len(sessions[before]) >= JUMP_SESSIONS_TO_MOVE_ON and was < highest:
            assert now == was + 1, (before, after, dict(sessions))


@PROPERTY
@given(athlete=athletes(ages=(50, 58, 66, 74), roomy=True))
def test_masters_keep_power_work(athlete: tuple[Profile, list[Run]]) -> None:
    """A masters athlete (50+) has fast work, the block's jump drill or a power lift, in
    every week past the first that holds a full session or a key run's eve's (the first
    teaches four movements); a masters beginner's is power lifts, never landings."""
    profile, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE)
    weeks: dict[int, bool] = {}
    for s in plan.sessions:
        week = (s.day - profile.start).days // 7
        if week and s.lighter in (None, Lighter.KEY_RUN_EVE):
            weeks[week] = weeks.get(week, False) or _fast(s.main)
        if profile.level is Level.BEGINNER:
            assert not [p for p in s.main if p.kind is ExerciseKind.PLYOMETRIC]
    assert all(weeks.values()), sorted(w for w, fast in weeks.items() if not fast)


def _thursday_runner(**changes: object) -> tuple[Profile, list[Run]]:
    """An intermediate runner who lifts on Mondays and on Thursdays after an evening run,
    with the long run on Saturday at 08:00: Thursday's session starts about 38 h before
    it, so it may not jump; Monday's may."""
    runs: list[Run] = []
    for week in range(10):
        monday = MONDAY + timedelta(weeks=week)
        thursday, saturday = monday + timedelta(days=3), monday + timedelta(days=5)
        runs.append(Run(thursday, "Easy run", RunKind.EASY, time(17), time(17, 45), 45))
        runs.append(Run(saturday, "Long run", RunKind.LONG, time(8), time(10), 120))
    profile = Profile(
        start=MONDAY,
        weeks=10,
        days=frozenset({0, 3}),
        sessions=2,
        level=Level.INTERMEDIATE,
        minutes=60,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.STEP}),
        seed=7,
    )
    return replace(profile, **changes), runs  # type: ignore[arg-type]


def test_a_power_lift_stands_in_when_jumps_wait_for_the_long_run(catalogue: Catalogue) -> None:
    """Thursday's session is less than 48 h before Saturday's long run: no jumps, and a
    power lift instead (before: nothing fast at all); Monday's sessions hold the block's
    drill, one per block."""
    profile, runs = _thursday_runner()
    plan = make_plan(profile, runs, catalogue)
    full = [s for s in plan.sessions if s.lighter is None and s.day - MONDAY >= timedelta(7)]
    thursdays = [s for s in full if s.day.weekday() == 3]
    mondays = [s for s in full if s.day.weekday() == 0]
    assert thursdays and mondays
    for s in thursdays:
        assert not [p for p in s.main if p.kind is ExerciseKind.PLYOMETRIC]
        assert [p for p in s.main if p.role is Role.POWER], s.day
        assert "no jumps" in s.why and "power without jumps" in s.why
    assert any(p.kind is ExerciseKind.PLYOMETRIC for s in mondays for p in s.main)


def test_a_power_lift_stands_in_while_achilles_care_holds_jumps(catalogue: Catalogue) -> None:
    """Achilles care short of its last stage holds every jump; the sessions keep power
    work that spares the calf (a speed squat, a fast step-up), never a jump."""
    profile, runs = _thursday_runner(injuries=("achilles",))
    plan = make_plan(profile, runs, catalogue)
    full = [s for s in plan.sessions if s.lighter is None and s.day - MONDAY >= timedelta(7)]
    assert not _jumps(plan)
    power = [p for s in full for p in s.main if p.role is Role.POWER]
    assert power and all(catalogue[p.exercise].pattern != "calf" for p in power)


def test_the_plan_file_carries_each_drills_contacts(catalogue: Catalogue) -> None:
    """The plan JSON gives a jump drill's foot contacts (`contacts`, every landing, each
    side counted), null for everything else, and a power lift's role; it reads back."""
    profile, runs = _thursday_runner()
    plan = make_plan(profile, runs, catalogue)
    document = json.loads(json.dumps(plan_to_json(plan)))
    items = [item for day in document["days"] for s in day["strength"] for item in s["main"]]
    jumps = [item for item in items if item["kind"] == "plyometric"]
    assert jumps and all(
        item["contacts"] == item["sets"] * item["reps"] * (2 if item["per_side"] else 1)
        for item in jumps
    )
    assert all(item["contacts"] is None for item in items if item["kind"] != "plyometric")
    assert any(item["role"] == "power" for item in items)
    assert plan_from_json(document, "plan.json").sessions == plan.sessions


@pytest.mark.parametrize("level", list(Level))
def test_contacts_start_low_climb_and_ease(level: Level) -> None:
    """A drill's first dose is its level's first contacts (two sets' worth of landings at
    most), each training week about 15 % more up to the level's most, and an eased week
    takes about 60 % of it."""
    first = contacts_due(level, 2, None, rises=False, eased=False)
    assert first == min(FIRST_CONTACTS[level], 40)
    assert contacts_due(level, 1, None, rises=False, eased=False) <= 20
    climbed = [first]
    for _ in range(20):
        climbed.append(contacts_due(level, 2, climbed[-1], rises=True, eased=False))
    assert all(b > a or b == MOST_CONTACTS[level] for a, b in pairwise(climbed))
    assert all(b <= a * (1 + CONTACTS_RISE) + 1 for a, b in pairwise(climbed))
    assert climbed[-1] == MOST_CONTACTS[level]
    eased = contacts_due(level, 2, 50, rises=False, eased=True)
    assert eased == round(50 * EASED_CONTACTS)


def test_a_hard_drill_starts_at_two_short_sets() -> None:
    """The first time, two sets at RPE 6; a drill rated intermediate or advanced five reps
    a set at most (a side for a one-legged one), as any hard exercise; later the contacts
    fill sets of the stage's size."""
    bounding, pogo = CATALOGUE["bounding"], CATALOGUE["pogo-hops"]
    first = jump_dose(bounding, 40, first=True, most_sets=5)
    assert (first.sets, first.reps, first.rpe) == (2, 5, 6)
    assert jump_dose(pogo, 30, first=True, most_sets=5)[:2] == (2, 15)
    later = jump_dose(bounding, 60, first=False, most_sets=5)
    assert (later.sets, later.reps) == (3, 10)  # 60 contacts: 3 x 10 a side
    assert jump_dose(bounding, 100, first=False, most_sets=3).sets == 3
