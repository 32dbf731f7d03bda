"""The plan as an iCalendar feed: strength sessions land in the runner's own calendar.

Each session is one event placed after the day's last run (`run-first`), with the whole
session in the description; each injury-care routine is one event too, placed the same
way ("Achilles tendon care (stage 1), 12 min"). UIDs are derived from the plan's identity
(athlete label and start date), the day and the slot (a routine: its problem), never
random: importing an updated plan, or refreshing a subscription, updates the same events
instead of adding copies (wger's uuid4-per-export bug).
SEQUENCE, DTSTAMP and LAST-MODIFIED come from the export time, so a later export always wins.
Each timed event carries a reminder (VALARM, 30 minutes before by default): time to change
and fill a bottle. Titles name the session's focus ("Strength: squat, hamstrings, calves — 40
min"), so the week reads at a glance in a calendar's month view.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.exports._describe import (
    care_text,
    describe_care,
    describe_session,
    rest_week_title,
    session_text,
    sessions_by_week,
)
from legday.model import CareRoutine, Plan, Prescription, Session, Week

if TYPE_CHECKING:
    from icalendar import Event

__all__ = [
    "DEFAULT_REMINDER",
    "PRODID",
    "care_uid",
    "plan_to_ics",
    "plan_uid_key",
    "session_uid",
    "week_uid",
]

PRODID = "-//legday//leg strength for runners//EN"
# SEQUENCE counts minutes since this instant, so every later export outranks an earlier one
# without keeping state (RFC 5545 only asks that it grows).
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
# How often subscribed calendar apps should re-read the feed.
_REFRESH = timedelta(hours=12)
_REFRESH_TEXT = "PT12H"
DEFAULT_REMINDER = 30  # minutes before a session or routine; 0 for none
_MOST_REMINDER = 24 * 60  # a day ahead at most: an alert is for getting ready


def plan_uid_key(plan: Plan, athlete: str = "") -> str:
    """What makes a plan the same plan across edits: who it is for and when it starts.

    The seed, the sessions and the runs are left out on purpose: they change when a plan
    is edited or re-rolled, and those edits must update events, not duplicate them.
    The season starts when the athlete's profile says: a logbook re-plan starts its plan
    at the current week, and its events must keep their UIDs.
    """
    start = plan.profile.start if plan.profile is not None else plan.start
    identity = f"{athlete.strip().casefold()}|{start.isoformat()}"
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def session_uid(key: str, day: date, slot: int) -> str:
    return f"legday-{day:%Y%m%d}-{slot}-{key}@legday"


def care_uid(key: str, routine: CareRoutine) -> str:
    """A day holds at most one routine per problem, so (day, problem) names it."""
    return f"legday-care-{routine.day:%Y%m%d}-{routine.injury}-{key}@legday"


def week_uid(key: str, week: Week) -> str:
    return f"legday-week-{week.start:%Y%m%d}-{key}@legday"


def plan_to_ics(
    plan: Plan,
    catalogue: Catalogue,
    *,
    tz: str | None,
    athlete: str = "",
    now: datetime | None = None,
    reminder: int = DEFAULT_REMINDER,
) -> bytes:
    """Encode the plan as an RFC 5545 calendar.

    `tz` (an IANA zone such as `Europe/Berlin`, defaulting to the plan's) pins wall-clock
    times to a zone and embeds its VTIMEZONE; without any zone the times stay floating,
    which calendar apps show at the same wall-clock time wherever the phone is.
    `athlete` separates the plans of a coach's athletes in one calendar. `now` fixes the
    export time (tests, reproducible builds). `reminder` is how many minutes before each
    session and routine the calendar alerts (0: no alerts).
    """
    if not 0 <= reminder <= _MOST_REMINDER:
        raise InputError("reminder", f"{reminder} is not 0 to {_MOST_REMINDER} minutes")
    from icalendar import Calendar

    zone_name = tz or plan.timezone or (plan.profile.timezone if plan.profile else None)
    zone = _zone(zone_name)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60))
    key = plan_uid_key(plan, athlete)
    label = " ".join("".join(c if c.isprintable() else " " for c in athlete).split())
    who = f" · {label}" if label else ""  # a CR or LF in a free-text name cannot end the line

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"legday: leg strength{who}")
    cal.add("x-wr-caldesc", f"Leg-strength sessions {plan.start} – {plan.end}, planned by legday")
    cal.add("refresh-interval", _REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", _REFRESH_TEXT)
    if zone_name:
        cal.add("x-wr-timezone", zone_name)

    for week, sessions in sessions_by_week(plan):
        if not sessions:
            cal.add_component(_rest_week(plan, week, key, stamp, sequence))
        for session, slot in sessions:
            event = _session_event(plan, session, catalogue, zone)
            _stamp(event, session_uid(key, session.day, slot), stamp, sequence)
            _remind(event, reminder)
            cal.add_component(event)
    for routine in sorted(plan.care, key=lambda c: (c.day, c.injury)):
        event = _care_event(plan, routine, catalogue, zone)
        _stamp(event, care_uid(key, routine), stamp, sequence)
        _remind(event, reminder)
        cal.add_component(event)
    if zone is not None:
        cal.add_missing_timezones(first_date=plan.start, last_date=plan.end + timedelta(days=1))
    data: bytes = cal.to_ical()
    return data


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InputError("tz", f"unknown time zone {name!r} (use an IANA name)") from None


def _session_event(
    plan: Plan, session: Session, catalogue: Catalogue, zone: tzinfo | None
) -> Event:
    words = describe_session(session, catalogue, plan.runs)
    return _timed_event(
        datetime.combine(session.day, words.start, tzinfo=zone),
        session.minutes,
        words.title,
        session_text(words),
        "Strength training",
        session.main,
    )


def _care_event(
    plan: Plan, routine: CareRoutine, catalogue: Catalogue, zone: tzinfo | None
) -> Event:
    words = describe_care(routine, catalogue, plan.runs)
    return _timed_event(
        datetime.combine(routine.day, words.start, tzinfo=zone),
        routine.minutes,
        words.title,
        care_text(words),
        "Injury care",
        routine.exercises,
    )


def _timed_event(
    start: datetime,
    minutes: int,
    summary: str,
    description: str,
    category: str,
    exercises: Sequence[Prescription],
) -> Event:
    """A strength session or a care routine as a busy event with its exercises listed."""
    from icalendar import Event

    event = Event()
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("description", description)
    event.add("categories", [category])
    event.add("transp", "OPAQUE")
    event.add("x-legday-exercises", ",".join(p.exercise for p in exercises))
    return event


def _rest_week(plan: Plan, week: Week, key: str, stamp: datetime, sequence: int) -> Event:
    """An all-day note spanning a week without strength (`recovery-week`); it blocks nothing."""
    from icalendar import Event

    event = Event()
    event.add("summary", rest_week_title(week, plan))
    event.add("dtstart", week.start)
    event.add("dtend", week.end + timedelta(days=1))
    if week.note:
        event.add("description", week.note)
    event.add("categories", ["Strength training"])
    event.add("transp", "TRANSPARENT")
    _stamp(event, week_uid(key, week), stamp, sequence)
    return event


def _remind(event: Event, minutes: int) -> None:
    """A display alarm `minutes` before the start, saying what is on (RFC 5545 VALARM)."""
    if minutes <= 0:
        return
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", str(event["summary"]))
    alarm.add("trigger", timedelta(minutes=-minutes))
    event.add_component(alarm)


def _stamp(event: Event, uid: str, stamp: datetime, sequence: int) -> None:
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
