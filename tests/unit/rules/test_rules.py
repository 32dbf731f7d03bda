"""One example per SPEC rule: a plan that keeps it, and the same plan broken."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from legday.model import (
    Cooldown,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Race,
    Role,
    Run,
    RunKind,
    Session,
    Warmup,
    Week,
)
from legday.rules import RULES, SPEC_ORDER, check_plan
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 1, 4)
CATALOGUE = mini_catalogue()
SPEC_IDS = frozenset(SPEC_ORDER)  # held to SPEC.md's table by tests/e2e/cli/test_rules_command.py
HARD = SPEC_IDS - {"spacing", "one-legged", "progression", "variety", "enjoyment"}


def rx(
    exercise: str,
    *muscles: Muscle,
    uni: bool = True,
    balance: bool = False,
    care: tuple[str, ...] = (),
) -> Prescription:
    e = CATALOGUE[exercise]
    return Prescription(
        exercise,
        2,
        10,
        None,
        uni,
        "bodyweight",
        "3-1-2",
        7,
        muscles or e.muscles,
        uni,
        balance,
        care,
        e.cues.as_list(),
        ExerciseKind.STRENGTH,
    )


MAIN = (
    rx("split-squat", Muscle.QUADS, Muscle.GLUTES),
    rx("single-leg-rdl", Muscle.HAMSTRINGS, Muscle.GLUTES, balance=True),
    rx("single-leg-calf-raise", Muscle.CALVES, care=("shin-splints",)),
    rx("wall-toe-raise", Muscle.SHINS, uni=False, care=("shin-splints",)),
    rx("side-plank", Muscle.CORE, Muscle.HIP_ABDUCTORS),
)
EXTRAS = (
    "goblet-squat",
    "reverse-lunge",
    "glute-bridge",
    "single-leg-bridge",
    "clamshell",
    "side-leg-raise",
)


def session(day: date, main: tuple[Prescription, ...] = MAIN, **changes: object) -> Session:
    base = Session(
        day,
        45,
        (Warmup("light-jog", 8), Warmup("leg-swings", 1)),
        main,
        (Cooldown("calf-stretch", 45), Cooldown("quad-stretch", 45)),
        "why",
        None,
        Phase.BUILD,
        "120 BPM",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def good_plan() -> Plan:
    """Four weeks: three with Mon+Thu sessions, the last a recovery week."""
    weeks = tuple(Week(MONDAY + timedelta(days=7 * i), Phase.BUILD, "", 2) for i in range(3))
    weeks += (Week(MONDAY + timedelta(days=21), Phase.RECOVERY, "recovery", 0),)
    days = [MONDAY + timedelta(days=7 * week + offset) for week in range(3) for offset in (0, 3)]
    sessions = [session(day, (*MAIN, rx(extra))) for day, extra in zip(days, EXTRAS, strict=True)]
    runs = (
        Run(MONDAY + timedelta(days=1), "Intervals", RunKind.HARD),
        Run(MONDAY, "Easy", RunKind.EASY, time(7), time(7, 45)),
    )
    sessions[0] = replace(sessions[0], start=time(8))
    return Plan(
        MONDAY,
        MONDAY + timedelta(days=27),
        weeks,
        runs,
        tuple(sessions),
        injuries=("shin-splints",),
    )


def rules_broken(plan: Plan) -> set[str]:
    return {v.rule for v in check_plan(plan, CATALOGUE)}


def test_every_spec_rule_is_registered_with_its_kind() -> None:
    assert set(RULES) == SPEC_IDS
    assert {r.id for r in RULES.values() if r.hard} == HARD


def test_good_plan_breaks_nothing() -> None:
    assert rules_broken(good_plan()) == set()


def _with_session(plan: Plan, index: int, **changes: object) -> Plan:
    sessions = list(plan.sessions)
    sessions[index] = replace(sessions[index], **changes)  # type: ignore[arg-type]
    return replace(plan, sessions=tuple(sessions))


def _add_run(plan: Plan, run: Run) -> Plan:
    return replace(plan, runs=(*plan.runs, run))


CASES = {
    "frequency": lambda p: replace(p, sessions=p.sessions[1:]),
    "no-hard-run-day": lambda p: _add_run(
        p, Run(MONDAY + timedelta(days=3), "Tempo", RunKind.HARD)
    ),
    "not-day-before-race": lambda p: _add_run(
        p, Run(MONDAY + timedelta(days=4), "10k", RunKind.RACE)
    ),
    "no-overlap": lambda p: _add_run(
        p, Run(MONDAY, "Bike", RunKind.REST, time(8, 30), time(9, 30), busy=True)
    ),
    "run-first": lambda p: _with_session(p, 0, start=time(7)),
    "recovery-week": lambda p: replace(p, recovery_every=3),
    "spacing": lambda p: _with_session(p, 1, day=MONDAY + timedelta(days=1)),
    "several-groups": lambda p: _with_session(p, 0, main=MAIN[:2]),
    # Thursday's session follows no run: it needs its jog
    "warm-up": lambda p: _with_session(p, 1, warmup=(Warmup("leg-swings", 2),)),
    "cool-down": lambda p: _with_session(p, 0, cooldown=()),
    "balance": lambda p: _with_session(p, 0, main=(*MAIN[:1], *MAIN[2:])),
    "one-legged": lambda p: _with_session(
        p, 0, main=tuple(replace(x, unilateral=False, per_side=False) for x in MAIN)
    ),
    "injury-care": lambda p: _with_session(p, 0, main=(*MAIN[:2], MAIN[4])),
    "variety": lambda p: replace(p, sessions=tuple(replace(s, main=MAIN) for s in p.sessions)),
    "form-first": lambda p: _with_session(p, 0, main=(replace(MAIN[0], cues=()), *MAIN[1:])),
    "movement-quality": lambda p: _with_session(
        p, 0, main=(replace(MAIN[0], target_rpe=9), *MAIN[1:])
    ),
    "enjoyment": lambda p: _with_session(p, 0, music=""),
    "progression": lambda p: _with_session(
        p, 0, main=(replace(MAIN[0], new=True, sets=4, target_rpe=8), *MAIN[1:])
    ),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_each_rule_catches_its_break(rule_id: str) -> None:
    broken = CASES[rule_id](good_plan())
    found = [v for v in check_plan(broken, CATALOGUE) if v.rule == rule_id]
    assert found, f"{rule_id} did not notice"
    assert all(v.message and v.hard == RULES[rule_id].hard for v in found)


def test_a_run_within_the_hour_is_the_jog_and_the_drills_remain() -> None:
    # Monday's session starts 15 min after the easy run ends (07:45): no jog needed
    drills_only = _with_session(good_plan(), 0, warmup=(Warmup("leg-swings", 2),))
    assert "warm-up" not in rules_broken(drills_only)
    later = _with_session(drills_only, 0, start=time(9))  # 75 min after: jog again
    assert "warm-up" in rules_broken(later)
    no_drills = _with_session(good_plan(), 0, warmup=())
    assert "warm-up" in rules_broken(no_drills)


def test_an_anchor_that_falls_back_inside_its_block_is_reported() -> None:
    anchor = replace(MAIN[0], role=Role.ANCHOR, load_kg=20.0, implement="dumbbells", reps=6)
    plan = good_plan()
    sessions = [
        replace(s, block=1, main=(replace(anchor, load_kg=20.0 - i), *s.main[1:]))
        for i, s in enumerate(plan.sessions)
    ]
    found = [
        v.message
        for v in check_plan(replace(plan, sessions=tuple(sessions)), CATALOGUE)
        if v.rule == "progression"
    ]
    assert any("falls back" in m for m in found)


@pytest.mark.parametrize(
    ("doses", "falls"),
    [
        # a set more at fewer reps and no less work: care climbing to 3 x 15 (planner.ramp)
        ([(2, 15), (3, 13), (3, 15)], False),
        ([(3, 12), (4, 10), (4, 10)], False),  # Beyer's heavy slow step: 36 then 40
        ([(3, 15), (3, 13), (3, 15)], True),  # the same sets, fewer reps
        ([(2, 15), (3, 9), (3, 10)], True),  # a set more, but less work in all
    ],
)
def test_a_set_more_at_fewer_reps_is_no_fall_back_unless_the_work_shrinks(
    doses: list[tuple[int, int]], falls: bool
) -> None:
    anchor = replace(MAIN[0], role=Role.ANCHOR)
    plan = good_plan()
    sessions = [
        replace(s, block=1, main=(replace(anchor, sets=sets, reps=reps), *s.main[1:]))
        for s, (sets, reps) in zip(plan.sessions, doses, strict=False)
    ]
    found = [
        v.message
        for v in check_plan(replace(plan, sessions=tuple(sessions)), CATALOGUE)
        if v.rule == "progression"
    ]
    assert any("falls back" in m for m in found) == falls, found


def test_stretch_after_is_the_same_check_as_cool_down() -> None:
    broken = _with_session(good_plan(), 0, cooldown=())
    assert {"cool-down", "stretch-after"} <= rules_broken(broken)


@pytest.mark.parametrize(
    ("tempo", "problem"),
    [("1-0-1", "under 2 s"), ("fast", "not seconds"), ("3-1-X", "explosive")],
)
def test_movement_quality_wants_slow_controlled_tempo(tempo: str, problem: str) -> None:
    plan = _with_session(good_plan(), 0, main=(replace(MAIN[0], tempo=tempo), *MAIN[1:]))
    messages = [v.message for v in check_plan(plan, CATALOGUE) if v.rule == "movement-quality"]
    assert any(problem in m for m in messages)


def test_movement_quality_wants_breathing_range_and_lockout_cues() -> None:
    bare = replace(MAIN[0], cues=("stand tall", "move slowly"))
    plan = _with_session(good_plan(), 0, main=(bare, *MAIN[1:]))
    messages = " ".join(v.message for v in check_plan(plan, CATALOGUE))
    for topic in ("breathe out", "full range", "locking"):
        assert topic in messages


def test_three_sessions_allowed_four_never() -> None:
    plan = good_plan()
    extra = [session(MONDAY + timedelta(days=d)) for d in (2, 5)]
    three = replace(plan, sessions=(*plan.sessions, extra[1]))
    four = replace(plan, sessions=(*plan.sessions, *extra))
    assert "frequency" not in rules_broken(three)
    assert "frequency" in rules_broken(four)


def test_light_weeks_may_have_fewer_sessions() -> None:
    plan = replace(good_plan(), sessions=good_plan().sessions[1:])
    weeks = (replace(plan.weeks[0], phase=Phase.RACE), *plan.weeks[1:])
    assert "frequency" not in rules_broken(replace(plan, weeks=weeks))


def test_recovery_week_counts_strength_already_in_the_calendar() -> None:
    plan = good_plan()
    gym = Run(MONDAY + timedelta(days=24), "Gym", RunKind.REST, is_strength=True)
    assert "recovery-week" in rules_broken(_add_run(plan, gym))


def test_two_sessions_on_one_day_are_reported() -> None:
    plan = good_plan()
    twice = replace(plan, sessions=(*plan.sessions, session(MONDAY + timedelta(days=3))))
    messages = [v.message for v in check_plan(twice, CATALOGUE) if v.rule == "spacing"]
    assert any("two strength sessions" in m for m in messages)


def test_a_session_outside_the_plan_weeks_is_reported() -> None:
    plan = good_plan()
    stray = replace(plan, sessions=(*plan.sessions, session(date(2030, 1, 1))))
    messages = [v.message for v in check_plan(stray, CATALOGUE) if v.rule == "frequency"]
    assert any("outside the plan's weeks" in m for m in messages)


def test_races_given_outside_the_calendar_count() -> None:
    plan = replace(good_plan(), races=(MONDAY + timedelta(days=4),))
    assert "not-day-before-race" in rules_broken(plan)


def test_one_legged_misses_only_what_the_kit_and_level_allow() -> None:
    """`one-legged` holds "where equipment and level allow": a calf raise kept for shin
    and Achilles care has no one-legged version with both cares in the mini catalogue."""
    calf = rx("calf-raise", Muscle.CALVES, uni=False, care=("shin-splints", "achilles"))
    plan = _with_session(good_plan(), 0, main=(calf, rx("dead-bug", Muscle.CORE)))
    day = plan.sessions[0].day
    kit = frozenset({Equipment.BODYWEIGHT})

    def missed(injuries: tuple[str, ...], level: Level | None = Level.BEGINNER) -> bool:
        checked = replace(plan, injuries=injuries, level=level, equipment=kit)
        return any(v.rule == "one-legged" and v.day == day for v in check_plan(checked, CATALOGUE))

    both = ("shin-splints", "achilles")
    assert not missed(both)  # only the two-legged raise gives both cares
    assert missed(())  # a single-leg calf raise would do
    assert missed(("achilles",))  # a one-legged eccentric heel drop would do
    assert missed(both, level=None)  # a plan that does not say its level: no excuse


# `no-overlap`: a strength session never overlaps a timed event of the calendars.
THURSDAY = date(2027, 1, 7)  # good_plan() has an untimed 45-minute session that day


def _thursday(start: time | None, *runs: Run, day: date = THURSDAY) -> Plan:
    """good_plan() with Thursday's session at `start` and these entries added."""
    plan = good_plan()
    sessions = tuple(replace(s, start=start) if s.day == day else s for s in plan.sessions)
    return replace(plan, sessions=sessions, runs=(*plan.runs, *runs))


def _busy(title: str, begins: time, ends: time, day: date = THURSDAY) -> Run:
    return Run(day, title, RunKind.REST, begins, ends, busy=True)


def _overlaps(plan: Plan) -> list[str]:
    return [v.message for v in check_plan(plan) if v.rule == "no-overlap"]


def test_a_session_on_top_of_a_ride_is_found() -> None:
    found = _overlaps(_thursday(time(18, 30), _busy("Bike: Endurance ride", time(18), time(19))))
    assert found == [
        "strength on 2027-01-07 from 18:30 for 45 min overlaps "
        "Bike: Endurance ride (busy time, 18:00-19:00)"
    ]


def test_a_session_that_runs_into_an_event_is_found() -> None:
    assert _overlaps(_thursday(time(17, 30), _busy("Swim", time(18), time(19))))
    assert _overlaps(_thursday(time(17), _busy("Call", time(17, 15), time(17, 20))))  # inside it


def test_touching_edges_are_allowed() -> None:
    ride = _busy("Bike", time(18), time(19))
    assert _overlaps(_thursday(time(19), ride)) == []  # starts as the ride ends
    assert _overlaps(_thursday(time(17, 15), ride)) == []  # ends (45 min) as the ride starts


def test_a_session_without_a_start_on_a_busy_day_is_found() -> None:
    found = _overlaps(_thursday(None, _busy("Swim", time(7), time(7, 40))))
    assert found == [
        "strength on 2027-01-07 has no start time on a day with Swim (busy time, 07:00-07:40)"
    ]


def test_busy_time_on_another_day_changes_nothing() -> None:
    other = _busy("Swim", time(7), time(7, 40), day=date(2027, 1, 8))
    assert _overlaps(_thursday(None, other)) == []


def test_strength_already_booked_and_runs_hold_their_time_too() -> None:
    gym = Run(THURSDAY, "Gym", RunKind.REST, time(18), time(19), is_strength=True)
    assert "Gym (strength, 18:00-19:00)" in _overlaps(_thursday(time(18, 15), gym))[0]
    run = Run(THURSDAY, "Easy 8 km", RunKind.EASY, time(18), time(18, 50))
    assert "Easy 8 km (easy run, 18:00-18:50)" in _overlaps(_thursday(time(18, 15), run))[0]


def test_an_event_past_midnight_holds_the_rest_of_the_day() -> None:
    night = _busy("Night shift", time(22), time(6))
    assert _overlaps(_thursday(time(22, 30), night))
    assert _overlaps(_thursday(time(21), night)) == []


def test_busy_time_is_not_a_run_for_run_first() -> None:
    """A swim in the evening does not make a morning session break `run-first`."""
    plan = _thursday(time(7), _busy("Swim", time(18), time(19)))
    assert not [v for v in check_plan(plan) if v.rule in ("run-first", "no-overlap")]


def _c_race_week(sessions_in_week: int, priority: str = "C") -> Plan:
    """good_plan with a race on the Saturday of its second week, that week keeping
    `sessions_in_week` of its two sessions."""
    plan = good_plan()
    saturday = MONDAY + timedelta(days=12)
    week_two = [s for s in plan.sessions if plan.weeks[1].start <= s.day <= plan.weeks[1].end]
    dropped = week_two[sessions_in_week:]
    return replace(
        plan,
        sessions=tuple(s for s in plan.sessions if s not in dropped),
        runs=(*plan.runs, Run(saturday, "club 5K", RunKind.RACE, priority=priority)),
        races=(saturday,),
        race_days=(Race(saturday, priority, "club 5K"),),
    )


def test_a_c_race_week_needs_one_session_not_two() -> None:
    assert "frequency" not in rules_broken(_c_race_week(1))
    broken = [v for v in check_plan(_c_race_week(0), CATALOGUE) if v.rule == "frequency"]
    assert len(broken) == 1 and "only races are C races" in broken[0].message


def test_a_b_race_does_not_lighten_an_ordinary_week() -> None:
    """Only the planner's race week (phase `race`) may hold one session for a B race."""
    assert "frequency" in rules_broken(_c_race_week(1, priority="B"))


def test_a_c_race_in_a_rest_week_needs_nothing() -> None:
    plan = _c_race_week(0)
    weeks = list(plan.weeks)
    weeks[1] = replace(weeks[1], phase=Phase.RECOVERY)
    assert "frequency" not in {
        v.rule for v in check_plan(replace(plan, weeks=tuple(weeks)), CATALOGUE)
    }


def test_plans_without_race_days_read_the_runs_priority() -> None:
    """A plan file from before `race_days`: the run's own priority still counts."""
    plan = replace(_c_race_week(1), race_days=())
    assert "frequency" not in rules_broken(plan)
    assert "frequency" in rules_broken(replace(_c_race_week(1, "B"), race_days=()))


def test_the_day_before_a_c_race_stays_free() -> None:
    friday = MONDAY + timedelta(days=4)  # good_plan lifts on Thursday
    plan = replace(good_plan(), race_days=(Race(friday, "C", "track 800m"),))
    broken = [v for v in check_plan(plan, CATALOGUE) if v.rule == "not-day-before-race"]
    assert [v.day for v in broken] == [friday - timedelta(days=1)]
