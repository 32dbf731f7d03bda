"""How many days a week an Achilles athlete meets care (routines and the care inside strength
sessions), over 60 random athletes of 16 weeks (docs/injury-care.md: three or four days a
week are kept up; five to seven are not).

    python bench/care_days.py
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.planner import make_plan

ATHLETES = 60
WEEKS = 16


def main() -> None:
    catalogue = load_catalogue()
    per_week: Counter[int] = Counter()
    for number in range(ATHLETES):
        profile, runs = random_athlete(random.Random(700 + number), WEEKS)
        plan = make_plan(replace(profile, injuries=("achilles",)), runs, catalogue)
        for week in plan.weeks:
            days = {week.start + timedelta(days=n) for n in range(7)}
            cared = {r.day for r in plan.care if r.injury == "achilles" and r.day in days}
            cared |= {
                s.day
                for s in plan.sessions
                if s.day in days and any("achilles" in p.injury_care for p in s.main)
            }
            per_week[len(cared)] += 1
    weeks = sum(per_week.values())
    mean = sum(days * n for days, n in per_week.items()) / weeks
    more = sum(n for days, n in per_week.items() if days > 4)
    print("weeks by Achilles care days:", dict(sorted(per_week.items())))
    print(f"mean {mean:.2f} days a week; weeks with more than four: {100 * more / weeks:.0f}%")


if __name__ == "__main__":
    main()
