"""Honest sessions (issue 13): a full session fills the minutes the athlete asked for,
within 10 %; one that is lighter on purpose says so as a fact (`Session.lighter`), which
the planner sets from the week and the day, not from the words of its why."""

from __future__ import annotations

import random
import statistics
from dataclasses import replace
from datetime import date, timedelta

from bench.athletes import random_athlete
from hypothesis import given, settings
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Level, Lighter, Phase, Plan, Profile, Run
from legday.planner import EVE_KINDS, make_plan
from legday.planner.mobility import DRILLS, MOST_DRILLS, MOST_STRETCHES, STRETCHES
from legday.planner.session import FIT_TOLERANCE
from strategies import profiles, runs_for
from thorough import plan_examples

MONDAY = date(2027, 1, 4)
CATALOGUE = load_catalogue()


def _eves(runs: list[Run]) -> set[date]:
    return {r.day - timedelta(days=1) for r in runs if r.kind in EVE_KINDS and r.running}


def _fits(minutes: int, asked: int) -> bool:
    return abs(minutes - asked) <= FIT_TOLERANCE * asked


def _full_sessions_past_the_first_week(plan: Plan) -> list[int]:
    first = plan.sessions[0].day if plan.sessions else MONDAY
    return [
        s.minutes for s in plan.sessions if s.lighter is None and s.day >= first + timedelta(days=7)
    ]


@settings(max_examples=plan_examples(100))  # the ci profile's count where none was named
@given(profiles(), st.data())
def test_a_session_is_lighter_on_purpose_by_what_the_week_and_day_are(
    profile: Profile, data: st.DataObject
) -> None:
    """Taper and race weeks, and the eve of a hard or long run, are lighter on purpose
    whatever their why says; a full session is none of them."""
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, CATALOGUE)
    eves = _eves(runs)
    for s in plan.sessions:
        if s.phase in (Phase.TAPER, Phase.RACE) or s.day in eves:
            assert s.lighter is not None, (s.day, s.phase, s.why)
        if s.lighter is Lighter.KEY_RUN_EVE:
            assert s.day in eves


def test_care_that_shortens_a_session_gives_its_time_back() -> None:
    """Care turns a split squat into a wall sit and holds its own exercises at the stage's
    dose: the session fits as care makes it, and the minutes care's first times take back
    go to mobility. Over 12 athletes with one problem each, full sessions past the first
    week fill their minutes (before: 79 % of them did)."""
    near = total = 0
    for n in range(12):
        profile, runs = random_athlete(random.Random(n), 12)
        profile = replace(profile, injuries=(list(INJURIES)[n % len(INJURIES)],))
        minutes = _full_sessions_past_the_first_week(make_plan(profile, runs, CATALOGUE))
        total += len(minutes)
        near += sum(_fits(m, profile.minutes) for m in minutes)
    assert near >= 0.9 * total


def test_time_left_goes_to_mobility_not_to_new_lifts() -> None:
    """A beginner's first session: its movements are all new, at two sets, and no more of
    them come for an hour than for 45 minutes; the time left lengthens the warm-up and
    the cool-down instead, up to their most drills and stretches (a 45-minute session
    may reach them already)."""
    first = {
        minutes: make_plan(
            Profile(start=MONDAY, weeks=2, level=Level.BEGINNER, minutes=minutes), [], CATALOGUE
        ).sessions[0]
        for minutes in (45, 60)
    }
    short, hour = first[45], first[60]
    assert [p.exercise for p in hour.main] == [p.exercise for p in short.main]
    assert all(p.new and p.sets <= 2 for p in hour.main)
    drills = [w for w in hour.warmup if not w.jog]
    assert DRILLS < len(drills) <= MOST_DRILLS
    assert len(hour.cooldown) > STRETCHES
    assert short.minutes <= hour.minutes <= 60
    full = len(drills) == MOST_DRILLS and len(hour.cooldown) == MOST_STRETCHES
    assert short.minutes < hour.minutes or full


def test_the_peak_lifts_less_than_the_build_and_fills_its_minutes() -> None:
    """The peak's sets stay below the build's (`BUDGET_SHARE`), its minutes still fit:
    the rest goes to mobility (before: half its sessions fell more than 10 % short)."""
    sets: dict[Phase, list[int]] = {Phase.BUILD: [], Phase.PEAK: []}
    fits = []
    for n in range(30):
        profile, runs = random_athlete(random.Random(n), 16)
        for s in make_plan(profile, runs, CATALOGUE).sessions:
            if s.lighter is None and s.phase in sets:
                sets[s.phase].append(sum(p.sets for p in s.main))
                if s.phase is Phase.PEAK:
                    fits.append(_fits(s.minutes, profile.minutes))
    assert statistics.mean(sets[Phase.PEAK]) < statistics.mean(sets[Phase.BUILD])
    assert len(fits) >= 20 and sum(fits) >= 0.85 * len(fits)
