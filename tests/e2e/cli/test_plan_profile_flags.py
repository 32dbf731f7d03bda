"""`legday plan` with the athlete's age, event and weights as flags (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legday.cli import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
EXAMPLE_PROFILE = ROOT / "src" / "legday" / "examples" / "profile.toml"
SHORT_PLAN = ["plan", "--runs", str(EXAMPLE), "--start", "2027-01-04", "--weeks", "3"]


def test_the_flags_plan_like_any_other(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        *SHORT_PLAN,
        *("--age", "55", "--event", "trail", "--equipment", "bodyweight"),
        *("--dumbbells", "4,6,8,10", "--kettlebells", "12,16", "--plates", "5,5,10", "--bar", "15"),
        *("--format", "json"),
    ]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["weeks"], err


def test_a_profile_file_holds_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text('age = 52\nevent = "marathon"\ndumbbells = [6, 8]\n', encoding="utf-8")
    assert main([*SHORT_PLAN, "--profile", str(profile), "--age", "20", "-f", "json"]) == 0
    capsys.readouterr()


def test_the_example_profile_plans(capsys: pytest.CaptureFixture[str]) -> None:
    """The documented example stays valid: every key it shows is read and checked."""
    assert main(["plan", "--profile", str(EXAMPLE_PROFILE), "--weeks", "4", "-f", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["start"] == "2027-01-04" and plan["weeks"]


@pytest.mark.parametrize(
    ("flags", "needle"),
    [
        (["--age", "7"], "age: 7 is not an age from 10 to 100"),
        (["--age", "old"], "age"),
        (["--event", "ironman"], "event: 'ironman' is not one of"),
        (["--dumbbells", "4,x"], "dumbbells: 'x' is not a weight in kg"),
        (["--dumbbells", "500"], "dumbbells: 500 kg is heavier than 100 kg"),
        (["--kettlebells", "0"], "kettlebells: '0' is not a weight in kg above 0"),
        (["--plates", "80"], "plates: 80 kg is heavier than 50 kg"),
        (["--bar", "2"], "bar: 2 kg is not a barbell from 5 to 30 kg"),
    ],
)
def test_a_bad_value_is_one_line_and_exit_2(
    flags: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*SHORT_PLAN, *flags])
    _, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2
    assert len(lines) == 1 and lines[0].startswith("legday: error:"), err
    assert needle in lines[0]
