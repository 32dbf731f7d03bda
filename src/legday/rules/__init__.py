"""The rules of SPEC.md as named objects that check a plan and explain what they find.

Each rule has the stable SPEC id, says whether it is hard (a plan that breaks it is wrong)
or soft (a target the planner optimises and reports on), and yields `Violation`s in plain
words. The planner is tested against them; `legday check` runs them on any plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from legday.catalogue import Catalogue
from legday.model import Plan, Violation

# Importing the rule modules registers their rules.
from legday.rules import calendar, care, session, progression, season  # noqa: F401  isort: skip
from legday.rules.base import REGISTERED, SPEC_ORDER, Facts, Rule

__all__ = ["RULES", "SPEC_ORDER", "Rule", "check_plan", "hard_violations"]

# Every rule, in SPEC.md's order; one registered beyond it comes after.
RULES: dict[str, Rule] = {i: REGISTERED[i] for i in SPEC_ORDER if i in REGISTERED} | REGISTERED


def check_plan(plan: Plan, catalogue: Catalogue | None = None) -> Iterator[Violation]:
    """Every violation of every rule, in rule order, then by date."""
    facts = Facts(plan, catalogue)
    for rule in RULES.values():
        found = list(rule.read(facts))
        if len(found) > 1:
            found.sort(key=_in_order)
        yield from found


def _in_order(v: Violation) -> tuple[bool, date | None, str]:
    """By date, undated ones last, then by wording: stable output for the same plan."""
    return v.day is None, v.day, v.message


def hard_violations(plan: Plan, catalogue: Catalogue | None = None) -> list[Violation]:
    return [v for v in check_plan(plan, catalogue) if v.hard]
