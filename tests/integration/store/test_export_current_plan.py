"""Exports from the logbook: its current plan, the next prescriptions its logged sets give,
loads in kg, written by `legday export ... --athlete NAME` (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream
from icalendar import Calendar

from legday.cli import main
from legday.profiles import build_profile
from legday.progression import SetLog
from legday.services import Logbook

from .conftest import START

FIRST = date(2027, 1, 6)  # the plan's first session (Monday is the eve of intervals)
NEXT = date(2027, 1, 10)


def _sets(exercise: str, kg: float, **how: float) -> list[SetLog]:
    return [SetLog(exercise, FIRST, reps=8, load_kg=kg, **how) for _ in range(2)]  # type: ignore[arg-type]


def _season(logbook: Logbook, calendar: Path) -> None:
    values = {"start": START.isoformat(), "weeks": 6, "equipment": "dumbbells"}
    profile = build_profile({**values, "runs": [str(calendar)]}, default_start=START)
    logbook.add_athlete("sam", profile, [str(calendar)], START)
    first = logbook.today("sam", FIRST).session
    assert first is not None
    assert [p.exercise for p in first.main[:2]] == ["reverse-lunge", "kickstand-rdl"]
    logbook.log(
        "sam",
        _sets("reverse-lunge", 6.0, rpe=8)  # well above the easy target: lighter next time
        + _sets("kickstand-rdl", 6.0, rpe=5, pain=5),  # pain: the easier variation
    )


def test_the_current_plan_is_what_today_will_show(logbook: Logbook, calendar: Path) -> None:
    _season(logbook, calendar)

    plan = logbook.current_plan("sam", date(2027, 1, 7))
    planned = logbook.versions("sam")[-1].plan
    upcoming = next(s for s in plan.sessions if s.day == NEXT)
    today = logbook.today("sam", NEXT).session

    assert today is not None and upcoming.main == today.main
    lunge = upcoming.main[0]
    # the lunge works the hamstrings the painful RDL flagged: its easier variation, lighter
    assert lunge.exercise == "split-squat" and lunge.load_kg == 2.0  # from 4 kg planned
    assert "kickstand-rdl" not in {
        p.exercise for s in plan.sessions if s.day > FIRST for p in s.main
    }
    # what is past stays as planned; the plan gets the athlete's profile back
    assert [s for s in plan.sessions if s.day == FIRST] == [
        s for s in planned.sessions if s.day == FIRST
    ]
    assert plan.profile is not None and plan.profile.start == START


def test_an_athlete_without_a_plan_or_a_name_is_one_line(logbook: Logbook) -> None:
    from legday.errors import InputError

    with pytest.raises(InputError, match="no athlete called 'kim'"):
        logbook.current_plan("kim", START)


@pytest.fixture
def env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("LEGDAY_DATABASE_URL", "LEGDAY_CONFIG_DIR"):
        monkeypatch.setenv(key, cli_env[key])
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-07")
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)


@pytest.mark.usefixtures("env")
def test_export_writes_the_logbooks_plan_in_every_format(
    logbook: Logbook, calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _season(logbook, calendar)
    out = tmp_path / "out"
    out.mkdir()

    for command in ("ics", "html", "md"):
        path = out / f"plan.{command}"
        assert main(["export", command, "--athlete", "sam", "-o", str(path)]) == 0
    assert main(["export", "fit", "-o", str(out / "fit")]) == 0  # the only athlete
    assert "wrote" in capsys.readouterr().out

    markdown = (out / "plan.md").read_text(encoding="utf-8")
    sunday = markdown.split("### Sunday 10 January")[1].split("\n### ")[0]
    assert "**Split squat**: 2 × 8 per side @ 2 kg dumbbells" in sunday  # easier, lighter
    assert "Wall hip hinge" in sunday and "Staggered-stance" not in sunday
    assert (out / "plan-pictures" / "split-squat.svg").is_file()
    assert "Split squat" in (out / "plan.html").read_text(encoding="utf-8")

    events = Calendar.from_ical((out / "plan.ics").read_bytes()).walk("VEVENT")
    timed = [e for e in events if isinstance(e.decoded("dtstart"), datetime)]
    on_sunday = [e for e in timed if e.decoded("dtstart").date() == NEXT]
    assert len(on_sunday) == 1 and str(on_sunday[0]["SUMMARY"]).startswith("Strength: ")
    assert "2 kg dumbbells" in str(on_sunday[0]["DESCRIPTION"])
    assert all(e.walk("VALARM") for e in timed)

    decoder = Decoder(
        Stream.from_byte_array(bytearray((out / "fit" / "legday-2027-01-10.fit").read_bytes()))
    )
    messages, errors = decoder.read(convert_types_to_strings=True)
    assert errors == []
    steps = messages["workout_step_mesgs"]
    lunge = next(s for s in steps if s.get("wkt_step_name", "").startswith("Split squat"))
    assert lunge["exercise_weight"] == 2.0


@pytest.mark.usefixtures("env")
def test_event_uids_survive_a_replan_in_a_later_week(
    logbook: Logbook, calendar: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _season(logbook, calendar)
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    assert main(["export", "ics", "-o", str(before)]) == 0
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-12")
    assert main(["sync", "--force"]) == 0  # re-plans from the week of the 11th
    assert logbook.versions("sam")[-1].plan.start == date(2027, 1, 11)
    assert main(["export", "ics", "-o", str(after)]) == 0

    def uids(path: Path) -> dict[date, str]:
        """Each strength session's UID by its day."""
        events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        sessions = [e for e in events if "Strength" in str(e["SUMMARY"])]
        return {e.decoded("dtstart").date(): str(e["UID"]) for e in sessions}

    old, new = uids(before), uids(after)
    same_days = [d for d in new if d in old]
    assert same_days
    assert all(old[d] == new[d] for d in same_days)
