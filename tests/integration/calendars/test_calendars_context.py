"""Whole files through `read_calendar`: confidence, C priorities, explicit readings and the
calendar-level context, for both readers and through the cache."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from legday.calendars import read_calendar, read_overrides, read_runs
from legday.calendars.entry import UNSURE
from legday.catalogue.loader import load_catalogue
from legday.model import Profile, RunKind
from legday.planner import calendar_window, make_plan

WINDOW = (date(2027, 1, 1), date(2027, 3, 31))
HIGDON = """date,title
2027-01-05,3 mi run
2027-01-06,Cross
2027-01-07,4 mi run
2027-01-09,3 mi run
2027-01-10,10 mi
2027-01-12,3 mi run
2027-01-13,Cross
2027-01-14,4 mi run
2027-01-16,3 mi run
2027-01-17,11 mi
"""
CLUB_FR = """date,title
2027-01-05,Footing 45'
2027-01-07,Séance piste 10 x 400
2027-01-10,Cross
2027-01-12,Footing 50'
2027-01-14,Fractionné 6 x 1000
2027-01-17,Cross
"""
ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a1
DTSTART;VALUE=DATE:20270105
SUMMARY:3 mi run
END:VEVENT
BEGIN:VEVENT
UID:a2
DTSTART;VALUE=DATE:20270106
SUMMARY:Cross
END:VEVENT
BEGIN:VEVENT
UID:a3
DTSTART;VALUE=DATE:20270107
SUMMARY:4 mi run
END:VEVENT
BEGIN:VEVENT
UID:a4
DTSTART;VALUE=DATE:20270109
SUMMARY:3 mi run
END:VEVENT
BEGIN:VEVENT
UID:a5
DTSTART;VALUE=DATE:20270110
SUMMARY:10 mi
END:VEVENT
BEGIN:VEVENT
UID:a6
DTSTART;VALUE=DATE:20270112
SUMMARY:Run
END:VEVENT
BEGIN:VEVENT
UID:a7
DTSTART;VALUE=DATE:20270113
SUMMARY:800m final
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture(params=["cached", "uncached"])
def caching(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "cached":
        monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("LEGDAY_NO_CACHE", "1")
    return str(request.param)


def _read(path: Path, text: str, **kw: object) -> dict[str, list[tuple[object, ...]]]:
    path.write_text(text, encoding="utf-8")
    read_calendar(path, *WINDOW, **kw)  # type: ignore[arg-type]  # fills the cache
    calendar = read_calendar(path, *WINDOW, **kw)  # type: ignore[arg-type]
    found: dict[str, list[tuple[object, ...]]] = {}
    for e in calendar.entries:
        found.setdefault(e.title, []).append(
            (e.activity, e.kind, e.priority, e.confidence, e.explicit)
        )
    return found


def test_an_english_plan_reads_cross_as_cross_training_and_its_long_runs(
    tmp_path: Path, caching: str
) -> None:
    found = _read(tmp_path / "plan.csv", HIGDON)
    assert {a for a, *_ in found["Cross"]} == {"other"}
    assert found["10 mi"][0][1] is RunKind.LONG
    assert found["11 mi"][0][1] is RunKind.LONG
    assert {k for _, k, *_ in found["3 mi run"]} == {RunKind.EASY}


def test_a_french_club_reads_cross_as_a_c_race(tmp_path: Path, caching: str) -> None:
    found = _read(tmp_path / "club.csv", CLUB_FR)
    assert {(k, p) for _, k, p, *_ in found["Cross"]} == {(RunKind.RACE, "C")}


def test_ics_entries_carry_confidence_priority_and_context(tmp_path: Path, caching: str) -> None:
    found = _read(tmp_path / "plan.ics", ICS)
    assert found["Cross"][0][0] == "other"
    assert found["10 mi"][0][1] is RunKind.LONG
    run = found["Run"][0]
    assert run[1] is RunKind.HARD and float(str(run[3])) < UNSURE  # unsure: the safe side
    assert found["800m final"][0][1:3] == (RunKind.RACE, "C")
    assert all(not explicit for rows in found.values() for *_, explicit in rows)


def test_explicit_readings_are_sure_and_untouched_by_context(tmp_path: Path, caching: str) -> None:
    kinds = tmp_path / "kinds.toml"
    kinds.write_text('[titles]\n"Cross" = "race"\n', encoding="utf-8")
    found = _read(tmp_path / "plan.csv", HIGDON, overrides=read_overrides(kinds))
    assert {(k, c, x) for _, k, _, c, x in found["Cross"]} == {(RunKind.RACE, 1.0, True)}
    column = HIGDON.replace("date,title", "date,title,kind").replace("10 mi\n", "10 mi,easy\n")
    found = _read(tmp_path / "kinds.csv", column.replace("\n2027", ",\n2027"))
    assert found["10 mi"][0][1] is RunKind.EASY  # the athlete said easy: no context
    assert found["10 mi"][0][3:] == (1.0, True)
    assert found["11 mi"][0][1] is RunKind.LONG


def _possible_race_plan() -> str:
    """Six weeks with a Sunday long run, then "Great North Run" (a name legday does not
    know) on the long-run day."""
    monday = date(2027, 8, 2)
    rows = ["date,title"]
    week = [(1, "Easy 40 min"), (2, "Tempo 30 min"), (3, "Easy 40 min"), (6, "Long run 90 min")]
    for w in range(6):
        rows += [f"{monday + timedelta(weeks=w, days=d)},{title}" for d, title in week]
    race_week = [(1, "Easy 40 min"), (2, "Easy 30 min"), (6, "Great North Run")]
    rows += [f"{monday + timedelta(weeks=6, days=d)},{title}" for d, title in race_week]
    return "\n".join(rows) + "\n"


def test_a_possible_race_on_the_long_run_day_keeps_its_eve_free(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(_possible_race_plan(), encoding="utf-8")
    race_day = date(2027, 9, 19)
    for first in (date(2027, 8, 2), date(2027, 9, 13)):  # the reading must not hang on the window
        (race,) = [e for e in read_calendar(path, first, race_day).entries if e.day == race_day]
        assert (race.kind, race.confidence < UNSURE) == (RunKind.HARD, True)
    profile = Profile(start=date(2027, 8, 2), weeks=7, sessions=3)
    plan = make_plan(profile, read_runs([path], *calendar_window(profile)), load_catalogue())
    assert race_day - timedelta(days=1) not in {s.day for s in plan.sessions}
