"""The plan as Markdown: printable, pasteable into a note or a message to a coach."""

from __future__ import annotations

from legday.catalogue import Catalogue
from legday.exports._describe import (
    Picture,
    SessionWords,
    describe_session,
    is_inline_svg,
    plan_span,
    rest_week_title,
    sessions_by_week,
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
    out = ["# Leg strength plan", "", f"**{plan_span(plan)}**", ""]
    if plan.injuries:
        out += [f"Injury care in every session: {', '.join(plan.injuries)}.", ""]
    out += unsure_markdown(plan, _inline)
    for number, (week, sessions) in enumerate(sessions_by_week(plan), 1):
        out += [f"## {week_heading(number, week)}", ""]
        if week.note:
            out += [f"_{_inline(week.note)}_", ""]
        if not sessions:
            out += [f"**{rest_week_title(week)}.**", ""]
        for session, _slot in sessions:
            words = describe_session(session, catalogue, plan.runs)
            out += [f"### {session.day:%A %d %B}", ""]
            out += _session(words, picture)
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
    for number, item in enumerate(words.main, 1):
        tags = f" _({_inline(', '.join(item.tags))})_" if item.tags else ""
        out.append(f"{number}. **{_inline(item.name)}**: {_inline(item.dose)}{tags}  ")
        out.append(f"   {_inline('; '.join(item.details))}")
        if picture is not None:
            out += ["", "   " + _picture(picture(item.exercise), item.name)]
        if item.cues:
            out.append("")
            out += [f"   - {_inline(cue)}" for cue in item.cues]
        out.append("")
    out += ["**Cool-down (stretch)**", ""]
    out += [f"- {_inline(line)}" for line in words.cooldown]
    out.append("")
    if words.music:
        out += [f"_Music:_ {_inline(words.music)}", ""]
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
