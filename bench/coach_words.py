"""Words and ladders from a coach's read (issue 13, points 3, 8 and 11): count them over
random athletes (`bench.athletes`, all levels) and bodyweight beginners with a band
(`bench.beginner_read.beginner`), 16 weeks each.

- **a harder variation beside the lift it replaced**: a why calls a lift "a harder (or
  easier) variation of the X" while the X is in the same session;
- **an anchor replaced unsaid**: a block's anchor slot (squat or lunge, hinge or bridge,
  calf) goes to another lift the athlete has not held as an anchor, and the first session
  that holds it names neither the lift it replaced nor how they stand (a variation, the
  same lift with other kit, or a lift that takes over); anchors care doses or stands in
  with are left out, as they come and go with care's stages;
- **tempo before one leg**: an unloaded two-legged anchor lowered slower than its own
  tempo while its one-legged harder variation (the catalogue's progression, equipment
  owned, at most a level above the athlete's) waits: a calf raise at a 5 s lowering
  before the single-leg calf raise;
- **one leg reached**: anchors that went from such a two-legged lift to its one-legged
  variation;
- hard findings (must stay 0).

    PYTHONHASHSEED=0 .venv/bin/python bench/coach_words.py [ATHLETES]   # 120 of each by default
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete
from beginner_read import SLOTS, beginner
from bodyweight_progress import one_leg_in_reach
from honest_words import _names

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Profile, Role
from legday.planner import make_plan
from legday.planner.dose import lowering
from legday.planner.words import in_a_list

WEEKS = 16


def count(profile: Profile, plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    found["plans"] += 1
    found["hard findings"] += sum(v.hard for v in plan.violations)
    names = {exercise: name for name, exercise in _names(catalogue).items()}
    slot_holder: dict[int, str] = {}
    held: set[str] = set()
    for s in plan.sessions:
        here = {p.exercise for p in s.main}
        for e in here:
            for kind in ("harder", "easier"):
                for other in here - {e}:
                    if f"an {kind} variation of the {names[other]}" in s.why.replace(
                        "a harder", "an harder"
                    ):
                        found["a variation named beside the lift it replaced"] += 1
        for p in s.main:
            if p.role is not Role.ANCHOR or p.exercise not in catalogue or p.injury_care:
                continue  # care's stand-ins and doses come and go with its stages
            e = catalogue[p.exercise]
            slot = SLOTS.get(e.pattern)
            if slot is None:
                continue
            old = slot_holder.get(slot)
            if old is not None and old != e.id and e.id not in held:
                found["anchors replaced"] += 1
                said = names[old] in s.why and in_a_list(e.name.lower()) in s.why
                found["  replaced unsaid (neither lift named together)"] += not said
                if not catalogue[old].unilateral and e.unilateral:
                    found["two-legged anchors that went one-legged"] += 1
            slot_holder[slot] = e.id
            held.add(e.id)
            if p.load_kg is None and p.reps and one_leg_in_reach(profile, catalogue, e.id):
                found["two-legged unloaded anchor prescriptions with one leg in reach"] += 1
                slower = lowering(p.tempo) > lowering(e.tempo)
                found["  lowered slower than its tempo (tempo before one leg)"] += slower


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    for number in range(athletes):
        for profile, runs in (
            random_athlete(random.Random(8300 + number), WEEKS),
            beginner(random.Random(8300 + number), WEEKS),
        ):
            count(profile, make_plan(profile, runs, catalogue), catalogue, found)
    for key, value in found.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
