"""iCalendar export: valid, placed after the run, round-trips, and keeps its UIDs."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.exports.ics import PRODID, plan_to_ics
from legday.model import Plan, Run, RunKind

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)


def _events(data: bytes) -> list[Event]:
    calendar = Calendar.from_ical(data)
    return [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]


def _timed(data: bytes) -> list[Event]:
    return [e for e in _events(data) if isinstance(e.decoded("dtstart"), datetime)]


def test_calendar_has_prodid_name_and_timezone(plan: Plan, catalogue: Catalogue) -> None:
    data = plan_to_ics(plan, catalogue, tz="America/New_York", now=NOW)
    calendar = Calendar.from_ical(data)

    assert calendar["PRODID"] == PRODID
    assert calendar["VERSION"] == "2.0"
    assert calendar["X-WR-CALNAME"] == "legday: leg strength"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_one_timed_event_per_session_after_the_run(plan: Plan, catalogue: Catalogue) -> None:
    events = _timed(plan_to_ics(plan, catalogue, tz="Europe/Berlin", now=NOW))

    assert len(events) == len(plan.sessions)
    by_day = {e.decoded("dtstart").date(): e for e in events}
    berlin = ZoneInfo("Europe/Berlin")
    tuesday = by_day[date(2026, 3, 3)]
    # No start in the session: it follows the end of the day's run (07:50).
    assert tuesday.decoded("dtstart") == datetime(2026, 3, 3, 7, 50, tzinfo=berlin)
    assert tuesday.decoded("dtend") - tuesday.decoded("dtstart") == timedelta(minutes=40)
    # A planned start is kept as it is.
    assert by_day[date(2026, 3, 6)].decoded("dtstart").time() == time(17, 30)
    assert str(tuesday["SUMMARY"]) == "Strength: balance — 40 min"  # no patterns here
    assert tuesday.decoded("dtstamp") == NOW


def test_without_a_timed_run_or_start_the_session_goes_at_six_pm(
    plan: Plan, catalogue: Catalogue
) -> None:
    untimed = dataclasses.replace(
        plan, runs=tuple(dataclasses.replace(r, start=None, end=None) for r in plan.runs)
    )
    events = _timed(plan_to_ics(untimed, catalogue, tz=None, now=NOW))

    tuesday = next(e for e in events if e.decoded("dtstart").date() == date(2026, 3, 3))
    assert tuesday.decoded("dtstart") == datetime(
        2026, 3, 3, 18, 0, tzinfo=ZoneInfo("Europe/Berlin")
    )


def test_a_run_without_end_counts_its_duration(plan: Plan, catalogue: Catalogue) -> None:
    runs = (Run(date(2026, 3, 3), "Easy", RunKind.EASY, time(12, 0), None, 45),)
    events = _timed(plan_to_ics(dataclasses.replace(plan, runs=runs), catalogue, tz=None))

    tuesday = next(e for e in events if e.decoded("dtstart").date() == date(2026, 3, 3))
    assert tuesday.decoded("dtstart").time() == time(12, 45)


def test_without_any_zone_times_are_floating(plan: Plan, catalogue: Catalogue) -> None:
    no_zone = dataclasses.replace(plan, profile=None)
    data = plan_to_ics(no_zone, catalogue, tz=None, now=NOW)

    assert b"VTIMEZONE" not in data
    assert _timed(data)[0].decoded("dtstart").tzinfo is None


def test_description_holds_the_whole_session(plan: Plan, catalogue: Catalogue) -> None:
    event = _timed(plan_to_ics(plan, catalogue, tz=None, now=NOW))[0]
    text = str(event["DESCRIPTION"])

    for expected in (
        "WARM-UP",
        "- Easy jog — 6 min",
        "1. Goblet squat: 3 × 8",
        "2. Single-leg Romanian deadlift: 3 × 6 per side [single-leg]",
        "tempo 3-1-2; target RPE 7; load: 12 kg kettlebell",
        "· Knees track over toes.",
        "COOL-DOWN (stretch)",
        "- Calf stretch — 45 s",
        "Today's running: Easy 8 km (easy, 07:00–07:50)",
        "Why: Two easy days",
        "Music: Steady 120 BPM",
    ):
        assert expected in text


def test_recovery_weeks_are_all_day_notes(plan: Plan, catalogue: Catalogue) -> None:
    events = _events(plan_to_ics(plan, catalogue, tz="Europe/Berlin", now=NOW))
    notes = [e for e in events if not isinstance(e.decoded("dtstart"), datetime)]

    assert len(notes) == 1
    note = notes[0]
    assert str(note["SUMMARY"]) == "Recovery week: no strength"
    assert note.decoded("dtstart") == date(2026, 3, 23)
    assert note.decoded("dtend") == date(2026, 3, 30)
    assert str(note["TRANSP"]) == "TRANSPARENT"


def test_round_trip_gives_the_same_sessions(plan: Plan, catalogue: Catalogue) -> None:
    events = _timed(plan_to_ics(plan, catalogue, tz="Europe/Berlin", now=NOW))

    read_back = sorted(
        (
            e.decoded("dtstart").date(),
            e.decoded("dtstart").time(),
            int((e.decoded("dtend") - e.decoded("dtstart")).total_seconds() // 60),
            tuple(str(e["X-LEGDAY-EXERCISES"]).split(",")),
        )
        for e in events
    )
    expected = sorted(
        (
            s.day,
            s.start or time(7, 50),
            s.minutes,
            tuple(p.exercise for p in s.main),
        )
        for s in plan.sessions
    )
    assert read_back == expected
    for event, session in zip(
        sorted(events, key=lambda e: e.decoded("dtstart")),
        sorted(plan.sessions, key=lambda s: s.day),
        strict=True,
    ):
        text = str(event["DESCRIPTION"])
        positions = [text.index(catalogue[p.exercise].name) for p in session.main]
        assert positions == sorted(positions)


def test_uids_are_stable_and_unique(plan: Plan, catalogue: Catalogue) -> None:
    first = _events(plan_to_ics(plan, catalogue, tz=None, now=NOW))
    again = _events(plan_to_ics(plan, catalogue, tz=None, now=LATER))

    uids = [str(e["UID"]) for e in first]
    assert uids == [str(e["UID"]) for e in again]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@legday") for uid in uids)
    # A later export outranks the earlier one, so re-importing updates the events.
    assert all(
        b.decoded("sequence") > a.decoded("sequence") for a, b in zip(first, again, strict=True)
    )
    assert all(b.decoded("last-modified") == LATER for b in again)


def test_same_plan_same_time_gives_identical_bytes(plan: Plan, catalogue: Catalogue) -> None:
    assert plan_to_ics(plan, catalogue, tz="Europe/Berlin", now=NOW) == plan_to_ics(
        plan, catalogue, tz="Europe/Berlin", now=NOW
    )


def test_an_edited_plan_keeps_uids_for_the_same_dates(plan: Plan, catalogue: Catalogue) -> None:
    edited = dataclasses.replace(
        plan,
        sessions=tuple(
            dataclasses.replace(s, minutes=30, main=s.main[1:], why="Shorter this time.")
            for s in plan.sessions
        ),
        profile=dataclasses.replace(plan.profile, seed=99) if plan.profile else None,
    )

    def uid_by_start(data: bytes) -> dict[date, str]:
        return {e.decoded("dtstart").date(): str(e["UID"]) for e in _timed(data)}

    before = uid_by_start(plan_to_ics(plan, catalogue, tz=None, now=NOW))
    after = uid_by_start(plan_to_ics(edited, catalogue, tz=None, now=LATER))
    assert before == after


def test_athletes_and_plans_get_their_own_uids(plan: Plan, catalogue: Catalogue) -> None:
    def uids(data: bytes) -> set[str]:
        return {str(e["UID"]) for e in _events(data)}

    mine = uids(plan_to_ics(plan, catalogue, tz=None, athlete="Ann"))
    theirs = uids(plan_to_ics(plan, catalogue, tz=None, athlete="Bo"))
    assert not mine & theirs


def test_two_sessions_on_one_day_get_two_slots(plan: Plan, catalogue: Catalogue) -> None:
    first = plan.sessions[0]
    second = dataclasses.replace(first, start=time(19, 0))
    doubled = dataclasses.replace(plan, sessions=(first, second))

    uids = [str(e["UID"]) for e in _timed(plan_to_ics(doubled, catalogue, tz=None))]
    assert len(set(uids)) == 2


def test_unknown_time_zone_is_an_input_error(plan: Plan, catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="tz: unknown time zone 'Mars/Olympus'"):
        plan_to_ics(plan, catalogue, tz="Mars/Olympus")
