"""`make bench` (and `python bench/hostile.py`): hostile calendars, each read or refused.

The files an adversarial run found hanging, slow or misread (issue 12, "Bad input"), built
at full size in a temporary folder. Each is read in its own process (so a hang is cut off
after `--timeout` seconds, not waited for) and its time is printed against the 2 s target:
any input up to the size cap is read or refused within 2 s. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TARGET_S = 2.0
WINDOW = ("2027-01-01", "2027-12-31")

_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//legday//hostile//EN\r\n"
_TAIL = "END:VCALENDAR\r\n"


def _event(uid: str, start: str, summary: str, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:{start}\r\n"
        f"DURATION:PT45M\r\nSUMMARY:{summary}\r\n{extra}END:VEVENT\r\n"
    )


def interval_zero() -> bytes:
    """196 bytes: a daily rule that never moves on."""
    rule = "RRULE:FREQ=DAILY;INTERVAL=0\r\n"
    return (_HEAD + _event("zero@x", "20270101T070000Z", "Easy run", rule) + _TAIL).encode()


def zone_rules(freq: str = "MINUTELY") -> bytes:
    """A custom VTIMEZONE whose STANDARD and DAYLIGHT rules repeat every minute or second."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Track/Club\r\n"
        f"BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nRRULE:FREQ={freq}\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
        f"BEGIN:DAYLIGHT\r\nDTSTART:19700101T000030\r\nRRULE:FREQ={freq}\r\n"
        "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    event = (
        "BEGIN:VEVENT\r\nUID:zone@x\r\nDTSTART;TZID=Track/Club:20270301T070000\r\n"
        "DURATION:PT1H\r\nSUMMARY:Tempo run\r\nEND:VEVENT\r\n"
    )
    return (_HEAD + zone + event + _TAIL).encode()


def dense_allowed() -> bytes:
    """About the densest rule the guard lets through: ~7,850 occurrences in the year."""
    rule = "RRULE:FREQ=MINUTELY;INTERVAL=67\r\n"
    return (_HEAD + _event("dense@x", "20270101T000000Z", "Strides", rule) + _TAIL).encode()


def csv_rows(count: int = 7_999) -> bytes:
    """A plan CSV with `count` rows in the window, ~22 a day."""
    rows = "".join(f"2027-{i % 12 + 1:02d}-{i % 28 + 1:02d},Tempo run {i}\n" for i in range(count))
    return ("date,title\n" + rows).encode()


def never_repeats() -> bytes:
    """A daily rule whose days never come: the library searched up to year 9999."""
    rule = "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n"
    return (_HEAD + _event("never@x", "20270101T070000Z", "Easy run", rule) + _TAIL).encode()


def fan_out() -> bytes:
    """~1.8 KB: BYYEARDAY x BYHOUR x BYMINUTE, half a million occurrences a year."""
    days = ",".join(str(d) for d in range(1, 367))
    hours = ",".join(str(h) for h in range(24))
    minutes = ",".join(str(m) for m in range(60))
    rule = f"RRULE:FREQ=YEARLY;BYYEARDAY={days};BYHOUR={hours};BYMINUTE={minutes}\r\n"
    return (_HEAD + _event("fan@x", "20270101T000000Z", "Strides", rule) + _TAIL).encode()


def many_events(count: int = 100_000) -> bytes:
    """`count` one-off events, a few a day from 2027 on."""
    parts = [_HEAD]
    for i in range(count):
        year, rest = divmod(i // 8, 365)
        month, mday = divmod(rest, 28)
        day = (2027 + year) * 10000 + (month % 12 + 1) * 100 + mday + 1
        parts.append(_event(f"e{i}@x", f"{day}T0{i % 8}0000Z", f"Easy run {i}"))
    parts.append(_TAIL)
    return "".join(parts).encode()


def busy_year(count: int = 5_000) -> bytes:
    """`count` one-off events all inside the window (2027), ~14 a day."""
    parts = [_HEAD]
    for i in range(count):
        month, mday = i % 12 + 1, (i // 12) % 28 + 1
        parts.append(_event(f"b{i}@x", f"2027{month:02d}{mday:02d}T{i % 24:02d}0000Z", "Run"))
    parts.append(_TAIL)
    return "".join(parts).encode()


def year_long(count: int = 4_000) -> bytes:
    """`count` timed events from 1 January to 31 December: one entry a day each."""
    parts = [_HEAD]
    for i in range(count):
        parts.append(
            f"BEGIN:VEVENT\r\nUID:y{i}@x\r\nDTSTAMP:20270101T000000Z\r\n"
            f"DTSTART:20270101T090000Z\r\nDTEND:20271231T170000Z\r\n"
            f"SUMMARY:Conference {i}\r\nEND:VEVENT\r\n"
        )
    parts.append(_TAIL)
    return "".join(parts).encode()


def csv_long_rows(count: int = 7_999) -> bytes:
    """A plan CSV whose rows each last the longest a duration can say (999 h, 42 days)."""
    rows = "".join(
        f"2027-{i % 12 + 1:02d}-{i % 28 + 1:02d},Shift {i},other,08:00,999:00\n"
        for i in range(count)
    )
    return ("date,title,kind,start,duration_min\n" + rows).encode()


def many_exdates(count: int = 300_000) -> bytes:
    """One daily series with `count` EXDATE lines."""
    lines = "".join(
        f"EXDATE:{2027 + i // 360000:04d}{(i // 30000) % 12 + 1:02d}{i % 28 + 1:02d}"
        f"T{(i // 28) % 24:02d}0000Z\r\n"
        for i in range(count)
    )
    rule = "RRULE:FREQ=DAILY\r\n" + lines
    return (_HEAD + _event("ex@x", "20270101T070000Z", "Easy run", rule) + _TAIL).encode()


def huge_summary(size: int = 8 * 2**20) -> bytes:
    """One event whose SUMMARY is `size` characters (folded at 75 octets, as RFC 5545 asks)."""
    text = ("Tempo run 5 x 1 km " * (size // 19 + 1))[:size]
    line = f"SUMMARY:{text}"
    folded = "\r\n ".join(line[i : i + 74] for i in range(0, len(line), 74))
    event = (
        "BEGIN:VEVENT\r\nUID:big@x\r\nDTSTART:20270301T070000Z\r\nDURATION:PT1H\r\n"
        f"{folded}\r\nEND:VEVENT\r\n"
    )
    return (_HEAD + event + _TAIL).encode()


def feed_five_years() -> bytes:
    """What must stay fine: a platform feed, 5 years of daily workouts (~1,800 events) plus
    a second session on 3 days a week (~3,000 in all), with descriptions."""
    parts = [_HEAD]
    uid = 0
    for year in range(2023, 2028):
        for month in range(1, 13):
            for mday in range(1, 29):
                day = f"{year}{month:02d}{mday:02d}"
                text = "DESCRIPTION:Warm up 15 min\\, 6 x 800 m at 5K pace\\, cool down\r\n"
                parts.append(_event(f"w{uid}@x", f"{day}T060000Z", "Intervals", text))
                uid += 1
                if mday % 7 in (1, 3, 5):
                    parts.append(_event(f"w{uid}@x", f"{day}T170000Z", "Easy run 30 min"))
                    uid += 1
    parts.append(_TAIL)
    return "".join(parts).encode()


def csv_open_quote() -> bytes:
    """A plan CSV whose title's quote never closes, swallowing the tempo run below it."""
    return (
        b'date,title\n2027-03-01,"Easy run 40 min\n2027-03-02,Tempo run 8 km\n2027-03-03,Easy run\n'
    )


def csv_mixed_encoding() -> bytes:
    """A plan CSV edited in two programs: one row UTF-8, one Latin-1."""
    utf8 = "date,title\n2027-03-01,Läufchen\n".encode()
    return utf8 + "2027-03-02,Dauerlauf über 12 km\n".encode("latin-1")


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "interval-zero": (".ics", interval_zero),
    "zone-minutely": (".ics", zone_rules),
    "zone-secondly": (".ics", lambda: zone_rules("SECONDLY")),
    "fan-out": (".ics", fan_out),
    "dense-allowed": (".ics", dense_allowed),
    "never-repeats": (".ics", never_repeats),
    "100k-events": (".ics", many_events),
    "20k-events": (".ics", lambda: many_events(19_999)),
    "50k-events": (".ics", lambda: many_events(49_999)),
    "5k-events-in-window": (".ics", busy_year),
    "3k-events-in-window": (".ics", lambda: busy_year(2_999)),
    "year-long-events": (".ics", year_long),
    "300k-exdates": (".ics", many_exdates),
    "20k-exdates": (".ics", lambda: many_exdates(20_000)),
    "8mb-summary": (".ics", huge_summary),
    "100k-summary": (".ics", lambda: huge_summary(99_990)),
    "feed-5-years": (".ics", feed_five_years),
    "csv-8k-rows": (".csv", csv_rows),
    "csv-42-day-rows": (".csv", csv_long_rows),
    "csv-open-quote": (".csv", csv_open_quote),
    "csv-mixed-encoding": (".csv", csv_mixed_encoding),
}

_CHILD = """
import sys, time
from datetime import date
from legday.calendars import read_calendar
from legday.errors import CalendarError
start, end = (date.fromisoformat(d) for d in sys.argv[2:4])
began, cpu = time.perf_counter(), time.process_time()
try:
    cal = read_calendar(__import__("pathlib").Path(sys.argv[1]), start, end)
    outcome = f"read, {len(cal.entries)} entries"
except CalendarError as error:
    outcome = f"refused: {str(error).split(': ', 1)[1][:90]}"
print(f"{time.perf_counter() - began:.3f}\\t{time.process_time() - cpu:.3f}\\t{outcome}")
"""


def run_case(path: Path, timeout: float) -> tuple[float, float, str]:
    """Wall and CPU seconds to read or refuse `path` (in a fresh process, without the
    cache), and how. The machine is shared: CPU time is the steadier figure."""
    env = dict(os.environ, LEGDAY_NO_CACHE="1")
    command = [sys.executable, "-c", _CHILD, str(path), *WINDOW]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return timeout, timeout, f"still running after {timeout:.0f} s (stopped)"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return 0.0, 0.0, f"CRASHED: {last[:100]}"
    wall, cpu, outcome = done.stdout.strip().split("\t", 2)
    return float(wall), float(cpu), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a case stops")
    parser.add_argument("cases", nargs="*", help=f"some of: {', '.join(CASES)}")
    args = parser.parse_args()
    chosen = args.cases or list(CASES)
    print(f"hostile calendars on {platform.processor() or platform.machine()}, target {TARGET_S} s")
    with tempfile.TemporaryDirectory(prefix="legday-hostile-") as folder:
        for name in chosen:
            suffix, build = CASES[name]
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(build())
            wall, cpu, outcome = run_case(path, args.timeout)
            verdict = "ok  " if cpu <= TARGET_S and "CRASH" not in outcome else "SLOW"
            size = path.stat().st_size / 1024
            print(f"{verdict} {name:20} {size:8.0f} KB {wall:6.2f} s {cpu:6.2f} s cpu  {outcome}")


if __name__ == "__main__":
    main()
