"""Override files set a race's priority ("race:C") or turn a race back into a workout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legday.calendars import read_calendar, read_overrides
from legday.errors import CalendarError
from legday.model import RunKind

WINDOW = (date(2027, 1, 1), date(2027, 12, 31))
CSV = "date,title\n2027-03-06,parkrun\n2027-03-13,parkrun\n2027-03-14,Spring 10K race\n"


def _runs(tmp_path: Path, overrides: str) -> dict[date, tuple[RunKind, str | None, str]]:
    calendar = tmp_path / "plan.csv"
    calendar.write_text(CSV, encoding="utf-8")
    kinds = tmp_path / "kinds.toml"
    kinds.write_text(overrides, encoding="utf-8")
    read = read_calendar(calendar, *WINDOW, overrides=read_overrides(kinds))
    return {r.day: (r.kind, r.priority, r.reason) for r in read.runs()}


def test_parkrun_as_a_c_race_and_a_title_as_a_goal(tmp_path: Path) -> None:
    runs = _runs(
        tmp_path, '[contains]\n"parkrun" = "race:C"\n[titles]\n"Spring 10K race" = "Race : A"\n'
    )
    assert runs[date(2027, 3, 6)][:2] == runs[date(2027, 3, 13)][:2] == (RunKind.RACE, "C")
    assert runs[date(2027, 3, 14)][:2] == (RunKind.RACE, "A")
    assert runs[date(2027, 3, 6)][2] == 'kinds.toml: title contains "parkrun" = "race:c"'


def test_dates_make_one_parkrun_a_race_and_one_race_a_workout(tmp_path: Path) -> None:
    runs = _runs(tmp_path, '[dates]\n2027-03-13 = "race:C"\n2027-03-14 = "hard"\n')
    assert runs[date(2027, 3, 13)][:2] == (RunKind.RACE, "C")
    assert runs[date(2027, 3, 14)][:2] == (RunKind.HARD, None)  # its priority goes too


def test_a_plain_race_value_sets_no_priority(tmp_path: Path) -> None:
    runs = _runs(tmp_path, '[dates]\n2027-03-06 = "race"\n')
    assert runs[date(2027, 3, 6)][:2] == (RunKind.RACE, None)


@pytest.mark.parametrize("value", ["race:D", "race:", "A", "race:AB"])
def test_a_bad_priority_is_one_line_naming_the_table_and_key(tmp_path: Path, value: str) -> None:
    kinds = tmp_path / "kinds.toml"
    kinds.write_text(f'[contains]\n"parkrun" = "{value}"\n', encoding="utf-8")
    with pytest.raises(CalendarError) as caught:
        read_overrides(kinds)
    message = str(caught.value)
    assert message.startswith(f"{kinds}: [contains] 'parkrun': kind must be one of")
    assert "race:A, race:B, race:C" in message and "\n" not in message


def test_the_readers_priority_stays_unless_an_override_changes_it() -> None:
    """A reader that saw a C race (a track meet): "race" keeps C, "race:A" replaces it,
    "hard" clears it, and no matching key leaves it alone."""
    from legday.calendars.overrides import KindOverrides

    day = date(2027, 3, 14)
    overrides = KindOverrides(
        titles={"meet": "race", "goal": "race:a"}, dates={day: "hard"}, source="k.toml"
    )

    def decide(title: str, when: date | None = None) -> tuple[RunKind | None, str | None]:
        found = overrides.decide("run", RunKind.RACE, "track", "C", title=title, uid="", day=when)
        return found[1], found[3]

    assert decide("meet") == (RunKind.RACE, "C")
    assert decide("goal") == (RunKind.RACE, "A")
    assert decide("other") == (RunKind.RACE, "C")
    assert decide("other", day) == (RunKind.HARD, None)


def test_legday_runs_shows_the_priority(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from legday.cli import main

    calendar = tmp_path / "plan.csv"
    calendar.write_text(CSV, encoding="utf-8")
    kinds = tmp_path / "kinds.toml"
    kinds.write_text('[contains]\n"parkrun" = "race:C"\n', encoding="utf-8")
    args = ["runs", str(calendar), "--start", "2027-03-01", "--weeks", "2", "--kinds", str(kinds)]
    assert main([*args, "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [e["priority"] for e in entries] == ["C", "C", None]
    assert main(args) == 0
    assert "race C" in capsys.readouterr().out
