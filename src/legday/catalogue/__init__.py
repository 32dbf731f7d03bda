"""The exercise catalogue as a pure, queryable collection.

The entries live as reviewed data in `data/<id>.toml` under `schema.json`; `loader.py`
reads and validates them. This module does no I/O so the planner can depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from legday.errors import InputError
from legday.model import ALWAYS_AT_HAND, Equipment, Exercise, ExerciseKind, Level

if TYPE_CHECKING:
    from legday.care import CareProtocol

__all__ = ["Catalogue"]

Protocols = Mapping[str, "CareProtocol"]
NO_PROTOCOLS: Protocols = MappingProxyType({})

DOABLE_REMEMBERED = 4096  # kit, level and kinds asked for; forgotten all at once beyond


class Catalogue:
    """Exercises by id, with the filters the planner needs."""

    def __init__(
        self,
        exercises: Iterable[Exercise],
        protocols: Callable[[Catalogue], Protocols] | None = None,
    ) -> None:
        self._read_protocols = protocols
        self._protocols: Protocols | None = None
        self._by_id: dict[str, Exercise] = {}
        self._doable: dict[
            tuple[frozenset[Equipment], Level, tuple[ExerciseKind, ...]], tuple[Exercise, ...]
        ] = {}
        for exercise in exercises:
            if exercise.id in self._by_id:
                raise ValueError(f"duplicate exercise id {exercise.id!r}")
            self._by_id[exercise.id] = exercise
        self._easier: dict[str, frozenset[str]] | None = None
        self._one_step: dict[str, frozenset[str]] = {}

    @property
    def protocols(self) -> Protocols:
        """The injury-care protocols built on these exercises, by condition; read on first
        use (only athletes with a problem need them)."""
        if self._protocols is None:
            read = self._read_protocols
            self._protocols = NO_PROTOCOLS if read is None else read(self)
        return self._protocols

    def with_protocols(self, read: Callable[[Catalogue], Protocols]) -> Catalogue:
        """The same exercises with care protocols to read when first asked for."""
        return Catalogue(self, read)

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise InputError("exercise", f"unknown exercise id {exercise_id!r}") from None

    def get(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def of_kind(self, *kinds: ExerciseKind) -> tuple[Exercise, ...]:
        return tuple(e for e in self if e.kind in kinds)

    def doable(
        self, equipment: frozenset[Equipment], level: Level, *kinds: ExerciseKind
    ) -> tuple[Exercise, ...]:
        """Exercises of these kinds the athlete has the kit and the experience for
        (remembered: a coach's athletes share a handful of kits and levels)."""
        key = (equipment, level, kinds)
        found = self._doable.get(key)
        if found is None:
            at_hand, rank = equipment | ALWAYS_AT_HAND, level.rank
            found = tuple(
                e
                for e in self.of_kind(*kinds)
                if set(e.equipment) <= at_hand and e.level.rank <= rank
            )
            if len(self._doable) >= DOABLE_REMEMBERED:
                self._doable.clear()
            self._doable[key] = found
        return found

    def one_step_easier(self, exercise_id: str) -> frozenset[str]:
        """The exercises the catalogue's links make one step easier than this one: its
        regressions and whatever lists it among its progressions (a single-leg box squat
        for a pistol squat, not the wall sit further down its ladder)."""
        return self._links()[0].get(exercise_id, frozenset())

    def easier_than(self, exercise_id: str) -> frozenset[str]:
        """The exercises the catalogue's links make easier than this one, however many
        steps away (its regressions, theirs, and whatever lists it among progressions):
        a split squat and a supported split squat for a banded split squat."""
        return self._links()[1].get(exercise_id, frozenset())

    def _links(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Per exercise, those one step easier and those any number of steps easier."""
        if self._easier is None:
            below: dict[str, set[str]] = {key: set() for key in self._by_id}
            for e in self:
                below[e.id].update(r for r in e.regressions if r in below)
                for harder in e.progressions:
                    if harder in below:
                        below[harder].add(e.id)
            found: dict[str, frozenset[str]] = {}

            def walk(key: str) -> frozenset[str]:
                if key not in found:  # the loader refuses loops, so this ends
                    found[key] = frozenset(below[key]).union(*(walk(k) for k in below[key]))
                return found[key]

            self._one_step = {key: frozenset(keys) for key, keys in below.items()}
            self._easier = {key: walk(key) for key in below}
        return self._one_step, self._easier

    def for_injury(self, injury: str) -> tuple[Exercise, ...]:
        return tuple(e for e in self if injury in e.injury_care)

    def library(
        self,
        *,
        muscle: str | None = None,
        equipment: str | None = None,
        one_legged: bool | None = None,
        balance: bool | None = None,
        care: str | None = None,
        kind: str | None = None,
    ) -> tuple[Exercise, ...]:
        """The exercise library by name, every filter given holding (None lets all
        through; `equipment` keeps the exercises that need it): the web's page and API."""
        return tuple(
            sorted(
                (
                    e
                    for e in self
                    if (muscle is None or muscle in e.muscles)
                    and (equipment is None or equipment in e.equipment)
                    and (one_legged is None or e.unilateral == one_legged)
                    and (balance is None or e.balance == balance)
                    and (care is None or care in e.injury_care)
                    and (kind is None or e.kind == kind)
                ),
                key=lambda e: e.name.casefold(),
            )
        )
