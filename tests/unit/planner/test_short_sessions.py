"""Short sessions and ladders from a coach's read (issue 13, points 1, 3, 8 and 11).

- A 30-minute session held three one-leg anchors at two sets each; a coach would rather
  see two done properly. An intermediate or advanced runner's full off-season, base and
  build session of 30 minutes now holds two of its block's three anchors, the third
  resting to the next session in turn (`Composer._resting`), and says so.
- A two-legged bodyweight anchor goes to its one-legged variation before its lowering
  slows (`Composer._one_leg_next`, `dose.bodyweight_top`).
- A why never calls a lift the harder variation of one still in the session, and a
  fresh lift taking an anchor's slot names the lift it replaced (`words.took_over`).

Measured in bench/anchor_sets.py and bench/coach_words.py (docs/planner.md 3.24)."""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

from legday.catalogue.loader import load_catalogue
from legday.model import MAX_RPE, Level, Phase, Plan, Profile, Role
from legday.planner import make_plan
from legday.planner.dose import lowering
from legday.planner.words import in_a_list, told_replaced, took_over
from thorough import athletes

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from athletes import random_athlete
from beginner_read import beginner
from bodyweight_progress import one_leg_in_reach

CATALOGUE = load_catalogue()
CLIMBING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD})
ATHLETES = athletes(40)
NAMES = {in_a_list(e.name.lower()): e.id for e in CATALOGUE}
FAST = (Role.PLYOMETRIC, Role.POWER)  # fast work keeps its own place beside a rest
RESTING = re.compile(r"the ([^;,]+?)(?: has its turn next session|, done earlier this week, rests)")


def _short(number: int) -> tuple[Profile, Plan]:
    """A seeded random intermediate or advanced runner under 50, without problems (care
    keeps its anchors in every session), with 30-minute sessions."""
    rng = random.Random(5300 + number)
    profile, runs = random_athlete(rng, 16)
    level = rng.choice([Level.INTERMEDIATE, Level.ADVANCED])
    profile = replace(profile, level=level, minutes=30, age=None, injuries=())
    return profile, make_plan(profile, runs, CATALOGUE)


SHORT = [_short(number) for number in range(ATHLETES)]


def _rested(why: str) -> str | None:
    found = RESTING.search(why)
    return None if found is None else NAMES[found[1]]


def test_short_sessions_hold_two_anchors_at_their_block_sets() -> None:
    """Four in ten anchors of full 30-minute off-season, base and build sessions (not new)
    hold three sets or more (the tree before: about one in ten, three one-leg anchors at
    two sets each); hard rules and RPE 8 hold."""
    sets = []
    for _, plan in SHORT:
        assert not [v for v in plan.violations if v.hard]
        for s in plan.sessions:
            assert all(p.target_rpe <= MAX_RPE for p in s.main)
            if s.lighter is not None or s.phase not in CLIMBING:
                continue
            sets += [p.sets for p in s.main if p.role is Role.ANCHOR and not p.new]
    assert len(sets) > 100
    assert sum(n >= 3 for n in sets) >= 0.4 * len(sets), sum(n >= 3 for n in sets) / len(sets)


def test_a_resting_anchor_is_out_of_the_session_and_soon_back() -> None:
    """The anchor a session rests is in none of its exercises (no companion takes its
    place, nor a lift of its pattern but fast work) and one of the next two sessions of
    its block holds it (the next one, unless a key run's eve cannot fit it: the fitting
    of such a day drops an anchor on the tree before too); a lighter day rests only one
    its week held already."""
    rested_somewhere = 0
    for profile, plan in SHORT:
        sessions = plan.sessions
        for index, s in enumerate(sessions):
            rested = _rested(s.why)
            if rested is None:
                continue
            rested_somewhere += 1
            assert rested not in {p.exercise for p in s.main}, s.why
            pattern = CATALOGUE[rested].pattern
            stand_ins = {CATALOGUE[p.exercise].pattern for p in s.main if p.role not in FAST}
            assert pattern not in stand_ins, s.why
            if "done earlier this week" in s.why:
                week = (s.day - profile.start).days // 7
                earlier = [
                    t
                    for t in sessions[:index]
                    if (t.day - profile.start).days // 7 == week
                    and rested in {p.exercise for p in t.main}
                ]
                assert earlier, (s.day, rested)
                continue
            after = sessions[index + 1 : index + 3]
            if len(after) == 2 and all(t.block == s.block for t in after):
                assert any(rested in {p.exercise for p in t.main} for t in after), s.day
    assert rested_somewhere > 0


def test_no_rest_for_beginners_or_longer_sessions() -> None:
    """Beginners keep every anchor (their sets stay where the dose puts them) and so do
    sessions of 45 minutes."""
    for number in range(max(5, ATHLETES // 4)):
        rng = random.Random(5400 + number)
        profile, runs = random_athlete(rng, 12)
        for level, minutes in ((Level.BEGINNER, 30), (Level.ADVANCED, 45)):
            athlete = replace(profile, level=level, minutes=minutes, injuries=())
            plan = make_plan(athlete, runs, CATALOGUE)
            assert not [s.day for s in plan.sessions if _rested(s.why)]


def test_two_legged_lifts_go_one_legged_before_their_lowering_slows() -> None:
    """A bodyweight beginner's two-legged anchor (a calf raise) with its one-legged
    variation in reach is rarely lowered slower than its own tempo: one leg first, then
    tempo (the tree before: 757 of 1,608 such prescriptions over bench/coach_words.py's
    120 athletes and 120 beginners; this tree none of 915)."""
    slower = seen = 0
    for number in range(ATHLETES):
        profile, runs = beginner(random.Random(8300 + number), 16)
        for s in make_plan(profile, runs, CATALOGUE).sessions:
            for p in s.main:
                if p.role is not Role.ANCHOR or p.load_kg is not None or not p.reps:
                    continue
                if one_leg_in_reach(profile, CATALOGUE, p.exercise):
                    seen += 1
                    slower += lowering(p.tempo) > lowering(CATALOGUE[p.exercise].tempo)
    assert seen > 20
    assert slower <= 0.1 * seen, (slower, seen)


def test_no_variation_told_beside_the_lift_it_replaced() -> None:
    """No why calls a lift "a harder (or easier) variation of the X" while the X is in the
    same session (a coach read the step-up told as the split squat's harder variation with
    the split squat still there)."""
    for number in range(ATHLETES):
        for profile, runs in (
            random_athlete(random.Random(8300 + number), 16),
            beginner(random.Random(8300 + number), 16),
        ):
            for s in make_plan(profile, runs, CATALOGUE).sessions:
                names = {in_a_list(CATALOGUE[p.exercise].name.lower()) for p in s.main}
                for name in names:
                    assert f"harder variation of the {name}" not in s.why, s.why
                    assert f"easier variation of the {name}" not in s.why, s.why


def test_a_lift_taking_over_names_what_it_replaced() -> None:
    """The clause names the lift replaced and why, in plain words."""
    said = took_over("lateral lunge", True, "reverse lunge")
    assert said.startswith("the reverse lunge takes over from the lateral lunge as a main lift")
    assert "as far as it goes with your kit" in said
    assert "fresh lift after weeks of the lateral lunge" in took_over("lateral lunge", False, "x")


def test_a_variation_of_a_lift_still_in_the_session_is_not_told_so() -> None:
    """Care brought the split squat back as its own exercise: the step-up replaced nothing
    and the clause goes (the step-up is then told as new, `told_new`)."""
    why = (
        "Tuesday: a day without running; a harder variation of the split squat, so it "
        "starts gently: step-up; for your runner's knee: split squat."
    )
    assert told_replaced(why, ["split squat", "step-up"]) == (
        "Tuesday: a day without running; for your runner's knee: split squat."
    )
    assert told_replaced(why, ["step-up"]) == why
