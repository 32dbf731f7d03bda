"""Rules about what is inside each session: groups, balance, care, warm-up and cool-down."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from legday.catalogue import Catalogue
from legday.model import (
    CARE_NEEDS,
    MAJOR_GROUPS,
    MAX_RPE,
    WEEKLY_GROUPS,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Prescription,
    Run,
    RunKind,
    Session,
    Warmup,
)
from legday.rules.base import Facts, SharedMemo, rule

Found = Iterator[tuple[date | None, str]]

MIN_GROUPS = 4
JOG_MINUTES = (4.0, 12.0)
RUN_AS_JOG_MINUTES = 60  # a run that ended this long before the session was its jog
# None: a coach's own drill we cannot classify gets the benefit of the doubt.
DRILL_KINDS = (ExerciseKind.WARMUP, ExerciseKind.MOBILITY, None)
STRETCH_KINDS = (ExerciseKind.STRETCH, ExerciseKind.MOBILITY)
TEMPO = re.compile(r"^(\d)-(\d)-(\d|X)$")
# `movement-quality`: what the cues must talk about, in any words close to these.
CUE_TOPICS = {
    "breathe out on the effort": ("breath", "exhale"),
    "full range of motion": ("range", "full", "all the way", "deep", "as far as"),
    "stop short of locking the joint": ("lock", "short of", "soft", "slight bend", "relaxed"),
}


class Reading(NamedTuple):
    """What the session rules need to know of one prescription (shared prescriptions
    are read once: `reading`)."""

    lower: bool  # lower-body strength work (`one-legged` counts it)
    cued: bool  # carries form cues (`form-first`)
    problems: tuple[str, ...]  # what `movement-quality` finds wrong with it


def _read(p: Prescription, catalogue: Catalogue | None) -> Reading:
    return Reading(
        lower=p.kind is ExerciseKind.STRENGTH and any(m is not Muscle.CORE for m in p.muscles),
        cued=any(cue.strip() for cue in p.cues),
        problems=tuple(_quality_problems(p, catalogue)),
    )


reading = SharedMemo(_read)


@dataclass(frozen=True, slots=True)
class Block:
    """A session's main block as the session rules see it, read in one pass."""

    muscles: frozenset[Muscle]
    balance: bool
    lower: int  # lower-body strength exercises
    one_legged: int  # of which one-legged
    uncued: tuple[Prescription, ...]
    problems: tuple[tuple[Prescription, str], ...]
    care: dict[str, frozenset[Muscle]]  # per problem, the muscles its care exercises reach


def groups(muscles: Iterable[Muscle]) -> frozenset[str]:
    """The major groups of these muscles (shins and feet count as one)."""
    return frozenset(MAJOR_GROUPS[m] for m in muscles)


def _block(
    main: Sequence[Prescription], catalogue: Catalogue | None, injuries: tuple[str, ...]
) -> Block:
    muscles: set[Muscle] = set()
    lower = one_legged = 0
    uncued: list[Prescription] = []
    problems: list[tuple[Prescription, str]] = []
    care: dict[str, frozenset[Muscle]] = {}
    for p, read in zip(main, reading.many(main, catalogue), strict=True):
        muscles.update(p.muscles)
        if read.lower:
            lower += 1
            one_legged += p.unilateral
        if not read.cued:
            uncued.append(p)
        problems.extend((p, problem) for problem in read.problems)
        for injury in p.injury_care:
            if injury in injuries:
                care[injury] = care.get(injury, frozenset()).union(p.muscles)
    balanced = any(p.balance for p in main)
    return Block(
        frozenset(muscles), balanced, lower, one_legged, tuple(uncued), tuple(problems), care
    )


def _session_blocks(facts: Facts) -> list[tuple[Session, Block]]:
    plan = facts.plan
    return [(s, _block(s.main, facts.catalogue, plan.injuries)) for s in plan.sessions]


def blocks(facts: Facts) -> list[tuple[Session, Block]]:
    """Each session with its main block, read once per check."""
    return facts.derived(_session_blocks)


@rule("several-groups", hard=True, summary="at least 4 major groups a session, 6 a week")
def several_groups(facts: Facts) -> Found:
    worked = {id(s): block.muscles for s, block in blocks(facts)}
    for s, block in blocks(facts):
        found = groups(block.muscles)
        if len(found) < MIN_GROUPS:
            yield (
                s.day,
                f"session on {s.day} works {len(found)} major groups "
                f"({', '.join(sorted(found)) or 'none'}); 4 are needed",
            )
    for week, sessions in facts.weeks:
        if not sessions:
            continue
        missing = WEEKLY_GROUPS.difference(*[worked[id(s)] for s in sessions])
        if missing and any(worked[id(s)] for s in sessions):
            yield week.start, f"week of {week.start} leaves out {', '.join(sorted(missing))}"


@rule("warm-up", hard=True, summary="open with a light jog (or a run just before), then drills")
def warm_up(facts: Facts) -> Found:
    for s in facts.plan.sessions:
        after_run = _follows_a_run(s, facts.runs_by_day.get(s.day, ()))
        for problem in _warm_up_problems(s.warmup, facts, after_run=after_run):
            yield s.day, f"session on {s.day} {problem}"


def _follows_a_run(s: Session, runs: Sequence[Run]) -> bool:
    """SPEC `warm-up`: a run that ended within the hour before the session was its jog;
    an untimed run on the day comes before the session (`run-first`) and counts too."""
    legs = [r for r in runs if r.running and r.kind is not RunKind.REST]
    if any(r.start is None for r in legs):
        return True
    if s.start is None:
        return False
    began = s.start.hour * 60 + s.start.minute
    ends = [f.hour * 60 + f.minute for r in legs if (f := r.finish) is not None]
    return any(0 <= began - end <= RUN_AS_JOG_MINUTES for end in ends)


def _warm_up_problems(warmup: Sequence[Warmup], facts: Facts, *, after_run: bool) -> Iterator[str]:
    if not warmup:
        yield "has no warm-up"
        return
    kind, first = facts.kind, warmup[0]
    jogs = kind(first.exercise) is ExerciseKind.CARDIO
    if not jogs and not after_run:
        yield "does not open with light jogging (and follows no run within the hour)"
    elif jogs and not JOG_MINUTES[0] <= first.minutes <= JOG_MINUTES[1]:
        yield f"jogs {first.minutes:g} min to warm up; about 5-10 is right"
    drills = warmup[1:] if jogs else warmup
    if not any(kind(w.exercise) in DRILL_KINDS for w in drills):
        yield "has no dynamic stretches or mobility drills"


def _cool_down(facts: Facts) -> Found:
    kind = facts.kind
    read: dict[int, bool] = {}  # per cool-down, as for warm-ups
    for s in facts.plan.sessions:
        stretched = read.get(id(s.cooldown))
        if stretched is None:
            stretched = read[id(s.cooldown)] = any(
                kind(c.exercise) in STRETCH_KINDS for c in s.cooldown
            )
        if not stretched:
            yield s.day, f"session on {s.day} does not end with stretching"


rule("cool-down", hard=True, summary="close every session with stretching")(_cool_down)
rule("stretch-after", hard=True, summary="stretch after the workout")(_cool_down)


@rule("balance", hard=True, summary="at least one balance exercise a session")
def balance(facts: Facts) -> Found:
    for s, block in blocks(facts):
        if not block.balance:
            yield s.day, f"session on {s.day} has no balance exercise"


@rule("one-legged", hard=False, summary="at least half of lower-body strength work one-legged")
def one_legged(facts: Facts) -> Found:
    for s, block in blocks(facts):
        lower, single = block.lower, block.one_legged
        if lower and single * 2 < lower:
            # "where equipment and level allow": two-legged work without a one-legged
            # version the athlete could do is no miss
            stuck = sum(
                1
                for p in s.main
                if not p.unilateral
                and reading(p, facts.catalogue).lower
                and not _one_legged_version_at_hand(facts, p)
            )
            if single * 2 < lower - stuck:
                why_not = (
                    f" ({stuck} more have no one-legged version at this level and kit)"
                    if stuck
                    else ""
                )
                yield (
                    s.day,
                    f"session on {s.day} has {single} of {lower} lower-body exercises "
                    f"one-legged{why_not}",
                )


def _one_legged_version_at_hand(facts: Facts, p: Prescription) -> bool:
    """Whether the catalogue has a one-legged exercise for the same main muscle, with the
    same care for the athlete's problems, that the athlete's level and kit allow. A plan
    that does not say its level and kit (a coach's own file) gets no benefit of the doubt."""
    plan, catalogue = facts.plan, facts.catalogue
    exercise = catalogue.get(p.exercise) if catalogue is not None else None
    if catalogue is None or exercise is None or plan.level is None or plan.equipment is None:
        return True
    care = frozenset(p.injury_care).intersection(plan.injuries)
    return _one_legged_twin(catalogue, plan.equipment, plan.level, exercise.muscles[0], care)


@lru_cache(maxsize=4096)
def _one_legged_twin(
    catalogue: Catalogue,
    equipment: frozenset[Equipment],
    level: Level,
    muscle: Muscle,
    care: frozenset[str],
) -> bool:
    """Cached: a coach's athletes share a handful of kits and levels."""
    doable = catalogue.doable(equipment, level, ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
    return any(
        e.unilateral and e.muscles[0] is muscle and care <= set(e.injury_care) for e in doable
    )


@rule("injury-care", hard=True, summary="care exercises for declared problems in every session")
def injury_care(facts: Facts) -> Found:
    injuries = facts.plan.injuries
    for s, block in blocks(facts):
        for injury in injuries:
            reached = block.care.get(injury)
            needs = CARE_NEEDS.get(injury, ())
            missing = [m.value for m in needs if reached is None or m not in reached]
            if reached is None or missing:
                what = f" for {', '.join(missing)}" if missing else ""
                yield s.day, f"session on {s.day} lacks {injury} care{what}"


@rule("form-first", hard=True, summary="every exercise carries form cues; effort capped")
def form_first(facts: Facts) -> Found:
    for s, block in blocks(facts):
        for p in block.uncued:
            yield s.day, f"{p.exercise} on {s.day} carries no form cues"


@rule(
    "movement-quality",
    hard=True,
    summary="slow tempo, full range, breathe out, no lock-out, RPE <= 8",
)
def movement_quality(facts: Facts) -> Found:
    for s, block in blocks(facts):
        for p, problem in block.problems:
            yield s.day, f"{p.exercise} on {s.day}: {problem}"


def _quality_problems(p: Prescription, catalogue: Catalogue | None) -> Iterator[str]:
    if p.target_rpe > MAX_RPE:
        yield f"target effort RPE {p.target_rpe} is above {MAX_RPE}"
    elif p.target_rpe <= 0:
        yield "no target effort; give an RPE of 8 or less"
    yield from _tempo_problems(p, _reactive(p, catalogue))
    yield from _missing_cues(p, catalogue)
    if not p.load.strip():
        yield "no load given; say what a comfortable load is"


REACTIVE_STAGE = 2  # plyometrics from this stage on are springy contacts by design


def _reactive(p: Prescription, catalogue: Catalogue | None) -> bool:
    """A stage-2 or stage-3 plyometric (pogo hops, bounds, drop jumps): its contacts are
    short and springy on purpose, so SPEC's "slow controlled tempo (no bouncing)" does
    not apply to them; the landing that ends each set still does (docs/rules.md)."""
    if p.kind is not ExerciseKind.PLYOMETRIC or catalogue is None:
        return False
    exercise = catalogue.get(p.exercise)
    return exercise is not None and exercise.stage >= REACTIVE_STAGE


def _tempo_problems(p: Prescription, reactive: bool = False) -> Iterator[str]:
    if p.seconds is not None and not p.tempo:
        return  # timed work (a hold, a walk) keeps the clock, not a rep rhythm
    match = TEMPO.match(p.tempo)
    if not match:
        yield f"tempo {p.tempo!r} is not seconds down-pause-up like 3-1-2"
    elif p.seconds is not None or reactive:
        return  # a hold's tempo only says how to get into position; reactive contacts spring
    elif int(match.group(1)) < 2:
        yield f"tempo {p.tempo} lowers in under 2 s; keep it slow and controlled"
    elif match.group(3) == "X" and p.kind is not ExerciseKind.PLYOMETRIC:
        yield f"tempo {p.tempo} is explosive; only landing drills may be"


def _missing_cues(p: Prescription, catalogue: Catalogue | None) -> Iterator[str]:
    """Catalogue exercises must carry their own range, breathing and lock-out cues; a
    coach's own exercise is read for words that say the same."""
    exercise = catalogue.get(p.exercise) if catalogue is not None else None
    if exercise is not None:
        needed = {
            "full range of motion": exercise.cues.range,
            "breathe out on the effort": exercise.cues.breathing,
            "stop short of locking the joint": exercise.cues.lockout,
        }
        for topic, cue in needed.items():
            if cue not in p.cues:
                yield f"cues do not say: {topic}"
        return
    text = " ".join(p.cues).lower()
    for topic, words in CUE_TOPICS.items():
        if not any(word in text for word in words):
            yield f"cues do not say: {topic}"
