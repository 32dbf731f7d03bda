"""Travel is busy time, not race logistics: a trip, a flight or a business trip (en, de, fr,
es) is no run, and an all-day or multi-day one holds its whole days, so the planner puts
no strength on a flight day or mid-trip. Race logistics need a race word (bib pick-up,
expo); a trip alone never names a race."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from legday.calendars import classify, read_runs
from legday.calendars.classifier import is_logistics, read_event
from legday.model import Profile, RunKind
from legday.planner import make_plan
from mini_catalogue import mini_catalogue

TUESDAY = date(2027, 6, 1)


@pytest.mark.parametrize(
    "title",
    [
        "Work trip - Chicago (travel)",
        "Business trip London",
        "Conference Munich - travel",
        "Flight to Chicago",
        "Dienstreise Hamburg",
        "Flug nach Berlin",
        "Déplacement à Lyon",
        "Vol pour Paris",
        "Viaje de trabajo a Madrid",
        "Vuelo a Madrid",
    ],
)
def test_travel_is_away_not_race_logistics(title: str) -> None:
    reading = read_event(title)
    assert reading.activity == "other", reading.reason
    assert reading.away, reading.reason
    assert "race logistics" not in reading.reason
    assert not is_logistics(title)


@pytest.mark.parametrize("title", ["Marathon expo", "Bib pick-up", "Retrait des dossards"])
def test_race_logistics_still_need_a_race_word(title: str) -> None:
    reading = read_event(title)
    assert (reading.activity, reading.away) == ("other", False), reading.reason
    assert is_logistics(title)


def test_a_flight_with_a_jog_is_still_a_run() -> None:
    assert classify("Flight home + recovery jog")[:2] == ("run", RunKind.EASY)


def test_travel_keeps_a_race_word_from_making_a_race() -> None:
    assert classify("Travel to Berlin Marathon")[0] == "other"


def _trip_calendar(tmp_path: Path) -> Path:
    path = tmp_path / "trail.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:trip@test\r\nDTSTAMP:20270401T080000Z\r\n"
        "DTSTART;VALUE=DATE:20270601\r\nDTEND;VALUE=DATE:20270604\r\n"
        "SUMMARY:Work trip - Chicago (travel)\r\n"
        "DESCRIPTION:Flights Tue am / Thu night. Hotel has a small gym.\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:run@test\r\nDTSTAMP:20270401T080000Z\r\n"
        "DTSTART:20270602T063000\r\nDTEND:20270602T071000\r\n"
        "SUMMARY:Hotel treadmill easy 40 min\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


def test_a_multi_day_trip_holds_each_whole_day(tmp_path: Path) -> None:
    runs = read_runs([_trip_calendar(tmp_path)], date(2027, 5, 31), date(2027, 6, 6))
    trip = [r for r in runs if r.title.startswith("Work trip")]
    assert [r.day for r in trip] == [TUESDAY + timedelta(days=i) for i in range(3)]
    for r in trip:
        assert r.busy and not r.running
        assert (r.start, r.finish) == (time(0), time(23, 59))
    treadmill = [r for r in runs if r.title.startswith("Hotel")]
    assert [(r.day, r.kind) for r in treadmill] == [(TUESDAY + timedelta(days=1), RunKind.EASY)]


def test_no_strength_on_a_flight_day_or_mid_trip(tmp_path: Path) -> None:
    runs = read_runs([_trip_calendar(tmp_path)], date(2027, 5, 31), date(2027, 6, 6))
    profile = Profile(start=date(2027, 5, 31), weeks=1, sessions=2)
    plan = make_plan(profile, runs, mini_catalogue())
    trip = {TUESDAY + timedelta(days=i) for i in range(3)}
    assert plan.sessions
    assert not trip & {s.day for s in plan.sessions}


def test_a_ski_trip_is_skiing_and_holds_no_day() -> None:
    reading = read_event("Ski trip")
    assert (reading.activity, reading.away) == ("other", False), reading.reason
