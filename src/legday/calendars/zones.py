"""Which wall clock a calendar's times are shown in (SPEC: profile, else calendar, else system).

The calendar's own zone comes from X-WR-TIMEZONE or its first TZID; Outlook's Windows zone
names are mapped to IANA names, and a custom VTIMEZONE is used as written.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from legday.errors import InputError

__all__ = ["iana_zone", "local_zone", "resolve_zone", "user_zone"]


def iana_zone(name: str) -> ZoneInfo | None:
    """The IANA zone called `name` (or its Windows alias), None if there is none."""
    key = name.strip().strip('"')
    if not key or len(key) > 64:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    olson = WINDOWS_TO_OLSON.get(key)
    if olson:
        try:
            return ZoneInfo(olson)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None
    return None


def user_zone(name: str) -> tuple[tzinfo, str]:
    """The zone a user asked for with --tz or the profile; unknown names are input errors."""
    zone = iana_zone(name)
    if zone is None:
        raise InputError(
            "--tz", f"unknown time zone {name!r} (use an IANA name like Europe/Berlin)"
        )
    return zone, zone.key


def resolve_zone(calendar: Any, name: str) -> tuple[tzinfo | None, str | None]:
    """The calendar's declared zone: IANA, Windows alias, its own VTIMEZONE, else the system's."""
    zone = iana_zone(name)
    if zone is not None:
        return zone, zone.key
    for component in calendar.walk("VTIMEZONE"):
        if str(component.get("TZID", "")) == name:
            try:
                return component.to_tz(), name
            except (ValueError, TypeError, KeyError, AttributeError, IndexError):
                break
    return local_zone()


def local_zone() -> tuple[tzinfo | None, str | None]:
    """The system's zone: $TZ, else /etc/localtime's name, else the current UTC offset."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        zone = iana_zone(env)
        if zone is not None:
            return zone, zone.key
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        zone = iana_zone(target.split("zoneinfo/", 1)[1])
        if zone is not None:
            return zone, zone.key
    here = datetime.now().astimezone().tzinfo
    return here, here.tzname(None) if here is not None else None
