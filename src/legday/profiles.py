"""Athlete profiles from TOML files and command-line flags into a checked `Profile`.

The CLI and (later) the web form hand over plain values; this module names the field
that is wrong in one line, so no caller needs its own parsing of dates, lists or days.

Profile TOML (every key optional; command-line flags win):

    runs = ["my-plan.ics"]          # calendars, relative to the profile file
    start = 2027-01-04              # or "2027-01-04"
    weeks = 18
    sessions = 2                    # 2 or 3; omit to let the phase decide
    injuries = ["shin-splints"]
    equipment = ["dumbbells", "band"]
    level = "intermediate"
    minutes = 45
    days = ["mon", "wed", "fri", "sat"]
    recovery_every = 4
    seed = 7
    blocked = [2027-02-14, "2027-02-15"]
    races = [2027-05-09, "2027-06-13:C"]   # a race day, optionally with its priority
    dominant_leg = "right"
    timezone = "Europe/Berlin"
    age = 52                        # 10 to 100; 50 and over plans as a masters athlete
    event = "marathon"              # 5k, 10k, half, marathon, ultra, trail, track, cross-country
    dumbbells = [4, 6, 8, 10, 12.5] # kg per dumbbell, the pairs you own (up to 100)
    kettlebells = [12, 16]          # kg per bell (up to 100)
    plates = [1.25, 2.5, 5, 10, 10] # kg per plate, one entry per pair (up to 50)
    bar = 20                        # kg, the empty barbell (5 to 30)
    bodyweight = 62                 # kg (30 to 200): a barbell lift's first load is a share

Listing weights also adds their implement to `equipment`; without a list a typical set is
assumed (`legday.kit`). On the command line: `--dumbbells 4,6,8,10`, `--kettlebells`,
`--plates`, `--bar`, `--bodyweight`, `--age`, `--event`.

    [windows]                       # optional: when a session may start and must end
    mon = "06:00-08:00"
    sat = "09:00-12:30"
    default = "06:00-21:30"         # every weekday not named above; omit for "any time"

On the command line: `--window mon=06:00-08:00` (repeatable); any `--window` replaces the
profile's whole table, like every other flag.

Races may also be a table, each day with its priority (A goal, B tune-up, C short/club):

    [races]
    2027-04-25 = "A"
    2027-03-14 = "C"

On the command line: `--race 2027-04-25:A` (repeatable). A race given without a priority is
the athlete's goal, A. A priority on a race day of the calendar wins over the calendar's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from legday.boundary import EARLIEST, INT64_MAX, LATEST
from legday.errors import InputError
from legday.model import ALWAYS_AT_HAND, EVENTS, INJURIES, Equipment, Level, Profile

__all__ = [
    "DAY_NAMES",
    "build_profile",
    "layered",
    "parse_date",
    "parse_days",
    "parse_list",
    "parse_races",
    "parse_windows",
    "parse_zone",
    "read_profile_file",
]

# A profile is a few hundred bytes; 1 MB leaves room for any comment and refuses /dev/zero.
MAX_PROFILE_BYTES = 1024 * 1024
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROFILE_KEYS = frozenset(
    {
        "runs",
        "start",
        "weeks",
        "sessions",
        "injuries",
        "equipment",
        "level",
        "minutes",
        "days",
        "recovery_every",
        "seed",
        "blocked",
        "races",
        "dominant_leg",
        "timezone",
        "kinds",
        "name",
        "windows",
        "age",
        "event",
        "dumbbells",
        "kettlebells",
        "plates",
        "bar",
        "bodyweight",
    }
)
RACE_PRIORITIES = ("A", "B", "C")
FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WINDOW = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")
# What each list holds and how to write it, for a message about a value that is no list.
LISTS = {
    "runs": ("calendars", '["my-plan.ics"]'),
    "kinds": ("override files", '["kinds.toml"]'),
    "injuries": ("injuries", '["shin-splints"]'),
    "equipment": ("equipment", '["dumbbells", "band"]'),
    "days": ("weekdays", '["mon", "wed", "fri"]'),
    "blocked": ("dates", '[2027-02-14, "2027-02-15"]'),
    "races": ("dates", '[2027-04-25, "2027-05-01:C"]'),
    "dumbbells": ("weights in kg", "[4, 6, 8, 10]"),
    "kettlebells": ("weights in kg", "[12, 16]"),
    "plates": ("weights in kg", "[1.25, 2.5, 5, 10]"),
}
AGES = (10, 100)
BAR_KG = (5.0, 30.0)
BODY_KG = (30.0, 200.0)
# The heaviest single dumbbell, kettlebell or plate taken as real (kg): a typo such as
# 1000 for 10.00 is caught rather than planned with.
HEAVIEST_KG = {"dumbbells": 100.0, "kettlebells": 100.0, "plates": 50.0}
IMPLEMENT_OF = {
    "dumbbells": Equipment.DUMBBELLS,
    "kettlebells": Equipment.KETTLEBELL,
    "plates": Equipment.BARBELL,
}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def read_profile_file(path: Path) -> dict[str, Any]:
    import tomllib  # only for a profile file: most calls have none (~2.5 ms of imports)

    from legday.files import read_limited

    raw = read_limited(path, limit=MAX_PROFILE_BYTES, what="profile").data
    try:
        # a BOM (Notepad writes one) is no TOML, but it is no mistake either: drop it
        data = tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"not a valid TOML profile: {error}") from None
    except RecursionError:  # thousands of nested [[[...]]]; no profile nests past two
        raise InputError(str(path), "nested too deeply to be a profile") from None
    unknown = sorted(set(data) - PROFILE_KEYS)
    if unknown:
        raise InputError(str(path), f"unknown profile key {unknown[0]!r}")
    from legday.calendars.feeds import is_feed

    for key in ("runs", "kinds"):
        if key in data:  # relative to the profile's folder; a feed address stays as written
            data[key] = [
                p if key == "runs" and is_feed(p) else str(path.parent / p)
                for p in parse_list(data[key], key)
            ]
    return data


def layered(profile: Path | None, flags: Mapping[str, Any]) -> dict[str, Any]:
    """The profile file's values with every flag the user actually gave on top."""
    values = read_profile_file(profile) if profile else {}
    values.update({key: value for key, value in flags.items() if value is not None})
    return values


def parse_list(value: Any, field: str) -> list[str]:
    """A list from TOML, or a comma-separated string from the command line.

    Items are texts, numbers or dates (a date becomes YYYY-MM-DD); anything else is named
    as the file spells it, with the list's own example.
    """
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    what, example = LISTS.get(field, ("values", '["a", "b"]'))
    if not isinstance(value, list | tuple):
        table = " or a [races] table" if field == "races" else ""
        raise InputError(
            field, f"write a list of {what} like {example}{table} (got {_shown(value)})"
        )
    return [_item(item, field, what, example) for item in value]


def _item(item: Any, field: str, what: str, example: str) -> str:
    if isinstance(item, datetime | time):
        raise _no_time(item, field)
    if isinstance(item, date):
        return item.isoformat()
    if isinstance(item, str) or (isinstance(item, int | float) and not isinstance(item, bool)):
        return str(item).strip()
    if field == "races" and isinstance(item, Mapping):
        day, priority = item.get("date"), item.get("priority")
        written = '"2027-05-01:C"'
        if isinstance(day, date) and not isinstance(day, datetime) and isinstance(priority, str):
            written = f'"{day}:{priority.strip().upper()}"'
        hint = f"write {written} in the list, or a [races] table of date = priority"
        raise InputError(field, f"{_shown(item)} is a table; {hint}")
    raise InputError(field, f"{_shown(item)} is not one of the {what}; write a list like {example}")


def _no_time(value: datetime | time, field: str) -> InputError:
    """A TOML date-time or time where a date belongs."""
    if isinstance(value, time):
        return InputError(field, f"{_shown(value)} is a time of day, not a date like 2027-01-04")
    return InputError(
        field, f"{_shown(value)} has a time of day; write the date only, like {value.date()}"
    )


def _shown(value: Any) -> str:
    """A value as the user wrote it: TOML's spelling (2027-01-13, [1, "x"], {a = 1}, true)
    rather than Python's; a text alone in quotes; cut short past 60 characters."""
    text = repr(value) if isinstance(value, str) else _toml(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, date | time):  # datetime too: 2027-01-16T09:00:00
        return value.isoformat()
    if isinstance(value, list | tuple):
        return f"[{', '.join(_toml(item) for item in value)}]"
    if isinstance(value, Mapping):
        pairs = (
            f"{k if _BARE_KEY.fullmatch(str(k)) else _toml(str(k))} = {_toml(v)}"
            for k, v in value.items()
        )
        return f"{{{', '.join(pairs)}}}"
    return str(value)


def parse_days(values: Iterable[str]) -> frozenset[int]:
    """Weekdays by their three-letter or full English name, any case.

    Nothing is read by prefix: "monkey" is no Monday, and "mon;wed" (a semicolon for a
    comma) is refused rather than read as Monday alone.
    """
    days = set()
    for value in values:
        key = value.strip().lower()
        if key in FULL_DAY_NAMES:
            key = key[:3]
        if key not in DAY_NAMES:
            hint = "; separate days with commas" if any(c in key for c in ";: /|") else ""
            raise InputError(
                "days", f"unknown day {_shown(value)} (use mon,tue,...,sun or full names{hint})"
            )
        days.add(DAY_NAMES.index(key))
    return frozenset(days)


def parse_windows(value: Any) -> tuple[tuple[int, time, time], ...]:
    """Per-weekday time windows: a TOML table `{mon = "06:00-08:00", default = ...}` or
    the command line's `["mon=06:00-08:00", ...]`; `default` fills the unnamed weekdays."""
    field = "window" if isinstance(value, list | tuple) else "windows"
    pairs: list[tuple[str, Any]] = []
    if isinstance(value, Mapping):
        pairs = [(str(key), text) for key, text in value.items()]
    elif isinstance(value, list | tuple):
        for item in value:
            key, sep, text = str(item).partition("=")
            if not sep:
                raise InputError(
                    field, f"{_shown(item)} is not DAY=HH:MM-HH:MM, e.g. mon=06:00-08:00"
                )
            pairs.append((key, text))
    else:
        raise InputError(field, f'expected a table like mon = "06:00-08:00" (got {_shown(value)})')
    found: dict[int | None, tuple[time, time]] = {}
    for key, text in pairs:
        day = _window_day(key, field)
        if day in found:
            raise InputError(field, f"{key.strip()} is given twice")
        found[day] = _window(text, field, key.strip())
    default = found.pop(None, None)
    if default is not None:
        found.update({day: default for day in range(7) if day not in found})
    return tuple((day, *found[day]) for day in sorted(d for d in found if d is not None))


def _window_day(key: str, field: str) -> int | None:
    name = key.strip().lower()
    if name == "default":
        return None
    for names in (DAY_NAMES, FULL_DAY_NAMES):
        if name in names:
            return names.index(name)
    raise InputError(field, f"unknown weekday {key!r} (use mon,tue,...,sun or default)")


def _window(text: Any, field: str, key: str) -> tuple[time, time]:
    match = WINDOW.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InputError(field, f"{key}: {_shown(text)} is not a window like 06:00-08:00")
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    if max(h1, h2) > 23 or max(m1, m2) > 59:
        raise InputError(field, f"{key}: {text!r} is not a time of day (00:00 to 23:59)")
    opens, closes = time(h1, m1), time(h2, m2)
    if closes <= opens:
        raise InputError(field, f"{key}: {text!r} must end after it starts (within one day)")
    return opens, closes


def parse_races(value: Any) -> tuple[tuple[date, ...], tuple[tuple[date, str], ...]]:
    """Race days and the priorities given with them, from a TOML list of dates or
    "DATE:A" texts, a TOML table `{2027-04-25 = "A"}`, or the repeated `--race DATE[:A]`.

    Returns the days (sorted) and (day, priority) for the ones given one; a day without
    one is the athlete's goal race (the planner makes it A).
    """
    field = "races"
    pairs: list[tuple[Any, Any]] = []
    if isinstance(value, Mapping):
        pairs = list(value.items())
    else:
        for item in parse_list(value, field):
            text, sep, priority = str(item).partition(":")
            pairs.append((text, priority.strip() if sep else None))
    found: dict[date, str | None] = {}
    for day_text, priority in pairs:
        day = parse_date(str(day_text).strip(), field)
        if priority is not None and (
            not isinstance(priority, str) or priority.strip().upper() not in RACE_PRIORITIES
        ):
            raise InputError(
                field,
                f"{day}: priority {_shown(priority)} is not A (goal), B (tune-up) or C"
                " (short/club)",
            )
        given = priority.strip().upper() if isinstance(priority, str) else None
        if day in found and found[day] != given:
            raise InputError(field, f"{day} is given twice with different priorities")
        found[day] = given
    days = tuple(sorted(found))
    return days, tuple((day, p) for day in days if (p := found[day]) is not None)


def parse_date(value: Any, field: str) -> date:
    """A date from TOML or a flag, inside the years legday can count weeks in."""
    if isinstance(value, datetime | time):
        raise _no_time(value, field)
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise InputError(field, f"{_shown(value)} is not a date like 2027-01-04") from None
    if not EARLIEST <= day <= LATEST:
        raise InputError(field, f"{day} is outside {EARLIEST.year}-{LATEST.year}")
    return day


def _int(value: Any, field: str) -> int:
    """A whole number; 18.0 is one, 1.5 and true are not (nothing is cut off silently)."""
    whole = isinstance(value, int | str) or (isinstance(value, float) and value.is_integer())
    try:
        if whole and not isinstance(value, bool):
            return int(value)
    except (TypeError, ValueError):
        pass
    raise InputError(field, f"{_shown(value)} is not a whole number")


def _seed(value: Any) -> int:
    """Any whole number a 64-bit store column holds (the logbook keeps it)."""
    seed = _int(value, "seed")
    if not -INT64_MAX - 1 <= seed <= INT64_MAX:
        raise InputError("seed", f"{seed} is not a seed from {-INT64_MAX - 1} to {INT64_MAX}")
    return seed


def _equipment(values: list[str]) -> frozenset[Equipment]:
    kit = set(ALWAYS_AT_HAND)
    for value in values:
        item = _equipment_named(value.strip().lower())
        if item is None:
            known = ", ".join(e.value for e in Equipment)
            raise InputError("equipment", f"unknown equipment {value!r} (known: {known})")
        kit.add(item)
    return frozenset(kit)


def _equipment_named(word: str) -> Equipment | None:
    """People write "kettlebells" beside "dumbbells", or "box" and "boxes": both numbers count."""
    known = {item.value: item for item in Equipment}
    forms = (word, word.removesuffix("s"), word.removesuffix("es"), word + "s")
    return next((known[name] for name in forms if name in known), None)


def _level(value: Any) -> Level:
    try:
        return Level(str(value).lower())
    except ValueError:
        raise InputError(
            "level", f"{_shown(value)} is not beginner, intermediate or advanced"
        ) from None


def _injuries(values: list[str]) -> tuple[str, ...]:
    for value in values:
        if value not in INJURIES:
            raise InputError("injury", f"unknown injury {value!r} (known: {', '.join(INJURIES)})")
    return tuple(dict.fromkeys(values))


def parse_zone(value: Any) -> str | None:
    """An IANA zone name as given, checked (None stays None: the calendar's own zone)."""
    if value is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: "America" is a folder of zones, a 300-character name is too long a path
        raise InputError("tz", f"unknown time zone {_shown(value)} (e.g. Europe/Berlin)") from None
    return str(value)


def _leg(value: Any) -> str | None:
    if value is None or str(value).lower() in ("left", "right"):
        return None if value is None else str(value).lower()
    raise InputError("dominant-leg", f"{_shown(value)} is not left or right")


def _age(value: Any) -> int | None:
    if value is None:
        return None
    age = _int(value, "age")
    low, high = AGES
    if not low <= age <= high:
        raise InputError("age", f"{age} is not an age from {low} to {high} years")
    return age


def _event(value: Any) -> str | None:
    if value is None:
        return None
    event = value.strip().lower() if isinstance(value, str) else None
    if event not in EVENTS:
        raise InputError("event", f"{_shown(value)} is not one of {', '.join(EVENTS)}")
    return event


def _kg(value: Any, field: str) -> float:
    """One weight in kg: a TOML number, or a flag's "12.5" (a trailing "kg" is fine)."""
    kg = math.nan
    if isinstance(value, str):
        with suppress(ValueError):  # not a number: kg stays NaN and is refused below
            kg = float(value.strip().lower().removesuffix("kg"))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        kg = float(value)
    if not (math.isfinite(kg) and kg > 0):
        raise InputError(field, f"{_shown(value)} is not a weight in kg above 0, like 12.5")
    return kg


def _weights(value: Any, field: str) -> tuple[float, ...]:
    """The owned weights of one implement, lightest first. Plates keep repeats (each entry
    is a pair, so two pairs of 10 kg are written twice); dumbbells and bells do not."""
    if isinstance(value, str):  # the command line's --dumbbells 4,6,8,10
        items: list[Any] = [part for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        _, example = LISTS[field]
        raise InputError(
            field, f"write a list of weights in kg like {example} (got {_shown(value)})"
        )
    kgs = [_kg(item, field) for item in items]
    heaviest = HEAVIEST_KG[field]
    for kg in kgs:
        if kg > heaviest:
            raise InputError(field, f"{kg:g} kg is heavier than {heaviest:g} kg; is it a typo?")
    return tuple(sorted(kgs if field == "plates" else set(kgs)))


def _bar(value: Any) -> float:
    kg = _kg(value, "bar")
    low, high = BAR_KG
    if not low <= kg <= high:
        raise InputError("bar", f"{kg:g} kg is not a barbell from {low:g} to {high:g} kg")
    return kg


def _body(value: Any) -> float | None:
    if value is None:
        return None
    kg = _kg(value, "bodyweight")
    low, high = BODY_KG
    if not low <= kg <= high:
        raise InputError(
            "bodyweight", f"{kg:g} kg is not a body weight from {low:g} to {high:g} kg"
        )
    return kg


def build_profile(values: Mapping[str, Any], *, default_start: date) -> Profile:
    """Merge already-layered values (profile file, then flags) into a Profile."""
    v = {k: val for k, val in values.items() if val is not None}
    sessions = _int(v["sessions"], "sessions") if "sessions" in v else None
    races, priorities = parse_races(v.get("races", []))
    weights = {field: _weights(v.get(field, []), field) for field in HEAVIEST_KG}
    equipment = _equipment(parse_list(v.get("equipment", []), "equipment"))
    equipment |= {IMPLEMENT_OF[field] for field, kgs in weights.items() if kgs}
    profile = Profile(
        start=parse_date(v.get("start", default_start), "start"),
        weeks=_int(v.get("weeks", 16), "weeks"),
        sessions=sessions,
        injuries=_injuries(parse_list(v.get("injuries", []), "injuries")),
        equipment=equipment,
        level=_level(v.get("level", "beginner")),
        minutes=_int(v.get("minutes", 45), "minutes"),
        days=parse_days(parse_list(v["days"], "days")) if "days" in v else frozenset(range(7)),
        recovery_every=_int(v.get("recovery_every", 4), "recovery-every"),
        seed=_seed(v.get("seed", 0)),
        blocked=frozenset(
            parse_date(d, "blocked") for d in parse_list(v.get("blocked", []), "blocked")
        ),
        races=races,
        race_priorities=priorities,
        dominant_leg=_leg(v.get("dominant_leg")),
        timezone=parse_zone(v.get("timezone")),
        windows=parse_windows(v["windows"]) if "windows" in v else (),
        age=_age(v.get("age")),
        event=_event(v.get("event")),
        dumbbells_kg=weights["dumbbells"],
        kettlebells_kg=weights["kettlebells"],
        plates_kg=weights["plates"],
        body_kg=_body(v.get("bodyweight")),
    )
    if "bar" in v:  # otherwise the Profile's standard 20 kg bar
        profile = replace(profile, bar_kg=_bar(v["bar"]))
    # here, not at the top: `parse_date` serves `legday today`, which never plans
    from legday.planner import validate_profile

    validate_profile(profile)
    return profile
