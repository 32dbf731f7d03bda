"""A coach's third read (issue 13): anchors that change over a season, heavy work that is
heavy, easing weeks that ease, beginners who progress, empty recovery weeks outside a
season, and words that say what the numbers do. Each figure before and after is in
docs/planner.md, measured with bench/strength_read.py over 120 random athletes."""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from itertools import pairwise

import pytest
from bench.athletes import random_athlete

from coach_athletes import random_plans
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.exports._describe import weight
from legday.model import (
    IMPLEMENTS,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Plan,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.care.guards import UNLOADED_WHILE_EARLY
from legday.planner.care.schedule import jumps_wait
from legday.rules.progression import HEAVY_RPE, heavy
from thorough import athletes

# Every figure below is a share over these 50 plans (the first 12 alone lift loaded anchors
# at 77 %, not 80 %): both profiles plan them all.
ATHLETES = 50
BEGINNERS = athletes(15)
WEEKS = 16


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def plans(catalogue: Catalogue) -> list[tuple[Profile, Plan]]:
    return random_plans(1331, ATHLETES, WEEKS, catalogue)


def _anchor_kind(catalogue: Catalogue, exercise: str) -> str:
    pattern = catalogue[exercise].pattern
    return {"lunge": "squat", "bridge": "hinge"}.get(pattern, pattern)


def test_each_anchor_changes_over_a_season(
    catalogue: Catalogue, plans: list[tuple[Profile, Plan]]
) -> None:
    """Over 16 weeks each anchor pattern moves on at least once, to a harder variation or
    a fresh lift (it was the same pistol squat 21 times); a plan with four blocks or more
    has one anchor change a boundary to spare. A loaded lift with no loaded stand-in about
    as hard in the athlete's kit stays (a barbell squat is not handed to a bodyweight
    step-down): it changes by its load instead, and is not counted."""
    kinds = never = 0
    for _, plan in plans:
        blocks = {s.block for s in plan.sessions if s.block}
        if len(blocks) < 4:
            continue
        by_kind: dict[str, set[str]] = {}
        loaded: set[str] = set()
        for s in plan.sessions:
            for p in s.main:
                if p.role is Role.ANCHOR:
                    by_kind.setdefault(_anchor_kind(catalogue, p.exercise), set()).add(p.exercise)
                    if p.load_kg is not None:
                        loaded.add(p.exercise)
        kinds += len(by_kind)
        never += sum(len(lifts) == 1 and not lifts <= loaded for lifts in by_kind.values())
    assert kinds > 50
    assert never <= 0.1 * kinds, (never, kinds)


def test_heavy_anchors_are_worked_hard(plans: list[tuple[Profile, Plan]]) -> None:
    """An intermediate or advanced runner with weights lifts loaded anchors, and their
    working sets reach RPE 7 (they stayed at RPE 5-6 behind a rise every session). A
    problem whose early care keeps a movement unloaded (a sore knee or tendon) is apart.
    The working sets are the loaded ones: heavy (3-6 reps), or at the top of the athlete's
    rack with the reps past the range (`dose.RACK_TOP_REPS`), where they held at 6 reps
    with the lowering slowing before (issue 13). The effort is counted in full sessions:
    a key run's eve or the week back after a race is a point lighter on purpose (when
    30-minute sessions came to hold two anchors, docs/planner.md 3.24, the share of eves
    and weeks back among these loaded anchors rose from 21 % to 23 %, none any easier)."""
    loaded = total = hard = counted = 0
    for profile, plan in plans:
        weights = any(i in profile.equipment for i in IMPLEMENTS)
        unloaded_by_care = any(i in UNLOADED_WHILE_EARLY for i in profile.injuries)
        if profile.level is Level.BEGINNER or not weights or unloaded_by_care:
            continue
        for s in plan.sessions:
            if s.phase in (Phase.TAPER, Phase.RACE, Phase.RECOVERY):
                continue
            for p in s.main:
                if p.role is not Role.ANCHOR or p.new:
                    continue
                total += 1
                loaded += p.load_kg is not None
                if p.load_kg is not None and "lighter" not in s.why and s.lighter is None:
                    counted += 1
                    hard += p.target_rpe >= HEAVY_RPE
    assert loaded >= 0.8 * total, (loaded, total)
    assert hard >= 0.8 * counted, (hard, counted)


def test_heavy_words_match_the_numbers(plans: list[tuple[Profile, Plan]]) -> None:
    """A why that says "heavy lifts" has a loaded anchor of 3-6 reps at RPE 7 or more, and
    names that effort."""
    said = 0
    for _, plan in plans:
        for s in plan.sessions:
            if "heavy lifts" not in s.why:
                continue
            lifts = [p for p in s.main if p.role is Role.ANCHOR and heavy(p)]
            if any(p.role is Role.ANCHOR and p.injury_care for p in s.main):
                continue  # care set an anchor at its stage's dose (planner/care/in_session.py)
            said += 1
            top = max(p.target_rpe for p in lifts)
            assert top >= HEAVY_RPE, s.why
            assert f"at RPE {top}" in s.why, s.why
    assert said


def test_easing_weeks_never_hold_more_than_the_session_before(
    plans: list[tuple[Profile, Plan]],
) -> None:
    """A taper or race week's session holds no more sets than the training week's or the
    taper's session before it, lift by lift and in all (3 days before an A race: 2x8 after
    a recovery week's 1x8; the composer holds it to the recovery week's too)."""
    seen = more = 0
    for _, plan in plans:
        # the training week's session before (or the taper's): a recovery week is none
        training = [s for s in plan.sessions if s.phase is not Phase.RECOVERY]
        for before, s in pairwise(training):
            if s.phase not in (Phase.TAPER, Phase.RACE):
                continue
            seen += 1
            # care follows its protocol's stage through easing weeks (`care-routine`)
            last = {p.exercise: p for p in before.main if not p.injury_care}
            now = [p for p in s.main if not p.injury_care]
            more += sum(p.sets for p in now) > sum(p.sets for p in last.values())
            for p in now:
                if p.exercise in last:
                    assert p.sets <= last[p.exercise].sets, (s.day, p.exercise)
                    assert (p.reps or 0) <= (last[p.exercise].reps or 0), (s.day, p.exercise)
    # the rare one more: a companion a rule asks for (`balance`, `several-groups`) where
    # care reshaped the session before
    assert seen and more <= 0.05 * seen, (more, seen)


def test_beginners_work_harder_by_mid_plan(catalogue: Catalogue) -> None:
    """A beginner's working sets reach RPE 7 by the middle of the plan (107 of 108 sets
    stayed at RPE 6 for 14 weeks)."""
    rng = random.Random(77)
    late = hard = 0
    made = 0
    while made < BEGINNERS:
        profile, runs = random_athlete(rng, WEEKS)
        if profile.level is not Level.BEGINNER:
            continue
        made += 1
        plan = make_plan(profile, runs, catalogue)
        middle = profile.start + timedelta(weeks=WEEKS // 2)
        for s in plan.sessions:
            if s.day < middle or s.phase not in (Phase.BASE, Phase.BUILD, Phase.OFF_SEASON):
                continue
            for p in s.main:
                if p.role is Role.ANCHOR and not p.new and "lighter" not in s.why:
                    late += 1
                    hard += p.target_rpe >= HEAVY_RPE
    assert late and hard >= 0.5 * late, (hard, late)


def test_companions_reach_core_and_adductors(
    catalogue: Catalogue, plans: list[tuple[Profile, Plan]]
) -> None:
    """Over a plan the companions work the core and the adductors too (none did for the
    club racer in 16 weeks). Over 100 athletes: on 50 alone one plan's worth of chance
    decides (4 of them missed a group before the side-lying adduction stopped counting as
    one-legged, 6 after; 2 and 2 of the next 50)."""
    missing = 0
    more = random_plans(1332, ATHLETES, WEEKS, catalogue)
    long_plans = [(pr, pl) for pr, pl in [*plans, *more] if len(pl.sessions) >= 8]
    for _, plan in long_plans:
        worked = {m for s in plan.sessions for p in s.main for m in p.muscles}
        missing += not {Muscle.HIP_ADDUCTORS, Muscle.CORE} <= worked
    assert missing <= 0.1 * len(long_plans), (missing, len(long_plans))


def test_plyometrics_appear_regularly(
    plans: list[tuple[Profile, Plan]], catalogue: Catalogue
) -> None:
    """Intermediate and advanced runners jump in a good share of their building and
    in-season sessions (the club racer jumped twice in 16 weeks)."""
    sessions = jumps = 0
    for profile, plan in plans:
        if profile.level is Level.BEGINNER:
            continue
        for s in plan.sessions:
            if s.phase not in (Phase.BASE, Phase.BUILD, Phase.OFF_SEASON):
                continue
            if jumps_wait(profile, catalogue, None, s.day):  # a sore tendon's care first
                continue
            sessions += 1
            jumps += any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
    assert jumps >= 0.28 * sessions, (jumps, sessions)


def test_recovery_weeks_hold_no_strength(
    plans: list[tuple[Profile, Plan]],
) -> None:
    """The seed's month's week off, for everyone: beginners, masters athletes and racers
    in season alike (a coach's read found one light session kept there). Only a week
    whose only races are C races keeps one (SPEC's `frequency`)."""
    for _, plan in plans:
        c_only = {r.day for r in plan.race_days if r.priority == "C"}
        others = {r.day for r in plan.race_days if r.priority != "C"}
        for week in plan.weeks:
            if week.phase is not Phase.RECOVERY:
                continue
            held = [s for s in plan.sessions if s.day in week]
            if any(d in week for d in c_only) and not any(d in week for d in others):
                assert len(held) <= 1, (week.start, [s.day for s in held])
            else:
                assert not held, (week.start, [s.day for s in held])


def test_a_held_dumbbell_is_one_dumbbell(catalogue: Catalogue) -> None:
    """A bridge with a dumbbell across the hips reads "one 10 kg dumbbell", not dumbbells."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=6,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        level=Level.INTERMEDIATE,
    )
    runs = [
        Run(profile.start + timedelta(days=d), "Easy", RunKind.EASY, time(7), time(8), 45)
        for d in range(0, 42, 3)
    ]
    plan = make_plan(profile, runs, catalogue)
    held = [p for s in plan.sessions for p in s.main if p.load.startswith("one ")]
    assert held
    for p in held:
        assert weight(p).startswith("one ") and weight(p).endswith("kg dumbbell"), p.load
    pairs = [p for s in plan.sessions for p in s.main if "one in each hand" in p.load]
    for p in pairs:
        assert weight(p).endswith("kg dumbbells")


def test_the_overrun_note_only_when_it_is_longer(plans: list[tuple[Profile, Plan]]) -> None:
    """ "takes a little longer than your time" only for a session longer than the minutes
    the athlete asked for (a 21-minute session of 30 said it)."""
    for profile, plan in plans:
        for s in plan.sessions:
            if "longer than your time" in s.why:
                assert s.minutes > profile.minutes, (s.minutes, profile.minutes)


def test_plans_stay_safe(plans: list[tuple[Profile, Plan]]) -> None:
    """The fixes move doses up, never past the ceiling: RPE 8 at most, new work gentle,
    and no hard rule broken (a fresh stand-in once took a jump's place and its tempo)."""
    for _, plan in plans:
        assert not [v for v in plan.violations if v.hard], plan.violations
        for s in plan.sessions:
            for p in s.main:
                assert p.target_rpe <= 8
                if p.new:
                    assert p.sets <= 2 and p.target_rpe <= 6
