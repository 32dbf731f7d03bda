"""Rules over the run of sessions: variety across weeks and enjoyment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from operator import attrgetter

from legday.rules.base import Facts, rule

Found = Iterator[tuple[date | None, str]]

SAME_SESSION_DAYS = 14
BLOCK_WEEKS = 4
_DAY = attrgetter("day")


@rule("variety", hard=False, summary="sessions differ; something new every 4-week block")
def variety(facts: Facts) -> Found:
    sessions = sorted(facts.plan.sessions, key=_DAY)
    ordinals = [s.day.toordinal() for s in sessions]
    for index, s in enumerate(sessions):
        for back in range(index - 1, -1, -1):
            if ordinals[index] - ordinals[back] > SAME_SESSION_DAYS:
                break
            earlier = sessions[back]
            if earlier.exercise_ids == s.exercise_ids:
                yield s.day, f"session on {s.day} repeats the one on {earlier.day} exactly"
                break
    seen: set[str] = set()
    weeks = facts.weeks
    for first in range(0, len(weeks), BLOCK_WEEKS):
        block = weeks[first : first + BLOCK_WEEKS]
        ids: set[str] = set().union(*[s.exercise_ids for _, week in block for s in week])
        if ids and seen and not ids - seen:
            yield block[0][0].start, f"the block from {block[0][0].start} brings no new exercise"
        seen |= ids


@rule("enjoyment", hard=False, summary="varied sessions, new exercises, a beat to train to")
def enjoyment(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        if not s.music:
            yield s.day, f"session on {s.day} has no music or metronome cue"
