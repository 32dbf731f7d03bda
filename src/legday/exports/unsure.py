"""The plan's "Check these entries": the runs legday read with doubt, and their fixes.

A plan is only as safe as the reading of its calendar, so every output a runner reads
(terminal, Markdown, HTML, JSON) names the unsure readings with the override line that
settles each (`calendars.fixes`). Nothing is computed, and nothing printed, when every
reading is sure; the fixes module is not even imported then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from legday.calendars.entry import UNSURE
from legday.model import Plan

if TYPE_CHECKING:
    from legday.calendars.fixes import Unsure

__all__ = [
    "HEADING",
    "plan_unsure_json",
    "unsure_html",
    "unsure_in_plan",
    "unsure_lines",
    "unsure_markdown",
]

HEADING = "Check these entries"


def unsure_in_plan(plan: Plan) -> list[Unsure]:
    """The plan's unsure runs with their fixes, by day; [] at once when all are sure."""
    if all(r.confidence >= UNSURE for r in plan.runs):
        return []
    from legday.calendars.fixes import find_unsure, reading_of_run

    return find_unsure([reading_of_run(r) for r in plan.runs])


def plan_unsure_json(plan: Plan) -> list[dict[str, Any]]:
    """The plan JSON's `unsure` list (empty when every reading is sure)."""
    unsure = unsure_in_plan(plan)
    if not unsure:
        return []
    from legday.calendars.fixes import unsure_json as as_json

    return as_json(unsure)


def unsure_lines(plan: Plan) -> list[str]:
    """Plain lines for the terminal table: the entries, then the TOML to paste."""
    unsure = unsure_in_plan(plan)
    if not unsure:
        return []
    from legday.calendars.fixes import CHECK_INTRO, fix_lines, fixes_of

    fixes = fixes_of(unsure)
    return [
        "",
        f"{HEADING} (legday was unsure of {len(unsure)} calendar reading(s)):",
        *(f"  {fix.describe()}" for fix in fixes),
        CHECK_INTRO,
        "",
        *fix_lines(fixes),
    ]


def unsure_markdown(plan: Plan, inline: Callable[[str], str]) -> list[str]:
    """A Markdown section (list and a fenced TOML block), or [] when all are sure.

    `inline` is the Markdown export's escaping of free text.
    """
    unsure = unsure_in_plan(plan)
    if not unsure:
        return []
    from legday.calendars.fixes import CHECK_INTRO, fix_lines, fixes_of

    fixes = fixes_of(unsure)
    toml = fix_lines(fixes)
    fence = "`" * max(3, _longest_backtick_run(toml) + 1)  # a title cannot close it
    out = [f"## {HEADING}", "", inline(CHECK_INTRO), ""]
    out += [f"- {inline(fix.describe())}" for fix in fixes]
    return [*out, "", f"{fence}toml", *toml, fence, ""]


def unsure_html(plan: Plan) -> str:
    """An HTML section (list and the TOML in a <pre>), or "" when all are sure."""
    unsure = unsure_in_plan(plan)
    if not unsure:
        return ""
    from html import escape  # here: html.entities is ~2 ms that plan JSON need not load

    from legday.calendars.fixes import CHECK_INTRO, fix_lines, fixes_of

    fixes = fixes_of(unsure)
    items = "".join(f"<li>{escape(fix.describe())}</li>" for fix in fixes)
    return (
        f'<section class="unsure"><h2>{HEADING}</h2><p>{escape(CHECK_INTRO)}</p>'
        f'<ul>{items}</ul><pre class="fixes">{escape(chr(10).join(fix_lines(fixes)))}</pre>'
        "</section>"
    )


def _longest_backtick_run(lines: list[str]) -> int:
    longest = 0
    for line in lines:
        run = 0
        for char in line:
            run = run + 1 if char == "`" else 0
            longest = max(longest, run)
    return longest
