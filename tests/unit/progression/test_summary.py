"""The progress page's numbers (`legday.progression.summary`), from plain records."""

from __future__ import annotations

from datetime import date

from legday.model import Muscle
from legday.progression import SetLog
from legday.progression.summary import (
    DayLoad,
    PainDay,
    WeekSessions,
    exercise_series,
    pain_trend,
    sessions_against_plan,
    weekly_volume,
)

MON = date(2027, 1, 4)
WED = date(2027, 1, 6)
NEXT_MON = date(2027, 1, 11)


def test_each_exercise_day_has_its_top_load_and_its_reps() -> None:
    sets = [
        SetLog("goblet-squat", MON, reps=8, load_kg=12),
        SetLog("goblet-squat", MON, reps=6, load_kg=14),
        SetLog("goblet-squat", WED, reps=8, load_kg=14),
        SetLog("front-plank", MON, seconds=30),
    ]
    (plank, squat) = exercise_series(sets)
    assert plank.days == (DayLoad(MON, None, 0, 0, 30, 1),)
    assert squat.days == (DayLoad(MON, 14, 14, 8, 0, 2), DayLoad(WED, 14, 8, 8, 0, 1))


def test_a_set_counts_for_every_muscle_its_exercise_works_in_its_plan_week() -> None:
    muscles = {"lunge": (Muscle.QUADS, Muscle.GLUTES), "calf": (Muscle.CALVES,)}
    sets = [SetLog("lunge", MON, reps=5), SetLog("calf", WED, reps=10), SetLog("gone", WED, reps=1)]
    sets.append(SetLog("lunge", NEXT_MON, reps=5))
    (first, second) = weekly_volume(sets, muscles, start=MON)
    assert first.start == MON
    assert first.sets == ((Muscle.QUADS, 1), (Muscle.GLUTES, 1), (Muscle.CALVES, 1))
    assert second.start == NEXT_MON and dict(second.sets) == {Muscle.QUADS: 1, Muscle.GLUTES: 1}


def test_weeks_count_from_the_plans_start_not_from_mondays() -> None:
    thursday = date(2027, 1, 7)
    (week,) = weekly_volume(
        [SetLog("calf", NEXT_MON, reps=1)], {"calf": (Muscle.CALVES,)}, thursday
    )
    assert week.start == thursday


def test_sessions_done_and_skipped_against_planned_up_to_this_week() -> None:
    planned = [MON, WED, NEXT_MON, date(2027, 1, 13), date(2027, 1, 20)]
    performed = [(MON, "done"), (WED, "skipped"), (date(2027, 1, 12), "done")]
    weeks = sessions_against_plan(planned, performed, MON, today=date(2027, 1, 12))
    assert weeks == (WeekSessions(MON, 2, 1, 1), WeekSessions(NEXT_MON, 2, 1, 0))
    assert sessions_against_plan(planned, performed, MON, today=date(2027, 1, 1)) == ()


def test_the_pain_trend_keeps_each_days_worst_of_each_kind() -> None:
    sets = [SetLog("lunge", MON, reps=5, pain=2), SetLog("calf", MON, reps=5, pain=4)]
    care = [(MON, 1, None), (WED, 3, 2)]
    assert pain_trend(sets, care) == (PainDay(MON, 4, 1, None), PainDay(WED, None, 3, 2))
