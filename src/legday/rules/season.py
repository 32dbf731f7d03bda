"""Rules over the run of sessions: variety across weeks and enjoyment."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from operator import attrgetter

from legday.model import Phase, Session
from legday.rules.base import Facts, rule

Found = Iterator[tuple[date | None, str]]

SAME_SESSION_DAYS = 14
BLOCK_WEEKS = 4
# Within this of an A race nothing new comes and no load rises: the planner keeps the last
# weeks before a goal as they were on purpose, so `variety` asks nothing new of them
SETTLED_BEFORE_GOAL = timedelta(weeks=3)
_DAY = attrgetter("day")


def settled_before(goals: Iterable[date], day: date) -> bool:
    """Whether `day` lies in the settled weeks before one of the A races `goals`."""
    return any(day <= goal and goal - day < SETTLED_BEFORE_GOAL for goal in goals)


# Weeks whose sessions bring nothing new on purpose (docs/planner.md 3.6): a race week, a
# taper, the week after an A race and a recovery week's one light session
NOTHING_NEW = frozenset({Phase.RACE, Phase.TAPER, Phase.POST_RACE, Phase.RECOVERY})


@rule("variety", hard=False, summary="sessions differ; something new every 4-week block")
def variety(facts: Facts) -> Found:
    """Also: a block whose sessions all lie within SETTLED_BEFORE_GOAL of an A race, or in
    weeks that bring nothing new on purpose (`NOTHING_NEW`), keeps what the athlete knows,
    so it is not asked for a new exercise (a recovery week placed before the peak, apart
    from the taper, left such a block holding one light session: issue 13)."""
    # the latest session with each main block: only it can repeat within the window
    latest: dict[frozenset[str], tuple[int, Session]] = {}
    for s in sorted(facts.plan.sessions, key=_DAY):
        today = s.day.toordinal()
        found = latest.get(s.exercise_ids)
        if found is not None and today - found[0] <= SAME_SESSION_DAYS:
            yield s.day, f"session on {s.day} repeats the one on {found[1].day} exactly"
        latest[s.exercise_ids] = (today, s)
    seen: set[str] = set()
    weeks = facts.weeks
    goals = [race.day for race in facts.plan.race_days if race.priority == "A"]
    for first in range(0, len(weeks), BLOCK_WEEKS):
        block = weeks[first : first + BLOCK_WEEKS]
        ids: set[str] = set().union(*[s.exercise_ids for _, week in block for s in week])
        settled = all(
            settled_before(goals, s.day) or s.phase in NOTHING_NEW
            for _, week in block
            for s in week
        )
        if ids and seen and not ids - seen and not settled:
            yield block[0][0].start, f"the block from {block[0][0].start} brings no new exercise"
        seen |= ids


@rule("enjoyment", hard=False, summary="varied sessions, new exercises, a beat to train to")
def enjoyment(facts: Facts) -> Found:
    plan = facts.plan
    for s in plan.sessions:
        if not s.music:
            yield s.day, f"session on {s.day} has no music or metronome cue"
