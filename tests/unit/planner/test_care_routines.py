"""Care routines in the plan (`care-routine`): the protocol's weekly dose every week,
recovery weeks included, never on a race day or the eve of an A race, and only the
lightest form after a hard run."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from bench.athletes import random_athlete

from legday.care import Frequency
from legday.catalogue import Catalogue, Protocols
from legday.catalogue.loader import load_catalogue
from legday.model import HARD_RUN_KINDS, Phase, Run, RunKind
from legday.planner import CareSchedule, make_plan

CATALOGUE = load_catalogue()


def achilles_plan(seed: int = 3, weeks: int = 16):  # type: ignore[no-untyped-def]
    profile, runs = random_athlete(random.Random(seed), weeks)
    return make_plan(replace(profile, injuries=("achilles",)), runs, CATALOGUE)


def closed_days(plan) -> set[date]:  # type: ignore[no-untyped-def]
    """Race days and the eves of A races: no care routine there."""
    closed = set()
    for race in plan.race_days:
        closed.add(race.day)
        if race.priority == "A":
            closed.add(race.day - timedelta(days=1))
    return closed


def test_achilles_care_keeps_its_dose_every_week_recovery_weeks_included() -> None:
    plan = achilles_plan()
    assert not [v for v in plan.violations if v.rule == "care-routine"]
    recovery = [w for w in plan.weeks if w.phase is Phase.RECOVERY]
    assert recovery
    for week in plan.weeks:
        days = {week.start + timedelta(days=n) for n in range(7)}
        cared = {r.day for r in plan.care if r.day in days} | {
            s.day for s in plan.sessions if s.day in days
        }
        routines = [r for r in plan.care if r.day in days]
        sessions = [s for s in plan.sessions if s.day in days]
        if week.phase is Phase.RECOVERY:  # little or no strength, yet care goes on
            assert routines or sessions, week.start
        # two to four care days a week, not five to seven (Beyer 2015), and never two
        # in a row: a week whose open days come back to back takes fewer
        assert 1 <= len(cared) <= 4, week.start
        assert all((b - a).days >= 2 for a, b in pairwise(sorted(cared))), week.start


def test_hard_run_days_rest_the_achilles_tendon() -> None:
    """No stage loads it daily, so a hard run is that day's load (it had a routine on
    every hard-run day, and care on five to seven days a week)."""
    plan = achilles_plan()
    runs = {r.day for r in plan.runs if r.kind in HARD_RUN_KINDS}
    assert runs
    assert not [r for r in plan.care if r.day in runs]


def _daily_achilles(catalogue: Catalogue) -> Protocols:
    """The Achilles protocol as if its first stage loaded daily, hard-run days too."""
    protocols = dict(CATALOGUE.protocols)
    achilles = protocols["achilles"]
    daily = replace(achilles.stages[0], frequency=Frequency.DAILY)
    protocols["achilles"] = replace(
        achilles, stages=(daily, *achilles.stages[1:]), lightest_daily=True
    )
    return protocols


def test_a_daily_protocol_gets_only_the_lightest_form_after_a_hard_run() -> None:
    profile, runs = random_athlete(random.Random(3), 4)
    catalogue = CATALOGUE.with_protocols(_daily_achilles)
    plan = make_plan(replace(profile, injuries=("achilles",)), runs, catalogue)
    runs = {r.day: r for r in plan.runs if r.kind in HARD_RUN_KINDS}
    on_hard = [r for r in plan.care if r.day in runs]
    assert on_hard
    for routine in on_hard:
        assert routine.lightest and routine.minutes <= 8
        run = runs[routine.day]
        if run.finish and routine.start:
            assert routine.start >= run.finish


def test_no_routine_on_a_race_day_or_the_day_before_an_a_race() -> None:
    plan = achilles_plan(seed=0, weeks=30)
    closed = closed_days(plan)
    assert closed
    assert not [r for r in plan.care if r.day in closed]


def test_no_routine_on_a_strength_day_and_the_first_says_legday_does_not_diagnose() -> None:
    plan = achilles_plan()
    strength = {s.day for s in plan.sessions}
    assert not [r for r in plan.care if r.day in strength]
    assert "does not diagnose" in plan.care[0].why
    assert "does not diagnose" not in plan.care[1].why


def test_the_plan_expects_a_stage_up_after_settled_weeks() -> None:
    plan = achilles_plan()
    stages = [r.stage for r in plan.care]
    assert stages == sorted(stages) and stages[0] == 1 and stages[-1] > 1


def test_stopped_care_has_no_routines_and_a_given_stage_is_kept() -> None:
    profile, runs = random_athlete(random.Random(1), 4)
    profile = replace(profile, injuries=("achilles", "it-band"))
    schedule = CareSchedule({"it-band": 2}, {"achilles": "pain reached 8/10"})
    plan = make_plan(profile, runs, CATALOGUE, care=schedule)
    assert {r.injury for r in plan.care} == {"it-band"}
    assert plan.care[0].stage == 2


def test_an_every_other_day_protocol_spaces_its_routines() -> None:
    start = date(2027, 1, 4)
    runs = [Run(start + timedelta(days=d), "Easy", RunKind.EASY) for d in range(0, 28, 2)]
    profile, _ = random_athlete(random.Random(2), 4)
    profile = replace(profile, injuries=("it-band",), start=start, weeks=4)
    plan = make_plan(profile, runs, CATALOGUE)
    days = sorted({r.day for r in plan.care} | {s.day for s in plan.sessions})
    gaps = [(b - a).days for a, b in pairwise(days)]
    assert min(gaps) >= 1 and sum(g >= 2 for g in gaps) >= len(gaps) // 2
    assert not [v for v in plan.violations if v.rule == "care-routine"]
