"""A coach's read of a half marathoner's, an ultra runner's and a track athlete's plans
(issue 13), counted over the coach's three athletes (tests/coach_athletes.py) and random
athletes of the same three kinds (`coached_athletes`: a half marathoner, an ultra runner
with long runs on Saturday and Sunday and hill repeats midweek, a track athlete with
intervals twice a week and a meet most Saturdays):

1. fast work: training blocks (a block's weeks outside taper and race weeks) holding a
   jump drill, a power lift, either; sessions without jumps by why the day kept them
   out, and blocks without any jumps whose sessions never say why;
2. recovery weeks: pairs less than 3 weeks apart, and recovery weeks inside the run-up to
   an A race (its peak and taper weeks) or right before its taper or race week;
3. sessions less than 24 h and less than 48 h before a key run (hill repeats among
   them), those on a key run's eve while the week had a day that cost less, and eves
   that are not lighter;
4. anchors handed over to a variation of the last lift (a harder or easier one, or the
   same lift with other kit) told "new to you", and such hand-overs in all;
5. loaded squat and hinge anchors: the mean weekly rise of the estimated one-repetition
   maximum (Epley: load x (1 + (reps + reps in reserve) / 30)) over a block's training
   weeks, and blocks whose estimate never rises.

    PYTHONHASHSEED=0 .venv/bin/python bench/coach_schedule.py [athletes]   # 42

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))  # bench.athletes, as the tests import it
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the coach's athletes

from coach_athletes import coached_athletes, half_marathoner, track_athlete, ultra_runner
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    HARD_RUN_KINDS,
    MAX_RPE,
    ExerciseKind,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
    Session,
)
from legday.planner import make_plan
from legday.planner.days import Calendar, day_options
from legday.planner.season import race_priorities, season

EASING = frozenset({Phase.TAPER, Phase.RACE})
RUN_UP = frozenset({Phase.PEAK, Phase.TAPER})
SETTLED = timedelta(weeks=3)  # before an A race: loads held (`SETTLED_BEFORE_GOAL`)
CLOSE_RECOVERY = 3  # weeks: recovery weeks closer than this cost what the weeks built
UNTIMED_KEY_RUN, UNTIMED_SESSION = time(0, 0), time(23, 59)


def _fast(s: Session) -> tuple[bool, bool]:
    """(a jump drill, a power lift) in the session."""
    return (
        any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main),
        any(p.role is Role.POWER for p in s.main),
    )


def _no_jump_reason(s: Session) -> str:
    """Why the session holds no jumps, as its why and its lightness tell it."""
    why = s.why
    if "jumps wait for" in why:
        return "care holds jumps"
    if s.lighter is Lighter.KEY_RUN_EVE or "brings a hard or long run" in why:
        return "a key run's eve"
    if "less than 48 h from now" in why:
        return "a key run or race within 48 h"
    if s.lighter is not None:
        return f"a lighter session ({s.lighter})"
    return "other (level, phase, first block, fitting)"


JUMPING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD})  # a block's drill is due


def fast_work(profile: Profile, plan: Plan, found: Counter[str]) -> None:
    blocks: dict[int, list[Session]] = defaultdict(list)
    for s in plan.sessions:
        if s.block and s.phase not in EASING:
            blocks[s.block].append(s)
    notes = {w.start: w.note for w in plan.weeks if "No jumps in this block" in w.note}
    first_block = min(blocks, default=0)
    for block, sessions in blocks.items():
        jumps = any(_fast(s)[0] for s in sessions)
        power = any(_fast(s)[1] for s in sessions)
        found["1 training blocks"] += 1
        found["1   with a jump drill"] += jumps
        found["1   with a power lift"] += power
        found["1   with fast work (either)"] += jumps or power
        # blocks whose weeks ask for the block's drill: off-season, base or build weeks
        # past the first week back after a race (a beginner's from the second block)
        due = any(
            s.phase in JUMPING and s.lighter is not Lighter.BACK_FROM_RACE for s in sessions
        ) and not (profile.level.value == "beginner" and block == first_block)
        if not due:
            continue
        found["1 blocks whose weeks ask for jumps"] += 1
        found["1   with a jump drill "] += jumps
        found["1   with fast work (either) "] += jumps or power
        if not jumps:
            reasons = {_no_jump_reason(s) for s in sessions}
            for reason in reasons:
                found[f"1   without jumps, a session's reason: {reason}"] += 1
            told = any(
                w_start <= s.day <= w_start + timedelta(days=6)
                for s in sessions
                for w_start in notes
            )
            found["1   without jumps, the week notes saying why"] += told
    for s in plan.sessions:
        if s.phase in EASING or not s.block:
            continue
        found["1 training sessions"] += 1
        jump, power = _fast(s)
        if jump:
            found["1   with jumps"] += 1
        else:
            found[f"1   without jumps: {_no_jump_reason(s)}"] += 1
            found["1   without jumps, with a power lift"] += power


def recovery(plan: Plan, found: Counter[str]) -> None:
    phases = [w.phase for w in plan.weeks]
    rests = [i for i, phase in enumerate(phases) if phase is Phase.RECOVERY]
    found["2 recovery weeks"] += len(rests)
    for a, b in pairwise(rests):
        if b - a < CLOSE_RECOVERY:
            found["2 recovery weeks less than 3 weeks apart"] += 1
    # a step back: a recovery week or an A or B race's week (its one light session)
    a_weeks = [(race.day - plan.start).days // 7 for race in plan.race_days if race.priority == "A"]
    steps = sorted(rests + [i for i, phase in enumerate(phases) if phase is Phase.RACE])
    for a, b in pairwise(steps):
        merged = b in a_weeks and b - a == 1  # the taper made the recovery week
        if b - a < CLOSE_RECOVERY and phases[a] is not phases[b] and not merged:
            found["2 a recovery week and a race week less than 3 weeks apart"] += 1
    for i in rests:
        ahead = [a - i for a in a_weeks if a > i]
        if ahead and min(ahead) == 1:
            found["2 tapers made the recovery week (merged)"] += 1
        elif ahead and min(ahead) <= 3:
            found["2 recovery weeks taking a peak week before an A race"] += 1
        elif i + 1 < len(phases) and phases[i + 1] in (Phase.TAPER, Phase.RACE):
            found["2 recovery weeks right before a taper or race week"] += 1
    for a_week in a_weeks:
        found["2 A races"] += 1
        before = phases[max(0, a_week - 4) : a_week]
        found["2   thin weeks (recovery, taper) in the 4 weeks before, summed"] += sum(
            p in (Phase.RECOVERY, Phase.TAPER) for p in before
        )


def _key_starts(runs: list[Run], plan: Plan) -> list[tuple[datetime, Run | None]]:
    starts = [(datetime.combine(r.day, r.start or UNTIMED_KEY_RUN), r) for r in runs if r.key]
    timed = {r.day for _, r in starts if r is not None and r.kind is RunKind.RACE}
    untimed: list[tuple[datetime, Run | None]] = [
        (datetime.combine(d, UNTIMED_KEY_RUN), None) for d in plan.races if d not in timed
    ]
    return sorted(starts + untimed, key=lambda pair: pair[0])


def key_runs(profile: Profile, runs: list[Run], plan: Plan, found: Counter[str]) -> None:
    starts = _key_starts(runs, plan)
    frames = season(profile, runs, race_priorities(profile, runs))
    options = day_options(profile, runs, frames, Calendar.read(profile, runs))
    chosen = {s.day for s in plan.sessions}
    eves = {r.day - timedelta(days=1) for r in runs if r.running and r.kind in HARD_RUN_KINDS}
    for s in plan.sessions:
        at = datetime.combine(s.day, s.start or UNTIMED_SESSION)
        ahead = next(((t, r) for t, r in starts if t > at), None)
        if ahead is None:
            continue
        hours = (ahead[0] - at).total_seconds() / 3600
        hills = ahead[1] is not None and "hill" in ahead[1].title.lower()
        found["3 sessions"] += 1
        if hours < 48:
            found["3   less than 48 h before a key run or race"] += 1
        if hours < 24:
            found["3   less than 24 h before one"] += 1
            found["3     of them before hill repeats"] += hills
        if s.day not in eves:
            continue
        found["3   on a key run's eve"] += 1
        found["3     not lighter (no key-run-eve, taper, race or light week)"] += s.lighter is None
        week = next(o for o in options if o.frame.start <= s.day <= o.frame.start + timedelta(6))
        cost = week.cost.get(s.day, 0)
        better = [
            d
            for d in week.free
            if d not in chosen
            and d not in eves
            and week.cost.get(d, 0) < cost
            and not any(abs((d - c).days) == 1 for c in chosen if c != s.day)
        ]
        found["3     while a cheaper day of the week, clear of other sessions, was free"] += bool(
            better
        )


def _related(a: str, b: str, catalogue: Catalogue) -> bool:
    """Whether b is a variation of a: a harder or easier one, or the same lift with other
    kit (the two share an easier lift they both grow from)."""
    ea, eb = catalogue[a], catalogue[b]
    if b in ea.progressions or b in ea.regressions or a in eb.progressions or a in eb.regressions:
        return True
    return bool(set(ea.regressions) & set(eb.regressions))


def hand_overs(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    last: dict[str, str] = {}
    for s in plan.sessions:
        for p in s.main:
            if p.role is not Role.ANCHOR or p.exercise not in catalogue:
                continue
            pattern = catalogue[p.exercise].pattern
            before = last.get(pattern)
            last[pattern] = p.exercise
            if before is None or before == p.exercise:
                continue
            found["4 anchor hand-overs"] += 1
            if _related(before, p.exercise, catalogue):
                found["4   to a variation of the last lift"] += 1
                name = catalogue[p.exercise].name.lower()
                told_new = p.new and "new to you" in s.why and name in s.why.split("new to you")[1]
                found["4     told 'new to you'"] += told_new
                old = catalogue[before].name.lower()
                found["4     told it grows from the last lift"] += (
                    f"carries on from the {old}" in s.why
                    or f"a harder variation of the {old}" in s.why
                    or f"an easier variation of the {old}" in s.why
                )
                found["4     started at 2 sets, RPE 6 at most"] += p.sets <= 2 and p.target_rpe <= 6


def _estimate(p: Prescription) -> float:
    """Epley's one-repetition maximum from the set's load and its reps plus those in reserve."""
    reps = (p.reps or 0) + MAX_RPE + 2 - p.target_rpe
    per_hand = 2 if p.implement == "dumbbells" and not p.unilateral else 1
    return (p.load_kg or 0) * per_hand * (1 + reps / 30)


def strength(
    plan: Plan, catalogue: Catalogue, found: Counter[str], rises: dict[str, list[float]]
) -> None:
    by_block: dict[tuple[int, str, str], dict[int, float]] = defaultdict(dict)
    goals = [race.day for race in plan.race_days if race.priority == "A"]
    for s in plan.sessions:
        if not s.block or s.phase in EASING or s.lighter is not None:
            continue
        if s.phase is Phase.PEAK or any(timedelta(0) <= goal - s.day < SETTLED for goal in goals):
            continue  # the weeks before a goal race hold their loads on purpose
        week = (s.day - plan.start).days // 7
        for p in s.main:
            if p.role is not Role.ANCHOR or p.load_kg is None or p.injury_care:
                continue
            pattern = catalogue[p.exercise].pattern
            group = (
                "hinge" if pattern == "hinge" else "squat" if pattern in ("squat", "lunge") else ""
            )
            if not group:
                continue
            seen = by_block[(s.block, group, p.exercise)]
            seen[week] = max(seen.get(week, 0.0), _estimate(p))
    for s in plan.sessions:
        if s.lighter is not None or not s.block:
            continue
        lifts = {catalogue[p.exercise].pattern: p for p in s.main if p.role is Role.ANCHOR}
        hinge, squat = lifts.get("hinge"), lifts.get("squat") or lifts.get("lunge")
        if hinge is None or squat is None or hinge.load_kg is None or squat.load_kg is None:
            continue
        found["5 full sessions with a loaded hinge and squat anchor"] += 1
        found["5   the hinge with fewer sets than the squat"] += hinge.sets < squat.sets
        found["5   the hinge with more sets than the squat"] += hinge.sets > squat.sets
    for (_, group, _), weeks in by_block.items():
        if len(weeks) < 2:
            continue
        ordered = [weeks[w] for w in sorted(weeks)]
        span = max(weeks) - min(weeks)
        found[f"5 {group} anchors over 2+ training weeks of a block"] += 1
        found[f"5   {group}: never rising"] += ordered[-1] <= ordered[0]
        rises[group].append(100 * (ordered[-1] / ordered[0] - 1) / span)


def athletes(count: int) -> list[tuple[str, Profile, list[Run]]]:
    fixtures = [("coach half", *half_marathoner()), ("coach ultra", *ultra_runner())]
    fixtures.append(("coach track", *track_athlete()))
    return fixtures + coached_athletes(count)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 42
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    rises: dict[str, list[float]] = defaultdict(list)
    for name, profile, runs in athletes(count):
        plan = make_plan(profile, runs, catalogue)
        found["0 plans"] += 1
        found["0 hard findings"] += sum(v.hard for v in plan.violations)
        if name.startswith("coach"):
            blocks = {s.block for s in plan.sessions if s.block and s.phase not in EASING}
            fast = {
                s.block
                for s in plan.sessions
                if s.block and s.phase not in EASING and any(_fast(s))
            }
            print(
                f"{name}: blocks with fast work {len(fast)} of {len(blocks)}; recovery weeks "
                f"{[i for i, w in enumerate(plan.weeks) if w.phase is Phase.RECOVERY]}"
            )
        fast_work(profile, plan, found)
        recovery(plan, found)
        key_runs(profile, runs, plan, found)
        hand_overs(plan, catalogue, found)
        strength(plan, catalogue, found, rises)
    for key in sorted(found):
        print(f"{key}: {found[key]}")
    for group, values in sorted(rises.items()):
        print(
            f"5 {group}: mean weekly rise of the estimated maximum {statistics.mean(values):.2f} %"
        )


if __name__ == "__main__":
    main()
