"""What goes into one session: warm-up, main block, cool-down.

The main block is built from slots so that every session reaches the week's major groups
(`several-groups`), trains balance (`balance`), cares for the athlete's problems
(`injury-care`), leans on one-legged variations (`one-legged`) and changes from session
to session (`variety`, `enjoyment`). Among fitting exercises the least recently used wins,
one-legged ones get a bonus, and a per-plan seeded jitter breaks ties, so the same inputs
and seed give the same plan.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from legday.catalogue import Catalogue
from legday.model import (
    CARE_NEEDS,
    WEEKLY_GROUPS,
    Cooldown,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Prescription,
    Warmup,
)
from legday.planner.dose import Dose, prescribe, work_seconds

__all__ = ["Composer", "SessionParts"]

Fits = Callable[[Exercise], bool]
M = Muscle

# Main-block slots: the muscle a slot must cover, and which exercises may fill it.
SLOTS: tuple[tuple[Muscle, Fits], ...] = (
    (M.QUADS, lambda e: e.muscles[0] is M.QUADS),
    (
        M.HAMSTRINGS,
        lambda e: e.muscles[0] in (M.HAMSTRINGS, M.GLUTES) and M.HAMSTRINGS in e.muscles,
    ),
    (M.GLUTES, lambda e: e.muscles[0] is M.GLUTES),
    (M.CALVES, lambda e: e.muscles[0] is M.CALVES),
    (M.HIP_ABDUCTORS, lambda e: M.HIP_ABDUCTORS in e.muscles),
    (M.CORE, lambda e: e.muscles[0] is M.CORE),
)
PLYO_PHASES = frozenset({Phase.OFF_SEASON, Phase.BASE})
STRETCHES_PER_SESSION = 4
DRILLS_PER_SESSION = 3
UNILATERAL_BONUS = 8.0
RECENT_PENALTY = 6.0
COVERAGE_BONUS = 2.0
NEVER_USED = -100


@dataclass(frozen=True, slots=True)
class SessionParts:
    warmup: tuple[Warmup, ...]
    main: tuple[Prescription, ...]
    cooldown: tuple[Cooldown, ...]
    seconds: int
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pools:
    """The exercises an athlete's kit and level allow, split the way sessions use them."""

    slots: tuple[tuple[Muscle, tuple[Exercise, ...]], ...]
    main: tuple[Exercise, ...]
    balance: tuple[Exercise, ...]
    plyo: tuple[Exercise, ...]
    drills: tuple[Exercise, ...]
    stretches: tuple[Exercise, ...]
    jog: Exercise | None


@lru_cache(maxsize=64)
def pools_for(catalogue: Catalogue, equipment: frozenset[Equipment], level: Level) -> Pools:
    """Pure and cached: a coach's many athletes share a handful of kit-and-level pairs."""
    kinds = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE, ExerciseKind.PLYOMETRIC)
    doable = catalogue.doable(equipment, level, *kinds)
    strength = tuple(e for e in doable if e.kind is ExerciseKind.STRENGTH)
    main = tuple(e for e in doable if e.kind is not ExerciseKind.PLYOMETRIC)
    jogs = catalogue.of_kind(ExerciseKind.CARDIO)
    return Pools(
        slots=tuple((muscle, tuple(e for e in strength if fits(e))) for muscle, fits in SLOTS),
        main=main,
        balance=tuple(e for e in main if e.balance),
        plyo=tuple(e for e in doable if e.kind is ExerciseKind.PLYOMETRIC),
        drills=catalogue.doable(equipment, level, ExerciseKind.WARMUP),
        stretches=catalogue.doable(equipment, level, ExerciseKind.STRETCH, ExerciseKind.MOBILITY),
        jog=jogs[0] if jogs else None,
    )


@dataclass
class Composer:
    """Builds sessions one after another, remembering what was used and when."""

    catalogue: Catalogue
    equipment: frozenset[Equipment]
    level: Level
    injuries: tuple[str, ...]
    seed: int
    last_used: dict[str, int] = field(default_factory=dict)
    count: int = 0

    def __post_init__(self) -> None:
        pools = pools_for(self.catalogue, self.equipment, self.level)
        self._slots = pools.slots
        self._main_pool = pools.main
        self._balance = pools.balance
        self._plyo = pools.plyo
        self._drills = pools.drills
        self._stretches = pools.stretches
        self._jog = pools.jog
        rng = random.Random(self.seed)
        # the part of an exercise's score that never changes within a plan
        self._static = {
            e.id: rng.random() + (UNILATERAL_BONUS if e.unilateral else 0.0) for e in self.catalogue
        }
        self._care = [
            (
                injury,
                muscle,
                tuple(
                    e for e in self._main_pool if injury in e.injury_care and muscle in e.muscles
                ),
            )
            for injury in self.injuries
            for muscle in CARE_NEEDS.get(injury, ())
        ]
        self._prescribed: dict[tuple[str, Dose, bool], Prescription] = {}
        self._two_sets: dict[int, Prescription] = {}  # by id: the originals live in _prescribed

    def remember(self, exercise_ids: Iterable[str]) -> None:
        """Count sessions done before the plan, so the plan starts with fresh choices."""
        for exercise_id in exercise_ids:
            self.last_used[exercise_id] = self.count
        self.count += 1

    def compose(
        self,
        dose: Dose,
        phase: Phase,
        budget_seconds: int,
        *,
        after_run: bool,
        want_new: bool,
        recent: Sequence[frozenset[str]] = (),
    ) -> SessionParts:
        """One session; `recent` holds the main blocks of the last two weeks (`variety`)."""
        avoid = recent[-1] if recent else frozenset()
        picks, notes = self._main_picks(phase, avoid)
        self._more_single_leg(picks, avoid)
        if want_new:
            notes.extend(self._introduce_new(picks, avoid))
        if frozenset(e.id for e in picks) in recent:
            notes.extend(self._swap_one(picks, avoid))
        warmup = self._warmup(after_run)
        cooldown = self._cooldown(picks)
        fixed = int(sum(w.minutes for w in warmup) * 60 + sum(c.seconds * 2 for c in cooldown))
        main = [self._prescribe(e, dose) for e in picks]
        main, fit_note = self._fit(main, budget_seconds - fixed)
        notes.extend(fit_note)
        for exercise_id in [
            *(p.exercise for p in main),
            *(w.exercise for w in warmup),
            *(c.exercise for c in cooldown),
        ]:
            self.last_used[exercise_id] = self.count
        self.count += 1
        seconds = fixed + sum(work_seconds(p) for p in main)
        return SessionParts(tuple(warmup), tuple(main), tuple(cooldown), seconds, tuple(notes))

    def _prescribe(self, exercise: Exercise, dose: Dose) -> Prescription:
        key = (exercise.id, dose, exercise.id not in self.last_used)
        if key not in self._prescribed:
            self._prescribed[key] = prescribe(exercise, dose, self.equipment, new=key[2])
        return self._prescribed[key]

    def _main_picks(self, phase: Phase, avoid: frozenset[str]) -> tuple[list[Exercise], list[str]]:
        chosen: list[Exercise] = []
        for injury, muscle, pool in self._care:
            if not any(injury in e.injury_care and muscle in e.muscles for e in chosen):
                self._add(chosen, pool, avoid)
        notes = []
        if self.injuries and chosen:
            care = ", ".join(e.name.lower() for e in chosen)
            notes.append(f"care for {', '.join(self.injuries)}: {care}")
        for muscle, pool in self._slots:
            worked = {m for e in chosen for m in e.muscles}
            if muscle not in worked:
                self._add(chosen, pool, avoid, WEEKLY_GROUPS - worked)
        if not any(e.balance for e in chosen):
            self._add(chosen, self._balance, avoid)
        if phase in PLYO_PHASES and self.level is not Level.BEGINNER:
            self._add(chosen, self._plyo, avoid)
        return chosen, notes

    def _add(
        self,
        chosen: list[Exercise],
        pool: Iterable[Exercise],
        avoid: frozenset[str],
        needed: frozenset[Muscle] = frozenset(),
    ) -> None:
        taken = {e.id for e in chosen}
        best = self._best([e for e in pool if e.id not in taken], avoid, needed)
        if best is not None:
            chosen.append(best)

    def _best(
        self,
        candidates: Iterable[Exercise],
        avoid: frozenset[str],
        needed: frozenset[Muscle] = frozenset(),
    ) -> Exercise | None:
        """Least recently used first; one-legged and wide-reaching exercises get a bonus.

        The hottest loop of the planner, hence plain locals rather than a key function.
        """
        count, used, static = self.count, self.last_used, self._static
        best, best_score = None, float("-inf")
        for e in candidates:
            score = min(count - used.get(e.id, NEVER_USED), 12) + static[e.id]
            if needed:
                score += COVERAGE_BONUS * len(needed.intersection(e.muscles))
            if e.id in avoid:
                score -= RECENT_PENALTY
            if score > best_score:
                best, best_score = e, score
        return best

    def _alternatives(
        self, old: Exercise, chosen: list[Exercise], *, fresh: bool
    ) -> list[Exercise]:
        """Exercises that could stand in for `old` without losing what it covered."""
        taken = {e.id for e in chosen}
        others = {m for e in chosen if e is not old for m in e.muscles}
        only_old = set(old.muscles) - others
        return [
            e
            for e in self._main_pool
            if e.id not in taken
            and e.muscles[0] is old.muscles[0]
            and only_old.issubset(e.muscles)
            and e.balance >= old.balance
            and set(old.injury_care) <= set(e.injury_care)
            and (not fresh or e.id not in self.last_used)
        ]

    def _introduce_new(self, chosen: list[Exercise], avoid: frozenset[str]) -> list[str]:
        """`variety`: each block brings one exercise the athlete has not done before."""
        fresh = [e for e in chosen if e.id not in self.last_used]
        if fresh:
            return [f"new to you: {fresh[0].name.lower()}"]
        for index, old in enumerate(chosen):
            options = self._alternatives(old, chosen, fresh=True)
            if options:
                chosen[index] = self._best(options, avoid) or old
                return [f"new to you: {chosen[index].name.lower()}"]
        return []

    def _more_single_leg(self, chosen: list[Exercise], avoid: frozenset[str]) -> None:
        """`one-legged`: swap two-legged picks for one-legged ones until half are."""
        for index, old in enumerate(chosen):
            lower = [e for e in chosen if e.kind is ExerciseKind.STRENGTH and e.lower_body]
            if 2 * sum(e.unilateral for e in lower) >= len(lower):
                return
            if old.unilateral or old not in lower:
                continue
            options = [e for e in self._alternatives(old, chosen, fresh=False) if e.unilateral]
            if options:
                chosen[index] = self._best(options, avoid) or old

    def _swap_one(self, chosen: list[Exercise], avoid: frozenset[str]) -> list[str]:
        """`variety`: never the very same session twice within two weeks."""
        for index, old in reversed(list(enumerate(chosen))):
            options = self._alternatives(old, chosen, fresh=False)
            if options:
                chosen[index] = self._best(options, avoid) or old
                return [f"{chosen[index].name.lower()} instead of {old.name.lower()} for a change"]
        return []

    def _warmup(self, after_run: bool) -> list[Warmup]:
        items = [Warmup(self._jog.id, 5 if after_run else 8)] if self._jog else []
        drills = sorted(self._drills, key=lambda e: (self.last_used.get(e.id, NEVER_USED), e.id))
        return items + [Warmup(e.id, 1) for e in drills[:DRILLS_PER_SESSION]]

    def _cooldown(self, picks: list[Exercise]) -> list[Cooldown]:
        worked = {m for e in picks for m in e.muscles}
        ranked = sorted(
            self._stretches,
            key=lambda s: (
                -len(worked.intersection(s.muscles)),
                self.last_used.get(s.id, NEVER_USED),
                s.id,
            ),
        )
        return [Cooldown(s.id, 45 if s.unilateral else 60) for s in ranked[:STRETCHES_PER_SESSION]]

    def _fit(self, main: list[Prescription], budget: int) -> tuple[list[Prescription], list[str]]:
        """Fewer sets first, then drop what the rules do not need, to fit the athlete's time."""
        total = sum(work_seconds(p) for p in main)
        if total <= budget:
            return main, []
        main = [self._with_two_sets(p) if p.sets > 2 and not p.injury_care else p for p in main]
        total = sum(work_seconds(p) for p in main)
        for p in reversed(list(main)):
            rest = [q for q in main if q is not p]
            if total > budget and self._still_complete(rest):
                main = rest
                total -= work_seconds(p)
        if total > budget:
            return main, [f"needs about {round(total / 60)} min of main work to cover the rules"]
        return main, ["trimmed to fit your time"]

    def _with_two_sets(self, p: Prescription) -> Prescription:
        if id(p) not in self._two_sets:
            self._two_sets[id(p)] = replace(p, sets=2)
        return self._two_sets[id(p)]

    def _still_complete(self, main: list[Prescription]) -> bool:
        worked = {m for p in main for m in p.muscles}
        care = all(
            any(injury in p.injury_care and muscle in p.muscles for p in main)
            for injury in self.injuries
            for muscle in CARE_NEEDS.get(injury, ())
        )
        return care and worked >= WEEKLY_GROUPS and any(p.balance for p in main)
