"""Library exceptions said in a runner's words (issue 12: ~2 % of fuzzer refusals gave a
library's raw message or a site-packages path)."""

from __future__ import annotations

import pytest

from legday.calendars._words import explain, scrub


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (AttributeError("'list' object has no attribute 'dt'"), "appears twice"),
        (KeyError("DTSTART"), "lacks the required property 'DTSTART'"),
        (
            TypeError("'<' not supported between instances of 'datetime.datetime' and 'date'"),
            "dates of different kinds",
        ),
        (OverflowError("date value out of range"), "years 1 to 9999"),
        (ValueError("UNTIL parameter is missing: FREQ=WEEKLY;UNTL=2019"), "recurrence rule"),
    ],
)
def test_known_shapes_are_said_plainly(error: Exception, words: str) -> None:
    said = explain(error)
    assert words in said
    assert "object has no attribute" not in said
    assert "\n" not in said


def test_a_broken_property_names_itself_and_its_value() -> None:
    from icalendar.error import BrokenCalendarProperty

    error = BrokenCalendarProperty(
        "Cannot access 'dt' on broken property 'DTSTART' (expected 'vDDDTypes'): "
        "Expected datetime, date, or time. Got: 'next tuesday'"
    )
    assert explain(error) == "DTSTART value 'next tuesday' cannot be read"


def test_library_paths_and_line_breaks_are_scrubbed() -> None:
    raw = (
        "Traceback: failed in /work/x/.venv/lib/python3.11/site-packages/icalendar/cal.py:12\n"
        "  while reading"
    )
    said = explain(RuntimeError(raw))
    assert "site-packages" not in said
    assert "Traceback" not in said
    assert "\n" not in said
    assert "(library)" in said
    assert len(scrub("x" * 500)) == 120
