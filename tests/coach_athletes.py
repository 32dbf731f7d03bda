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


# the track athlete of a coach's read: advanced, dumbbells of 6-20 kg and a step; easy runs
# Mon, Wed and Fri mornings, intervals Tue and Thu evenings, a C meet most Saturdays from
# week 7 (two weekends off) and the A race (1500 m championship) on the Saturday of week
# 18; a long run on Sundays when no meet
TRACK_START = date(2027, 3, 1)
TRACK_WEEKS = 20
TRACK_A = TRACK_START + timedelta(weeks=17, days=5)
TRACK_MEET_WEEKS = tuple(w for w in range(6, 17) if w not in (10, 14))


def track_athlete() -> tuple[Profile, list[Run]]:
    runs: list[Run] = []
    for week in range(TRACK_WEEKS):
        monday = TRACK_START + timedelta(weeks=week)
        runs += [
            Run(monday, "Easy 40", RunKind.EASY, time(7), time(7, 40), 40),
            Run(monday + timedelta(1), "Intervals 8x400", RunKind.HARD, time(18), time(19, 15), 75),
            Run(monday + timedelta(2), "Easy 40", RunKind.EASY, time(7), time(7, 40), 40),
            Run(
                monday + timedelta(3), "Intervals 5x1000", RunKind.HARD, time(18), time(19, 15), 75
            ),
            Run(monday + timedelta(4), "Easy 30", RunKind.EASY, time(7), time(7, 30), 30),
        ]
        saturday = monday + timedelta(5)
        if saturday == TRACK_A:
            runs.append(
                Run(
                    saturday,
                    "1500m championship",
                    RunKind.RACE,
                    time(14),
                    time(16),
                    30,
                    priority="A",
                )
            )
        elif week in TRACK_MEET_WEEKS:
            runs.append(
                Run(saturday, "Track meet", RunKind.RACE, time(14), time(16), 30, priority="C")
            )
        else:
            sunday = monday + timedelta(6)
            runs.append(Run(sunday, "Long run 70", RunKind.LONG, time(9), time(10, 10), 70))
    profile = Profile(
        start=TRACK_START,
        weeks=TRACK_WEEKS,
        level=Level.ADVANCED,
        event="track",
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.STEP}),
        dumbbells_kg=(6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0, 20.0),
        minutes=45,
        seed=7,
    )
    return profile, runs


# Random athletes of the three kinds a coach read (bench/coach_schedule.py and the tests of
# its figures): a half marathoner, an ultra runner and a track athlete, each with their
# week's key runs at random times, random kit and level, a tune-up and a goal race.
KINDS = ("half", "ultra", "track")
KEY_TIMES = (time(6, 30), time(12, 15), time(18), time(18, 30))
EASY_TIMES = (time(7), time(12, 15), time(18))
KIT_CHOICES = (
    frozenset({Equipment.DUMBBELLS}),
    frozenset({Equipment.DUMBBELLS, Equipment.STEP, Equipment.BAND}),
    frozenset({Equipment.KETTLEBELL, Equipment.STEP}),
    frozenset({Equipment.BARBELL, Equipment.BENCH, Equipment.STEP}),
    frozenset({Equipment.BAND, Equipment.STEP}),
    frozenset(),
)


def coached_athlete(rng: random.Random, kind: str) -> tuple[Profile, list[Run]]:
    """A random athlete of `kind` (one of KINDS): a half marathoner (a hard run or two
    midweek, the long run at the weekend, a B race half-way, the A half in week 12), an
    ultra runner (long runs Saturday and Sunday, hill repeats midweek, a B trail race in
    week 9, the A ultra in week 16) or a track athlete (intervals twice a week, a C meet
    most Saturdays from week 7, the A championship in week 18, a long run on Sundays
    without a meet)."""
    start = START
    runs: list[Run] = []
    weeks = {"half": 16, "ultra": 16, "track": 20}[kind]
    if kind == "half":
        key_days = sorted(rng.sample([1, 2, 3], rng.randint(1, 2)))
        long_days = [rng.choice([5, 6])]
        b_week, a_week = rng.randint(5, 7), 11
    elif kind == "ultra":
        key_days = [rng.choice([1, 2, 3])]
        long_days = [5, 6]
        b_week, a_week = 8, 15
    else:
        key_days = rng.choice([[1, 3], [1, 3], [0, 2], [1, 4]])
        long_days = [6]
        b_week, a_week = -1, 17
    key_at, easy_at = rng.choice(KEY_TIMES), rng.choice(EASY_TIMES)
    race_day = 5 if kind != "half" else long_days[0]
    off = set(rng.sample(range(7, a_week - 1), 2)) if kind == "track" else set()
    hill = "Hill repeats 8x2 min" if kind == "ultra" else "Intervals"
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        racing = week in (a_week, b_week) or (kind == "track" and 6 <= week < a_week)
        if kind == "track" and week in off:
            racing = False
        for d in range(7):
            day = monday + timedelta(days=d)
            if racing and d == race_day:
                priority = "A" if week == a_week else ("B" if week == b_week else "C")
                runs.append(_race(day, kind, priority))
            elif racing and kind == "track" and d == 6:
                continue  # the day after a meet: easy or nothing
            elif d in key_days:
                runs.append(Run(day, hill, RunKind.HARD, key_at, None, 70))
            elif d in long_days:
                minutes = 150 if d == 5 else 100
                runs.append(Run(day, "Long run", RunKind.LONG, time(8), None, minutes))
            elif rng.random() < 0.5:
                runs.append(Run(day, "Easy run", RunKind.EASY, easy_at, None, 40))
    kit = rng.choice(KIT_CHOICES) | {Equipment.BODYWEIGHT, Equipment.WALL}
    top = rng.choice([12, 16, 20, 24])
    profile = Profile(
        start=start,
        weeks=weeks,
        sessions=rng.choice([None, None, 2, 3]),
        level=rng.choice([Level.INTERMEDIATE, Level.ADVANCED, Level.ADVANCED, Level.BEGINNER]),
        equipment=kit,
        minutes=rng.choice([30, 45, 45, 60]),
        recovery_every=rng.choice([4, 4, 4, 3, 5, 6]),
        seed=rng.randrange(1 << 16),
        age=rng.choice([None, None, 34, 45, 55]),
        event={"half": "half", "ultra": rng.choice(["ultra", "trail"]), "track": "track"}[kind],
        injuries=tuple(rng.sample(["shin-splints", "achilles", "hamstring"], rng.randint(0, 1)))
        if rng.random() < 0.3
        else (),
        dumbbells_kg=tuple(float(kg) for kg in range(4, top + 1, 2)),
        kettlebells_kg=(8.0, 12.0, 16.0) if Equipment.KETTLEBELL in kit else (),
    )
    return profile, runs


RACES = {  # (title, minutes) by kind and priority
    ("half", "A"): ("Half marathon", 100),
    ("half", "B"): ("10 mile race", 75),
    ("ultra", "A"): ("Trail ultra", 300),
    ("ultra", "B"): ("Trail race 30 km", 200),
    ("track", "A"): ("1500m championship", 30),
    ("track", "C"): ("Track meet", 30),
}


def _race(day: date, kind: str, priority: str) -> Run:
    title, minutes = RACES[(kind, priority)]
    start = time(14) if kind == "track" else time(8)
    return Run(day, title, RunKind.RACE, start, None, minutes, priority=priority)


def coached_athletes(count: int, seed: int = 13) -> list[tuple[str, Profile, list[Run]]]:
    """`count` random athletes of the coach's kinds in turn, with their kind."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        profile, runs = coached_athlete(rng, kind)
        found.append((kind, profile, runs))
    return found
