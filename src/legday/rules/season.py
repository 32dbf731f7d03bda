"""Rules over the run of sessions: variety across weeks and enjoyment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from legday.catalogue import Catalogue
from legday.model import Plan
from legday.rules.base import rule, sessions_by_week

Found = Iterator[tuple[date | None, str]]

SAME_SESSION_DAYS = 14
BLOCK_WEEKS = 4


@rule("variety", hard=False, summary="sessions differ; something new every 4-week block")
def variety(plan: Plan, _: Catalogue | None) -> Found:
    sessions = sorted(plan.sessions, key=lambda s: s.day)
    for index, s in enumerate(sessions):
        for earlier in reversed(sessions[:index]):
            if s.day - earlier.day > timedelta(days=SAME_SESSION_DAYS):
                break
            if earlier.exercise_ids == s.exercise_ids:
                yield s.day, f"session on {s.day} repeats the one on {earlier.day} exactly"
                break
    seen: set[str] = set()
    weeks = sessions_by_week(plan)
    for first in range(0, len(weeks), BLOCK_WEEKS):
        block = weeks[first : first + BLOCK_WEEKS]
        ids = {e for _, week in block for s in week for e in s.exercise_ids}
        if ids and seen and not ids - seen:
            yield block[0][0].start, f"the block from {block[0][0].start} brings no new exercise"
        seen |= ids


@rule("enjoyment", hard=False, summary="varied sessions, new exercises, a beat to train to")
def enjoyment(plan: Plan, _: Catalogue | None) -> Found:
    for s in plan.sessions:
        if not s.music:
            yield s.day, f"session on {s.day} has no music or metronome cue"
