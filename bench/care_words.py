"""Count where care doses fall without a reason, and where care's words contradict the
numbers of the day, over random injured athletes (a coach's read of a half-marathoner with
runner's knee: the split squat went 2 x 8 -> 2 x 3 -> 1 x 7 across weeks, and a wall sit's
hold climbed in a recovery week whose routine said "nothing climbs this week"):

    python bench/care_words.py [ATHLETES]   # 60 by default, 16 weeks each

1. falls: a care exercise's exposure (a routine's, or a session's care work the strength
   plan does not load in kg: as `care._Climb` counts them) lighter than its exposure
   before (fewer kilograms; at the same kilograms, less volume: sets x reps or seconds)
   with no reason the plan gives: not a key run's eve form nor the lightest form, not a
   lightened session (taper, race week, recovery, back from a race, a key run's eve), not
   a week care holds, eases or restarts in, not a first time, not loaded calf care a set
   lighter within 48 h of a key run (the session says so). The random athletes log no
   pain, so pain is never the reason here;
2. words: a routine whose why says "nothing climbs" this week, though one of its
   exercises goes past the largest exposure of the week before it was last done, or that
   no dose goes past what was done so far, though one goes past any exposure before (in
   kilograms, reps or seconds a set, or sets x reps); whose "(N × M today)" or "at N × M
   (the stage's dose ...)" names other numbers than the exercise holds; or whose "Heavier
   today: X K kg, up from J kg" is not what the exposures were;
3. hard rule violations (must stay 0);
4. frequency words (`frequency_faults`): a routine whose "N times this week" (its
   protocol days: full routines and sessions holding the stage's dose) is fewer than the
   full routines the problem's week shows, or whose week shows routines in the lightest
   form its words do not count ("and twice in its lightest form"): a coach read "once
   this week" in a race week, then a second routine that week. Counted in all weeks,
   and in race weeks (a race in the week, or in the week before);
5. stage words (`stage_dose_faults`): a routine whose "(the stage's dose is ...)" names
   the dose of an exercise its stage does not hold, or of the lightest form: a stage-3
   knee routine's wall sit said "the stage's dose is 4 × 30 s", stage 1's dose.

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/injury-care.md came from it. The predicates are shared with
tests/unit/care/test_care_words.py.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

import legday.planner
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import CareRoutine, Phase, Plan, Prescription, Profile, Run, Session
from legday.planner import _care_eases, _care_holds, make_plan
from legday.planner.care.in_session import KEY_RUN_NEAR
from legday.planner.season import race_priorities, season

LIGHT_PHASES = frozenset({Phase.RECOVERY, Phase.TAPER, Phase.RACE, Phase.POST_RACE})
STILL = ("nothing climbs", "no dose goes past")
NAME_STARTS = r"(?:^|(?<=: )|(?<=, )|(?<=; )|(?<=and ))"  # where a list names an exercise
TODAY = r" to [^()]*? \((\d+) × (\d+)(?: s)? today\)"  # after an exercise's name
AT = r" at (\d+) × (\d+)(?: s)? \((?:the stage's|the lightest form's|the) dose"
TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5}
TIMES |= {"six times": 6, "every day": 7}
SAID = r"(once|twice|three times|four times|five times|six times|every day) this week"
LIGHTEST_SAID = r"and (once|twice|three times|four times|five times|six times) in its lightest"
HEAVIER = r" (\d+(?:\.\d+)?) kg, up from (\d+(?:\.\d+)?) kg"


@dataclass(frozen=True, slots=True)
class Exposure:
    """One care exercise done once: where, its numbers, and whether the plan lightens it
    on purpose (`reason`: an eve, a light week, a first time...)."""

    day: date
    start: time
    exercise: str
    sets: int
    amount: int
    kg: float
    reason: str
    regular: bool  # a full routine or a session: not an eve's or the lightest form
    routine: CareRoutine | None

    @property
    def volume(self) -> int:
        return self.sets * self.amount


def care_exercises(plan: Plan, catalogue: Catalogue) -> set[str]:
    """The exercises the athlete's protocols name, every stage's and the lightest form's."""
    return {
        item.exercise
        for injury in plan.injuries
        if (protocol := catalogue.protocols.get(injury)) is not None
        for item in (*(i for stage in protocol.stages for i in stage.items), *protocol.lightest)
    }


def care_weeks(profile: Profile, runs: list[Run]) -> set[int]:
    """The weeks care holds, eases or restarts in (its dose lightens there on purpose)."""
    frames = season(profile, runs, race_priorities(profile, runs))
    weeks = set(_care_holds(frames)) | set(_care_eases(frames))
    restarts = getattr(legday.planner, "_care_restarts", None)
    if restarts is not None:
        weeks |= set(restarts(frames))
    return weeks


def _session_reason(s: Session, p: Prescription) -> str:
    if s.lighter is not None:
        return f"session {s.lighter.value}"
    if s.phase in LIGHT_PHASES:
        return f"{s.phase.value} week"
    if p.new:
        return "first time"
    if "a set lighter" in s.why and KEY_RUN_NEAR in s.why:  # loaded calf care, and says so
        return "key run near"
    return ""


def _routine_reason(r: CareRoutine, p: Prescription) -> str:
    if r.lightest:
        return "lightest form"
    if r.eve:
        return "eve form"
    if p.new:
        return "first time"
    return ""


def exposures(plan: Plan, catalogue: Catalogue, light_weeks: set[int]) -> list[Exposure]:
    """Every care exposure of the plan, in the order done."""
    care = care_exercises(plan, catalogue)
    found: list[Exposure] = []

    def add(day: date, start: time | None, p: Prescription, why: str, r: CareRoutine | None):
        amount = p.reps if p.reps is not None else p.seconds
        if amount is None:
            return
        week = (day - plan.start).days // 7
        reason = why or ("care's light week" if week in light_weeks else "")
        regular = r is None or not (r.eve or r.lightest)
        found.append(
            Exposure(
                day,
                start or time(0),
                p.exercise,
                p.sets,
                amount,
                p.load_kg or 0.0,
                reason,
                regular,
                r,
            )
        )

    for r in plan.care:
        for p in r.exercises:
            add(r.day, r.start, p, _routine_reason(r, p), r)
    for s in plan.sessions:
        for p in s.main:
            if p.exercise in care and (p.load_kg is None or p.care_dose):
                add(s.day, s.start, p, _session_reason(s, p), None)
    found.sort(key=lambda e: (e.day, e.start))
    return found


def _lighter(now: Exposure, before: Exposure) -> bool:
    if now.kg != before.kg:
        return now.kg < before.kg
    return now.volume < before.volume


def falls(found: list[Exposure]) -> list[str]:
    """Fault 1: exposures lighter than the one before, with no reason the plan gives."""
    last: dict[str, Exposure] = {}
    out = []
    for e in found:
        before = last.get(e.exercise)
        last[e.exercise] = e
        if before is not None and _lighter(e, before) and not e.reason:
            out.append(
                f"{e.exercise} {before.sets}x{before.amount}@{before.kg:g} {before.day}"
                f" -> {e.sets}x{e.amount}@{e.kg:g} {e.day}"
            )
    return out


def _past(now: Exposure, before: Exposure) -> bool:
    """Whether `now` goes past `before`: more kilograms, reps or seconds a set, or volume."""
    return now.kg > before.kg or now.amount > before.amount or now.volume > before.volume


def _largest(found: list[Exposure]) -> Exposure:
    return max(found, key=lambda e: (e.kg, e.volume, e.amount))


def word_faults(found: list[Exposure], catalogue: Catalogue, start: date) -> list[str]:
    """Fault 2: a routine's words that the day's numbers contradict. "Nothing climbs this
    week" (a recovery week, a taper) against the largest exposure of the latest week before;
    "no dose goes past what you have done so far" against every exposure before; the
    numbers a climb names for today against today's; "Heavier today" against the last
    time."""
    weekly: dict[str, dict[int, list[Exposure]]] = {}
    earlier: dict[str, list[Exposure]] = {}
    routines: dict[int, list[tuple[Exposure, Exposure | None, list[Exposure]]]] = {}
    for e in found:
        week = (e.day - start).days // 7
        weeks = weekly.setdefault(e.exercise, {})
        before = [w for w in weeks if w < week]
        last_week = _largest(weeks[max(before)]) if before else None
        if e.routine is not None:
            routines.setdefault(id(e.routine), []).append(
                (e, last_week, list(earlier.get(e.exercise, ())))
            )
        earlier.setdefault(e.exercise, []).append(e)
        weeks.setdefault(week, []).append(e)
    out = []
    for items in routines.values():
        r = items[0][0].routine
        assert r is not None
        why = r.why.lower()
        if "nothing climbs" in why:
            risen = [e.exercise for e, week, _ in items if week and _past(e, week)]
            if risen:
                out.append(f"{r.day} {r.injury}: 'nothing climbs' but {', '.join(risen)} rose")
        # "... and in the race's week no dose goes past ..." speaks of a week to come
        if "no dose goes past" in why.replace("in the race's week no dose goes past", ""):
            past = [e.exercise for e, _, done in items if done and _beyond(e, done)]
            if past:
                out.append(f"{r.day} {r.injury}: 'no dose goes past' but {', '.join(past)} did")
        for e, _, done in items:
            # a whole name, not the tail of a longer one ("bent-knee slow heel drop")
            name = NAME_STARTS + re.escape(catalogue[e.exercise].name.lower())
            for said in re.findall(name + TODAY, why) + re.findall(name + AT, why):
                if (e.sets, e.amount) != (int(said[0]), int(said[1])):
                    out.append(f"{r.day} {e.exercise}: words {said[:2]}, holds {e.sets}x{e.amount}")
            for kg, was in re.findall(name + HEAVIER, why):
                if e.kg != float(kg) or not done or done[-1].kg != float(was):
                    out.append(f"{r.day} {e.exercise}: heavier {was} -> {kg} kg, not so")
    return out


def _beyond(e: Exposure, done: list[Exposure]) -> bool:
    """Whether `e` goes past everything done so far, in kilograms, a set's amount or volume."""
    return (
        e.kg > max(d.kg for d in done)
        or e.amount > max(d.amount for d in done)
        or e.volume > max(d.volume for d in done)
    )


def frequency_faults(plan: Plan) -> list[tuple[bool, str]]:
    """Fault 4: routines whose how-often words the week's routines contradict, each with
    whether its week is a race's (a race in it or in the week before)."""
    weeks: dict[tuple[str, int], list[CareRoutine]] = {}
    for r in plan.care:
        weeks.setdefault((r.injury, (r.day - plan.start).days // 7), []).append(r)
    raced = {(race.day - plan.start).days // 7 for race in plan.race_days}
    out = []
    for (injury, week), routines in sorted(weeks.items()):
        full = sum(not r.lightest for r in routines)
        lightest = len(routines) - full
        for r in routines:
            said = re.search(SAID, r.why)
            if r.lightest or said is None:
                continue
            light_said = re.search(LIGHTEST_SAID, r.why)
            said_light = TIMES[light_said.group(1)] if light_said else 0
            if TIMES[said.group(1)] < full or said_light != lightest:
                race = week in raced or week - 1 in raced
                out.append(
                    (
                        race,
                        f"{r.day} {injury}: '{said.group(0)}', {said_light} lightest said;"
                        f" the week shows {full} full and {lightest} lightest",
                    )
                )
    return out


def stage_dose_faults(plan: Plan, catalogue: Catalogue) -> list[str]:
    """Fault 5: "(the stage's dose is ...)" said of an exercise the routine's stage does
    not hold, or in a lightest form."""
    out = []
    for r in plan.care:
        protocol = catalogue.protocols[r.injury]
        stage = {item.exercise for item in protocol.stage(r.stage).items}
        for p in r.exercises:
            name = NAME_STARTS + re.escape(catalogue[p.exercise].name.lower())
            if re.search(name + r" at [^()]*\(the stage's dose is", r.why.lower()) and (
                r.lightest or p.exercise not in stage
            ):
                out.append(f"{r.day} {r.injury} stage {r.stage}: {p.exercise}")
    return out


KEYS = (
    "1 care doses falling with no reason",
    "2 words the numbers contradict",
    "3 hard rule violations",
    "4 frequency words the week's routines contradict",
    "4 of them in race weeks",
    "5 stage-dose words of another stage or form",
)


def count(plan: Plan, catalogue: Catalogue, profile: Profile, runs: list[Run]) -> Counter[str]:
    found = exposures(plan, catalogue, care_weeks(profile, runs))
    c: Counter[str] = Counter()
    c["1 care doses falling with no reason"] = len(falls(found))
    c["2 words the numbers contradict"] = len(word_faults(found, catalogue, plan.start))
    c["3 hard rule violations"] = sum(v.hard for v in plan.violations)
    often = frequency_faults(plan)
    c["4 frequency words the week's routines contradict"] = len(often)
    c["4 of them in race weeks"] = sum(race for race, _ in often)
    c["5 stage-dose words of another stage or form"] = len(stage_dose_faults(plan, catalogue))
    c["care exposures"] = len(found)
    return c


def main(athletes: int) -> None:
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    examples: dict[str, str] = {}
    made = number = 0
    while made < athletes:
        profile, runs = random_athlete(random.Random(4400 + number), 16)
        number += 1
        if not profile.injuries:
            continue
        made += 1
        plan = make_plan(profile, runs, catalogue)
        total += count(plan, catalogue, profile, runs)
        found = exposures(plan, catalogue, care_weeks(profile, runs))
        words = word_faults(found, catalogue, plan.start)
        often = [fault for _, fault in frequency_faults(plan)]
        stages = stage_dose_faults(plan, catalogue)
        for name, faults in (
            ("falls", falls(found)),
            ("words", words),
            ("frequency", often),
            ("stage dose", stages),
        ):
            if faults and name not in examples:
                examples[name] = f"{faults[0]} [{', '.join(profile.injuries)}]"
    print(f"{made} random injured athletes of 16 weeks:")
    for key in (*KEYS, "care exposures"):
        print(f"  {key}: {total[key]}")
    for name, example in examples.items():
        print(f"  e.g. {name}: {example}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
