"""The limits every input is held to where it enters legday (plan JSON, profile, kinds,
backup), kept in one place so each reader's schema says the same thing.

The readers differ in shape, not in what is sane: a date inside the years legday can count
weeks in, whole numbers small enough for a 64-bit column, no NaN or Infinity, no text that
cannot be written back out (a lone surrogate), and ids that are plain catalogue slugs, so
a CR/LF never reaches a FIT file, a calendar or a log line.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

__all__ = [
    "EARLIEST",
    "ID_PATTERN",
    "INT64_MAX",
    "LATEST",
    "BoundaryError",
    "bad_text",
    "has_control",
    "is_id",
    "load_json",
    "outside_window",
]

EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)  # far from datetime's limits
INT64_MAX = 2**63 - 1  # the widest whole number any store column holds
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"  # catalogue, care and injury ids alike
_ID = re.compile(ID_PATTERN)
_MAX_INT_DIGITS = 20  # enough for any int64, far below Python's 4300-digit refusal
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


class BoundaryError(ValueError):
    """An input outside the limits; the message names the field (or says where)."""


def _no_constant(name: str) -> Any:
    raise BoundaryError(f"{name} is not a number legday accepts (only finite numbers)")


def _finite(text: str) -> float:
    """A JSON number with a fraction or exponent; 1e999 would be Infinity."""
    value = float(text)
    if not math.isfinite(value):
        raise BoundaryError(f"{text[:20]} is not a number legday accepts (only finite numbers)")
    return value


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise BoundaryError(f"a whole number of {len(text)} digits is too large")
    return int(text)


def load_json(raw: bytes) -> Any:
    """A JSON document within the limits, or `BoundaryError`/`json.JSONDecodeError`.

    NaN, Infinity and giant integers are refused while parsing (the standard library takes
    them); nesting deeper than the parser's recursion guard (a 200,000-deep document) is
    one `BoundaryError`, not a RecursionError; a lone surrogate escape is refused after.
    No legday document nests past eight levels, and each reader's schema names the shape
    it takes, so a deep value in a field no schema reads is never walked.
    """
    try:
        data = json.loads(
            raw.decode("utf-8"), parse_constant=_no_constant, parse_int=_whole, parse_float=_finite
        )
    except RecursionError:
        raise BoundaryError("nested too deeply") from None
    if _SURROGATE_ESCAPE.search(raw):
        where = bad_text(data)
        if where is not None:
            raise BoundaryError(f"{where}: text that is not valid Unicode (a lone surrogate)")
    return data


def bad_text(data: Any, path: str = "") -> str | None:
    """Where in `data` a string holds a lone surrogate, or None; walked without recursion."""
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return where or "document"
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{where}.{key}" if where else str(key), key))
                stack.append((f"{where}.{key}" if where else str(key), item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))
    return None


def is_id(value: object) -> bool:
    """A plain slug: lower-case letters, digits and hyphens, no control characters."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def has_control(text: str) -> bool:
    """Control characters (tabs aside) that must never become part of a key or an id."""
    return _CONTROL.search(text) is not None


def outside_window(day: date) -> bool:
    """True for a date before 1900 or after 2199: no training plan lives there."""
    return not EARLIEST <= day <= LATEST
