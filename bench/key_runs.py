"""Key runs kept fresh, and whys true to their numbers (issue 13, points 4, 6 and 11).

A coach read plans for new athletes and found jumps and RPE 8 sets about 38 h before a
Saturday long run (a Thursday evening session), because the planner counted days, not
hours; and whys that hid rep cuts ("slower lowering on the split squat" while its reps
fell from 10 to 9) or said "lighter" when only the RPE had changed. Each check here
reads a plan as that coach did and returns one line a fault:

- spacing: a session with a plyometric drill, or a set at RPE 8 or more, that starts
  less than 48 h before a key run (intervals, tempo, a time trial, the long run) or a
  race. An untimed run counts from the first minute of its day, an untimed session
  from the last (`UNTIMED_KEY_RUN`, `UNTIMED_SESSION`: the conservative reading);
- words: every claim a why makes about a lift ("one step heavier on the X (12 kg)",
  "10 reps on the X (from 8)", "slower lowering on the X (4-1-2)", "a set fewer on the
  X", "effort RPE 6 (from 7) on the X", "today is lighter", "no heavier load") is
  checked against the lift's prescription and its previous one; a lift the why says
  moved on while its reps fell must have its rep cut said too.

tests/unit/planner/test_key_runs.py holds every count at zero over random profiles.

    PYTHONHASHSEED=0 .venv/bin/python bench/key_runs.py [athletes]   # 60 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from legday.catalogue import Catalogue
from legday.model import ExerciseKind, Plan, Prescription, Profile, Run, RunKind

CLEAR_BEFORE_KEY_RUN = timedelta(hours=48)
UNTIMED_KEY_RUN = time(0, 0)  # an untimed key run or race: from its day's first minute
UNTIMED_SESSION = time(23, 59)  # an untimed session: at its day's last
MOST_RPE_NEAR_KEY_RUN = 7


# -- spacing -----------------------------------------------------------------------------


def key_starts(plan: Plan, runs: Sequence[Run]) -> list[datetime]:
    """When each key run and race starts: the calendar's timed ones at their time, the
    rest (and every race day without a timed race entry) at their day's first minute."""
    starts: set[datetime] = set()
    timed_races: set[date] = set()
    for run in runs:
        if not run.key:
            continue
        starts.add(datetime.combine(run.day, run.start or UNTIMED_KEY_RUN))
        if run.kind is RunKind.RACE and run.start is not None:
            timed_races.add(run.day)
    race_days = set(plan.races) | {r.day for r in plan.race_days}
    starts.update(
        datetime.combine(day, UNTIMED_KEY_RUN) for day in race_days if day not in timed_races
    )
    return sorted(starts)


def _too_close(plan: Plan, runs: Sequence[Run]) -> Iterator[tuple[date, datetime, datetime]]:
    """(session day, its start, the key run's start) for each session that starts less
    than 48 h before a key run or race."""
    starts = key_starts(plan, runs)
    for s in plan.sessions:
        at = datetime.combine(s.day, s.start or UNTIMED_SESSION)
        ahead = [k for k in starts if at < k < at + CLEAR_BEFORE_KEY_RUN]
        if ahead:
            yield s.day, at, ahead[0]


def jumps_before_key_runs(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A plyometric drill less than 48 h before a key run or race."""
    sessions = {s.day: s for s in plan.sessions}
    for day, at, key in _too_close(plan, runs):
        jumps = [p.exercise for p in sessions[day].main if p.kind is ExerciseKind.PLYOMETRIC]
        if jumps:
            hours = (key - at) / timedelta(hours=1)
            yield f"{at:%a %d %b %H:%M}: {', '.join(jumps)}, {hours:.0f} h before a key run"


def hard_sets_before_key_runs(
    plan: Plan, runs: Sequence[Run], catalogue: Catalogue
) -> Iterator[str]:
    """A set at RPE 8 or more less than 48 h before a key run or race."""
    sessions = {s.day: s for s in plan.sessions}
    for day, at, key in _too_close(plan, runs):
        hard = [p.exercise for p in sessions[day].main if p.target_rpe > MOST_RPE_NEAR_KEY_RUN]
        if hard:
            hours = (key - at) / timedelta(hours=1)
            yield f"{at:%a %d %b %H:%M}: {', '.join(hard)} above RPE 7, {hours:.0f} h before"


# -- words -------------------------------------------------------------------------------

NAME = r"(?P<name>.+?)"
HEAVIER = re.compile(rf"one step heavier on the {NAME} \((?P<kg>\d+(?:\.\d+)?) kg\)")
MORE_REPS = re.compile(rf"(?P<n>\d+) reps on the {NAME} \(from (?P<was>\d+)\)")
LONGER = re.compile(rf"(?P<n>\d+) s holds on the {NAME} \(from (?P<was>\d+)\)")
SLOWER = re.compile(rf"slower lowering on the {NAME} \((?P<tempo>\d+-\d+-\d+)\)")
PAUSED = re.compile(rf"a longer pause at the bottom of the {NAME} \((?P<tempo>\d+-\d+-\d+)\)")
CUT = re.compile(r", (?P<n>\d+) reps \(from (?P<was>\d+)\)")
FEWER_SETS = re.compile(r"a set fewer on (?:the )?(?P<names>[^;:.]+)")
EASIER = re.compile(r"effort RPE (?P<n>\d+) \(from (?P<was>\d+)\) on (?:the )?(?P<names>[^;:.]+)")
LIGHTER_LOAD = re.compile(
    rf"a lighter load on the {NAME} \((?P<kg>\d+(?:\.\d+)?) kg, from (?P<was>\d+(?:\.\d+)?)\)"
)
EASIER_SOME = re.compile(r"easier effort on (?:the )?(?P<names>[^;:.]+)")
SAYS_LIGHTER = "today is lighter"
SAYS_SHORTER = "today is shorter"
SAYS_BEFORE_KEY_RUN = "no jumps, and no set above RPE 7"
SAYS_NO_HEAVIER = ("no heavier load", "no load heavier than before", "nothing heavier than before")


def _names(catalogue: Catalogue) -> dict[str, str]:
    """Each exercise's name as a why may give it (as is, or as one item of a list), lower
    case, to its id."""
    found = {}
    for e in catalogue:
        name = e.name.lower()
        found[name] = e.id
        head, comma, tail = name.partition(", ")
        listed = f"{head} ({tail})" if comma else name
        found[listed.replace(" and ", " & ")] = e.id
    return found


def _items(text: str) -> list[str]:
    return [item for item in re.split(r", | and ", text.strip()) if item]


def _heavier(p: Prescription, before: Prescription) -> bool:
    return (
        p.load_kg is not None
        and before.load_kg is not None
        and p.implement == before.implement
        and p.load_kg > before.load_kg
    )


def _lowering(tempo: str) -> int:
    down = tempo.split("-")[0]
    return int(down) if down.isdigit() else 0


def _pause(tempo: str) -> int:
    parts = tempo.split("-")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0


def _sessions_with_previous(
    plan: Plan,
) -> Iterator[tuple[date, str, dict[str, Prescription], dict[str, Prescription]]]:
    """Each session's day, why, prescriptions by id, and each one's previous prescription."""
    last: dict[str, Prescription] = {}
    for s in plan.sessions:
        main = {p.exercise: p for p in s.main}
        yield s.day, s.why, main, {e: last[e] for e in main if e in last}
        last.update(main)


def _done_before(plan: Plan) -> dict[date, dict[str, Prescription]]:
    """Each session's day, with each exercise's latest exposure before it, in a session
    or a care routine (a routine never shares a day with a session)."""
    last: dict[str, Prescription] = {}
    found: dict[date, dict[str, Prescription]] = {}
    blocks = sorted(
        [(s.day, s.main, True) for s in plan.sessions]
        + [(r.day, r.exercises, False) for r in plan.care],
        key=lambda b: b[0],
    )
    for day, block, session in blocks:
        if session:
            found[day] = dict(last)
        last.update((p.exercise, p) for p in block)
    return found


def lift_claims(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """What a why says moved on a lift, against the numbers: the load, the reps or the
    hold's seconds rose to what it says, the lowering is slower, the pause at the bottom
    longer, a rep cut said is the real one; and a lift said to move on whose reps fell has
    its cut said."""
    names = _names(catalogue)
    for day, why, main, before in _sessions_with_previous(plan):
        said_cut: set[str] = set()
        for pattern, field in ((HEAVIER, "load_kg"), (SLOWER, "tempo"), (PAUSED, "pause")):
            for found in pattern.finditer(why):
                exercise = names.get(found["name"], "")
                p, was = main.get(exercise), before.get(exercise)
                if p is None or was is None:
                    yield f"{day}: says {found['name']} moved on, it has no last time here"
                    continue
                if field == "load_kg" and not (
                    _heavier(p, was) and p.load_kg == float(found["kg"])
                ):
                    yield f"{day}: says {found['name']} is heavier at {found['kg']} kg"
                if field == "tempo" and not (
                    p.tempo == found["tempo"] and _lowering(p.tempo) > _lowering(was.tempo)
                ):
                    yield f"{day}: says {found['name']} lowers slower ({found['tempo']})"
                if field == "pause" and not (
                    p.tempo == found["tempo"] and _pause(p.tempo) > _pause(was.tempo)
                ):
                    yield f"{day}: says {found['name']} pauses longer ({found['tempo']})"
                cut = CUT.match(why, found.end())
                if cut is not None:
                    said_cut.add(exercise)
                    if (p.reps, was.reps) != (int(cut["n"]), int(cut["was"])):
                        yield f"{day}: says {found['name']} is cut to {cut['n']} reps"
                elif p.reps is not None and was.reps is not None and p.reps < was.reps:
                    yield (
                        f"{day}: {found['name']} moves on and its reps fall {was.reps} -> "
                        f"{p.reps}, the why does not say so"
                    )
        for pattern, field in ((MORE_REPS, "reps"), (LONGER, "seconds")):
            for found in pattern.finditer(why):
                exercise = names.get(found["name"], "")
                p, was = main.get(exercise), before.get(exercise)
                if p is None or was is None:
                    yield f"{day}: says {found['name']} moved on, it has no last time here"
                elif (getattr(p, field), getattr(was, field)) != (
                    int(found["n"]),
                    int(found["was"]),
                ):
                    yield f"{day}: says {found['n']} (from {found['was']}) on {found['name']}"


def _named(text: str, names: Mapping[str, str], main: Mapping[str, Prescription]) -> list[str]:
    """The exercises a "the X, Y and Z" or "every lift" list names."""
    text = text.strip()
    if text.startswith("every lift"):
        return list(main)
    return [names.get(item, item) for item in _items(text)]


def session_claims(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """What a why says fell or held today, against the numbers: "a set fewer", "a
    lighter load", "effort RPE a (from b)" and "easier effort" on the lifts named;
    "today is lighter" only when a load, the reps (not traded for a heavier load or a
    slower lowering) or a hold's seconds fell on some lift and nothing rose; "today is
    shorter" only when sets fell and nothing rose; "no heavier load" only when no lift's
    load rose; "no jumps, and no set above RPE 7" only when it is so."""
    names = _names(catalogue)
    done_before = _done_before(plan)
    for day, why, main, before in _sessions_with_previous(plan):
        for found in FEWER_SETS.finditer(why):
            for exercise in _named(found["names"], names, before):
                p, was = main.get(exercise), before.get(exercise)
                if p is None or was is None or p.sets >= was.sets:
                    yield f"{day}: says a set fewer on {exercise}"
        for found in EASIER.finditer(why):
            for exercise in _named(found["names"], names, before):
                p, was = main.get(exercise), before.get(exercise)
                said = (int(found["n"]), int(found["was"]))
                if p is None or was is None or (p.target_rpe, was.target_rpe) != said:
                    yield f"{day}: says effort RPE {said[0]} (from {said[1]}) on {exercise}"
        pairs = [(main[e], before[e]) for e in before]
        if SAYS_LIGHTER in why:
            # reps cut for a heavier load or a slower lowering are no lighter set
            fell = any(
                _load(p, was) < 0
                or (_amount(p) < _amount(was) and _load(p, was) <= 0 and not _slower(p, was))
                for p, was in pairs
            )
            rose = any(
                _amount(p) > _amount(was) or _load(p, was) > 0 or p.sets > was.sets
                for p, was in pairs
            )
            if not fell or rose:
                yield f"{day}: says today is lighter, no load or reps fell" + (
                    " (some rose)" if fell else ""
                )
        if SAYS_SHORTER in why and (
            not any(p.sets < was.sets for p, was in pairs)
            or any(p.sets > was.sets or _amount(p) > _amount(was) for p, was in pairs)
        ):
            yield f"{day}: says today is shorter, no lift lost a set (or some rose)"
        for found in LIGHTER_LOAD.finditer(why):
            exercise = names.get(found["name"], "")
            p, was = main.get(exercise), before.get(exercise)
            said = (float(found["kg"]), float(found["was"]))
            if p is None or was is None or (p.load_kg, was.load_kg) != said:
                yield f"{day}: says a lighter load on {found['name']}"
        for found in EASIER_SOME.finditer(why):
            for exercise in _named(found["names"], names, before):
                p, was = main.get(exercise), before.get(exercise)
                if p is None or was is None or p.target_rpe >= was.target_rpe:
                    yield f"{day}: says easier effort on {exercise}"
        if SAYS_BEFORE_KEY_RUN in why and any(
            p.kind is ExerciseKind.PLYOMETRIC or p.target_rpe > MOST_RPE_NEAR_KEY_RUN
            for p in main.values()
        ):
            yield f"{day}: says no jumps and nothing above RPE 7, the session has them"
        # "before" is the athlete's: a care routine's weight counts (a race week's split
        # squat at the 8 kg a routine gave the week before is no heavier)
        done = done_before.get(day, {})
        if any(words in why for words in SAYS_NO_HEAVIER) and any(
            _heavier(p, done.get(e, was)) for e, (p, was) in zip(before, pairs, strict=True)
        ):
            yield f"{day}: says no heavier load, a lift's load rose"


def _amount(p: Prescription) -> int:
    """Reps, or a hold's seconds: the work of one set at its load."""
    return p.reps if p.reps is not None else p.seconds or 0


def _slower(p: Prescription, was: Prescription) -> bool:
    """A slower lowering or a longer pause: reps cut for it are no lighter set."""
    return _lowering(p.tempo) > _lowering(was.tempo) or _pause(p.tempo) > _pause(was.tempo)


def _load(p: Prescription, was: Prescription) -> float:
    """How far the load moved (0 when either is unloaded or the implement changed)."""
    if p.load_kg is None or was.load_kg is None or p.implement != was.implement:
        return 0.0
    return p.load_kg - was.load_kg


Check = Callable[[Plan, Sequence[Run], Catalogue], Iterator[str]]
CHECKS: dict[str, Check] = {
    "jumps < 48 h before a key run": jumps_before_key_runs,
    "RPE 8 < 48 h before a key run": hard_sets_before_key_runs,
    "lift claims vs numbers": lift_claims,
    "session claims vs numbers": session_claims,
}


def faults(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> dict[str, list[str]]:
    return {name: list(check(plan, runs, catalogue)) for name, check in CHECKS.items()}


def plain_figures(plan: Plan) -> Counter[str]:
    """What the fixes may cost: sessions with jumps, with an RPE 8 set, and in all."""
    found: Counter[str] = Counter()
    found["sessions"] += len(plan.sessions)
    for s in plan.sessions:
        found["sessions with jumps"] += any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
        found["sessions with an RPE 8 set"] += any(p.target_rpe >= 8 for p in s.main)
        if "brings a hard or long run" in s.why:
            found["eves of a key run"] += 1
            found["  lighter (load or reps fell)"] += SAYS_LIGHTER in s.why
            found["  shorter (only sets fell)"] += SAYS_SHORTER in s.why
            found["  only the effort fell"] += "today stops further from failure" in s.why
            found["  nothing fell"] += "today brings no jumps" in s.why
    return found


def athletes(count: int, seed: int = 48) -> Iterator[tuple[Profile, list[Run]]]:
    """Plausible new athletes (bench/athletes.py): a weekly pattern of timed runs, a long
    run at the weekend, some races."""
    from bench.athletes import random_athlete

    rng = random.Random(seed)
    for _ in range(count):
        yield random_athlete(rng, 16)


def report(group: list[tuple[Profile, list[Run]]], catalogue: Catalogue) -> None:
    from legday.planner import make_plan

    totals: Counter[str] = Counter()
    figures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for profile, runs in group:
        plan = make_plan(profile, runs, catalogue)
        figures += plain_figures(plan)
        for name, found in faults(plan, runs, catalogue).items():
            totals[name] += len(found)
            if found and name not in examples:
                examples[name] = found[0]
    print(f"{len(group)} plans, {figures['sessions']} sessions")
    for name in CHECKS:
        print(f"  {name:32} {totals[name]:5}  {examples.get(name, '')}")
    for name in (
        "sessions with jumps",
        "sessions with an RPE 8 set",
        "eves of a key run",
        "  lighter (load or reps fell)",
        "  shorter (only sets fell)",
        "  only the effort fell",
        "  nothing fell",
    ):
        print(f"  {name:32} {figures[name]:5}")


def main() -> None:
    from bench.honest_words import drawn

    from legday.catalogue.loader import load_catalogue

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    print("athletes", end=": ")
    report(list(athletes(count)), catalogue)
    print("strategies", end=": ")
    report(drawn(count), catalogue)


if __name__ == "__main__":
    sys.path[:0] = [".", "tests"]
    main()
