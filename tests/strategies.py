"""Hypothesis strategies for running calendars and athlete profiles, and the small builders
they share: a day away on a work trip, a profile with a given problem."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import strategies as st

from legday.model import (
    EVENTS,
    INJURIES,
    PRIORITIES,
    Equipment,
    Level,
    Profile,
    Run,
    RunKind,
)
from legday.profiles import BODY_KG

START = date(2027, 1, 4)
KIND_WEIGHTS = (
    [RunKind.EASY] * 5 + [RunKind.HARD] * 3 + [RunKind.LONG] * 2 + [RunKind.RACE, RunKind.REST]
)
# Timed events that are not running (`no-overlap`); most days have none.
BUSY_TITLES = ("Bike: endurance ride", "Swim: easy 1500 m", "Team meeting", "Physio")
BUSY_PER_DAY = (0, 0, 0, 1, 1, 2)
# Race titles: long ones (a goal unless a longer one follows) and short ones
RACE_TITLES = ("race", "City Marathon", "Half marathon", "club 5K", "Cross-country league")


# Each calendar takes about a thousand draws: the strategies are built once, here, not
# for every draw (building them was most of a 16-week calendar's 100 ms).
_BEGINS = st.integers(5 * 12, 23 * 12)  # in 5 minutes since midnight
_LASTS = st.sampled_from([20, 30, 45, 60, 90, 120, 240])
_BUSY_TITLE = st.sampled_from(BUSY_TITLES)
_BUSY_COUNT = st.sampled_from(BUSY_PER_DAY)
_RUN_COUNT = st.integers(0, 2)
_KIND = st.sampled_from(KIND_WEIGHTS)
_NOT_A_RACE = st.integers(0, 5)
_TIMED = st.booleans()
_HOUR = st.integers(5, 21)
_QUARTER = st.sampled_from([0, 15, 30, 45])
_MINUTES = st.sampled_from([30, 45, 60, 90, 150, 210])
_RACE_TITLE = st.sampled_from(RACE_TITLES)
_STRENGTH = st.integers(0, 30)
_PRIORITY = st.sampled_from(PRIORITIES)


@st.composite
def busy_time(draw: st.DrawFn, day: date) -> Run:
    """A timed event that is not running: a ride, a swim, a meeting, from 05:00 to late."""
    return _busy_time(draw, day)


def _busy_time(draw: st.DrawFn, day: date) -> Run:
    begins = draw(_BEGINS) * 5  # minutes since midnight
    ends = min(begins + draw(_LASTS), 23 * 60 + 59)
    return Run(
        day,
        draw(_BUSY_TITLE),
        RunKind.REST,
        time(begins // 60, begins % 60),
        time(ends // 60, ends % 60),
        ends - begins,
        busy=True,
    )


def work_trip(day: date) -> Run:
    """A day away on a work trip, as the calendar reader gives it: busy all day."""
    return Run(day, "Work trip", RunKind.REST, time.min, time(23, 59), 24 * 60 - 1, busy=True)


def work_trips(start: date, weeks: int, most: int) -> st.SearchStrategy[list[Run]]:
    """Up to `most` days away on work trips, anywhere in the plan's `weeks`."""
    days = st.sets(st.integers(0, 7 * weeks - 1), max_size=most)
    return days.map(lambda offsets: [work_trip(start + timedelta(days=d)) for d in offsets])


@st.composite
def runs_for(draw: st.DrawFn, start: date, weeks: int, busy: bool = True) -> list[Run]:
    """A random running calendar: 0-2 entries a day, some timed, a few races and strength;
    with `busy`, some days also hold timed rides, swims or meetings."""
    runs: list[Run] = []
    for offset in range(-1, 7 * weeks + 1):
        day = start + timedelta(days=offset)
        if busy:
            for _ in range(draw(_BUSY_COUNT)):
                runs.append(_busy_time(draw, day))
        for _ in range(draw(_RUN_COUNT)):
            kind = draw(_KIND)
            if kind is RunKind.RACE and draw(_NOT_A_RACE):
                kind = RunKind.EASY  # races are rare
            timed = draw(_TIMED)
            begin = time(draw(_HOUR), draw(_QUARTER))
            minutes = draw(_MINUTES)
            end_minutes = begin.hour * 60 + begin.minute + minutes
            end = (
                time(end_minutes // 60, end_minutes % 60) if timed and end_minutes < 1440 else None
            )
            race = kind is RunKind.RACE
            runs.append(
                Run(
                    day,
                    draw(_RACE_TITLE) if race else f"{kind.value} run",
                    kind,
                    begin if timed else None,
                    end,
                    minutes,
                    is_strength=draw(_STRENGTH) == 0,
                    # as the calendar reader or an override gave it: A, B, C or not known
                    priority=draw(_PRIORITY) if race else None,
                )
            )
    return runs


@st.composite
def windows(draw: st.DrawFn) -> tuple[tuple[int, time, time], ...]:
    """Time windows on some weekdays: early, short, long or late; some too short to use."""
    found = []
    for day in sorted(draw(st.sets(st.integers(0, 6), max_size=7))):
        opens = draw(st.integers(5 * 12, 22 * 12)) * 5  # minutes since midnight
        closes = min(opens + draw(st.sampled_from([20, 30, 45, 60, 90, 150, 600])), 23 * 60 + 59)
        found.append((day, time(opens // 60, opens % 60), time(closes // 60, closes % 60)))
    return tuple(found)


@st.composite
def profiles(draw: st.DrawFn, max_weeks: int = 12) -> Profile:
    start = START + timedelta(days=draw(st.integers(0, 6)))
    kit = draw(st.sets(st.sampled_from(list(Equipment))))
    # races the athlete names (some beyond the plan's end), each with a priority or none
    races = sorted(
        start + timedelta(days=d) for d in draw(st.sets(st.integers(0, 7 * max_weeks), max_size=3))
    )
    given = [(day, p) for day in races if (p := draw(st.sampled_from(PRIORITIES))) is not None]
    return Profile(
        start=start,
        weeks=draw(st.integers(1, max_weeks)),
        sessions=draw(st.sampled_from([None, 2, 3])),
        injuries=tuple(draw(st.sets(st.sampled_from(list(INJURIES)), max_size=2))),
        equipment=frozenset(kit) | {Equipment.BODYWEIGHT, Equipment.WALL},
        level=draw(st.sampled_from(list(Level))),
        minutes=draw(st.sampled_from([30, 45, 60])),
        days=frozenset(draw(st.sets(st.integers(0, 6), min_size=1))),
        recovery_every=draw(st.integers(3, 6)),
        seed=draw(st.integers(0, 2**16)),
        blocked=frozenset(
            start + timedelta(days=d)
            for d in draw(st.sets(st.integers(0, 7 * max_weeks), max_size=5))
        ),
        windows=draw(st.one_of(st.just(()), windows())),
        races=tuple(races),
        race_priorities=tuple(given),
    )


# Weights an athlete may own (kg): dumbbell pairs and kettlebells by weight, plates by
# pair (repeats allowed), and bars from a light technique bar to a standard one.
DUMBBELL_KG = (1.0, 2.0, 2.5, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0, 12.0, 12.5, 15.0, 20.0, 22.5, 30.0)
KETTLEBELL_KG = (4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 32.0, 48.0)
PLATE_KG = (0.5, 1.25, 2.5, 5.0, 10.0, 15.0, 20.0, 25.0)
BAR_KG = (7.0, 10.0, 15.0, 20.0)
HALF_KG = tuple(round(2 * kg) for kg in BODY_KG)  # the body weights a profile takes, in half kg


@st.composite
def athletes(draw: st.DrawFn, max_weeks: int = 12) -> Profile:
    """Any athlete at all: `profiles`, with any number of problems at once (none to all),
    the weights they own (or none listed: a typical set), a body weight (or none given:
    a light runner's is assumed), an age from teenager to old, an event, a dominant leg
    and races of any priority (`profiles` gives those)."""
    base = draw(profiles(max_weeks=max_weeks))
    kit = set(base.equipment)
    owned: dict[str, tuple[float, ...]] = {}
    for field, kgs, implement in (
        ("dumbbells_kg", DUMBBELL_KG, Equipment.DUMBBELLS),
        ("kettlebells_kg", KETTLEBELL_KG, Equipment.KETTLEBELL),
    ):
        weights = tuple(sorted(draw(st.sets(st.sampled_from(kgs), max_size=6))))
        owned[field] = weights
        if weights:  # as the profile reader does: owning weights means owning the kit
            kit.add(implement)
    plates = tuple(sorted(draw(st.lists(st.sampled_from(PLATE_KG), max_size=8))))
    if plates:
        kit.add(Equipment.BARBELL)
    return replace(
        base,
        injuries=tuple(draw(st.lists(st.sampled_from(list(INJURIES)), unique=True))),
        equipment=frozenset(kit),
        dumbbells_kg=owned["dumbbells_kg"],
        kettlebells_kg=owned["kettlebells_kg"],
        plates_kg=plates,
        bar_kg=draw(st.sampled_from(BAR_KG)),
        body_kg=draw(st.one_of(st.none(), st.integers(*HALF_KG).map(lambda half: half / 2))),
        age=draw(st.one_of(st.none(), st.integers(12, 90))),
        event=draw(st.one_of(st.none(), st.sampled_from(EVENTS))),
        dominant_leg=draw(st.sampled_from([None, "left", "right"])),
    )


@st.composite
def racers(draw: st.DrawFn) -> tuple[Profile, list[Run]]:
    """An intermediate or advanced racer (10K to half marathon) a coach might plan for: one
    or two hard runs and a long run a week, easy running between, an A race in weeks 8-13
    and a B race about half-way to it, the weights they own (dumbbell pairs in 2 kg steps up
    to 10-24 kg, sometimes kettlebells or a barbell), now and then a problem to care for."""
    start = START
    a_week = draw(st.integers(7, 12))
    b_week = draw(st.integers(max(1, a_week // 2 - 1), a_week // 2 + 1))
    a_race = start + timedelta(weeks=a_week, days=draw(st.sampled_from([5, 6])))
    b_race = start + timedelta(weeks=b_week, days=draw(st.sampled_from([5, 6])))
    hard = draw(st.sets(st.integers(0, 4), min_size=1, max_size=2))
    long_day = draw(st.sampled_from([5, 6]))
    easy = draw(st.sets(st.integers(0, 6)))
    weeks = a_week + 2
    runs: list[Run] = []
    for offset in range(7 * weeks):
        day = start + timedelta(days=offset)
        if day in (a_race, b_race) or day + timedelta(days=1) in (a_race, b_race):
            continue
        weekday = day.weekday()
        if weekday in hard:
            runs.append(Run(day, "Intervals", RunKind.HARD, time(18, 30), None, 60))
        elif weekday == long_day:
            runs.append(Run(day, "Long run", RunKind.LONG, time(8), None, 100))
        elif weekday in easy:
            runs.append(Run(day, "Easy run", RunKind.EASY, time(7), None, 40))
    runs.append(Run(b_race, "10K race", RunKind.RACE, time(9), None, 45, priority="B"))
    runs.append(Run(a_race, "Half marathon", RunKind.RACE, time(9), None, 95, priority="A"))
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}
    kit |= draw(st.sets(st.sampled_from([Equipment.BENCH, Equipment.STEP, Equipment.BAND])))
    bells = tuple(sorted(draw(st.sets(st.sampled_from([8.0, 12.0, 16.0, 20.0, 24.0]), max_size=2))))
    if bells:
        kit.add(Equipment.KETTLEBELL)
    if draw(st.integers(0, 3)) == 0:
        kit.add(Equipment.BARBELL)
    lightest, heaviest = draw(st.sampled_from([2, 4, 6])), draw(st.sampled_from(range(10, 25, 2)))
    profile = Profile(
        start=start,
        weeks=weeks,
        sessions=draw(st.sampled_from([None, 2, 3])),
        injuries=tuple(draw(st.sets(st.sampled_from(list(INJURIES)), max_size=1))),
        level=draw(st.sampled_from([Level.INTERMEDIATE, Level.ADVANCED])),
        equipment=frozenset(kit),
        minutes=draw(st.sampled_from([30, 45, 60])),
        recovery_every=draw(st.integers(3, 6)),
        seed=draw(st.integers(0, 2**16)),
        dumbbells_kg=tuple(float(kg) for kg in range(lightest, heaviest + 1, 2)),
        kettlebells_kg=bells,
        age=draw(st.sampled_from([None, None, 35, 52])),
    )
    return profile, runs


def with_problem(profile: Profile, injury: str) -> Profile:
    """The profile with `injury` first among its problems (once)."""
    return replace(profile, injuries=tuple(dict.fromkeys((injury, *profile.injuries))))


BELLS = (8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0)


@st.composite
def heavy_kit_athletes(
    draw: st.DrawFn, *, barbell: bool | None = None, beginner: bool = False
) -> tuple[Profile, list[Run]]:
    """An intermediate or advanced runner (`beginner`: a beginner) with heavy kit, 16
    weeks: several kettlebells 4 kg apart (a rack with far steps, 8 to 12 and 12 to 16 kg),
    a barbell (`barbell` True: sometimes with a gym's dumbbells and bells too), or either;
    one or two hard runs and a long run a week, easy running between, sometimes a season
    of C meets in the second half, a goal race near the end, and now and then a body
    weight in the profile."""
    weeks = 16
    hard = draw(st.sets(st.integers(0, 4), min_size=1, max_size=2))
    long_day = draw(st.sampled_from([5, 6]))
    easy = draw(st.sets(st.integers(0, 6)))
    meets = draw(st.sets(st.integers(8, weeks - 2), max_size=4))
    goal = START + timedelta(weeks=draw(st.integers(11, 20)), days=long_day)
    runs: list[Run] = []
    for offset in range(7 * weeks):
        day = START + timedelta(days=offset)
        weekday, week = day.weekday(), offset // 7
        if day in (goal, goal - timedelta(days=1)):
            continue
        if weekday == 5 and week in meets:
            runs.append(Run(day, "C meet: 1500m", RunKind.RACE, time(14), None, 30, priority="C"))
        elif weekday in hard:
            runs.append(Run(day, "Intervals", RunKind.HARD, time(18, 30), None, 60))
        elif weekday == long_day:
            runs.append(Run(day, "Long run", RunKind.LONG, time(8), None, 100))
        elif weekday in easy:
            runs.append(Run(day, "Easy run", RunKind.EASY, time(7), None, 40))
    runs.append(Run(goal, "10K race", RunKind.RACE, time(9), None, 45, priority="A"))
    kit = {Equipment.BODYWEIGHT, Equipment.WALL}
    kit |= draw(st.sets(st.sampled_from([Equipment.BENCH, Equipment.STEP, Equipment.BAND])))
    owns = draw(st.sampled_from(["kettlebell", "barbell", "both"])) if barbell is None else ""
    if barbell and draw(st.booleans()):  # a gym's dumbbells or bells beside the bar
        owns = "both"
        kit.add(Equipment.DUMBBELLS)
    bells: tuple[float, ...] = ()
    if barbell is False or owns in ("kettlebell", "both"):
        first = draw(st.integers(0, 2))
        bells = BELLS[first : first + draw(st.integers(3, 5))]
        kit.add(Equipment.KETTLEBELL)
    if barbell or owns in ("barbell", "both"):
        kit.add(Equipment.BARBELL)
    profile = Profile(
        start=START,
        weeks=weeks,
        sessions=draw(st.sampled_from([None, 2, 3])),
        level=Level.BEGINNER
        if beginner
        else draw(st.sampled_from([Level.INTERMEDIATE, Level.ADVANCED])),
        equipment=frozenset(kit),
        minutes=draw(st.sampled_from([30, 45, 60])),
        recovery_every=draw(st.integers(3, 6)),
        seed=draw(st.integers(0, 2**16)),
        kettlebells_kg=bells,
        event=draw(st.sampled_from([None, "track", "10k", "ultra"])),
        age=draw(st.sampled_from([None, None, 35, 52])),
        body_kg=draw(st.sampled_from([None, 52.0, 64.0, 78.0, 90.0])),
    )
    return profile, runs
