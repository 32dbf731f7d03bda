"""Reading each iCalendar shape the issue names, from fixtures written for legday."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from legday.calendars import Calendar, Entry, read_calendar, read_overrides
from legday.model import RunKind

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
EXAMPLE = Path(__file__).parents[3] / "src" / "legday" / "examples" / "marathon-plan.ics"
MARCH = (date(2027, 3, 1), date(2027, 3, 31))


def read(name: str, start: date = MARCH[0], end: date = MARCH[1], **kw: object) -> Calendar:
    return read_calendar(FIXTURES / name, start, end, **kw)  # type: ignore[arg-type]


def by_day(calendar: Calendar) -> dict[date, list[Entry]]:
    days: dict[date, list[Entry]] = {}
    for entry in calendar.entries:
        days.setdefault(entry.day, []).append(entry)
    return days


def test_training_platform_feed() -> None:
    cal = read("training-platform.ics")
    days = by_day(cal)
    assert cal.timezone == "Europe/Berlin"  # X-WR-TIMEZONE
    intervals = days[date(2027, 3, 2)][0]
    assert (intervals.activity, intervals.kind, intervals.minutes) == ("run", RunKind.HARD, 65)
    assert intervals.start is None  # all-day
    assert intervals.source == "training-platform.ics:tp-1001@training.example"
    assert days[date(2027, 3, 3)][0].activity == "other"  # Bike:
    assert days[date(2027, 3, 4)][0].reason.startswith('description "Workout type: Run"')
    assert days[date(2027, 3, 5)][0].activity == "strength"
    assert days[date(2027, 3, 7)][0].kind == RunKind.LONG  # Planned Time 1:50
    assert days[date(2027, 3, 8)][0].kind == RunKind.REST
    assert days[date(2027, 3, 14)][0].kind == RunKind.RACE


def test_coaching_app_feed_with_emoji_and_uid_hints() -> None:
    cal = read("coaching-app.ics", tz="Europe/London")
    days = by_day(cal)
    repeats = days[date(2027, 3, 2)][0]
    assert repeats.title == "🏃 1km Repeats • 6.5km"
    assert (repeats.kind, repeats.reason) == (RunKind.HARD, "UID hint INTERVALS")
    assert repeats.minutes == 45  # X-WORKOUT-ESTIMATED-DURATION in seconds
    assert (repeats.start, repeats.end) == (time(17, 0), time(17, 45))
    assert days[date(2027, 3, 4)][0].minutes == 32  # ISO duration PT32M
    assert days[date(2027, 3, 7)][0].kind == RunKind.LONG
    assert days[date(2027, 3, 10)][0].activity == "strength"
    assert days[date(2027, 3, 14)][0].kind == RunKind.RACE
    assert days[date(2027, 3, 12)][0].reason.startswith('emoji "🏃"')
    assert cal.timezone == "Europe/London"


def test_plain_personal_calendar() -> None:
    cal = read("personal.ics")
    days = by_day(cal)
    assert cal.timezone == "Europe/London"  # the first TZID
    tuesday = days[date(2027, 3, 2)]
    assert [e.title for e in tuesday] == [
        "Morning run with Sam",
        "Team meeting",
        "Club session: hills, 8 reps",  # escaped comma
    ]
    assert [e.activity for e in tuesday] == ["run", "other", "run"]
    assert tuesday[2].kind == RunKind.HARD
    assert days[date(2027, 3, 3)][0].activity == "other"  # Dentist
    assert days[date(2027, 3, 5)][0].title == "Mum's birthday 🎂"
    lunch = days[date(2027, 3, 4)][0]
    assert (lunch.start, lunch.end) == (time(12, 0), time(12, 30))  # floating, as written


def test_event_spanning_midnight_holds_each_day_it_touches() -> None:
    # review: a run past midnight was cut at 23:59, leaving the next morning free
    days = by_day(read("personal.ics"))
    race = days[date(2027, 3, 6)][0]
    assert race.kind == RunKind.RACE
    assert (race.start, race.end, race.minutes) == (time(23, 0), time(23, 59), 60)
    after = days[date(2027, 3, 7)][0]
    assert (after.title, after.start, after.end, after.minutes) == (
        race.title,
        time(0, 0),
        time(1, 30),
        90,
    )
    # the race is one day: the part after midnight is a long run, no second race
    assert (after.kind, after.priority) == (RunKind.LONG, None)
    assert "goes on from Sat 06 Mar 23:00" in after.reason


def test_multi_day_all_day_event_fills_each_day() -> None:
    days = by_day(read("personal.ics"))
    assert [d.day for d in (days[date(2027, 3, 10 + i)][0] for i in range(3))] == [
        date(2027, 3, 10),
        date(2027, 3, 11),
        date(2027, 3, 12),
    ]
    assert date(2027, 3, 13) not in days  # DTEND is exclusive


def test_german_french_spanish_titles() -> None:
    kinds = [(e.activity, e.kind) for e in read("languages.ics").entries]
    run = "run"
    assert kinds == [
        (run, RunKind.HARD),
        (run, RunKind.HARD),
        (run, RunKind.LONG),
        (run, RunKind.REST),
        ("strength", None),
        (run, RunKind.HARD),
        (run, RunKind.LONG),
        (run, RunKind.EASY),
        ("other", None),
        (run, RunKind.HARD),
        (run, RunKind.LONG),
        (run, RunKind.RACE),
        (run, RunKind.REST),
        ("other", None),
    ]


def test_recurrences_with_exdate_rdate_count_and_tzid() -> None:
    cal = read("recurrence.ics", date(2027, 1, 1), date(2027, 2, 28))
    easy = [e.day for e in cal.entries if e.title == "Easy run"]
    assert date(2027, 1, 5) in easy and date(2027, 1, 7) in easy
    assert date(2027, 1, 12) not in easy and date(2027, 1, 14) not in easy  # EXDATE
    assert len(easy) == 16 - 2
    tempo = [e.day for e in cal.entries if e.title == "Tempo run"]
    assert tempo == [
        date(2027, 1, 9),
        date(2027, 1, 13),  # RDATE
        date(2027, 1, 23),
        date(2027, 2, 6),
        date(2027, 2, 20),
    ]
    assert cal.timezone == "America/New_York"
    gym = next(e for e in cal.entries if e.title == "Gym")
    assert (gym.day, gym.start, gym.activity) == (date(2027, 1, 6), time(18, 0), "strength")


def test_times_convert_to_the_asked_zone() -> None:
    cal = read("recurrence.ics", date(2027, 1, 1), date(2027, 1, 10), tz="Europe/Berlin")
    gym = next(e for e in cal.entries if e.title == "Gym")
    assert (gym.day, gym.start) == (date(2027, 1, 7), time(0, 0))  # 23:00 UTC
    easy = next(e for e in cal.entries if e.title == "Easy run")
    assert easy.start == time(12, 30)
    assert cal.timezone == "Europe/Berlin"


def test_recurrences_only_inside_the_window() -> None:
    cal = read("rrule-no-end.ics", date(2027, 3, 1), date(2027, 3, 7))
    assert [e.day for e in cal.entries] == [date(2027, 3, d) for d in range(1, 8)]
    far = read("rrule-no-end.ics", date(2090, 1, 1), date(2090, 1, 2))
    assert len(far.entries) == 2


def test_folded_lines_crlf_and_emoji() -> None:
    assert b"\r\n " in (FIXTURES / "folded-crlf.ics").read_bytes()
    cal = read("folded-crlf.ics")
    long_title = next(e for e in cal.entries if e.start == time(18, 0))
    assert long_title.title.startswith("Bahntraining mit der Laufgruppe: Intervalle 5 x 1000 m, ")
    assert "Trabpause 400 m; danach" in long_title.title
    assert long_title.kind == RunKind.HARD
    easy = next(e for e in cal.entries if e.start == time(6, 30))
    assert easy.title.endswith("🏃‍♀️")
    assert easy.kind == RunKind.EASY


def test_override_file_wins() -> None:
    overrides = read_overrides(FIXTURES / "overrides.toml")
    days = by_day(read("training-platform.ics", overrides=overrides))
    assert days[date(2027, 3, 4)][0].kind == RunKind.HARD  # by UID
    assert days[date(2027, 3, 4)][0].reason.startswith("overrides.toml: UID")
    assert days[date(2027, 3, 2)][0].kind == RunKind.EASY  # by date
    assert days[date(2027, 3, 6)][0].activity == "strength"  # by title
    assert days[date(2027, 3, 7)][0].kind == RunKind.EASY  # by phrase


def test_calendar_runs_bridge_to_the_model() -> None:
    runs = read("coaching-app.ics").runs()
    strength = [r for r in runs if r.is_strength]
    assert len(strength) == 1 and strength[0].kind == RunKind.REST
    assert len(runs) == 7
    assert not [r for r in runs if r.busy]


def test_timed_events_of_other_kinds_come_as_busy_time() -> None:
    """`no-overlap`: a timed meeting or dentist holds its time; an all-day event of
    another kind (a birthday, a ski trip) holds none and stays out."""
    personal = read("personal.ics")
    runs = {r.title: r for r in personal.runs()}
    dentist = runs["Dentist"]
    assert dentist.busy and not dentist.is_strength and not dentist.running
    assert dentist.kind is RunKind.REST
    assert (dentist.start, dentist.end, dentist.minutes) == (time(14), time(15), 60)
    assert dentist.source == "personal.ics:p7@home.example"
    assert runs["Team meeting"].busy
    assert "Mum's birthday 🎂" not in runs and "Ski trip" not in runs
    others = [e for e in personal.entries if e.activity == "other"]
    assert {r.title for r in runs.values() if r.busy} == {e.title for e in others if e.start}
    assert all(r.running for r in runs.values() if not r.busy)


def test_example_marathon_plan() -> None:
    cal = read_calendar(EXAMPLE, date(2027, 1, 4), date(2027, 5, 9))
    days = by_day(cal)
    assert cal.timezone == "Europe/Berlin"
    assert days[date(2027, 5, 9)][0].kind == RunKind.RACE  # goal marathon
    assert days[date(2027, 3, 14)][0].kind == RunKind.RACE  # tune-up half
    wednesdays = [e for e in cal.entries if e.title == "Run: Easy run 45 min"]
    assert len(wednesdays) == 17  # 18 Wednesdays minus one EXDATE
    assert date(2027, 2, 17) not in days
    assert all(e.kind == RunKind.HARD for e in cal.entries if e.day.weekday() == 1)
    assert all(e.kind in (RunKind.LONG, RunKind.RACE) for e in cal.entries if e.day.weekday() == 6)
    assert {e.activity for e in cal.entries} == {"run", "strength", "other"}
    assert sum(1 for e in cal.entries if e.kind == RunKind.REST) >= 4
    after_dst = days[date(2027, 4, 6)][0]  # Berlin summer time: still 18:30 wall clock
    assert after_dst.start == time(18, 30)


@pytest.mark.parametrize("name", ["training-platform.ics", "coaching-app.ics", "personal.ics"])
def test_entries_are_sorted_and_inside_the_window(name: str) -> None:
    cal = read(name, date(2027, 3, 3), date(2027, 3, 7))
    assert all(date(2027, 3, 3) <= e.day <= date(2027, 3, 7) for e in cal.entries)
    keys = [(e.day, e.start or time.min) for e in cal.entries]
    assert keys == sorted(keys)
