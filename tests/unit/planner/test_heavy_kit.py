"""A coach's read of kettlebell and barbell plans (issue 13, points 2, 3 and 5): an ultra
runner who owned bells of 8 to 24 kg stayed at 12 kg all season, because the step to 16 kg
is more than a quarter heavier (`Kit.small_step`) and a heavy anchor then only slowed its
lowering. Now the reps at the lighter bell rise until the next one is within reach
(`next_weight`), so the plan climbs the athlete's whole rack."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given

from coach_athletes import ultra_runner
from legday.catalogue.loader import load_catalogue
from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.kit import kit_of
from legday.model import (
    Equipment,
    Level,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    WarmupSet,
)
from legday.planner import make_plan
from legday.planner.dose import (
    ASSUMED_BODY_KG,
    BARBELL_START_SHARE,
    START_SHARE,
    lowering,
    next_weight,
    work_seconds,
)
from legday.planner.pools import ECCENTRIC_EVENTS
from legday.planner.session import ECCENTRIC_LOWERING
from legday.progression.loads import ramp, ramp_seconds, reps_to_reach
from strategies import heavy_kit_athletes
from thorough import plan_property

PROPERTY = plan_property(40)
CATALOGUE = load_catalogue()
CLIMBING = (Phase.OFF_SEASON, Phase.BASE, Phase.BUILD)
BELLS = (8.0, 12.0, 16.0, 20.0, 24.0)


def _plan(athlete: tuple[Profile, list[Run]]) -> Plan:
    profile, runs = athlete
    return make_plan(profile, runs, CATALOGUE)


def _bell_anchors(plan: Plan) -> dict[str, list[tuple[date, Prescription]]]:
    """Each kettlebell anchor's exposures in full sessions of weeks that climb, where a load
    may rise: not a session lighter on purpose (the eve of a hard or long run, the week
    after a race), nor the three weeks before a goal race."""
    goals = [race.day for race in plan.race_days if race.priority == "A"]
    found: dict[str, list[tuple[date, Prescription]]] = defaultdict(list)
    for s in plan.sessions:
        settled = any(timedelta(0) <= goal - s.day < timedelta(weeks=3) for goal in goals)
        if s.phase not in CLIMBING or settled or s.lighter is not None:
            continue
        for p in s.main:
            if p.role is Role.ANCHOR and p.implement == "kettlebell" and not p.injury_care:
                found[p.exercise].append((s.day, p))
    return found


def test_reps_to_reach() -> None:
    """The reps at a lighter bell from which the next is one step: 12 to 16 kg from 6 reps,
    8 to 12 kg from 10; 8 to 16 kg is never one step."""
    assert reps_to_reach(12.0, 16.0, 3, 12) == 6
    assert reps_to_reach(8.0, 12.0, 3, 12) == 10
    assert reps_to_reach(8.0, 16.0, 3, 12) is None
    assert reps_to_reach(16.0, 20.0, 4, 12) == 4


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=False) | heavy_kit_athletes(barbell=False, beginner=True))
def test_a_kettlebell_anchor_climbs_to_the_next_bell_within_reach(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """A kettlebell anchor met four times or more over a fortnight of climbing weeks moves
    on (reps or a heavier bell) unless no heavier bell is within reach; and a heavier bell
    comes only from the reps that reach it (`next_weight`). Before, a 12 kg bell with 16 kg
    owned held at 6 reps while its lowering slowed."""
    profile, _ = athlete
    plan = _plan(athlete)
    kit = kit_of(profile)
    for lift, seen in _bell_anchors(plan).items():
        loads = [p.load_kg or 0 for _, p in seen]
        if len(seen) < 4 or (seen[-1][0] - seen[0][0]).days < 14:
            continue
        first = seen[0][1]
        moved = any(
            (p.load_kg or 0) > (first.load_kg or 0)
            or (p.load_kg == first.load_kg and (p.reps or 0) > (first.reps or 0))
            or p.sets > first.sets
            or p.target_rpe > first.target_rpe
            for _, p in seen
        )
        topped = next_weight(kit, "kettlebell", max(loads), profile.level) is None
        assert moved or topped, (lift, [(d, p.load_kg, p.reps, p.tempo) for d, p in seen])


def _slowed_with_a_bell_in_reach(profile: Profile, plan: Plan) -> list[tuple[date, str]]:
    """The kettlebell anchors whose lowering slowed at a load (the stall of the top of a
    rack) while a heavier bell was within reach (`next_weight`); a trail or ultra runner's
    squat and lunge anchors lower in ECCENTRIC_LOWERING seconds on purpose."""
    kit = kit_of(profile)
    last: dict[str, Prescription] = {}
    found = []
    for s in plan.sessions:
        for p in s.main:
            before, last[p.exercise] = last.get(p.exercise), p
            if (
                before is None
                or not (p.role is before.role is Role.ANCHOR)
                or p.implement != "kettlebell"
                or p.load_kg is None
                or before.load_kg != p.load_kg
                or lowering(p.tempo) <= lowering(before.tempo)
            ):
                continue
            pattern = CATALOGUE[p.exercise].pattern
            eccentric = profile.event in ECCENTRIC_EVENTS and pattern in ("squat", "lunge")
            if eccentric and lowering(p.tempo) <= ECCENTRIC_LOWERING:
                continue
            if next_weight(kit, "kettlebell", p.load_kg, profile.level) is not None:
                found.append((s.day, p.exercise))
    return found


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=False))
def test_a_kettlebell_anchor_slows_its_lowering_only_with_no_bell_within_reach(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """A loaded anchor whose reps have topped out slows its lowering instead of rising
    only at the top of what it can reach; with a heavier bell within reach its reps climb
    to it, then it comes. Before, 12 kg with 16 kg owned slowed to a 5 s lowering."""
    profile, _ = athlete
    assert not _slowed_with_a_bell_in_reach(profile, _plan(athlete))


def test_the_ultra_runners_bells_are_climbed() -> None:
    """The coach's ultra runner with bells of 8-24 kg instead of a barbell: the plan
    reaches the heaviest bell, and no kettlebell anchor slows its lowering while a heavier
    bell is within reach."""
    profile, runs = ultra_runner()
    kit = frozenset({Equipment.BODYWEIGHT, Equipment.KETTLEBELL, Equipment.STEP, Equipment.WALL})
    profile = replace(profile, equipment=kit, kettlebells_kg=BELLS, plates_kg=())
    plan = make_plan(profile, runs, CATALOGUE)
    loads = [
        p.load_kg
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.implement == "kettlebell" and p.load_kg is not None
    ]
    assert max(loads) == max(BELLS)
    assert not _slowed_with_a_bell_in_reach(profile, plan)


def test_an_intermediate_lunge_climbs_from_a_light_bell() -> None:
    """An intermediate's kettlebell lunge starts at 8 kg (the table's start); with bells of
    8, 12 and 16 kg its reps climb past 6 to 10 and the 12 kg bell comes, met for 3 reps."""
    profile, runs = ultra_runner()
    kit = frozenset({Equipment.BODYWEIGHT, Equipment.KETTLEBELL, Equipment.WALL})
    profile = replace(
        profile,
        level=Level.INTERMEDIATE,
        equipment=kit,
        kettlebells_kg=(8.0, 12.0, 16.0),
        plates_kg=(),
        injuries=(),
        event=None,
    )
    plan = make_plan(profile, runs, CATALOGUE)
    seen = [
        p
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.implement == "kettlebell" and p.load_kg == 8.0
    ]
    rises = [
        (before, now)
        for s_before, s_now in zip(plan.sessions, plan.sessions[1:], strict=False)
        for before in s_before.main
        for now in s_now.main
        if before.exercise == now.exercise
        and before.implement == now.implement == "kettlebell"
        and before.load_kg == 8.0
        and now.load_kg == 12.0
    ]
    if seen:
        assert rises, [(p.exercise, p.reps) for p in seen]
        for before, now in rises:
            assert before.reps is not None and before.reps >= 10
            assert now.reps == 3


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=False, beginner=True))
def test_a_beginners_bells_climb_through_the_double_progression(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """A beginner whose kettlebell anchors meet the first bell a dozen times in full
    sessions of climbing weeks, with the next bell within reach, lifts a heavier one at
    some point: reps climb 8 to 10 (and past, to reach a far bell), then the next bell.
    Before, the block's week decided the load, and a beginner's 12 kg bell with 16 and
    20 kg owned held for sixteen weeks."""
    profile, _ = athlete
    plan = _plan(athlete)
    kit = kit_of(profile)
    seen = [p for exposures in _bell_anchors(plan).values() for _, p in exposures]
    loads = [p.load_kg or 0 for p in seen]
    if len(seen) < 12 or next_weight(kit, "kettlebell", min(loads), profile.level) is None:
        return
    assert max(loads) > min(loads), [(p.exercise, p.load_kg, p.reps) for p in seen]


IN_SEASON = (Phase.BUILD, Phase.PEAK, Phase.RACE)


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=True))
def test_in_season_weeks_keep_the_barbell(athlete: tuple[Profile, list[Run]]) -> None:
    """Once an intermediate or advanced runner lifts a barbell anchor, every build, peak
    and race week that lifts keeps a barbell lift (Rønnestad & Mujika 2014: a short heavy
    session a week keeps strength in season). A coach read a 1500 m runner's back squat
    handed over to a kettlebell lunge after week 3, the bar gone for the season."""
    plan = _plan(athlete)
    started = None
    for week in plan.weeks:
        sessions = [s for s in plan.sessions if s.day in week]
        bar = any(p.implement == "barbell" for s in sessions for p in s.main)
        if started is None:
            started = week.start if bar else None
            continue
        if week.phase in IN_SEASON and sessions:
            assert bar, (week.start, week.phase, [sorted(s.exercise_ids) for s in sessions])


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=True))
def test_a_barbell_lifts_first_load_is_a_share_of_body_weight(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """A barbell anchor's first load is a share of the athlete's body weight by level
    (BARBELL_START_SHARE; a light runner's weight when the profile has none), rounded down
    to what the plates make: a 78 kg advanced runner's back squat starts at 62.5 kg, not
    the token 40 kg a coach read."""
    profile, _ = athlete
    plan = _plan(athlete)
    kit = kit_of(profile)
    body = profile.body_kg or ASSUMED_BODY_KG
    seen: set[str] = set()
    for s in plan.sessions:
        for p in s.main:
            if p.implement != "barbell" or p.exercise in seen or p.load_kg is None:
                continue
            seen.add(p.exercise)
            e = CATALOGUE[p.exercise]
            if p.role is not Role.ANCHOR or e.id in START_SHARE:
                continue
            share = BARBELL_START_SHARE[e.pattern][profile.level.rank]
            assert p.load_kg >= (kit.at_most("barbell", share * body) or 0), (e.id, p.load_kg)
            assert p.load_kg >= 0.5 * body - 2.5, (e.id, p.load_kg, body)


TYPICAL_BAR = kit_of(
    Profile(start=date(2027, 1, 4), equipment=frozenset({Equipment.BODYWEIGHT, Equipment.BARBELL}))
)


def test_the_ramp_before_a_barbell_lift() -> None:
    """The empty bar for 8, about half for 5, about three quarters for 3, on loads the
    plates make; a later barbell lift of the session takes the last set only, an easy
    day's (RPE 6) the bar and the last."""
    assert ramp(60.0, "barbell", TYPICAL_BAR) == (
        WarmupSet(8, 20.0),
        WarmupSet(5, 30.0),
        WarmupSet(3, 45.0),
    )
    assert ramp(60.0, "barbell", TYPICAL_BAR, empty_bar=False) == (WarmupSet(3, 45.0),)
    assert ramp(60.0, "barbell", TYPICAL_BAR, rpe=6) == (WarmupSet(8, 20.0), WarmupSet(3, 45.0))
    assert ramp(40.0, "barbell", TYPICAL_BAR) == (WarmupSet(8, 20.0), WarmupSet(3, 30.0))
    assert ramp(20.0, "barbell", TYPICAL_BAR) == ()  # the empty bar is its own warm-up
    assert ramp(16.0, "kettlebell", TYPICAL_BAR) == ()


@PROPERTY
@given(athlete=heavy_kit_athletes(barbell=True))
def test_barbell_work_starts_with_ramping_warm_up_sets(athlete: tuple[Profile, list[Run]]) -> None:
    """Every barbell lift heavier than the empty bar has warm-up sets before its first work
    set: rising loads below the work load at falling reps, the session's first opening with
    the empty bar, a later one's a single set. They are no work sets (the prescription's
    sets are the work), their time is in the session's minutes (`work_seconds`), and the
    plan file carries them. Before, a heavy barbell set came straight after the drills."""
    plan = _plan(athlete)
    bar = TYPICAL_BAR.barbell[0]
    for s in plan.sessions:
        first = True
        for p in s.main:
            if p.implement != "barbell" or p.load_kg is None or p.load_kg <= bar:
                assert not p.warmup_sets, (s.day, p.exercise)
                continue
            loads = [w.load_kg for w in p.warmup_sets]
            reps = [w.reps for w in p.warmup_sets]
            assert loads and loads == sorted(set(loads)) and loads[-1] < p.load_kg, loads
            assert reps == sorted(reps, reverse=True)
            # a later lift's ramp is its last set alone (the bar alone for a light one)
            assert loads[0] == bar if first else len(loads) == 1, (s.day, p.exercise, loads)
            first = False
            assert work_seconds(p) - work_seconds(replace(p, warmup_sets=())) == ramp_seconds(p)
    again = plan_from_json(json.loads(json.dumps(plan_to_json(plan))), "memory")
    assert again.sessions == plan.sessions
