"""A coach's read of an intermediate racer's plan (issue 13): dumbbell pairs of 2-22 kg and
a kettlebell, a B race half-way and the A race after twelve weeks. What it found: the
heavy anchors stayed at 5 reps all block and never used the 18-22 kg pairs; week 2 brought
three new lifts at once; a race week was told "week 4 of 6 in block 1"; a recovery week,
the taper and the race week made three light weeks before the goal race.

Each fix is pinned over random racers (`racers` in tests/strategies.py) and on the coach's
racer, and each fault has tests that fail on the tree before the fix; two guard what the fix
keeps (a block's anchor still moves on; a heavy anchor's first exposure is gentle). Safety
holds throughout: RPE 8 at most, a load rise one small step of the athlete's rack."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time, timedelta
from itertools import pairwise

import pytest
from hypothesis import given

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    MAX_RPE,
    REST_PHASES,
    Equipment,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
    Session,
)
from legday.planner import make_plan
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.dose import FAR_STEP_REPS, HEAVY_RANGE, heavy_top, next_weight
from legday.planner.season import WeekFrame, _in_blocks
from legday.planner.session import NEW_PER_SESSION
from legday.progression.loads import Load, heavier_kg
from strategies import racers
from thorough import plan_property

PROPERTY = plan_property(60)
EASING = (Phase.TAPER, Phase.RACE)
LIGHT = REST_PHASES | {Phase.TAPER, Phase.RACE}
CATALOGUE = load_catalogue()


def _plan(racer: tuple[Profile, list[Run]]) -> Plan:
    profile, runs = racer
    return make_plan(profile, runs, CATALOGUE)


def _heavy_exposures(plan: Plan) -> dict[str, list[tuple[Session, Prescription]]]:
    """Each lift's exposures, in plan order, for the lifts that are a loaded anchor at some
    point; not the movements the athlete's care guards (its stage sets their dose)."""
    assert plan.profile is not None
    guarded = {pattern for i in plan.profile.injuries for pattern in GUARDED_PATTERNS.get(i, ())}
    found: dict[str, list[tuple[Session, Prescription]]] = defaultdict(list)
    for s in plan.sessions:
        for p in s.main:
            if not p.injury_care and CATALOGUE[p.exercise].pattern not in guarded:
                found[p.exercise].append((s, p))
    return {
        lift: seen
        for lift, seen in found.items()
        if any(p.role is Role.ANCHOR and p.load_kg is not None for _, p in seen)
    }


@PROPERTY
@given(racer=racers())
def test_heavy_anchors_climb_the_reps_then_the_next_owned_weight(
    racer: tuple[Profile, list[Run]],
) -> None:
    """A loaded anchor stays inside the heavy range (a kettlebell at the top of the rack
    crept to 8 reps), except on its way to a far next weight, whose reps rise until it is
    within reach (`next_weight`); its load rises only once its reps topped out, to the next
    weight the athlete owns, with the reps back at the bottom (the block's load asked for a
    step a week at 5 reps, so the reps never moved); effort never passes RPE 8."""
    plan = _plan(racer)
    kit = kit_of(racer[0])
    for lift, seen in _heavy_exposures(plan).items():
        for (_, before), (s, now) in pairwise(seen):
            if now.role is not Role.ANCHOR or now.load_kg is None:
                continue
            assert now.target_rpe <= MAX_RPE
            top = heavy_top(kit, now.implement, now.load_kg, racer[0].level)
            assert now.reps is not None and FAR_STEP_REPS <= now.reps <= top, (lift, s.day)
            heavier = (
                before.load_kg is not None
                and before.implement == now.implement
                and now.load_kg > before.load_kg
            )
            if heavier:
                assert before.load_kg is not None and before.reps is not None
                step = next_weight(kit, now.implement, before.load_kg, racer[0].level)
                assert step is not None and step.kg == now.load_kg, (lift, s.day)
                # A lighter day (an eve of a key run) may hold the reps down after they
                # topped out: the climb counts the most reps met at the old weight so far.
                so_far = seen[: seen.index((s, now))]
                best = max(
                    p.reps or 0
                    for _, p in so_far
                    if p.load_kg == before.load_kg and p.implement == now.implement
                )
                assert best >= step.top, (lift, s.day, best, before.load_kg)
                assert now.reps == step.reps, (lift, s.day, now.reps)
                assert now.load_kg <= (heavier_kg(Load(before.load_kg, now.implement), kit) or 0)


@PROPERTY
@given(racer=racers())
def test_a_heavy_anchor_held_through_a_block_moves_on(racer: tuple[Profile, list[Run]]) -> None:
    """Over a block's training weeks (the weeks before a goal race, the first week back
    from a race and the eves of hard or long runs hold their loads on purpose) a loaded
    anchor met four times or more across a fortnight gets more reps at its load, or a
    heavier one, unless the athlete owns nothing heavier within reach (`next_weight`)."""
    plan = _plan(racer)
    kit = kit_of(racer[0])
    goals = [race.day for race in plan.race_days if race.priority == "A"]
    raced = [race.day for race in plan.race_days if race.priority != "C"]
    for lift, seen in _heavy_exposures(plan).items():
        by_block: dict[int, list[Prescription]] = defaultdict(list)
        days: dict[int, list[date]] = defaultdict(list)
        for s, p in seen:
            settled = any(timedelta(0) <= goal - s.day < timedelta(weeks=3) for goal in goals)
            # the first week back from an A or B race holds too (`_climbs`): since B races
            # count down inside a build block (phases), such weeks sit in the block
            settled = settled or any(timedelta(0) < s.day - r <= timedelta(weeks=1) for r in raced)
            # the eve of a hard or long run holds the load on purpose (a block of eves at
            # the top of the reps stands still: found on the tree before this test's change)
            eve = s.lighter is Lighter.KEY_RUN_EVE
            if p.role is Role.ANCHOR and s.block and s.phase not in EASING and not (settled or eve):
                by_block[s.block].append(p)
                days[s.block].append(s.day)
        for block, met in by_block.items():
            if len(met) < 4 or (days[block][-1] - days[block][0]).days < 14:
                continue
            first = met[0]
            moved = any(
                (p.load_kg or 0) > (first.load_kg or 0)
                or (p.load_kg == first.load_kg and (p.reps or 0) > (first.reps or 0))
                for p in met
            )
            # the top of what the athlete owns, or a next weight out of reach: the load
            # waits, its lowering slows (`heavy_climb`)
            topped = next_weight(kit, first.implement, met[-1].load_kg or 0, racer[0].level) is None
            assert moved or topped, (lift, block, met)


@PROPERTY
@given(racer=racers())
def test_after_the_first_week_a_session_brings_two_new_exercises_at_most(
    racer: tuple[Profile, list[Run]],
) -> None:
    """Week 2 brought three new lifts at once. After the athlete's first week a session
    brings NEW_PER_SESSION new exercises at most (care for the athlete's own problems
    aside: its protocol decides)."""
    plan = _plan(racer)
    if not plan.sessions:
        return
    first_week = plan.sessions[0].day + timedelta(days=7)
    for s in plan.sessions:
        if s.day >= first_week:
            new = [p.exercise for p in s.main if p.new and not p.injury_care]
            assert len(new) <= NEW_PER_SESSION, (s.day, new)


@PROPERTY
@given(racer=racers())
def test_a_heavy_anchors_first_exposure_is_two_easy_sets_in_the_heavy_range(
    racer: tuple[Profile, list[Run]],
) -> None:
    """The first time a loaded anchor comes, 2 sets at RPE 6 at most, at reps of the heavy
    range (never 2 x 10): the athlete learns the lift at the reps it is trained at."""
    plan = _plan(racer)
    for lift, seen in _heavy_exposures(plan).items():
        s, p = seen[0]
        if p.role is Role.ANCHOR and p.load_kg is not None and p.new:
            assert p.sets <= 2 and p.target_rpe <= 6, (lift, s.day, p)
            assert p.reps is not None and HEAVY_RANGE[0] <= p.reps <= HEAVY_RANGE[1], (lift, p)


@PROPERTY
@given(racer=racers())
def test_race_and_taper_weeks_say_so_and_blocks_count_past_them(
    racer: tuple[Profile, list[Run]],
) -> None:
    """A race week was told "week 4 of 6 in block 1", as if the block trained through the
    race: race and taper sessions name their week, and no block count."""
    plan = _plan(racer)
    for s in plan.sessions:
        if s.phase in EASING:
            assert " in block " not in s.why, (s.day, s.why)
            assert f"{s.phase} week" in s.why, (s.day, s.why)


@PROPERTY
@given(racer=racers())
def test_no_three_light_weeks_before_a_goal_race(racer: tuple[Profile, list[Run]]) -> None:
    """A recovery week never sits right before a taper (it comes earlier, or the taper is
    the recovery week), so an A race is never preceded by two more light weeks; no two
    recovery weeks follow one another; and the month's recovery week still comes
    (`recovery-week` holds). A recovery week every third week can force the light weeks
    together: the tune-up's race week lifts (issue 13), and keeping them apart would take
    a recovery week more."""
    plan = _plan(racer)
    phases = [week.phase for week in plan.weeks]
    roomy = plan.recovery_every > 3
    for before, after in pairwise(phases):
        assert not roomy or (before, after) != (Phase.RECOVERY, Phase.TAPER), phases
        assert (before, after) != (Phase.RECOVERY, Phase.RECOVERY), phases
    for race in plan.race_days:
        index = (race.day - plan.start).days // 7
        if race.priority == "A" and index >= 2 and roomy:
            assert not set(phases[index - 2 : index]) <= LIGHT, phases
    assert not [v for v in plan.violations if v.rule == "recovery-week"]


B, R, T, RACE = Phase.BUILD, Phase.RECOVERY, Phase.TAPER, Phase.RACE


def test_a_block_counts_its_training_weeks_only() -> None:
    """A race or taper week keeps its block (its lifts go on) but no place in its count."""
    monday = date(2027, 1, 4)
    phases = [B, B, RACE, B, B, B, T, RACE]
    frames = [WeekFrame(monday + timedelta(weeks=i), p, "", 2, 2) for i, p in enumerate(phases)]
    numbered = [(f.block, f.block_week) for f in _in_blocks(frames)]
    assert numbered == [(1, 1), (1, 2), (1, 0), (1, 3), (2, 1), (2, 2), (2, 0), (2, 0)]


def _coachs_racer() -> tuple[Profile, list[Run]]:
    """The coach's racer: intermediate, dumbbell pairs of 2-22 kg and a 16 kg kettlebell,
    45 minutes; intervals on Tuesday, a tempo run on Thursday, the long run on Sunday; a B
    10K at the end of week 6 and the A half marathon at the end of week 12."""
    start = date(2027, 1, 4)
    b_race, a_race = start + timedelta(weeks=5, days=6), start + timedelta(weeks=11, days=6)
    runs = []
    for week in range(14):
        monday = start + timedelta(weeks=week)
        runs += [
            Run(monday + timedelta(1), "Intervals 6x1k", RunKind.HARD, time(18, 30), None, 60),
            Run(monday + timedelta(2), "Easy 40", RunKind.EASY, time(7), None, 40),
            Run(monday + timedelta(3), "Tempo 30", RunKind.HARD, time(18, 30), None, 50),
            Run(monday + timedelta(5), "Easy 35", RunKind.EASY, time(9), None, 35),
        ]
        sunday = monday + timedelta(6)
        if sunday == b_race:
            runs.append(Run(sunday, "B race: 10K", RunKind.RACE, time(9), None, 45))
        elif sunday == a_race:
            runs.append(Run(sunday, "A race: half marathon", RunKind.RACE, time(9), None, 95))
        else:
            runs.append(Run(sunday, "Long run", RunKind.LONG, time(8), None, 90))
    profile = Profile(
        start=start,
        weeks=14,
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.KETTLEBELL}),
        dumbbells_kg=tuple(float(kg) for kg in range(2, 23, 2)),
        kettlebells_kg=(16.0,),
        minutes=45,
        race_priorities=((b_race, "B"), (a_race, "A")),
    )
    return profile, runs


@pytest.fixture(scope="module")
def coachs_plan() -> Plan:
    return _plan(_coachs_racer())


def test_the_coachs_racer_climbs_to_the_heavier_pairs(coachs_plan: Plan) -> None:
    """Before: a kettlebell single-leg deadlift held at the one 16 kg bell for the whole
    plan (reps creeping to 8) and no anchor above 16 kg. Now the hinge takes the dumbbells,
    whose rack leaves room to climb, and an anchor reaches the 18-22 kg pairs, its reps
    moving between the loads."""
    loads: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for s in coachs_plan.sessions:
        for p in s.main:
            if p.role is Role.ANCHOR and p.load_kg is not None and p.reps is not None:
                loads[p.exercise].append((p.load_kg, p.reps))
    assert "kettlebell-single-leg-deadlift" not in loads
    assert max(kg for seen in loads.values() for kg, _ in seen) >= 18, loads
    for seen in loads.values():
        at_first_load = [reps for kg, reps in seen if kg == seen[0][0]]
        assert len(set(at_first_load)) >= 2 or len(seen) < 4, seen


def test_the_coachs_racer_meets_new_lifts_a_few_at_a_time(coachs_plan: Plan) -> None:
    week_two = coachs_plan.start + timedelta(days=7)
    for s in coachs_plan.sessions:
        if s.day >= week_two:
            assert sum(p.new for p in s.main) <= NEW_PER_SESSION, s.day


def test_the_coachs_racer_keeps_the_recovery_week_apart_from_the_taper(coachs_plan: Plan) -> None:
    phases = [week.phase for week in coachs_plan.weeks]
    (goal,) = [r for r in coachs_plan.race_days if r.priority == "A"]
    taper = (goal.day - coachs_plan.start).days // 7 - 1
    assert phases[taper] in (Phase.TAPER, Phase.RECOVERY), phases  # or the two merged
    assert phases[taper - 1] is not Phase.RECOVERY, phases
    assert Phase.RECOVERY in phases[taper - 4 : taper - 1], phases
    labels = [s.why for s in coachs_plan.sessions if s.phase is Phase.RACE]
    assert labels and all("race week" in why and " in block " not in why for why in labels)
