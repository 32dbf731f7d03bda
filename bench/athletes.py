"""Random but plausible athletes for the benchmarks: a weekly running pattern, races, kit."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, time, timedelta

import legday.planner
from legday.catalogue import Catalogue
from legday.model import Equipment, Level, Plan, Profile, Run, RunKind
from legday.planner import CareSchedule, _care_eases, _care_holds
from legday.planner.care.schedule import WeekDoses
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


# How a bench shapes one athlete from the generator: a beginner, a trail runner, ...
Kind = Callable[[random.Random], tuple[Profile, list[Run]]]
# The problems a bench adds beside the one it studies, now and then (`with_problems`).
OTHER_PROBLEMS = ("shin-splints", "runners-knee", "it-band")


def drawn_athletes(
    count: int,
    seed: int,
    weeks: int = 16,
    *,
    kind: Kind | None = None,
    one_stream: bool = False,
) -> Iterator[tuple[random.Random, Profile, list[Run]]]:
    """`count` random athletes for a bench, each with the generator it was drawn from, for
    what the bench draws next (problems, kit). Each athlete has a generator of its own,
    seeded `seed` plus its number, so what one draws leaves the next as it was; with
    `one_stream` they all draw from one generator seeded `seed`, as the older benches do.
    `kind` shapes an athlete from the generator; `random_athlete` over `weeks` by default."""
    shared = random.Random(seed)
    for number in range(count):
        rng = shared if one_stream else random.Random(seed + number)
        profile, runs = kind(rng) if kind is not None else random_athlete(rng, weeks)
        yield rng, profile, runs


def counted_by_kind(
    kinds: Mapping[str, tuple[int, Kind]],
    athletes: int,
    catalogue: Catalogue,
    count: Callable[[Profile, list[Run], Plan, Counter[str]], None],
) -> list[Counter[str]]:
    """Plan `athletes` of each kind (its seed and shape), `count` each plan into its kind's
    tally, and print a line per kind: the loop the benches over kinds of athlete share."""
    tallies = []
    for name, (seed, kind) in kinds.items():
        found: Counter[str] = Counter()
        for _, profile, runs in drawn_athletes(athletes, seed, kind=kind):
            count(profile, runs, legday.planner.make_plan(profile, runs, catalogue), found)
        print(f"{name}: " + ", ".join(f"{key.strip()} {n}" for key, n in sorted(found.items())))
        tallies.append(found)
    return tallies


def with_problems(
    rng: random.Random,
    profile: Profile,
    studied: Sequence[str],
    others: Sequence[str] = OTHER_PROBLEMS,
    share: float = 0.3,
) -> Profile:
    """The athlete with one of the `studied` problems and, for about `share` of them, one
    of the `others` besides."""
    problems = [rng.choice(list(studied))]
    if rng.random() < share:
        problems.append(rng.choice(list(others)))
    return replace(profile, injuries=tuple(problems))


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
