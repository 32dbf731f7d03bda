"""Words that contradict their plan (issue 13): count them over many plans.

Each check reads a plan as a coach would and returns what it found wrong, one line a
fault: a why that claims fewer sets while the sets did not fall, "new" for an exercise
done before (or "two sets at most" for one done in three), "this week's race" in a week
without one, a rep tempo on a timed hold or walk, "stick each landing" on a springy
drill, "off-season" for the week right after an A or B race, recovery-week reasons
that argue against each other, and "heavy session" music over lifts at an easy effort.
The property tests in tests/unit/planner/test_honest_words.py use the same checks.

    PYTHONHASHSEED=0 .venv/bin/python bench/honest_words.py [plans]
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time, timedelta

from legday.catalogue import Catalogue
from legday.model import ExerciseKind, Plan, Prescription, Profile, Role, Run, RunKind
from legday.rules.progression import HEAVY_RPE, heavy

# what a why says is new, and what it promises of it
NEW_CLAUSE = re.compile(r"new to you, so it starts gently \(two sets at most[^)]*\): ([^;.]+)")
RECOVERY_SAYS_OFF = "a week off lets the body absorb"
RECOVERY_SAYS_KEEP = "a week without any"


def _names(catalogue: Catalogue) -> dict[str, str]:
    """Each exercise's name as a why lists it (`words.in_a_list`), lower case."""
    found = {}
    for e in catalogue:
        name = e.name.lower()
        head, comma, tail = name.partition(", ")
        if comma:
            name = f"{head} ({tail})"
        found[name.replace(" and ", " & ")] = e.id
    return found


def _items(text: str) -> list[str]:
    return [item for item in re.split(r", | and ", text.strip()) if item]


def _week_of(plan: Plan, day: date) -> int:
    return (day - plan.start).days // 7


def fewer_sets(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """ "A set fewer" (or "fewer sets") said of a session or a week whose sets did not fall:
    a session's anchors against their previous exposure, a week's sessions against the
    last week that lifted (sets per session)."""
    last: dict[str, Prescription] = {}
    for s in plan.sessions:
        if "a set fewer" in s.why or "fewer sets" in s.why:
            anchors = [p for p in s.main if p.exercise in last]
            if not any(p.sets < last[p.exercise].sets for p in anchors):
                yield f"{s.day}: says a set fewer, no lift has fewer sets than last time"
        for p in s.main:
            last[p.exercise] = p
    per_week: dict[int, list[int]] = {}
    for s in plan.sessions:
        per_week.setdefault(_week_of(plan, s.day), []).append(sum(p.sets for p in s.main))
    for index, week in enumerate(plan.weeks):
        if "fewer sets" not in week.note or index not in per_week:
            continue
        before = [i for i in per_week if i < index]
        if not before:
            continue
        now, then = per_week[index], per_week[max(before)]
        if sum(now) / len(now) >= sum(then) / len(then):
            yield f"{week.start}: the week says fewer sets, its sessions hold as many"


def new_seen(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """ "New to you" for an exercise done earlier in the plan, "two sets at most" for one
    prescribed more, and a load text's "new to you" on a lift done before."""
    names = _names(catalogue)
    seen: set[str] = {e for d in plan.strength_days for e in d.exercises}
    for s in plan.sessions:
        main = {p.exercise: p for p in s.main}
        found = NEW_CLAUSE.search(s.why)
        for item in _items(found[1]) if found else ():
            exercise = names.get(item)
            if exercise in seen:
                yield f"{s.day}: says {item} is new, it was done before"
            p = main.get(exercise or "")
            if p is not None and p.sets > 2:
                yield f"{s.day}: says {item} is new, two sets at most, prescribes {p.sets}"
        for p in s.main:
            if "new to you" in p.load and p.exercise in seen:
                yield f"{s.day}: {p.exercise}'s load says new to you, it was done before"
        seen.update(main)
        seen.update(w.exercise for w in s.warmup)
        seen.update(c.exercise for c in s.cooldown)


def this_weeks_race(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """ "This week's race" in a week (Monday to Sunday of the plan) without a race."""
    races = {r.day for r in plan.race_days} | set(plan.races)
    for week in plan.weeks:
        raced = any(day in week for day in races)
        texts = [week.note, *(s.why for s in plan.sessions if s.day in week)]
        if not raced and any("this week's race" in text for text in texts):
            yield f"{week.start}: says this week's race, the week has none"


def timed_tempo(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """A rep tempo on timed work (a hold, a walk), and a metronome line whose rhythm is no
    rep lift's of the session."""
    for s in plan.sessions:
        for p in s.main:
            if p.seconds is not None and p.tempo:
                yield f"{s.day}: {p.exercise} is timed and carries tempo {p.tempo}"
        found = re.search(r"metronome at 60 BPM, one beat a second: (\S+) is", s.music)
        if found is not None:
            tempos = {p.tempo for p in s.main if p.reps and p.kind is not ExerciseKind.PLYOMETRIC}
            if found[1] not in tempos:
                yield f"{s.day}: a metronome at {found[1]}, no rep lift of the session has it"


def stick_reactive(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """A springy drill (pogo hops, bounds, drop jumps) told to stick each landing, or a
    landing drill told to bounce."""
    for s in plan.sessions:
        for p in s.main:
            if p.kind is not ExerciseKind.PLYOMETRIC or p.exercise not in catalogue:
                continue
            sticks = catalogue[p.exercise].landing == "stick"
            if not sticks and "stick each landing" in p.load:
                yield f"{s.day}: {p.exercise} is reactive and told to stick each landing"
            if sticks and "stick" not in p.load:
                yield f"{s.day}: {p.exercise} is a landing drill and not told to stick"


def off_season_after_race(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """ "Off-season" for the week right after an A or B race's week."""
    main = [r.day for r in plan.race_days if r.priority in ("A", "B")]
    for index, week in enumerate(plan.weeks[1:], start=1):
        before = plan.weeks[index - 1]
        if not any(day in before for day in main):
            continue
        texts = [week.note, *(s.why for s in plan.sessions if s.day in week)]
        if any("off-season" in text for text in texts):
            yield f"{week.start}: the week after a race is called off-season"


def recovery_reasons(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """Recovery weeks that argue against each other (a week off lets the body absorb; a
    week without any costs what the weeks before built), and a recovery session's "one
    set of each, RPE 6" that its lifts do not keep."""
    texts = [w.note for w in plan.weeks] + [s.why for s in plan.sessions]
    off = any(RECOVERY_SAYS_OFF in t for t in texts)
    keep = any(RECOVERY_SAYS_KEEP in t for t in texts)
    if off and keep:
        yield f"{plan.start}: one recovery week absorbs by resting, another says rest costs"
    for s in plan.sessions:
        if "one set of each, RPE 6" in s.why and any(
            p.sets > 1 or p.target_rpe > 6 for p in s.main
        ):
            yield f"{s.day}: says one set of each at RPE 6, its lifts do more"


def heavy_music(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """A "heavy session" music line on a session whose lifts are not heavy: no anchor at
    few reps with a load at RPE 7 or more (a first time, an eve, a taper)."""
    for s in plan.sessions:
        if s.music.startswith("heavy session") and not any(
            p.role is Role.ANCHOR and heavy(p) and p.target_rpe >= HEAVY_RPE for p in s.main
        ):
            top = max((p.target_rpe for p in s.main), default=0)
            yield f"{s.day}: music calls it a heavy session, its lifts top out at RPE {top}"


CHECKS: dict[str, Callable[[Plan, Catalogue], Iterator[str]]] = {
    "fewer sets": fewer_sets,
    "new, seen before": new_seen,
    "this week's race": this_weeks_race,
    "tempo on timed work": timed_tempo,
    "stick on springy drills": stick_reactive,
    "off-season after a race": off_season_after_race,
    "recovery reasons": recovery_reasons,
    "heavy music on light lifts": heavy_music,
}


def faults(plan: Plan, catalogue: Catalogue) -> dict[str, list[str]]:
    return {name: list(check(plan, catalogue)) for name, check in CHECKS.items()}


def b_race_last(weeks: int = 12, long: bool = False) -> tuple[Profile, list[Run]]:
    """A club runner whose last race of the horizon is a B race (a 10 mile, or a
    marathon when `long`) in week 8: nothing ahead of it."""
    from coach_athletes import half_marathoner

    profile, runs = half_marathoner()
    b_day = profile.start + timedelta(weeks=7, days=6)
    title, minutes = ("B race: marathon", 200) if long else ("B race: 10 mile", 80)
    kept = [r for r in runs if r.kind is not RunKind.RACE and r.day != b_day]
    kept.append(Run(b_day, title, RunKind.RACE, time(9), None, minutes))
    return (
        replace(profile, weeks=weeks, race_priorities=((b_day, "B"),), injuries=()),
        sorted(kept, key=lambda r: r.day),
    )


def athletes(count: int, seed: int = 13) -> Iterator[tuple[Profile, list[Run]]]:
    """The coach's calendars, then random plausible athletes, some with a B race last."""
    from bench.athletes import random_athlete

    from coach_athletes import half_marathoner

    yield half_marathoner()
    yield b_race_last()
    yield b_race_last(long=True)
    rng = random.Random(seed)
    for n in range(count):
        profile, runs = random_athlete(rng, 16)
        if n % 3 == 0:  # a B race with nothing after it
            day = profile.start + timedelta(weeks=rng.randint(3, 12), days=6)
            runs = [r for r in runs if r.day != day]
            runs.append(Run(day, "Club 10K", RunKind.RACE, time(9), None, 50))
            profile = replace(profile, race_priorities=((day, "B"),), races=())
        yield profile, runs


def drawn(count: int) -> list[tuple[Profile, list[Run]]]:
    """`count` random profiles and calendars from the property tests' strategies
    (tests/strategies.py), the same ones every run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from strategies import profiles, runs_for

    found: list[tuple[Profile, list[Run]]] = []

    @st.composite
    def athlete(draw: st.DrawFn) -> tuple[Profile, list[Run]]:
        profile = draw(profiles())
        return profile, draw(runs_for(profile.start, profile.weeks))

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(athlete())
    def collect(drawn: tuple[Profile, list[Run]]) -> None:
        found.append(drawn)

    collect()
    return found


def main() -> None:
    from legday.catalogue.loader import load_catalogue
    from legday.planner import make_plan

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    for title, group in (("athletes", list(athletes(count))), ("strategies", drawn(count * 3))):
        print(title, end=": ")
        report(group, catalogue, make_plan)


def report(
    group: list[tuple[Profile, list[Run]]], catalogue: Catalogue, make_plan: Callable[..., Plan]
) -> None:
    totals: Counter[str] = Counter()
    plans = sessions = 0
    examples: dict[str, str] = {}
    for profile, runs in group:
        plan = make_plan(profile, runs, catalogue)
        plans += 1
        sessions += len(plan.sessions)
        for name, found in faults(plan, catalogue).items():
            totals[name] += len(found)
            if found and name not in examples:
                examples[name] = found[0]
    print(f"{plans} plans, {sessions} sessions")
    for name in CHECKS:
        print(f"  {name:26} {totals[name]:5}  {examples.get(name, '')}")


if __name__ == "__main__":
    sys.path[:0] = [".", "tests"]
    main()
