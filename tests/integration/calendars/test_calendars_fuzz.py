"""Fuzz `read_calendar`: random bytes and mutated real calendars (.ics and .csv) are read or
refused with one CalendarError line naming the file, never another exception, a library's
file path or a hang. Crashers found are kept in fixtures/calendars/crashers.

In `make test` the budget is small (a few seconds) and the time limit generous, to catch
hangs on a busy machine. `make fuzz` runs the same targets for minutes against the 2 s
target and prints the slowest inputs:

    LEGDAY_FUZZ_EXAMPLES  examples per target (default 25)
    LEGDAY_FUZZ_SECONDS   stop reading new inputs after this long per target (default none)
    LEGDAY_FUZZ_LIMIT     CPU seconds one input may take (default 10)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.calendars import read_calendar
from legday.errors import CalendarError
from thorough import examples

pytestmark = pytest.mark.slow  # fuzzing

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
ICS_SEEDS = [
    (FIXTURES / name).read_bytes()
    for name in (
        "training-platform.ics",
        "coaching-app.ics",
        "recurrence.ics",
        "personal.ics",
        "folded-crlf.ics",
        "languages.ics",
    )
]
CSV_SEEDS = [
    (FIXTURES / name).read_bytes()
    for name in ("plan.csv", "plan-de.csv", "plan-noheader.csv", "activities.csv")
]
CRASHERS = sorted((FIXTURES / "crashers").glob("*.ics"))
WINDOW = (date(2027, 1, 1), date(2027, 6, 30))
EXAMPLES = int(os.environ.get("LEGDAY_FUZZ_EXAMPLES", str(examples(100))))
BUDGET = float(os.environ.get("LEGDAY_FUZZ_SECONDS", "0")) or None
LIMIT = float(os.environ.get("LEGDAY_FUZZ_LIMIT", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time limit is checked in _check, in CPU seconds
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NASTY = [
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"END:VCALENDAR\r\n",
    b"BEGIN:VCALENDAR\r\n",
    b"RRULE:FREQ=SECONDLY\r\n",
    b"RRULE:FREQ=DAILY;INTERVAL=0\r\n",
    b"RRULE:FREQ=DAILY;COUNT=99999999\r\n",
    b"RRULE:\r\n",
    b"DTSTART:99991231T235959Z\r\n",
    b"DTSTART;TZID=Nowhere/Land:20270301T070000\r\n",
    b"DTSTART;VALUE=DATE:20270301\r\n",
    b"DTEND:00010101\r\n",
    b"EXDATE:garbage\r\n",
    b"RDATE;VALUE=PERIOD:20270301T070000Z/PT1H\r\n",
    b"RECURRENCE-ID:20270301T070000Z\r\n",
    b"\x00",
    b"\xff\xfe",
    b" folded\r\n",
    b"SUMMARY:\xf0\x9f\x8f\x83 \\, \\; \\n\r\n",
    b"DURATION:-P1D\r\n",
    b"DURATION:P999999999W\r\n",
    b"X-WORKOUT-ESTIMATED-DURATION:P9999999D\r\n",
    b"BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    b"RRULE:FREQ=MINUTELY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
    b"END:VTIMEZONE\r\n",
]
CSV_NASTY = [
    b'2027-03-01,"Easy run\n',
    b'2027-03-02,"5 x 1000" tempo\n',
    b"2027-03-03,L\xe4ufchen\n",
    b"2027-03-04,Tempo;;;;\n",
    b"31.02.2027,Long run\n",
    b"2027-03-05,Run,fast,25:99,999999\n",
    b"\x00\n",
    b"Activity Type,Date,Title,Distance,Time\n",
    b'"\n',
]
RULE_PARTS = {
    "FREQ": st.sampled_from(
        ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "X"]
    ),
    "INTERVAL": st.integers(-2, 400).map(str),
    "COUNT": st.integers(0, 10**7).map(str),
    "UNTIL": st.sampled_from(["20270401T000000Z", "20270401", "19000101T000000Z", "x"]),
    "BYSECOND": st.lists(st.integers(0, 60), max_size=61),
    "BYMINUTE": st.lists(st.integers(0, 59), max_size=60),
    "BYHOUR": st.lists(st.integers(0, 23), max_size=24),
    "BYDAY": st.lists(
        st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU", "1MO", "-1SU", "53FR"]),
        max_size=10,
    ),
    "BYMONTHDAY": st.lists(st.integers(-31, 31), max_size=31),
    "BYYEARDAY": st.lists(st.integers(-366, 366), max_size=366),
    "BYWEEKNO": st.lists(st.integers(-53, 53), max_size=53),
    "BYMONTH": st.lists(st.integers(1, 12), max_size=12),
    "BYSETPOS": st.lists(st.integers(-366, 366), max_size=5),
}

_slowest: list[tuple[float, str, bytes]] = []
_spent: dict[str, float] = {}
_tried: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def _no_cache_and_report() -> Iterator[None]:
    """Read without the cache (fuzz inputs are never read twice); print the slowest."""
    before = os.environ.get("LEGDAY_NO_CACHE")
    os.environ["LEGDAY_NO_CACHE"] = "1"
    yield
    if before is None:
        os.environ.pop("LEGDAY_NO_CACHE", None)
    else:
        os.environ["LEGDAY_NO_CACHE"] = before
    if "LEGDAY_FUZZ_EXAMPLES" in os.environ or BUDGET:
        tried = ", ".join(f"{target} {count}" for target, count in _tried.items())
        print(f"\ninputs read: {tried}; slowest (CPU s, target 2 s, limit {LIMIT} s):")
        for seconds, outcome, data in sorted(_slowest, reverse=True)[:10]:
            print(f"  {seconds:6.3f} s  {len(data):>8} B  {outcome[:70]}  {data[:50]!r}")


def _within_budget(target: str) -> bool:
    """With LEGDAY_FUZZ_SECONDS, a target stops reading inputs once it has had its time (the
    examples hypothesis still draws after that cost only their drawing)."""
    first = _spent.setdefault(target, time.monotonic())
    if BUDGET is not None and time.monotonic() - first > BUDGET:
        return False
    _tried[target] = _tried.get(target, 0) + 1
    return True


def _check(tmp: Path, data: bytes, suffix: str = ".ics") -> None:
    path = tmp / f"fuzz{suffix}"
    path.write_bytes(data)
    started = time.process_time()
    try:
        calendar = read_calendar(path, *WINDOW)
        outcome = f"read {len(calendar.entries)}"
    except CalendarError as error:
        message = str(error)
        outcome = message.removeprefix(str(path))
        assert message.startswith(str(path)), message
        assert "\n" not in message, message
        assert "site-packages" not in message, message
        assert "Traceback" not in message, message
        assert " object has no attribute " not in message, message
    spent = time.process_time() - started
    _slowest.append((spent, outcome, data))
    _slowest.sort(reverse=True)
    del _slowest[10:]
    assert spent < LIMIT, f"{spent:.1f} s for {len(data)} bytes: {outcome}"


@st.composite
def rrules(draw: st.DrawFn) -> bytes:
    """An RRULE line of random parts, the densest ones included."""
    names = draw(st.lists(st.sampled_from(sorted(RULE_PARTS)), min_size=1, max_size=5))
    parts = ["FREQ=" + draw(RULE_PARTS["FREQ"])]
    for name in dict.fromkeys(names):
        value = draw(RULE_PARTS[name])
        text = ",".join(map(str, value)) if isinstance(value, list) else value
        if text and name != "FREQ":
            parts.append(f"{name}={text}")
    return ("RRULE:" + ";".join(parts) + "\r\n").encode()


def _huge(draw: st.DrawFn) -> bytes:
    """One property with a very long value, folded or not."""
    key = draw(st.sampled_from([b"SUMMARY", b"DESCRIPTION", b"X-JUNK", b"EXDATE"]))
    size = draw(st.sampled_from([600, 5_000, 99_000, 101_000, 300_000]))
    body = (b"20270301T070000Z," if key == b"EXDATE" else b"Tempo ") * (size // 6)
    if draw(st.booleans()):
        body = b"\r\n ".join(body[i : i + 74] for i in range(0, len(body), 74))
    return key + b":" + body + b"\r\n"


@st.composite
def mutated_ics(draw: st.DrawFn) -> bytes:
    """A real calendar with lines cut, repeated, swapped, flipped or replaced by hostile
    ones: nasty lines, random rules, huge values, deep nesting, many copies of an event."""
    lines = draw(st.sampled_from(ICS_SEEDS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(
                ["drop", "dup", "swap", "nasty", "flip", "rule", "huge", "nest", "copies", "cut"]
            )
        )
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "nasty":
            lines.insert(index, draw(st.sampled_from(NASTY)))
        elif action == "flip":
            line = bytearray(lines[index])
            if line:
                line[draw(st.integers(0, len(line) - 1))] = draw(st.integers(0, 255))
            lines[index] = bytes(line)
        elif action == "rule":
            lines.insert(index, draw(rrules()))
        elif action == "huge":
            lines.insert(index, _huge(draw))
        elif action == "nest":
            depth = draw(st.integers(2, 200))
            lines[index:index] = [b"BEGIN:X\r\n"] * depth + [b"END:X\r\n"] * depth
        elif action == "copies":
            begin = next((i for i, line in enumerate(lines) if line.startswith(b"BEGIN:VEVENT")), 0)
            finish = next(
                (i for i, line in enumerate(lines) if line.startswith(b"END:VEVENT")), begin
            )
            event = b"".join(lines[begin : finish + 1])
            lines.insert(finish + 1, event * draw(st.sampled_from([10, 500, 3_000])))
        else:
            return b"".join(lines[:index]) + lines[index][: len(lines[index]) // 2]
        if not lines:
            lines = [b"BEGIN:VCALENDAR\r\n"]
    return b"".join(lines)


@st.composite
def mutated_csv(draw: st.DrawFn) -> bytes:
    """A real plan or export with rows dropped, repeated, flipped or replaced by broken ones."""
    lines = draw(st.sampled_from(CSV_SEEDS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "nasty", "flip", "huge", "many"]))
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "nasty":
            lines.insert(index, draw(st.sampled_from(CSV_NASTY)))
        elif action == "flip":
            line = bytearray(lines[index])
            if line:
                line[draw(st.integers(0, len(line) - 1))] = draw(st.integers(0, 255))
            lines[index] = bytes(line)
        elif action == "huge":
            size = draw(st.sampled_from([600, 5_000, 200_000]))
            lines.insert(index, b"2027-03-01," + b"Tempo " * (size // 6) + b"\n")
        else:
            lines.insert(index, b"2027-03-02,Easy run\n" * draw(st.sampled_from([50, 9_000])))
    return b"".join(lines)


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".ics", ".csv", ".txt"]))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    if _within_budget("bytes"):
        _check(tmp_path_factory.mktemp("fuzz"), data, suffix)


@FUZZ
@given(data=mutated_ics())
def test_mutated_calendars(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    if _within_budget("ics"):
        _check(tmp_path_factory.mktemp("fuzz"), data)


@FUZZ
@given(data=mutated_csv())
def test_mutated_csv_plans(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    if _within_budget("csv"):
        _check(tmp_path_factory.mktemp("fuzz"), data, ".csv")


@pytest.mark.skipif(not CRASHERS, reason="no crashers kept yet")
@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_kept_crashers(tmp_path: Path, path: Path) -> None:
    _check(tmp_path, path.read_bytes())
