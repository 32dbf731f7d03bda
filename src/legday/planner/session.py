"""What goes into one session: warm-up, main block, cool-down.

The main block is built from slots so that every session reaches the week's major groups
(`several-groups`), trains balance (`balance`), cares for the athlete's problems
(`injury-care`), leans on one-legged variations (`one-legged`) and changes from session
to session (`variety`, `enjoyment`). Among fitting exercises the least recently used wins,
one-legged ones get a bonus, and a per-plan seeded jitter breaks ties, so the same inputs
and seed give the same plan.

A coach plans hundreds of athletes at once, so the composer works on catalogue positions
(small ints) and muscle bit masks prepared once per catalogue and kit (`Traits`, `Pools`),
and shares prescriptions between plans; the choices are the same as on the objects. For
the same reason hot paths build lists (`tuple([...])`, `sum([...])`): in Python 3.11 a
list comprehension is cheaper than a generator expression (docs/planner.md §5).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

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
from legday.planner.dose import Dose, has_load, prescribe, work_seconds

__all__ = ["Composer", "SessionParts", "pools_for", "stand_ins"]

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
PLYO_LEVELS = frozenset(Level) - {Level.BEGINNER}
MAIN_KINDS = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)  # what the main block is made of
STRETCHES_PER_SESSION = 4
DRILLS_PER_SESSION = 3
UNILATERAL_BONUS = 8.0
RECENT_PENALTY = 6.0
COVERAGE_BONUS = 2.0
NEVER_USED = -100
MAX_AGE = 12  # sessions; older than this all count as long ago
NO_SCORE = float("-inf")

MUSCLE_BIT = {muscle: 1 << n for n, muscle in enumerate(Muscle)}
WEEKLY_MASK = sum(MUSCLE_BIT[m] for m in WEEKLY_GROUPS)
BALANCE_BIT = 1 << len(Muscle)  # `_fit`: after the muscle bits, balance, then care needs


def muscle_mask(muscles: Iterable[Muscle]) -> int:
    mask = 0
    for muscle in muscles:
        mask |= MUSCLE_BIT[muscle]
    return mask


class SessionParts(NamedTuple):
    """A composed session (a named tuple: one is made for every session of every plan)."""

    warmup: tuple[Warmup, ...]
    main: tuple[Prescription, ...]
    cooldown: tuple[Cooldown, ...]
    seconds: int
    notes: tuple[str, ...]
    block: frozenset[int]  # the main block as catalogue positions, for `variety`


@dataclass(frozen=True, slots=True, eq=False)
class Traits:
    """What the composer asks of each exercise, by catalogue position; one per catalogue,
    shared by every kit."""

    exercises: tuple[Exercise, ...]
    position: dict[str, int]
    mask: tuple[int, ...]
    unilateral: tuple[bool, ...]
    one_leg_bonus: tuple[float, ...]  # UNILATERAL_BONUS for one-legged work, else 0
    balance: tuple[bool, ...]
    lower_strength: tuple[bool, ...]  # lower-body strength work (`one-legged` counts these)
    name: tuple[str, ...]  # lower case, for notes
    kind: tuple[ExerciseKind, ...]
    by_id: tuple[int, ...]  # positions in order of id
    slot_members: tuple[frozenset[int], ...]  # per slot of SLOTS, the strength work that fits
    drills: tuple[int, ...]  # by id
    stretches: tuple[int, ...]  # stretches and mobility, by id
    drill_items: dict[int, Warmup]  # a minute each
    stretch_items: dict[int, Cooldown]
    jog: int | None
    jog_items: tuple[Warmup, ...]  # (after a run, on its own)
    _alternatives: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _doses: dict[tuple[Dose, bool], dict[int, Dosed]] = field(default_factory=dict)
    _bonuses: dict[int, list[float]] = field(default_factory=dict)
    _warm_ups: dict[tuple[bool, tuple[int, ...]], tuple[tuple[Warmup, ...], int]] = field(
        default_factory=dict
    )
    _cool_downs: dict[tuple[int, ...], tuple[tuple[Cooldown, ...], int]] = field(
        default_factory=dict
    )

    def warm_up(self, drills: list[int], after_run: bool) -> tuple[tuple[Warmup, ...], int]:
        """The jog (shorter after a run) and these drills, with the seconds they take;
        one shared tuple per choice (a few dozen in all), so the rules read each once."""
        key = (after_run, tuple(drills))
        found = self._warm_ups.get(key)
        if found is None:
            items = [self.drill_items[n] for n in drills]
            seconds = 60 * len(drills)
            if self.jog is not None:
                jog = self.jog_items[0 if after_run else 1]
                items.insert(0, jog)
                seconds += int(jog.minutes * 60)
            found = self._warm_ups[key] = (tuple(items), seconds)
        return found

    def cool_down(self, stretches: list[int]) -> tuple[tuple[Cooldown, ...], int]:
        """These stretches, each side where one-legged, with the seconds they take; shared
        like the warm-ups."""
        key = tuple(stretches)
        found = self._cool_downs.get(key)
        if found is None:
            items = tuple([self.stretch_items[n] for n in stretches])
            found = self._cool_downs[key] = (items, 2 * sum([c.seconds for c in items]))
        return found

    def dose_table(self, dose: Dose, kit_loads: bool) -> dict[int, Dosed]:
        """Prescriptions at this dose by position (`~position` when new to the athlete),
        shared by every plan; filled as sessions ask. Bounded because doses come only
        from the cached `dose_for` (a handful per phase and level), keyed by identity."""
        table = self._doses.get((dose, kit_loads))
        if table is None:
            table = self._doses[dose, kit_loads] = {}
        return table

    def coverage_bonus(self, needed: int) -> list[float]:
        """By position, the bonus for each of the `needed` muscles an exercise works;
        one list per set of muscles (at most one per subset of the weekly groups)."""
        found = self._bonuses.get(needed)
        if found is None:
            found = self._bonuses[needed] = [
                COVERAGE_BONUS * (needed & mask).bit_count() if needed else 0.0
                for mask in self.mask
            ]
        return found

    def alternatives(self, old: int) -> tuple[int, ...]:
        """Main-block exercises that may stand in for `old` whatever else the session
        holds: same leading muscle, at least as much balance (injury care: `stand_ins`)."""
        found = self._alternatives.get(old)
        if found is None:
            e = self.exercises[old]
            found = tuple(
                n
                for n, other in enumerate(self.exercises)
                if other.kind in MAIN_KINDS
                and other.muscles[0] is e.muscles[0]
                and other.balance >= e.balance
            )
            self._alternatives[old] = found
        return found


@lru_cache(maxsize=16)
def traits_of(catalogue: Catalogue) -> Traits:
    exercises = tuple(catalogue)
    kind = tuple(e.kind for e in exercises)
    by_id = tuple(sorted(range(len(exercises)), key=lambda n: exercises[n].id))
    drills = tuple(n for n in by_id if kind[n] is ExerciseKind.WARMUP)
    stretches = tuple(n for n in by_id if kind[n] in (ExerciseKind.STRETCH, ExerciseKind.MOBILITY))
    jog = next((n for n, e in enumerate(exercises) if e.kind is ExerciseKind.CARDIO), None)
    return Traits(
        exercises=exercises,
        position={e.id: n for n, e in enumerate(exercises)},
        mask=tuple(muscle_mask(e.muscles) for e in exercises),
        unilateral=tuple(e.unilateral for e in exercises),
        one_leg_bonus=tuple(UNILATERAL_BONUS if e.unilateral else 0.0 for e in exercises),
        balance=tuple(e.balance for e in exercises),
        lower_strength=tuple(e.kind is ExerciseKind.STRENGTH and e.lower_body for e in exercises),
        name=tuple(e.name.lower() for e in exercises),
        kind=kind,
        by_id=by_id,
        slot_members=tuple(
            frozenset(
                n for n, e in enumerate(exercises) if e.kind is ExerciseKind.STRENGTH and fits(e)
            )
            for _, fits in SLOTS
        ),
        drills=drills,
        stretches=stretches,
        drill_items={n: Warmup(exercises[n].id, 1) for n in drills},
        stretch_items={
            n: Cooldown(exercises[n].id, 45 if exercises[n].unilateral else 60) for n in stretches
        },
        jog=jog,
        jog_items=()
        if jog is None
        else (Warmup(exercises[jog].id, 5), Warmup(exercises[jog].id, 8)),
    )


@dataclass(frozen=True, slots=True, eq=False)
class Pools:
    """The exercises an athlete's kit and level allow, split the way sessions use them."""

    traits: Traits
    slots: tuple[tuple[int, tuple[int, ...]], ...]  # (muscle bit, positions)
    main: tuple[int, ...]
    in_main: frozenset[int]
    balance: tuple[int, ...]
    plyo: tuple[int, ...]
    drills: tuple[int, ...]  # by id, so a stable sort by last use breaks ties by id
    stretches: tuple[int, ...]  # by id, likewise
    kit_loads: bool
    _alternatives: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _by_reach: dict[int, tuple[tuple[int, ...], ...]] = field(default_factory=dict)

    def stretches_by_reach(self, worked: int) -> tuple[tuple[int, ...], ...]:
        """The stretches grouped by how many of the `worked` muscles they reach, most
        first; within a group by id."""
        groups = self._by_reach.get(worked)
        if groups is None:
            mask = self.traits.mask
            reach = {n: (mask[n] & worked).bit_count() for n in self.stretches}
            groups = tuple(
                tuple(n for n in self.stretches if reach[n] == count)
                for count in sorted(set(reach.values()), reverse=True)
            )
            self._by_reach[worked] = groups
        return groups

    def alternatives(self, old: int) -> tuple[int, ...]:
        """The catalogue's stand-ins for `old` that this kit and level allow."""
        found = self._alternatives.get(old)
        if found is None:
            in_main = self.in_main
            found = tuple(n for n in self.traits.alternatives(old) if n in in_main)
            self._alternatives[old] = found
        return found


@lru_cache(maxsize=1024)
def pools_for(catalogue: Catalogue, equipment: frozenset[Equipment], level: Level) -> Pools:
    """Pure and cached: a coach's many athletes share a handful of kit-and-level pairs."""
    traits = traits_of(catalogue)
    position = traits.position
    doable = catalogue.doable(equipment, level, *ExerciseKind)
    return _pools(traits, tuple([position[e.id] for e in doable]), has_load(equipment))


@lru_cache(maxsize=1024)
def _pools(traits: Traits, doable: tuple[int, ...], kit_loads: bool) -> Pools:
    """Kits that allow the same exercises share one `Pools` (and what it caches)."""
    kind = traits.kind
    allowed = frozenset(doable)
    strength = [n for n in doable if kind[n] is ExerciseKind.STRENGTH]
    main = tuple([n for n in doable if kind[n] in MAIN_KINDS])
    return Pools(
        traits=traits,
        slots=tuple(
            (MUSCLE_BIT[muscle], tuple([n for n in strength if n in members]))
            for (muscle, _), members in zip(SLOTS, traits.slot_members, strict=True)
        ),
        main=main,
        in_main=frozenset(main),
        balance=tuple([n for n in main if traits.balance[n]]),
        plyo=tuple([n for n in doable if kind[n] is ExerciseKind.PLYOMETRIC]),
        drills=tuple([n for n in traits.drills if n in allowed]),
        stretches=tuple([n for n in traits.stretches if n in allowed]),
        kit_loads=kit_loads,
    )


@lru_cache(maxsize=8192)
def stand_ins(pools: Pools, old: int, injuries: tuple[str, ...]) -> tuple[int, ...]:
    """What may replace `old` for this kit: it must keep the care `old` gives for the
    athlete's own problems (care for problems they do not have is no reason to keep it)."""
    exercises = pools.traits.exercises
    care = set(exercises[old].injury_care).intersection(injuries)
    if not care:
        return pools.alternatives(old)
    return tuple(n for n in pools.alternatives(old) if care <= set(exercises[n].injury_care))


class Dosed(NamedTuple):
    """A prescription with what fitting a session into its minutes needs to know.

    Hot loops unpack it or index it: reading a named tuple's field by name costs ~25 ns in
    Python 3.11, four times a slot or an index."""

    position: int
    prescription: Prescription
    seconds: int
    shorter: Dosed | None = None  # two sets instead of more, when time is short (not care)


def dosed(traits: Traits, position: int, dose: Dose, kit_loads: bool, new: bool) -> Dosed:
    """The exercise at `position` prescribed at this dose, with its two-set variant."""
    p = prescribe(traits.exercises[position], dose, kit_loads=kit_loads, new=new)
    shorter = None
    if p.sets > 2 and not p.injury_care:
        two = replace(p, sets=2)
        shorter = Dosed(position, two, work_seconds(two))
    return Dosed(position, p, work_seconds(p), shorter)


class CareNeed(NamedTuple):
    """One muscle an injury's care must reach: who may fill it, and who counts."""

    pool: tuple[int, ...]  # main-pool exercises that serve it
    members: frozenset[int]  # every catalogue exercise that serves it


class Composer:
    """Builds sessions one after another, remembering what was used and when."""

    def __init__(
        self,
        catalogue: Catalogue,
        equipment: frozenset[Equipment],
        level: Level,
        injuries: tuple[str, ...],
        seed: int,
    ) -> None:
        self.level = level
        self.injuries = injuries
        self.count = 0
        pools = self._pools = pools_for(catalogue, equipment, level)
        traits = self._traits = pools.traits
        self._used = [NEVER_USED] * len(traits.exercises)
        jitter = random.Random(seed).random
        # the part of an exercise's score that never changes within a plan
        self._static = [jitter() + bonus for bonus in traits.one_leg_bonus]
        self._needs = tuple(
            _care_need(pools, injury, muscle)
            for injury in injuries
            for muscle in CARE_NEEDS.get(injury, ())
        )
        self._all_needed = WEEKLY_MASK | ((BALANCE_BIT << (len(self._needs) + 1)) - BALANCE_BIT)
        self._given: dict[int, int] = {}  # see `_gives`

    def remember(self, exercise_ids: Iterable[str]) -> None:
        """Count sessions done before the plan, so the plan starts with fresh choices."""
        position = self._traits.position
        for exercise_id in exercise_ids:
            if exercise_id in position:
                self._used[position[exercise_id]] = self.count
        self.count += 1

    def compose(
        self,
        dose: Dose,
        phase: Phase,
        budget_seconds: int,
        *,
        after_run: bool,
        want_new: bool,
        recent: Sequence[frozenset[int]] = (),
    ) -> SessionParts:
        """One session; `recent` holds the main blocks of the last two weeks (`variety`)."""
        avoid = recent[-1] if recent else frozenset()
        picks, notes = self._main_picks(phase, avoid)
        self._more_single_leg(picks, avoid)
        if want_new:
            notes.extend(self._introduce_new(picks, avoid))
        if frozenset(picks) in recent:
            notes.extend(self._swap_one(picks, avoid))
        traits, used, count = self._traits, self._used, self.count
        drills, stretches = self._drills(), self._stretches(picks)
        warmup, warmup_seconds = traits.warm_up(drills, after_run)
        cooldown, cooldown_seconds = traits.cool_down(stretches)
        fixed = warmup_seconds + cooldown_seconds
        if traits.jog is not None:
            used[traits.jog] = count
        main, main_seconds = self._dosed(picks, dose)
        if main_seconds > budget_seconds - fixed:
            main, main_seconds, fit_note = self._fit(main, budget_seconds - fixed)
            notes.append(fit_note)
        positions = []
        prescriptions = []
        for n, prescription, _, _ in main:  # unpacked: see `Dosed`
            positions.append(n)
            prescriptions.append(prescription)
            used[n] = count
        for n in drills:
            used[n] = count
        for n in stretches:
            used[n] = count
        self.count += 1
        return SessionParts(
            warmup,
            tuple(prescriptions),
            cooldown,
            fixed + main_seconds,
            tuple(notes),
            frozenset(positions),
        )

    def _dosed(self, picks: list[int], dose: Dose) -> tuple[list[Dosed], int]:
        """The picks at this dose, and the time they take. Shared between plans: the same
        exercise at the same dose is the same prescription."""
        used, traits, loads = self._used, self._traits, self._pools.kit_loads
        table = traits.dose_table(dose, loads)
        main: list[Dosed] = []
        seconds = 0
        for n in picks:
            new = used[n] == NEVER_USED
            key = ~n if new else n
            item = table.get(key)
            if item is None:
                item = table[key] = dosed(traits, n, dose, loads, new)
            main.append(item)
            seconds += item[2]  # .seconds: see `Dosed`
        return main, seconds

    def _main_picks(self, phase: Phase, avoid: frozenset[int]) -> tuple[list[int], list[str]]:
        chosen: list[int] = []
        best = self._best
        for need in self._needs:
            if need.members.isdisjoint(chosen):
                _append(chosen, best(need.pool, avoid, 0, chosen))
        notes = []
        if self.injuries and chosen:
            care = ", ".join([self._traits.name[n] for n in chosen])
            notes.append(f"care for {', '.join(self.injuries)}: {care}")
        mask = self._traits.mask
        worked = 0
        for n in chosen:
            worked |= mask[n]
        for bit, pool in self._pools.slots:
            if not worked & bit:
                added = best(pool, avoid, WEEKLY_MASK & ~worked, chosen)
                if added is not None:
                    chosen.append(added)
                    worked |= mask[added]
        balance = self._traits.balance
        for n in chosen:  # a loop, not any(): one generator less per session
            if balance[n]:
                break
        else:
            _append(chosen, best(self._pools.balance, avoid, 0, chosen))
        if phase in PLYO_PHASES and self.level in PLYO_LEVELS:
            _append(chosen, best(self._pools.plyo, avoid, 0, chosen))
        return chosen, notes

    def _best(
        self,
        candidates: Iterable[int],
        avoid: frozenset[int],
        needed: int = 0,
        taken: Sequence[int] = (),
    ) -> int | None:
        """Least recently used first; one-legged and wide-reaching exercises get a bonus.

        The hottest loop of the planner, hence plain locals rather than a key function,
        and the coverage bonus looked up rather than counted.
        """
        count, used, static = self.count, self._used, self._static
        bonus = self._traits.coverage_bonus(needed)
        max_age = MAX_AGE
        long_ago = count - max_age  # used then or earlier: the age counts as MAX_AGE
        best, best_score = None, NO_SCORE
        for n in candidates:
            last = used[n]
            score = (max_age if last <= long_ago else count - last) + static[n] + bonus[n]
            if n in avoid:
                score -= RECENT_PENALTY
            if score > best_score and n not in taken:
                best, best_score = n, score
        return best

    def _alternatives(self, old: int, chosen: list[int], *, fresh: bool) -> list[int]:
        """Exercises that could stand in for `old` without losing what it covered."""
        mask, used = self._traits.mask, self._used
        others = 0
        for n in chosen:
            if n != old:
                others |= mask[n]
        only_old = mask[old] & ~others
        return [
            n
            for n in stand_ins(self._pools, old, self.injuries)
            if n not in chosen and not only_old & ~mask[n] and (not fresh or used[n] == NEVER_USED)
        ]

    def _introduce_new(self, chosen: list[int], avoid: frozenset[int]) -> list[str]:
        """`variety`: each block brings one exercise the athlete has not done before."""
        used, name = self._used, self._traits.name
        fresh = [n for n in chosen if used[n] == NEVER_USED]
        if fresh:
            return [f"new to you: {name[fresh[0]]}"]
        for index, old in enumerate(chosen):
            options = self._alternatives(old, chosen, fresh=True)
            if options:
                chosen[index] = _or(self._best(options, avoid), old)
                return [f"new to you: {name[chosen[index]]}"]
        return []

    def _more_single_leg(self, chosen: list[int], avoid: frozenset[int]) -> None:
        """`one-legged`: swap two-legged picks for one-legged ones until half are."""
        lower_strength, unilateral = self._traits.lower_strength, self._traits.unilateral
        lower = one_legged = 0
        for n in chosen:
            if lower_strength[n]:
                lower += 1
                one_legged += unilateral[n]
        if 2 * one_legged >= lower:
            return
        for index, old in enumerate(chosen):
            if 2 * one_legged >= lower:
                return
            if unilateral[old] or not lower_strength[old]:
                continue
            options = [n for n in self._alternatives(old, chosen, fresh=False) if unilateral[n]]
            if options:
                chosen[index] = new = _or(self._best(options, avoid), old)
                lower += lower_strength[new] - 1
                one_legged += lower_strength[new] and unilateral[new]

    def _swap_one(self, chosen: list[int], avoid: frozenset[int]) -> list[str]:
        """`variety`: never the very same session twice within two weeks."""
        name = self._traits.name
        for index, old in reversed(list(enumerate(chosen))):
            options = self._alternatives(old, chosen, fresh=False)
            if options:
                chosen[index] = new = _or(self._best(options, avoid), old)
                return [f"{name[new]} instead of {name[old]} for a change"]
        return []

    def _drills(self) -> list[int]:
        """The warm-up drills after the jog: the least recently done, ties by id."""
        return sorted(self._pools.drills, key=self._used.__getitem__)[:DRILLS_PER_SESSION]

    def _stretches(self, picks: list[int]) -> list[int]:
        """Stretches for what the main block worked, the least recently done first."""
        mask = self._traits.mask
        worked = 0
        for n in picks:
            worked |= mask[n]
        ranked: list[int] = []
        for group in self._pools.stretches_by_reach(worked):
            ranked.extend(sorted(group, key=self._used.__getitem__))
            if len(ranked) >= STRETCHES_PER_SESSION:
                break
        return ranked[:STRETCHES_PER_SESSION]

    def _fit(self, main: list[Dosed], budget: int) -> tuple[list[Dosed], int, str]:
        """Fewer sets first, then drop what the rules do not need, to fit the athlete's time.

        What the rules need is a bit each (every weekly muscle, balance, each care need):
        an exercise may go while nothing it gives is given by it alone.
        """
        main = [item.shorter or item for item in main]
        total = sum([item.seconds for item in main])
        index = len(main)
        while total > budget and index:
            given = [self._gives(item.position) for item in main]
            sole, complete = _given_once(given, self._all_needed)
            if not complete:
                break  # a block that misses something can lose nothing
            index -= 1
            while index >= 0 and given[index] & sole:
                index -= 1
            if index < 0:
                break
            total -= main.pop(index).seconds
        if total > budget:
            return (
                main,
                total,
                f"needs about {round(total / 60)} min of main work to cover the rules",
            )
        return main, total, "trimmed to fit your time"

    def _gives(self, position: int) -> int:
        """What the rules need that this exercise gives, as bits: the weekly muscles it
        works, then balance, then each of the athlete's care needs it serves."""
        found = self._given.get(position)
        if found is None:
            found = self._traits.mask[position] & WEEKLY_MASK
            if self._traits.balance[position]:
                found |= BALANCE_BIT
            for n, need in enumerate(self._needs):
                if position in need.members:
                    found |= BALANCE_BIT << (n + 1)
            self._given[position] = found
        return found


def _given_once(given: list[int], needed: int) -> tuple[int, bool]:
    """The needs only one exercise gives, and whether every need is given."""
    once = more = 0
    for bits in given:
        more |= once & bits
        once |= bits
    return once & ~more, once & needed == needed


def _append(chosen: list[int], best: int | None) -> None:
    """Add a pick when a pool had one (an empty pool leaves the rule to report it)."""
    if best is not None:
        chosen.append(best)


def _or(best: int | None, old: int) -> int:
    return old if best is None else best


@lru_cache(maxsize=4096)
def _care_need(pools: Pools, injury: str, muscle: Muscle) -> CareNeed:
    """Cached: athletes with the same kit, level and problem share it."""
    members = _care_members(pools.traits, injury, muscle)
    return CareNeed(tuple(n for n in pools.main if n in members), members)


@lru_cache(maxsize=256)
def _care_members(traits: Traits, injury: str, muscle: Muscle) -> frozenset[int]:
    return frozenset(
        n for n, e in enumerate(traits.exercises) if injury in e.injury_care and muscle in e.muscles
    )
