"""Busy time end to end: `legday plan` keeps strength clear of a timed bike ride, and
`legday check` finds a session on top of one, from the calendar or the plan file alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legday.cli import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
# Monday 2027-01-04: Tuesday intervals and a Thursday tempo; Friday is free but for a ride
# at the usual strength time, Saturday free but for a swim in the morning.
CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//legday tests//busy//EN\r
X-WR-TIMEZONE:Europe/Berlin\r
BEGIN:VEVENT\r
UID:tue@busy.test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Europe/Berlin:20270105T180000\r
DTEND;TZID=Europe/Berlin:20270105T190000\r
SUMMARY:Run: Intervals 6 x 800 m\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:thu@busy.test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Europe/Berlin:20270107T180000\r
DTEND;TZID=Europe/Berlin:20270107T190000\r
SUMMARY:Run: Tempo 25 min\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:fri@busy.test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Europe/Berlin:20270108T174500\r
DTEND;TZID=Europe/Berlin:20270108T191000\r
SUMMARY:Bike: Endurance ride\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:sat@busy.test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Europe/Berlin:20270109T173000\r
DTEND;TZID=Europe/Berlin:20270109T181500\r
SUMMARY:Swim: Easy 1500 m\r
END:VEVENT\r
END:VCALENDAR\r
"""
PLAN = ["--start", "2027-01-04", "--weeks", "1", "--days", "fri,sat", "--sessions", "2"]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "club.ics"
    path.write_text(CALENDAR, encoding="utf-8", newline="")
    return path


def _plan(calendar: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["plan", "--runs", str(calendar), *PLAN, "-f", "json", "-o", str(target)]) == 0
    capsys.readouterr()
    data: dict[str, object] = json.loads(target.read_text())
    return data


def _days(data: dict[str, object]) -> dict[str, dict[str, list[dict[str, object]]]]:
    days = data["days"]
    assert isinstance(days, list)
    return {d["date"]: d for d in days}


def test_plan_puts_strength_after_the_ride_and_lists_it_as_busy(
    calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _plan(calendar, tmp_path / "plan.json", capsys)
    days = _days(data)
    friday, saturday = days["2027-01-08"], days["2027-01-09"]
    assert friday["runs"] == []  # a ride is not a run
    assert _clock(friday["busy"]) == [
        {"title": "Bike: Endurance ride", "start": "17:45", "end": "19:10"}
    ]
    (session,) = friday["strength"]
    assert session["start"] == "19:10"
    assert "a day without running" in str(session["why"])
    (session,) = saturday["strength"]
    assert session["start"] == "18:15"  # 18:00 would run into the swim
    assert data["violations"] == [] or all(
        not v["hard"]
        for v in data["violations"]  # type: ignore[union-attr]
    )


def test_check_finds_a_session_moved_onto_the_ride(
    calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    data = _plan(calendar, target, capsys)
    assert main(["check", str(target), "--runs", str(calendar)]) == 0
    capsys.readouterr()
    moved = _days(data)["2027-01-08"]["strength"][0]
    moved["start"] = "18:00"
    target.write_text(json.dumps(data))
    for extra in (["--runs", str(calendar)], []):  # the plan file carries the ride too
        assert main(["check", str(target), *extra]) == 1
        out = capsys.readouterr().out
        assert (
            f"2027-01-08: [hard] no-overlap: strength on 2027-01-08 from 18:00 for "
            f"{moved['minutes']} min "
            "overlaps Bike: Endurance ride (busy time, 17:45-19:10)"
        ) in out


def test_the_table_shows_the_ride_as_busy_and_exports_do_not_call_it_running(
    calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "--runs", str(calendar), *PLAN]) == 0
    table = capsys.readouterr().out
    assert "(busy," in table and "Endurance" in table  # the cell wraps, so in parts
    target = tmp_path / "plan.md"
    assert main(["plan", "--runs", str(calendar), *PLAN, "-f", "md", "-o", str(target)]) == 0
    markdown = target.read_text(encoding="utf-8")
    assert "Running today: Intervals" not in markdown  # no run on the strength days
    assert "Running today" not in markdown  # and the ride and the swim are not running
    prose = " ".join(markdown.split())  # a why is wrapped over lines
    assert "clear of your Bike: Endurance ride 17:45-19:10" in prose


def test_the_bundled_example_has_no_overlap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make run`'s calendar: its rides and swims leave every session a gap."""
    target = tmp_path / "plan.json"
    args = ["--runs", str(EXAMPLE), "--start", "2027-01-04", "--weeks", "18"]
    args += ["--injury", "shin-splints", "--equipment", "bodyweight,dumbbells,band,step"]
    assert main(["plan", *args, "-f", "json", "-o", str(target)]) == 0
    assert main(["check", str(target), "--runs", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "no-overlap" not in out
    days = _days(json.loads(target.read_text()))
    ride = days["2027-01-22"]
    assert ride["busy"] and ride["strength"][0]["start"] == "19:00"


def _clock(busy: list[dict[str, object]]) -> list[dict[str, object]]:
    """Busy entries as the contract names them (the file also keeps the reading's reason,
    source, confidence and minutes)."""
    return [{k: b[k] for k in ("title", "start", "end")} for b in busy]
