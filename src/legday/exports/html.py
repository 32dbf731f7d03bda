"""The plan as one self-contained HTML page: printed, one week per sheet; read on a phone.

Built with the standard library (`string.Template`, `html.escape`) from the packaged
`templates/plan.html` and `plan.css`; the stylesheet is inlined so the file can be mailed
or opened offline. Every piece of plan text is escaped. A day's injury-care routines follow
its session as "Care" blocks, laid out like a session's main exercises.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from string import Template

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
from legday.exports.unsure import unsure_html
from legday.model import Plan, Violation

__all__ = ["plan_to_html"]


def _template(name: str) -> str:
    return (files("legday.exports") / "templates" / name).read_text(encoding="utf-8")


def plan_to_html(plan: Plan, catalogue: Catalogue, *, picture: Picture | None = None) -> str:
    """A printable page per week; `picture` is the same illustration hook as Markdown's."""
    weeks = []
    for number, (week, days) in enumerate(days_by_week(plan), 1):
        parts = [f'<section class="week" id="week-{number}">']
        parts.append(f"<h2>{escape(week_heading(number, week))}</h2>")
        if week.note:
            parts.append(f'<p class="note">{escape(week.note)}</p>')
        if not any(d.sessions for d in days):
            parts.append(
                f'<p class="rest-week"><strong>{escape(rest_week_title(week))}.</strong></p>'
            )
        for day in days:
            heading = f"{day.day:%A %d %B}"
            for session, _slot in day.sessions:
                words = describe_session(session, catalogue, plan.runs)
                parts.append(_session(heading, words, picture))
            for routine in day.care:
                parts.append(_care(heading, describe_care(routine, catalogue, plan.runs), picture))
        parts.append("</section>")
        weeks.append("\n".join(parts))
    intro = f"<p>{escape(EFFORT_LEGEND)}</p>"
    if plan.injuries:
        intro = f"<p>Injury care in every session: {escape(', '.join(plan.injuries))}.</p>"
    intro += unsure_html(plan)
    return Template(_template("plan.html")).substitute(
        title=escape(f"Leg strength plan · {plan.start} – {plan.end}"),
        css=_template("plan.css"),
        span=escape(plan_span(plan)),
        intro=intro,
        weeks="\n".join(weeks),
        rules=_rules(plan.violations),
    )


def _session(day: str, words: SessionWords, picture: Picture | None) -> str:
    out = ['<article class="session">', '<div class="session-head">']
    out.append(f"<h3>{escape(day)}</h3>")
    out.append(
        f'<p><span class="time">{words.start:%H:%M}</span> · {escape(words.title)}</p></div>'
    )
    if words.runs:
        out.append(f'<p class="runs">Running today: {escape("; ".join(words.runs))}</p>')
    out.append("<h4>Warm-up</h4>")
    out.append(_list("ul", "warmup", words.warmup))
    out.append('<h4>Main</h4>\n<ol class="main">')
    out += [_exercise(item, picture) for item in words.main]
    out.append("</ol>\n<h4>Cool-down (stretch)</h4>")
    out.append(_list("ul", "cooldown", words.cooldown))
    if words.music:
        out.append(f'<p class="music"><em>Music:</em> {escape(words.music)}</p>')
    if words.why:
        out.append(f'<p class="why"><em>Why:</em> {escape(words.why)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _care(day: str, words: CareWords, picture: Picture | None) -> str:
    out = ['<article class="care">', '<div class="session-head">']
    out.append(f"<h3>{escape(day)}</h3>")
    out.append(
        f'<p><span class="time">{words.start:%H:%M}</span> · Care: {escape(words.title)}</p></div>'
    )
    out.append('<ol class="main">')
    out += [_exercise(item, picture) for item in words.exercises]
    out.append("</ol>")
    if words.why:
        out.append(f'<p class="why"><em>Why:</em> {escape(words.why)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _list(tag: str, css: str, items: tuple[str, ...]) -> str:
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<{tag} class="{css}">{rows}</{tag}>'


def _exercise(item: ExerciseWords, picture: Picture | None) -> str:
    figure = ""
    if picture is not None:
        ref = picture(item.exercise)
        body = ref if is_inline_svg(ref) else f'<img src="{escape(ref)}" alt="{escape(item.name)}">'
        figure = f'<figure class="picture">{body}</figure>'
    tags = "".join(f'<span class="tag">{escape(tag)}</span>' for tag in item.tags)
    cues = _list("ul", "cues", item.cues) if item.cues else ""
    return (
        f"<li>{figure}<strong>{escape(item.name)}</strong>: "
        f'<span class="dose">{escape(item.dose)}</span>{tags}'
        f'<div class="details">{escape("; ".join(item.details))}</div>{cues}</li>'
    )


def _rules(violations: tuple[Violation, ...]) -> str:
    out = ['<section class="rules">', "<h2>Rules check</h2>"]
    if not violations:
        out.append('<p class="ok">Every rule holds for this plan.</p>')
    else:
        out.append("<ul>")
        for v in sorted(violations, key=lambda v: (v.day is None, v.day, v.rule)):
            when = f"{v.day:%a %d %b}: " if v.day else ""
            level = "rule broken" if v.hard else "target missed"
            out.append(
                f"<li><code>{escape(v.rule)}</code> ({level}) {escape(when + v.message)}</li>"
            )
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)
