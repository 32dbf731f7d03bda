"""Count what a running coach and physio found in injured athletes' strength sessions
(issue 13, injury care as dosed protocols), over seeded random athletes with one or two
problems, half of them starting at a random care stage (a logbook's):

    python bench/care_stage_lifts.py [ATHLETES]   # 200 by default, 16 weeks each

1. lifts ahead of the care stage: a session's lift of a movement a problem's care guards
   (`GUARDED_PATTERNS`: the knee's squats and lunges, the calf for Achilles, hinges,
   bridges and curls for the hamstring), in a week whose stage is short of the last, that
   is no exercise of the stages reached:
   - *beyond reach*: as hard as an exercise two or more stages on (`stages_ahead` above
     `HELD_REACH`), held or not: a lateral step-down, the knee's stage 3, in a stage-1
     session, however shallow;
   - *held*: in a care-held form (2 easy sets, unloaded or as light as it starts, "the
     sore area sets the pace"): a shallow split squat beside the wall sit;
   - *unheld*: the rest, at the strength plan's dose;
   a lift another problem's care doses (Achilles care's calf lift beside shin splints,
   `CALF_OWNERS`) counts for this problem only when its later stages hold it;
2. loads: each loaded lift's first load (sessions' main blocks) at the heaviest the athlete
   owns for it while a lighter one is owned (no room to climb), in the first block (the
   athlete's start) and later (a lift that may carry on a load climbed before), and
   blocks in which an anchor lift sits at one unchanged dose (kilograms, sets, reps or
   seconds, tempo) in every one of three or more training sessions of the block (no
   taper, race, peak or recovery week), care's own doses and care-held forms aside (their
   stage sets the pace, and says so); companions stay at two easy sets by design.

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after. The
predicates are shared with tests/unit/planner/test_care_stage_lifts.py.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))

from athletes import random_athlete, week_doses

from legday.care import CareProtocol
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, ExerciseKind, Phase, Plan, Prescription, Profile, Role, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.care.schedule import WeekDoses

try:
    from legday.planner.care.guards import HELD_REACH, stages_ahead
except ImportError:  # a tree from before them, measured for the "before" numbers
    HELD_REACH = 1

    def stages_ahead(
        protocol: CareProtocol, stage: int, exercise_id: str, catalogue: Catalogue
    ) -> int:
        asks = {exercise_id, *catalogue.easier_than(exercise_id)}
        holding = [s.number for s in protocol.stages if asks & {i.exercise for i in s.items}]
        return max(holding, default=0) - stage


PROBLEMS = (
    "shin-splints",
    "runners-knee",
    "achilles",
    "achilles-insertional",
    "it-band",
    "plantar-fascia",
    "hamstring",
)
HELD_WORDS = "the sore area sets the pace"
HELD_SETS = 2
HELD_RPE = 6
FLAT_SESSIONS = 3  # a block's sessions of one lift at one dose, at the fewest, to count
# weeks that hold or ease by design: their lifts may stay where they were
HOLDING_PHASES = frozenset({Phase.TAPER, Phase.RACE, Phase.PEAK, Phase.RECOVERY})


# the few weights a runner keeps at home, drawn for about half of those who own some
HOME_DUMBBELLS = ((4.0, 6.0, 8.0), (6.0, 8.0, 10.0), (5.0, 7.5, 10.0, 12.5), (8.0, 12.0))
HOME_KETTLEBELLS = ((8.0, 12.0, 16.0), (12.0, 16.0), (8.0, 12.0))


def injured_athletes(
    count: int, seed: int = 1313
) -> Iterator[tuple[Profile, list[Run], CareSchedule | None]]:
    """`count` random athletes with one or two problems; half start at a random stage,
    about half own a few weights at home (`HOME_DUMBBELLS`, `HOME_KETTLEBELLS`) rather
    than a full rack."""
    for number in range(count):
        rng = random.Random(seed + number)
        profile, runs = random_athlete(rng, 16)
        problems = tuple(rng.sample(PROBLEMS, rng.randint(1, 2)))
        care = None
        if rng.random() < 0.5:
            care = CareSchedule({p: rng.randint(1, 2) for p in problems}, {})
        if rng.random() < 0.5:
            profile = replace(
                profile,
                equipment=profile.equipment | {Equipment.DUMBBELLS},
                dumbbells_kg=rng.choice(HOME_DUMBBELLS),
                kettlebells_kg=rng.choice(HOME_KETTLEBELLS),
            )
        yield replace(profile, injuries=problems), runs, care


def held(p: Prescription) -> bool:
    """A care-held form: two easy sets, unloaded or as light as the lift starts, the sore
    area setting the pace."""
    return HELD_WORDS in p.load and p.sets <= HELD_SETS and p.target_rpe <= HELD_RPE


def ahead_of_stage(
    plan: Plan, profile: Profile, catalogue: Catalogue, doses: WeekDoses
) -> Iterator[tuple[str, str, int, Prescription]]:
    """Each session's guarded lift ahead of its problem's stage: ("beyond", "held" or
    "unheld", the problem, the stage, the lift)."""
    for s in plan.sessions:
        week = (s.day - plan.start).days // 7
        stage_of = {
            i: doses.of(i, week)[0].number for i in profile.injuries if i in doses.by_problem
        }
        for injury, number in stage_of.items():
            protocol = catalogue.protocols[injury]
            if number >= len(protocol.stages):
                continue
            guarded = GUARDED_PATTERNS.get(injury, frozenset())
            own = {i.exercise for st in protocol.stages[:number] for i in st.items}
            later = {i.exercise for st in protocol.stages[number:] for i in st.items}
            others = {
                i.exercise
                for other, at in stage_of.items()
                if other != injury and GUARDED_PATTERNS.get(other, frozenset()) & guarded
                for st in catalogue.protocols[other].stages[:at]
                for i in st.items
            }
            for p in s.main:
                exercise = catalogue.get(p.exercise)
                if (
                    exercise is None
                    or exercise.kind is not ExerciseKind.STRENGTH
                    or exercise.pattern not in guarded
                    or p.exercise in own
                    or (p.care_dose and p.exercise in others and p.exercise not in later)
                ):
                    continue
                if stages_ahead(protocol, number, p.exercise, catalogue) > HELD_REACH:
                    yield "beyond", injury, number, p
                else:
                    yield "held" if held(p) else "unheld", injury, number, p


def first_at_the_top(plan: Plan, profile: Profile) -> Iterator[tuple[bool, Prescription]]:
    """Each loaded lift's first load that is the heaviest the athlete owns for it while a
    lighter one is owned, and whether it came in the plan's first block (the athlete's
    start; a later block's lift may carry on a load an earlier one climbed to)."""
    kit = kit_of(profile)
    seen: set[str] = set()
    for s in plan.sessions:
        for p in s.main:
            if p.exercise in seen or p.load_kg is None or not p.implement:
                continue
            seen.add(p.exercise)
            loads = kit.loads(p.implement)
            if len(loads) > 1 and p.load_kg >= loads[-1]:
                yield s.block <= 1, p


def flat_blocks(plan: Plan) -> Iterator[tuple[int, str, tuple[object, ...]]]:
    """Each (block, anchor) whose every exposure in the block's training sessions, three or
    more, is at one dose."""
    doses: dict[tuple[int, str], list[tuple[object, ...]]] = {}
    for s in plan.sessions:
        if s.phase in HOLDING_PHASES or not s.block:
            continue
        for p in s.main:
            if p.role is not Role.ANCHOR or p.care_dose or held(p):
                continue  # care's own dose, or held by it, says its stage sets the pace
            dose = (p.load_kg, p.sets, p.reps, p.seconds, p.tempo)
            doses.setdefault((s.block, p.exercise), []).append(dose)
    for (block, exercise), found in doses.items():
        if len(found) >= FLAT_SESSIONS and len(set(found)) == 1:
            yield block, exercise, found[0]


def count(
    profile: Profile,
    runs: list[Run],
    care: CareSchedule | None,
    catalogue: Catalogue,
    t: Counter[str],
) -> list[str]:
    plan = make_plan(profile, runs, catalogue, care=care)
    doses = week_doses(profile, runs, catalogue, care)
    examples = []
    t["athletes"] += 1
    t["sessions"] += len(plan.sessions)
    beyond = 0
    for kind, injury, stage, p in ahead_of_stage(plan, profile, catalogue, doses):
        t[f"lifts {kind}"] += 1
        t[f"lifts {kind}: {injury}"] += 1
        beyond += kind == "beyond"
        if kind == "beyond" and len(examples) < 2:
            dose = f"{p.sets}x{p.reps or p.seconds} {p.load_kg or ''}"
            examples.append(f"{injury} stage {stage}: {p.exercise} {dose} {p.load[:50]}")
    t["athletes with lifts beyond"] += beyond > 0
    tops = [p for first, p in first_at_the_top(plan, profile) if first]
    t["lifts starting at the top in block 1"] += len(tops)
    t["lifts first met at the top in a later block"] += sum(
        not first for first, _ in first_at_the_top(plan, profile)
    )
    t["loaded lifts"] += len({p.exercise for s in plan.sessions for p in s.main if p.load_kg})
    t["athletes starting at the top"] += bool(tops)
    flat = list(flat_blocks(plan))
    t["flat anchor blocks"] += len(flat)
    t["athletes with a flat block"] += bool(flat)
    return examples


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    catalogue = load_catalogue()
    t: Counter[str] = Counter()
    shown: list[str] = []
    for profile, runs, care in injured_athletes(athletes):
        shown += count(profile, runs, care, catalogue, t)
    for key in sorted(t):
        print(f"{key}: {t[key]}")
    for line in shown[:8]:
        print("  e.g.", line)


if __name__ == "__main__":
    main()
