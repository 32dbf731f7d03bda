"""Warm-up and cool-down: the jog and drills before a session's lifts, and the stretches
after them for what the session worked and the athlete's problems.

`Mobility` chooses among the athlete's drills and stretches (`AthletePools`) the least
recently done first, reading when each was last used from the composer's memory; the
composer (`planner/session.py`) decides how many of each its minutes hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from legday.catalogue import Catalogue
from legday.model import Cooldown, Exercise, Muscle, Prescription, Role, Warmup
from legday.planner.pools import WARM_UP_JOG_MINUTES, AthletePools

__all__ = [
    "DRILLS",
    "FEWEST_DRILLS",
    "FEWEST_STRETCHES",
    "MOST_DRILLS",
    "MOST_STRETCHES",
    "STRETCHES",
    "Mobility",
    "work_by_muscle",
]

DRILLS = 3
STRETCHES = 4
FEWEST_DRILLS = 1  # `warm-up` asks for at least one
FEWEST_STRETCHES = 2  # `cool-down` asks for one; two cover a session's main muscles
SORE_WEIGHT = 100.0  # a stretch for a problem not yet stretched for comes first ...
CARE_WEIGHT = 30.0  # ... and one that cares for it after the anchors' own muscles
# A set counts this much for the muscle leading its lift (anchor, other), once for the rest:
# an anchor's own muscle (the hamstrings after a hinge) before any that lifts only help.
LEAD_WEIGHT = {True: 20.0, False: 2.0}
# When the work the rules and the athlete's progress allow is in and time is left, the
# warm-up and cool-down grow: drills up to the `warm-up` rule's 10 minutes with the jog,
# stretches for what the session worked and the athlete's problems.
MOST_DRILLS = 5
MOST_STRETCHES = 7


def work_by_muscle(main: Iterable[Prescription]) -> dict[Muscle, float]:
    """What the session works, per muscle: its sets, LEAD_WEIGHT times for the muscle
    leading a lift (what the cool-down stretches first)."""
    work: dict[Muscle, float] = {}
    for p in main:
        for index, muscle in enumerate(p.muscles):
            weight = 1.0 if index else LEAD_WEIGHT[p.role is Role.ANCHOR]
            work[muscle] = work.get(muscle, 0.0) + p.sets * weight
    return work


@dataclass(frozen=True, slots=True)
class Mobility:
    """Chooses a session's drills and stretches for one athlete."""

    pools: AthletePools
    catalogue: Catalogue
    injuries: tuple[str, ...]
    # per exercise, the session that last used it: the composer's memory, read as it
    # grows (never copied), so the least recently done come first
    last_used: Mapping[str, int]

    def _last(self, e: Exercise) -> int:
        """The session that last used `e`; -1 for never."""
        return self.last_used.get(e.id, -1)

    def _least_recent(self, pool: list[Exercise]) -> list[Exercise]:
        """Least recently used first, ties by id (pools are sorted by id)."""
        return sorted(pool, key=self._last)

    def warm_up(
        self, jog: bool, count: int, keep: Sequence[Warmup] = ()
    ) -> tuple[tuple[Warmup, ...], int, int]:
        """The jog (unless a run just was one) and `count` drills: the drills of `keep`,
        then the least recently done; with the jog's seconds and the drills'."""
        kept = [w for w in keep if not w.jog]
        had = {w.exercise for w in kept}
        fresh = [
            self.pools.drill_items[e.id]
            for e in self._least_recent(self.pools.drills)
            if e.id not in had
        ]
        drills = kept + fresh[: max(0, count - len(kept))]
        jog_seconds = 0
        if jog and self.pools.jog_warm_up is not None:
            drills.insert(0, self.pools.jog_warm_up)
            jog_seconds = WARM_UP_JOG_MINUTES * 60
        return tuple(drills), jog_seconds, 60 * (len(drills) - (1 if jog_seconds else 0))

    def cool_down(
        self, worked: dict[Muscle, float], count: int, keep: Sequence[Cooldown] = ()
    ) -> tuple[tuple[Cooldown, ...], int]:
        """`count` stretches for the athlete's problems and what the session `worked`: those
        of `keep`, then each next one the most valuable (`_stretch_value`), the least
        recently done first among equals (each side for one-legged stretches); with their
        seconds. A choice changes the value of its neighbours only (`stretch_neighbours`),
        so only theirs is worked out again."""
        work = dict(worked)  # a stretched muscle counts no more
        unserved = set(self.injuries)
        had = {c.exercise for c in keep}
        for e in self.pools.stretches:
            if e.id in had:
                unserved -= self.pools.stretch_serves[e.id]
                for muscle in e.muscles:
                    work[muscle] = 0.0
        pool = [e for e in self._least_recent(self.pools.stretches) if e.id not in had]
        values = [self._stretch_value(e, work, unserved) for e in pool]
        chosen: list[Exercise] = []
        while pool and len(keep) + len(chosen) < count:
            index = values.index(max(values))  # the first of equals: the least recent
            best = pool.pop(index)
            del values[index]
            chosen.append(best)
            unserved -= self.pools.stretch_serves[best.id]
            for muscle in best.muscles:
                work[muscle] = 0.0
            neighbours = self.pools.stretch_neighbours[best.id]
            for place, e in enumerate(pool):
                if e.id in neighbours:
                    values[place] = self._stretch_value(e, work, unserved)
        items = (*keep, *(self.pools.stretch_items[e.id] for e in chosen))
        return items, sum(self.stretch_seconds(c) for c in items)

    def stretch_seconds(self, stretch: Cooldown) -> int:
        """A stretch's hold, each side for a one-legged one."""
        return stretch.seconds * (2 if self.catalogue[stretch.exercise].per_side else 1)

    def more_mobility(
        self,
        warmup: tuple[Warmup, ...],
        cooldown: tuple[Cooldown, ...],
        worked: dict[Muscle, float],
        aim: float,
        most: float,
    ) -> tuple[tuple[Warmup, ...], tuple[Cooldown, ...], int]:
        """The warm-up and cool-down grown toward `aim` seconds, never past `most`, a drill
        and a stretch in turn (up to MOST_DRILLS and MOST_STRETCHES): when the lifts the
        rules and the athlete's progress allow are in and time is left, it goes to
        mobility, not to a lift the athlete is not ready for. The items and their seconds."""
        jog = tuple(w for w in warmup if w.jog)
        drills, _, _ = self.warm_up(False, MOST_DRILLS, warmup)
        stretches, _ = self.cool_down(worked, MOST_STRETCHES, cooldown)
        used_drills, used_stretches = len(warmup) - len(jog), len(cooldown)
        fixed = sum(60 * w.minutes for w in warmup)
        fixed += sum(self.stretch_seconds(c) for c in cooldown)
        while fixed < aim:
            grown = (used_drills, used_stretches)
            if used_drills < len(drills) and fixed + 60 * drills[used_drills].minutes <= most:
                fixed += 60 * drills[used_drills].minutes
                used_drills += 1
            if fixed < aim and used_stretches < len(stretches):
                hold = self.stretch_seconds(stretches[used_stretches])
                if fixed + hold <= most:
                    fixed += hold
                    used_stretches += 1
            if grown == (used_drills, used_stretches):
                break
        return (*jog, *drills[:used_drills]), stretches[:used_stretches], round(fixed)

    def _stretch_value(self, e: Exercise, work: dict[Muscle, float], unserved: set[str]) -> float:
        """SORE_WEIGHT for each problem not yet stretched for, CARE_WEIGHT for care of any
        of them (calf and soleus both, for shin splints), and the most work among the
        muscles `e` stretches (a muscle counts its sets, LEAD_WEIGHT times where it leads
        a lift). Stretches of equal value rotate (the least recently done wins)."""
        value = SORE_WEIGHT * len(unserved & self.pools.stretch_serves[e.id])
        value += max(work.get(m, 0.0) for m in e.muscles)
        if self.pools.stretch_cares[e.id]:
            value += CARE_WEIGHT
        return value
