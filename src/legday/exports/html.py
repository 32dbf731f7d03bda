"""The plan as one self-contained HTML page: printed, a week a sheet or two; read on a phone.

Built with the standard library (`string.Template`, `html.escape`) from the packaged
`templates/plan.html` and `plan.css`; the stylesheet is inlined so the file can be mailed
or opened offline. Every piece of plan text is escaped. The content is the Markdown's
(`markdown.py`): the season at a glance, each week's days with their session and "Care"
blocks, then the exercise guide, where each exercise's cues and picture appear once.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from importlib.resources import files
from string import Template

from legday.catalogue import Catalogue
from legday.exports._describe import (
    EFFORT_LEGEND,
    TEMPO_LEGEND,
    CareWords,
    ExerciseWords,
    GuideEntry,
    Picture,
    SessionWords,
    days_by_week,
    describe_care,
    describe_session,
    exercise_guide,
    is_inline_svg,
    plan_span,
    rest_week_title,
    week_heading,
    week_overview,
)
from legday.exports.unsure import unsure_html
from legday.model import Plan, Violation, problem_name

__all__ = ["plan_to_html"]


def _template(name: str) -> str:
    return (files("legday.exports") / "templates" / name).read_text(encoding="utf-8")


def plan_to_html(plan: Plan, catalogue: Catalogue, *, picture: Picture | None = None) -> str:
    """A printable page per week; `picture` is the same illustration hook as Markdown's
    (an image path or an inline SVG), drawn once per exercise in the guide."""
    guide = exercise_guide(plan, catalogue)
    cues = {entry.exercise: entry.cues for entry in guide}
    last_why: dict[str, str] = {}
    weeks = []
    for number, (week, days) in enumerate(days_by_week(plan), 1):
        parts = [f'<section class="week" id="week-{number}">']
        parts.append(f"<h2>{escape(week_heading(number, week, plan))}</h2>")
        if week.note:
            parts.append(f'<p class="note">{escape(week.note)}</p>')
        if not any(d.sessions for d in days):
            parts.append(
                f'<p class="rest-week"><strong>{escape(rest_week_title(week, plan))}.</strong></p>'
            )
        for day in days:
            heading = f"{day.day:%A %d %B}"
            for session, _slot in day.sessions:
                words = describe_session(session, catalogue, plan.runs)
                parts.append(_session(heading, words, cues))
            for routine in day.care:
                care = describe_care(routine, catalogue, plan.runs)
                repeat = last_why.get(routine.injury) == care.why
                last_why[routine.injury] = care.why
                parts.append(_care(heading, care, cues, repeat_why=repeat))
        parts.append("</section>")
        weeks.append("\n".join(parts))
    intro = f"<p>{escape(EFFORT_LEGEND)}</p><p>{escape(TEMPO_LEGEND)}</p>"
    if plan.injuries:
        problems = ", ".join(problem_name(i) for i in plan.injuries)
        intro += f"<p>Injury care in every session: {escape(problems)}.</p>"
    intro += unsure_html(plan)
    return Template(_template("plan.html")).substitute(
        title=escape(f"Leg strength plan · {plan.start} – {plan.end}"),
        css=_template("plan.css"),
        span=escape(plan_span(plan)),
        intro=intro,
        overview=_overview(plan, catalogue),
        weeks="\n".join(weeks),
        guide=_guide(guide, picture),
        rules=_rules(plan.violations),
    )


def _overview(plan: Plan, catalogue: Catalogue) -> str:
    out = ['<section class="overview">', "<h2>Season at a glance</h2>", "<table>"]
    out.append("<tr><th>Week</th><th>Dates</th><th>Phase</th><th>Strength</th><th>Care</th></tr>")
    for row in week_overview(plan, catalogue):
        strength = "<br>".join(escape(line) for line in row.strength)
        out.append(
            f'<tr><td><a href="#week-{row.number}">{row.number}</a></td>'
            f"<td>{escape(row.dates)}</td><td>{escape(row.phase)}</td>"
            f"<td>{strength}</td><td>{escape(row.care)}</td></tr>"
        )
    out += ["</table>", "</section>"]
    return "\n".join(out)


def _session(day: str, words: SessionWords, cues: Mapping[str, tuple[str, ...]]) -> str:
    out = ['<article class="session">', '<div class="session-head">']
    out.append(f"<h3>{escape(day)}</h3>")
    out.append(
        f'<p><span class="time">{words.start:%H:%M}</span> · {escape(words.title)}</p></div>'
    )
    if words.runs:
        out.append(f'<p class="runs">Running today: {escape("; ".join(words.runs))}</p>')
    warmup = escape(" · ".join(words.warmup))
    out.append(f'<p class="warmup"><strong>Warm-up:</strong> {warmup}</p>')
    out.append('<ol class="main">')
    out += [_exercise(item, cues) for item in words.main]
    out.append("</ol>")
    cooldown = escape(" · ".join(words.cooldown))
    out.append(f'<p class="cooldown"><strong>Cool-down (stretch):</strong> {cooldown}</p>')
    if words.music:
        out.append(f'<p class="music"><em>Music:</em> {escape(words.music)}</p>')
    if words.why:
        out.append(f'<p class="why"><em>Why:</em> {escape(words.why)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _care(
    day: str, words: CareWords, cues: Mapping[str, tuple[str, ...]], *, repeat_why: bool
) -> str:
    out = ['<article class="care">', '<div class="session-head">']
    out.append(f"<h3>{escape(day)}</h3>")
    out.append(
        f'<p><span class="time">{words.start:%H:%M}</span> · Care: {escape(words.title)}</p></div>'
    )
    out.append('<ol class="main">')
    out += [_exercise(item, cues) for item in words.exercises]
    out.append("</ol>")
    if words.why and not repeat_why:
        out.append(f'<p class="why"><em>Why:</em> {escape(words.why)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _list(tag: str, css: str, items: tuple[str, ...]) -> str:
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<{tag} class="{css}">{rows}</{tag}>'


def _exercise(item: ExerciseWords, cues: Mapping[str, tuple[str, ...]]) -> str:
    """An exercise a line; its cues only where they differ from the guide's."""
    tags = "".join(f'<span class="tag">{escape(tag)}</span>' for tag in item.tags)
    own = item.cues and item.cues != cues.get(item.exercise)
    return (
        f"<li><strong>{escape(item.name)}</strong>: "
        f'<span class="dose">{escape(item.dose)}</span>{tags} '
        f'<span class="details">— {escape("; ".join(item.details))}</span>'
        f"{_list('ul', 'cues', item.cues) if own else ''}</li>"
    )


def _guide(entries: list[GuideEntry], picture: Picture | None) -> str:
    out = ['<section class="guide">', "<h2>Exercise guide</h2>"]
    for entry in entries:
        figure = ""
        ref = picture(entry.exercise) if picture is not None else ""
        if ref:
            name = escape(entry.name)
            body = ref if is_inline_svg(ref) else f'<img src="{escape(ref)}" alt="{name}">'
            figure = f'<figure class="picture">{body}</figure>'
        out.append(
            f'<article class="exercise" id="x-{escape(entry.exercise)}">{figure}'
            f"<h3>{escape(entry.name)}</h3>{_what(entry.what)}"
            f"{_list('ul', 'cues', entry.cues)}</article>"
        )
    out.append("</section>")
    return "\n".join(out)


def _what(text: str) -> str:
    """What a guide exercise is, one paragraph (none when unknown)."""
    return f'<p class="what">{escape(text)}</p>' if text else ""


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
