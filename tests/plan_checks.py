"""What a plan's rule checks may find on any calendar: a hard rule falls short only where
the athlete's own calendar leaves no room (`frequency`), or lifts every week itself
(`recovery-week`); and the weeks care restarts in after an A race. Shared by the
properties over random athletes and the care tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from legday.model import Plan, Run, Violation
from legday.planner.days import day_options
from legday.planner.season import season


def unexplained_hard(plan: Plan, runs: Sequence[Run]) -> list[Violation]:
    """The plan's hard violations that no impossible week explains: a `frequency` week
    whose days hold fewer sessions than it needs (or whose day was too short for the
    session the rules made there), a `recovery-week` whose calendar lifts every week."""
    assert plan.profile is not None
    options = day_options(plan.profile, list(runs), season(plan.profile, list(runs)))
    found = []
    for v in plan.violations:
        if not v.hard:
            continue
        if v.rule == "recovery-week" and _calendar_lifts_every_week(plan, runs, v.day):
            continue
        if v.rule == "frequency":
            opt = next(o for o in options if o.frame.start == v.day)
            room = len(opt.free) + len(opt.fixed)
            # a day whose gap was too short for the session the rules made there is
            # closed after composing (planner/__init__.py); the week's note then names it
            squeezed = "-min gap" in v.message
            if room < opt.frame.required or len(opt.fixed) > 3 or squeezed:
                continue
        found.append(v)
    return found


def _calendar_lifts_every_week(plan: Plan, runs: Sequence[Run], last: date | None) -> bool:
    """The athlete's own calendar has strength in each week of the window: no rest possible."""
    assert last is not None
    lifting = [r.day for r in runs if r.is_strength]
    window = [w for w in plan.weeks if w.start <= last][-plan.recovery_every :]
    return all(any(d in w for d in lifting) for w in window)


def restart_weeks(plan: Plan) -> dict[int, int]:
    """The weeks care restarts in after an A race, with the steps back each takes: two
    the week after it, one the week after that, none the third (the race week's dose:
    held, as the others)."""
    races = [r.day for r in plan.race_days if r.priority == "A"]
    restarts: dict[int, int] = {}
    for index, week in enumerate(plan.weeks):
        if any(day in week for day in races):
            for after, steps in ((1, 2), (2, 1), (3, 0)):
                if index + after < len(plan.weeks):
                    restarts[index + after] = max(restarts.get(index + after, 0), steps)
    return restarts
