"""How bodyweight athletes progress (issue 13, 3: harder variations, slower tempo, one leg).

    python bench/bodyweight_progress.py [ATHLETES] [WEEKS]   # 200 athletes, 24 weeks

Random athletes of `bench/athletes.py` with their weights taken away: bodyweight, a wall,
and at most a band, a step, a bench, a box or a mat. Counted over their plans:

- the longest stall of a bodyweight anchor: weeks in which it was done and neither rose
  (a higher `dose_level`, a set or an RPE point above its best so far) nor handed over to
  another lift of its pattern (and, apart, the weeks that passed so, done or not: a short
  session may leave it out), counting only weeks free to progress (`free_weeks`: not a taper,
  race, recovery or post-race week, not the first week back after a race, not within
  three weeks of an A race), and not what care guards for the athlete's problems; apart,
  those of lifts with a harder variation in reach (`harder_in_reach`) and those as hard
  as the athlete's kit makes them;
- the soft `progression` findings;
- beginners whose calf anchor stays two-legged all season;
- the share of band owners' sessions that use the band;
- the first exposures of a harder variation that are not gentle (more than two sets,
  above RPE 6, or as many reps as the lift they replace).

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (sections 3.16 and 3.17) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import drawn_athletes, random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    Equipment,
    ExerciseKind,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
)
from legday.planner import make_plan
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.dose import BODYWEIGHT_REPS, HOLD_SECONDS, lowering, seconds_per_rep, slower
from legday.progression.loads import MAX_ECCENTRIC
from legday.rules.progression import dose_level
from legday.rules.season import settled_before

# Kit that carries no load: what a bodyweight athlete may own besides a wall.
NO_LOAD = frozenset({Equipment.BAND, Equipment.STEP, Equipment.BENCH, Equipment.BOX, Equipment.MAT})
# Weeks that hold doses on purpose (a rule, not a stall).
HELD_PHASES = frozenset({Phase.TAPER, Phase.RACE, Phase.RECOVERY, Phase.POST_RACE})
HELD_SESSIONS = frozenset(
    {Lighter.TAPER, Lighter.RACE_WEEK, Lighter.RECOVERY_WEEK, Lighter.BACK_FROM_RACE}
)
# An anchor's kind: a lift that hands over to another of its kind is a new variation.
KINDS = {"squat": 0, "lunge": 0, "hinge": 1, "bridge": 1, "calf": 2}


def bodyweight_athlete(rng: random.Random, weeks: int) -> tuple[Profile, list[Run]]:
    """A random athlete of `bench/athletes.py` without weights."""
    profile, runs = random_athlete(rng, weeks)
    kit = frozenset({Equipment.BODYWEIGHT} | (profile.equipment & NO_LOAD))
    return replace(profile, equipment=kit), runs


def free_weeks(plan: Plan) -> set[int]:
    """The plan's weeks free to progress: some session in them is a full training one,
    not held by a taper, race, recovery or post-race week, nor within three weeks of an
    A race."""
    goals = [race.day for race in plan.race_days if race.priority == "A"]
    return {
        (s.day - plan.start).days // 7
        for s in plan.sessions
        if s.phase not in HELD_PHASES
        and s.lighter not in HELD_SESSIONS
        and not settled_before(goals, s.day)
    }


@dataclass(frozen=True, slots=True)
class Stall:
    """A bodyweight anchor's weeks free to progress without a rise or a new variation."""

    exercise: str
    weeks: int  # free weeks in which it was done and did not rise
    since: int  # the plan week it last rose in
    until: int  # the plan week of its last exposure without a rise
    elapsed: int  # free weeks from `since` to `until`, done or not (left out of a session)


def stalls(plan: Plan, catalogue: Catalogue) -> list[Stall]:
    """Each bodyweight anchor's runs without progress: the free weeks in which it was done
    without a rise (and, apart, those that passed, done or not)."""
    injuries = plan.profile.injuries if plan.profile is not None else ()
    guarded = {pattern for i in injuries for pattern in GUARDED_PATTERNS.get(i, ())}
    free = free_weeks(plan)
    found: list[Stall] = []
    # per kind: the lift, its best so far, the week it was reached, its last week
    runs: dict[int, tuple[str, tuple[tuple[float, int, int], int, int], int, int]] = {}
    done: dict[int, set[int]] = {}  # per kind: the weeks the lift was done in its run

    def close(kind: int) -> None:
        exercise, _, since, last = runs.pop(kind)
        weeks = len({w for w in done.pop(kind) if w in free and since < w})
        elapsed = sum(1 for w in free if since < w <= last)
        found.append(Stall(exercise, weeks, since, last, elapsed))

    for s in plan.sessions:
        week = (s.day - plan.start).days // 7
        for p in s.main:
            pattern = catalogue[p.exercise].pattern
            if p.role is not Role.ANCHOR or pattern not in KINDS or p.injury_care:
                continue
            kind = KINDS[pattern]
            if p.load_kg is not None or pattern in guarded:
                if kind in runs:
                    close(kind)
                continue
            level = (dose_level(p), p.sets, p.target_rpe)
            run = runs.get(kind)
            if run is None or run[0] != p.exercise:
                if run is not None:
                    close(kind)
                runs[kind] = (p.exercise, level, week, week)
                done[kind] = {week}
                continue
            _, best, since, _ = run
            if level[0] > best[0] or level[1] > best[1] or level[2] > best[2]:
                close(kind)
                best = (max(level[0], best[0]), max(level[1], best[1]), max(level[2], best[2]))
                runs[kind] = (p.exercise, best, week, week)
                done[kind] = {week}
            else:
                runs[kind] = (p.exercise, best, since, week)
                done[kind].add(week)
    for kind in list(runs):
        close(kind)
    return found


def one_leg_in_reach(profile: Profile, catalogue: Catalogue, exercise_id: str) -> bool:
    """Whether a two-legged lift has a one-legged harder variation (a catalogue
    progression) the athlete owns the kit for, at most a level above theirs: it goes to
    one leg at its top reps, before its lowering slows (docs/planner.md 3.24)."""
    e = catalogue[exercise_id]
    if e.unilateral:
        return False
    levels = list(Level)
    reach = levels.index(profile.level) + 1
    return any(
        catalogue[p].unilateral
        and set(catalogue[p].equipment) <= set(profile.equipment)
        and levels.index(catalogue[p].level) <= reach
        for p in e.progressions
        if p in catalogue
    )


def at_the_top(p: Prescription, catalogue: Catalogue, profile: Profile | None = None) -> bool:
    """Whether an unloaded prescription stands where a bodyweight anchor's progression
    tops out (docs/planner.md 3.3): its longest hold, or its top reps at its slowest
    lowering, fewer reps as the lowering slowed so that a set lasts as long; or past it,
    a longer pause at the bottom than the lift's own (fewer reps again). With the
    athlete's `profile`, a two-legged lift with its one-legged variation in reach
    (`one_leg_in_reach`) tops out at its top reps at its own tempo (3.24)."""
    exercise = catalogue[p.exercise]
    if p.load_kg is not None:
        return False
    if exercise.measure == "seconds":
        return (p.seconds or 0) >= HOLD_SECONDS[-1]
    tempo = exercise.tempo
    if profile is not None and one_leg_in_reach(profile, catalogue, p.exercise):
        if lowering(p.tempo) != lowering(tempo):
            return lowering(p.tempo) > lowering(tempo)
        return (p.reps or 0) >= BODYWEIGHT_REPS[-1] or _pause(p.tempo) > _pause(tempo)
    slowest = slower(tempo, MAX_ECCENTRIC) if lowering(tempo) else tempo
    top = BODYWEIGHT_REPS[-1] * seconds_per_rep(tempo) // seconds_per_rep(slowest)
    top = max(BODYWEIGHT_REPS[0], top)
    paused = _pause(p.tempo) > _pause(tempo)
    return lowering(p.tempo) >= lowering(slowest) and ((p.reps or 0) >= top or paused)


def _pause(tempo: str) -> int:
    """A tempo's pause at the bottom (`3-1-2`: 1), read here so the bench runs on trees
    without one."""
    parts = tempo.split("-")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0


def at_the_top_in(plan: Plan, catalogue: Catalogue, stall: Stall) -> bool:
    """Whether the stalled lift stood at its top in the stall's weeks (not left out of
    short sessions, nor held below it by care)."""
    return any(
        p.exercise == stall.exercise
        and p.role is Role.ANCHOR
        and at_the_top(p, catalogue, plan.profile)
        for s in plan.sessions
        if stall.since <= (s.day - plan.start).days // 7 <= stall.until
        for p in s.main
    )


def harder_in_reach(plan: Plan, catalogue: Catalogue, stall: Stall) -> list[str]:
    """The harder variations of a stalled lift (its catalogue progressions of its anchor
    kind) the athlete's kit and level allow, one level above theirs at most, that the plan
    has not yet had as an anchor by the stall's end: it could have moved on to them. Empty
    when the lift is as hard as their kit makes it (a single-leg Romanian deadlift with
    nothing to hold)."""
    profile = plan.profile
    assert profile is not None
    levels = list(Level)
    above = levels[min(profile.level.rank + 1, len(levels) - 1)]
    lift = catalogue[stall.exercise]
    kind = KINDS[lift.pattern]
    doable = {e.id for e in catalogue.doable(profile.equipment, above, ExerciseKind.STRENGTH)}
    had = {
        p.exercise
        for s in plan.sessions
        if (s.day - plan.start).days // 7 <= stall.until
        for p in s.main
        if p.role is Role.ANCHOR
    }
    return [
        h
        for h in lift.progressions
        if h in doable and KINDS.get(catalogue[h].pattern) == kind and h not in had
    ]


def harder_first_times(plan: Plan, catalogue: Catalogue) -> tuple[int, int]:
    """Anchors that took over their kind from a bodyweight lift they are a harder variation
    of (a catalogue progression), as first exposures: how many, and how many were not
    gentle (more than 2 sets, above RPE 6, or no fewer reps than the lift they replace had
    last). Not those care doses at its protocol's stage."""
    last: dict[int, Prescription] = {}
    seen: set[str] = set()
    count = rough = 0
    for s in plan.sessions:
        for p in s.main:
            pattern = catalogue[p.exercise].pattern
            if p.role is Role.ANCHOR and pattern in KINDS:
                kind = KINDS[pattern]
                before = last.get(kind)
                last[kind] = p
                if (
                    before is not None
                    and p.exercise in catalogue[before.exercise].progressions
                    and p.exercise not in seen
                    and not p.injury_care
                    and before.load_kg is None
                    and p.load_kg is None
                ):
                    count += 1
                    amount, was = p.reps or p.seconds or 0, before.reps or before.seconds or 0
                    rough += p.sets > 2 or p.target_rpe > 6 or amount >= was
            seen.add(p.exercise)
    return count, rough


# The figures in the order they are printed; "longest" ones keep a maximum, not a sum.
FIGURES = (
    "plans",
    "soft progression findings",
    "bodyweight anchor stalls over 3 weeks",
    "  with a harder variation in reach",
    "    at the top of its progression",
    "  as hard as the kit makes it",
    "longest stall with a harder variation in reach (weeks)",
    "  weeks passed, done or not",
    "  at the top of its progression",
    "longest stall as hard as the kit makes it",
    "beginners with a calf anchor",
    "  two-legged all season",
    "band owners' sessions",
    "  using the band",
    "bodyweight anchors handed to a harder variation",
    "  whose first exposure is not gentle",
)


def count(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    """Add the plan's figures to `found` (FIGURES)."""
    profile = plan.profile
    assert profile is not None

    def longest(name: str, weeks: int) -> None:
        found[name] = max(found[name], weeks)

    found["plans"] += 1
    found["soft progression findings"] += sum(v.rule == "progression" for v in plan.violations)
    for stall in stalls(plan, catalogue):
        found["bodyweight anchor stalls over 3 weeks"] += stall.weeks > 3
        if harder_in_reach(plan, catalogue, stall):
            found["  with a harder variation in reach"] += stall.weeks > 3
            longest("longest stall with a harder variation in reach (weeks)", stall.weeks)
            longest("  weeks passed, done or not", stall.elapsed)
            if at_the_top_in(plan, catalogue, stall):
                found["    at the top of its progression"] += stall.weeks > 3
                longest("  at the top of its progression", stall.weeks)
        else:
            found["  as hard as the kit makes it"] += stall.weeks > 3
            longest("longest stall as hard as the kit makes it", stall.weeks)
    if profile.level is Level.BEGINNER:
        calves = {
            p.exercise
            for s in plan.sessions
            for p in s.main
            if p.role is Role.ANCHOR and catalogue[p.exercise].pattern == "calf"
        }
        found["beginners with a calf anchor"] += bool(calves)
        found["  two-legged all season"] += bool(calves) and not any(
            catalogue[e].unilateral for e in calves
        )
    if Equipment.BAND in profile.equipment:
        band = [
            any(Equipment.BAND in catalogue[p.exercise].equipment for p in s.main)
            for s in plan.sessions
        ]
        found["band owners' sessions"] += len(band)
        found["  using the band"] += sum(band)
    harder, rough = harder_first_times(plan, catalogue)
    found["bodyweight anchors handed to a harder variation"] += harder
    found["  whose first exposure is not gentle"] += rough


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    weeks = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    for _, profile, runs in drawn_athletes(
        athletes, 2027, kind=lambda rng: bodyweight_athlete(rng, weeks), one_stream=True
    ):
        count(make_plan(profile, runs, catalogue), catalogue, found)
    print(f"{athletes} bodyweight athletes, {weeks} weeks (stalls in weeks free to progress)")
    for name in FIGURES:
        print(f"  {name}: {found[name]}")
    if found["band owners' sessions"]:
        share = found["  using the band"] / found["band owners' sessions"]
        print(f"  band use share: {share:.0%}")


if __name__ == "__main__":
    main()
