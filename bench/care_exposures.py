"""How often an Achilles athlete does the protocol's dose, per week and stage, over 60
random athletes of 16 weeks: a full routine, or a strength session that holds the week's
stage's lead exercise at its reps or hold (care-tagged lifts at another dose do not
count). Every stage asks three days a week (Beyer et al. 2015: heavy slow raises
three times a week); recovery weeks, race weeks and the days after races may give fewer.

    python bench/care_exposures.py
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.model import Plan
from legday.planner import make_plan

ATHLETES = 60
WEEKS = 16


def exposures(plan: Plan) -> dict[int, list[int]]:
    """Per stage, the protocol-dose days of each week whose routines show that stage."""
    by_stage: dict[int, list[int]] = defaultdict(list)
    for week in plan.weeks:
        days = {week.start + timedelta(days=n) for n in range(7)}
        full = [r for r in plan.care if r.injury == "achilles" and r.day in days]
        if not full:
            continue
        dose = next((r for r in full if not r.lightest), None)
        stage = full[0].stage
        dosed = {r.day for r in full if not r.lightest}
        if dose is not None:
            lead = dose.exercises[0]
            for s in plan.sessions:
                held = {(p.exercise, p.reps, p.seconds) for p in s.main}
                if s.day in days and (lead.exercise, lead.reps, lead.seconds) in held:
                    dosed.add(s.day)
        by_stage[stage].append(len(dosed))
    return by_stage


def main() -> None:
    catalogue = load_catalogue()
    weeks: dict[int, Counter[int]] = defaultdict(Counter)
    for number in range(ATHLETES):
        profile, runs = random_athlete(random.Random(700 + number), WEEKS)
        plan = make_plan(replace(profile, injuries=("achilles",)), runs, catalogue)
        for stage, counts in exposures(plan).items():
            weeks[stage].update(counts)
    for stage in sorted(weeks):
        total = sum(weeks[stage].values())
        mean = sum(k * n for k, n in weeks[stage].items()) / total
        under = sum(n for k, n in weeks[stage].items() if k < 3)
        print(
            f"stage {stage}: {total} weeks, protocol-dose days a week {mean:.2f}, "
            f"weeks under three {100 * under / total:.0f}%: {dict(sorted(weeks[stage].items()))}"
        )


if __name__ == "__main__":
    main()
