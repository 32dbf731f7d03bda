"""`legday check`: lint any plan, ours or a coach's, against the rules of SPEC.md.

`--kinds` and `--tz` are `legday plan`'s own options (no `from __future__ import
annotations`, so Typer reads those shared definitions as objects).
"""

from pathlib import Path
from typing import Annotated

import typer

from legday.cli.plan import KindsOption, TimeZoneOption

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("check")(check)


def check(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.json", help="A legday.plan/1 file.")],
    runs: Annotated[
        list[str] | None,
        typer.Option(
            "--runs",
            help="Running calendar to check against (file or https:// feed); repeatable.",
        ),
    ] = None,
    injury: Annotated[
        list[str] | None,
        typer.Option("--injury", help="Problems the plan must care for; repeatable."),
    ] = None,
    recovery_every: Annotated[
        int | None, typer.Option(help="Recovery week every N weeks (3-6).")
    ] = None,
    kinds: KindsOption = None,
    tz: TimeZoneOption = None,
    soft: Annotated[bool, typer.Option(help="Also list soft-rule findings.")] = True,
) -> int:
    """Check a plan against the rules; exit 1 when a hard rule is broken.

    Example: legday check plan.json --runs my-plan.ics --kinds kinds.toml
    """
    from legday.bootstrap import planning

    checked = planning().check(plan_file, runs or (), injury or (), recovery_every, kinds, tz)
    plan, found = checked.plan, checked.findings
    hard = [v for v in found if v.hard]
    for v in found:
        if v.hard or soft:
            kind = "hard" if v.hard else "soft"
            typer.echo(f"{plan_file}: {v.day or '-'}: [{kind}] {v.rule}: {v.message}")
    typer.echo(
        f"{len(hard)} hard and {len(found) - len(hard)} soft finding(s) "
        f"in {len(plan.sessions)} sessions",
        err=True,
    )
    return 1 if hard else 0
