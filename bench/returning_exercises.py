"""Consistent athletes through the logbook: does what comes back after a recovery week rise?

    python bench/returning_exercises.py [-v] [ATHLETES] [WEEKS]   # 30 athletes, 12 weeks

Random athletes of `bench/athletes.py`, their problems taken away, go through the real
planner, services and a SQLite logbook, logging every set as prescribed at the target
effort, good form, no pain, nothing missed (the consistent athletes of
`tests/integration/store/test_simulated_athlete.py`). Counted:

- exercises logged three times or more that never got heavier, more reps (times the
  lowering's seconds) or longer holds (a hand-over to a harder variation is another
  exercise's trail);
- the exercises of each first session after a recovery week, split by when the athlete
  last did them: in the last week of training before the week off, or earlier (the
  rotation kept them away); each group's share prescribed exactly as last done, and
  how many were given a lighter load than last lifted.

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/logbook.md came from it.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import START, drawn_athletes

from legday.bootstrap import read_stored_runs
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import IMPLEMENTS, Prescription, Profile, Run
from legday.planner import make_plan
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.uow import Database

FIRST_KG = {"dumbbells": 10.0, "kettlebell": 12.0, "barbell": 40.0}  # a cautious start
VERBOSE = "-v" in sys.argv
Dose = tuple[float, int, int]  # kilograms, reps times the lowering's seconds, seconds held


def calendar(runs: list[Run], folder: Path) -> str:
    path = folder / "runs.csv"
    lines = ["date,title,kind,start,duration_min"]
    for r in runs:
        start = "" if r.start is None else f"{r.start:%H:%M}"
        lines.append(f"{r.day.isoformat()},{r.title},{r.kind.value},{start},{r.minutes or ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def weight(p: Prescription, profile: Profile, catalogue: Catalogue) -> float | None:
    """The prescription's kilograms, else a cautious first weight the athlete owns."""
    if p.load_kg is not None:
        return p.load_kg
    if "a weight you could lift" not in p.load:
        return None
    kit = kit_of(profile)
    listed = [e.value for e in catalogue[p.exercise].equipment]
    implement = next((i for i in (*listed, *IMPLEMENTS) if kit.loads(i)), None)
    return None if implement is None else kit.nearest(implement, FIRST_KG[implement])


def dose(p: Prescription, kg: float | None) -> Dose:
    down = p.tempo.split("-")[0]
    return (kg or 0.0, (p.reps or 0) * (int(down) if down.isdigit() else 1), p.seconds or 0)


def simulate(profile: Profile, runs: list[Run], weeks: int, counts: Counter[str]) -> None:
    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{folder}/legday.db")
        db.migrate()
        book = Logbook(db.uow, catalogue, make_plan, read_stored_runs)
        book.add_athlete("sim", profile, [calendar(runs, Path(folder))], START)
        done: dict[str, list[tuple[date, Dose]]] = {}  # each exercise's days and doses
        last_day: date | None = None
        for offset in range(weeks * 7):
            day = START + timedelta(days=offset)
            session = book.today("sim", day).session
            if session is None:
                continue
            back = last_day is not None and (day - last_day).days > 7
            logged: list[SetLog] = []
            for p in session.main:
                kg = weight(p, profile, catalogue)
                now = dose(p, kg)
                before = done.get(p.exercise)
                if back and before and last_day is not None:
                    recent = (last_day - before[-1][0]).days < 7
                    group = "just before" if recent else "earlier"
                    counts[f"back, {group}"] += 1
                    counts[f"back, {group}, same dose"] += now == before[-1][1]
                    counts[f"back, {group}, lighter"] += now[0] < before[-1][1][0]
                done.setdefault(p.exercise, []).append((day, now))
                sides = ("left", "right") if p.per_side else ("both",)
                logged += [
                    SetLog(p.exercise, day, side, p.reps, kg, p.seconds, float(p.target_rpe))
                    for _ in range(p.sets)
                    for side in sides
                ]
            book.log("sim", logged)
            last_day = day
        db.dispose()
    for exercise, trail in done.items():
        if len(trail) < 3:
            continue
        counts["logged 3+ times"] += 1
        first = trail[0][1]
        rose = any(any(a > b for a, b in zip(d, first, strict=True)) for _, d in trail[1:])
        counts["never rose"] += not rose
        if not rose and VERBOSE:
            print(f"  never rose: {profile.level} {exercise} {[d for _, d in trail]}")


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    count = int(args[0]) if args else 30
    weeks = int(args[1]) if len(args) > 1 else 12
    counts: Counter[str] = Counter()
    for _rng, profile, runs in drawn_athletes(count, 20270104, weeks):
        # no problems: care eases and holds what works a sore part, by design
        simulate(replace(profile, injuries=()), runs, weeks, counts)
    print(f"{count} athletes, {weeks} weeks, every set on target")
    print(f"exercises logged 3+ times: {counts['logged 3+ times']}, never rose: "
          f"{counts['never rose']}")  # fmt: skip
    for group in ("just before", "earlier"):
        n, same = counts[f"back, {group}"], counts[f"back, {group}, same dose"]
        share = f"{100 * same / n:.0f} %" if n else "-"
        print(f"after a recovery week, last done {group}: {n}, prescribed as last done: "
              f"{same} ({share}), a lighter load: {counts[f'back, {group}, lighter']}")  # fmt: skip


if __name__ == "__main__":
    main()
