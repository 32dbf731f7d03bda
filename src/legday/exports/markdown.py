"""The plan as Markdown: printable, pasteable into a note or a message to a coach.

Each day with something to do gets a heading: its strength session, then a **Care** block
for each injury-care routine (exercises, dose, cues and why).
"""

from __future__ import annotations

from legday.catalogue import Catalogue
from legday.exports._describe import (
    EFFORT_LEGEND,
    CareWords,
    ExerciseWords,
    Picture,
    SessionWords,
    days_by_week,
    describe_care,
    describe_session,
    is_inline_svg,
    plan_span,
    rest_week_title,
    week_heading,
)
from legday.exports.unsure import unsure_markdown
from legday.model import Plan, Violation

__all__ = ["plan_to_markdown"]


def plan_to_markdown(plan: Plan, catalogue: Catalogue, *, picture: Picture | None = None) -> str:
    """Every week, every strength day (runs, session, why), then the rules check.

    `picture` maps an exercise id to a relative image path or an inline SVG; it is the hook
    for exercise illustrations, and without it the text stands alone.
    """
    out = ["# Leg strength plan", "", f"**{plan_span(plan)}**", "", EFFORT_LEGEND, ""]
    if plan.injuries:
        out += [f"Injury care in every session: {', '.join(plan.injuries)}.", ""]
    out += unsure_markdown(plan, _inline)
    for number, (week, days) in enumerate(days_by_week(plan), 1):
        out += [f"## {week_heading(number, week)}", ""]
        if week.note:
            out += [f"_{_inline(week.note)}_", ""]
        if not any(d.sessions for d in days):
            out += [f"**{rest_week_title(week)}.**", ""]
        for day in days:
            out += [f"### {day.day:%A %d %B}", ""]
            for session, _slot in day.sessions:
                out += _session(describe_session(session, catalogue, plan.runs), picture)
            for routine in day.care:
                out += _care(describe_care(routine, catalogue, plan.runs), picture)
    out += _rules(plan.violations)
    return "\n".join(out).rstrip("\n") + "\n"


def _inline(text: str) -> str:
    """Keep free text from turning into Markdown structure (headings, emphasis, HTML)."""
    escaped = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def _session(words: SessionWords, picture: Picture | None) -> list[str]:
    out = []
    if words.runs:
        out += [f"Running today: {_inline('; '.join(words.runs))}", ""]
    out += [f"**{_inline(words.title)}**, from {words.start:%H:%M}", "", "**Warm-up**", ""]
    out += [f"- {_inline(line)}" for line in words.warmup]
    out += ["", "**Main**", ""]
    out += _exercises(words.main, picture)
    out += ["**Cool-down (stretch)**", ""]
    out += [f"- {_inline(line)}" for line in words.cooldown]
    out.append("")
    if words.music:
        out += [f"_Music:_ {_inline(words.music)}", ""]
    if words.why:
        out += [f"_Why:_ {_inline(words.why)}", ""]
    return out


def _exercises(items: tuple[ExerciseWords, ...], picture: Picture | None) -> list[str]:
    """A numbered list of exercises with dose, details, picture and cues (main or care)."""
    out = []
    for number, item in enumerate(items, 1):
        tags = f" _({_inline(', '.join(item.tags))})_" if item.tags else ""
        out.append(f"{number}. **{_inline(item.name)}**: {_inline(item.dose)}{tags}  ")
        out.append(f"   {_inline('; '.join(item.details))}")
        if picture is not None:
            out += ["", "   " + _picture(picture(item.exercise), item.name)]
        if item.cues:
            out.append("")
            out += [f"   - {_inline(cue)}" for cue in item.cues]
        out.append("")
    return out


def _care(words: CareWords, picture: Picture | None) -> list[str]:
    out = [f"**Care: {_inline(words.title)}**, from {words.start:%H:%M}", ""]
    out += _exercises(words.exercises, picture)
    if words.why:
        out += [f"_Why:_ {_inline(words.why)}", ""]
    return out


def _picture(ref: str, name: str) -> str:
    if is_inline_svg(ref):
        return " ".join(ref.split())
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
