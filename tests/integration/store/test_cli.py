"""The logbook commands end to end (in-process `legday.cli.main`), on both databases."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from legday.cli import main
from legday.model import Session
from legday.store.uow import Database

COMMANDS = [
    ["athlete", "add"], ["athlete", "list"], ["athlete", "use"], ["sync"], ["today"], ["log"],
    ["skip"], ["move"], ["weather"], ["history"], ["progress"], ["backup"], ["restore"],
    ["db", "upgrade"],
]  # fmt: skip


@pytest.fixture
def empty_env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The CLI's environment over a store legday has not used yet (made on first use)."""
    for key in ("LEGDAY_DATABASE_URL", "LEGDAY_CONFIG_DIR", "LEGDAY_TODAY"):
        monkeypatch.setenv(key, cli_env[key])
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    return cli_env


@pytest.fixture
def env(migrated_url: str, empty_env: dict[str, str]) -> dict[str, str]:
    """The same over a new logbook already at the newest schema (the session's template)."""
    assert empty_env["LEGDAY_DATABASE_URL"] == migrated_url
    return empty_env


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--help"]) == 0
    assert "Example: legday" in capsys.readouterr().out


def test_a_season_through_the_cli(
    env: dict[str, str], calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", "sam", "--runs", str(calendar), "--start", "2027-01-04",
                 "--weeks", "6", "--equipment", "dumbbells"]) == 0  # fmt: skip
    assert main(["athlete", "list"]) == 0
    assert "* sam" in capsys.readouterr().out
    assert main(["today", "--date", "2027-01-06"]) == 0  # Monday is the eve of intervals
    today = capsys.readouterr().out
    assert "why:" in today and "warm-up" in today and "stretch" in today
    assert main(["log", "-e", "goblet-squat", "--sets", "3", "--reps", "10", "--load", "12",
                 "--rpe", "7"]) == 0  # fmt: skip
    assert main(["log", "-e", "goblet-squat", "--reps", "8", "--load", "12", "--bad-form",
                 "--pain", "2", "--date", "2027-01-06"]) == 0  # fmt: skip
    assert main(["history", "--days", "7"]) == 0
    assert main(["progress", "goblet-squat"]) == 0
    out = capsys.readouterr().out
    assert "12 kg" in out and "form!" in out and "pain 2" in out
    assert main(["weather", "2027-01-07"]) == 0
    assert main(["sync", "--force"]) == 0
    assert "plan version 3" in capsys.readouterr().out
    backup = tmp_path / "backup.json"
    assert main(["backup", "-o", str(backup)]) == 0
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "legday.backup/1" and len(data["tables"]["set_logs"]) == 4


def test_errors_are_one_line(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today"]) == 2
    assert main(["log", "-e", "goblet-squat", "--pain", "12", "-a", "nobody"]) == 2
    assert main(["restore", "/nonexistent.json"]) == 2
    err = capsys.readouterr().err
    assert err.count("legday: error:") == 3 and "Traceback" not in err


def test_log_without_a_terminal_never_waits(env: dict[str, str]) -> None:
    assert main(["athlete", "add", "kim", "--start", "2027-01-04", "--weeks", "4"]) == 0
    done = subprocess.run(
        [sys.executable, "-m", "legday", "log"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no terminal" in done.stderr


EXAMPLE = Path(__file__).parents[3] / "src" / "legday" / "examples" / "marathon-plan.ics"


def _add_sam(runs: Path) -> None:
    assert main(["athlete", "add", "sam", "--runs", str(runs), "--start", "2027-01-04",
                 "--weeks", "12", "--equipment", "dumbbells"]) == 0  # fmt: skip


def test_pain_advice_follows_the_athlete_to_other_exercises(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _add_sam(EXAMPLE)
    for side in ("left", "right"):
        assert main(["log", "-e", "reverse-lunge", "--side", side, "--sets", "2", "--reps", "10",
                     "--rpe", "6", "--pain", "8"]) == 0  # fmt: skip
        assert "physiotherapist or doctor" in capsys.readouterr().out  # at once
    assert main(["today", "--date", "2027-01-06"]) == 0  # no session: the advice still shows
    assert "physiotherapist or doctor" in capsys.readouterr().out
    assert main(["today", "--date", "2027-01-08"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("  ! Pain 8/10 in reverse-lunge")
    assert "  reverse-lunge:" not in out  # the painful lunge is regressed (its easier split squat)
    # whatever the plan holds that day, its quads work is eased and carries the advice
    assert "see a physiotherapist or doctor before loading this again" in out
    eased = ("Meanwhile the easier", "No easier variation: lighter", "Swapped to the easier")
    assert any(words in out for words in eased)
    assert main(["log", "-e", "supported-split-squat", "--sets", "2", "--reps", "8",
                 "--rpe", "5", "--date", "2027-01-08"]) == 0  # fmt: skip
    assert "physiotherapist" not in capsys.readouterr().out
    assert main(["today", "--date", "2027-01-11"]) == 0
    assert "physiotherapist or doctor" not in capsys.readouterr().out  # pain-free since


def test_strength_entries_of_the_calendar_show_as_strength(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _add_sam(EXAMPLE)
    capsys.readouterr()
    assert main(["today", "--date", "2027-01-11"]) == 0
    out = capsys.readouterr().out
    assert "  strength (from your calendar): Strength: Gym" in out
    assert "run: Strength" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["today", "--date", "9999-12-31"],
        ["today", "--date", "1000-01-01"],
        ["history", "--days", "99999999"],
        ["log", "-e", "goblet-squat", "--reps", "99999999999999999999"],
        ["log", "-e", "goblet-squat", "--reps", "8", "--rir", "40"],
        ["log", "-e", "goblet-squat", "--reps", "8", "--load", "501"],
        ["log", "-e", "goblet-squat", "--seconds", "3601"],
        ["log", "-e", "goblet-squat", "--sets", "51"],
        ["log", "-e", "goblet-squat", "--rpe", "nan"],
        ["log", "-e", "goblet-squat", "--date", "9999-12-31"],
        ["weather", "9999-12-31"],
        ["weather", "2027-04-01"],  # past the plan's end
    ],
    ids=" ".join,
)
def test_out_of_range_numbers_and_dates_are_one_line_errors(
    argv: list[str], env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_sam(calendar)
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("legday: error:")
    assert main(["history"]) == 0 and "nothing logged yet" in capsys.readouterr().out
    assert main(["weather", "2027-01-07"]) == 0  # no plan version was stored by the refusal
    assert "plan version 2" in capsys.readouterr().out


def test_backup_failures_are_one_line_and_leave_nothing_behind(
    empty_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "list"]) == 0  # the logbook is made on first use
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "afile").write_text("x", encoding="utf-8")
    assert main(["backup", "-o", str(folder)]) == 2
    assert main(["backup", "-o", str(folder / "afile" / "x.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("legday: error: output: cannot write") == 2 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == ["out"]
    assert [p.name for p in folder.iterdir()] == ["afile"]


def test_a_bad_database_url_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGDAY_DATABASE_URL", "notaurl")
    assert main(["athlete", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("legday: error: LEGDAY_DATABASE_URL:") and err.count("\n") == 1


def _sessions_in_force(url: str, name: str = "sam") -> list[Session]:
    db = Database(url)
    with db.uow() as uow:
        athlete = uow.repo.get_athlete(name)
        assert athlete is not None
        sessions = uow.repo.planned_sessions(athlete.id, date(2027, 1, 4), date(2027, 2, 14))
    db.dispose()
    return sessions


def test_an_athlete_added_with_windows_is_planned_and_replanned_inside_them(
    env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "sam.toml"
    profile.write_text(
        f'runs = ["{EXAMPLE}"]\nstart = 2027-01-04\nweeks = 6\nminutes = 45\n'
        'equipment = ["dumbbells"]\n'
        '[windows]\nwed = "07:00-09:00"\ndefault = "12:00-13:30"\n',
        encoding="utf-8",
    )
    assert main(["athlete", "add", "sam", "--profile", str(profile)]) == 0
    windows = {2: (time(7), time(9))} | {d: (time(12), time(13, 30)) for d in (0, 1, 3, 4, 5, 6)}

    def inside(sessions: list[Session]) -> None:
        assert sessions
        for s in sessions:
            opens, closes = windows[s.day.weekday()]
            assert s.start is not None and opens <= s.start, s
            end = datetime.combine(s.day, s.start) + timedelta(minutes=45)
            assert end <= datetime.combine(s.day, closes), s

    first = _sessions_in_force(env["LEGDAY_DATABASE_URL"])
    inside(first)
    wednesday = next(s for s in first if s.day.weekday() == 2)
    assert wednesday.start == time(7, 45)  # after the 07:00-07:45 easy run (run-first)
    capsys.readouterr()
    assert main(["today", "--date", wednesday.day.isoformat()]) == 0
    assert "  strength at 07:45, " in capsys.readouterr().out
    # the logbook's re-plans read the windows back from the database
    assert main(["move", first[2].day.isoformat()]) == 0
    assert main(["sync", "--force"]) == 0
    assert "plan version 3" in capsys.readouterr().out
    again = _sessions_in_force(env["LEGDAY_DATABASE_URL"])
    inside(again)
    assert first[2].day not in {s.day for s in again}
    other = next(s for s in again if s.day.weekday() != 2)
    assert main(["today", "--date", other.day.isoformat()]) == 0
    assert "  strength at 12:00, " in capsys.readouterr().out


def test_athlete_add_takes_window_flags(
    env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["athlete", "add", "kim", "--runs", str(calendar), "--start", "2027-01-04",
           "--weeks", "2"]  # fmt: skip
    assert main([*add, "--window", "tue=6-7"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "legday: error: window: tue: '6-7' is not a window" in err
    assert main([*add, "--window", "default=06:00-07:00"]) == 0
    sessions = _sessions_in_force(env["LEGDAY_DATABASE_URL"], "kim")
    assert sessions and {s.start for s in sessions} == {time(6)}


def test_today_shows_busy_time_apart_from_runs_and_weather_keeps_it(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The example's Friday ride is busy time: `today` lists it as such, the session
    starts after it (`no-overlap`), and a weather swap that day leaves the ride there."""
    assert main(["athlete", "add", "sam", "--runs", str(EXAMPLE), "--start", "2027-01-04",
                 "--weeks", "6", "--equipment", "dumbbells"]) == 0  # fmt: skip
    capsys.readouterr()
    for expected_version in (None, 2):
        if expected_version:
            assert main(["weather", "2027-01-22"]) == 0
            assert f"plan version {expected_version}" in capsys.readouterr().out
        assert main(["today", "--date", "2027-01-22"]) == 0
        out = capsys.readouterr().out
        assert "  busy 18:00-19:00: Bike: Endurance ride 60 min\n" in out
        assert "  strength at 19:00, " in out
        assert "run: Bike" not in out


def test_athlete_add_keeps_race_priorities(
    env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    races = ["--race", "2027-01-20:C", "--race", "2027-02-07"]
    assert main(["athlete", "add", "sam", "--runs", str(calendar), "--start", "2027-01-04",
                 "--weeks", "6", *races]) == 0  # fmt: skip
    db = Database(env["LEGDAY_DATABASE_URL"])
    with db.uow() as uow:
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        profile = uow.repo.get_profile(athlete.id)
        (version,) = uow.repo.plan_versions(athlete.id)
    db.dispose()
    assert profile is not None
    assert profile.races == (date(2027, 1, 20), date(2027, 2, 7))
    assert profile.race_priorities == ((date(2027, 1, 20), "C"),)
    assert [(r.day, r.priority) for r in version.plan.race_days] == [
        (date(2027, 1, 20), "C"),
        (date(2027, 2, 7), "A"),
    ]
    capsys.readouterr()
    assert main(["athlete", "add", "kim", "--race", "2027-01-20:Q"]) == 2
    assert "races: 2027-01-20: priority 'Q'" in capsys.readouterr().err


def test_today_shows_the_kilograms_logged(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["athlete", "add", "kim", "--start", "2027-01-04", "--weeks", "4",
                 "--equipment", "dumbbells"]) == 0  # fmt: skip
    db = Database(env["LEGDAY_DATABASE_URL"])
    with db.uow() as uow:
        athlete = uow.repo.get_athlete("kim")
        assert athlete is not None
        sessions = uow.repo.planned_sessions(athlete.id, date(2027, 1, 4), date(2027, 1, 31))
    db.dispose()
    day, later, p = next(
        (a.day, b.day, p)
        for a in sessions
        for b in sessions
        for p in a.main
        if b.day > a.day and p.reps and "weight" in p.load and p.exercise in b.exercise_ids
    )
    assert main(["log", "-e", p.exercise, "--sets", str(p.sets), "--reps", str(p.reps),
                 "--load", "12", "--rpe", "6", "--date", day.isoformat()]) == 0  # fmt: skip
    monkeypatch.setenv("LEGDAY_TODAY", later.isoformat())
    capsys.readouterr()
    assert main(["today"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if f"  {p.exercise}:" in x)
    assert "@ 12 kg dumbbells" in line
