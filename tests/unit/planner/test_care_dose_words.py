"""Care doses that follow their protocol, and care words that match the day's numbers (a
coach's read of a half-marathoner with runner's knee: the split squat went 2 x 8, 2 x 3,
1 x 7 across weeks, and a recovery week's wall sit held 40 s after 30 s under words that
said "nothing climbs this week").

Over random athletes with problems (`bench/care_words.py`, whose figures are in
docs/injury-care.md): a routine that says nothing climbs holds no exercise past the
largest exposure of the week before, in kilograms, reps or seconds a set, or volume; one
that says no dose goes past what was done holds none past anything done before; the
numbers a climb names for today are today's; and the shallow, unloaded form of a lift
that care holds at an early stage takes an accessory's reps, never a heavy lift's few
(a protocol's own exercise then climbs by the weekly ramp, which may trim them)."""

from __future__ import annotations

from bench.anchor_steps import held_by_care
from bench.care_words import care_exercises, care_weeks, exposures, word_faults
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.model import Profile
from legday.planner import make_plan
from legday.planner.dose import ACCESSORY_REPS
from legday.planner.ramp import Dose, Ramp
from strategies import athletes, runs_for, with_problem
from thorough import plan_property

CATALOGUE = load_catalogue()
PROBLEMS = sorted(CATALOGUE.protocols)


@plan_property(60)
@given(profile=athletes(max_weeks=16), injury=st.sampled_from(PROBLEMS), data=st.data())
def test_care_words_match_the_numbers(profile: Profile, injury: str, data: st.DataObject) -> None:
    profile = with_problem(profile, injury)
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, CATALOGUE)
    found = exposures(plan, CATALOGUE, care_weeks(profile, runs))
    assert word_faults(found, CATALOGUE, plan.start) == []
    care = care_exercises(plan, CATALOGUE)  # their reps follow the weekly climb (`Ramp`)
    for s in plan.sessions:
        for p in s.main:
            if held_by_care(p) and p.reps is not None and p.exercise not in care:
                assert p.reps >= ACCESSORY_REPS, (s.day, p.exercise, p.sets, p.reps)


def test_an_easy_week_climbs_in_no_measure() -> None:
    """After 3 x 30 s the week before, a recovery week's planned 2 x 40 s (less volume, a
    longer hold) is held to 30 s a set; a held week to the longest set done so far."""
    ramp = Ramp()
    ramp.done("wall-sit", 0, Dose.of(3, 30))
    eased = ramp.allowed("wall-sit", 1, 2, 40, held=False, seconds=True, eased=True)
    assert eased.amount <= 30 and eased.volume <= 90
    held = ramp.allowed("wall-sit", 1, 2, 40, held=True, seconds=True)
    assert held.amount <= 30
    plain = ramp.allowed("wall-sit", 1, 3, 35, held=False, seconds=True)
    assert plain == Dose.of(3, 35)  # a plain week climbs as before


def test_an_easy_weeks_session_keeps_a_set_as_long_as_one_done() -> None:
    """A session says nothing of climbing: in a taper after a climbing week's 3 x 8 (cut
    from the stage's 3 x 10, after 2 x 10), its care takes the stage's 2 x 10, a set no
    longer than one done; a routine, saying nothing climbs, holds the week before's 8
    reps; neither goes past a set ever done (2 x 12 holds to 10)."""
    ramp = Ramp()
    ramp.done("split-squat", 0, Dose.of(2, 10))
    ramp.done("split-squat", 2, Dose.of(3, 8))
    session = ramp.allowed(
        "split-squat", 3, 2, 10, held=False, seconds=False, eased=True, said=False
    )
    assert session == Dose.of(2, 10)
    routine = ramp.allowed("split-squat", 3, 2, 10, held=False, seconds=False, eased=True)
    assert routine.amount <= 8
    longer = ramp.allowed(
        "split-squat", 3, 2, 12, held=False, seconds=False, eased=True, said=False
    )
    assert longer.amount <= 10 and longer.volume <= 24
