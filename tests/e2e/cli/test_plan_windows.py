"""`legday plan` with time windows, from a profile file and from `--window` flags."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest

from legday.cli import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"


def _clock(text: str) -> int:
    moment = time.fromisoformat(text)
    return moment.hour * 60 + moment.minute


def test_profile_windows_place_every_session_and_the_ics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text(
        f'runs = ["{EXAMPLE}"]\nstart = 2027-01-04\nweeks = 6\nminutes = 45\n'
        '[windows]\nwed = "07:30-09:00"\nsat = "09:00-12:30"\ndefault = "17:00-19:00"\n'
    )
    assert main(["plan", "--profile", str(profile), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    windows = {2: ("07:30", "09:00"), 5: ("09:00", "12:30")}
    sessions = 0
    for day in data["days"]:
        opens, closes = windows.get(date.fromisoformat(day["date"]).weekday(), ("17:00", "19:00"))
        for s in day["strength"]:
            sessions += 1
            assert _clock(opens) <= _clock(s["start"])
            assert _clock(s["start"]) + 45 <= _clock(closes)
            for run in day["runs"]:
                if run["end"] and not run["strength"]:
                    assert _clock(s["start"]) >= _clock(run["end"])
    assert sessions >= 6
    assert not [v for v in data["violations"] if v["hard"]]
    # flags win: one --window replaces the whole table, and the .ics starts there too
    args = ["plan", "--profile", str(profile), "--window", "default=06:00-07:00", "-f", "ics"]
    assert main(args) == 0
    starts = [line for line in capsys.readouterr().out.splitlines() if line.startswith("DTSTART:")]
    assert starts and all(line.endswith("T060000") for line in starts), starts


@pytest.mark.parametrize(
    ("toml", "flags", "needle"),
    [
        ('[windows]\nmon = "08:00-06:00"\n', [], "windows: mon: '08:00-06:00' must end after"),
        ('[windows]\nfunday = "06:00-08:00"\n', [], "windows: unknown weekday 'funday'"),
        ('windows = "06:00-08:00"\n', [], "windows: expected a table"),
        ("", ["--window", "tue=6-7"], "window: tue: '6-7' is not a window like 06:00-08:00"),
    ],
)
def test_a_bad_window_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, flags: list[str], needle: str
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text("weeks = 2\n" + toml)
    assert main(["plan", "--profile", str(profile), *flags]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("legday: error:"), err
    assert needle in lines[0]
    assert "Traceback" not in err + out
