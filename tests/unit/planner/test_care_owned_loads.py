"""Care loads come from the athlete's own weights, and their words agree with their effort
(a coach and physio's read of injury-care routines, issue 13):

- an athlete whose profile lists kettlebells or dumbbells was told to use "a backpack of
  books", or "no weight in your kit": a care exercise that wants a weight now names one
  the athlete owns, in kg, and climbs along their rack step by step; only an athlete with
  nothing to hold is told to improvise, always in the same words;
- "a weight you can lift 15 times and no more" for 15 reps at RPE 6 names two efforts (a
  15-rep maximum lifted 15 times is RPE 10): the words now say the prescription's RPE and
  its reps in reserve, nothing else.

Measured as `bench/care_kit.py` counts them: over 60 random care athletes with owned kits,
938 care loads ignoring the kit and 1,223 effort words against the RPE before; none after.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

from bench.care_kit import implied_rpe, kit_ignored
from hypothesis import given
from hypothesis import strategies as st

from coach_athletes import half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, Plan, Prescription, Profile, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.dose import IMPROVISED_LOAD
from legday.progression.loads import Load, heavier_kg
from plan_checks import restart_weeks
from strategies import profiles, runs_for
from thorough import plan_property

CATALOGUE = load_catalogue()
PROBLEMS = sorted(CATALOGUE.protocols)
Athlete = tuple[Profile, CareSchedule, list[Run]]
PROPERTY = plan_property(60)
RACK = (2.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 12.5, 14.0, 16.0, 20.0, 22.5, 24.0)
BELLS = (8.0, 12.0, 16.0, 20.0, 24.0)
PLATES = (1.25, 2.5, 5.0, 10.0, 20.0)
# the care exercises a protocol loads with a weight, in some stage or step
LOADED = {
    item.exercise
    for protocol in CATALOGUE.protocols.values()
    for stage in protocol.stages
    for item in stage.items
    if item.loaded or any(step.loaded for step in item.steps)
}


@st.composite
def care_athletes(draw: st.DrawFn) -> Athlete:
    """A random athlete with a problem or two, the weights they list (dumbbells,
    kettlebells, a barbell's plates, or none), and care starting at any stage."""
    profile = draw(profiles(max_weeks=12))
    problems = tuple(draw(st.sets(st.sampled_from(PROBLEMS), min_size=1, max_size=2)))
    kit = draw(st.sets(st.sampled_from(["dumbbells", "kettlebells", "barbell"]), max_size=2))
    equipment = set(profile.equipment) - {
        Equipment.DUMBBELLS,
        Equipment.KETTLEBELL,
        Equipment.BARBELL,
    }
    dumbbells = kettlebells = plates = ()
    if "dumbbells" in kit:
        equipment.add(Equipment.DUMBBELLS)
        dumbbells = tuple(sorted(draw(st.sets(st.sampled_from(RACK), min_size=1, max_size=5))))
    if "kettlebells" in kit:
        equipment.add(Equipment.KETTLEBELL)
        kettlebells = tuple(sorted(draw(st.sets(st.sampled_from(BELLS), min_size=1, max_size=3))))
    if "barbell" in kit:
        equipment.add(Equipment.BARBELL)
        plates = tuple(sorted(draw(st.sets(st.sampled_from(PLATES), min_size=1, max_size=4))))
    profile = replace(
        profile,
        injuries=problems,
        equipment=frozenset(equipment | {Equipment.STEP, Equipment.BENCH}),
        dumbbells_kg=dumbbells,
        kettlebells_kg=kettlebells,
        plates_kg=plates,
    )
    stages = {
        p: draw(st.integers(1, len(CATALOGUE.protocols[p].stages)), label=p) for p in problems
    }
    return profile, CareSchedule(stages, {}), draw(runs_for(profile.start, profile.weeks))


def _care_work(plan: Plan) -> list[Prescription]:
    """Every care prescription: the routines' and the sessions' care-tagged lifts."""
    found = [p for r in plan.care for p in r.exercises]
    found += [p for s in plan.sessions for p in s.main if set(p.injury_care) & set(plan.injuries)]
    return found


@PROPERTY
@given(athlete=care_athletes())
def test_care_loads_come_from_the_owned_kit(athlete: Athlete) -> None:
    profile, schedule, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE, care=schedule)
    assert not kit_ignored(plan, {})
    kit = kit_of(profile)
    held = bool(kit.dumbbells or kit.kettlebell)
    for r in plan.care:
        for p in r.exercises:
            # bodyweight, with or without the effort words an eve's lighter form adds
            if p.exercise not in LOADED or p.load.startswith("bodyweight"):
                continue
            if held:  # a weight to hold: kilograms the kit makes, never an improvised one
                assert p.load_kg in kit.loads(p.implement), (r.day, p)
                assert IMPROVISED_LOAD not in p.load, (r.day, p.load)
            elif p.load_kg is None:  # nothing to hold: the one improvised load
                assert IMPROVISED_LOAD in p.load and not p.implement, (r.day, p.load)
    for p in _care_work(plan):
        if p.load_kg is None:
            assert "backpack" not in p.load or IMPROVISED_LOAD in p.load, p.load
        else:
            assert f"{p.load_kg:g} kg" in p.load, p  # the words name the number


@PROPERTY
@given(athlete=care_athletes())
def test_no_care_words_imply_another_effort_than_the_rpe(
    athlete: Athlete,
) -> None:
    profile, schedule, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE, care=schedule)
    work = [
        *(p for r in plan.care for p in r.exercises),
        *(p for s in plan.sessions for p in s.main),
    ]
    for p in work:
        assert all(rpe == p.target_rpe for rpe in implied_rpe(p)), (
            p.exercise,
            p.target_rpe,
            p.load,
        )


def _heavy_stage(**kit: tuple[float, ...]) -> Plan:
    profile, runs = half_marathoner()
    profile = replace(profile, injuries=("achilles",), **kit)
    return make_plan(profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3}, {}))


def _full_routine_loads(plan: Plan, exercise: str) -> list[tuple[int, float | None]]:
    """The week and kg of each full routine's `exercise`, in order."""
    return [
        ((r.day - plan.start).days // 7, p.load_kg)
        for r in plan.care
        if not r.lightest
        for p in r.exercises
        if p.exercise == exercise
    ]


def test_kettlebells_load_the_heavy_slow_raises() -> None:
    """An athlete with kettlebells and no dumbbells holds a kettlebell, not a backpack."""
    profile, runs = half_marathoner()
    profile = replace(
        profile,
        injuries=("achilles",),
        equipment=(profile.equipment - {Equipment.DUMBBELLS}) | {Equipment.KETTLEBELL},
        kettlebells_kg=(8.0, 12.0, 16.0),
    )
    plan = make_plan(profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3}, {}))
    raises = [p for r in plan.care for p in r.exercises if p.exercise == "heavy-slow-calf-raise"]
    assert raises
    for p in raises:
        assert p.implement == "kettlebell" and p.load_kg in (8.0, 12.0, 16.0), p
        assert "backpack" not in p.load and "kettlebell" in p.load, p.load


def test_the_heavy_slow_raises_climb_the_owned_rack_as_the_reps_fall() -> None:
    """Beyer's steps (15, 12, 10, 8, 6 reps) each one owned weight heavier: the kg never
    falls from one full routine to the next, and each rise is one step of the rack. The
    two weeks care restarts in after an A race step back on purpose (`steps_back`) and
    are left out: the progression goes on from where it was before them."""
    rack = (4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0)
    plan = _heavy_stage(dumbbells_kg=rack)
    restarting = restart_weeks(plan)
    loads = [
        (week, kg)
        for week, kg in _full_routine_loads(plan, "heavy-slow-calf-raise")
        if week not in restarting
    ]
    kit = kit_of(plan.profile) if plan.profile is not None else None
    assert loads and all(kg in rack for _, kg in loads), loads
    for (_, before), (_, after) in pairwise(loads):
        assert before is not None and after is not None
        assert after >= before, loads
        assert after in (before, heavier_kg(Load(before, "dumbbells"), kit)), loads
    assert max(kg or 0 for _, kg in loads) > min(kg or 0 for _, kg in loads), loads


def test_plantar_raises_go_on_from_the_last_stage_weight() -> None:
    """The one-legged towel raise takes a weight in stage 2's second week and starts stage
    3 one owned weight above it (Rathleff 2015: a backpack, made heavier stage by stage)."""
    protocol = CATALOGUE.protocols["plantar-fascia"]
    second, third = protocol.stages[1], protocol.stages[2]
    raise_2 = next(i for i in second.items if i.exercise == "single-leg-towel-heel-raise")
    raise_3 = next(i for i in third.items if i.exercise == "single-leg-towel-heel-raise")
    assert not raise_2.in_week(1).loaded and raise_2.in_week(2).loaded
    assert raise_3.loaded and raise_3.heavier == raise_2.in_week(2).heavier + 1
    assert raise_3.in_week(3).heavier == raise_3.heavier + 1


def test_without_weights_the_improvised_load_is_one_and_the_same() -> None:
    profile, runs = half_marathoner()
    bare = frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.STEP, Equipment.BENCH})
    profile = replace(profile, injuries=("achilles", "plantar-fascia"), equipment=bare)
    plan = make_plan(
        profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3, "plantar-fascia": 3}, {})
    )
    improvised = [p for p in _care_work(plan) if p.exercise in LOADED and p.load != "bodyweight"]
    assert improvised
    for p in improvised:
        assert p.load_kg is None and IMPROVISED_LOAD in p.load, p.load
        assert "no weight in your kit" not in p.load and "plates or books" not in p.load


@PROPERTY
@given(athlete=care_athletes())
def test_a_session_holds_care_work_at_the_weight_of_the_weeks_routines(athlete: Athlete) -> None:
    """A session's care-dosed lift is the protocol's dose: the same kg as that week's
    routines give it, not moved on by the strength plan's kg progression (the session
    then did 3 x 12 with the routine's kg while the routine's weekly climb counted none)."""
    profile, schedule, runs = athlete
    plan = make_plan(profile, runs, CATALOGUE, care=schedule)
    in_routines: dict[tuple[int, str], set[float | None]] = {}
    for r in plan.care:
        for p in r.exercises:
            week = (r.day - plan.start).days // 7
            in_routines.setdefault((week, p.exercise), set()).add(p.load_kg)
    # care's first time with an exercise a stage teaches without a weight comes without
    # one (kneefix), so a session that is that first time may hold it at bodyweight
    first_day: dict[str, date] = {}
    for day, exercise in sorted(
        [(r.day, p.exercise) for r in plan.care for p in r.exercises]
        + [(s.day, p.exercise) for s in plan.sessions for p in s.main]
    ):
        first_day.setdefault(exercise, day)
    for s in plan.sessions:
        week = (s.day - plan.start).days // 7
        for p in s.main:
            routine_kg = in_routines.get((week, p.exercise))
            if p.care_dose and routine_kg is not None:
                first = first_day[p.exercise] == s.day and p.load_kg is None
                assert first or p.load_kg in routine_kg, (s.day, p.exercise, p.load_kg, routine_kg)


def test_a_shared_raise_keeps_the_insertional_achilles_weight() -> None:
    """Insertional Achilles and shin splints share the one-legged calf raise: on a day
    with both routines it stays once, with the Achilles protocol's 2 kg, not the shin
    protocol's heavier volume without a weight (the tendon lost its heavy day while the
    week's session held the raise with 2 kg: found by the property above)."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=7,
        injuries=("achilles-insertional", "shin-splints"),
        equipment=frozenset(
            {Equipment.BENCH, Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.STEP}
        ),
        minutes=30,
        days=frozenset({0}),
        recovery_every=3,
        dumbbells_kg=(2.0,),
    )
    care = CareSchedule({"achilles-insertional": 1, "shin-splints": 1}, {})
    plan = make_plan(profile, [], CATALOGUE, care=care)
    heavy = [
        p
        for r in plan.care
        if r.injury == "achilles-insertional" and r.stage == 3 and not r.lightest
        for p in r.exercises
        if p.exercise == "single-leg-calf-raise"
    ]
    assert heavy and all(p.load_kg == 2.0 for p in heavy)
