"""A day the calendar says holds no run is no run: a negation ("no running", "kein
Laufen", "pas de course", "sin correr"), a run missed, skipped or cancelled, or one
planned for 0 minutes reads as a rest day, sure, never as an unsure hard run (whose eve
the planner would keep free) nor as an easy run strength is planned around."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legday.calendars import classify, read_runs
from legday.model import RunKind


@pytest.mark.parametrize(
    "title",
    [
        "Holiday - Lanzarote (no running)",
        "Skiing week, no running",
        "Urlaub – kein Laufen",
        "Dienstreise, nicht laufen",
        "Vacances (pas de course)",
        "Déplacement – sans courir",
        "Vacaciones, sin correr",
        "Boda (no correr)",
    ],
)
def test_a_negated_run_is_no_run(title: str) -> None:
    activity, kind, reason = classify(title)
    assert activity != "run" or kind is RunKind.REST, reason


@pytest.mark.parametrize(
    "title",
    [
        "MISSED - easy run",
        "Skipped: tempo 3 x 10 min",
        "Cancelled - long run 90 min",
        "Intervalle 6 x 800 m ausgefallen",
        "Fractionné annulé",
        "Rodaje 40 min cancelado",
    ],
)
def test_a_missed_or_cancelled_run_is_no_run(title: str) -> None:
    activity, kind, reason = classify(title)
    assert (activity, kind) == ("run", RunKind.REST), reason


def test_a_run_of_zero_minutes_is_no_run() -> None:
    assert classify("Easy run", minutes=0)[:2] == ("run", RunKind.REST)
    assert classify("Easy run", minutes=30)[:2] == ("run", RunKind.EASY)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("No-drop group run", RunKind.EASY),
        ("Run club social", RunKind.EASY),
        ("Hill repeats 8 x 60s", RunKind.HARD),
        ("Nothing but easy running", RunKind.EASY),
    ],
)
def test_runs_without_a_negation_stay_runs(title: str, kind: RunKind) -> None:
    assert classify(title, minutes=45)[1] is kind


def test_a_spreadsheet_holiday_and_missed_runs_hold_no_hard_day(tmp_path: Path) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text(
        "Date,Workout,Duration,Notes\n"
        "02/02/2027,MISSED - easy run,0,sick / work\n"
        "17/02/2027,Holiday - Lanzarote (no running),,flights Wed\n"
        "18/02/2027,Easy run 20 min,20,\n",
        encoding="utf-8",
    )
    runs = {r.day: r for r in read_runs([sheet], date(2027, 2, 1), date(2027, 2, 28))}
    assert runs[date(2027, 2, 2)].kind is RunKind.REST
    assert runs[date(2027, 2, 17)].kind is RunKind.REST
    assert runs[date(2027, 2, 17)].confidence >= 0.9
    assert runs[date(2027, 2, 18)].kind is RunKind.EASY
