"""Random but plausible athletes for the benchmarks: a weekly running pattern, races, kit."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import legday.planner
from legday.catalogue import Catalogue
from legday.model import Equipment, Level, Profile, Run, RunKind
from legday.planner import CareSchedule, _care_eases, _care_holds
from legday.planner.care import WeekDoses
from legday.planner.season import race_priorities, season

START = date(2027, 1, 4)
EQUIPMENT = [e for e in Equipment if e not in (Equipment.BODYWEIGHT, Equipment.WALL)]
# The problems the benchmarks' athletes are drawn from: the six every bench was first
# measured on, so a problem added later (achilles-insertional, measured by
# bench/care_kit.py) leaves each bench's athletes, and its before/after numbers, as they were.
PROBLEMS = ("shin-splints", "runners-knee", "achilles", "it-band", "plantar-fascia", "hamstring")


def random_athlete(rng: random.Random, weeks: int) -> tuple[Profile, list[Run]]:
    hard_days = rng.sample(range(6), rng.randint(1, 2))
    long_day = rng.choice([5, 6])
    easy_days = [d for d in range(7) if d not in hard_days and d != long_day and rng.random() < 0.6]
    runs: list[Run] = []
    for week in range(weeks):
        monday = START + timedelta(days=7 * week)
        for d in hard_days:
            runs.append(
                Run(
                    monday + timedelta(days=d),
                    "Intervals",
                    RunKind.HARD,
                    time(18, 30),
                    time(19, 30),
                    60,
                )
            )
        for d in easy_days:
            runs.append(
                Run(monday + timedelta(days=d), "Easy run", RunKind.EASY, time(7), time(7, 45), 45)
            )
        runs.append(
            Run(
                monday + timedelta(days=long_day),
                "Long run",
                RunKind.LONG,
                time(9),
                time(10, 45),
                105,
            )
        )
    for _ in range(rng.randint(0, max(1, weeks // 8))):
        day = START + timedelta(days=rng.randrange(7 * weeks))
        runs.append(
            Run(
                day,
                rng.choice(["Half marathon", "10k race", "Marathon"]),
                RunKind.RACE,
                time(9),
                time(11),
                120,
            )
        )
    profile = Profile(
        start=START,
        weeks=weeks,
        sessions=rng.choice([None, 2, 3]),
        injuries=tuple(rng.sample(PROBLEMS, rng.randint(0, 2))),
        equipment=frozenset(rng.sample(EQUIPMENT, rng.randint(0, 4))) | {Equipment.BODYWEIGHT},
        level=rng.choice(list(Level)),
        minutes=rng.choice([30, 45, 60]),
        recovery_every=rng.randint(3, 6),
        seed=rng.randrange(1 << 16),
    )
    return profile, runs


def week_doses(
    profile: Profile, runs: list[Run], catalogue: Catalogue, care: CareSchedule | None = None
) -> WeekDoses:
    """Each problem's stage and items week by week, as the planner makes them for this
    calendar (its held and eased weeks included, and where the tree has them the weeks
    care restarts in after an A race)."""
    frames = season(profile, runs, race_priorities(profile, runs))
    care = replace(
        care or CareSchedule.fresh(), holds=_care_holds(frames), eases=_care_eases(frames)
    )
    restarts = getattr(legday.planner, "_care_restarts", None)
    if restarts is not None:
        weeks = restarts(frames)
        care = replace(care, holds=care.holds | weeks.keys(), restarts=weeks)
    return WeekDoses(profile, catalogue, care)
