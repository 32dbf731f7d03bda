"""Anchor lifts that progress across blocks (issue 13, a coach's read of a 12-week plan of a
10K racer with dumbbells of 6-16 kg):

1. a block change made a 16 kg single-leg Romanian deadlift a 14 kg kickstand RDL: an
   anchor never steps down to an easier lift at a load no heavier on each leg, outside
   the weeks that lighten on purpose (a taper, a race, recovery or post-race week);
2. from week 7 the heaviest dumbbells sat at 6 reps with only the lowering slowing: at the
   top of the rack a loaded anchor moves on to a harder loaded variation, else its reps
   climb past the range, and only then does its lowering slow;
3. a first pistol squat came at 2 x 5 "start easy": an advanced lift waits until the
   athlete owns a variation one link easier (the single-leg box squat).

Each is checked on the coach's racer and, as a property, over random athletes with weights
(`bench/anchor_steps.py`, whose figures are in docs/planner.md 3.20) and over any athlete
at all; the racer's checks, the property over athletes with weights, the top of the rack's
doses and the advanced bodyweight runner's first pistol squat fail on the tree before the
change. Safety holds throughout: RPE 8 at most, a load rise one step of the athlete's
rack."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

import pytest
from bench.anchor_steps import (
    held_by_care,
    loaded_athlete,
    step_downs,
    stuck_runs,
    unowned_advanced,
)
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    MAX_RPE,
    Equipment,
    Level,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
    StrengthDay,
)
from legday.planner import make_plan
from legday.planner.dose import ACCESSORY_REPS, RACK_TOP_REPS, Dose, heavy_climb, prescribe
from legday.planner.session import OWNED_SESSIONS, easier_lift
from legday.progression.loads import Load, heavier_kg
from legday.rules.progression import HEAVY_REPS
from strategies import athletes, runs_for
from thorough import plan_property

CATALOGUE = load_catalogue()
PROPERTY = plan_property(60)
AT_THE_TOP = "at the top of the rack, at the top of the range"  # `bench.anchor_steps.Stuck`
START = date(2027, 3, 1)
WEEKS = 12


def racer(level: Level = Level.ADVANCED, seed: int = 3) -> tuple[Profile, list[Run]]:
    """The coach's 10K racer: intervals Tuesday, a tempo run Thursday, the long run on
    Sunday, the A race on the Saturday of week 12; dumbbell pairs of 6-16 kg, a box and a
    step, 45 minutes."""
    race = START + timedelta(weeks=WEEKS - 1, days=5)
    runs: list[Run] = []
    for week in range(WEEKS):
        monday = START + timedelta(weeks=week)
        runs.append(
            Run(monday + timedelta(1), "Intervals 6x1000", RunKind.HARD, time(18), None, 60)
        )
        runs.append(Run(monday + timedelta(2), "Easy 40", RunKind.EASY, time(7), None, 40))
        runs.append(Run(monday + timedelta(3), "Tempo 25", RunKind.HARD, time(18), None, 50))
        if monday + timedelta(5) == race:
            runs.append(Run(race, "10K race", RunKind.RACE, time(9), None, 45, priority="A"))
        else:
            runs.append(Run(monday + timedelta(6), "Long run", RunKind.LONG, time(9), None, 80))
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS, Equipment.BOX}
    profile = Profile(
        start=START,
        weeks=WEEKS,
        level=level,
        equipment=frozenset(kit | {Equipment.STEP}),
        dumbbells_kg=tuple(float(kg) for kg in range(6, 17, 2)),
        minutes=45,
        event="10k",
        seed=seed,
    )
    return profile, runs


@pytest.fixture(scope="module")
def racers_plan() -> Plan:
    profile, runs = racer()
    return make_plan(profile, runs, CATALOGUE)


def test_the_racers_anchors_never_step_down(racers_plan: Plan) -> None:
    """Block 3 made the 16 kg dumbbell single-leg Romanian deadlift a 14 kg kickstand RDL."""
    assert step_downs(racers_plan, CATALOGUE) == []


def test_the_racers_heaviest_dumbbells_move_on_by_reps(racers_plan: Plan) -> None:
    """The 16 kg single-leg Romanian deadlift sat at 6 reps, the lowering slowing from 3 to
    5 s, for three weeks; now its reps climb to RACK_TOP_REPS before the lowering slows,
    and the why says when it is as hard as the kit makes it."""
    held = stuck_runs(racers_plan, CATALOGUE)
    assert not [r for r in held if r.where == AT_THE_TOP], held
    at_top = [
        p
        for s in racers_plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.load_kg == 16.0 and p.implement == "dumbbells"
    ]
    assert max(p.reps or 0 for p in at_top) == RACK_TOP_REPS
    assert any("until you have heavier weights" in s.why for s in racers_plan.sessions)


def test_the_racers_first_pistol_squat_waits(racers_plan: Plan) -> None:
    """The pistol squat came at 2 x 5 in week 3, the single-leg box squat never done."""
    assert unowned_advanced(racers_plan, CATALOGUE) == []


@st.composite
def loaded_athletes(draw: st.DrawFn) -> tuple[Profile, list[Run]]:
    """A random athlete of `bench/anchor_steps.py`: 12-24 weeks, dumbbell pairs 2 kg apart
    up to 10-24 kg, now and then kettlebells or a barbell."""
    return loaded_athlete(random.Random(draw(st.integers(0, 2**32))))


@PROPERTY
@given(athlete=loaded_athletes())
def test_loaded_anchors_never_step_down_and_climb_at_the_top_of_the_rack(
    athlete: tuple[Profile, list[Run]],
) -> None:
    """Outside the weeks that lighten on purpose an anchor never hands its slot to an
    easier lift at a load no heavier on each leg; a loaded anchor at the top of the rack
    never holds 3 weeks or more at the top of its range, only its lowering moving (they
    go on by reps or a harder variation); no advanced lift comes before the athlete owns
    an easier variation; and safety holds: RPE 8 at most, a load rise one rack step."""
    profile, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE)
    assert step_downs(plan, CATALOGUE) == []
    assert not [r for r in stuck_runs(plan, CATALOGUE) if r.where == AT_THE_TOP]
    assert unowned_advanced(plan, CATALOGUE) == []
    _safe(plan)


@PROPERTY
@given(profile=athletes(max_weeks=16), data=st.data())
def test_no_anchor_steps_down_for_any_athlete(profile: Profile, data: st.DataObject) -> None:
    """Any athlete at all (bodyweight only, any problems, any kit): the block changes of
    weeks that do not lighten on purpose never step down, and advanced lifts wait."""
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, CATALOGUE)
    assert step_downs(plan, CATALOGUE) == []
    assert unowned_advanced(plan, CATALOGUE) == []
    _safe(plan)


def test_care_held_anchors_are_no_step_down() -> None:
    """The shrunk random athlete of `test_no_anchor_steps_down_for_any_athlete` (runner's
    knee and shin splints, a race on the Wednesday of week 1, Mondays only, a barbell and
    a 4 kg kettlebell): the knee's isometric stage kept the race week's split squat
    shallow and unloaded, and three weeks on made the block's barbell back squat a
    shallow bodyweight squat. Both forms are the care stage's (`held_by_care`), not the
    strength plan's, whose anchor climbed from the split squat to the barbell squat; the
    shallow lifts take an accessory's reps (they took the heavy lifts' 6), and safety
    holds."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=4,
        injuries=("shin-splints", "runners-knee"),
        equipment=frozenset(
            {Equipment.KETTLEBELL, Equipment.BODYWEIGHT, Equipment.WALL, Equipment.BARBELL}
        ),
        level=Level.INTERMEDIATE,
        minutes=30,
        days=frozenset({0}),
        recovery_every=3,
        seed=0,
        races=(date(2027, 1, 6),),
        race_priorities=((date(2027, 1, 6), "A"),),
        kettlebells_kg=(4.0,),
        plates_kg=(0.5,),
        bar_kg=7.0,
    )
    plan = make_plan(profile, [], CATALOGUE)
    held = [p for s in plan.sessions for p in s.main if held_by_care(p)]
    assert {p.exercise for p in held} >= {"split-squat", "bodyweight-squat"}
    assert all((p.reps or 0) >= ACCESSORY_REPS for p in held)
    assert step_downs(plan, CATALOGUE) == []
    _safe(plan)


def _safe(plan: Plan) -> None:
    """RPE 8 at most; a lift's load rises at most one step of the athlete's rack from one
    exposure to the next."""
    assert plan.profile is not None
    kit = kit_of(plan.profile)
    last: dict[str, Prescription] = {}
    for s in plan.sessions:
        for p in s.main:
            assert p.target_rpe <= MAX_RPE, (s.day, p.exercise)
            before = last.get(p.exercise)
            last[p.exercise] = p
            if before is None or before.load_kg is None or p.load_kg is None:
                continue
            if p.implement == before.implement and p.load_kg > before.load_kg:
                one_step = heavier_kg(Load(before.load_kg, p.implement), kit)
                assert one_step is not None and p.load_kg <= one_step, (s.day, p.exercise)


def _last(reps: int, tempo: str = "3-1-2", kg: float = 16.0) -> Prescription:
    exercise = CATALOGUE["single-leg-romanian-deadlift"]
    dose = Dose(3, reps, None, 7, tempo)
    return prescribe(exercise, Role.ANCHOR, dose, kg, "dumbbells", new=False, injury_care=())


@pytest.mark.parametrize(
    ("reps", "tempo", "expected"),
    [
        (6, "3-1-2", (8, "3-1-2")),  # the top of the range: the reps go on
        (10, "3-1-2", (RACK_TOP_REPS, "3-1-2")),
        (RACK_TOP_REPS, "3-1-2", (RACK_TOP_REPS, "4-1-2")),  # then the lowering slows
        (RACK_TOP_REPS, "5-1-2", (RACK_TOP_REPS, "5-1-2")),  # and then it holds
    ],
)
def test_at_the_top_of_the_rack_the_reps_climb_before_the_lowering_slows(
    reps: int, tempo: str, expected: tuple[int, str]
) -> None:
    """Dumbbells of 6-16 kg, the lift at 16 kg: the lowering slowed at 6 reps (issue 13)."""
    profile, _ = racer()
    plan = Dose(3, HEAVY_REPS, None, 7, "3-1-2")
    dose, kg = heavy_climb(
        plan,
        16.0,
        "dumbbells",
        _last(reps, tempo),
        kit_of(profile),
        Level.INTERMEDIATE,
        may_rise=True,
        climb=True,
    )
    assert kg == 16.0
    assert (dose.reps, dose.tempo) == expected


@pytest.mark.parametrize(
    ("old", "new", "easier"),
    [
        ("weighted-single-leg-romanian-deadlift", "kickstand-rdl", True),  # the coach's read
        ("single-leg-romanian-deadlift", "kickstand-rdl", True),  # its regression
        ("single-leg-romanian-deadlift", "romanian-deadlift", True),  # two legs after one
        ("romanian-deadlift", "single-leg-romanian-deadlift", False),  # one after two
        ("single-leg-romanian-deadlift", "weighted-single-leg-romanian-deadlift", False),
        ("weighted-single-leg-romanian-deadlift", "kettlebell-single-leg-deadlift", False),
        ("split-squat", "barbell-back-squat", False),  # a level up
        ("single-leg-calf-raise", "towel-heel-raise", True),  # a level down, two legs
    ],
)
def test_easier_lifts(old: str, new: str, easier: bool) -> None:
    """The catalogue's links, then its levels, then the legs; the same lift with other
    kit (a kettlebell for a dumbbell) is no easier."""
    assert easier_lift(CATALOGUE[old], CATALOGUE[new], CATALOGUE) is easier


def test_one_step_easier_is_the_ladders_next_rung() -> None:
    """A pistol squat's rung below is the single-leg box squat, not the wall sit further
    down (all of which `easier_than` holds)."""
    assert CATALOGUE.one_step_easier("pistol-squat") == {"single-leg-box-squat"}
    assert "wall-sit" in CATALOGUE.easier_than("pistol-squat")


def _advanced_bodyweight(done: tuple[StrengthDay, ...] = ()) -> Plan:
    profile = Profile(
        start=START,
        weeks=10,
        level=Level.ADVANCED,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.BOX}),
        minutes=45,
        seed=11,
    )
    runs = [
        Run(START + timedelta(days=d), "Long run", RunKind.LONG, time(9), None, 90)
        for d in range(6, 70, 7)
    ]
    return make_plan(profile, runs, CATALOGUE, done=done)


def test_an_advanced_bodyweight_runner_owns_the_box_squat_before_the_pistol() -> None:
    """A bodyweight runner rated advanced, with a box, met the pistol squat as the first
    session's anchor; it now waits for OWNED_SESSIONS sessions of the single-leg box squat,
    while one whose logbook holds pistol squats goes on with them."""
    plan = _advanced_bodyweight()
    pistols = [s.day for s in plan.sessions for p in s.main if p.exercise == "pistol-squat"]
    box = [s.day for s in plan.sessions for p in s.main if p.exercise == "single-leg-box-squat"]
    if pistols:
        assert len([day for day in box if day < pistols[0]]) >= OWNED_SESSIONS
    done = StrengthDay(START - timedelta(days=3), frozenset({"pistol-squat"}))
    again = _advanced_bodyweight((done,))
    assert any(p.exercise == "pistol-squat" for p in again.sessions[0].main)
