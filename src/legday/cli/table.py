"""The plan as a week-by-week terminal table (the default `legday plan` output): runs, then
the strength session and any injury-care routine of each day."""

from __future__ import annotations

import io
import math
from datetime import date, timedelta

from legday.catalogue import Catalogue
from legday.model import CareRoutine, Plan, Run, Session

__all__ = ["plan_table", "terminal_width"]

WIDTH_WHEN_PIPED = 110  # no terminal and no COLUMNS: wide enough for the plan's three columns
DAY_WIDTH = 10  # "Mon 04 Jan"


def terminal_width() -> int:
    """The width every table fits: COLUMNS, else the terminal's, else `WIDTH_WHEN_PIPED`."""
    import shutil

    return max(40, shutil.get_terminal_size((WIDTH_WHEN_PIPED, 24)).columns)


def plan_table(plan: Plan, catalogue: Catalogue, *, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    from legday.exports._describe import run_line, slotted_sessions
    from legday.exports.unsure import unsure_lines

    out = io.StringIO()
    # the plan's words print as they are: no markup nor emoji codes read in them (a
    # calendar's "[race]" or ":fire:" is the athlete's text), which also spares rich
    # parsing every cell
    console = Console(
        file=out,
        width=width or terminal_width(),
        force_terminal=False,
        highlight=False,
        markup=False,
        emoji=False,
    )
    running_width, strength_width = _column_widths(console.width)
    console.print(f"legday plan {plan.start} to {plan.end}: {len(plan.sessions)} strength sessions")
    # each day's runs, sessions and routines, found once for the whole plan
    runs_on: dict[date, list[Run]] = {}
    for run in plan.runs:
        runs_on.setdefault(run.day, []).append(run)
    sessions_on: dict[date, list[Session]] = {}
    for session, _ in slotted_sessions(plan):
        sessions_on.setdefault(session.day, []).append(session)
    care_on: dict[date, list[CareRoutine]] = {}
    for routine in plan.care:
        care_on.setdefault(routine.day, []).append(routine)
    for number, week in enumerate(plan.weeks, start=1):
        table = Table(
            title=f"Week {number} from {week.start:%a %d %b} · {week.phase.value}",
            caption=week.note,
            caption_justify="left",
            expand=True,
            show_lines=True,
        )
        table.add_column("Day", no_wrap=True, width=DAY_WIDTH)
        table.add_column("Running", width=running_width)
        table.add_column("Strength and care", width=strength_width)
        week_days = (week.start + timedelta(days=n) for n in range(7))
        for day in week_days:
            if day not in runs_on and day not in sessions_on and day not in care_on:
                continue
            runs = "\n".join(run_line(r) for r in runs_on.get(day, ())) or "-"
            strength = [_session(s, catalogue) for s in sessions_on.get(day, ())]
            strength += [_care(c, catalogue) for c in care_on.get(day, ())]
            table.add_row(f"{day:%a %d %b}", runs, "\n\n".join(strength) or "-")
        console.print(table)
    for line in unsure_lines(plan):
        console.print(line, markup=False, soft_wrap=True)
    if plan.violations:
        console.print("Rules not met:")
        for v in plan.violations:
            kind = "hard" if v.hard else "soft"
            console.print(f"  [{kind}] {v.rule} {v.day or ''}: {v.message}", markup=False)
    return out.getvalue()


def _column_widths(width: int) -> tuple[int, int]:
    """The running and the strength columns' widths in a table `width` wide: a quarter
    and three quarters of what the day column leaves (rich's own share of ratios 1 and 3,
    each cell padded a space either side, four borders). Given to rich, the same for every
    week, they spare it measuring every cell of every week to find them."""
    borders, padding = 4, 2
    left = width - borders - (DAY_WIDTH + padding)
    running = max(1 + padding, math.ceil(left / 4))
    return running - padding, left - running - padding


def _session(session: Session, catalogue: Catalogue) -> str:
    from legday.exports._describe import dose, exercise_name

    start = f" from {session.start:%H:%M}" if session.start else ""
    main = "; ".join(
        f"{exercise_name(catalogue, p.exercise)} {dose(p)} @RPE {p.target_rpe}"
        for p in session.main
    )
    return f"{session.minutes} min{start}: {main}\nwhy: {session.why}"


def _care(routine: CareRoutine, catalogue: Catalogue) -> str:
    from legday.exports._describe import care_summary, dose, exercise_name

    start = f" from {routine.start:%H:%M}" if routine.start else ""
    exercises = "; ".join(
        f"{exercise_name(catalogue, p.exercise)} {dose(p)}" for p in routine.exercises
    )
    return f"{care_summary(routine, catalogue)}{start}: {exercises}\nwhy: {routine.why}"
