"""Anchor lifts across blocks (issue 13, a coach's read of a 10K racer with dumbbells):

- **step-downs**: a block hands an anchor's slot (squat or lunge, hinge, calf) to a lift
  that is no harder (`easier`: an easier variation by the catalogue's links, else a lower
  level, else two legs after one; the same lift with other kit is no easier) at a load no
  heavier on each working leg, in a week that does not lighten on purpose (a 16 kg
  single-leg Romanian deadlift became a 12 kg kickstand RDL);
- **held anchors**: three or more weeks free to climb in a row in which a loaded anchor's
  exercise, sets, reps, load and effort hold, its tempo at most changing (16 kg x 6 with
  the lowering slowing, week after week), from each week's fullest session of the lift;
  told apart by whether a heavier owned weight was within reach, and, at the top of the
  rack, whether the reps had climbed past the range first;
- **unowned advanced lifts**: the first time an advanced strength or balance lift (a
  pistol squat) is done before a variation one link easier (a single-leg box squat) was
  done in OWNED sessions.

    python bench/anchor_steps.py [ATHLETES] [SEED] [ANY]   # 100 athletes, seed 13

Random athletes of `bench/athletes.py` over 12-24 weeks who own weights: dumbbell pairs in
2 kg steps (the coach's racer had 6-16 kg), sometimes kettlebells or a barbell; with ANY
set to 1, the athletes of `bench/athletes.py` as they come (a typical set of whatever kit
they own, bodyweight only for some). Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to
compare before and after; docs/planner.md (3.20) has the figures.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    Session,
)
from legday.planner import make_plan
from legday.planner.care.guards import UNLOADED_WHILE_EARLY
from legday.planner.dose import climb_reps, hands, next_weight
from legday.planner.session import variation
from legday.rules.season import settled_before

# An anchor's slot: a lift that hands over to another of its slot is a new variation.
SLOTS = {"squat": 0, "lunge": 0, "hinge": 1, "bridge": 1, "calf": 2}
# Weeks and sessions that lighten on purpose, and say so.
LIGHT_PHASES = frozenset({Phase.TAPER, Phase.RACE, Phase.RECOVERY, Phase.POST_RACE})
LIGHT_SESSIONS = frozenset(
    {Lighter.TAPER, Lighter.RACE_WEEK, Lighter.RECOVERY_WEEK, Lighter.BACK_FROM_RACE}
)
CLIMBING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD, Phase.PEAK})
TEMPO_RUN_WEEKS = 3  # weeks in a row whose only change is the tempo
OWNED = 3  # sessions of an easier variation before an advanced lift's first
WHERE = (
    "with a heavier owned weight in reach",
    "at the top of the rack, at the top of the range",
    "at the top of the rack, the reps past the range",
    "at the top of the rack, below the top of the range",
)
DUMBBELL_TOPS = (10, 12, 14, 16, 16, 20, 24)


def loaded_athlete(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A random athlete of `bench/athletes.py` over 12-24 weeks who owns dumbbells (pairs
    2 kg apart, up to 10-24 kg), and now and then kettlebells or a barbell."""
    weeks = rng.randint(12, 24)
    profile, runs = random_athlete(rng, weeks)
    kit = set(profile.equipment) | {Equipment.DUMBBELLS, Equipment.WALL}
    lightest, heaviest = rng.choice((2, 4, 6)), rng.choice(DUMBBELL_TOPS)
    bells: tuple[float, ...] = ()
    if rng.random() < 0.25:
        kit.add(Equipment.KETTLEBELL)
        bells = tuple(sorted(rng.sample((8.0, 12.0, 16.0, 20.0, 24.0), rng.randint(1, 3))))
    if rng.random() < 0.2:
        kit.add(Equipment.BARBELL)
    profile = replace(
        profile,
        equipment=frozenset(kit),
        dumbbells_kg=tuple(float(kg) for kg in range(lightest, heaviest + 1, 2)),
        kettlebells_kg=bells,
    )
    return profile, runs


def lightened(session: Session) -> bool:
    """Whether the session lightens on purpose (a taper, race, recovery or post-race week)."""
    return session.phase in LIGHT_PHASES or session.lighter in LIGHT_SESSIONS


def per_leg_kg(p: Prescription, exercise: Exercise) -> float:
    """The load on each working leg: all of it on a one-legged lift, half on a two-legged
    one (a dumbbell pair counts twice); 0 without one."""
    total = (p.load_kg or 0.0) * hands(exercise, p.implement)
    return total if exercise.unilateral else total / 2


def easier(new: Exercise, old: Exercise, catalogue: Catalogue) -> bool:
    """Whether `new` is no harder a variation than `old`: not the same lift with other kit
    (`variation`), and one of its easier variations by the catalogue's links, else (not
    one of its harder ones) a lower level, or at the same level two legs after one."""
    if variation(old, new, catalogue) == "kit":
        return False
    if new.id in catalogue.easier_than(old.id):
        return True
    if old.id in catalogue.easier_than(new.id):
        return False
    if new.level.rank != old.level.rank:
        return new.level.rank < old.level.rank
    return old.unilateral and not new.unilateral


def one_step_easier(exercise: Exercise, catalogue: Catalogue) -> set[str]:
    """The variations one link easier: its regressions and those listing it as harder."""
    below = set(exercise.regressions)
    below.update(e.id for e in catalogue if exercise.id in e.progressions)
    return below


def held_by_care(p: Prescription) -> bool:
    """Whether care holds the lift at its stage, unloaded (and for a knee, shallow): a
    lift of a movement the problem guards that its early stage cannot swap for one of its
    own (`care.UNLOADED_WHILE_EARLY`). The stage chooses that form, not the strength plan:
    a runner's knee at its isometric stage kept a race week's split squat shallow, then
    made a barbell squat a shallow bodyweight squat, which is no step down of the
    strength plan's anchor (it had climbed from the split squat to the barbell squat)."""
    return p.load_kg is None and p.load.startswith(tuple(UNLOADED_WHILE_EARLY.values()))


def anchors(plan: Plan, catalogue: Catalogue) -> list[tuple[Session, int, Prescription]]:
    """Each session's anchors with their slot, in plan order (care's own doses and the
    forms care holds a lift to at an early stage left out: the protocol's stage chooses
    those)."""
    found = []
    for s in plan.sessions:
        for p in s.main:
            slot = SLOTS.get(catalogue[p.exercise].pattern)
            own = not p.care_dose and not held_by_care(p)
            if p.role is Role.ANCHOR and slot is not None and own:
                found.append((s, slot, p))
    return found


def step_downs(plan: Plan, catalogue: Catalogue) -> list[str]:
    """The block changes that hand a slot to a no harder lift at a load no heavier."""
    last: dict[int, tuple[Session, Prescription]] = {}
    found = []
    for s, slot, p in anchors(plan, catalogue):
        before = last.get(slot)
        last[slot] = (s, p)
        if before is None or before[0].block == s.block or before[1].exercise == p.exercise:
            continue
        if lightened(s):
            continue
        old, new = catalogue[before[1].exercise], catalogue[p.exercise]
        if easier(new, old, catalogue) and per_leg_kg(p, new) <= per_leg_kg(before[1], old):
            found.append(f"week {(s.day - plan.start).days // 7 + 1}: {old.id} -> {new.id}")
    return found


def free_weeks(plan: Plan) -> set[int]:
    """The plan's weeks free to climb: not a taper, race, recovery or post-race week, nor
    within three weeks of an A race (those hold loads on purpose)."""
    goals = [race.day for race in plan.race_days if race.priority == "A"]
    return {
        (s.day - plan.start).days // 7
        for s in plan.sessions
        if s.phase in CLIMBING and not lightened(s) and not settled_before(goals, s.day)
    }


def weekly(plan: Plan, catalogue: Catalogue) -> dict[int, list[tuple[int, Prescription]]]:
    """Per slot, its anchor's fullest full session (no eve, no light week) of each week
    free to climb (`free_weeks`), as (week, prescription)."""
    free = free_weeks(plan)
    by_week: dict[tuple[int, int], Prescription] = {}
    for s, slot, p in anchors(plan, catalogue):
        week = (s.day - plan.start).days // 7
        if week not in free or s.lighter is not None:
            continue
        held = by_week.get((slot, week))
        if held is None or (held.sets, held.reps or 0) <= (p.sets, p.reps or 0):
            by_week[(slot, week)] = p
    found: dict[int, list[tuple[int, Prescription]]] = {}
    for (slot, week), p in sorted(by_week.items()):
        found.setdefault(slot, []).append((week, p))
    return found


@dataclass(frozen=True, slots=True)
class Stuck:
    """A loaded anchor's run of weeks in which only its tempo changed, if anything."""

    exercise: str
    weeks: int
    tempo: bool  # its tempo changed in the run
    heavier: bool  # a heavier owned weight was within reach (`next_weight`)
    reps: int  # the reps it was held at
    range_top: int  # the top of its rep range (`climb_reps`: 6, a beginner's 10)

    @property
    def where(self) -> str:
        """Why it held: a heavier weight in reach (it should have climbed), or at the top
        of the rack: at the top of its range (only the lowering moves: the coach's read),
        past it (the reps went on first: the kit's end), or below it (a short session's
        fitting)."""
        if self.heavier:
            return "with a heavier owned weight in reach"
        if self.reps == self.range_top:
            return "at the top of the rack, at the top of the range"
        if self.reps > self.range_top:
            return "at the top of the rack, the reps past the range"
        return "at the top of the rack, below the top of the range"


def stuck_runs(plan: Plan, catalogue: Catalogue) -> list[Stuck]:
    """The runs of TEMPO_RUN_WEEKS or more weeks free to climb in a row (`weekly`: light
    weeks between left out) in which a loaded anchor's exercise, sets, reps, load and
    effort hold: its tempo at most changes."""
    profile = plan.profile
    assert profile is not None
    kit = kit_of(profile)
    runs: list[list[Prescription]] = []
    for weeks in weekly(plan, catalogue).values():
        run: list[Prescription] = []
        for _, p in weeks:
            if run and p.load_kg is not None and _held(run[-1]) == _held(p):
                run.append(p)
                continue
            runs.append(run)
            run = [p]
        runs.append(run)
    return [
        Stuck(
            run[0].exercise,
            len(run),
            len({p.tempo for p in run}) > 1,
            next_weight(kit, run[0].implement, run[0].load_kg or 0.0, profile.level) is not None,
            run[0].reps or 0,
            climb_reps(profile.level)[1],
        )
        for run in runs
        if len(run) >= TEMPO_RUN_WEEKS
    ]


def _held(p: Prescription) -> tuple[str, int, int | None, float | None, int]:
    """What a week's dose holds besides its tempo: the lift, its sets, reps, load, effort."""
    return p.exercise, p.sets, p.reps, p.load_kg, p.target_rpe


def unowned_advanced(plan: Plan, catalogue: Catalogue) -> list[str]:
    """The advanced strength and balance lifts first done before any variation one link
    easier (`one_step_easier`: a single-leg box squat for a pistol squat) was done in OWNED
    sessions; not those whose easier variation is the same movement with less kit (the
    dumbbell single-leg Romanian deadlift), care's own doses (the protocol's stage chooses
    them), nor the jumps (their stages come in order: docs/planner.md 3.5)."""
    done: Counter[str] = Counter()
    found = []
    for s in plan.sessions:
        for p in s.main:
            e = catalogue[p.exercise]
            first = done[e.id] == 0 and e.level is Level.ADVANCED and not p.care_dose
            if first and e.kind in (ExerciseKind.STRENGTH, ExerciseKind.BALANCE):
                below = one_step_easier(e, catalogue)
                same = any(variation(catalogue[b], e, catalogue) == "kit" for b in below)
                if below and not same and not any(done[b] >= OWNED for b in below):
                    found.append(f"{e.id} {p.sets}x{p.reps or p.seconds}")
        for p in s.main:
            done[p.exercise] += 1
    return found


def main(count: int = 100, seed: int = 13, any_kit: int = 0) -> None:
    catalogue = load_catalogue()
    rng = random.Random(seed)
    found: Counter[str] = Counter()
    changes: Counter[str] = Counter()
    for _ in range(count):
        if any_kit:
            profile, runs = random_athlete(rng, rng.randint(12, 24))
        else:
            profile, runs = loaded_athlete(rng)
        plan = make_plan(profile, runs, catalogue)
        found["plans"] += 1
        found["block changes"] += max(0, len({s.block for s in plan.sessions}) - 1)
        downs = step_downs(plan, catalogue)
        found["step-downs at a block change"] += len(downs)
        found["  plans with a step-down"] += bool(downs)
        changes.update(d.split(": ", 1)[1] for d in downs)
        stuck = stuck_runs(plan, catalogue)
        found["loaded anchors held 3+ weeks (tempo at most changing)"] += len(stuck)
        found["  their weeks"] += sum(r.weeks for r in stuck)
        found["  of them with the tempo changing"] += sum(r.tempo for r in stuck)
        for where in WHERE:
            found[f"  of them {where}"] += sum(r.where == where for r in stuck)
        found["  plans with a held anchor"] += bool(stuck)
        found["advanced lifts met (strength, balance)"] += len(
            {
                p.exercise
                for s in plan.sessions
                for p in s.main
                if catalogue[p.exercise].level is Level.ADVANCED
                and catalogue[p.exercise].kind in (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
                and not p.care_dose
            }
        )
        found["  first met before an easier variation was owned"] += len(
            unowned_advanced(plan, catalogue)
        )
    for name, value in found.items():
        print(f"{name:58} {value}")
    for change, n in changes.most_common(8):
        print(f"  {n:3} {change}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
