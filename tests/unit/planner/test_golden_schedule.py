"""Pins what the composer rewrite (issue 13) must not change: the weeks' phases and the days
sessions fall on, for 40 random athletes. A deliberate change to the day choice (a new
cost, say) regenerates the file with `LEGDAY_REGOLD=1` and says why in its commit."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from bench.athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.planner import make_plan

GOLDEN = Path(__file__).parents[2] / "data" / "golden" / "schedules.json"


def _schedules() -> dict[str, dict[str, list[str]]]:
    catalogue = load_catalogue()
    found = {}
    for n in range(40):
        profile, runs = random_athlete(random.Random(n), 20)
        plan = make_plan(profile, runs, catalogue)
        found[str(n)] = {
            "phases": [f"{w.start}:{w.phase}" for w in plan.weeks],
            "sessions": [s.day.isoformat() for s in plan.sessions],
        }
    return found


def test_schedules_match_the_golden_file() -> None:
    found = _schedules()
    if os.environ.get("LEGDAY_REGOLD"):
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))
