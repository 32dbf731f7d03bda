"""Rules about what is inside each session: groups, balance, care, warm-up and cool-down."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legday.catalogue import Catalogue
from legday.model import (
    CARE_NEEDS,
    MAX_RPE,
    WEEKLY_GROUPS,
    ExerciseKind,
    Prescription,
)
from legday.rules.base import Facts, SharedMemo, rule

Found = Iterator[tuple[date | None, str]]

MIN_GROUPS = 4
JOG_MINUTES = (4.0, 12.0)
# None: a coach's own drill we cannot classify gets the benefit of the doubt.
DRILL_KINDS = (ExerciseKind.WARMUP, ExerciseKind.MOBILITY, None)
TEMPO = re.compile(r"^(\d)-(\d)-(\d|X)$")
# `movement-quality`: what the cues must talk about, in any words close to these.
CUE_TOPICS = {
    "breathe out on the effort": ("breath", "exhale"),
    "full range of motion": ("range", "full", "all the way", "deep", "as far as"),
    "stop short of locking the joint": ("lock", "short of", "soft", "slight bend", "relaxed"),
}


@rule("several-groups", hard=True, summary="at least 4 major groups a session, 6 a week")
def several_groups(facts: Facts) -> Found:
    for s, block in zip(facts.plan.sessions, facts.blocks, strict=True):
        groups = block.groups
        if len(groups) < MIN_GROUPS:
            yield (
                s.day,
                f"session on {s.day} works {len(groups)} major groups "
                f"({', '.join(sorted(groups)) or 'none'}); 4 are needed",
            )
    blocks = {id(s): block for s, block in zip(facts.plan.sessions, facts.blocks, strict=True)}
    for week, sessions in facts.weeks:
        worked = frozenset().union(*(blocks[id(s)].muscles for s in sessions))
        missing = sorted(m.value for m in WEEKLY_GROUPS - worked)
        if worked and missing:
            yield week.start, f"week of {week.start} leaves out {', '.join(missing)}"


@rule("warm-up", hard=True, summary="open with a light jog, then dynamic drills")
def warm_up(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        if not s.warmup:
            yield s.day, f"session on {s.day} has no warm-up"
            continue
        first = s.warmup[0]
        if facts.kind(first.exercise) is not ExerciseKind.CARDIO:
            yield s.day, f"session on {s.day} does not open with light jogging"
        elif not JOG_MINUTES[0] <= first.minutes <= JOG_MINUTES[1]:
            yield (
                s.day,
                f"session on {s.day} jogs {first.minutes:g} min to warm up; about 5-10 is right",
            )
        drills = [w for w in s.warmup[1:] if facts.kind(w.exercise) in DRILL_KINDS]
        if not drills:
            yield s.day, f"session on {s.day} has no dynamic stretches after the jog"


def _cool_down(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        stretches = [
            c
            for c in s.cooldown
            if facts.kind(c.exercise) in (ExerciseKind.STRETCH, ExerciseKind.MOBILITY)
        ]
        if not stretches:
            yield s.day, f"session on {s.day} does not end with stretching"


rule("cool-down", hard=True, summary="close every session with stretching")(_cool_down)
rule("stretch-after", hard=True, summary="stretch after the workout")(_cool_down)


@rule("balance", hard=True, summary="at least one balance exercise a session")
def balance(facts: Facts) -> Found:
    for s, block in zip(facts.plan.sessions, facts.blocks, strict=True):
        if not block.balance:
            yield s.day, f"session on {s.day} has no balance exercise"


@rule("one-legged", hard=False, summary="at least half of lower-body strength work one-legged")
def one_legged(facts: Facts) -> Found:
    for s, block in zip(facts.plan.sessions, facts.blocks, strict=True):
        lower, single = block.lower, block.one_legged
        if lower and single * 2 < lower:
            yield (
                s.day,
                f"session on {s.day} has {single} of {lower} lower-body exercises one-legged",
            )


@rule("injury-care", hard=True, summary="care exercises for declared problems in every session")
def injury_care(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        for injury in plan.injuries:
            care = [p for p in s.main if injury in p.injury_care]
            needs = CARE_NEEDS.get(injury, ())
            missing = [m.value for m in needs if not any(m in p.muscles for p in care)]
            if not care or missing:
                what = f" for {', '.join(missing)}" if missing else ""
                yield s.day, f"session on {s.day} lacks {injury} care{what}"


@rule("form-first", hard=True, summary="every exercise carries form cues; effort capped")
def form_first(facts: Facts) -> Found:
    for s in facts.plan.sessions:
        for p in s.main:
            if not _cued(p, None):
                yield s.day, f"{p.exercise} on {s.day} carries no form cues"


@rule(
    "movement-quality",
    hard=True,
    summary="slow tempo, full range, breathe out, no lock-out, RPE <= 8",
)
def movement_quality(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        for p in s.main:
            for problem in _problems(p, facts.catalogue):
                yield s.day, f"{p.exercise} on {s.day}: {problem}"


def _has_cues(p: Prescription, _: None) -> bool:
    return any(cue.strip() for cue in p.cues)


_cued = SharedMemo(_has_cues)


def _quality(p: Prescription, catalogue: Catalogue | None) -> tuple[str, ...]:
    return tuple(_quality_problems(p, catalogue))


_problems = SharedMemo(_quality)


def _quality_problems(p: Prescription, catalogue: Catalogue | None) -> Iterator[str]:
    if p.target_rpe > MAX_RPE:
        yield f"target effort RPE {p.target_rpe} is above {MAX_RPE}"
    elif p.target_rpe <= 0:
        yield "no target effort; give an RPE of 8 or less"
    yield from _tempo_problems(p)
    yield from _missing_cues(p, catalogue)
    if not p.load.strip():
        yield "no load given; say what a comfortable load is"


def _tempo_problems(p: Prescription) -> Iterator[str]:
    match = TEMPO.match(p.tempo)
    if not match:
        yield f"tempo {p.tempo!r} is not seconds down-pause-up like 3-1-2"
    elif p.seconds is not None:
        return  # a hold: the tempo only says how to get into position
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
