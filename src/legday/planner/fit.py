"""Fitting a session into the athlete's minutes without breaking a rule.

A composed session may run long. It loses, in this order: a companion whose every need
another exercise also covers, an anchor set (never below two), a companion set (never
below one), and as a last resort an anchor the rules do not need (the calf lift first).
What each exercise gives the rules is named: the week's muscles it works
(`several-groups`), balance (`balance`), and care per problem and muscle (`injury-care`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from legday.catalogue import Catalogue
from legday.model import MAJOR_GROUPS, WEEKLY_GROUPS, Exercise, Prescription, Role
from legday.planner.dose import Dose, prescribe, work_seconds
from legday.rules.session import MIN_GROUPS

__all__ = ["Pick", "dosed_pick", "groups", "needs_given", "trim", "with_sets"]

CHANGE_SECONDS = 20  # moving from one exercise to the next
FEWEST_ANCHOR_SETS = 2
FEWEST_COMPANION_SETS = 1

Need = object  # a muscle, "balance", or (problem, muscle)


@dataclass(frozen=True, slots=True, eq=False)
class Pick:
    """An exercise chosen for the session: its role, dose and the time it takes (shared,
    see `dosed_pick`, so one is equal only to itself)."""

    exercise: Exercise
    role: Role
    dose: Dose
    prescription: Prescription
    seconds: int  # the sets, rests and the change to the next exercise

    @property
    def new(self) -> bool:
        return self.prescription.new


@lru_cache(maxsize=8192)
def dosed_pick(
    catalogue: Catalogue,
    exercise_id: str,
    role: Role,
    dose: Dose,
    kg: float | None,
    implement: str,
    new: bool,
    extra_side: str | None,
) -> Pick:
    """The same exercise at the same dose is the same pick, in every session of every
    plan: made once, so a coach's many plans share it and the rules read it once."""
    e = catalogue[exercise_id]
    prescription = prescribe(e, role, dose, kg, implement, new=new, extra_side=extra_side)
    return Pick(e, role, dose, prescription, work_seconds(prescription) + CHANGE_SECONDS)


def with_sets(catalogue: Catalogue, p: Pick, sets: int) -> Pick:
    """The same pick with another number of sets."""
    q = p.prescription
    dose = p.dose._replace(sets=sets)
    return dosed_pick(
        catalogue, p.exercise.id, p.role, dose, q.load_kg, q.implement, q.new, q.extra_side
    )


def needs_given(e: Exercise, injuries: Sequence[str]) -> frozenset[Need]:
    """What the rules need of a session that `e` gives: the week's muscles it works,
    balance, and care for each of the athlete's problems (per muscle)."""
    care = {
        (injury, muscle) for injury in e.injury_care if injury in injuries for muscle in e.muscles
    }
    balance = {"balance"} if e.balance else set()
    return frozenset(WEEKLY_GROUPS.intersection(e.muscles)) | care | balance


def groups(exercises: Iterable[Exercise]) -> set[str]:
    """The major groups these exercises work (shins and feet count as one)."""
    return {MAJOR_GROUPS[m] for e in exercises for m in e.muscles}


def trim(
    catalogue: Catalogue,
    picks: list[Pick],
    gives: dict[str, frozenset[Need]],
    works: dict[str, set[str]],
    most: float,
) -> int:
    """Shorten `picks` (in place) toward `most` seconds; the seconds left. `gives` holds
    each exercise's needs met (`needs_given`), `works` its major groups (`groups`)."""
    steps: tuple[Callable[[list[Pick]], int], ...] = (
        lambda ps: _drop_one(ps, gives, works, anchors=False),
        lambda ps: _set_less(catalogue, ps, anchors=True),
        lambda ps: _set_less(catalogue, ps, anchors=False),
        lambda ps: _drop_one(ps, gives, works, anchors=True),
    )
    total = sum(p.seconds for p in picks)
    for step in steps:
        while total > most:
            saved = step(picks)
            if not saved:
                break
            total -= saved
    return total


def _drop_one(
    picks: list[Pick],
    gives: dict[str, frozenset[Need]],
    works: dict[str, set[str]],
    *,
    anchors: bool,
) -> int:
    """Drop the last companion (or anchor) whose every need another one also gives,
    leaving enough groups; what is new to the athlete goes last (each block should
    bring something new); the seconds saved."""
    given = Counter(need for p in picks for need in gives[p.exercise.id])
    groups_of = [works[p.exercise.id] for p in picks]
    worked = Counter(group for found in groups_of for group in found)
    enough = min(MIN_GROUPS, len(worked))
    for index in sorted(range(len(picks)), key=lambda i: (picks[i].new, -i)):
        p = picks[index]
        if (p.role is Role.ANCHOR) is not anchors:
            continue
        if any(given[need] == 1 for need in gives[p.exercise.id]):
            continue
        lost = [group for group in groups_of[index] if worked[group] == 1]
        if len(worked) - len(lost) >= enough:
            del picks[index]
            return p.seconds
    return 0


def _set_less(catalogue: Catalogue, picks: list[Pick], *, anchors: bool) -> int:
    """A set less for the last anchor (or companion) that has one to spare; the seconds
    saved."""
    fewest = FEWEST_ANCHOR_SETS if anchors else FEWEST_COMPANION_SETS
    for index in reversed(range(len(picks))):
        p = picks[index]
        if (p.role is Role.ANCHOR) is anchors and p.dose.sets > fewest:
            fewer = picks[index] = with_sets(catalogue, p, p.dose.sets - 1)
            return p.seconds - fewer.seconds
    return 0
