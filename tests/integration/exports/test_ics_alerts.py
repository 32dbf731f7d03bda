"""iCalendar titles name what a session works, and every timed event reminds its owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Alarm, Calendar, Event

from legday.catalogue.loader import load_catalogue
from legday.errors import InputError
from legday.exports.ics import DEFAULT_REMINDER, plan_to_ics
from legday.model import Plan

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def _timed(data: bytes) -> list[Event]:
    events = Calendar.from_ical(data).walk("VEVENT")
    return [e for e in events if isinstance(e.decoded("dtstart"), datetime)]


def test_titles_name_the_sessions_focus(plan: Plan) -> None:
    # goblet squat, an RDL the real catalogue does not know, calf raise, side plank, a stand
    events = _timed(plan_to_ics(plan, load_catalogue(), tz=None, now=NOW))

    assert {str(e["SUMMARY"]) for e in events} == {
        "Strength: squat, calves, core, balance — 40 min",
        "Strength: squat, shins, core, balance — 40 min",
    }


def test_every_timed_event_has_one_display_alarm_before_it(plan: Plan) -> None:
    events = _timed(plan_to_ics(plan, load_catalogue(), tz="Europe/Berlin", now=NOW))

    assert events
    for event in events:
        alarms = [a for a in event.subcomponents if isinstance(a, Alarm)]
        assert len(alarms) == 1
        assert alarms[0]["ACTION"] == "DISPLAY"
        assert alarms[0].decoded("trigger") == timedelta(minutes=-DEFAULT_REMINDER)
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])


def test_the_reminder_can_move_or_go(plan: Plan) -> None:
    catalogue = load_catalogue()
    early = _timed(plan_to_ics(plan, catalogue, tz=None, now=NOW, reminder=90))
    silent = plan_to_ics(plan, catalogue, tz=None, now=NOW, reminder=0)

    assert {e.walk("VALARM")[0].decoded("trigger") for e in early} == {timedelta(minutes=-90)}
    assert b"BEGIN:VALARM" not in silent
    with pytest.raises(InputError, match="reminder"):
        plan_to_ics(plan, catalogue, tz=None, reminder=-5)
