"""`legday rules`: the rules of SPEC.md as registered in `legday.rules`, in SPEC order."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from legday.rules import Rule

__all__ = ["register", "rules_json", "rules_table"]


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
    from legday.rules import RULES

    listed = list(RULES.values())
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
