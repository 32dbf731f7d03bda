"""Guard for speed work: the plans of 200 random athletes, as JSON, must not change.

    python bench/same_plans.py write before.txt   # on the tree before a change
    python bench/same_plans.py check before.txt   # after it: exits 1 on the first change

Each line is one athlete's plan (`legday.plan/1`, keys sorted) plus the repr of its
sessions and care routines, which hold a few fields the JSON leaves out. Half the
athletes plan 16 weeks, half 52; a quarter bring sessions already trained (`done`).
Run with PYTHONHASHSEED fixed, so set iteration is the same in both runs.

With `--tables` (after the file) each line is instead the terminal table of `legday plan`
(`cli.table.plan_table`) for the first TABLE_ATHLETES athletes, at the width a pipe gets
and at 80 columns: for work on the table's rendering.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.cli.table import WIDTH_WHEN_PIPED, plan_table
from legday.exports.plan_json import plan_to_json
from legday.model import StrengthDay
from legday.planner import make_plan

ATHLETES = 200
TABLE_ATHLETES = 30
TABLE_WIDTHS = (WIDTH_WHEN_PIPED, 80)


def plan_lines(*, tables: bool = False) -> list[str]:
    """One line per athlete: its plan as JSON and the sessions' and routines' repr, or
    (`tables`) its terminal tables."""
    catalogue = load_catalogue()
    lines = []
    for number in range(TABLE_ATHLETES if tables else ATHLETES):
        rng = random.Random(1000 + number)
        weeks = 16 if number % 2 else 52
        profile, runs = random_athlete(rng, weeks)
        done: tuple[StrengthDay, ...] = ()
        if number % 4 == 3:  # an athlete coming back: last season's first sessions
            trained = make_plan(profile, runs, catalogue).sessions[:6]
            done = tuple(StrengthDay(s.day, s.exercise_ids, s.main) for s in trained)
        plan = make_plan(profile, runs, catalogue, done=done)
        if tables:
            shown = [plan_table(plan, catalogue, width=width) for width in TABLE_WIDTHS]
            lines.append(json.dumps(shown, ensure_ascii=False))
            continue
        data = plan_to_json(plan)
        data.pop("generator")  # the version, not the plan
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        lines.append(f"{text}\t{plan.sessions!r}\t{plan.care!r}")
    return lines


def main() -> int:
    args = sys.argv[1:]
    tables = args[2:] == ["--tables"]
    if len(args) != 2 + tables or args[0] not in ("write", "check"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    path = Path(args[1])
    lines = plan_lines(tables=tables)
    if args[0] == "write":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} plans written to {path}")
        return 0
    before = path.read_text(encoding="utf-8").splitlines()
    for number, (old, new) in enumerate(zip(before, lines, strict=True)):
        if old != new:
            at = next(
                (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                min(len(old), len(new)),
            )
            print(f"athlete {number}: plan changed at character {at}")
            print(f"  before: ...{old[max(0, at - 80) : at + 80]}...")
            print(f"  after:  ...{new[max(0, at - 80) : at + 80]}...")
            return 1
    print(f"{len(lines)} plans, byte for byte the same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
