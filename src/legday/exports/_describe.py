"""One wording of a plan for every human-readable export (Markdown, HTML, iCalendar).

The printout, the calendar event and the shared Markdown must say the same thing about a
session or a care routine, so the words (and where each sits in the day, `run-first`) are
decided here once; a prescription reads the same in a session and in a care routine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time

from legday.catalogue import Catalogue
from legday.model import (
    DEFAULT_START,
    CareRoutine,
    Cooldown,
    ExerciseKind,
    Phase,
    Plan,
    Prescription,
    Run,
    Session,
    Warmup,
    Week,
    problem_name,
)
from legday.progression.loads import BAR_REPS

__all__ = [
    "DEFAULT_START",
    "EFFORT_LEGEND",
    "TEMPO_LEGEND",
    "CareWords",
    "ExerciseWords",
    "GuideEntry",
    "Picture",
    "PlanDay",
    "SessionWords",
    "WeekRow",
    "care_name",
    "care_start",
    "care_summary",
    "care_text",
    "cooldown_line",
    "cues_for",
    "days_by_week",
    "describe_care",
    "describe_session",
    "details",
    "dose",
    "exercise_guide",
    "exercise_name",
    "exercise_words",
    "is_inline_svg",
    "load_kg",
    "plan_span",
    "rest_week_title",
    "run_line",
    "session_focus",
    "session_start",
    "session_summary",
    "session_text",
    "sessions_by_week",
    "slotted_sessions",
    "warmup_line",
    "warmup_sets",
    "week_heading",
    "week_label",
    "week_overview",
    "weight",
]

# A hook another module fills in later: exercise id -> relative image path or inline SVG.
Picture = Callable[[str], str]


_KG = re.compile(r"(\d+(?:[.,]\d+)?)\s*kg\b", re.IGNORECASE)


def exercise_name(catalogue: Catalogue, exercise_id: str) -> str:
    """The catalogue name; a plan made with another catalogue still prints readably."""
    exercise = catalogue.get(exercise_id)
    if exercise is not None:
        return exercise.name
    return exercise_id.replace("-", " ").replace("_", " ").capitalize()


def cues_for(prescription: Prescription, catalogue: Catalogue) -> tuple[str, ...]:
    """The plan's own cues, else the catalogue's (`form-first`: every exercise has cues)."""
    if prescription.cues:
        return prescription.cues
    exercise = catalogue.get(prescription.exercise)
    return exercise.cues.as_list() if exercise is not None else ()


def _seconds(seconds: float) -> str:
    whole = round(seconds)
    if whole >= 60 and whole % 60 == 0:
        return f"{whole // 60} min"
    return f"{whole} s"


def weight(prescription: Prescription) -> str:
    """`40 kg barbell`, `12 kg dumbbells` (per hand), `one 10 kg dumbbell`: the number the
    plan carries, else ""."""
    if prescription.load_kg is None:
        return ""
    one = f"one {prescription.load_kg:g} kg dumbbell"
    if prescription.implement == "dumbbells" and prescription.load.startswith(one):
        return one  # a bridge, a goblet squat, a one-legged calf raise: one is held
    return f"{prescription.load_kg:g} kg {prescription.implement}".strip()


def dose(prescription: Prescription) -> str:
    """Sets × reps (or seconds for holds) and the weight when there is one, e.g.
    `3 × 8 per side`, `2 × 30 s` or `3 × 5 @ 40 kg barbell`; the weaker leg's extra set
    is said (`2 × 5 per side, a set more on the left`), or a runner cannot see it."""
    if prescription.reps is not None:
        each = f"{prescription.reps}"
    elif prescription.seconds is not None:
        each = _seconds(prescription.seconds)
    else:
        each = "as prescribed"
    side = " per side" if prescription.per_side else ""
    if prescription.extra_side:
        side += f", a set more on the {prescription.extra_side}"
    kg = weight(prescription)
    return f"{prescription.sets} × {each}{side}" + (f" @ {kg}" if kg else "")


def details(prescription: Prescription) -> list[str]:
    """The `movement-quality` facts of one prescription: tempo, effort, load, rest."""
    facts = []
    if prescription.tempo:
        facts.append(f"tempo {prescription.tempo}")
    facts.append(f"target RPE {prescription.target_rpe}")
    if prescription.load and prescription.load != weight(prescription):  # said in the dose
        facts.append(f"load: {prescription.load}")
    if prescription.warmup_sets:
        facts.append(f"warm-up sets first: {warmup_sets(prescription)}")
    if prescription.rest_seconds:
        facts.append(f"rest {_seconds(prescription.rest_seconds)} between sets")
    return facts


def warmup_sets(prescription: Prescription) -> str:
    """The ramp before the first work set, e.g. `20 kg (the empty bar) × 8, 30 kg × 5,
    45 kg × 3`; its sets are no work sets."""
    parts = []
    for index, w in enumerate(prescription.warmup_sets):
        # only a ramp's opening set at BAR_REPS is the bar alone: a later lift's ramp starts
        # loaded (a coach read "35 kg (the empty bar)")
        alone = index == 0 and w.reps == BAR_REPS and prescription.implement == "barbell"
        bar = " (the empty bar)" if alone else ""
        parts.append(f"{w.load_kg:g} kg{bar} × {w.reps}")
    return ", ".join(parts)


def load_kg(prescription: Prescription) -> float | None:
    """The prescription's kilograms; for plans made before loads were numbers, the ones its
    load text names (`12 kg dumbbell`); else None."""
    if prescription.load_kg is not None:
        return prescription.load_kg
    match = _KG.search(prescription.load)
    return float(match.group(1).replace(",", ".")) if match else None


def warmup_line(item: Warmup, catalogue: Catalogue) -> str:
    return f"{exercise_name(catalogue, item.exercise)} — {_seconds(item.minutes * 60)}"


def cooldown_line(item: Cooldown, catalogue: Catalogue) -> str:
    return f"{exercise_name(catalogue, item.exercise)} — {_seconds(item.seconds)}"


def _clock(moment: time | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""


def run_line(run: Run) -> str:
    """`Easy 8 km (easy, 07:00–07:50)`: what the legs already did that day; busy time
    (`Swim (busy, 07:00–07:40)`) says only when it is."""
    when = "–".join(t for t in (_clock(run.start), _clock(run.finish)) if t)
    extra = f", {when}" if when else ""
    return f"{run.title} ({'busy' if run.busy else run.kind.value}{extra})"


def _start(day: date, planned: time | None, runs: Sequence[Run]) -> time:
    """`run-first`: the planned start, else the end of the day's last timed run, else 18:00."""
    if planned is not None:
        return planned
    ends = [end for r in runs if r.day == day and r.running and (end := r.finish) is not None]
    return max(ends) if ends else DEFAULT_START


def session_start(session: Session, runs: Sequence[Run]) -> time:
    return _start(session.day, session.start, runs)


def care_start(routine: CareRoutine, runs: Sequence[Run]) -> time:
    """A routine goes where a session would: after the day's runs (`run-first`)."""
    return _start(routine.day, routine.start, runs)


# What a session works, in a runner's words, by the catalogue's movement pattern: no gym
# jargon (a beginner read "single-leg, hinge, calves" in a calendar title), so a hinge is
# named for the muscles it works and the adductors are the inner thighs.
_FOCUS = {
    "squat": "squat",
    "hinge": "hamstrings",
    "lunge": "single-leg",
    "calf": "calves",
    "bridge": "glutes",
    "hip-abduction": "hips",
    "hip-adduction": "inner thighs",
    "knee-flexion": "hamstrings",
    "core": "core",
    "shin": "shins",
    "foot": "feet",
}
_FOCUS_KINDS = {ExerciseKind.PLYOMETRIC: "jumps", ExerciseKind.BALANCE: "balance"}
_MOST_FOCUS = 4  # a calendar title stays short; the description lists every exercise


def session_focus(session: Session, catalogue: Catalogue) -> tuple[str, ...]:
    """What the main block works, in session order, at most four words: `squat`,
    `hamstrings`, `calves`; jumps and balance by their kind."""
    words: list[str] = []
    for p in session.main:
        exercise = catalogue.get(p.exercise)
        pattern, kind = (exercise.pattern, exercise.kind) if exercise else ("", p.kind)
        word = _FOCUS.get(pattern) or _FOCUS_KINDS.get(kind, "")
        if word and word not in words:
            words.append(word)
    return tuple(words[:_MOST_FOCUS])


def session_summary(session: Session, catalogue: Catalogue) -> str:
    """`Strength: squat, hamstrings, calves — 40 min`: a calendar title that says what is
    on."""
    focus = session_focus(session, catalogue)
    what = f"Strength: {', '.join(focus)}" if focus else "Leg strength"
    return f"{what} — {session.minutes} min"


def care_name(routine: CareRoutine, catalogue: Catalogue) -> str:
    """The protocol's name (`Achilles tendon`); the problem's id when it has none here."""
    protocol = catalogue.protocols.get(routine.injury)
    return protocol.name if protocol is not None else problem_name(routine.injury)


def care_summary(routine: CareRoutine, catalogue: Catalogue) -> str:
    """`Achilles tendon care (stage 1), 12 min`; the lightest form says so."""
    form = ", lightest form" if routine.lightest else ""
    return (
        f"{care_name(routine, catalogue)} care (stage {routine.stage}{form}), {routine.minutes} min"
    )


def week_label(week: Week, plan: Plan | None = None) -> str:
    """What the week is called in headings and the season overview: its phase, except that
    a week holding an A or B race is named for the race ("B-race week"), even when the
    planner also made it the recovery week (a week without strength before the race)."""
    if plan is not None and week.phase in (Phase.RECOVERY, Phase.RACE):
        ranks = sorted(
            r.priority for r in plan.race_days if r.day in week and r.priority in ("A", "B")
        )
        if ranks:
            return f"{ranks[0]}-race week"
        if not plan.race_days and any(day in week for day in plan.races):
            return "race week"  # a plan written before race priorities
    return week.phase.value


def week_heading(number: int, week: Week, plan: Plan | None = None) -> str:
    span = f"{week.start:%a %d %b} – {week.end:%a %d %b %Y}"
    return f"Week {number} · {span} · {week_label(week, plan)}"


def plan_span(plan: Plan) -> str:
    weeks = len(plan.weeks)
    return f"{plan.start:%a %d %b %Y} – {plan.end:%a %d %b %Y} ({weeks} weeks)"


def slotted_sessions(plan: Plan) -> list[tuple[Session, int]]:
    """Sessions in date order, each with its slot: 0 for the day's first, 1 for a second.

    (date, slot) names a session across edits of a plan: calendar UIDs and file names use it.
    """
    slots: dict[date, int] = {}
    out = []
    for session in sorted(plan.sessions, key=lambda s: (s.day, s.start or time.min)):
        slot = slots.get(session.day, 0)
        slots[session.day] = slot + 1
        out.append((session, slot))
    return out


def sessions_by_week(plan: Plan) -> list[tuple[Week, list[tuple[Session, int]]]]:
    """Each week with its slotted sessions in date order (sessions outside weeks are dropped)."""
    ordered = slotted_sessions(plan)
    return [(week, [(s, n) for s, n in ordered if s.day in week]) for week in plan.weeks]


@dataclass(frozen=True, slots=True)
class PlanDay:
    """A day of the plan with something to do: its slotted sessions, then its care routines."""

    day: date
    sessions: tuple[tuple[Session, int], ...]
    care: tuple[CareRoutine, ...]


def days_by_week(plan: Plan) -> list[tuple[Week, list[PlanDay]]]:
    """Each week with its days that hold a session or a care routine, in date order."""
    sessions: dict[date, list[tuple[Session, int]]] = {}
    for session, slot in slotted_sessions(plan):
        sessions.setdefault(session.day, []).append((session, slot))
    care: dict[date, list[CareRoutine]] = {}
    for routine in sorted(plan.care, key=lambda c: (c.day, c.injury)):
        care.setdefault(routine.day, []).append(routine)
    return [
        (
            week,
            [
                PlanDay(day, tuple(sessions.get(day, ())), tuple(care.get(day, ())))
                for day in sorted(set(sessions) | set(care))
                if day in week
            ],
        )
        for week in plan.weeks
    ]


def rest_week_title(week: Week, plan: Plan | None = None) -> str:
    """Title of the all-day note for a week without strength (`recovery-week`); a race
    week says so rather than "recovery" (the race is what the week is for)."""
    label = week_label(week, plan)
    if label.endswith("race week"):
        return f"{label[0].upper()}{label[1:]}: no strength, fresh legs for the race"
    if week.phase is Phase.RECOVERY:
        return "Recovery week: no strength"
    return f"No strength this week ({week.phase.value})"


def is_inline_svg(picture: str) -> bool:
    return picture.lstrip().lower().startswith(("<svg", "<?xml"))


@dataclass(frozen=True, slots=True)
class ExerciseWords:
    """One main-block exercise, in words, ready for any format to lay out."""

    exercise: str
    name: str
    dose: str
    details: tuple[str, ...]
    cues: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SessionWords:
    """A session in words: what every human-readable export shows, in this order."""

    title: str
    start: time
    runs: tuple[str, ...]
    warmup: tuple[str, ...]
    main: tuple[ExerciseWords, ...]
    cooldown: tuple[str, ...]
    why: str
    music: str = ""


# Every plan a runner reads explains the effort scale once, before any session uses it.
EFFORT_LEGEND = (
    "Effort is RPE, how hard a set feels from 1 to 10: at RPE 7 you could do about 3 "
    'more good reps (3 "in reserve"); legday never asks for more than RPE 8.'
)
TEMPO_LEGEND = (
    "Tempo is seconds per rep: 3-1-2 means lower for 3 seconds, pause for 1, and take 2 to "
    "push back up, breathing out as you push; an X means as fast as you can (a jump)."
)


def _tags(prescription: Prescription) -> tuple[str, ...]:
    tags = []
    if prescription.unilateral:
        tags.append("single-leg")
    # a jump drill's stuck landing trains balance, but a jump is tagged as no balance drill
    if prescription.balance and prescription.kind is not ExerciseKind.PLYOMETRIC:
        tags.append("balance")
    tags.extend(f"care: {problem_name(injury)}" for injury in prescription.injury_care)
    if prescription.new:
        tags.append("new")
    return tuple(tags)


def exercise_words(p: Prescription, catalogue: Catalogue) -> ExerciseWords:
    """One prescription in words, the same in a session and in a care routine."""
    return ExerciseWords(
        exercise=p.exercise,
        name=exercise_name(catalogue, p.exercise),
        dose=dose(p),
        details=tuple(details(p)),
        cues=cues_for(p, catalogue),
        tags=_tags(p),
    )


def describe_session(session: Session, catalogue: Catalogue, runs: Sequence[Run]) -> SessionWords:
    day_runs = [r for r in runs if r.day == session.day and not r.busy]
    return SessionWords(
        title=session_summary(session, catalogue),
        start=session_start(session, day_runs),
        runs=tuple(run_line(r) for r in day_runs),
        warmup=tuple(warmup_line(w, catalogue) for w in session.warmup),
        main=tuple(exercise_words(p, catalogue) for p in session.main),
        cooldown=tuple(cooldown_line(c, catalogue) for c in session.cooldown),
        why=session.why,
        music=session.music,
    )


@dataclass(frozen=True, slots=True)
class CareWords:
    """A care routine in words: what every human-readable export shows, in this order."""

    title: str
    start: time
    exercises: tuple[ExerciseWords, ...]
    why: str


def describe_care(routine: CareRoutine, catalogue: Catalogue, runs: Sequence[Run]) -> CareWords:
    day_runs = [r for r in runs if r.day == routine.day and not r.busy]
    return CareWords(
        title=care_summary(routine, catalogue),
        start=care_start(routine, day_runs),
        exercises=tuple(exercise_words(p, catalogue) for p in routine.exercises),
        why=routine.why,
    )


def _exercise_lines(items: Sequence[ExerciseWords]) -> list[str]:
    lines = []
    for number, item in enumerate(items, 1):
        tags = f" [{', '.join(item.tags)}]" if item.tags else ""
        lines.append(f"{number}. {item.name}: {item.dose}{tags}")
        lines.append(f"   {'; '.join(item.details)}")
        lines += [f"   · {cue}" for cue in item.cues]
    return lines


def care_text(words: CareWords) -> str:
    """The whole routine as plain text (a calendar description)."""
    lines = [f"{words.title}, from {_clock(words.start)}", "", "CARE"]
    lines += _exercise_lines(words.exercises)
    if words.why:
        lines += ["", f"Why: {words.why}"]
    return "\n".join(lines)


def session_text(words: SessionWords) -> str:
    """The whole session as plain text (a calendar description, a watch note)."""
    lines = [f"{words.title}, from {_clock(words.start)}"]
    if words.runs:
        lines += ["", "Today's running: " + "; ".join(words.runs)]
    lines += ["", "WARM-UP"] + [f"- {w}" for w in words.warmup]
    lines += ["", "MAIN"]
    lines += _exercise_lines(words.main)
    lines += ["", "COOL-DOWN (stretch)"] + [f"- {c}" for c in words.cooldown]
    if words.music:
        lines += ["", f"Music: {words.music}"]
    if words.why:
        lines += ["", f"Why: {words.why}"]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One line of the season at a glance: the week, its phase, what is on which day."""

    number: int
    dates: str
    phase: str
    strength: tuple[str, ...]  # "Mon squat, hamstrings, calves 40'"
    care: str  # "shin splints: Mon Wed Sat" or ""


def week_overview(plan: Plan, catalogue: Catalogue) -> list[WeekRow]:
    """The whole season on one page: each week's strength days with their focus, and the
    days of each problem's care routine."""
    rows = []
    for number, (week, days) in enumerate(days_by_week(plan), 1):
        strength = tuple(
            f"{s.day:%a} {', '.join(session_focus(s, catalogue)) or 'legs'} {s.minutes}'"
            for d in days
            for s, _slot in d.sessions
        )
        care: dict[str, list[str]] = {}
        for d in days:
            for routine in d.care:
                care.setdefault(care_name(routine, catalogue), []).append(f"{d.day:%a}")
        rows.append(
            WeekRow(
                number,
                f"{week.start:%d %b} – {week.end:%d %b}",
                week_label(week, plan),
                strength or (rest_week_title(week, plan),),
                "; ".join(f"{name}: {' '.join(on)}" for name, on in care.items()),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class GuideEntry:
    """An exercise explained once for the whole printout: what it is (the catalogue's
    description, in a runner's words: a name such as "Romanian deadlift" or "Pallof press"
    says nothing to a runner new to lifting), its form cues (and picture)."""

    exercise: str
    name: str
    cues: tuple[str, ...]
    what: str = ""


def _what(catalogue: Catalogue, exercise_id: str) -> str:
    exercise = catalogue.get(exercise_id)
    return exercise.description if exercise is not None else ""


def exercise_guide(plan: Plan, catalogue: Catalogue) -> list[GuideEntry]:
    """Every main-block and care exercise of the plan once, by name: the cues a session
    would repeat each time (`form-first`) are printed here, and a session names only what
    differs from them."""
    first: dict[str, Prescription] = {}
    for session in plan.sessions:
        for p in session.main:
            first.setdefault(p.exercise, p)
    for routine in plan.care:
        for p in routine.exercises:
            first.setdefault(p.exercise, p)
    entries = [
        GuideEntry(x, exercise_name(catalogue, x), cues_for(p, catalogue), _what(catalogue, x))
        for x, p in first.items()
    ]
    return sorted(entries, key=lambda e: (e.name.casefold(), e.exercise))
