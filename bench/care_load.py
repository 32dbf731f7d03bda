"""Count how hard care loads the legs, over random injured athletes and two coach's cases.

    python bench/care_load.py [ATHLETES [KIT_ATHLETES]]   # 60 and 60 by default

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
4. busy: routines on a day whose busy time leaves no gap for them (a trip: all day away);
5. load jumps (`load_jumps`): a care exercise's load rising by more than one owned weight
   from one exposure to the next (a routine's, or a session's work at care's dose or
   without kilograms), bodyweight counting as below the lightest owned weight: a coach
   and physio found runner's knee's single-leg box squat going from bodyweight straight to
   10 kg in each hand. A heavy slow raise's start is no jump: heavy slow resistance
   starts near a 15-rep maximum by design (`HEAVY_SLOW`), at the lift's start for the
   athlete's level at the most. Counted over the random athletes above and over `JUMP_ATHLETES`
   more, each with one or two problems of any protocol starting at a random stage and
   dumbbells or kettlebells of their own (`kit_athlete`).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import Kit, kit_of
from legday.model import HARD_RUN_KINDS, CareRoutine, Equipment, Plan, Prescription, Profile, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.dose import seconds_per_rep, start_load

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
    load_rises: int = 0
    load_jumps: int = 0
    jumps_from_bodyweight: int = 0
    jump_examples: list[str] = field(default_factory=list)


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


def owned_steps(kit: Kit, implement: str, before: float, now: float) -> int:
    """How many owned weights of `implement` a rise from `before` kg (0: bodyweight) to
    `now` kg climbs: the weights above the one and up to the other."""
    return sum(1 for kg in kit.loads(implement) if before + 1e-9 < kg <= now + 1e-9)


# Heavy slow resistance starts heavy by design, near a 15-rep maximum (Beyer 2015): the
# Achilles protocols' loaded calf raises may go from bodyweight (an earlier stage's raise)
# to the lift's start for the athlete's level (`start_load`) in one go
HEAVY_SLOW = {
    "achilles": frozenset({"heavy-slow-calf-raise", "seated-calf-raise"}),
    "achilles-insertional": frozenset({"single-leg-calf-raise", "seated-calf-raise"}),
}


def heavy_start(profile: Profile, catalogue: Catalogue, exercise: str, implement: str) -> float:
    """The most a heavy slow raise of the athlete's problems starts at from bodyweight
    (`HEAVY_SLOW`); 0 for any other exercise."""
    if not any(exercise in HEAVY_SLOW.get(i, ()) for i in profile.injuries):
        return 0.0
    kg = start_load(catalogue[exercise], implement, profile.level, kit_of(profile))
    return kg or 0.0


def load_jumps(plan: Plan, profile: Profile, catalogue: Catalogue) -> tuple[int, list[str]]:
    """Each care exercise's load rises from one exposure to the next (in the order done:
    routines, and a session's work at care's dose or without kilograms, as
    `care_volumes` counts them), and those climbing more than one owned weight, with
    what they were; a heavy slow raise's start from bodyweight (`heavy_start`) is none.
    An improvised load (no weight owned) has no steps to count."""
    kit = kit_of(profile)
    care = {
        item.exercise
        for injury in plan.injuries
        if (protocol := catalogue.protocols.get(injury)) is not None
        for stage in protocol.stages
        for item in (*stage.items, *protocol.lightest)
    }
    done = [(r.day, r.start, p) for r in plan.care for p in r.exercises]
    done += [(s.day, s.start, p) for s in plan.sessions for p in s.main]
    done.sort(key=lambda e: (e[0], e[1] is not None, e[1] or 0))
    last: dict[str, float] = {}
    rises, jumps = 0, []
    for day, _, p in done:
        if p.exercise not in care or (p.load_kg is not None and not p.care_dose):
            continue
        now = p.load_kg or 0.0
        before = last.get(p.exercise)
        last[p.exercise] = now
        if before is None or now <= before or not p.implement:
            continue
        rises += 1
        steps = owned_steps(kit, p.implement, before, now)
        if before == 0 and now <= heavy_start(profile, catalogue, p.exercise, p.implement):
            continue
        if steps > 1:
            jumps.append(f"{p.exercise} {before:g} -> {now:g} kg {p.implement} on {day}")
    return rises, jumps


def count_jumps(plan: Plan, profile: Profile, catalogue: Catalogue, t: Tally) -> None:
    rises, jumps = load_jumps(plan, profile, catalogue)
    t.load_rises += rises
    t.load_jumps += len(jumps)
    t.jumps_from_bodyweight += sum(" 0 -> " in j for j in jumps)
    t.jump_examples += [f"{j} [{', '.join(profile.injuries)}]" for j in jumps[:1]]


JUMP_ATHLETES = 60
RACKS = ((2.0, 4.0, 6.0, 8.0, 10.0, 12.0), (6.0, 8.0, 10.0), (4.0, 8.0, 12.0, 16.0), ())
BELLS = ((8.0, 12.0, 16.0), (12.0, 16.0, 20.0, 24.0), ())


def kit_athlete(rng: random.Random, weeks: int) -> tuple[Profile, list[Run], CareSchedule]:
    """A random athlete with one or two problems of any protocol, each starting at a
    random stage, holding dumbbells (a rack of its own, or a typical one: `()`) or
    kettlebells: the loaded care stages come early in a 16-week plan."""
    profile, runs = random_athlete(rng, weeks)
    problems = tuple(rng.sample(sorted(CARE_PROBLEMS), rng.randint(1, 2)))
    if rng.random() < 0.6:
        kit = {"dumbbells_kg": rng.choice(RACKS)}
        held = Equipment.DUMBBELLS
    else:
        kit = {"kettlebells_kg": rng.choice(BELLS)}
        held = Equipment.KETTLEBELL
    equipment = profile.equipment - {Equipment.DUMBBELLS, Equipment.KETTLEBELL}
    profile = replace(profile, injuries=problems, equipment=equipment | {held}, **kit)
    stages = {problem: rng.randint(1, 3) for problem in problems}
    return profile, runs, CareSchedule(stages, {})


CARE_PROBLEMS = frozenset(
    {"shin-splints", "runners-knee", "achilles", "achilles-insertional", "it-band"}
    | {"plantar-fascia", "hamstring"}
)


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
    print(
        f"  care load rises {t.load_rises}, of more than one owned weight {t.load_jumps}"
        f" ({t.jumps_from_bodyweight} from bodyweight)"
        + (f" (e.g. {t.jump_examples[0]})" if t.jump_examples else "")
    )


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    for name, profile, runs in cases():
        t = Tally()
        plan = make_plan(profile, runs, catalogue)
        count(plan, profile, runs, catalogue, t)
        count_exercises(plan, catalogue, t)
        count_jumps(plan, profile, catalogue, t)
        report(name, t)
    t = Tally()
    for number in range(athletes):
        profile, runs = random_athlete(random.Random(900 + number), 16)
        if not profile.injuries:
            continue
        plan = make_plan(profile, runs, catalogue)
        count(plan, profile, runs, catalogue, t)
        count_exercises(plan, catalogue, t)
        count_jumps(plan, profile, catalogue, t)
    report(f"{athletes} random", t)
    t, hard, rpe = Tally(), 0, 0
    for number in range(JUMP_ATHLETES if len(sys.argv) < 3 else int(sys.argv[2])):
        profile, runs, schedule = kit_athlete(random.Random(7700 + number), 16)
        plan = make_plan(profile, runs, catalogue, care=schedule)
        count_jumps(plan, profile, catalogue, t)
        hard += sum(v.hard for v in plan.violations)
        rpe = max([rpe, *(p.target_rpe for s in plan.sessions for p in s.main)])
    print(
        f"kit athletes (random stages, own dumbbells or kettlebells): care load rises"
        f" {t.load_rises}, of more than one owned weight {t.load_jumps}"
        f" ({t.jumps_from_bodyweight} from bodyweight); hard rule violations {hard},"
        f" highest RPE {rpe}"
    )
    for example in t.jump_examples[:8]:
        print(f"  e.g. {example}")


if __name__ == "__main__":
    main()
