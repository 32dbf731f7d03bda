"""A lift renamed mid-plan is no new lift (issue 13, a coach's read: a block's hinge went
from the kettlebell single-leg deadlift to the single-leg Romanian deadlift at the same
16 kg bell and was called "new to you, so it starts gently").

When an anchor takes over from a variation of the last one (`session.variation`), the why
says it goes on from that lift. The same lift with other kit or a band, or an easier one,
is no new movement: it is not counted new and its dose goes on from the lift it carries
on from, one step at a time. A harder variation is told as one and still starts gently (2
sets at RPE 6 at most); so does every movement the athlete has not done."""

from __future__ import annotations

import pytest

from coach_athletes import coached_athletes
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Role
from legday.planner import make_plan
from legday.planner.session import variation
from legday.rules.progression import FIRST_RPE, FIRST_SETS

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("kettlebell-single-leg-deadlift", "single-leg-romanian-deadlift", "kit"),
        ("single-leg-romanian-deadlift", "weighted-single-leg-romanian-deadlift", "kit"),
        ("romanian-deadlift", "barbell-romanian-deadlift", "kit"),
        ("goblet-squat", "kettlebell-goblet-squat", "kit"),
        ("split-squat", "banded-split-squat", "harder"),  # the band is the load (3.21)
        ("single-leg-romanian-deadlift", "kickstand-rdl", "easier"),
        ("split-squat", "rear-foot-elevated-split-squat", "harder"),
        ("calf-raise", "single-leg-calf-raise", "harder"),
        ("dumbbell-reverse-lunge", "forward-lunge", ""),
        ("eccentric-heel-drop", "towel-calf-raise", ""),
    ],
)
def test_what_a_hand_over_is(old: str, new: str, kind: str) -> None:
    assert variation(CATALOGUE[old], CATALOGUE[new], CATALOGUE) == kind


def _hand_overs(plan: Plan) -> list[tuple[str, str, str, int]]:
    """(old, new, why, session index) of each anchor hand-over to a lift met for the first
    time in the plan, outside care's doses."""
    found = []
    last: dict[str, str] = {}
    seen: set[str] = set()
    for index, s in enumerate(plan.sessions):
        for p in s.main:
            first = p.exercise not in seen
            seen.add(p.exercise)
            if p.role is not Role.ANCHOR or p.injury_care:
                continue
            pattern = CATALOGUE[p.exercise].pattern
            before = last.get(pattern)
            last[pattern] = p.exercise
            if before is not None and before != p.exercise and first:
                found.append((before, p.exercise, s.why, index))
    return found


def test_a_variation_is_told_as_one_and_only_new_movements_start_over() -> None:
    told = {"kit": 0, "easier": 0, "harder": 0}
    for _, profile, runs in coached_athletes(30):
        plan = make_plan(profile, runs, CATALOGUE)
        care = {e for r in plan.care for e in (p.exercise for p in r.exercises)}
        for old, new, why, index in _hand_overs(plan):
            kind = variation(CATALOGUE[old], CATALOGUE[new], CATALOGUE)
            p = next(q for q in plan.sessions[index].main if q.exercise == new)
            name, before = CATALOGUE[new].name.lower(), CATALOGUE[old].name.lower()
            if not kind or new in care:  # a new movement, or met in a care routine first
                continue
            if kind == "kit":  # no new movement: no first exposure
                assert f"carries on from the {before}" in why, why
                assert not p.new
            else:  # a harder or easier variation: told so, and it starts gently
                assert f"{kind} variation of the {before}" in why, why
                assert p.sets <= FIRST_SETS and p.target_rpe <= FIRST_RPE
            told[kind] += 1
            new_clause = why.split("new to you")[1] if "new to you" in why else ""
            assert name not in new_clause.split(";")[0], why
    assert told["kit"] >= 3 and told["harder"] >= 3, told


def test_every_new_movement_still_starts_gently() -> None:
    for _, profile, runs in coached_athletes(12):
        plan = make_plan(profile, runs, CATALOGUE)
        for s in plan.sessions:
            for p in s.main:
                if p.new and not p.injury_care:
                    assert p.sets <= FIRST_SETS and p.target_rpe <= FIRST_RPE, (s.day, p)
