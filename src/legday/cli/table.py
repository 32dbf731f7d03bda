"""The plan as a week-by-week terminal table (the default `legday plan` output): runs, then
the strength session and any injury-care routine of each day."""

from __future__ import annotations

import io

from legday.catalogue import Catalogue
from legday.model import CareRoutine, Plan, Session

__all__ = ["plan_table", "terminal_width"]

WIDTH_WHEN_PIPED = 110  # no terminal and no COLUMNS: wide enough for the plan's three columns


def terminal_width() -> int:
    """The width every table fits: COLUMNS, else the terminal's, else `WIDTH_WHEN_PIPED`."""
    import shutil

    return max(40, shutil.get_terminal_size((WIDTH_WHEN_PIPED, 24)).columns)


def plan_table(plan: Plan, catalogue: Catalogue, *, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    from legday.exports._describe import run_line, sessions_by_week
    from legday.exports.unsure import unsure_lines

    out = io.StringIO()
    console = Console(
        file=out, width=width or terminal_width(), force_terminal=False, highlight=False
    )
    console.print(f"legday plan {plan.start} to {plan.end}: {len(plan.sessions)} strength sessions")
    for number, (week, slotted) in enumerate(sessions_by_week(plan), start=1):
        table = Table(
            title=f"Week {number} from {week.start:%a %d %b} · {week.phase.value}",
            caption=week.note,
            caption_justify="left",
            expand=True,
            show_lines=True,
        )
        table.add_column("Day", no_wrap=True, width=10)
        table.add_column("Running", ratio=1)
        table.add_column("Strength and care", ratio=3)
        care = [c for c in plan.care if c.day in week]
        days = sorted(
            {r.day for r in plan.runs if r.day in week}
            | {s.day for s, _ in slotted}
            | {c.day for c in care}
        )
        for day in days:
            runs = "\n".join(run_line(r) for r in plan.runs if r.day == day) or "-"
            strength = [_session(s, catalogue) for s, _ in slotted if s.day == day]
            strength += [_care(c, catalogue) for c in care if c.day == day]
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
