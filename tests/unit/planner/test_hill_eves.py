"""Hill repeats are key runs (issue 13, a coach's read of ultra runners' plans: sessions
about 23 h before hill sessions). Checked, not changed: the calendar reads every hill
session as a hard run; the chooser charges the day before one (`BEFORE_HARD`), so a
session goes there only when no cheaper day of the week is free (an ultra runner with
long runs on Saturday and Sunday and hills on Tuesday has four days, two of them eves and
the other two back to back); and such a session is lighter: a set fewer, an RPE lower, no
jumps, no load rise (docs/planner.md 3.8)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from coach_athletes import coached_athletes
from legday.calendars.classifier import classify
from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Lighter, RunKind
from legday.planner import make_plan
from legday.planner.days import Calendar, day_options
from legday.planner.dose import BEFORE_KEY_RUN_RPE
from legday.planner.season import season

CATALOGUE = load_catalogue()
EVE_LIGHT = (Lighter.KEY_RUN_EVE, Lighter.MAINTENANCE, Lighter.RECOVERY_WEEK, Lighter.TAPER)


@pytest.mark.parametrize(
    "title",
    ["Hill repeats 8x2 min", "Hills", "Hill sprints", "Uphill repeats", "Hilly trail run"],
)
def test_hill_sessions_read_as_hard_runs(title: str) -> None:
    assert classify(title, minutes=60)[1] is RunKind.HARD


def test_a_session_the_day_before_hill_repeats_is_chosen_last_and_lighter() -> None:
    ultras = [(p, r) for kind, p, r in coached_athletes(45) if kind == "ultra"]
    counted = 0
    for profile, runs in ultras:
        plan = make_plan(profile, runs, CATALOGUE)
        options = day_options(profile, runs, season(profile, runs), Calendar.read(profile, runs))
        chosen = {s.day for s in plan.sessions}
        eves = {r.day - timedelta(days=1) for r in runs if r.kind in (RunKind.HARD, RunKind.LONG)}
        hills = {r.day: r for r in runs if "hill" in r.title.lower()}
        for s in plan.sessions:
            hill = hills.get(s.day + timedelta(days=1))
            if hill is None:
                continue
            at = datetime.combine(s.day, s.start or time(23, 59))
            assert datetime.combine(hill.day, hill.start or time()) - at < timedelta(hours=48)
            counted += 1
            assert s.lighter in EVE_LIGHT, (s.day, s.why)
            assert not any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
            assert all(p.target_rpe <= BEFORE_KEY_RUN_RPE for p in s.main)
            week = next(o for o in options if o.frame.start <= s.day < o.frame.start + timedelta(7))
            cost = week.cost.get(s.day, 0)
            cheaper = [
                d
                for d in week.free
                if d not in chosen
                and d not in eves
                and week.cost.get(d, 0) < cost
                and not any(abs((d - c).days) <= 1 for c in chosen if c != s.day)
            ]
            assert not cheaper, (s.day, cheaper)  # a day clear of key runs would do
    assert counted >= 5
