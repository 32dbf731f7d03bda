"""The Achilles stage follows the athlete, and insertional pain keeps the heel at the floor
(a coach and physio's read of injury-care routines, issue 13):

- the stage moved up by the calendar alone: now the routines give a test the athlete can
  do (heel raises counted on the sore leg, hops with the pain noted: Silbernagel et al.
  2006, 2007), before the first routine and at the end of each stage, with what to pass
  to move on;
- pain where the tendon meets the heel (`achilles-insertional`) got heel drops off a step,
  which press the tendon against the bone: its protocol loads from the floor only (Jonsson
  et al. 2008), and nothing in the plan takes the heel below the forefoot.

Measured as `bench/care_kit.py` counts them: over 60 random care athletes, 25 Achilles
plans without a test, 15 stage changes without a criterion and 476 prescriptions below
step level for insertional pain before (it could only be named `achilles`); none after.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from importlib.resources import files
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from coach_athletes import half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan, problem_name
from legday.planner import CareSchedule, make_plan
from legday.profiles import build_profile
from strategies import profiles, runs_for, with_problem
from thorough import plan_property

CATALOGUE = load_catalogue()
ACHILLES = ("achilles", "achilles-insertional")
TESTED = (*ACHILLES, "shin-splints")  # the protocols whose stage follows a test
INSERTIONAL = CATALOGUE.protocols["achilles-insertional"]
PROPERTY = plan_property(60)
MOVE_ON = re.compile(r"Move on to stage (\d+)")


def _every_exercise(plan: Plan) -> list[tuple[date, str]]:
    found = [(r.day, p.exercise) for r in plan.care for p in r.exercises]
    for s in plan.sessions:
        found += [(s.day, p.exercise) for p in s.main]
        found += [(s.day, w.exercise) for w in s.warmup]
        found += [(s.day, c.exercise) for c in s.cooldown]
    return found


@PROPERTY
@given(data=st.data(), also=st.sampled_from([(), ("achilles",), ("shin-splints",)]))
def test_insertional_pain_never_takes_the_heel_below_the_forefoot(
    data: st.DataObject, also: tuple[str, ...]
) -> None:
    profile = with_problem(data.draw(profiles(max_weeks=12)), "achilles-insertional")
    profile = replace(profile, injuries=tuple(dict.fromkeys((*profile.injuries, *also))))
    stage = data.draw(st.integers(1, len(INSERTIONAL.stages)))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(
        profile, runs, CATALOGUE, care=CareSchedule({"achilles-insertional": stage}, {})
    )
    below = [(day, e) for day, e in _every_exercise(plan) if e in INSERTIONAL.avoid]
    assert not below
    # named with mid-portion pain too, the insertional protocol cares for both
    assert "achilles" not in {r.injury for r in plan.care}


def test_the_insertional_protocol_avoids_every_raise_off_a_step() -> None:
    off_a_step = {
        e.id for e in CATALOGUE if e.pattern == "calf" and "step" in {q.value for q in e.equipment}
    }
    assert off_a_step and off_a_step <= INSERTIONAL.avoid
    items = {i.exercise for s in INSERTIONAL.stages for i in s.items}
    assert not items & INSERTIONAL.avoid
    assert {"calf-wall-stretch", "soleus-wall-stretch"} <= INSERTIONAL.avoid


def test_the_insertional_heavy_stage_is_loaded_from_the_floor() -> None:
    heavy = INSERTIONAL.stages[-1]
    assert all(i.loaded for i in heavy.items)
    assert [i.in_week(9).reps for i in heavy.items] == [6, 6]  # Beyer's 15 to 6 reps


@PROPERTY
@given(data=st.data(), problem=st.sampled_from(TESTED))
def test_tested_routines_give_the_test_and_what_to_pass(data: st.DataObject, problem: str) -> None:
    profile = with_problem(data.draw(profiles(max_weeks=12)), problem)
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    protocol = CATALOGUE.protocols[problem]
    full = [r for r in plan.care if r.injury == problem and not r.lightest]
    if not full:
        return
    assert protocol.test in full[0].why  # where the athlete starts from
    for before, after in pairwise(full):
        if after.stage > before.stage:
            said = {int(n) for n in MOVE_ON.findall(before.why + after.why)}
            assert after.stage in said, (before.day, before.why, after.day)


def test_shin_endurance_sets_stay_short_of_the_test_that_lets_them_in() -> None:
    """A coach read a beginner's one-legged calf raises at 2 x 25, RPE 6: more than many
    calves manage at all. The endurance stage is entered on a test count, and its sets stop
    at least three raises short of it, so RPE 6 is an effort the athlete can stop at."""
    shin = CATALOGUE.protocols["shin-splints"]
    entry = int(re.search(r"manages (\d+) raises", shin.stage(2).move_on).group(1))  # type: ignore[union-attr]
    endurance = shin.stages[-1]
    reps = [i.in_week(week).reps or 0 for i in endurance.items for week in range(1, 9)]
    assert max(reps) <= entry - 3
    assert shin.test and all(s.move_on for s in shin.stages[:-1])


def test_a_stage_change_names_its_criterion_in_the_last_routine_before_it() -> None:
    profile, runs = half_marathoner()
    profile = replace(profile, injuries=("achilles",))
    plan = make_plan(profile, runs, CATALOGUE)
    full = [r for r in plan.care if not r.lightest]
    changes = [(a, b) for a, b in pairwise(full) if b.stage > a.stage]
    assert changes
    for before, after in changes:
        move_on = CATALOGUE.protocols["achilles"].stage(after.stage - 1).move_on
        assert move_on in before.why + after.why
        assert f"stage {after.stage}" in move_on and "otherwise stay" in move_on


def test_insertional_achilles_is_one_id_everywhere_injuries_are_listed() -> None:
    """The CLI and web forms take problems from `model.INJURIES`; the two JSON schemas
    that list them by hand list the same ids, and the profile takes the new one."""
    assert "achilles-insertional" in INJURIES
    for package, name in (("legday.care", "schema.json"), ("legday.catalogue", "schema.json")):
        text = (files(package) / name).read_text(encoding="utf-8")
        enums = [e for e in re.findall(r'"enum": (\[[^\]]*\])', text) if "achilles" in e]
        assert enums and all(set(json.loads(e)) == set(INJURIES) for e in enums), name
    profile = build_profile({"injuries": ["achilles-insertional"]}, default_start=date(2027, 1, 4))
    assert profile.injuries == ("achilles-insertional",)
    assert problem_name("achilles-insertional") == "insertional Achilles"
