"""How often a session runs past the minutes the athlete asked for (issue 13: a session
must fit them, a minute of rounding aside).

    python bench/session_minutes.py          # 200 random athletes of 16 weeks

Prints the sessions, the share longer than asked, the share longer by more than a
minute, and the longest overrun. A C-race week's short session and a recovery week's light
one are measured against the minutes they were given, not the athlete's.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.planner import make_plan

ATHLETES = 200
WEEKS = 16


def main() -> None:
    catalogue = load_catalogue()
    sessions = over = over_a_minute = 0
    worst = 0
    for number in range(ATHLETES):
        profile, runs = random_athlete(random.Random(5000 + number), WEEKS)
        plan = make_plan(profile, runs, catalogue)
        for s in plan.sessions:
            sessions += 1
            past = s.minutes - profile.minutes
            over += past > 0
            over_a_minute += past > 1
            worst = max(worst, past)
    print(f"sessions: {sessions}")
    print(f"longer than asked: {over} ({100 * over / sessions:.1f}%)")
    print(f"longer by more than a minute: {over_a_minute} ({100 * over_a_minute / sessions:.1f}%)")
    print(f"longest overrun: {worst} min")


if __name__ == "__main__":
    main()
