"""Count what a coach found wrong with recovery weeks and their placement, over random
athletes of eight kinds: the five of `bench/phases.py` (any, in-season 10K racers,
beginners, raced before the start, the calendar lifts), the half-marathon racers of
`bench/racers.py`, masters athletes (any athlete, aged 50 to 70) and track athletes with
a season of C meets (`tests/coach_athletes.py`).

1. strength sessions in recovery weeks: in weeks whose only races are C races (SPEC's
   `frequency` keeps one short session there) and in every other recovery week (the
   target is none: SPEC's `recovery-week` is a whole week without strength);
2. recovery weeks that come early: before the plan's 3rd lifting week, and after fewer
   than `recovery_every - 1` lifting weeks since the plan's start or the last week
   without strength;
3. blocks: the lifting weeks between two weeks without strength (the plan's start
   counts as one; the run to the plan's end is left out), for the athletes with the
   default `recovery_every` of 4: how many of each length, and the share of 2-week blocks;
4. sessions in all (strength work kept) and `check`'s hard findings;
5. the longest run of weeks with strength (the calendar's own included) between two
   weeks without it, over all plans, and the plans with a run of `recovery_every` weeks
   or more (the rule broken: the calendar's own strength booked week after week).

    PYTHONHASHSEED=0 .venv/bin/python bench/recovery_weeks.py [athletes per kind]   # 40

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 1, "Recovery weeks") came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the coach's track athletes

from bench.athletes import Kind, counted_by_kind
from bench.phases import KINDS as PHASE_KINDS
from bench.phases import any_athlete, week_of
from bench.racers import random_racer

from coach_athletes import coached_athlete
from legday.catalogue.loader import load_catalogue
from legday.model import REST_PHASES, Phase, Plan, Profile, Run

ATHLETES = 40
USUAL = 4  # the default `recovery_every`


def masters(rng: random.Random) -> tuple[Profile, list[Run]]:
    """Any athlete, aged 50 to 70."""
    profile, runs = any_athlete(rng)
    return replace(profile, age=rng.randint(50, 70)), runs


def track_season(rng: random.Random) -> tuple[Profile, list[Run]]:
    """The coach's track athlete (`tests/coach_athletes.py`): a C meet most Saturdays from
    week 7, the A championship in week 18."""
    return coached_athlete(rng, "track")


LONGEST = "5 longest run of weeks with strength"
KINDS: dict[str, tuple[int, Kind]] = {
    **PHASE_KINDS,
    "half-marathon racer": (1305, random_racer),
    "masters": (1306, masters),
    "track season": (1307, track_season),
}


def count(profile: Profile, runs: list[Run], plan: Plan, found: Counter[str]) -> None:
    phases = [w.phase for w in plan.weeks]
    lifted = [0] * len(phases)
    for s in plan.sessions:
        lifted[week_of(plan, s.day)] += 1
    booked = [False] * len(phases)
    for run in runs:
        if run.is_strength and plan.start <= run.day <= plan.end:
            booked[week_of(plan, run.day)] = True
    c_weeks = set()
    for race in plan.race_days:
        if plan.start <= race.day <= plan.end:
            c_weeks.add((week_of(plan, race.day), race.priority))
    only_c = {
        w for w, p in c_weeks if p == "C" and not any(o == w and q != "C" for o, q in c_weeks)
    }
    found["plans"] += 1
    found["sessions"] += len(plan.sessions)
    found["weeks"] += len(phases)
    every = profile.recovery_every
    since = 0  # lifting weeks since the plan's start or the last week without strength
    seen = 0  # lifting weeks since the plan's start
    for index, phase in enumerate(phases):
        lifts = bool(lifted[index] or booked[index])
        if phase is Phase.RECOVERY:
            found["1 recovery weeks"] += 1
            if index in only_c:
                found["1   on a week whose only races are C races"] += 1
                found["1   strength sessions in those"] += lifted[index]
            else:
                found["1   strength sessions in the others (target 0)"] += lifted[index]
            found["2 recovery weeks before the plan's 3rd lifting week"] += seen < 2
            found["2 recovery weeks after fewer than 2 lifting weeks"] += since < 2
            found["2 recovery weeks after fewer than recovery_every - 1 lifting weeks"] += (
                since < every - 1
            )
        if phase in REST_PHASES or not lifts:  # a step back (a C week's may keep a session)
            if every == USUAL and phase is Phase.RECOVERY:
                found[f"3 blocks of {since} lifting weeks"] += 1
                found["3 blocks"] += 1
            since = 0
        else:
            since += 1
            seen += 1
    longest = run = 0  # weeks with strength between two weeks without it
    for index in range(len(phases)):
        light = phases[index] is Phase.RECOVERY and index in only_c and lifted[index] <= 1
        off = not (lifted[index] or booked[index]) or (light and not booked[index])
        run = 0 if off else run + 1
        longest = max(longest, run)
    found[LONGEST] = max(found[LONGEST], longest)
    found["5 plans with recovery_every weeks with strength in a row or more"] += longest >= every
    hard = [v for v in plan.violations if v.hard]
    found["4 check's hard findings"] += len(hard)
    for v in hard:
        found[f"4   {v.rule}"] += 1


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    total: Counter[str] = Counter()
    for found in counted_by_kind(KINDS, athletes, load_catalogue(), count):
        longest = max(total[LONGEST], found[LONGEST])  # a longest, not a count
        total.update(found)
        total[LONGEST] = longest
    print(f"all {len(KINDS) * athletes} athletes")
    for key in sorted(total):
        print(f"  {key}: {total[key]}")
    blocks = total["3 blocks"]
    if blocks:
        print(f"  3 share of 2-week blocks: {total['3 blocks of 2 lifting weeks'] / blocks:.1%}")


if __name__ == "__main__":
    main()
