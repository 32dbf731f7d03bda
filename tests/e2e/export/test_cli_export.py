"""`legday export fit|ics|html|md` end to end, from a plan file written to the contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream
from icalendar import Calendar, Event

from legday.cli import main


def _exercise(exercise_id: str, sets: int, reps: int | None, seconds: int | None) -> dict[str, Any]:
    return {
        "exercise": exercise_id,
        "sets": sets,
        "reps": reps,
        "seconds": seconds,
        "per_side": exercise_id.startswith("single-leg"),
        "load": "12 kg dumbbell" if exercise_id == "goblet-squat" else "bodyweight",
        "tempo": "3-1-2",
        "target_rpe": 7,
        "muscles": ["quads", "glutes"],
        "unilateral": exercise_id.startswith("single-leg"),
        "balance": False,
        "injury_care": [],
        "cues": ["Move slowly through the full range.", "Breathe out as you push."],
    }


def _session(start: str | None) -> dict[str, Any]:
    return {
        "start": start,
        "minutes": 40,
        "warmup": [{"exercise": "bodyweight-squat", "minutes": 5}],
        "main": [
            _exercise("goblet-squat", 3, 8, None),
            _exercise("single-leg-calf-raise", 3, 12, None),
            _exercise("wall-sit", 2, None, 30),
        ],
        "cooldown": [{"exercise": "towel-calf-raise", "seconds": 45}],
        "why": "After an easy run, two days before the intervals.",
    }


def _plan() -> dict[str, Any]:
    days = []
    for n in range(14):
        day = f"2026-03-{2 + n:02d}"
        runs = []
        strength = []
        if n == 1:
            runs = [{"title": "Easy 8 km", "kind": "easy", "start": "07:00", "end": "07:50"}]
            strength = [_session(None)]
        if n == 4:
            strength = [_session("17:30")]
        days.append({"date": day, "runs": runs, "strength": strength})
    return {
        "schema": "legday.plan/1",
        "start": "2026-03-02",
        "end": "2026-03-15",
        "weeks": [
            {"start": "2026-03-02", "kind": "build", "note": "Two sessions."},
            {"start": "2026-03-09", "kind": "recovery", "note": "Legs rest."},
        ],
        "days": days,
        "violations": [],
    }


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(_plan()), encoding="utf-8")
    return path


def test_ics(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cal" / "legday.ics"
    out.parent.mkdir()

    assert main(["export", "ics", str(plan_file), "-o", str(out), "--tz", "Europe/Berlin"]) == 0

    assert "wrote 2 session(s)" in capsys.readouterr().out
    calendar = Calendar.from_ical(out.read_bytes())
    events = [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]
    starts = sorted(str(e.decoded("dtstart")) for e in events)
    assert starts == ["2026-03-03 07:50:00+01:00", "2026-03-06 17:30:00+01:00", "2026-03-09"]
    assert "Goblet squat" in str(events[0]["DESCRIPTION"])
    assert [p.name for p in out.parent.iterdir()] == ["legday.ics"]


def test_fit(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "watch"

    assert main(["export", "fit", str(plan_file), "-o", str(out)]) == 0

    files = sorted(out.iterdir())
    assert [p.name for p in files] == ["legday-2026-03-03.fit", "legday-2026-03-06.fit"]
    for path in files:
        decoder = Decoder(Stream.from_byte_array(bytearray(path.read_bytes())))
        assert decoder.check_integrity()
        messages, errors = Decoder(Stream.from_byte_array(bytearray(path.read_bytes()))).read()
        assert errors == []
        names = [s.get("wkt_step_name") for s in messages["workout_step_mesgs"]]
        assert "Goblet squat" in names


@pytest.mark.parametrize(("command", "needle"), [("html", "<!DOCTYPE html>"), ("md", "# Leg")])
def test_html_and_markdown(plan_file: Path, tmp_path: Path, command: str, needle: str) -> None:
    out = tmp_path / f"plan.{command}"

    assert main(["export", command, str(plan_file), "-o", str(out)]) == 0

    text = out.read_text(encoding="utf-8")
    assert text.startswith(needle)
    assert "Goblet squat" in text
    assert "Recovery week: no strength" in text


def test_bad_plan_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text('{"schema": "legday.plan/1", "start": "yesterday"}', encoding="utf-8")
    out = tmp_path / "plan.md"

    assert main(["export", "md", str(bad), "-o", str(out)]) == 2

    err = capsys.readouterr().err
    assert err.startswith("legday: error: ")
    assert err.count("\n") == 1
    assert not out.exists()


def test_unknown_zone_is_one_line_exit_2(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cal" / "legday.ics"
    out.parent.mkdir()

    assert main(["export", "ics", str(plan_file), "-o", str(out), "--tz", "Mars/Olympus"]) == 2

    assert "tz: unknown time zone 'Mars/Olympus'" in capsys.readouterr().err
    assert not out.exists()


def test_fit_output_that_is_a_file_is_refused(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "watch"
    blocker.write_text("not a folder")

    assert main(["export", "fit", str(plan_file), "-o", str(blocker)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["fit", "ics", "html", "md"])
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", command, "--help"]) == 0

    assert f"Example: legday export {command} plan.json -o" in capsys.readouterr().out
