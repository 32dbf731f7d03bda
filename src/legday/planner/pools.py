"""What this athlete may do: the exercises their kit, level and problems allow, sorted
into the pools the composer picks from, and what never changes about each of them.

Built once per plan (`athlete_pools`), before the first session, and never changed: the
composer (`planner/session.py`) reads them and keeps its memory of the sessions apart.
The anchor kinds, the week's muscles in the composer's order and the event-specific work
live here because the pools are cut along them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from legday.care import avoided, cared_for
from legday.catalogue import Catalogue
from legday.kit import Kit
from legday.model import (
    CARE_NEEDS,
    WEEKLY_GROUPS_IN_ORDER,
    Cooldown,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Profile,
    Warmup,
)
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.dose import implement_for, start_load
from legday.planner.fit import Need, groups, needs_given

__all__ = [
    "ANCHOR_KINDS",
    "DOWNHILL_WORK",
    "ECCENTRIC_EVENTS",
    "EVENT_WORK",
    "HEAVY_BAR",
    "WARM_UP_JOG_MINUTES",
    "AthletePools",
    "athlete_pools",
    "band_loaded",
    "event_work",
    "heavy_barbell",
    "pattern_of",
]

# A block's anchors: one lift of each kind, the fallback patterns only when the first
# ones are not doable (a bridge stands in for a hinge).
ANCHOR_KINDS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"squat", "lunge"}), frozenset()),
    (frozenset({"hinge"}), frozenset({"bridge"})),
    (frozenset({"calf"}), frozenset()),
)
HEAVY_BAR = frozenset({"heavy barbell lift"})  # a need of the fitting (`AthletePools.gives`)
MAIN_KINDS = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
WARM_UP_JOG_MINUTES = 5  # `warm-up` asks for about 5-10
ONE_LEGGED_BONUS = 8.0
EVENT_BONUS = 4.0  # step-downs for trail runners, soleus work for marathoners

# Event-specific work, named by the catalogue's ids: stepping and slow eccentric lowering
# for the downhills of trail and ultra (Toyomura et al. 2018; Bontemps et al. 2020), the
# bent-knee calf (soleus) for the long road races. For trail and ultra one anchor of each
# block is downhill work when the athlete owns a step or a box (`Composer._downhill_kind`).
DOWNHILL_WORK = ("step-up", "step-down", "lower-to-box", "single-leg-box", "eccentric")
EVENT_WORK = {
    "trail": DOWNHILL_WORK,
    "ultra": DOWNHILL_WORK,
    "marathon": ("bent-knee", "seated"),
    "half": ("bent-knee", "seated"),
}
ECCENTRIC_EVENTS = frozenset({"trail", "ultra"})


def _next(level: Level) -> Level:
    """The level above `level` (the highest is its own)."""
    levels = list(Level)
    return levels[min(level.rank + 1, len(levels) - 1)]


def band_loaded(exercise: Exercise) -> bool:
    """An anchor lift whose load is a band (`loadable` is false: no weight is added)."""
    anchor = any(exercise.pattern in kind[0] | kind[1] for kind in ANCHOR_KINDS)
    return anchor and Equipment.BAND in exercise.equipment and not exercise.loadable


def pattern_of(exercise: Exercise) -> str:
    """The catalogue's movement pattern; for an exercise without one (a coach's own),
    read from its leading muscle."""
    if exercise.pattern or exercise.kind is not ExerciseKind.STRENGTH:
        return exercise.pattern
    lead = exercise.muscles[0]
    if lead is Muscle.QUADS:
        return "squat"
    if lead is Muscle.HAMSTRINGS:
        return "hinge" if Muscle.GLUTES in exercise.muscles else "knee-flexion"
    return {Muscle.GLUTES: "bridge", Muscle.CALVES: "calf"}.get(lead, "")


def variants_of(exercise: Exercise, known: Iterable[Exercise]) -> frozenset[str]:
    """The lifts of `known` that are another step of `exercise`'s own ladder: of its
    pattern, and its regression or progression, or an easier step they share (a reverse
    lunge with dumbbells, one with a kettlebell and a forward lunge all build on the
    bodyweight reverse lunge). A session holds one of them: a coach read a reverse and a
    walking lunge in one session as one pattern done twice (issue 13). Lifts with a
    harder step in common but none easier (the straight- and bent-knee heel drops of a
    tendon protocol) are no variants; nor is fast work (a power lift, a jump)."""
    if not exercise.pattern or exercise.power or exercise.kind is not ExerciseKind.STRENGTH:
        return frozenset()
    steps = {*exercise.regressions, *exercise.progressions}
    return frozenset(
        e.id
        for e in known
        if e.id != exercise.id
        and e.pattern == exercise.pattern
        and not e.power
        and e.kind is ExerciseKind.STRENGTH
        and (
            e.id in steps
            or exercise.id in e.regressions
            or exercise.id in e.progressions
            or not set(e.regressions).isdisjoint(exercise.regressions)
        )
    )


def event_work(e: Exercise, event: str) -> int:
    """1 when `e` is the work the athlete's event asks for (`EVENT_WORK`), else 0."""
    return int(any(word in e.id for word in EVENT_WORK.get(event, ())))


def heavy_barbell(implement: str, level: Level) -> bool:
    """Whether a lift loaded by `implement` is heavy barbell work for an athlete of
    `level` (intermediate or advanced)."""
    return implement == "barbell" and level is not Level.BEGINNER


@dataclass(frozen=True, slots=True)
class AthletePools:
    """The exercises one athlete may do, by what the composer picks them for, and what
    never changes about each one (by exercise id). Built by `athlete_pools`."""

    # power lifts only stand in for jumps: never an anchor, an accessory or a filler
    power: list[Exercise]
    main_pool: list[Exercise]  # strength and balance work, power lifts aside
    # the main pool by leading muscle: a stand-in leads with the same one
    main_by_lead: dict[Muscle, list[Exercise]]
    strength: list[Exercise]
    # the lifts one level above the athlete's: an anchor they have outgrown may move on
    # to a harder variation among them (`Composer._harder`)
    next_level: list[Exercise]
    balance_pool: list[Exercise]
    plyometrics: list[Exercise]
    drills: list[Exercise]  # warm-up drills, by id
    stretches: list[Exercise]  # stretches and mobility, by id
    drill_items: dict[str, Warmup]  # a minute each drill
    stretch_items: dict[str, Cooldown]  # a stretch held 60 s, or 45 s a side
    jog_warm_up: Warmup | None  # None: the athlete has no cardio to warm up with
    jitter: dict[str, float]  # a per-plan seeded tie-break
    # what never changes in a companion's score: one-legged, the event's, the jitter
    preference: dict[str, float]
    implements: dict[str, str]  # what carries each lift's load ("": nothing)
    # what each exercise gives the rules; a heavy barbell lift gives the heavy work
    # a week keeps in season
    gives: dict[str, frozenset[Need]]
    works: dict[str, set[str]]  # the major groups each exercise works
    patterns: dict[str, str]  # each exercise's movement pattern (`pattern_of`)
    variants: dict[str, frozenset[str]]  # each lift's steps of its own ladder (`variants_of`)
    # the lifts of each anchor kind's patterns (and of its fallback)
    anchor_pools: dict[frozenset[str], list[Exercise]]
    next_level_pools: dict[frozenset[str], list[Exercise]]  # and those one level up
    downhill: frozenset[str]  # a trail or ultra runner's downhill lifts among the anchors'
    leg_strength: set[str]  # lower-body strength work, what `one-legged` counts
    # per stretch: the athlete's problems it cares for, by name or by a sore muscle
    stretch_serves: dict[str, frozenset[str]]
    # per stretch: the stretches whose value choosing it changes
    stretch_neighbours: dict[str, frozenset[str]]
    stretch_cares: dict[str, bool]  # per stretch: whether it is care for any problem
    # who may fill each care need and each of the week's muscles
    care_pools: dict[tuple[str, Muscle], list[Exercise]]
    coverage_pools: dict[Muscle, list[Exercise]]
    start_loads: dict[str, float | None]  # each lift's first load in the kit (None: no load)
    own_care: dict[str, tuple[str, ...]]  # each exercise's care for the athlete's problems


def athlete_pools(catalogue: Catalogue, profile: Profile, kit: Kit, event: str) -> AthletePools:
    """The pools for this athlete, with `event` their main event (`Composer`'s)."""
    injuries = profile.injuries
    # what the athlete's problems keep out of the plan (no heel drops off a step for
    # an inserting Achilles tendon: `CareProtocol.avoid`) is never picked
    spared = avoided(catalogue.protocols, profile.injuries)
    doable = tuple(
        e
        for e in catalogue.doable(profile.equipment, profile.level, *ExerciseKind)
        if e.id not in spared
    )
    # power lifts only stand in for jumps: never an anchor, an accessory or a filler;
    # and never a movement care guards for the athlete's problems (a sore knee is no
    # knee to squat fast, and care would swap the lift for its own stage's exercise)
    guarded = {kind for injury in injuries for kind in GUARDED_PATTERNS.get(injury, ())}
    power = [e for e in doable if e.power and e.pattern not in guarded]
    main_pool = [e for e in doable if e.kind in MAIN_KINDS and not e.power]
    # the main pool by leading muscle: a stand-in leads with the same one
    main_by_lead: dict[Muscle, list[Exercise]] = defaultdict(list)
    for e in main_pool:
        main_by_lead[e.muscles[0]].append(e)
    strength = [e for e in doable if e.kind is ExerciseKind.STRENGTH and not e.power]
    # the lifts one level above the athlete's: an anchor they have outgrown may move on
    # to a harder variation among them (`_harder`; one level above theirs at most); no
    # power lift (those only stand in for jumps) and nothing the problems keep out
    next_level = [
        e
        for e in catalogue.doable(profile.equipment, _next(profile.level), ExerciseKind.STRENGTH)
        if e.level.rank > profile.level.rank and not e.power and e.id not in spared
    ]
    known = (*doable, *next_level)
    balance_pool = [e for e in main_pool if e.balance]
    plyometrics = [e for e in doable if e.kind is ExerciseKind.PLYOMETRIC]
    drills = sorted((e for e in doable if e.kind is ExerciseKind.WARMUP), key=lambda e: e.id)
    stretches = sorted(
        (e for e in doable if e.kind in (ExerciseKind.STRETCH, ExerciseKind.MOBILITY)),
        key=lambda e: e.id,
    )
    # a minute each drill; a stretch held 60 s, or 45 s a side
    drill_items = {e.id: Warmup(e.id, 1) for e in drills}
    stretch_items = {e.id: Cooldown(e.id, 45 if e.per_side else 60) for e in stretches}
    jog = next((e for e in doable if e.kind is ExerciseKind.CARDIO), None)
    jog_warm_up = None if jog is None else Warmup(jog.id, WARM_UP_JOG_MINUTES, jog=True)
    rng = random.Random(profile.seed)
    # power lifts draw theirs after the rest: they only stand in for jumps, so the other
    # ties of a seed's plan stay as they were before there were any; the band-loaded
    # anchor lifts, which came later still, draw theirs last, so a plan without a band
    # is as it was before them
    late = {e.id for e in catalogue if band_loaded(e)}
    jitter = {e.id: rng.random() for e in catalogue if not e.power and e.id not in late}
    jitter.update({e.id: rng.random() for e in catalogue if e.power and e.id not in late})
    jitter.update({e.id: rng.random() for e in catalogue if e.id in late})
    # what never changes in a companion's score: one-legged, the event's, the jitter
    preference = {
        e.id: jitter[e.id] + ONE_LEGGED_BONUS * e.unilateral + EVENT_BONUS * event_work(e, event)
        for e in known
    }
    implements = {e.id: implement_for(e, kit) for e in known}
    # what each exercise gives the rules; a heavy barbell lift gives the heavy work
    # a week keeps in season (`progression`), so fitting a short session never drops
    # the session's only one as spare (it dropped the bar in a 30-minute build week)
    gives = {
        e.id: needs_given(e, injuries)
        | (HEAVY_BAR if heavy_barbell(implements[e.id], profile.level) else set())
        for e in known
    }
    works = {e.id: groups([e]) for e in known}
    patterns = {e.id: pattern_of(e) for e in known}
    variants = {e.id: variants_of(e, known) for e in known}
    # the lifts of each anchor kind's patterns (and of its fallback)
    anchor_pools = {
        kind_patterns: [e for e in strength if patterns[e.id] in kind_patterns]
        for kind in ANCHOR_KINDS
        for kind_patterns in kind
    }
    # and those one level up (`next_level`)
    next_level_pools = {
        kind_patterns: [e for e in next_level if patterns[e.id] in kind_patterns]
        for kind in ANCHOR_KINDS
        for kind_patterns in kind
    }
    # a trail or ultra runner's downhill lifts (`DOWNHILL_WORK`) among the anchors'
    eccentric = event in ECCENTRIC_EVENTS
    anchor_patterns = {p for kind in ANCHOR_KINDS for ps in kind for p in ps}
    downhill = frozenset(
        e.id
        for e in (*strength, *next_level)
        if eccentric
        and patterns[e.id] in anchor_patterns
        and any(word in e.id for word in DOWNHILL_WORK)
    )
    # lower-body strength work, what `one-legged` counts
    leg_strength = {e.id for e in strength if e.lower_body}
    # per stretch: the athlete's problems it cares for, by name or by a sore muscle
    stretch_serves = {
        e.id: frozenset(
            injury
            for injury in injuries
            if injury in e.injury_care or set(CARE_NEEDS.get(injury, ())) & set(e.muscles)
        )
        for e in stretches
    }
    # per stretch: the stretches whose value choosing it changes, those that share a
    # muscle (its work is stretched) or a problem (it is served) with it
    stretch_neighbours = {
        e.id: frozenset(
            other.id
            for other in stretches
            if set(e.muscles) & set(other.muscles)
            or stretch_serves[e.id] & stretch_serves[other.id]
        )
        for e in stretches
    }
    # per stretch: whether it is care for any of them (CARE_WEIGHT in `_stretch_value`)
    stretch_cares = {e.id: bool(set(injuries).intersection(e.injury_care)) for e in stretches}
    # who may fill each care need and each of the week's muscles
    care_pools = {
        (injury, muscle): [e for e in main_pool if (injury, muscle) in gives[e.id]]
        for injury in injuries
        for muscle in CARE_NEEDS.get(injury, ())
    }
    coverage_pools = {
        muscle: [e for e in strength if muscle in e.muscles] for muscle in WEEKLY_GROUPS_IN_ORDER
    }
    # a prescription's care tags name only the athlete's own problems (an exercise
    # that eases shin splints is no care to a runner without them)
    own_care = {e.id: tuple(i for i in e.injury_care if i in injuries) for e in known}
    # each lift's conservative first load in the athlete's kit (None: no load); an
    # injured athlete's lifts leave room to climb
    room = bool(cared_for(profile.injuries))
    start_loads = {
        e.id: start_load(
            e,
            implements[e.id],
            profile.level,
            kit,
            profile.body_kg,
            room=room,
            care=bool(own_care[e.id]),
        )
        for e in known
    }
    return AthletePools(
        power=power,
        main_pool=main_pool,
        main_by_lead=main_by_lead,
        strength=strength,
        next_level=next_level,
        balance_pool=balance_pool,
        plyometrics=plyometrics,
        drills=drills,
        stretches=stretches,
        drill_items=drill_items,
        stretch_items=stretch_items,
        jog_warm_up=jog_warm_up,
        jitter=jitter,
        preference=preference,
        implements=implements,
        gives=gives,
        works=works,
        patterns=patterns,
        variants=variants,
        anchor_pools=anchor_pools,
        next_level_pools=next_level_pools,
        downhill=downhill,
        leg_strength=leg_strength,
        stretch_serves=stretch_serves,
        stretch_neighbours=stretch_neighbours,
        stretch_cares=stretch_cares,
        care_pools=care_pools,
        coverage_pools=coverage_pools,
        start_loads=start_loads,
        own_care=own_care,
    )
