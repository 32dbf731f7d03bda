"""A calendar library's exception in a runner's words: one short line, no library internals.

The readers catch what they can name themselves (with the line); this is for the rest, what
icalendar, recurring-ical-events or dateutil raise from deep inside. Their messages speak of
Python types ("'list' object has no attribute 'dt'") and may quote their own file paths;
neither helps someone fixing a calendar, so each known shape is said plainly, and anything
else is cut to its gist with paths into the libraries removed.
"""

from __future__ import annotations

import re

__all__ = ["explain", "scrub"]

_PATH = re.compile(
    r"""(?:[A-Za-z]:)?[^\s'"()]*(?:site-packages|dist-packages|/lib/python)[^\s'"()]*"""
)
_BROKEN = re.compile(r"broken property '([\w-]+)'.*?Got: '([^']*)'", re.S)
_BROKEN_NAME = re.compile(r"broken property '([\w-]+)'")
_MISSING_ATTRIBUTE = re.compile(r"'(?:list|tuple|NoneType|str|vText)' object has no attribute")
_MIXED = ("not supported between instances of", "can't compare", "can't subtract", "offset-naive")


def scrub(text: str, limit: int = 120) -> str:
    """One line of at most `limit` characters, without paths into installed libraries."""
    flat = " ".join(_PATH.sub("(library)", text).replace("Traceback", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def explain(error: BaseException) -> str:
    """What went wrong, as far as a calendar's author can act on it."""
    text = str(error)
    kind = type(error).__name__
    if isinstance(error, KeyError):
        return f"an event lacks the required property {scrub(text, 40)}"
    if kind == "BrokenCalendarProperty":
        broken = _BROKEN.search(text)
        if broken:
            return f"{broken.group(1)} value {scrub(broken.group(2), 60)!r} cannot be read"
        named = _BROKEN_NAME.search(text)
        return f"{named.group(1) if named else 'a property'} cannot be read"
    if isinstance(error, AttributeError) and _MISSING_ATTRIBUTE.search(text):
        return "a property that may appear once appears twice, or is empty (e.g. two DTSTART)"
    if isinstance(error, TypeError) and any(words in text for words in _MIXED):
        return (
            "dates of different kinds meet (a whole day against a time, or a zoned time"
            " against a floating one)"
        )
    if isinstance(error, OverflowError) or "out of range" in text:
        return "a date or time outside what a calendar can hold (years 1 to 9999)"
    if kind == "BadRuleStringFormat" or "rrule" in text.lower() or "UNTIL" in text:
        return f"a recurrence rule cannot be read: {scrub(text, 90)}"
    if isinstance(error, MemoryError):
        return "too large to read"
    if isinstance(error, UnicodeError):
        return "text that is not valid in its encoding"
    return f"cannot be read: {scrub(text, 100) or 'no details'}"
