"""The athletes of the coaches' reads, and the builders the planner tests share: random
athletes' plans (`random_plans`) and a random calendar given the reads' races
(`with_tune_up_and_goal`).

The coach's injured half-marathoner (coach's read): Achilles pain and runner's knee,
intermediate, dumbbells of 6, 8 and 10 kg, 45 minutes, a B race (10 mile) at the end of
week 7 and the A race (half marathon) at the end of week 12."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

from bench.athletes import random_athlete

from legday.catalogue import Catalogue
from legday.model import Equipment, Level, Plan, Profile, Run, RunKind
from legday.planner import make_plan
from strategies import work_trip

START = date(2027, 1, 4)
B_RACE = START + timedelta(weeks=6, days=6)
A_RACE = START + timedelta(weeks=11, days=6)


def half_marathoner() -> tuple[Profile, list[Run]]:
    runs: list[Run] = []
    for week in range(16):
        monday = START + timedelta(weeks=week)
        runs += [
            Run(monday + timedelta(days=1), "Tempo 3x10", RunKind.HARD, time(18, 30), None, 60),
            Run(monday + timedelta(days=2), "Easy 40", RunKind.EASY, time(7), None, 40),
            Run(monday + timedelta(days=3), "Easy 45", RunKind.EASY, time(18, 30), None, 45),
            Run(monday + timedelta(days=5), "Easy 35", RunKind.EASY, time(9), None, 35),
        ]
        sunday = monday + timedelta(days=6)
        if sunday == B_RACE:
            runs.append(Run(sunday, "B race: 10 mile", RunKind.RACE, time(9), None, 80))
        elif sunday == A_RACE:
            runs.append(Run(sunday, "A race: half marathon", RunKind.RACE, time(9), None, 110))
        else:
            minutes = 70 + min(week, 9) * 5
            runs.append(Run(sunday, f"Long run {minutes}", RunKind.LONG, time(8), None, minutes))
    profile = Profile(
        start=START,
        weeks=16,
        injuries=("achilles", "runners-knee"),
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        dumbbells_kg=(6.0, 8.0, 10.0),
        minutes=45,
        race_priorities=((B_RACE, "B"), (A_RACE, "A")),
    )
    return profile, runs


# the shin-splint runner of the coach's read: intermediate, hard runs on Tuesday, long runs
# on Sunday, easy runs between, dumbbells; a work trip (all day away) in weeks 3 and 9
SHIN_START = START
TRIPS = (SHIN_START + timedelta(weeks=2, days=3), SHIN_START + timedelta(weeks=8, days=2))


def shin_splinter() -> tuple[Profile, list[Run]]:
    runs: list[Run] = []
    for week in range(16):
        monday = SHIN_START + timedelta(weeks=week)
        runs += [
            Run(monday + timedelta(days=1), "Intervals 6x800", RunKind.HARD, time(18), None, 60),
            Run(monday + timedelta(days=3), "Easy 40", RunKind.EASY, time(7), None, 40),
            Run(monday + timedelta(days=4), "Easy 30", RunKind.EASY, time(7), None, 30),
            Run(monday + timedelta(days=6), "Long run", RunKind.LONG, time(8), None, 90),
        ]
    for day in TRIPS:  # all day away, as the calendar reader gives a trip
        runs.append(work_trip(day))
    profile = Profile(
        start=SHIN_START,
        weeks=16,
        injuries=("shin-splints",),
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        dumbbells_kg=(6.0, 8.0, 10.0),
        minutes=45,
    )
    return profile, runs


# the ultra runner of a coach's read: advanced, 41, barbell and plates, Achilles pain; easy
# runs Tue and Thu mornings, hill repeats Wed evening, long back-to-back runs at weekends,
# a B trail race (30 km) in week 9 and the A race (50 km) in week 16; a work trip (all day
# away) Mon-Wed of week 5
ULTRA_START = date(2027, 5, 3)
ULTRA_B = ULTRA_START + timedelta(weeks=8, days=5)
ULTRA_A = ULTRA_START + timedelta(weeks=15, days=5)
ULTRA_TRIP = tuple(ULTRA_START + timedelta(weeks=4, days=d) for d in range(3))


def ultra_runner() -> tuple[Profile, list[Run]]:
    runs: list[Run] = []
    for week in range(16):
        monday = ULTRA_START + timedelta(weeks=week)
        tue, wed = monday + timedelta(days=1), monday + timedelta(days=2)
        if tue not in ULTRA_TRIP:
            runs.append(Run(tue, "Easy 50", RunKind.EASY, time(6, 30), None, 50))
        if wed not in ULTRA_TRIP:
            runs.append(Run(wed, "Hill repeats 8x2 min", RunKind.HARD, time(18), None, 75))
        runs.append(Run(monday + timedelta(days=3), "Easy 60", RunKind.EASY, time(6, 30), None, 60))
        sat, sun = monday + timedelta(days=5), monday + timedelta(days=6)
        if sat == ULTRA_B:
            runs.append(
                Run(sat, "Trail race 30 km", RunKind.RACE, time(8), None, 200, priority="B")
            )
            runs.append(Run(sun, "Easy 45 recovery", RunKind.EASY, time(9), None, 45))
        elif sat == ULTRA_A:
            runs.append(
                Run(sat, "50 km trail ultra", RunKind.RACE, time(7), None, 360, priority="A")
            )
        else:
            big = 150 if week < 13 else 100
            runs.append(Run(sat, f"Long trail run {big}", RunKind.LONG, time(8), None, big))
            runs.append(
                Run(sun, f"Long run back-to-back {big - 45}", RunKind.LONG, time(8), None, big - 45)
            )
    for day in ULTRA_TRIP:
        runs.append(work_trip(day))
    profile = Profile(
        start=ULTRA_START,
        weeks=16,
        level=Level.ADVANCED,
        age=41,
        event="ultra",
        injuries=("achilles",),
        equipment=frozenset(
            {
                Equipment.BODYWEIGHT,
                Equipment.BARBELL,
                Equipment.BENCH,
                Equipment.STEP,
                Equipment.WALL,
            }
        ),
        plates_kg=(1.25, 2.5, 5.0, 10.0, 15.0, 20.0),
        bar_kg=20.0,
        minutes=50,
        race_priorities=((ULTRA_B, "B"), (ULTRA_A, "A")),
    )
    return profile, runs


def with_tune_up_and_goal(
    runs: list[Run],
    start: date,
    weekday: int,
    tune_up: tuple[str, int],
    goal: tuple[str, int],
    at: time,
) -> tuple[list[Run], date, date]:
    """A random athlete's `runs` with races of the coach's reads instead of their own: a
    tune-up (title, minutes) on `weekday` of week 5 and the goal race on the Saturday of
    week 11, each in place of that day's runs, both starting `at`."""
    tune_up_day = start + timedelta(days=7 * 4 + weekday)
    goal_day = start + timedelta(days=7 * 10 + 5)
    kept = [r for r in runs if r.kind is not RunKind.RACE and r.day not in (tune_up_day, goal_day)]
    for day, (title, minutes) in ((tune_up_day, tune_up), (goal_day, goal)):
        kept.append(Run(day, title, RunKind.RACE, at, None, minutes))
    return kept, tune_up_day, goal_day


def random_plans(
    seed: int, count: int, weeks: int, catalogue: Catalogue, *, without_problems: bool = False
) -> list[tuple[Profile, Plan]]:
    """`count` random athletes (`bench.athletes`, drawn from `seed`) and their plans of
    `weeks`; `without_problems`: none to care for (care reshapes doses on its own)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        profile, runs = random_athlete(rng, weeks)
        if without_problems:
            profile = replace(profile, injuries=())
        found.append((profile, make_plan(profile, runs, catalogue)))
    return found
