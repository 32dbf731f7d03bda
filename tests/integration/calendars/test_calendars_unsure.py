"""`legday runs`: each entry's confidence, the unsure ones with their fix, and the starter
override file that settles them (read back with `--kinds`, nothing is unsure any more).

`doubt.read_with_doubt` marks the classifier's fallback readings unsure, so these tests
need no confidence numbers from the classifier itself.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from doubt import GUESSED, doubt, read_with_doubt
from legday.calendars import read_calendar, read_overrides
from legday.cli.runs import register

ROOT = Path(__file__).parents[3]
UNSURE_ICS = ROOT / "tests" / "fixtures" / "calendars" / "unsure.ics"
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
WINDOW = ["--start", "2027-01-04", "--weeks", "3"]


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    read_with_doubt(monkeypatch)
    app = typer.Typer(rich_markup_mode=None)
    register(app)
    app.command("noop", hidden=True)(lambda: None)  # keep `runs` a subcommand
    return app


def invoke(app: typer.Typer, *args: str, columns: int = 80) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["runs", *args], env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


def test_table_shows_confidence_and_the_fix_lines_whole_at_80_columns(app: typer.Typer) -> None:
    code, out, _ = invoke(app, str(UNSURE_ICS), *WINDOW)
    assert code == 0, out
    lines = out.splitlines()
    assert any("Intervals" in line and "│ sure" in line for line in lines)
    assert sum("│ unsure" in line for line in lines) == 6
    assert "Check these entries (6 unsure):" in out
    assert '  Tue 2027-01-05 and 2 more: "Morning run" read as easy (40 % sure)' in lines
    # each fix is one line to paste, never wrapped by the terminal width
    assert "[titles]" in lines and "[uids]" in lines
    assert any(line.startswith('"E 45\'" = "other"  # Thu 2027-01-07 and 1 more') for line in lines)
    assert any(line.startswith('"Lauf mit Jörg" = "easy"  # Sat 2027-01-09') for line in lines)
    assert any(line.startswith('"morning-series@unsure.example" = "easy"') for line in lines)
    block = lines[lines.index("[titles]") :]
    assert tomllib.loads("\n".join(block))["uids"] == {"morning-series@unsure.example": "easy"}


def test_nothing_to_check_when_every_entry_is_sure(app: typer.Typer) -> None:
    code, out, _ = invoke(app, str(EXAMPLE), "--start", "2027-03-08", "--weeks", "1")
    assert code == 0, out
    assert "Check these entries" not in out
    assert "unsure" not in out


def test_json_carries_confidence_and_the_fixes(app: typer.Typer) -> None:
    code, out, _ = invoke(app, str(UNSURE_ICS), *WINDOW, "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    by_title = {e["title"]: e for e in data["entries"]}
    assert (by_title["Intervals 6x800m"]["confidence"], by_title["Intervals 6x800m"]["sure"]) == (
        1.0,
        "sure",
    )
    assert (by_title["E 45'"]["confidence"], by_title["E 45'"]["sure"]) == (GUESSED, "unsure")
    unsure = data["unsure"]
    assert [u["date"] for u in unsure] == [
        "2027-01-05",
        "2027-01-07",
        "2027-01-09",
        "2027-01-12",
        "2027-01-14",
        "2027-01-19",
    ]
    first = unsure[0]
    assert set(first) == {
        "date",
        "title",
        "kind",
        "confidence",
        "reason",
        "source",
        "fix",
        "alternatives",
    }
    assert first["fix"] == {
        "table": "uids",
        "key": "morning-series@unsure.example",
        "kind": "easy",
        "toml": '[uids]\n"morning-series@unsure.example" = "easy"\n',
    }
    assert "easy" not in first["alternatives"] and "hard" in first["alternatives"]
    for item in unsure:
        table = item["fix"]["table"]
        assert tomllib.loads(item["fix"]["toml"])[table] == {item["fix"]["key"]: item["kind"]}


def test_json_lists_nothing_when_all_are_sure(app: typer.Typer) -> None:
    code, out, _ = invoke(
        app, str(EXAMPLE), "--start", "2027-03-08", "--weeks", "1", "--format", "json"
    )
    assert code == 0, out
    assert json.loads(out)["unsure"] == []


def test_starter_file_settles_every_unsure_entry(app: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "unsure.toml"
    code, _, err = invoke(app, str(UNSURE_ICS), *WINDOW, "--unsure-overrides", str(target))
    assert code == 0, err
    assert "wrote 3 override line(s)" in err
    overrides = read_overrides(target)
    assert overrides.uids == {"morning-series@unsure.example": "easy"}
    assert set(overrides.titles.values()) == {"other", "easy"}

    before = doubt(read_calendar(UNSURE_ICS, *_window()))
    after = read_calendar(UNSURE_ICS, *_window(), overrides=overrides)  # no stand-in here
    assert [(e.day, e.activity, e.kind) for e in after.entries] == [
        (e.day, e.activity, e.kind) for e in before.entries
    ]  # the lines hold what legday guessed: pasting them unread changes no reading
    settled = [e.title for e in after.entries if e.reason.startswith("unsure.toml: ")]
    assert settled == [e.title for e in before.entries if e.confidence == GUESSED]
    assert len(settled) == 6

    code, out, _ = invoke(app, str(UNSURE_ICS), *WINDOW, "--kinds", str(target), "--format", "json")
    assert code == 0, out
    assert json.loads(out)["unsure"] == []
    assert all(e["sure"] == "sure" for e in json.loads(out)["entries"])


def test_an_edited_starter_file_changes_the_readings(app: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "unsure.toml"
    assert invoke(app, str(UNSURE_ICS), *WINDOW, "--unsure-overrides", str(target))[0] == 0
    target.write_text(target.read_text(encoding="utf-8").replace('= "other"', '= "easy"'))
    code, out, _ = invoke(app, str(UNSURE_ICS), *WINDOW, "--kinds", str(target), "--format", "json")
    assert code == 0, out
    e45 = [e for e in json.loads(out)["entries"] if e["title"] == "E 45'"]
    assert [(e["activity"], e["kind"]) for e in e45] == [("run", "easy"), ("run", "easy")]


def test_starter_file_refuses_to_overwrite_without_force(
    app: typer.Typer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from legday.cli import main

    target = tmp_path / "mine.toml"
    target.write_text('[titles]\n"Mine" = "hard"\n', encoding="utf-8")
    code = main(["runs", str(UNSURE_ICS), *WINDOW, "--unsure-overrides", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and "mine.toml exists; add --force to replace it" in err
    assert out == ""
    assert target.read_text(encoding="utf-8") == '[titles]\n"Mine" = "hard"\n'

    args = [str(UNSURE_ICS), *WINDOW, "--unsure-overrides", str(target), "--force"]
    assert invoke(app, *args)[0] == 0
    assert "morning-series@unsure.example" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]  # no temporary left


def test_starter_file_never_replaces_the_calendar(
    app: typer.Typer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from legday.cli import main

    calendar = tmp_path / "plan.ics"
    calendar.write_bytes(UNSURE_ICS.read_bytes())
    args = [str(calendar), *WINDOW, "--unsure-overrides", str(calendar), "--force"]
    assert main(["runs", *args]) == 2
    assert "plan.ics is the calendar being read" in capsys.readouterr().err
    assert calendar.read_bytes() == UNSURE_ICS.read_bytes()


def test_starter_file_never_replaces_the_kinds_file_being_read(
    app: typer.Typer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from legday.cli import main

    kinds = tmp_path / "mykinds.toml"
    mine = '[contains]\n"parkrun" = "easy"\n'
    kinds.write_text(mine, encoding="utf-8")
    other_spelling = tmp_path / "." / "mykinds.toml"
    args = [str(UNSURE_ICS), *WINDOW, "--kinds", str(kinds)]
    assert main(["runs", *args, "--unsure-overrides", str(other_spelling), "--force"]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "mykinds.toml is the --kinds file being read" in err
    assert out == ""
    assert kinds.read_text(encoding="utf-8") == mine
    # another file next to it is written as before
    assert main(["runs", *args, "--unsure-overrides", str(tmp_path / "fixes.toml")]) == 0
    assert kinds.read_text(encoding="utf-8") == mine


def test_starter_file_in_a_missing_folder_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from legday.cli import main

    target = Path("/nonexistent-legday-folder/unsure.toml")
    code = main(["runs", str(UNSURE_ICS), *WINDOW, "--unsure-overrides", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "does not exist" in err


def test_a_csv_title_with_quotes_and_accents_round_trips(app: typer.Typer, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "date,title,kind\n"
        '2027-01-05,"Run ""with"" Jörg \\ friends",\n'
        "2027-01-06,Intervals 6x800m,\n"
        '2027-01-12,"Run ""with"" Jörg \\ friends",\n',
        encoding="utf-8",
    )
    target = tmp_path / "fix.toml"
    args = [str(plan), "--start", "2027-01-04", "--weeks", "2"]
    assert invoke(app, *args, "--unsure-overrides", str(target))[0] == 0
    assert tomllib.loads(target.read_text(encoding="utf-8")) == {
        "titles": {'Run "with" Jörg \\ friends': "easy"}
    }
    code, out, _ = invoke(app, *args, "--kinds", str(target), "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["unsure"] == []
    assert [e["reason"] for e in data["entries"] if "Jörg" in e["title"]] == [
        'fix.toml: title "Run "with" Jörg \\ friends" = "easy"'
    ] * 2


def _window() -> tuple[date, date]:
    return date(2027, 1, 4), date(2027, 1, 24)
