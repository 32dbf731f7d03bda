"""Bodyweight athletes progress by harder variations, slower tempo and single-leg work
(issue 13, point 3).

Measured on random athletes without weights (`bench/bodyweight_progress.py`): anchors that
reached their slowest lowering at their top reps stood still for up to 15 weeks while a
harder variation was in reach, a beginner's calf raise stayed two-legged all season in 46
of 62 plans, and band owners used their band in 14 % of sessions. Now an anchor done twice
at its top moves on to its harder variation (one level above the athlete's at most), with
a gentle first time that its why names, and a band loads the anchors of those who own one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.bodyweight_progress import (
    NO_LOAD,
    at_the_top,
    at_the_top_in,
    harder_in_reach,
    stalls,
)
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    Equipment,
    Level,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import dose, make_plan
from legday.planner.pools import ANCHOR_KINDS, band_loaded
from strategies import profiles, runs_for
from thorough import plan_property

START = date(2027, 1, 4)
PROPERTY = plan_property(60)
# Weeks free to progress an anchor may stand at its top before it moves on: it is done
# twice at the top (a week with two sessions), then the next session may bring its
# harder variation, unless another anchor changed that session (one a session)
MOST_STALL_WEEKS = 3
KINDS = {pattern: n for n, kind in enumerate(ANCHOR_KINDS) for pattern in kind[0] | kind[1]}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@st.composite
def bodyweight_athletes(draw: st.DrawFn) -> tuple[Profile, list[Run]]:
    """A random athlete without weights (at most a band, a step, a bench, a box or a
    mat), planned long enough for anchors to reach their top: 12 to 24 weeks."""
    profile = draw(profiles(max_weeks=24))
    weeks = draw(st.integers(12, 24))
    kit = (profile.equipment & NO_LOAD) | {Equipment.BODYWEIGHT, Equipment.WALL}
    profile = replace(profile, weeks=weeks, equipment=kit)
    return profile, draw(runs_for(profile.start, weeks))


def _week_of_runs(weeks: int) -> list[Run]:
    """Intervals on Tuesday evening, an easy run on Thursday morning, a long run Sunday."""
    runs = []
    for week in range(weeks):
        monday = START + timedelta(weeks=week)
        runs += [
            Run(monday + timedelta(days=1), "Intervals", RunKind.HARD, time(18), time(19), 60),
            Run(monday + timedelta(days=3), "Easy 40", RunKind.EASY, time(7), time(7, 40), 40),
            Run(monday + timedelta(days=6), "Long run", RunKind.LONG, time(9), time(10, 30), 90),
        ]
    return runs


Handover = tuple[str, Prescription, Prescription, int]


def _handovers(plan: Plan, catalogue: Catalogue) -> list[Handover]:
    """Each anchor met for the first time that took over its kind from an unloaded lift
    that lists it as a harder variation: (the day's why, its first prescription, the
    replaced lift's last, how often that lift was done at its top as an anchor before);
    care's own doses aside."""
    last: dict[int, Prescription] = {}
    tops: dict[str, int] = {}
    found: list[Handover] = []
    for s in plan.sessions:
        handed: list[Handover] = []
        for p in s.main:
            pattern = catalogue[p.exercise].pattern
            if p.role is not Role.ANCHOR or pattern not in KINDS:
                continue
            before = last.get(KINDS[pattern])
            last[KINDS[pattern]] = p
            if (
                before is not None
                and p.new
                and not p.injury_care
                and before.load_kg is None
                and p.exercise in catalogue[before.exercise].progressions
            ):
                handed.append((s.why, p, before, tops.get(before.exercise, 0)))
        found += handed
        for p in s.main:
            if p.role is Role.ANCHOR and at_the_top(p, catalogue, plan.profile):
                tops[p.exercise] = tops.get(p.exercise, 0) + 1
    return found


@PROPERTY
@given(athlete=bodyweight_athletes())
def test_no_bodyweight_anchor_stands_at_its_top_with_a_harder_variation_in_reach(
    catalogue: Catalogue, athlete: tuple[Profile, list[Run]]
) -> None:
    """A bodyweight anchor at the top of its progression (its slowest lowering at its top
    reps, its longest hold) stands there at most MOST_STALL_WEEKS weeks free to progress
    while a harder variation is in the athlete's kit, one level above theirs at most: it
    rises or moves on. Weeks a rule holds do not count (a taper, race, recovery or
    post-race week, the first week back after a race, the three weeks before an A race),
    nor what care holds at its stage for the athlete's problems (`bench.stalls`)."""
    profile, runs = athlete
    plan = make_plan(profile, runs, catalogue)
    for stall in stalls(plan, catalogue):
        if stall.weeks > MOST_STALL_WEEKS and harder_in_reach(plan, catalogue, stall):
            assert not at_the_top_in(plan, catalogue, stall), stall


@PROPERTY
@given(athlete=bodyweight_athletes())
def test_a_harder_variation_starts_gently_and_says_what_it_replaces(
    catalogue: Catalogue, athlete: tuple[Profile, list[Run]]
) -> None:
    """The first time of a harder variation: two sets at RPE 6 at most, and a why that
    names it as a harder variation of the lift it replaces; the why says that lift was
    done twice at its top only when it was, and then, if it was at its top last time, the
    harder variation starts with fewer reps (or seconds) than it had."""
    profile, runs = athlete
    plan = make_plan(profile, runs, catalogue)
    for why, p, before, tops in _handovers(plan, catalogue):
        assert p.sets <= 2 and p.target_rpe <= 6, p
        name = catalogue[before.exercise].name.lower()
        assert f"a harder variation of the {name}" in why, why
        outgrown = f"a harder variation of the {name}, which you have done twice at its top"
        assert (outgrown in why) <= (tops >= 2), why
        if tops >= 2 and at_the_top(before, catalogue, profile):
            assert outgrown in why, why
            assert (p.reps or p.seconds or 0) < (before.reps or before.seconds or 0), p


def test_a_longer_pause_counts_as_past_the_top(catalogue: Catalogue) -> None:
    """A bodyweight lift's top is its top reps at its slowest lowering (a kickstand RDL: 9
    reps lowering in 5 s). The pause that lengthens after it trades a rep for seconds and
    still counts as at the top (`dose.at_the_top`, and the bench's own reading agrees), so
    a new week's pause never puts the hand-over off; fewer reps or a quicker lowering do
    not count."""
    top = dose.bodyweight_top(catalogue["kickstand-rdl"])
    assert (top.reps, top.tempo) == (9, "5-1-2")
    for reps, tempo, counts in [(9, "5-1-2", True), (8, "5-2-2", True), (8, "5-1-2", False)]:
        p = Prescription("kickstand-rdl", 3, reps, None, True, "", tempo, 7, (), True, False)
        assert dose.at_the_top(p, top) == at_the_top(p, catalogue) == counts, p
    quicker = Prescription("kickstand-rdl", 3, 12, None, True, "", "4-2-2", 7, (), True, False)
    assert not dose.at_the_top(quicker, top) and not at_the_top(quicker, catalogue)


def test_a_beginners_calf_raise_goes_single_leg(catalogue: Catalogue) -> None:
    """A beginner with nothing but a wall: the two-legged calf raise climbs its reps, and
    once done twice at its top reps it hands over (before its lowering slows: one leg
    first, docs/planner.md 3.24) to the single-leg calf raise
    (one level above a beginner's), 2 x 5 at RPE 6 the first time; the kickstand
    Romanian deadlift goes on to the single-leg one the same way."""
    profile = Profile(start=START, weeks=16, level=Level.BEGINNER, minutes=45)
    plan = make_plan(profile, _week_of_runs(16), catalogue)
    calves = [
        p
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and catalogue[p.exercise].pattern == "calf"
    ]
    assert calves[0].exercise == "calf-raise"
    single = [p for p in calves if p.exercise == "single-leg-calf-raise"]
    assert single and (single[0].sets, single[0].reps, single[0].target_rpe) == (2, 5, 6)
    handed = {
        (before.exercise, p.exercise)
        for _, p, before, tops in _handovers(plan, catalogue)
        if tops >= 2 and at_the_top(before, catalogue, profile)
    }
    assert ("calf-raise", "single-leg-calf-raise") in handed
    assert ("kickstand-rdl", "single-leg-romanian-deadlift") in handed


@pytest.mark.parametrize(
    ("level", "banded"),
    [
        (Level.BEGINNER, {"banded-split-squat"}),
        (
            Level.INTERMEDIATE,
            {
                "banded-split-squat",
                "banded-single-leg-romanian-deadlift",
                "banded-single-leg-calf-raise",
            },
        ),
    ],
)
def test_a_band_loads_the_anchors_of_those_who_own_one(
    catalogue: Catalogue, level: Level, banded: set[str]
) -> None:
    """Without weights, the band is the load: each banded lift becomes the anchor of its
    kind (a beginner's split squat; an intermediate's three anchors) as the harder
    variation of the plain lift the athlete learned first (`session.band_earned`: a coach
    read a beginner given the banded split squat in week 1, then nothing harder)."""
    kit = frozenset({Equipment.BODYWEIGHT, Equipment.BAND})
    profile = Profile(start=START, weeks=12, level=level, minutes=45, equipment=kit)
    sessions = make_plan(profile, _week_of_runs(12), catalogue).sessions
    first = {p.exercise for p in sessions[0].main if p.role is Role.ANCHOR}
    assert not any(band_loaded(catalogue[e]) for e in first), first
    anchored: list[str] = []
    for s in sessions:
        anchored += [p.exercise for p in s.main if p.role is Role.ANCHOR]
    assert banded <= set(anchored)
    for lift in banded:  # after the plain lift it loads
        plain_lifts = {e for e in anchored[: anchored.index(lift)] if not band_loaded(catalogue[e])}
        assert any(lift in catalogue[e].progressions for e in plain_lifts), lift
    plain = replace(profile, weeks=4, equipment=frozenset({Equipment.BODYWEIGHT}))
    alone = make_plan(plain, _week_of_runs(4), catalogue).sessions[0]
    assert not any(Equipment.BAND in catalogue[p.exercise].equipment for p in alone.main)


def test_the_banded_lifts_leave_the_plans_of_those_without_a_band_as_they_were(
    catalogue: Catalogue,
) -> None:
    """The band-loaded anchors draw their tie-break after every other exercise: drawn in
    catalogue order, the three banded lifts reshuffled the picks of every plan, band or
    none (a runner with dumbbells got a split squat for a lateral lunge)."""
    banded = {e.id for e in catalogue if band_loaded(e)}
    assert len(banded) == 3
    without = Catalogue(
        replace(e, progressions=tuple(i for i in e.progressions if i not in banded))
        for e in catalogue
        if e.id not in banded
    )
    kit = frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.STEP})
    profile = Profile(start=START, weeks=6, level=Level.INTERMEDIATE, equipment=kit, seed=11)
    runs = _week_of_runs(6)
    assert (
        make_plan(profile, runs, catalogue).sessions == make_plan(profile, runs, without).sessions
    )
