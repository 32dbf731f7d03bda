"""`legday check`: lint any plan, ours or a coach's, against the rules of SPEC.md.

`--kinds` and `--tz` are `legday plan`'s own options (no `from __future__ import
annotations`, so Typer reads those shared definitions as objects).
"""

from dataclasses import replace
from datetime import timedelta
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
    from legday.calendars import read_runs
    from legday.catalogue.loader import load_catalogue
    from legday.errors import InputError
    from legday.exports.plan_json import read_plan_file
    from legday.model import INJURIES
    from legday.profiles import parse_zone
    from legday.rules import check_plan

    zone = parse_zone(tz)  # checked even without --runs: a typo is never silently ignored
    plan = read_plan_file(plan_file)
    if runs:
        after_end = plan.end + timedelta(days=1)  # a race then still rules out the last day
        plan = replace(
            plan, runs=tuple(read_runs(runs, plan.start, after_end, tz=zone, kinds=kinds))
        )
    for name in injury or []:
        if name not in INJURIES:
            raise InputError("injury", f"unknown injury {name!r} (known: {', '.join(INJURIES)})")
    if injury:
        plan = replace(plan, injuries=tuple(dict.fromkeys((*plan.injuries, *injury))))
    if recovery_every is not None:
        if not 3 <= recovery_every <= 6:
            raise InputError("recovery-every", "must be between 3 and 6 weeks")
        plan = replace(plan, recovery_every=recovery_every)
    found = list(check_plan(plan, load_catalogue()))
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
