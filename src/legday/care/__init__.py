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

from legday.model import UNSURE, Citation, Race, Run, RunKind

__all__ = [
    "CALF_PROBLEMS",
    "DISCLAIMER",
    "LAST_START",
    "REFERENCE_BODY_KG",
    "CareItem",
    "CareProtocol",
    "CareStage",
    "CareStep",
    "Frequency",
    "days_after_races",
    "days_before_races",
    "leaves_no_time",
    "no_room_for_care",
    "one_leg_when_light",
]

LAST_START = time(22, 0)  # no routine starts later: a run ending then takes the day
# the problems whose care loads the calf and its tendon: a session's calf lift and any of
# their routines load the same tendon, so their every-other-day spacing counts them all
CALF_PROBLEMS = frozenset({"achilles", "plantar-fascia", "shin-splints"})


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


@dataclass(frozen=True, slots=True)
class CareStep:
    """From `week` of its stage on (the stage's first week is 1), an item's dose: how a
    heavy stage rises week by week, as its study did (Beyer 2015: a 15- to a 6-rep
    maximum over twelve weeks)."""

    week: int
    sets: int
    reps: int | None = None
    seconds: int | None = None
    load: str = ""  # "" keeps the item's


@dataclass(frozen=True, slots=True)
class CareItem:
    """One exercise of a care stage: sets of reps or of timed holds; with `steps`, the
    dose rises within the stage, capped at the last step."""

    exercise: str  # a catalogue id
    sets: int
    reps: int | None = None
    seconds: int | None = None
    load: str = "bodyweight"  # how heavy, in words (e.g. "a 12-rep maximum")
    tempo: str = ""  # "" keeps the catalogue's
    rest_seconds: int = 60
    steps: tuple[CareStep, ...] = ()  # by week, in order
    # the added load (a share of body mass) two legs need at this item's rep maximums;
    # with less in hand the item is done one leg at a time (`one_leg_when_light`)
    two_legs_load: float | None = None
    one_leg: bool = False  # done one leg at a time, though the exercise is two-legged

    def in_week(self, week: int) -> CareItem:
        """The item as dosed in `week` (1, 2, ...) of its stage: the latest step reached,
        so the dose holds at the last step however long the stage lasts."""
        reached = [step for step in self.steps if step.week <= week]
        if not reached:
            return self
        step = reached[-1]
        return replace(
            self,
            sets=step.sets,
            reps=step.reps if step.reps is not None else self.reps,
            seconds=step.seconds if step.seconds is not None else self.seconds,
            load=step.load or self.load,
        )


def one_leg_when_light(item: CareItem, heaviest_kg: float) -> CareItem:
    """The item one leg at a time when the heaviest load the athlete can hold (both
    hands, `heaviest_kg`) is below what two legs need at its rep maximum: a 10-rep
    maximum two-legged raise is out of reach with a pair of 10 kg dumbbells, and one leg
    doubles the load each calf carries. legday does not know body mass, so the need is
    reckoned for a light adult runner (`REFERENCE_BODY_KG`): a heavier one needs more
    still, so the rule errs towards one leg, never towards a load too light to count."""
    need = item.two_legs_load
    if need is None or item.one_leg or heaviest_kg >= need * REFERENCE_BODY_KG:
        return item
    if heaviest_kg > 0:
        words = (
            "one leg at a time, the weight on the working side and a hand on a support "
            f"(two legs would need more than your {heaviest_kg:g} kg to reach this load): "
            f"{item.load}"
        )
    else:  # no weight in the kit to hold for it: no "more than your 0 kg", but what to use
        words = (
            "one leg at a time, a hand on a support and a backpack loaded with plates or "
            f"books for weight (no weight in your kit for it): {item.load}"
        )
    return replace(item, one_leg=True, load=words)


@dataclass(frozen=True, slots=True)
class CareStage:
    number: int  # 1, 2, ...
    name: str
    aim: str
    frequency: Frequency
    items: tuple[CareItem, ...]

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
