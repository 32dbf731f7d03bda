"""The coach athletes of the fourth read: heavy work kept, loads carried over, no stall."""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

import pytest

from coach_athletes import ultra_runner as ultra
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, Level, Plan, Profile, Role, Run, RunKind
from legday.planner import make_plan
from legday.planner.dose import carried_load, comparable, hands


def beginner() -> tuple[Profile, list[Run]]:
    start = date(2027, 3, 1)
    runs: list[Run] = []
    park = start + timedelta(weeks=5, days=5)  # Sat wk6
    goal = start + timedelta(weeks=11, days=6)  # Sun wk12
    for w in range(12):
        m = start + timedelta(weeks=w)
        runs.append(Run(m + timedelta(1), "Easy 30", RunKind.EASY, time(18), None, 30))
        runs.append(Run(m + timedelta(3), "Fartlek 6x1 min", RunKind.HARD, time(18), None, 40))
        sat = m + timedelta(5)
        sun = m + timedelta(6)
        if sat == park:
            runs.append(Run(sat, "parkrun 5K", RunKind.RACE, time(9), None, 35, priority="C"))
        if sun == goal:
            runs.append(Run(sun, "10K race", RunKind.RACE, time(9), None, 65, priority="A"))
        elif sat != park:
            mins = 40 + min(w, 8) * 5
            runs.append(Run(sun, f"Long run {mins}", RunKind.LONG, time(8, 30), None, mins))
    p = Profile(
        start=start,
        weeks=12,
        level=Level.BEGINNER,
        age=52,
        event="10k",
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.BAND, Equipment.WALL}),
        minutes=35,
        race_priorities=((park, "C"), (goal, "A")),
    )
    return p, runs


def marathoner() -> tuple[Profile, list[Run]]:
    start = date(2027, 1, 4)
    runs: list[Run] = []
    half = start + timedelta(weeks=11, days=6)
    mara = start + timedelta(weeks=19, days=6)
    for w in range(20):
        m = start + timedelta(weeks=w)
        runs += [
            Run(m + timedelta(1), "Intervals 5x1000", RunKind.HARD, time(18), None, 65),
            Run(m + timedelta(2), "Easy 45", RunKind.EASY, time(7), None, 45),
            Run(m + timedelta(3), "Tempo 30", RunKind.HARD, time(18), None, 60),
            Run(m + timedelta(5), "Easy 40", RunKind.EASY, time(8), None, 40),
        ]
        sun = m + timedelta(6)
        if sun == half:
            runs.append(Run(sun, "Half marathon", RunKind.RACE, time(9), None, 95, priority="B"))
        elif sun == mara:
            runs.append(Run(sun, "Marathon", RunKind.RACE, time(9), None, 210, priority="A"))
        else:
            mins = min(90 + w * 8, 180) if w < 18 else 100
            runs.append(Run(sun, f"Long run {mins}", RunKind.LONG, time(8), None, mins))
    p = Profile(
        start=start,
        weeks=20,
        level=Level.INTERMEDIATE,
        age=38,
        event="marathon",
        equipment=frozenset(
            {
                Equipment.BODYWEIGHT,
                Equipment.DUMBBELLS,
                Equipment.KETTLEBELL,
                Equipment.BENCH,
                Equipment.WALL,
            }
        ),
        dumbbells_kg=tuple(float(x) for x in range(4, 21, 2)),
        kettlebells_kg=(16.0,),
        minutes=45,
        dominant_leg="right",
        race_priorities=((half, "B"), (mara, "A")),
    )
    return p, runs


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _plan(athlete: tuple[Profile, list[Run]], catalogue: Catalogue) -> Plan:
    profile, runs = athlete
    return make_plan(profile, runs, catalogue)


def _anchors(plan: Plan, catalogue: Catalogue, pattern: set[str]) -> list[tuple[str, float | None]]:
    return [
        (p.exercise, p.load_kg)
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and catalogue[p.exercise].pattern in pattern
    ]


def test_the_ultra_runner_keeps_lifting_heavy(catalogue: Catalogue) -> None:
    """Athlete U (advanced, barbell and plates): the 45 kg back squat became a bodyweight
    step-down from week 5 to the race and the 47.5 kg Romanian deadlift a 20-25 kg good
    morning. A loaded anchor hands over only to a loaded lift about as hard on the legs,
    else it stays and its load goes on rising."""
    plan = _plan(ultra(), catalogue)
    for pattern in ({"squat", "lunge"}, {"hinge"}):
        lifts = _anchors(plan, catalogue, pattern)
        assert all(kg is not None for _, kg in lifts), lifts
        top = max(kg or 0 for _, kg in lifts)
        last = [kg or 0 for _, kg in lifts][-1]
        assert last >= top * 0.9, lifts  # no heavy lift given up for a light one
        assert top >= 50, lifts


def test_heavy_words_name_the_numbers_for_the_ultra(catalogue: Catalogue) -> None:
    """A why that says "heavy lifts" has a loaded anchor of 3-6 reps at that RPE."""
    plan = _plan(ultra(), catalogue)
    for s in plan.sessions:
        if "heavy lifts" in s.why:
            assert any(p.role is Role.ANCHOR and p.load_kg for p in s.main), s.why


def test_the_marathoner_adds_load_not_only_effort(catalogue: Catalogue) -> None:
    """Athlete M (dumbbells 4-20 kg): the rear-foot-elevated split squat stayed at 6 kg
    for six sessions while the RPE climbed 5 to 8. At its working effort a loaded anchor
    takes a kit step before more effort; a block's loaded anchor ends heavier than it
    started, and its RPE never climbs two sessions running at the same load past 7."""
    plan = _plan(marathoner(), catalogue)
    seen: dict[str, list[tuple[int, float]]] = {}
    for s in plan.sessions:
        for p in s.main:
            if p.role is Role.ANCHOR and p.load_kg is not None:
                seen.setdefault(p.exercise, []).append((p.target_rpe, p.load_kg))
    split = seen["rear-foot-elevated-split-squat"]
    assert max(kg for _, kg in split) > split[0][1], split
    for lift, doses in seen.items():
        for (rpe0, kg0), (rpe1, kg1) in itertools.pairwise(doses):
            if rpe0 >= 7 and kg1 == kg0:
                assert rpe1 <= max(rpe0, 7) or kg0 == max(kg for _, kg in doses), (lift, doses)


def test_a_new_variation_starts_from_the_last_ones_load(catalogue: Catalogue) -> None:
    """Athlete M: the 14 kg forward lunge went on as a 6 kg reverse lunge "new" in the peak
    week. The next variation of a pattern starts near the last one's load (its share of the
    pattern's lift, a tenth lighter while learned), not at the table's lightest."""
    plan = _plan(marathoner(), catalogue)
    lifts = [
        (p.exercise, p.load_kg * hands(catalogue[p.exercise], p.implement))
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.load_kg is not None
    ]
    by_pattern: dict[str, tuple[str, float]] = {}
    for exercise, kg in lifts:  # the total lifted: a dumbbell pair counts twice
        pattern = catalogue[exercise].pattern
        pattern = "squat" if pattern == "lunge" else pattern
        before = by_pattern.get(pattern)
        if before is not None and before[0] != exercise:
            old, new = catalogue[before[0]], catalogue[exercise]
            if old.unilateral == new.unilateral and comparable(new, old):
                assert kg >= 0.75 * before[1], (before, exercise, kg)
        by_pattern[pattern] = (exercise, kg)


def test_carried_load_converts_implements_and_shares(catalogue: Catalogue) -> None:
    """A 16 kg kettlebell single-leg deadlift is a 16 kg total: a pair of dumbbells of 6 kg
    each at least (a tenth lighter, rounded down); a 47.5 kg Romanian deadlift is no
    comparable stand-in for a good morning's long lever."""
    kit = kit_of(
        Profile(
            start=date(2027, 1, 4),
            weeks=1,
            equipment=frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL}),
            dumbbells_kg=tuple(float(x) for x in range(4, 21, 2)),
            kettlebells_kg=(16.0,),
        )
    )
    bell, dumbbell_rdl = (
        catalogue["kettlebell-single-leg-deadlift"],
        catalogue["single-leg-romanian-deadlift"],
    )
    assert carried_load(bell, 16.0, "kettlebell", dumbbell_rdl, "dumbbells", kit) == 6.0
    lunge, reverse = catalogue["forward-lunge"], catalogue["dumbbell-reverse-lunge"]
    assert carried_load(lunge, 14.0, "dumbbells", reverse, "dumbbells", kit) == 12.0
    rdl, good_morning = catalogue["barbell-romanian-deadlift"], catalogue["good-morning"]
    assert not comparable(good_morning, rdl)
    assert comparable(catalogue["rear-foot-elevated-split-squat"], catalogue["goblet-squat"])


def test_a_beginner_is_never_told_to_maintain_strength(catalogue: Catalogue) -> None:
    """Athlete B (52, never lifted): week 1 said "maintain strength"."""
    plan = _plan(beginner(), catalogue)
    assert not any("maintain strength" in w.note for w in plan.weeks)


def track_athlete() -> tuple[Profile, list[Run]]:
    """An advanced track runner with dumbbells, a step and a band, 30-minute sessions
    three times a week and no races: the plan a coach read."""
    start = date(2027, 1, 4)
    runs: list[Run] = []
    for w in range(24):
        m = start + timedelta(weeks=w)
        runs += [
            Run(m, "Easy run", RunKind.EASY, time(7), time(7, 45), 45),
            Run(m + timedelta(1), "Easy run", RunKind.EASY, time(7), time(7, 45), 45),
            Run(m + timedelta(5), "Intervals", RunKind.HARD, time(18, 30), time(19, 30), 60),
            Run(m + timedelta(5), "Long run", RunKind.LONG, time(9), time(10, 45), 105),
            Run(m + timedelta(6), "Easy run", RunKind.EASY, time(7), time(7, 45), 45),
        ]
    profile = Profile(
        start=start,
        weeks=24,
        sessions=3,
        level=Level.ADVANCED,
        event="track",
        equipment=frozenset(
            {Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.STEP, Equipment.BAND}
        ),
        minutes=30,
        recovery_every=3,
        seed=32494,
    )
    return profile, runs


def test_a_one_legged_calf_anchor_never_falls_back_to_two_legs(catalogue: Catalogue) -> None:
    """A track athlete's eccentric heel drop at 22.5 kg went on as a two-legged heavy slow
    calf raise, 2 x 4 at 14 kg a hand: the body's weight, most of a calf raise's load, is
    then shared by two calves. A one-legged calf lift is twice as hard on its leg as a
    two-legged one at the same weight, so the calf anchor stays on one leg."""
    heel_drop, two_legged = catalogue["eccentric-heel-drop"], catalogue["heavy-slow-calf-raise"]
    assert not comparable(two_legged, heel_drop)
    assert comparable(heel_drop, catalogue["calf-raise-on-step"])
    calves = [
        p
        for s in _plan(track_athlete(), catalogue).sessions
        for p in s.main
        if p.role is Role.ANCHOR and catalogue[p.exercise].pattern == "calf" and not p.care_dose
    ]
    assert any(p.load_kg for p in calves)
    for before, after in itertools.pairwise(calves):
        if before.unilateral and before.load_kg is not None:
            assert after.unilateral, (before.exercise, before.load_kg, after.exercise)
