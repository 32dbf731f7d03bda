"""The `Rule` type and the registry every rule module adds itself to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from legday.catalogue import Catalogue
from legday.model import ExerciseKind, Plan, Run, Session, Violation, Week

__all__ = ["ID_WORDS", "RULES", "Check", "Facts", "Rule", "rule"]

# A coach's own exercise ids, not in the catalogue, are read by the words they contain.
ID_WORDS = {"jog": ExerciseKind.CARDIO, "run": ExerciseKind.CARDIO, "stretch": ExerciseKind.STRETCH}

Check = Callable[["Facts"], Iterable[tuple[date | None, str]]]


class Facts:
    """One plan as the rules read it: what several rules ask is worked out once."""

    def __init__(self, plan: Plan, catalogue: Catalogue | None = None) -> None:
        self.plan = plan
        self.catalogue = catalogue
        self._kinds: dict[str, ExerciseKind | None] = {}
        self._found: dict[Check, list[tuple[date | None, str]]] = {}

    @cached_property
    def weeks(self) -> list[tuple[Week, list[Session]]]:
        """Each week with its sessions, in one pass (plans can span a year)."""
        plan = self.plan
        starts = [w.start for w in plan.weeks]
        grouped: list[list[Session]] = [[] for _ in plan.weeks]
        for session in plan.sessions:
            index = bisect_right(starts, session.day) - 1
            if index >= 0 and session.day in plan.weeks[index]:
                grouped[index].append(session)
        return list(zip(plan.weeks, grouped, strict=True))

    @cached_property
    def runs_by_day(self) -> dict[date, list[Run]]:
        by_day: dict[date, list[Run]] = {}
        for run in self.plan.runs:
            by_day.setdefault(run.day, []).append(run)
        return by_day

    @cached_property
    def lifting(self) -> list[date]:
        """Days with strength already in the calendar (the athlete's own sessions)."""
        return [r.day for r in self.plan.runs if r.is_strength]

    def kind(self, exercise_id: str) -> ExerciseKind | None:
        """Known exercises by catalogue kind; a coach's own ids by a word in the id."""
        if exercise_id not in self._kinds:
            exercise = self.catalogue.get(exercise_id) if self.catalogue is not None else None
            self._kinds[exercise_id] = (
                exercise.kind
                if exercise is not None
                else next((kind for word, kind in ID_WORDS.items() if word in exercise_id), None)
            )
        return self._kinds[exercise_id]

    def found(self, check: Check) -> list[tuple[date | None, str]]:
        """A check's findings, worked out once when two rules share it."""
        if check not in self._found:
            self._found[check] = list(check(self))
        return self._found[check]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    hard: bool
    summary: str
    find: Check

    def check(self, plan: Plan, catalogue: Catalogue | None = None) -> Iterator[Violation]:
        return self.read(Facts(plan, catalogue))

    def read(self, facts: Facts) -> Iterator[Violation]:
        for day, message in facts.found(self.find):
            yield Violation(self.id, day, message, self.hard)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, hard: bool, summary: str) -> Callable[[Check], Check]:
    """Register a check under its SPEC id."""

    def register(find: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, hard, summary, find)
        return find

    return register
