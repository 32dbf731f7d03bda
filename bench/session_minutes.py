"""How well sessions fit the minutes the athlete asked for (issue 13: a session must fit
them, a minute of rounding aside, and a full session fill them within 10 %).

    python bench/session_minutes.py          # 200 random athletes of 16 weeks
    python bench/session_minutes.py 60       # 60 of them

Prints the sessions, the share longer than asked, the share longer by more than a
minute, and the longest overrun; then, of the full sessions (`Session.lighter` is None:
not a taper, race-week, recovery-week, maintenance, back-from-race or key-run-eve
session, which are lighter on purpose), the share within 10 % of the minutes asked and
how many fall short of them or run over by more, with the first week's apart (its new
movements start at two sets: the time left goes to mobility, and it may still fall short).
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
FIT_TOLERANCE = 0.10


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    sessions = over = over_a_minute = 0
    worst = 0
    full = within = under = over_10 = first_week_under = 0
    for number in range(athletes):
        profile, runs = random_athlete(random.Random(5000 + number), WEEKS)
        plan = make_plan(profile, runs, catalogue)
        first = plan.sessions[0].day if plan.sessions else None
        for s in plan.sessions:
            sessions += 1
            past = s.minutes - profile.minutes
            over += past > 0
            over_a_minute += past > 1
            worst = max(worst, past)
            if s.lighter is not None:
                continue
            full += 1
            if abs(past) <= FIT_TOLERANCE * profile.minutes:
                within += 1
            elif past > 0:
                over_10 += 1
            else:
                under += 1
                first_week_under += first is not None and (s.day - first).days < 7
    print(f"sessions: {sessions}")
    print(f"longer than asked: {over} ({100 * over / sessions:.1f}%)")
    print(f"longer by more than a minute: {over_a_minute} ({100 * over_a_minute / sessions:.1f}%)")
    print(f"longest overrun: {worst} min")
    print(f"full sessions: {full}, within 10 % of the minutes asked: {100 * within / full:.1f}%")
    print(f"  more than 10 % short: {under} ({first_week_under} of them in the first week)")
    print(f"  more than 10 % over: {over_10}")


if __name__ == "__main__":
    main()
