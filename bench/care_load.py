"""Count how hard care loads the legs, over random injured athletes and two coach's cases.

    python bench/care_load.py [ATHLETES]   # 60 by default

Per plan (routines and the strength sessions together):
1. calf days: days a week whose care or session loads the calf or shin (a lift of the
   calf or shin movement, or a routine for a calf problem); weeks above four, and pairs of
   back-to-back days both loading the calf beyond the lightest form;
2. eves: full (not lightest) routines on the day before a long run, a hard run or a race;
3. ramp: the biggest rise of a problem's full routine dose (seconds under load per leg)
   from one week's to the next week's, as a share; rises above 30 %;
   per exercise: the biggest rise of a care exercise's weekly volume (its largest
   exposure of the week, in a routine of any form or a session's care work: sets x reps,
   or sets x seconds of a hold) from one week to the next, the week it first appears
   aside; rises above 30 %, and of them the least climbs of tiny doses (a rep a set more,
   2 x 3 to 2 x 4, where 30 % is less than that);
4. busy: routines on a day whose busy time leaves no gap for them (a trip: all day away).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import HARD_RUN_KINDS, CareRoutine, Plan, Prescription, Profile, Run
from legday.planner import make_plan
from legday.planner.dose import seconds_per_rep

CALF_PATTERNS = frozenset({"calf", "shin"})
CALF_PROBLEMS = frozenset({"achilles", "plantar-fascia", "shin-splints"})
MOST_CALF_DAYS = 4
MOST_RISE = 0.30


@dataclass
class Tally:
    weeks: int = 0
    calf_days: int = 0
    calf_weeks_over: int = 0
    back_to_back: int = 0
    eves: int = 0
    eve_stages: Counter[int] = field(default_factory=Counter)
    rises_over: int = 0
    biggest_rise: float = 0.0
    busy: int = 0
    exercise_rises_over: int = 0
    biggest_exercise_rise: float = 0.0
    worst: str = ""
    least_climbs: int = 0


def per_leg_seconds(block: tuple[Prescription, ...], catalogue: Catalogue) -> float:
    """Seconds under load per leg: reps at their tempo or holds, per side when one-legged."""
    total = 0.0
    for p in block:
        each = p.seconds if p.seconds is not None else (p.reps or 0) * seconds_per_rep(p.tempo)
        total += p.sets * each
    return total


def calf_block(block: tuple[Prescription, ...], catalogue: Catalogue) -> bool:
    return any(
        (e := catalogue.get(p.exercise)) is not None and e.pattern in CALF_PATTERNS for p in block
    )


EVE_FORM = "one set fewer of each today"  # the why of a routine lightened for its eve


def _full(routine: CareRoutine) -> bool:
    """A full stage dose: not the lightest form, nor a form lightened for a key run's eve."""
    return not routine.lightest and EVE_FORM not in routine.why


def count(plan: Plan, profile: Profile, runs: list[Run], catalogue: Catalogue, t: Tally) -> None:
    by_day: dict[date, list[Run]] = {}
    for r in runs:
        by_day.setdefault(r.day, []).append(r)
    heavy: set[date] = set()
    loaded: set[date] = set()
    for s in plan.sessions:
        if calf_block(s.main, catalogue):
            loaded.add(s.day)
            heavy.add(s.day)
    calf_problem = CALF_PROBLEMS.intersection(profile.injuries)
    for r in plan.care:
        if r.injury in CALF_PROBLEMS or calf_block(r.exercises, catalogue):
            loaded.add(r.day)
            if not r.lightest:
                heavy.add(r.day)
        key = [
            x
            for x in by_day.get(r.day + timedelta(days=1), ())
            if x.running and x.kind in HARD_RUN_KINDS
        ]
        if key and _full(r):
            t.eves += 1
            t.eve_stages[r.stage] += 1
        busy = [x for x in by_day.get(r.day, ()) if x.busy and x.start is not None]
        if busy and r.start is None:
            t.busy += 1
    if calf_problem:
        for week in plan.weeks:
            days = {week.start + timedelta(days=n) for n in range(7)}
            n = len(days & loaded)
            t.weeks += 1
            t.calf_days += n
            t.calf_weeks_over += n > MOST_CALF_DAYS
        t.back_to_back += sum(1 for d in heavy if d + timedelta(days=1) in heavy)
    for injury in profile.injuries:
        dose: dict[int, float] = {}
        for r in plan.care:
            if r.injury == injury and _full(r):
                week = (r.day - plan.start).days // 7
                dose[week] = max(dose.get(week, 0.0), per_leg_seconds(r.exercises, catalogue))
        for week, now in dose.items():
            before = dose.get(week - 1)
            if before:
                rise = now / before - 1
                t.biggest_rise = max(t.biggest_rise, rise)
                t.rises_over += rise > MOST_RISE + 1e-9  # 3 x 13 after 2 x 15 is 30 %


Volume = tuple[int, int, str]  # a week's largest exposure: volume, its sets, what it was


def care_volumes(plan: Plan, catalogue: Catalogue) -> dict[str, dict[int, Volume]]:
    """Each care exercise's weekly volume (`volume`) by plan week, with what it was: the
    routines' exercises, and a session's work at a protocol's dose (no kg: a lift loaded
    in kg follows the strength progression)."""
    care = {
        item.exercise
        for injury in plan.injuries
        if (protocol := catalogue.protocols.get(injury)) is not None
        for stage in protocol.stages
        for item in (*stage.items, *protocol.lightest)
    }
    weekly: dict[str, dict[int, Volume]] = {}
    blocks = [(r.day, r.exercises) for r in plan.care]
    blocks += [(s.day, s.main) for s in plan.sessions]
    for day, block in blocks:
        week = (day - plan.start).days // 7
        for p in block:
            if p.exercise not in care or (p.load_kg is not None and not p.care_dose):
                continue
            now = volume(p)
            was = weekly.setdefault(p.exercise, {}).get(week, (0, 0, ""))
            if now > was[0]:
                what = f"{p.sets} x {p.reps if p.reps is not None else f'{p.seconds} s'}"
                weekly[p.exercise][week] = (now, p.sets, f"{what} on {day}")
    return weekly


def volume(p: Prescription) -> int:
    """An exposure's volume: sets x reps, or sets x seconds of a hold (per leg)."""
    return p.sets * (p.reps if p.reps is not None else p.seconds or 0)


def count_exercises(plan: Plan, catalogue: Catalogue, t: Tally) -> None:
    for exercise, weeks in care_volumes(plan, catalogue).items():
        for week, (now, sets, what) in weeks.items():
            before = weeks.get(week - 1)
            if before is None:
                continue
            rise = now / before[0] - 1
            if rise > t.biggest_exercise_rise:
                t.biggest_exercise_rise = rise
                t.worst = f"{exercise} {before[2]} -> {what}"
            over = rise > MOST_RISE + 1e-9
            t.exercise_rises_over += over
            t.least_climbs += over and now - before[0] <= sets


def cases() -> list[tuple[str, Profile, list[Run]]]:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from coach_athletes import half_marathoner, shin_splinter

    return [("shin splints", *shin_splinter()), ("achilles + knee", *half_marathoner())]


def report(name: str, t: Tally) -> None:
    mean = t.calf_days / t.weeks if t.weeks else 0.0
    print(
        f"{name}: calf days/week {mean:.2f}, weeks over {MOST_CALF_DAYS}: {t.calf_weeks_over}"
        f"/{t.weeks}, back-to-back calf days {t.back_to_back}; full routines on eves of key runs"
        f" {t.eves} (by stage {dict(sorted(t.eve_stages.items()))}); biggest dose rise"
        f" {100 * t.biggest_rise:.0f} %, rises over {100 * MOST_RISE:.0f} %: {t.rises_over};"
        f" routines on busy days without a gap {t.busy}; biggest rise of a care exercise's"
        f" weekly volume {100 * t.biggest_exercise_rise:.0f} % ({t.worst or 'none'}), rises"
        f" over {100 * MOST_RISE:.0f} %: {t.exercise_rises_over} ({t.least_climbs} of them a rep a"
        " set on a tiny dose)"
    )


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    for name, profile, runs in cases():
        t = Tally()
        plan = make_plan(profile, runs, catalogue)
        count(plan, profile, runs, catalogue, t)
        count_exercises(plan, catalogue, t)
        report(name, t)
    t = Tally()
    for number in range(athletes):
        profile, runs = random_athlete(random.Random(900 + number), 16)
        if not profile.injuries:
            continue
        plan = make_plan(profile, runs, catalogue)
        count(plan, profile, runs, catalogue, t)
        count_exercises(plan, catalogue, t)
    report(f"{athletes} random", t)


if __name__ == "__main__":
    main()
