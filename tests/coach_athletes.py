"""The coach's injured half-marathoner (coach's read): Achilles pain and runner's knee,
intermediate, dumbbells of 6, 8 and 10 kg, 45 minutes, a B race (10 mile) at the end of
week 7 and the A race (half marathon) at the end of week 12."""

from __future__ import annotations

from datetime import date, time, timedelta

from legday.model import Equipment, Level, Profile, Run, RunKind

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
        runs.append(
            Run(day, "Work trip", RunKind.REST, time.min, time(23, 59), 24 * 60 - 1, busy=True)
        )
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
