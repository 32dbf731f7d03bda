"""Count what a coach found wrong with the season's phases and recovery weeks (issue 13),
over random athletes of five kinds (`bench/athletes.py`):

- any: `random_athlete`, 8 to 24 weeks;
- in-season racers: a 10K runner with intervals every week and two to four Saturday B
  races two to four weeks apart, half of them with an A race after the last;
- beginners: no race, easy and long runs only, bodyweight;
- raced before the start: an A or B race in the week before the plan's first day;
- the calendar lifts: a gym class on some weeks' Wednesdays.

What it counts, per kind and in all:

1. plans of 8 weeks or more without a recovery week (a `recovery` or `post-race` week),
   and weeks that extend a run of `recovery_every` weeks or more in a row with strength
   (a race week's one light session is strength: SPEC's `recovery-week` asks for a whole
   week without it), with the least of them the calendar's own strength forces; recovery
   weeks, those next to an A or B race's week, and sessions per week;
2. weeks labelled `peak` or `taper` more than 3 weeks before an A race (or with none ahead);
3. `off-season` weeks whose calendar holds a hard run (intervals), and beginners' weeks
   labelled `off-season` while they run steadily with no race;
4. recovery weeks placed where the calendar's own strength fills the week;
5. sessions on the day after an A or B race, and races in the week before the start
   that the plan (so `check`) does not carry;
6. hard findings.

    PYTHONHASHSEED=0 .venv/bin/python bench/phases.py [athletes per kind]   # 40

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 1) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from bench.athletes import START, counted_by_kind, random_athlete

from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Level, Phase, Plan, Profile, Run, RunKind
from legday.planner.season import race_priorities

ATHLETES = 40
ONE_DAY = timedelta(days=1)
RECOVERING = frozenset({Phase.RECOVERY, Phase.POST_RACE})
CLOSE_TO_GOAL = 3  # weeks: a peak or taper further than this from an A race is wrong


def any_athlete(rng: random.Random) -> tuple[Profile, list[Run]]:
    return random_athlete(rng, rng.choice([8, 12, 16, 24]))


def in_season_racer(rng: random.Random) -> tuple[Profile, list[Run]]:
    """The coach's 10K runner: intervals every week, B races on Saturdays two to four
    weeks apart over the first weeks, an A race after them for half of them."""
    profile, runs = random_athlete(rng, 12)
    runs = [r for r in runs if r.kind is not RunKind.RACE]
    week = rng.randint(1, 3)
    races = []
    for _ in range(rng.randint(2, 4)):
        if week >= 11:
            break
        races.append(week)
        week += rng.randint(2, 4)
    saturdays = [START + timedelta(weeks=w, days=5) for w in races]
    runs = [r for r in runs if r.day not in saturdays]
    runs += [
        Run(day, "10K race", RunKind.RACE, time(9), None, 45, priority="B") for day in saturdays
    ]
    if rng.random() < 0.5 and week <= 11:
        a_day = START + timedelta(weeks=week, days=6)
        runs = [r for r in runs if r.day != a_day]
        runs.append(Run(a_day, "10K championship", RunKind.RACE, time(9), None, 45, priority="A"))
    return profile, runs


def beginner(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A beginner running steadily, easy and long runs, no race."""
    profile, runs = random_athlete(rng, rng.choice([8, 12, 16]))
    runs = [
        replace(r, kind=RunKind.EASY, title="Easy run") if r.kind is RunKind.HARD else r
        for r in runs
        if r.kind is not RunKind.RACE
    ]
    kit = frozenset({Equipment.BODYWEIGHT})
    return replace(profile, level=Level.BEGINNER, equipment=kit, sessions=None), runs


def raced_before(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A race in the week before the plan starts: a 10K (B) the day before, or a half
    marathon (A) two to six days before."""
    profile, runs = random_athlete(rng, rng.choice([8, 12]))
    if rng.random() < 0.5:
        race = Run(START - ONE_DAY, "10K race", RunKind.RACE, time(9), None, 45, priority="B")
    else:
        day = START - timedelta(days=rng.randint(2, 6))
        race = Run(day, "Half marathon", RunKind.RACE, time(9), None, 100, priority="A")
    return profile, [race, *runs]


def calendar_lifts(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A gym class on Wednesdays of a run of weeks (strength already in the calendar)."""
    profile, runs = random_athlete(rng, 12)
    first = rng.randint(0, 6)
    weeks = range(first, first + rng.randint(2, 6))
    gym = [
        Run(START + timedelta(weeks=w, days=2), "Gym class", RunKind.EASY, time(12), None, 45)
        for w in weeks
    ]
    return profile, runs + [replace(r, is_strength=True) for r in gym]


KINDS: dict[str, tuple[int, Callable[[random.Random], tuple[Profile, list[Run]]]]] = {
    "any": (1300, any_athlete),
    "in-season racer": (1301, in_season_racer),
    "beginner": (1302, beginner),
    "raced before the start": (1303, raced_before),
    "the calendar lifts": (1304, calendar_lifts),
}


def week_of(plan: Plan, day: date) -> int:
    return (day - plan.start).days // 7


def count(profile: Profile, runs: list[Run], plan: Plan, found: Counter[str]) -> None:
    phases = [w.phase for w in plan.weeks]
    lifted = [0] * len(phases)  # the plan's sessions in each week
    booked = [False] * len(phases)  # strength in the calendar that week
    for s in plan.sessions:
        lifted[week_of(plan, s.day)] += 1
    for run in runs:
        if run.is_strength and plan.start <= run.day <= plan.end:
            booked[week_of(plan, run.day)] = True
    found["plans"] += 1
    if len(phases) >= 8:
        found["1 plans of 8 weeks or more"] += 1
        found["1   without a recovery week"] += not any(p in RECOVERING for p in phases)
    found["1 recovery weeks"] += phases.count(Phase.RECOVERY)
    found["1 weeks"] += len(phases)
    found["1 sessions"] += len(plan.sessions)
    streak = 0
    for index, phase in enumerate(phases):
        light = phase is Phase.RECOVERY and lifted[index] == 1  # in season: one light session
        resting = not booked[index] and (not lifted[index] or light)
        streak = 0 if resting else streak + 1
        found["1 weeks past the rule (a run of recovery_every or more with strength)"] += (
            streak >= profile.recovery_every
        )
    # the least the calendar's own strength forces: its runs of weeks in a row
    streak = 0
    for full in booked:
        streak = streak + 1 if full else 0
        found["1   forced by the calendar's own strength"] += streak >= profile.recovery_every
    races_at = {week_of(plan, r.day) for r in plan.race_days if r.priority != "C"}
    found["1 recovery weeks next to an A or B race's week"] += sum(
        phase is Phase.RECOVERY and bool({i - 1, i + 1} & races_at)
        for i, phase in enumerate(phases)
    )
    goals = [week_of(plan, r.day) for r in plan.race_days if r.priority == "A"]
    by_week: dict[int, list[Run]] = {}
    for run in runs:
        if plan.start <= run.day <= plan.end:
            by_week.setdefault(week_of(plan, run.day), []).append(run)
    for index, phase in enumerate(phases):
        ahead = [g - index for g in goals if g >= index]
        if phase in (Phase.PEAK, Phase.TAPER):
            found["2 peak or taper weeks"] += 1
            found["2   more than 3 weeks before an A race"] += (
                not ahead or min(ahead) > CLOSE_TO_GOAL
            )
        week = by_week.get(index, [])
        if phase is Phase.OFF_SEASON:
            found["3 off-season weeks"] += 1
            found["3   with a hard run"] += any(r.kind is RunKind.HARD for r in week)
            steady = any(r.running and r.kind is not RunKind.REST for r in week)
            found["3   a beginner's, running steadily with no race"] += (
                profile.level is Level.BEGINNER and steady and not plan.race_days
            )
        if phase is Phase.RECOVERY and any(r.is_strength for r in week):
            found["4 recovery weeks the calendar's strength fills"] += 1
    races = [r for r in race_priorities(profile, runs).values() if r.priority != "C"]
    days = {s.day for s in plan.sessions}
    found["5 sessions the day after an A or B race"] += sum(r.day + ONE_DAY in days for r in races)
    carried = {r.day for r in plan.race_days}
    found["5 races in the week before the start the plan does not carry"] += sum(
        plan.start - timedelta(days=7) <= r.day < plan.start and r.day not in carried for r in races
    )
    hard = [v for v in plan.violations if v.hard]
    found["6 hard findings"] += len(hard)
    for v in hard:
        found[f"6   {v.rule}"] += 1


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    total = sum(counted_by_kind(KINDS, athletes, load_catalogue(), count), Counter[str]())
    print(f"all {len(KINDS) * athletes} athletes")
    for key in sorted(total):
        print(f"  {key}: {total[key]}")


if __name__ == "__main__":
    main()
