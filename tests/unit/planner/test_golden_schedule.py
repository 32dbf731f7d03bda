"""Pins what the composer rewrite (issue 13) must not change: the weeks' phases and the days
sessions fall on, for 40 random athletes (the dev profile checks a quarter of them, the
same ones every run; the ci profile all). A deliberate change to the day choice (a new
cost, say) regenerates the file with `LEGDAY_REGOLD=1` (under the ci profile: every
athlete) and says why in its commit."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from bench.athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.planner import make_plan
from thorough import is_thorough, sample

GOLDEN = Path(__file__).parents[2] / "data" / "golden" / "schedules.json"


def _schedules(numbers: list[int]) -> dict[str, dict[str, list[str]]]:
    catalogue = load_catalogue()
    found = {}
    for n in numbers:
        profile, runs = random_athlete(random.Random(n), 20)
        plan = make_plan(profile, runs, catalogue)
        found[str(n)] = {
            "phases": [f"{w.start}:{w.phase}" for w in plan.weeks],
            "sessions": [s.day.isoformat() for s in plan.sessions],
        }
    return found


def test_schedules_match_the_golden_file() -> None:
    regold = bool(os.environ.get("LEGDAY_REGOLD"))
    if regold and not is_thorough():
        pytest.fail("LEGDAY_REGOLD=1 writes every athlete: run it with HYPOTHESIS_PROFILE=ci")
    found = _schedules(sample(range(40), key=str))
    if regold:
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) == 40
    assert found == {n: golden[n] for n in found}
