"""Count what a coach and physio found in runner's-knee care, over the coach's
half-marathoner with runner's knee alone (dumbbells, kettlebells or none, 12 weeks to his
half marathon, 16 and 24 weeks) and random athletes with runner's knee.

    python bench/knee_care.py [ATHLETES]   # 40 by default, 16 weeks each

1. progression: each knee-care exercise's heaviest exposure of a week (its kilograms,
   then sets x reps or seconds; full routines, eve forms and sessions' care work, not the
   lightest form) against the week before's at the same stage, in weeks that are meant
   to climb (neither held nor eased, nor the week after one): weeks no higher ("flat");
   the longest run of weeks at one unchanged dose; how many owned weights the knee care
   climbs from its first kilograms to its heaviest;
2. knee days: days a week whose session or routine holds knee-dominant work (a squat or
   lunge pattern, a jump landing); weeks above four, weeks of seven, the longest run of
   knee days in a row and the days that make a run longer than two;
3. words: routines whose why names a load or dose their exercises do not hold
   ("bodyweight first" beside kilograms, "a weight" with none held, "4 sets of 10" with
   no exercise at it), over the knee athletes and over random athletes with every
   protocol (`WORD_ATHLETES`);
4. exposures (`count_exposures`): knee days a week from the sessions alone and from the
   routines alone (together: 2.); the share of sessions holding a wall sit, and the
   longest run of sessions in a row that hold one; first exposures to knee-dominant
   work (single-leg, and any) on the eve of a key run (a long run, a hard run, a race),
   in sessions and routines; sessions with plyometrics before the knee's gate (its
   care short of the last stage) and beside a first exposure to a knee-dominant lift;
   the knee-care exercises of the stages a plan reaches that it never holds (the cost of
   keeping first times off key runs' eves).

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/injury-care.md came from it. The predicates are shared with
tests/unit/planner/test_knee_care.py.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))

from athletes import random_athlete, week_doses

from legday.care import CareItem, CareStage
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    HARD_RUN_KINDS,
    CareRoutine,
    Equipment,
    ExerciseKind,
    Muscle,
    Plan,
    Prescription,
    Profile,
    Run,
    Session,
)
from legday.planner import _care_eases, _care_holds, _care_restarts, make_plan
from legday.planner.season import race_priorities, season

KNEE = "runners-knee"
KNEE_PATTERNS = frozenset({"squat", "lunge"})
MOST_KNEE_DAYS = 4
MOST_IN_A_ROW = 2
WORD_ATHLETES = 60
ALL_PROBLEMS = (
    "shin-splints",
    "runners-knee",
    "achilles",
    "achilles-insertional",
    "it-band",
    "plantar-fascia",
    "hamstring",
)


def knee_work(p: Prescription, catalogue: Catalogue) -> bool:
    """Knee-dominant work: a squat or lunge pattern (a wall sit, a split squat, a step-down)
    or a jump landing on the quads."""
    exercise = catalogue.get(p.exercise)
    if exercise is None:
        return False
    if exercise.kind is ExerciseKind.PLYOMETRIC:
        return Muscle.QUADS in exercise.muscles
    return exercise.kind is ExerciseKind.STRENGTH and exercise.pattern in KNEE_PATTERNS


def knee_days(plan: Plan, catalogue: Catalogue) -> set[date]:
    """The plan's days whose session or routines hold knee-dominant work."""
    days = {s.day for s in plan.sessions if any(knee_work(p, catalogue) for p in s.main)}
    days |= {r.day for r in plan.care if any(knee_work(p, catalogue) for p in r.exercises)}
    return days


def longest_run(days: Iterable[date]) -> int:
    ordered = sorted(set(days))
    best = run = 0
    for n, day in enumerate(ordered):
        run = run + 1 if n and (day - ordered[n - 1]).days == 1 else 1
        best = max(best, run)
    return best


def beyond_runs(days: Iterable[date], most: int = MOST_IN_A_ROW) -> int:
    """The days that make a run of consecutive days longer than `most`."""
    found = set(days)
    return sum(1 for d in found if all(d - timedelta(days=n) in found for n in range(1, most + 1)))


def knee_exercises(catalogue: Catalogue) -> frozenset[str]:
    protocol = catalogue.protocols[KNEE]
    return frozenset(i.exercise for stage in protocol.stages for i in stage.items)


Top = tuple[float, int]  # a week's heaviest exposure: kilograms (0 without), volume


def weekly_tops(plan: Plan, catalogue: Catalogue) -> dict[str, dict[int, tuple[int, Top]]]:
    """Each knee-care exercise's heaviest exposure by plan week, with the week's stage:
    full and eve routines of the knee protocol and sessions' lifts at a care dose."""
    own = knee_exercises(catalogue)
    blocks: list[tuple[date, int, tuple[Prescription, ...]]] = [
        (r.day, r.stage, r.exercises) for r in plan.care if r.injury == KNEE and not r.lightest
    ]
    stage_of = {(r.day - plan.start).days // 7: r.stage for r in plan.care if r.injury == KNEE}
    for s in plan.sessions:
        week = (s.day - plan.start).days // 7
        if week in stage_of:
            blocks.append((s.day, stage_of[week], tuple(p for p in s.main if p.care_dose)))
    tops: dict[str, dict[int, tuple[int, Top]]] = {}
    for day, stage, block in blocks:
        week = (day - plan.start).days // 7
        for p in block:
            if p.exercise not in own:
                continue
            top = (p.load_kg or 0.0, p.sets * (p.reps or p.seconds or 0))
            was = tops.setdefault(p.exercise, {}).get(week)
            if was is None or top > was[1]:
                tops[p.exercise][week] = (stage, top)
    return tops


@dataclass
class Tally:
    athletes: int = 0
    weeks: int = 0
    knee_days: int = 0
    stage_days: int = 0
    weeks_over: int = 0
    weeks_of_seven: int = 0
    most_in_week: int = 0
    longest_run: int = 0
    beyond_runs: int = 0
    climbing_weeks: int = 0
    flat_weeks: int = 0
    longest_flat: int = 0
    owned_steps: list[int] = field(default_factory=list)  # per athlete owning weights
    heaviest: list[tuple[float, float]] = field(default_factory=list)  # first, heaviest kg
    false_words: int = 0
    fixed_words: int = 0
    routines: int = 0
    examples: list[str] = field(default_factory=list)


def stage_days(plan: Plan, catalogue: Catalogue) -> set[date]:
    """The days holding an exercise of the week's knee stage: its routines (not the
    lightest form) and sessions holding one of its exercises."""
    protocol = catalogue.protocols[KNEE]
    stage_of = {(r.day - plan.start).days // 7: r.stage for r in plan.care if r.injury == KNEE}
    days = {r.day for r in plan.care if r.injury == KNEE and not r.lightest}
    for s in plan.sessions:
        stage = stage_of.get((s.day - plan.start).days // 7)
        if stage is not None:
            own = {i.exercise for i in protocol.stage(stage).items}
            if any(p.exercise in own for p in s.main):
                days.add(s.day)
    return days


def count_days(plan: Plan, catalogue: Catalogue, t: Tally) -> None:
    t.stage_days += len(stage_days(plan, catalogue))
    days = knee_days(plan, catalogue)
    for week in plan.weeks:
        n = sum(1 for d in range(7) if week.start + timedelta(days=d) in days)
        t.weeks += 1
        t.knee_days += n
        t.weeks_over += n > MOST_KNEE_DAYS
        t.weeks_of_seven += n == 7
        t.most_in_week = max(t.most_in_week, n)
    t.longest_run = max(t.longest_run, longest_run(days))
    t.beyond_runs += beyond_runs(days)


def count_progress(
    plan: Plan, profile: Profile, runs: list[Run], catalogue: Catalogue, t: Tally
) -> None:
    """The knee protocol's planned doses week on week (`week_doses`: the stage's dose for
    the week in the athlete's kilograms, before the weekly climb and the first times),
    and the kilograms the plan's knee care really went through."""
    quiet = quiet_weeks(profile, runs)
    planned = week_doses(profile, runs, catalogue).by_problem[KNEE]
    flat_run = 0
    for week in range(1, len(planned)):
        (stage, items), (was_stage, was_items) = planned[week], planned[week - 1]
        last = stage.number == len(catalogue.protocols[KNEE].stages)
        capped = last and all(
            _step(i) == _step(top) for i, top in zip(items, _top(stage), strict=True)
        )
        if week in quiet or week - 1 in quiet or stage.number != was_stage.number or capped:
            flat_run = 0
            continue
        before = {i.exercise: i for i in was_items}
        t.climbing_weeks += 1
        if any(_rose(item, before[item.exercise]) for item in items if item.exercise in before):
            flat_run = 0
            continue
        t.flat_weeks += 1
        flat_run += 1
        t.longest_flat = max(t.longest_flat, flat_run)
    tops = weekly_tops(plan, catalogue)
    kgs = [top[0] for weeks in tops.values() for _, (_, top) in sorted(weeks.items()) if top[0]]
    kit = kit_of(profile)
    rack = sorted({*kit.loads("dumbbells"), *kit.loads("kettlebell")})
    if kgs and rack:
        first, heaviest = kgs[0], max(kgs)
        t.heaviest.append((first, heaviest))
        t.owned_steps.append(sum(1 for kg in rack if first < kg <= heaviest))


def _step(item: CareItem) -> tuple[int, int | None, int | None, bool, int]:
    return (item.sets, item.reps, item.seconds, item.loaded, item.heavier)


def _top(stage: CareStage) -> tuple[CareItem, ...]:
    """The stage's items at its last step: the dose it holds however long it lasts."""
    return stage.items_in_week(10_000)


def _rose(item: CareItem, was: CareItem) -> bool:
    """Whether a planned dose rose: more kilograms (or owned weights above the start),
    a weight where there was none, or more sets x reps (or seconds) at the same load."""
    load, was_load = (
        (item.loaded, item.heavier, item.load_kg or 0),
        (
            was.loaded,
            was.heavier,
            was.load_kg or 0,
        ),
    )
    volume = item.sets * (item.reps or item.seconds or 0)
    was_volume = was.sets * (was.reps or was.seconds or 0)
    return load > was_load or (load == was_load and volume > was_volume)


def quiet_weeks(profile: Profile, runs: list[Run]) -> set[int]:
    """The weeks (0-based) care holds or eases its dose in on purpose: race and taper
    weeks, the weeks after A and B races, recovery weeks, the restart after an A race."""
    frames = season(profile, runs, race_priorities(profile, runs))
    return {*_care_holds(frames), *_care_eases(frames), *_care_restarts(frames)}


# words that name a load or a dose: a stage aim holding one says it whatever the week's
# numbers are (docs/injury-care.md: the words come from the numbers)
DOSE_WORDS = re.compile(r"\b(?:bodyweight|weights?|kg|heavier|lighter|sets of)\b|\d")


def fixed_dose_words(routine: CareRoutine, catalogue: Catalogue) -> bool:
    """Whether the routine's why repeats a stage aim that names a load or a dose."""
    protocol = catalogue.protocols.get(routine.injury)
    if protocol is None or routine.lightest:
        return False
    aim = protocol.stage(routine.stage).aim
    shown = f"{aim[0].lower()}{aim[1:].rstrip('.')}"
    return bool(DOSE_WORDS.search(aim)) and shown in routine.why


def first_loads_said_bodyweight(plan: Plan) -> list[str]:
    """Routines saying "bodyweight first" that hold an exercise loaded (kg or an
    improvised load) the first time the plan has it: the coach's first care session at
    6 kg."""
    events = sorted(
        [(s.day, 1, s.main, "") for s in plan.sessions]
        + [(r.day, 0, r.exercises, r.why) for r in plan.care],
        key=lambda e: (e[0], e[1]),
    )
    seen: set[str] = set()
    found = []
    for day, _, block, why in events:
        first = [
            p
            for p in block
            if p.exercise not in seen and (p.load_kg is not None or "backpack" in p.load)
        ]
        if first and "bodyweight first" in why:
            found.append(f"{day} {first[0].exercise} at {first[0].load_kg or 'a backpack'} kg")
        seen.update(p.exercise for p in block)
    return found


def count_words(plan: Plan, catalogue: Catalogue, t: Tally) -> None:
    t.routines += len(plan.care)
    t.fixed_words += sum(fixed_dose_words(r, catalogue) for r in plan.care)
    found = first_loads_said_bodyweight(plan)
    t.false_words += len(found)
    t.examples.extend(found[: max(0, 2 - len(t.examples))])


def extended(runs: list[Run], start: date, weeks: int, more: int) -> list[Run]:
    """The coach's calendar with `more` weeks of its last plain week's pattern after it."""
    last = start + timedelta(weeks=weeks - 2)
    pattern = [r for r in runs if last <= r.day < last + timedelta(days=7)]
    out = list(runs)
    for week in range(more):
        shift = timedelta(weeks=week + 2)
        out += [replace(r, day=r.day + shift) for r in pattern]
    return out


def cases() -> list[tuple[str, Profile, list[Run]]]:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from coach_athletes import half_marathoner

    profile, runs = half_marathoner()
    knee = replace(profile, injuries=(KNEE,))
    bells = replace(
        knee,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.KETTLEBELL}),
        dumbbells_kg=(),
        kettlebells_kg=(8.0, 12.0, 16.0, 20.0),
    )
    bodyweight = replace(
        knee, equipment=frozenset({Equipment.BODYWEIGHT, Equipment.STEP}), dumbbells_kg=()
    )
    longer = extended(runs, profile.start, profile.weeks, 8)
    return [
        # the plan the coach and physio read: 12 weeks to the half marathon
        ("dumbbells, 12 weeks to the race", replace(knee, weeks=12), runs),
        ("dumbbells 6-10 kg", knee, runs),
        ("kettlebells 8-20 kg", bells, runs),
        ("bodyweight", bodyweight, runs),
        ("dumbbells, 24 weeks", replace(knee, weeks=24), longer),
        ("kettlebells, 24 weeks", replace(bells, weeks=24), longer),
    ]


def random_knee_athletes(count: int) -> list[tuple[Profile, list[Run]]]:
    found = []
    for number in range(count):
        profile, runs = random_athlete(random.Random(1300 + number), 16)
        injuries = tuple(dict.fromkeys((KNEE, *profile.injuries)))[:2]
        found.append((replace(profile, injuries=injuries), runs))
    return found


def word_athletes(count: int) -> list[tuple[Profile, list[Run]]]:
    """Random athletes with one or two problems of every protocol, starting at random
    stages is not needed: 16 weeks walk each protocol through its stages."""
    found = []
    for number in range(count):
        rng = random.Random(1700 + number)
        profile, runs = random_athlete(rng, 16)
        injuries = tuple(rng.sample(ALL_PROBLEMS, rng.randint(1, 2)))
        found.append((replace(profile, injuries=injuries), runs))
    return found


WALL_SIT = "wall-sit"


@dataclass
class Exposures:
    """`count_exposures`' tally over one or more plans."""

    weeks: int = 0
    session_knee_days: int = 0
    routine_knee_days: int = 0
    sessions: int = 0
    wall_sit_sessions: int = 0
    longest_wall_sit_run: int = 0
    new_single_leg_on_eves: int = 0
    new_knee_on_eves: int = 0
    plyo_sessions: int = 0
    plyo_before_gate: int = 0
    plyo_beside_new_knee: int = 0
    stage_exercises: int = 0  # knee-care exercises of the stages the plans reach
    never_held: int = 0  # of those, the ones no session or routine holds
    examples: list[str] = field(default_factory=list)


def key_run_eves(plan: Plan, runs: Iterable[Run]) -> set[date]:
    """The days before a long run, a hard run (intervals, tempo, race pace) or a race."""
    eves = {r.day - timedelta(days=1) for r in runs if r.running and r.kind in HARD_RUN_KINDS}
    eves |= {day - timedelta(days=1) for day in plan.races}
    return eves


def first_exposures(
    plan: Plan, before: Iterable[str] = ()
) -> list[tuple[date, Session | CareRoutine, Prescription]]:
    """Each exercise's first time in the plan (not in `before`), with where it came: a
    day's routine counts before its session, as `first_times` orders them."""
    events: list[tuple[date, int, Session | CareRoutine, tuple[Prescription, ...]]] = [
        *((r.day, 0, r, r.exercises) for r in plan.care),
        *((s.day, 1, s, s.main) for s in plan.sessions),
    ]
    seen = set(before)
    found = []
    for day, _, where, block in sorted(events, key=lambda e: (e[0], e[1])):
        for p in block:
            if p.exercise not in seen:
                found.append((day, where, p))
        seen.update(p.exercise for p in block)
    return found


def new_knee_work_on_eves(
    plan: Plan, runs: Iterable[Run], catalogue: Catalogue, *, single_leg: bool = True
) -> list[str]:
    """First exposures to knee-dominant work (`knee_work`; `single_leg`: one-legged only)
    on the eve of a key run, in sessions and routines."""
    eves = key_run_eves(plan, runs)
    found = []
    for day, where, p in first_exposures(plan):
        exercise = catalogue.get(p.exercise)
        if exercise is None or day not in eves or not knee_work(p, catalogue):
            continue
        if single_leg and not exercise.unilateral:
            continue
        kind = "session" if isinstance(where, Session) else "routine"
        found.append(f"{day} {p.exercise} ({kind})")
    return found


def plyometric(p: Prescription) -> bool:
    return p.kind is ExerciseKind.PLYOMETRIC


def knee_stages(plan: Plan, profile: Profile, runs: list[Run], catalogue: Catalogue) -> list[int]:
    """The knee protocol's planned stage, week by week."""
    return [stage.number for stage, _ in week_doses(profile, runs, catalogue).by_problem[KNEE]]


def plyo_before_gate(
    plan: Plan, profile: Profile, runs: list[Run], catalogue: Catalogue
) -> tuple[list[str], list[str]]:
    """Sessions with plyometrics while the knee's care is short of its last stage, and
    sessions whose plyometrics sit beside a first exposure to a knee-dominant lift."""
    stages = knee_stages(plan, profile, runs, catalogue)
    last = len(catalogue.protocols[KNEE].stages)
    new_knee = {
        (day, p.exercise)
        for day, where, p in first_exposures(plan)
        if isinstance(where, Session) and not plyometric(p) and knee_work(p, catalogue)
    }
    early, beside = [], []
    for s in plan.sessions:
        jumps = [p.exercise for p in s.main if plyometric(p)]
        if not jumps:
            continue
        week = (s.day - plan.start).days // 7
        if stages[week] < last:
            early.append(f"{s.day} {jumps[0]} at knee stage {stages[week]}")
        news = [p.exercise for p in s.main if (s.day, p.exercise) in new_knee]
        if news:
            beside.append(f"{s.day} {jumps[0]} beside a new {news[0]}")
    return early, beside


def longest_wall_sit_run(sessions: Iterable[Session]) -> int:
    best = run = 0
    for s in sessions:
        run = run + 1 if any(p.exercise == WALL_SIT for p in s.main) else 0
        best = max(best, run)
    return best


def count_exposures(
    plan: Plan, profile: Profile, runs: list[Run], catalogue: Catalogue, e: Exposures
) -> None:
    sessions = {s.day for s in plan.sessions if any(knee_work(p, catalogue) for p in s.main)}
    routines = {r.day for r in plan.care if any(knee_work(p, catalogue) for p in r.exercises)}
    e.weeks += len(plan.weeks)
    e.session_knee_days += len(sessions)
    e.routine_knee_days += len(routines)
    e.sessions += len(plan.sessions)
    e.wall_sit_sessions += sum(
        1 for s in plan.sessions if any(p.exercise == WALL_SIT for p in s.main)
    )
    e.longest_wall_sit_run = max(e.longest_wall_sit_run, longest_wall_sit_run(plan.sessions))
    single = new_knee_work_on_eves(plan, runs, catalogue)
    e.new_single_leg_on_eves += len(single)
    e.new_knee_on_eves += len(new_knee_work_on_eves(plan, runs, catalogue, single_leg=False))
    e.plyo_sessions += sum(1 for s in plan.sessions if any(plyometric(p) for p in s.main))
    early, beside = plyo_before_gate(plan, profile, runs, catalogue)
    reached = set(knee_stages(plan, profile, runs, catalogue))
    own = {
        i.exercise for s in catalogue.protocols[KNEE].stages if s.number in reached for i in s.items
    }
    held = {p.exercise for s in plan.sessions for p in s.main}
    held |= {p.exercise for r in plan.care for p in r.exercises}
    e.stage_exercises += len(own)
    e.never_held += len(own - held)
    e.plyo_before_gate += len(early)
    e.plyo_beside_new_knee += len(beside)
    e.examples.extend([*single, *early, *beside][: max(0, 3 - len(e.examples))])


def report_exposures(name: str, e: Exposures) -> None:
    weeks = max(1, e.weeks)
    print(
        f"{name}: knee days/week from sessions {e.session_knee_days / weeks:.2f}, from"
        f" routines {e.routine_knee_days / weeks:.2f}; sessions with a wall sit"
        f" {e.wall_sit_sessions}/{e.sessions}"
        f" ({100 * e.wall_sit_sessions / max(1, e.sessions):.0f} %), longest run of them"
        f" {e.longest_wall_sit_run}; new knee-dominant work on a key run's eve: single-leg"
        f" {e.new_single_leg_on_eves}, any {e.new_knee_on_eves}; plyometric sessions"
        f" {e.plyo_sessions}, before the knee's gate {e.plyo_before_gate}, beside a new"
        f" knee lift {e.plyo_beside_new_knee}; stage exercises never held {e.never_held}"
        f"/{e.stage_exercises} {e.examples[:3]}"
    )


def report(name: str, t: Tally) -> None:
    mean = t.knee_days / t.weeks if t.weeks else 0.0
    flat = f"{t.flat_weeks}/{t.climbing_weeks}"
    climbs = sorted(t.owned_steps)
    loads = ", ".join(f"{a:g}->{b:g}" for a, b in t.heaviest[:3])
    print(
        f"{name}: knee days/week {mean:.2f} (with the stage's exercises"
        f" {t.stage_days / max(1, t.weeks):.2f}), weeks over {MOST_KNEE_DAYS}:"
        f" {t.weeks_over}/{t.weeks}"
        f", of seven {t.weeks_of_seven}, most {t.most_in_week}; longest run {t.longest_run},"
        f" days beyond {MOST_IN_A_ROW} in a row {t.beyond_runs}; training weeks with no planned"
        f" rise (the last stage's top aside) {flat},"
        f" longest run of them {t.longest_flat}; owned weights climbed {climbs[:1]}..."
        f"{climbs[-1:]} (median {climbs[len(climbs) // 2] if climbs else '-'}; kg {loads});"
        f" routines repeating an aim's load or dose words {t.fixed_words}/{t.routines};"
        f" 'bodyweight first' over a first loaded exposure {t.false_words} {t.examples[:2]}"
    )


def measure(
    athletes: Iterable[tuple[Profile, list[Run]]],
    catalogue: Catalogue,
    t: Tally,
    e: Exposures | None = None,
) -> None:
    for profile, runs in athletes:
        plan = make_plan(profile, runs, catalogue)
        t.athletes += 1
        count_days(plan, catalogue, t)
        count_progress(plan, profile, runs, catalogue, t)
        count_words(plan, catalogue, t)
        if e is not None:
            count_exposures(plan, profile, runs, catalogue, e)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    catalogue = load_catalogue()
    for name, profile, runs in cases():
        t, e = Tally(), Exposures()
        measure([(profile, runs)], catalogue, t, e)
        report(name, t)
        report_exposures(name, e)
    t, e = Tally(), Exposures()
    measure(random_knee_athletes(count), catalogue, t, e)
    report(f"{count} random with runner's knee", t)
    report_exposures(f"{count} random with runner's knee", e)
    t = Tally()
    for profile, runs in word_athletes(WORD_ATHLETES):
        count_words(make_plan(profile, runs, catalogue), catalogue, t)
    print(
        f"{WORD_ATHLETES} random, every protocol: routines repeating an aim's load or dose"
        f" words {t.fixed_words}/{t.routines}; 'bodyweight first' over a first loaded exposure"
        f" {t.false_words} {t.examples}"
    )


if __name__ == "__main__":
    main()
