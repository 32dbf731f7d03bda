"""`legday plan`, `check` and `exercises` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from legday.cli import build_app, main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
SCHEMA = json.loads((ROOT / "src" / "legday" / "exports" / "plan.schema.json").read_text())
PLAN_ARGS = [
    "plan",
    "--runs",
    str(EXAMPLE),
    "--start",
    "2027-01-04",
    "--weeks",
    "18",
    "--injury",
    "shin-splints",
    "--equipment",
    "bodyweight,dumbbells",
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_json_follows_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.json"
    code, _, _ = run([*PLAN_ARGS, "--format", "json", "-o", str(target)], capsys)
    assert code == 0
    data = json.loads(target.read_text())
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "legday.plan/1"
    assert data["start"] == "2027-01-04" and data["end"] == "2027-05-09"
    assert len(data["weeks"]) == 18 and len(data["days"]) == 18 * 7
    sessions = [s for d in data["days"] for s in d["strength"]]
    assert len(sessions) >= 18  # 2 a week in most of 18 weeks, none in recovery weeks
    assert not [v for v in data["violations"] if v["hard"]]
    first = sessions[0]
    for key in ("start", "minutes", "warmup", "main", "cooldown", "why"):
        assert key in first
    for key in (
        "exercise",
        "sets",
        "reps",
        "per_side",
        "seconds",
        "load",
        "tempo",
        "target_rpe",
        "muscles",
        "unilateral",
        "balance",
        "injury_care",
        "cues",
    ):
        assert key in first["main"][0]


def test_check_accepts_our_plan_and_rejects_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    assert run([*PLAN_ARGS, "-f", "json", "-o", str(target)], capsys)[0] == 0
    code, out, _ = run(["check", str(target), "--runs", str(EXAMPLE)], capsys)
    assert code == 0, out
    data = json.loads(target.read_text())
    day = next(d for d in data["days"] if d["strength"])
    day["strength"][0]["main"][0]["target_rpe"] = 10
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    code, out, _ = run(["check", str(broken)], capsys)
    assert code == 1
    assert "movement-quality" in out and "RPE 10" in out


def test_table_and_markdown_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(PLAN_ARGS, capsys)
    assert code == 0 and "Week 1" in out and "why:" in out
    code, out, _ = run([*PLAN_ARGS, "-f", "md"], capsys)
    assert code == 0 and out.startswith("#")


def test_same_seed_same_plan_other_seed_other_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for seed in ("1", "1", "2"):
        code, out, _ = run([*PLAN_ARGS, "-f", "json", "--seed", seed], capsys)
        assert code == 0
        outputs.append(json.loads(out)["days"])
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]


def test_profile_file_with_flags_winning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text(
        f'runs = ["{EXAMPLE}"]\nstart = 2027-01-04\nweeks = 6\nsessions = 3\n'
        'injuries = ["runners-knee"]\nlevel = "intermediate"\ndays = ["mon", "wed", "fri", "sat"]\n'
    )
    code, out, _ = run(["plan", "--profile", str(profile), "--weeks", "4", "-f", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert len(data["weeks"]) == 4
    days = {d["date"] for d in data["days"] if d["strength"]}
    from datetime import date

    assert {date.fromisoformat(d).weekday() for d in days} <= {0, 2, 4, 5}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", "--injury", "broken-leg"], "injury"),
        (["plan", "--equipment", "spaceship"], "equipment"),
        (["plan", "--start", "2027-13-45"], "start"),
        (["plan", "--runs", "/no/such/file.ics"], "/no/such/file.ics"),
        (["plan", "--weeks", "0"], "weeks"),
        (["plan", "--sessions", "5"], "sessions"),
        (["plan", "--recovery-every", "9"], "recovery-every"),
        (["plan", "--level", "superhuman"], "level"),
        (["plan", "--days", "funday"], "days"),
        (["plan", "--tz", "Mars/Olympus"], "tz"),
        (["plan", "--start", "2027-01-04", "--weeks", "100000000"], "weeks"),
        (["plan", "--start", "0001-01-01"], "start"),
        (["plan", "--start", "9999-06-01"], "start"),
        (["plan", "--weeks", "1", "-o", "/no/such/folder/plan.json"], "/no/such/folder"),
        (["plan", "--dominant-leg", "middle"], "dominant-leg"),
        (["plan", "--profile", "/no/such/me.toml"], "me.toml"),
        (["plan", "--weeks", "many"], "weeks"),
        (["exercises", "show", "no-such-exercise"], "no-such-exercise"),
        (["check", "/no/such/plan.json"], "plan.json"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("legday: error:"), err
    assert needle in lines[0]
    assert "Traceback" not in err + out


def test_bad_plan_file_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "coach.json"
    plan.write_text(
        json.dumps(
            {
                "schema": "legday.plan/1",
                "start": "2027-01-04",
                "end": "2027-01-10",
                "weeks": [],
                "days": [{"date": "2027-01-05", "strength": [{"minutes": "long"}]}],
            }
        )
    )
    code, _, err = run(["check", str(plan)], capsys)
    assert code == 2
    assert "days[0].strength[0]" in err
    plan.write_text("{not json")
    code, _, err = run(["check", str(plan)], capsys)
    assert code == 2 and "coach.json:1" in err


def test_exercises_json_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["exercises", "--format", "json"], capsys)
    assert code == 0
    exercises = json.loads(out)["exercises"]
    assert len(exercises) >= 70
    for key in (
        "id",
        "name",
        "kind",
        "muscles",
        "unilateral",
        "balance",
        "equipment",
        "level",
        "cues",
        "injury_care",
    ):
        assert key in exercises[0]
    code, out, _ = run(["exercises", "show", "wall-toe-raise"], capsys)
    assert code == 0 and "Wall toe raise" in out and "shin-splints" in out


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    command = typer.main.get_command(build_app())
    names = []

    def walk(cmd: object, path: str) -> None:
        sub = getattr(cmd, "commands", None)
        if sub:
            for name, child in sub.items():
                walk(child, f"{path} {name}")
        else:
            names.append((path, getattr(cmd, "help", "") or ""))

    walk(command, "legday")
    assert names
    missing = [path for path, text in names if "Example" not in text and "example" not in text]
    assert not missing, f"commands without an example in their help: {missing}"


def test_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "legday", "exercises", "show", "light-jog"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _make_run_args() -> list[str]:
    """The arguments `make run` passes to `legday`, read from the Makefile itself."""
    import shlex

    recipe = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    command = " ".join(line.strip().rstrip("\\") for line in recipe.splitlines()[1:])
    words = shlex.split(command)
    return words[words.index("plan") :]


def test_make_run_prints_a_valid_plan(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = _make_run_args()
    assert "--runs" in args
    monkeypatch.chdir(ROOT)
    code, out, _ = run([*args, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert [s for d in data["days"] for s in d["strength"]]
    assert not [v for v in data["violations"] if v["hard"]]
    code, out, _ = run(args, capsys)  # what `make run` shows: the table
    assert code == 0 and "Week 18" in out


def test_check_honours_races_written_in_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    args = ["plan", "--start", "2027-01-04", "--weeks", "2", "--race", "2027-01-09"]
    assert run([*args, "-f", "json", "-o", str(target)], capsys)[0] == 0
    data = json.loads(target.read_text())
    assert data["races"] == ["2027-01-09"]
    moved = next(d for d in data["days"] if d["strength"])
    friday = next(d for d in data["days"] if d["date"] == "2027-01-08")
    friday["strength"], moved["strength"] = moved["strength"], []
    target.write_text(json.dumps(data))
    code, out, _ = run(["check", str(target)], capsys)
    assert code == 1 and "not-day-before-race" in out


def test_duplicate_day_rows_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.json"
    assert run(["plan", "--weeks", "1", "-f", "json", "-o", str(target)], capsys)[0] == 0
    data = json.loads(target.read_text())
    data["days"].append(data["days"][0])
    target.write_text(json.dumps(data))
    code, _, err = run(["check", str(target)], capsys)
    assert code == 2 and "appears twice" in err
