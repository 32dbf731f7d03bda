"""`legday check` reads the calendar as `legday plan` did: with the same override file
and time zone, a plan made with them passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from legday.cli import main

PARKRUNS = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//legday tests//EN",
        *(
            line
            for day in ("20270109", "20270116", "20270123")
            for line in (
                "BEGIN:VEVENT",
                f"UID:parkrun-{day}@tests",
                f"DTSTART;VALUE=DATE:{day}",
                "SUMMARY:parkrun",
                "END:VEVENT",
            )
        ),
        "END:VCALENDAR",
        "",
    ]
)


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    """A plan made with `[contains] "parkrun" = "easy"`: strength may follow the parkrun on
    Saturday (read alone, a parkrun is a hard workout that keeps strength off its day)."""
    calendar = tmp_path / "cal.ics"
    calendar.write_text(PARKRUNS, encoding="utf-8")
    kinds = tmp_path / "kinds.toml"
    kinds.write_text('[contains]\n"parkrun" = "easy"\n', encoding="utf-8")
    plan = tmp_path / "plan.json"
    args = ["plan", "--runs", str(calendar), "--kinds", str(kinds), "--tz", "Europe/Berlin"]
    args += ["--start", "2027-01-04", "--weeks", "3", "--days", "tue,thu,sat", "--sessions", "3"]
    assert main([*args, "-f", "json", "-o", str(plan)]) == 0
    capsys.readouterr()
    return plan, calendar, kinds


def test_check_with_the_plans_kinds_file_finds_nothing_hard(
    made: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, calendar, kinds = made
    args = ["check", str(plan), "--runs", str(calendar)]
    assert main([*args, "--kinds", str(kinds), "--tz", "Europe/Berlin"]) == 0
    out, err = capsys.readouterr()
    assert "[hard]" not in out and err.startswith("0 hard")
    # without the file the parkruns are hard workouts again: the Saturday sessions break
    assert main(args) == 1
    assert "no-hard-run-day" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "named"),
    [(["--kinds", "no-such-kinds.toml"], "no-such-kinds.toml"), (["--tz", "Mars/Base"], "tz")],
)
def test_check_refuses_a_bad_kinds_file_or_zone_in_one_line(
    made: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], extra: list[str], named: str
) -> None:
    plan, calendar, _ = made
    assert main(["check", str(plan), "--runs", str(calendar), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err and "Traceback" not in err
