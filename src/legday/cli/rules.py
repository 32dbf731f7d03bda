"""`legday rules`: the rules of SPEC.md as registered in `legday.rules`, in SPEC order."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from legday.rules import Rule

__all__ = ["SPEC_ORDER", "register", "rules_json", "rules_table"]

# The order of SPEC.md's rule table (a test holds it to the file). The registry keeps the
# order its modules register in; a rule missing here is still listed, after these.
SPEC_ORDER = (
    "frequency",
    "no-hard-run-day",
    "not-day-before-race",
    "run-first",
    "recovery-week",
    "spacing",
    "several-groups",
    "warm-up",
    "cool-down",
    "balance",
    "one-legged",
    "injury-care",
    "variety",
    "form-first",
    "movement-quality",
    "stretch-after",
    "enjoyment",
)


class RulesFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)


def rules(
    format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="table or json.")
    ] = RulesFormat.TABLE,
) -> None:
    """List the rules every plan keeps (stable ids, hard or soft), in SPEC order.

    Example: legday rules --format json
    """
    listed = _in_spec_order()
    if format is RulesFormat.JSON:
        typer.echo(json.dumps(rules_json(listed), indent=2, ensure_ascii=False))
    else:
        typer.echo(rules_table(listed), nl=False)


def rules_json(listed: list[Rule]) -> dict[str, Any]:
    return {"rules": [{"id": r.id, "hard": r.hard, "summary": r.summary} for r in listed]}


def rules_table(listed: list[Rule]) -> str:
    width = max([len("id"), *(len(r.id) for r in listed)])
    lines = [f"{'id':<{width}}  kind  rule"]
    lines.extend(f"{r.id:<{width}}  {'hard' if r.hard else 'soft'}  {r.summary}" for r in listed)
    hard = sum(r.hard for r in listed)
    lines.append(
        f"{len(listed)} rules: {hard} hard (a plan that breaks one is wrong), "
        f"{len(listed) - hard} soft (targets, each miss reported)"
    )
    return "\n".join(lines) + "\n"


def _in_spec_order() -> list[Rule]:
    from legday.rules import RULES

    rank = {rule_id: index for index, rule_id in enumerate(SPEC_ORDER)}
    registered = list(RULES.values())
    return sorted(registered, key=lambda r: (rank.get(r.id, len(rank)), registered.index(r)))
