"""The season planner: runs in, a plan of strength sessions out.

    profile + runs -> season (phase per week) -> day choice (exact optimum)
                   -> sessions (slots, dose, start clear of busy time) -> rules check -> Plan

A session the rules make longer than the athlete's minutes may not fit the gap its day
was chosen for (`no-overlap`): that day is then closed, with the reason, and the days are
chosen and the sessions composed again; each round closes a day more, so it ends. A day
a full session did not fit stays open to a C-race week's short maintenance session
(`frequency`), and is closed for good only when that one does not fit either.

Pure: no I/O, no clock, no global random state; the same inputs and seed give the same
plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time, timedelta
from functools import lru_cache
from operator import attrgetter

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.model import INJURIES, Plan, Profile, Run, RunKind, Session, Week
from legday.planner.care import CareSchedule, care_routines
from legday.planner.days import (
    BEFORE_HARD,
    BEFORE_TIME_TRIAL,
    NOT_EVEN_SHORT,
    Calendar,
    DayOptions,
    busy_reason,
    choose_days,
    clear_start,
    day_options,
    round_up,
    start_after,
)
from legday.planner.dose import MAINTENANCE_MINUTES, dose_for, maintenance_dose, seconds_per_rep
from legday.planner.season import DAY_ABBR, DAY_NAMES, race_priorities, season
from legday.planner.session import Composer, SessionParts
from legday.rules import check_plan

__all__ = ["CareSchedule", "calendar_window", "make_plan", "validate_profile"]

BLOCK_WEEKS = 4  # `variety`: a new exercise in every block of this many weeks
SAME_SESSION_DAYS = 14  # `variety`: no identical session within two weeks
LOOK_AHEAD_WEEKS = 26  # races this far past the plan's end still shape its phases


def calendar_window(profile: Profile) -> tuple[date, date]:
    """The calendar days a plan needs: the day before it (run-first, spacing) to half a
    year after it, so the phases can count down to a race beyond the plan's end."""
    return profile.start - timedelta(days=1), profile.end + timedelta(weeks=LOOK_AHEAD_WEEKS)


def validate_profile(profile: Profile) -> None:
    """Impossible options are the user's to fix: name the field and the problem."""
    checks = (
        (1 <= profile.weeks <= 104, "weeks", "must be between 1 and 104"),
        (profile.sessions in (None, 2, 3), "sessions", "must be 2 or 3 a week"),
        (3 <= profile.recovery_every <= 6, "recovery-every", "must be between 3 and 6 weeks"),
        (20 <= profile.minutes <= 120, "minutes", "must be between 20 and 120 per session"),
        (bool(profile.days), "days", "at least one training day is needed"),
    )
    for ok, name, problem in checks:
        if not ok:
            raise InputError(name, problem)
    weekdays = [weekday for weekday, _, _ in profile.windows]
    if len(set(weekdays)) != len(weekdays) or not set(weekdays) <= set(range(7)):
        raise InputError("windows", "one window per weekday (Monday = 0 to Sunday = 6)")
    for weekday, opens, closes in profile.windows:
        if closes <= opens:
            raise InputError("windows", f"day {weekday}: {closes:%H:%M} is not after {opens:%H:%M}")
    for injury in profile.injuries:
        if injury not in INJURIES:
            known = ", ".join(INJURIES)
            raise InputError("injury", f"unknown injury {injury!r} (known: {known})")


def make_plan(
    profile: Profile,
    runs: Sequence[Run],
    catalogue: Catalogue,
    *,
    done: Sequence[Session] = (),
    care: CareSchedule | None = None,
) -> Plan:
    """The season's plan; `done` holds sessions already trained (for variety), `care`
    where each problem's care stands (its stage, or stopped) from the logbook."""
    validate_profile(profile)
    races = race_priorities(profile, runs)
    frames = season(profile, runs, races)
    calendar = Calendar.read(profile, runs)
    while True:
        options = day_options(profile, runs, frames, calendar)
        weeks, sessions, squeezed, short = _compose(
            profile, catalogue, done, options, calendar.by_day
        )
        if not squeezed and not short:
            break
        calendar = calendar._replace(
            closed=calendar.closed | short, squeezed={**calendar.squeezed, **squeezed}
        )
    by_day = calendar.by_day
    first, last = profile.start, profile.end
    in_horizon = _runs_between(by_day, first, last)
    after_end = last + timedelta(days=1)
    plan = Plan(
        first,
        last,
        tuple(weeks),
        in_horizon,
        tuple(sessions),
        profile=profile,
        recovery_every=profile.recovery_every,
        injuries=profile.injuries,
        races=tuple(sorted([d for d in calendar.races if first <= d <= after_end])),
        race_days=tuple(races[d] for d in sorted(races) if first <= d <= after_end),
        level=profile.level,
        equipment=profile.equipment,
        care=tuple(care_routines(profile, catalogue, by_day, races, sessions, care)),
        blocked=frozenset(d for d in profile.blocked if first <= d <= last),
    )
    return replace(plan, violations=tuple(check_plan(plan, catalogue)))


def _compose(
    profile: Profile,
    catalogue: Catalogue,
    done: Sequence[Session],
    options: list[DayOptions],
    by_day: dict[date, list[Run]],
) -> tuple[list[Week], list[Session], dict[date, str], dict[date, str]]:
    """The weeks and their sessions on the best days; with, per day whose busy time leaves
    no gap for the session composed there, why: first for full sessions, then for short
    maintenance ones (both empty when every session fits)."""
    chosen = choose_days(options)
    composer = Composer(catalogue, profile.equipment, profile.level, profile.injuries, profile.seed)
    for past in done:
        composer.remember(past.exercise_ids)
    sessions: list[Session] = []
    squeezed: dict[date, str] = {}
    short: dict[date, str] = {}
    # each session's day (as an ordinal) and main block, for `variety`
    blocks: list[tuple[int, frozenset[int]]] = []
    weeks: list[Week] = []
    for index, (opt, days) in enumerate(zip(options, chosen, strict=True)):
        weeks.append(_week_with_note(opt, days))
        fixed = set(opt.fixed)
        # a C-race week's only session is a short one (the week still lifts: `frequency`)
        maintenance = opt.frame.only_c_races and len(days) == 1 and not fixed
        for number, day in enumerate(d for d in days if d not in fixed):
            want_new = (index % BLOCK_WEEKS == 0 and number == 0) or not sessions
            today = day.toordinal()
            recent = [ids for done, ids in blocks[-6:] if today - done <= SAME_SESSION_DAYS]
            entries = by_day.get(day, [])
            session, block = _session(
                composer,
                profile,
                opt,
                day,
                entries,
                want_new=want_new,
                recent=recent,
                maintenance=maintenance,
            )
            if session.start is None and any(r.busy and r.start for r in entries):
                window = profile.window(day.weekday())
                why = busy_reason(entries, window, session.minutes) or "busy"
                if maintenance:
                    short[day] = why + NOT_EVEN_SHORT
                else:
                    squeezed[day] = why
            sessions.append(session)
            blocks.append((today, block))
    return weeks, sessions, squeezed, short


def _runs_between(by_day: dict[date, list[Run]], first: date, last: date) -> tuple[Run, ...]:
    """The runs from `first` to `last`, by day and start (untimed ones first)."""
    found: list[Run] = []
    for day in sorted([day for day in by_day if first <= day <= last]):
        runs = by_day[day]
        found.extend(runs if len(runs) == 1 else sorted(runs, key=attrgetter("day_order")))
    return tuple(found)


def _session(
    composer: Composer,
    profile: Profile,
    opt: DayOptions,
    day: date,
    runs: list[Run],
    *,
    want_new: bool,
    recent: list[frozenset[int]],
    maintenance: bool = False,
) -> tuple[Session, frozenset[int]]:
    """One session; a `maintenance` one (a C-race week's only session) is shorter and
    has fewer sets."""
    week = opt.frame
    if maintenance:
        dose = maintenance_dose(week.phase, profile.level)
        budget = min(profile.minutes, MAINTENANCE_MINUTES)
    else:
        dose = dose_for(week.phase, profile.level)
        budget = profile.minutes
    real_runs = [r for r in runs if r.running]
    # a rest day's entry holds its time (above) but is no run: no jog, no "after your run"
    legs = [r for r in real_runs if r.kind is not RunKind.REST]
    busy = [r for r in runs if r.busy and r.start is not None]
    parts = composer.compose(
        dose,
        week.phase,
        budget * 60,
        after_run=bool(legs),
        want_new=want_new,
        recent=recent,
    )
    window = profile.window(day.weekday())
    minutes = max(budget, round_up(parts.seconds / 60, 5))
    # None when no gap holds this session on a busy day (the caller then closes the day)
    start = clear_start(runs, window, minutes, budget) if busy else start_after(real_runs, window)
    why = _why(day, legs, opt, parts, dose.aim, _weaker_leg(profile.dominant_leg))
    if busy and start is not None:
        around = ", ".join(f"{r.title} {r.start:%H:%M}-{r.finish:%H:%M}" for r in busy)
        why = why[:-1] + f"; from {start:%H:%M}, clear of your {around}."
    if maintenance:
        why = why[:-1] + (
            f"; the week's one session, kept short ({minutes} min, at most 2 sets): one "
            "session a week keeps strength in season (Rønnestad & Mujika 2014)."
        )
    if window is not None and start is not None and _past(start, minutes, window[1]):
        why = why[:-1] + f"; it runs past your window's end at {window[1]:%H:%M}."
    music = _music(parts.main[0].tempo if parts.main else "3-1-2")
    session = Session(
        day, minutes, parts.warmup, parts.main, parts.cooldown, why, start, week.phase, music
    )
    return session, parts.block


def _past(start: time, minutes: int, closes: time) -> bool:
    return start.hour * 60 + start.minute + minutes > closes.hour * 60 + closes.minute


@lru_cache(maxsize=64)
def _music(tempo: str) -> str:
    """`enjoyment`: a beat to train to, from the tempo of the session's first exercise."""
    return (
        f"music around 120 BPM: two beats for each second of the tempo "
        f"({tempo} = {2 * seconds_per_rep(tempo)} beats a rep)"
    )


@lru_cache(maxsize=8)
def _weaker_leg(dominant: str | None) -> str:
    return {"left": "right", "right": "left"}.get((dominant or "").lower(), "")


def _why(
    day: date, runs: list[Run], opt: DayOptions, parts: SessionParts, aim: str, weaker: str
) -> str:
    weekday = DAY_NAMES[day.weekday()]
    if runs:
        where = f"{weekday}: after your {runs[-1].kind} run ({runs[-1].title}), run first"
    else:
        where = f"{weekday}: a day without running"
    nxt = _next_hard(day, opt)
    lines = [where, f"{opt.frame.phase} week, {aim}"]
    c_races = opt.frame.races if opt.frame.only_c_races else ()
    lines.extend(
        f"{race.label} on {DAY_ABBR[race.day.weekday()]}: its day and the day before stay free"
        for race in c_races
    )
    if nxt:
        lines.append(nxt)
    lines.extend(parts.notes)
    if weaker and any(p.unilateral for p in parts.main):
        lines.append(f"one-legged work: start with your {weaker} leg, the weaker one")
    return "; ".join(lines) + "."


def _next_hard(day: date, opt: DayOptions) -> str:
    if opt.cost.get(day, 0) >= BEFORE_HARD:
        return (
            f"{DAY_NAMES[(day.weekday() + 1) % 7]} brings a hard run, "
            "so leave a rep or two more in reserve"
        )
    return ""


def _week_with_note(opt: DayOptions, days: tuple[date, ...]) -> Week:
    week = opt.frame
    note = week.note
    if len(days) < week.required:
        blocked = "; ".join(f"{_abbr(d)} {why}" for d, why in sorted(opt.reasons.items()))
        note += f". Only {len(days)} session(s) fit without breaking a rule ({blocked})"
    elif days:
        note += f". {len(days)} session(s): " + ", ".join(_abbr(d) for d in days)
        if week.only_c_races and len(days) == 1 and not opt.fixed:
            note += " (one short maintenance session: one a week keeps strength in season)"
        # a time trial's eve is closed though the week is no race week: say why
        trials = [
            f"{_abbr(d)} {why}"
            for d, why in sorted(opt.reasons.items())
            if why.startswith(BEFORE_TIME_TRIAL)
        ]
        if trials:
            note += ". Kept free: " + "; ".join(trials)
    if opt.fixed:
        listed = ", ".join(_abbr(d) for d in sorted(set(opt.fixed)))
        note += f" (your calendar already holds strength on {listed})"
    return Week(week.start, week.phase, note, week.target)


def _abbr(day: date) -> str:
    return DAY_ABBR[day.weekday()]
