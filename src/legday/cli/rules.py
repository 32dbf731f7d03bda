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


def rules_table(listed: list[Rule], columns: int | None = None) -> str:
    """Id and kind, then the rule wrapped to the terminal (`columns`); ids are never cut."""
    import textwrap

    from legday.cli.table import terminal_width

    width = max([len("id"), *(len(r.id) for r in listed)])
    indent = " " * (width + 8)
    room = max(20, (columns or terminal_width()) - len(indent))
    lines = [f"{'id':<{width}}  kind  rule"]
    for r in listed:
        text = textwrap.wrap(r.summary, room) or [""]
        lines.append(f"{r.id:<{width}}  {'hard' if r.hard else 'soft'}  {text[0]}")
        lines.extend(indent + more for more in text[1:])
    hard = sum(r.hard for r in listed)
    footer = (
        f"{len(listed)} rules: {hard} hard (a plan that breaks one is wrong), "
        f"{len(listed) - hard} soft (targets, each miss reported)"
    )
    lines.extend(textwrap.wrap(footer, max(20, columns or terminal_width())))
    return "\n".join(lines) + "\n"
