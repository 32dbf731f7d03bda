"""A session's words agree with its numbers (issue 13: "sessions must be honest").

A coach read fresh plans and found whys that contradicted them: "a set fewer" on a
session with the sets of last time, "new, two sets at most" for a calf raise done twice
before at 3x15, "this week's race" in the week after it, "off-season" for the week after
a B race, tempos on planks, "stick each landing" on pogo hops, and recovery weeks whose
reasons argued. The checks live in bench/honest_words.py, which counts them over many
plans; here they must find nothing, on the coach's calendars, on plausible random
athletes and on whatever the generators draw.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from bench.athletes import random_athlete
from bench.honest_words import CHECKS, athletes, b_race_last, faults
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Phase, Prescription, Role
from legday.planner import make_plan, words
from strategies import profiles, runs_for
from thorough import plan_examples

PROPERTY = settings(
    max_examples=plan_examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _found(plan_faults: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: found for name, found in plan_faults.items() if found}


@pytest.mark.parametrize("index", range(3))
def test_the_coach_calendars_say_what_they_do(catalogue: Catalogue, index: int) -> None:
    """The injured half-marathoner (a B then an A race), and a runner whose last race is
    a B race, short or a marathon: nothing said contradicts the plan."""
    profile, runs = list(athletes(0))[index]
    assert _found(faults(make_plan(profile, runs, catalogue), catalogue)) == {}


@pytest.mark.slow
def test_plausible_athletes_say_what_they_do(catalogue: Catalogue) -> None:
    """Twenty plausible runners, a third of them with a B race and nothing after it."""
    found: dict[str, list[str]] = {}
    for profile, runs in list(athletes(20, seed=31))[3:]:
        for name, lines in _found(faults(make_plan(profile, runs, catalogue), catalogue)).items():
            found.setdefault(name, []).extend(lines)
    assert found == {}


@PROPERTY
@given(data=st.data())
def test_any_plan_says_what_it_does(catalogue: Catalogue, data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=12))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    assert _found(faults(make_plan(profile, runs, catalogue), catalogue)) == {}


def test_every_check_is_run() -> None:
    assert len(CHECKS) == 8


def test_the_week_after_a_b_race_is_named_for_it(catalogue: Catalogue) -> None:
    """The week after a B race with no race ahead is the return from it: its note and
    its sessions name the race, and say "this week's race" of no later week."""
    profile, runs = b_race_last()
    race = next(day for day, _ in profile.race_priorities)
    plan = make_plan(profile, runs, catalogue)
    after = next(w for w in plan.weeks if w.start <= race + timedelta(days=7) <= w.end)
    assert after.note.startswith("after the B race (10 mile) on Sun 28 Feb")
    sessions = [s for s in plan.sessions if s.day in after]
    assert sessions and all("the week after the B race (10 mile)" in s.why for s in sessions)


def test_jump_drills_are_told_what_their_contacts_need(catalogue: Catalogue) -> None:
    """Every jump drill of the catalogue is classed: a landing drill sticks, a reactive
    one springs off at once."""
    plyometrics = [e for e in catalogue if e.stage]
    assert plyometrics and all(e.landing in ("stick", "rebound") for e in plyometrics)
    assert catalogue["pogo-hops"].landing == "rebound"
    assert catalogue["drop-landing"].landing == "stick"


def _p(exercise: str, sets: int, rpe: int, load: float | None = None) -> Prescription:
    return Prescription(
        exercise, sets, 8, None, False, "", "3-1-2", rpe, (), False, False, load_kg=load
    )


def test_the_eve_says_only_what_fell() -> None:
    """ "A set fewer" and an easier effort only where the numbers fell since last time;
    "no heavier load" only when the session has a load."""
    why = f"Monday: a day without running; Tuesday brings a hard or long run, so {words.EVE_WORDS}."
    before = {"squat": _p("squat", 3, 7), "lunge": _p("lunge", 2, 7)}
    same = [("split squat", _p("squat", 3, 7)), ("lunge", _p("lunge", 2, 7))]
    assert words.told_lighter(why, same, before) == why.replace(
        words.EVE_WORDS, "today brings no jumps"
    )
    shorter = [("split squat", _p("squat", 2, 6, 10.0)), ("lunge", _p("lunge", 2, 7))]
    told = words.told_lighter(why, shorter, before)
    assert "today is shorter: no jumps and no heavier load; a set fewer on the split squat" in told
    assert "effort RPE 6 (from 7) on the split squat" in told
    assert "lunge" not in told.replace("split squat", "")


def test_the_eve_calls_lighter_only_a_lighter_load_or_fewer_reps() -> None:
    """The coach's read: "RPE 6 (from 7), lighter" with kg and reps unchanged. The same
    kg and reps at a lower RPE stop further from failure; lighter is a load or reps that
    fell (not reps traded for a slower lowering); a load that rose is no "no heavier"."""
    why = f"Friday: a day without running; Saturday brings a long run, so {words.EVE_WORDS}."
    before = {"squat": _p("squat", 2, 7, 20.0)}
    effort = words.told_lighter(why, [("squat", _p("squat", 2, 6, 20.0))], before)
    assert "lighter" not in effort
    assert "today stops further from failure: no jumps and no heavier load" in effort
    assert "effort RPE 6 (from 7) on the squat" in effort
    fewer = words.told_lighter(why, [("squat", replace(_p("squat", 2, 6, 20.0), reps=6))], before)
    assert "today is lighter: no jumps and no heavier load; 6 reps on the squat (from 8)" in fewer
    slower = replace(_p("squat", 2, 7, 20.0), reps=6, tempo="5-1-2")
    assert "lighter" not in words.told_lighter(why, [("squat", slower)], before)
    heavier = words.told_lighter(why, [("squat", _p("squat", 2, 6, 22.5))], before)
    assert "no heavier load" not in heavier and "lighter" not in heavier


def test_a_rep_cut_is_said_with_its_reason() -> None:
    """The coach's read: 10 reps became 9 with a slower lowering and the why said only
    "slower lowering". Now the cut and its reason are said, from the numbers."""
    before = replace(_p("squat", 2, 7), reps=12, role=Role.ANCHOR)
    slower = replace(before, reps=10, tempo="4-1-2")
    said = words.what_rose("split squat", before, slower)
    assert said == (
        "slower lowering on the split squat (4-1-2), 10 reps (from 12) as each rep takes "
        "longer, the set about as long"
    )
    loaded = replace(before, reps=8, load_kg=10.0, implement="dumbbells")
    heavier = replace(loaded, reps=6, load_kg=12.0)
    assert words.what_rose("split squat", loaded, heavier) == (
        "one step heavier on the split squat (12 kg), 6 reps (from 8) at the new weight"
    )
    kettlebell = replace(heavier, implement="kettlebell")  # no step up the same rack
    assert "heavier" not in words.what_rose("split squat", loaded, kettlebell)


def test_a_light_session_says_its_real_dose() -> None:
    assert words.light_dose([_p("a", 1, 6), _p("b", 1, 5)]) == "one set of each, RPE 6 at most"
    assert (
        words.light_dose([_p("a", 1, 6), _p("b", 3, 6)]) == "at most 3 sets of each, RPE 6 at most"
    )


def test_the_new_clause_names_only_first_times() -> None:
    why = (
        f"Friday: a day without running; {words.NEW_WORDS}: wall sit and clamshell; "
        "for your knee: wall sit."
    )
    assert words.told_new(why, ["clamshell"]) == (
        f"Friday: a day without running; {words.NEW_WORDS}: clamshell; for your knee: wall sit."
    )
    assert words.told_new(why, []) == "Friday: a day without running; for your knee: wall sit."
    assert words.told_new("Friday: a day without running.", ["clamshell"]) == (
        f"Friday: a day without running; {words.NEW_WORDS}: clamshell."
    )


def test_no_recovery_week_argues_with_another(catalogue: Catalogue) -> None:
    """Recovery weeks give one reason, off-season or in season: the body absorbs the
    work before; the in-season one keeps a light session for the strength raced on."""
    rng = random.Random(7)
    reasons = set()
    for _ in range(12):
        profile, runs = random_athlete(rng, 16)
        plan = make_plan(profile, runs, catalogue)
        for week in plan.weeks:
            if week.phase is Phase.RECOVERY and "the week of the" not in week.note:
                reasons.add("absorb" in week.note or week.note.startswith("recovery week after"))
    assert reasons == {True}
