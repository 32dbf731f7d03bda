"""A coach's read of fresh plans (ultra runner U, marathoner M, beginner B aged 52): the
week after a tune-up lifts normally again from its fourth day, a race week's session comes
early and light, and a beginner's or a masters athlete's recovery week keeps light work."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, time, timedelta
from itertools import pairwise

import pytest
from bench.athletes import random_athlete
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_athletes import ULTRA_B, random_plans, ultra_runner, with_tune_up_and_goal
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.exports._describe import exercise_words
from legday.model import (
    MAJOR_GROUPS,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.days import TUNE_UP_AFTER_DAYS, day_options
from legday.planner.dose import MAINTENANCE_MINUTES
from legday.planner.season import WEEK_SPAN, season
from legday.planner.session import FIRST_SESSION_NEW
from thorough import plan_examples

WEEKS = 12


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _with_tune_up(seed: int, weekday: int, minutes: int) -> tuple[Profile, list[Run], date]:
    """A random athlete with a B race of `minutes` in week 5 and an A race in week 11."""
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, WEEKS)
    runs, tune_up, goal = with_tune_up_and_goal(
        runs, profile.start, weekday, ("Trail race 30 km", minutes), ("Goal race", 200), time(8)
    )
    profile = replace(
        profile, injuries=(), race_priorities=((tune_up, "B"), (goal, "A")), sessions=None
    )
    return profile, runs, tune_up


@settings(max_examples=plan_examples(12), deadline=None)
@given(
    seed=st.integers(0, 2**16),
    weekday=st.sampled_from([2, 5, 6]),
    minutes=st.sampled_from([130, 200]),
)
def test_a_tune_up_lets_normal_sessions_back_from_its_fourth_day(
    catalogue: Catalogue, seed: int, weekday: int, minutes: int
) -> None:
    """After a B race of two to four hours (a 30 km trail) no session for
    TUNE_UP_AFTER_DAYS, then ordinary ones: not the stepping-back single sets of a long A
    race, no "recovery first" closing the days after that, and the next week never crowds
    its sessions onto consecutive days for a floor of two."""
    profile, runs, race = _with_tune_up(seed, weekday, minutes)
    plan = make_plan(profile, runs, catalogue)
    week_after_end = profile.start + timedelta(days=7 * 6 - 1)
    after = [s for s in plan.sessions if race < s.day <= week_after_end]
    for s in after:
        assert (s.day - race).days > TUNE_UP_AFTER_DAYS, (race, s.day)
        assert "still recovering" not in s.why, (race, s.day, s.why)
    for week in plan.weeks:
        if week.start > race and (week.start - race).days < 7 and "recovery first" in week.note:
            assert f"({race:%a})" in week.note
            # only the days up to TUNE_UP_AFTER_DAYS may be kept for recovery
            assert (week.start - race).days <= TUNE_UP_AFTER_DAYS, week.note
    days = sorted(s.day for s in after)
    assert all((b - a).days > 1 for a, b in pairwise(days)), days


def test_ultra_u_week_after_the_tune_up(catalogue: Catalogue) -> None:
    """The coach's athlete U: a 200-min B trail race on a Saturday; the week after lifted
    once, a 24-min session of single sets on the long run's eve, and kept Thursday free
    five days after the race. Now the Thursday holds a normal session."""
    profile, runs = ultra_runner()
    plan: Plan = make_plan(profile, runs, catalogue)
    monday = ULTRA_B + timedelta(days=2)
    week = [s for s in plan.sessions if monday <= s.day < monday + timedelta(days=7)]
    assert [s.day.weekday() for s in week] == [3], [s.day for s in week]
    assert week[0].minutes >= 40
    assert any(p.sets >= 2 for p in week[0].main)


@settings(max_examples=plan_examples(12), deadline=None)
@given(
    seed=st.integers(0, 2**16),
    weekday=st.sampled_from([2, 5, 6]),
    minutes=st.sampled_from([45, 60]),
)
def test_a_race_weeks_session_is_early_short_and_light(
    catalogue: Catalogue, seed: int, weekday: int, minutes: int
) -> None:
    """An A or B race week's one session lies 72 h or more before the race when the week
    has such a day; it is short (MAINTENANCE_MINUTES), light (RPE 6 at most, an accessory
    one set), holds nothing new and no load heavier than before."""
    profile, runs, _ = _with_tune_up(seed, weekday, 90)
    profile = replace(profile, minutes=minutes)
    plan = make_plan(profile, runs, catalogue)
    frames = season(profile, runs)
    options = day_options(profile, runs, frames)
    before: dict[str, Prescription] = {}
    seen = 0
    for s in sorted(plan.sessions, key=lambda s: s.day):
        opt = next(o for o in options if o.frame.start <= s.day <= o.frame.start + WEEK_SPAN)
        mains = [r.day for r in opt.frame.races if r.priority != "C" and r.day > s.day]
        if opt.frame.phase is Phase.RACE and mains:
            seen += 1
            race = mains[0]
            early = [d for d in opt.free if (race - d).days >= 3]
            if early:
                assert (race - s.day).days >= 3, (race, s.day, early)
            assert s.minutes <= MAINTENANCE_MINUTES, (s.day, s.minutes)
            for p in s.main:
                assert p.target_rpe <= 6 and not p.new, (s.day, p)
                last = before.get(p.exercise)
                if last is not None and p.load_kg and last.load_kg:
                    assert p.load_kg <= last.load_kg, (s.day, p.exercise)
            assert "short" in s.why and "light" in s.why
        for p in s.main:
            before[p.exercise] = p
    assert seen


@settings(max_examples=plan_examples(10), deadline=None)
@given(seed=st.integers(0, 2**16), who=st.sampled_from(["beginner", "masters"]))
def test_a_beginners_or_masters_recovery_week_is_a_whole_week_off_each_month(
    catalogue: Catalogue, seed: int, who: str
) -> None:
    """The coach's beginner of 52 had weeks 3 and 6 fully off after two bodyweight weeks
    each. A beginner's or a masters athlete's recovery week comes monthly (the seed's
    rhythm, `recovery_every`): with no race, every `recovery_every`-th week, after
    `recovery_every - 1` lifting weeks. It holds no strength at all, as SPEC's
    `recovery-week` asks of everyone (a later coach's read found one light session kept
    there); care routines go on through it (`care-routine`)."""
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, WEEKS)
    runs = [r for r in runs if r.kind is not RunKind.RACE]
    if who == "beginner":
        profile = replace(profile, level=Level.BEGINNER, age=None)
    else:
        profile = replace(profile, age=rng.randint(50, 70))
    plan = make_plan(profile, runs, catalogue)
    every = plan.recovery_every
    assert every == profile.recovery_every
    rests = [i for i, week in enumerate(plan.weeks) if week.phase is Phase.RECOVERY]
    assert rests == list(range(every - 1, len(plan.weeks), every))
    for index in rests:
        week = plan.weeks[index]
        assert not [s.day for s in plan.sessions if s.day in week], week.start
    assert not [v for v in plan.violations if v.hard]


@settings(max_examples=plan_examples(8), deadline=None)
@given(seed=st.integers(0, 2**16), barbell=st.booleans())
def test_care_load_words_fit_the_kit_held(catalogue: Catalogue, seed: int, barbell: bool) -> None:
    """An Achilles runner without dumbbells (the coach's U owns a barbell and plates) is
    never told two legs need "more than your 0 kg", nor to hold a dumbbell in each hand."""
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, WEEKS)
    kit = {Equipment.BODYWEIGHT, Equipment.STEP, Equipment.WALL}
    if barbell:
        kit |= {Equipment.BARBELL, Equipment.BENCH}
    profile = replace(
        profile,
        injuries=("achilles",),
        equipment=frozenset(kit),
        dumbbells_kg=(),
        level=rng.choice([Level.INTERMEDIATE, Level.ADVANCED]),
    )
    plan = make_plan(profile, runs, catalogue)
    found = [p for s in plan.sessions for p in s.main] + [
        p for routine in plan.care for p in routine.exercises
    ]
    assert found
    for p in found:
        assert "your 0 kg" not in p.load, (p.exercise, p.load)
        assert not any("hold a dumbbell in each hand" in c.lower() for c in p.cues), (
            p.exercise,
            p.cues,
        )


def _groups(muscles: Iterable[Muscle]) -> set[str]:
    return {MAJOR_GROUPS[m] for m in muscles}


@pytest.fixture(scope="module")
def athletes(catalogue: Catalogue) -> list[tuple[Profile, Plan]]:
    """Random athletes, beginners to advanced, with and without problems to care for."""
    return random_plans(4417, 16, WEEKS, catalogue)


def test_a_first_session_brings_few_new_exercises(
    athletes: list[tuple[Profile, Plan]],
) -> None:
    """The coach's U met seven new exercises in his first session; a first session (no
    logbook) now holds FIRST_SESSION_NEW new ones at most, care for the athlete's problems
    aside (every session holds it), and the session's only balance work (`balance`: care
    that holds a single-leg Romanian deadlift's easier variation brings a balance drill in
    its place)."""
    for _, plan in athletes:
        first = min(plan.sessions, key=lambda s: s.day)
        steady = [p for p in first.main if p.balance]
        new = [
            p
            for p in first.main
            if p.new and not p.injury_care and not (steady == [p] and p.role is Role.BALANCE)
        ]
        if len(new) <= FIRST_SESSION_NEW:
            continue
        # beyond the cap only what a hard rule needs: a major group nothing else works
        # (`several-groups`)
        for p in new:
            if p.role is Role.ACCESSORY:
                others = [q for q in first.main if q is not p]
                alone = _groups(p.muscles) - _groups(m for q in others for m in q.muscles)
                assert alone, (first.day, p.exercise, [q.exercise for q in new])


def test_words_fit_what_the_exercise_is(
    catalogue: Catalogue, athletes: list[tuple[Profile, Plan]]
) -> None:
    """A jump drill is not tagged "(balance)", and a walk for time (heel walk, heel-to-toe
    walk) is not told to "hold steady"."""
    jumps = walks = 0
    for _, plan in athletes:
        for s in plan.sessions:
            for p in s.main:
                if p.kind is ExerciseKind.PLYOMETRIC:
                    jumps += 1
                    assert "balance" not in exercise_words(p, catalogue).tags, p.exercise
                if p.exercise in ("heel-walk", "tandem-walk"):
                    walks += 1
                    assert "hold steady" not in p.load, p.load
    assert jumps and walks
