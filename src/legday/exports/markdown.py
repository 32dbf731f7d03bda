"""The plan as Markdown: printable, pasteable into a note or a message to a coach.

The season at a glance comes first (a table, a line a week), then each day with something
to do: its strength session, then a **Care** block for each injury-care routine. Form
cues are printed once per exercise, in the exercise guide at the end (with its picture),
so a week prints in about two pages; a session shows cues only where they differ.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping

from legday.catalogue import Catalogue
from legday.exports._describe import (
    EFFORT_LEGEND,
    TEMPO_LEGEND,
    CareWords,
    ExerciseWords,
    Picture,
    SessionWords,
    days_by_week,
    describe_care,
    describe_session,
    exercise_guide,
    plan_span,
    rest_week_title,
    week_heading,
    week_overview,
)
from legday.exports.unsure import unsure_markdown
from legday.model import Plan, Violation, problem_name

PROSE_WIDTH = 100
LIST_START = re.compile(r"^(\d*)([-+.)])(?= )")  # "- ", "+ ", "3. ", "3) "

__all__ = ["plan_to_markdown"]


def plan_to_markdown(plan: Plan, catalogue: Catalogue, *, picture: Picture | None = None) -> str:
    """The season at a glance, every week's days (runs, session, care, why), the exercise
    guide, then the rules check.

    `picture` maps an exercise id to a relative image path ("" for none), shown once per
    exercise in the guide; without it the text stands alone.
    """
    out = [
        "# Leg strength plan",
        "",
        f"**{plan_span(plan)}**",
        "",
        EFFORT_LEGEND,
        "",
        TEMPO_LEGEND,
        "",
    ]
    if plan.injuries:
        problems = ", ".join(problem_name(i) for i in plan.injuries)
        out += [f"Injury care in every session: {problems}.", ""]
    out += unsure_markdown(plan, _inline)
    out += _overview(plan, catalogue)
    guide = exercise_guide(plan, catalogue)
    cues = {entry.exercise: entry.cues for entry in guide}
    last_why: dict[str, str] = {}
    for number, (week, days) in enumerate(days_by_week(plan), 1):
        out += [f"## {week_heading(number, week, plan)}", ""]
        if week.note:
            out += [f"_{_inline(week.note)}_", ""]
        if not any(d.sessions for d in days):
            out += [f"**{rest_week_title(week, plan)}.**", ""]
        for day in days:
            out += [f"### {day.day:%A %d %B}", ""]
            for session, _slot in day.sessions:
                out += _session(describe_session(session, catalogue, plan.runs), cues)
            for routine in day.care:
                words = describe_care(routine, catalogue, plan.runs)
                repeat = last_why.get(routine.injury) == words.why
                last_why[routine.injury] = words.why
                out += _care(words, cues, repeat_why=repeat)
    out += ["## Exercise guide", ""]
    for entry in guide:
        out += [f"### {_inline(entry.name)}", ""]
        ref = picture(entry.exercise) if picture is not None else ""
        if ref:
            out += [_picture(ref, entry.name), ""]
        if entry.what:
            out += [_inline(entry.what), ""]
        out += [f"- {_inline(cue)}" for cue in entry.cues]
        out.append("")
    out += _rules(plan.violations)
    return "\n".join(out).rstrip("\n") + "\n"


def _inline(text: str) -> str:
    """Keep free text from turning into Markdown structure (headings, emphasis, HTML)."""
    escaped = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def _paragraph(label: str, text: str) -> list[str]:
    """A labelled paragraph, wrapped for a reader of the source: Markdown joins the lines
    again, and a why with a care test in it runs past a thousand characters. A wrapped line
    that would start a list is escaped so it stays prose."""
    lines = textwrap.wrap(
        f"{label} {_inline(text)}", PROSE_WIDTH, break_long_words=False, break_on_hyphens=False
    )
    return [lines[0], *(_not_a_list(line) for line in lines[1:]), ""]


def _not_a_list(line: str) -> str:
    """ "3. km" or "- 2 sets" at a line's start would turn a paragraph into a list."""
    return LIST_START.sub(lambda m: f"{m[1]}\\{m[2]}", line, count=1)


def _overview(plan: Plan, catalogue: Catalogue) -> list[str]:
    out = ["## Season at a glance", "", "| Week | Dates | Phase | Strength | Care |"]
    out.append("|---:|---|---|---|---|")
    for row in week_overview(plan, catalogue):
        strength = _inline("; ".join(row.strength))
        out.append(
            f"| {row.number} | {row.dates} | {row.phase} | {strength} | {_inline(row.care)} |"
        )
    return [*out, ""]


def _session(words: SessionWords, cues: Mapping[str, tuple[str, ...]]) -> list[str]:
    out = []
    if words.runs:
        out += [f"Running today: {_inline('; '.join(words.runs))}", ""]
    out += [f"**{_inline(words.title)}**, from {words.start:%H:%M}", ""]
    out += [f"**Warm-up:** {_inline(' · '.join(words.warmup))}", ""]
    out += _exercises(words.main, cues)
    out += [f"**Cool-down (stretch):** {_inline(' · '.join(words.cooldown))}", ""]
    if words.music:
        out += [f"_Music:_ {_inline(words.music)}", ""]
    if words.why:
        out += _paragraph("_Why:_", words.why)
    return out


def _exercises(items: tuple[ExerciseWords, ...], cues: Mapping[str, tuple[str, ...]]) -> list[str]:
    """A numbered list, an exercise a line: dose, tags and details; cues only where they
    differ from the guide's (main block or care)."""
    out = []
    for number, item in enumerate(items, 1):
        tags = f" _({_inline(', '.join(item.tags))})_" if item.tags else ""
        facts = _inline("; ".join(item.details))
        out.append(f"{number}. **{_inline(item.name)}**: {_inline(item.dose)}{tags} — {facts}")
        if item.cues and item.cues != cues.get(item.exercise):
            out += [f"   - {_inline(cue)}" for cue in item.cues]
    return [*out, ""]


def _care(words: CareWords, cues: Mapping[str, tuple[str, ...]], *, repeat_why: bool) -> list[str]:
    """A routine; its why only when it says something new since the problem's last one."""
    out = [f"**Care: {_inline(words.title)}**, from {words.start:%H:%M}", ""]
    out += _exercises(words.exercises, cues)
    if words.why and not repeat_why:
        out += _paragraph("_Why:_", words.why)
    return out


def _picture(ref: str, name: str) -> str:
    return f"![{_inline(name)}]({ref.replace(' ', '%20').replace(')', '%29')})"


def _rules(violations: tuple[Violation, ...]) -> list[str]:
    out = ["## Rules check", ""]
    if not violations:
        return [*out, "Every rule holds for this plan.", ""]
    for v in sorted(violations, key=lambda v: (v.day is None, v.day, v.rule)):
        when = f"{v.day:%a %d %b}: " if v.day else ""
        level = "rule broken" if v.hard else "target missed"
        out.append(f"- `{v.rule}` ({level}) {when}{_inline(v.message)}")
    return [*out, ""]
