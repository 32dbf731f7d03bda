"""Injury care as dosed protocols: what to do for a problem, how often, and when to move on.

A strength session's own care work follows the strength schedule; rehabilitation needs
frequent small doses that continue through recovery weeks. Each protocol is reviewed data
(`protocols/<condition>.toml` under `schema.json`, read by `loader.py`): its stages, each
with exercises, sets and reps or holds, and a frequency (daily, every other day, three
times a week); the criterion for moving up a stage; the lightest form, the only one
allowed after a hard run; and the studies behind it (docs/injury-care.md).

Pure: the types and the arithmetic of a week's dose, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from legday.model import UNSURE, Citation, Exercise, ExerciseKind, Muscle, Race, Run, RunKind

__all__ = [
    "CALF_PROBLEMS",
    "DISCLAIMER",
    "KNEE_PROBLEMS",
    "LAST_START",
    "MOST_KNEE_DAYS",
    "REFERENCE_BODY_KG",
    "CareItem",
    "CareProtocol",
    "CareStage",
    "CareStep",
    "FirstLoad",
    "Frequency",
    "avoided",
    "cared_for",
    "days_after_races",
    "days_before_races",
    "leaves_no_time",
    "loads_the_knee",
    "no_room_for_care",
    "one_leg_when_light",
]

LAST_START = time(22, 0)  # no routine starts later: a run ending then takes the day
# the problems whose care loads the calf and its tendon: a session's calf lift and any of
# their routines load the same tendon, so their every-other-day spacing counts them all
CALF_PROBLEMS = frozenset({"achilles", "achilles-insertional", "plantar-fascia", "shin-splints"})
# the problems whose care loads the front of the knee: their routines, and every session or
# routine that bends a loaded knee (`loads_the_knee`), are knee days, and knee days want a
# day between them (patellofemoral pain settles when the joint's load stays within what it
# tolerates, with recovery between loadings: Dye 2005), at most `MOST_KNEE_DAYS` a week
KNEE_PROBLEMS = frozenset({"runners-knee"})
KNEE_PATTERNS = frozenset({"squat", "lunge"})  # knee-dominant strength work
MOST_KNEE_DAYS = 4


def loads_the_knee(exercise: Exercise) -> bool:
    """Knee-dominant work, what loads the front of the knee: a squat, lunge or step pattern
    (a wall sit, a split squat, a step-down; fast ones too), or a jump whose landing the
    thigh absorbs."""
    if exercise.kind is ExerciseKind.PLYOMETRIC:
        return Muscle.QUADS in exercise.muscles
    return exercise.kind is ExerciseKind.STRENGTH and exercise.pattern in KNEE_PATTERNS


# the body mass a bodyweight-relative load need is reckoned for: a light adult runner
REFERENCE_BODY_KG = 60.0
# After a race the legs carry its damage (sore muscles, a tendon loaded for an hour or
# hours at race effort): the days that take only the lightest form of care, by priority.
# An A race is run all out and a week of care at its lightest follows; a B race takes
# three days, a C race (short or club) the day after; a long race (two hours or more on
# the calendar: a half marathon for most, a marathon, a long trail) five at the least,
# whatever its priority.
AFTER_RACE_DAYS = {"A": 7, "B": 3, "C": 1}
LONG_RACE_MINUTES = 120
AFTER_LONG_RACE_DAYS = 5
# the days before a race that take only the lightest form: the legs come to it fresh
BEFORE_RACE_DAYS = {"A": 3, "B": 2}


# A problem whose care another of the athlete's problems gives, more cautiously: Achilles
# pain both where the tendon meets the heel and higher up takes the insertional protocol,
# whose floor-level loading suits both (Jonsson et al. 2008), never both protocols at once.
COVERED_BY = {"achilles": "achilles-insertional"}


def cared_for(injuries: Iterable[str]) -> tuple[str, ...]:
    """The athlete's problems whose own protocol runs (`COVERED_BY`)."""
    named = tuple(injuries)
    return tuple(i for i in named if COVERED_BY.get(i) not in named)


def avoided(protocols: Mapping[str, CareProtocol], injuries: Iterable[str]) -> frozenset[str]:
    """The exercises the athlete's problems keep out of the plan (`CareProtocol.avoid`)."""
    return frozenset(
        exercise
        for injury in injuries
        if (protocol := protocols.get(injury)) is not None
        for exercise in protocol.avoid
    )


def closed_to_care(races: Iterable[Race], blocked: Iterable[date]) -> dict[date, str]:
    """Days that hold no routine, with the reason: race days, the eve of an A race, and
    the days the athlete blocked. The planner leaves them; `care-routine` checks them."""
    closed: dict[date, str] = {}
    for race in races:
        closed[race.day] = "a race day"
        if race.priority == "A":
            closed.setdefault(race.day - timedelta(days=1), "the day before an A race")
    for day in blocked:
        closed.setdefault(day, "a day you blocked")
    return closed


def days_after_races(
    races: Iterable[Race], by_day: Mapping[date, Iterable[Run]] | None = None
) -> frozenset[date]:
    """The days after each race when the legs are still sore from it: care keeps to its
    lightest form (`AFTER_RACE_DAYS` by priority, more after a long race: `by_day` gives
    the race's minutes). Heavy tendon or knee loading the day after a 30K asks a tired
    tissue for more just when it needs to recover."""
    days: set[date] = set()
    for race in races:
        after = AFTER_RACE_DAYS.get(race.priority, 1)
        if race_minutes(race.day, (by_day or {}).get(race.day, ())) >= LONG_RACE_MINUTES:
            after = max(after, AFTER_LONG_RACE_DAYS)
        days.update(race.day + timedelta(days=n) for n in range(1, after + 1))
    return frozenset(days)


def race_minutes(day: date, entries: Iterable[Run]) -> int:
    """How long the day's race lasts on the calendar (its minutes, else its start to its
    end); 0 when no entry says."""
    longest = 0
    for run in entries:
        if run.kind is not RunKind.RACE or not run.running:
            continue
        minutes = run.minutes or 0
        if not minutes and run.start is not None and run.end is not None:
            start = datetime.combine(day, run.start)
            minutes = int((datetime.combine(day, run.end) - start).total_seconds() // 60)
        longest = max(longest, minutes)
    return longest


def days_before_races(races: Iterable[Race]) -> frozenset[date]:
    """The last days before each A race (three) and B race (two): care keeps to its
    lightest form, so no loading tires the tendon the race is about to need."""
    return frozenset(
        race.day - timedelta(days=n)
        for race in races
        for n in range(1, BEFORE_RACE_DAYS.get(race.priority, 0) + 1)
    )


def unsure_day(entries: Iterable[Run]) -> bool:
    """A day holding an entry legday is unsure of (it may be a race) waits for the
    athlete's word: it holds no routine, and owes none."""
    return any(r.confidence < UNSURE and not r.is_strength for r in entries)


def leaves_no_time(entries: Iterable[Run]) -> bool:
    """A run that ends late (or past midnight, whose end reads 23:59) leaves no time for a
    routine after it (`run-first`): that day holds none, and owes none."""
    ends = [r.finish for r in entries if r.running and r.finish is not None]
    return bool(ends) and max(ends) >= LAST_START


# the day a routine may use: from FIRST_START to LAST_START; busy time (a trip, a day of
# meetings) leaving no gap of MOST_ROUTINE_MINUTES between them leaves no room for one
FIRST_START = time(5, 0)
MOST_ROUTINE_MINUTES = 15  # the longest routine a protocol may have (docs/injury-care.md)


def no_room_for_care(entries: Iterable[Run]) -> bool:
    """Busy time covers the day (a trip: away all day; meetings back to back), leaving no
    gap a routine fits: that day holds none, and owes none. A coach's read found a stage-3
    shin routine on a day the calendar marked as a work trip, with no start time."""
    spans = sorted(
        (r.start, r.finish) for r in entries if r.busy and r.start is not None and r.finish
    )
    if not spans:
        return False
    free_from = datetime.combine(date.min, FIRST_START)
    need = timedelta(minutes=MOST_ROUTINE_MINUTES)
    for start, finish in spans:
        if datetime.combine(date.min, start) - free_from >= need:
            return False
        free_from = max(free_from, datetime.combine(date.min, finish))
    return datetime.combine(date.min, LAST_START) - free_from < need


DISCLAIMER = (
    "legday does not diagnose. These routines are general care for a problem you have named; "
    "pain that persists, is severe or keeps getting worse needs a physiotherapist or doctor."
)


class Frequency(StrEnum):
    """How often a stage is done; `per_week` is the weekly dose the `care-routine` rule
    asks for (every other day is at least three days in any week)."""

    DAILY = "daily"
    EVERY_OTHER_DAY = "every-other-day"
    THREE_A_WEEK = "3-per-week"

    @property
    def per_week(self) -> int:
        return {"daily": 7, "every-other-day": 3, "3-per-week": 3}[self.value]

    @property
    def min_gap_days(self) -> int:
        """Days from one routine to the next at the least (daily: the next day)."""
        return 1 if self is Frequency.DAILY else 2

    @property
    def words(self) -> str:
        return {
            "daily": "every day",
            "every-other-day": "every other day",
            "3-per-week": "three times a week",
        }[self.value]


class FirstLoad(StrEnum):
    """Where a loaded care item's kilograms start, as the protocol writes it: a physio
    starting a sore knee on split squats hands over the lightest dumbbell after the
    bodyweight sets, while heavy slow resistance for a tendon starts near a 15-rep
    maximum (Beyer 2015), heavy by design. Each step after the first is one owned weight
    heavier (`CareItem.in_week`)."""

    LIGHTEST = "lightest"  # the lightest weight the athlete owns for it
    LEVEL = "level"  # the lift's conservative start for the athlete's level (`start_load`)


@dataclass(frozen=True, slots=True)
class CareStep:
    """From `week` of its stage on (the stage's first week is 1), an item's dose: how a
    heavy stage rises week by week, as its study did (Beyer 2015: a 15- to a 6-rep
    maximum over twelve weeks). A step of an item done with a weight is one owned
    weight heavier than the step before (`CareItem.in_week`)."""

    week: int
    sets: int
    reps: int | None = None
    seconds: int | None = None
    loaded: bool | None = None  # from this step on, with an owned weight; None keeps the item's


@dataclass(frozen=True, slots=True)
class CareItem:
    """One exercise of a care stage: sets of reps or of timed holds; with `steps`, the
    dose rises within the stage, capped at the last step.

    A `loaded` item is done with a weight the athlete owns: the protocol says where its
    load starts (`first_load`: the lightest owned weight, or the lift's start for the
    athlete's level) and how much heavier than that start it is (`heavier`, in steps of
    their own rack), and the planner turns that into kilograms and an implement
    (`planner.care.loads.for_kit`); the
    words come from those numbers, as a strength lift's do. The protocol names no rep
    maximum: its effort is the prescription's RPE, so the words cannot contradict it."""

    exercise: str  # a catalogue id
    sets: int
    reps: int | None = None
    seconds: int | None = None
    tempo: str = ""  # "" keeps the catalogue's
    rest_seconds: int = 60
    steps: tuple[CareStep, ...] = ()  # by week, in order
    # the added load (a share of body mass) two legs need at this item's heaviest sets;
    # with less in hand the item is done one leg at a time (`one_leg_when_light`)
    two_legs_load: float | None = None
    one_leg: bool = False  # done one leg at a time, though the exercise is two-legged
    loaded: bool = False  # done with an owned weight (none owned: an improvised one)
    first_load: FirstLoad = FirstLoad.LIGHTEST  # where its kilograms start (`FirstLoad`)
    heavier: int = 0  # owned weights above the athlete's start for it (0: the start)
    load_kg: float | None = None  # for the athlete's kit (`planner.care.loads.for_kit`)
    implement: str = ""  # one of model.IMPLEMENTS; "" without a weight

    def in_week(self, week: int) -> CareItem:
        """The item as dosed in `week` (1, 2, ...) of its stage: the latest step reached,
        so the dose holds at the last step however long the stage lasts. Each step of a
        loaded item is one owned weight heavier; a step that brings the weight in starts
        at the item's own."""
        reached = [step for step in self.steps if step.week <= week]
        if not reached:
            return self
        loaded, heavier = self.loaded, self.heavier
        for step in reached:
            now = loaded if step.loaded is None else step.loaded
            heavier += 1 if now and loaded else 0
            loaded = now
        step = reached[-1]
        return replace(
            self,
            sets=step.sets,
            reps=step.reps if step.reps is not None else self.reps,
            seconds=step.seconds if step.seconds is not None else self.seconds,
            loaded=loaded,
            heavier=heavier,
        )


def one_leg_when_light(item: CareItem, heaviest_kg: float) -> CareItem:
    """The item one leg at a time when the heaviest load the athlete can hold (both
    hands, `heaviest_kg`) is below what two legs need at its heaviest sets: a 10-rep
    two-legged raise near its maximum is out of reach with a pair of 10 kg dumbbells,
    and one leg doubles the load each calf carries. legday does not know body mass, so
    the need is reckoned for a light adult runner (`REFERENCE_BODY_KG`): a heavier one
    needs more still, so the rule errs towards one leg, never towards a load too light
    to count. The words follow from the item (`planner.care`)."""
    need = item.two_legs_load
    if need is None or item.one_leg or heaviest_kg >= need * REFERENCE_BODY_KG:
        return item
    return replace(item, one_leg=True)


@dataclass(frozen=True, slots=True)
class CareStage:
    number: int  # 1, 2, ...
    name: str
    aim: str
    frequency: Frequency
    items: tuple[CareItem, ...]
    # what to pass, on the protocol's test (`CareProtocol.test`), before the next stage:
    # the athlete moves on by it, not by the calendar ("" for the last stage)
    move_on: str = ""

    def items_in_week(self, week: int) -> tuple[CareItem, ...]:
        """The stage's items as dosed in its `week` (1, 2, ...)."""
        return tuple(item.in_week(week) for item in self.items)


@dataclass(frozen=True, slots=True)
class CareProtocol:
    """A condition's protocol: stages in order, the rule for moving up, the evidence."""

    condition: str  # an id of model.INJURIES
    name: str
    summary: str
    stages: tuple[CareStage, ...]
    advance_after_weeks: int  # pain-free weeks at a stage before the next
    max_pain: int  # pain during the exercise that is acceptable (0-10)
    lightest: tuple[CareItem, ...]  # the only form allowed after a hard run
    lightest_daily: bool  # whether the protocol needs loading on hard-run days too
    citations: tuple[Citation, ...]
    # a test the athlete can do alone, before starting and at the end of each stage; each
    # stage's `move_on` says what to pass on it ("" without one)
    test: str = ""
    # exercises this problem keeps out of the whole plan (sessions, warm-ups, cool-downs):
    # an inserting Achilles tendon is pressed against the heel bone when the heel drops
    # below the forefoot, so no heel drops off a step (Jonsson et al. 2008)
    avoid: frozenset[str] = frozenset()

    def stage(self, number: int) -> CareStage:
        """Stage `number`, held inside the protocol's range."""
        return self.stages[min(max(number, 1), len(self.stages)) - 1]

    def expected(self, first: int, week: int) -> tuple[CareStage, int]:
        """The stage expected `week` weeks (0, 1, ...) after starting at stage `first`,
        one up every `advance_after_weeks` weeks, and the week within it (1, 2, ...):
        the last stage lasts, so its weeks go on counting."""
        first = min(max(first, 1), len(self.stages))
        every = self.advance_after_weeks
        number = first + week // every
        last = len(self.stages)
        if number < last:
            return self.stages[number - 1], week % every + 1
        return self.stages[last - 1], week - (last - first) * every + 1
