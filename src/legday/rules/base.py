"""The `Rule` type and the registry every rule module adds itself to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar, cast

from legday.catalogue import Catalogue
from legday.model import ExerciseKind, Plan, Run, Session, Violation, Week

__all__ = ["ID_WORDS", "REGISTERED", "SPEC_ORDER", "Check", "Facts", "Rule", "SharedMemo", "rule"]

Shared = TypeVar("Shared")
Context = TypeVar("Context")
Result = TypeVar("Result")

# A coach's own exercise ids, not in the catalogue, are read by the words they contain.
ID_WORDS = {"jog": ExerciseKind.CARDIO, "run": ExerciseKind.CARDIO, "stretch": ExerciseKind.STRETCH}

Check = Callable[["Facts"], Iterable[tuple[date | None, str]]]


class SharedMemo(Generic[Shared, Context, Result]):
    """What the rules work out about an immutable object that many sessions and plans
    share (the planner reuses prescriptions), kept by identity. Each entry holds its
    object and context, so no other object can take over their ids while it lives."""

    def __init__(self, work: Callable[[Shared, Context], Result], size: int = 4096) -> None:
        self._work = work
        self._size = size
        self._entries: dict[int, tuple[Shared, Context, Result]] = {}

    def __call__(self, item: Shared, context: Context) -> Result:
        entry = self._entries.get(id(item))
        if entry is not None and entry[0] is item and entry[1] is context:
            return entry[2]
        result = self._work(item, context)
        if len(self._entries) >= self._size:
            self._entries.clear()
        self._entries[id(item)] = (item, context, result)
        return result

    def many(self, items: Iterable[Shared], context: Context) -> list[Result]:
        """The results for several items in one call (a session's main block): the memo
        is read inline, which saves a call per item where most are known."""
        entries, results = self._entries, []
        for item in items:
            entry = entries.get(id(item))
            if entry is not None and entry[0] is item and entry[1] is context:
                results.append(entry[2])
            else:
                results.append(self(item, context))
        return results


class Facts:
    """One plan as the rules read it: what several rules ask is worked out once."""

    def __init__(self, plan: Plan, catalogue: Catalogue | None = None) -> None:
        self.plan = plan
        self.catalogue = catalogue
        self.weeks = _sessions_by_week(plan)
        self.runs_by_day: dict[date, list[Run]] = {}
        for run in plan.runs:
            self.runs_by_day.setdefault(run.day, []).append(run)
        # days with strength already in the calendar or the logbook (the athlete's own)
        self.lifting = [r.day for r in plan.runs if r.is_strength]
        self.lifting += [d.day for d in plan.strength_days]
        self._kinds: dict[str, ExerciseKind | None] = {}
        self._found: dict[Check, list[tuple[date | None, str]]] = {}
        self._derived: dict[Callable[[Facts], Any], Any] = {}

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

    def derived(self, work: Callable[[Facts], Result]) -> Result:
        """Something several rules read (e.g. each session's main block), worked out once."""
        if work not in self._derived:
            self._derived[work] = work(self)
        return cast(Result, self._derived[work])


def _sessions_by_week(plan: Plan) -> list[tuple[Week, list[Session]]]:
    """Each week with its sessions, in one pass (plans can span a year)."""
    starts = [w.start for w in plan.weeks]
    grouped: list[list[Session]] = [[] for _ in plan.weeks]
    for session in plan.sessions:
        index = bisect_right(starts, session.day) - 1
        if index >= 0 and (session.day - starts[index]).days < 7:
            grouped[index].append(session)
    return list(zip(plan.weeks, grouped, strict=True))


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


REGISTERED: dict[str, Rule] = {}  # in the order the rule modules were imported

# The order of SPEC.md's rule table (a test holds it to the file): `legday rules` lists
# them so and `check` reports in it.
SPEC_ORDER = (
    "frequency",
    "no-hard-run-day",
    "not-day-before-race",
    "no-overlap",
    "run-first",
    "recovery-week",
    "spacing",
    "several-groups",
    "warm-up",
    "cool-down",
    "balance",
    "one-legged",
    "injury-care",
    "care-routine",
    "progression",
    "variety",
    "form-first",
    "movement-quality",
    "stretch-after",
    "enjoyment",
)


def rule(rule_id: str, *, hard: bool, summary: str) -> Callable[[Check], Check]:
    """Register a check under its SPEC id."""

    def register(find: Check) -> Check:
        REGISTERED[rule_id] = Rule(rule_id, hard, summary, find)
        return find

    return register
