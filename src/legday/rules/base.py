"""The `Rule` type and the registry every rule module adds itself to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from legday.catalogue import Catalogue
from legday.model import Plan, Run, Session, Violation, Week

__all__ = ["RULES", "Check", "Rule", "rule", "runs_by_day", "sessions_by_week"]

Check = Callable[[Plan, Catalogue | None], Iterable[tuple[date | None, str]]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    hard: bool
    summary: str
    find: Check

    def check(self, plan: Plan, catalogue: Catalogue | None = None) -> Iterator[Violation]:
        for day, message in self.find(plan, catalogue):
            yield Violation(self.id, day, message, self.hard)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, hard: bool, summary: str) -> Callable[[Check], Check]:
    """Register a check under its SPEC id."""

    def register(find: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, hard, summary, find)
        return find

    return register


def sessions_by_week(plan: Plan) -> list[tuple[Week, list[Session]]]:
    """Each week with its sessions, in one pass (plans can span a year)."""
    starts = [w.start for w in plan.weeks]
    grouped: list[list[Session]] = [[] for _ in plan.weeks]
    for session in plan.sessions:
        index = bisect_right(starts, session.day) - 1
        if index >= 0 and session.day in plan.weeks[index]:
            grouped[index].append(session)
    return list(zip(plan.weeks, grouped, strict=True))


def runs_by_day(plan: Plan) -> dict[date, list[Run]]:
    by_day: dict[date, list[Run]] = {}
    for run in plan.runs:
        by_day.setdefault(run.day, []).append(run)
    return by_day
