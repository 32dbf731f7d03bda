"""The season planner: runs in, a plan of strength sessions out.

    profile + runs -> season (phase per week) -> day choice (exact optimum)
                   -> sessions (block anchors and companions, dose by week, fitted to the
                      minutes, start clear of busy time) -> rules check -> Plan

A session the rules make longer than the athlete's minutes may not fit the gap its day
was chosen for (`no-overlap`): that day is then closed, with the reason, and the days are
chosen and the sessions composed again; each round closes a day more, so it ends. A day
a full session did not fit stays open to a C-race week's short maintenance session
(`frequency`), and is closed for good only when that one does not fit either.

Pure: no I/O, no clock, no global random state; the same inputs and seed give the same
plan.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from typing import NamedTuple

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.kit import kit_of
from legday.model import (
    INJURIES,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Race,
    Role,
    Run,
    RunKind,
    Session,
    StrengthDay,
    Week,
)
from legday.planner import words
from legday.planner.care.first_times import (
    RACE_AHEAD_DAYS,
    Outlook,
    care_exercises,
    first_times,
    learned_unloaded,
    stage_exercises,
)
from legday.planner.care.in_session import CareFit, care_fit
from legday.planner.care.loads import OwnedSteps
from legday.planner.care.routines import care_routines
from legday.planner.care.schedule import CareSchedule, WeekDoses
from legday.planner.days import (
    BEFORE_TIME_TRIAL,
    NOT_EVEN_SHORT,
    ONE_FITS,
    Calendar,
    DayOptions,
    busy_reason,
    choose_days,
    clear_start,
    day_options,
    long_races,
)
from legday.planner.dose import (
    MAINTENANCE_MINUTES,
    Occasion,
    at_the_top,
    bodyweight_top,
    gradual,
    with_ramps,
)
from legday.planner.season import (
    DAY_ABBR,
    DAY_NAMES,
    WeekFrame,
    race_event,
    race_priorities,
    recovery_every,
    season,
)
from legday.planner.session import (
    OUTGROWN_AFTER,
    OVERRUN,
    Composer,
    SessionAsk,
    SessionParts,
    doses_of,
)
from legday.rules import check_plan
from legday.rules.season import BLOCK_WEEKS, SAME_SESSION_DAYS, SETTLED_BEFORE_GOAL, settled_before
from legday.rules.session import RUN_AS_JOG_MINUTES

__all__ = ["CareSchedule", "calendar_window", "make_plan", "validate_profile"]

LOOK_AHEAD_WEEKS = 26  # races this far past the plan's end still shape its phases
# A race this far before the plan's first day still shapes its first week (the week off
# after an A race, the day after a B race, care at its lightest for up to a week after
# one: `care.AFTER_RACE_DAYS`), and the plan carries it so `check` sees it too
LOOK_BACK = timedelta(days=7)
ONE_DAY = timedelta(days=1)
EVE_KINDS = frozenset({RunKind.HARD, RunKind.LONG})  # the day before gets a lighter session
# Plyometrics and sets above RPE 7 (`dose.BEFORE_KEY_RUN_RPE`) stay this far before the start
# of a key run or race (issue 13), counted by the clock. An untimed run may be at any time
# of its day, so it counts from the first minute; an untimed session (no gap found for it)
# from its day's last.
KEY_RUN_CLEAR = timedelta(hours=48)
UNTIMED_KEY_RUN = time(0, 0)
UNTIMED_SESSION = time(23, 59)
NOTHING_NEW_PHASES = frozenset({Phase.RACE, Phase.TAPER, Phase.POST_RACE})
HELD_CARE_PHASES = frozenset({Phase.RACE, Phase.TAPER})  # care neither steps up nor rises
# a recovery week's session in season is dosed as a taper's: two sets at most, RPE 6 at
# most, the anchors' progress held where it was
LIGHT_DOSE = Phase.TAPER
LIGHT_SHARE = 2 / 3  # a recovery week's light session: two thirds of a short one
EASY_MUSIC_PHASES = frozenset({Phase.TAPER, Phase.RACE})  # the music is easy
# Sessions lighter on purpose that build nothing: their why says no method of building
NOT_BUILDING = frozenset(
    {Lighter.TAPER, Lighter.RACE_WEEK, Lighter.RECOVERY_WEEK, Lighter.BACK_FROM_RACE}
)


def calendar_window(profile: Profile) -> tuple[date, date]:
    """The calendar days a plan needs: the week before it (a race then still shapes its
    first days: `LOOK_BACK`) to half a year after it, so the phases can count down to a
    race beyond the plan's end."""
    return profile.start - LOOK_BACK, profile.end + timedelta(weeks=LOOK_AHEAD_WEEKS)


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
    done: Sequence[StrengthDay] = (),
    care: CareSchedule | None = None,
) -> Plan:
    """The season's plan; `done` holds strength already trained (from the logbook): those
    in the plan's horizon are fixed strength days of their week, and every one's exercises
    count as done before (`variety`). `care` says where each problem's care stands (its
    stage, or stopped) from the logbook."""
    validate_profile(profile)
    first, last = profile.start, profile.end
    fixed = tuple(
        sorted(
            # the plan records the days trained and their exercises, not their doses
            (StrengthDay(d.day, d.exercises) for d in done if first <= d.day <= last),
            key=attrgetter("day"),
        )
    )
    races = race_priorities(profile, runs)
    event = profile.event or race_event(races.values())  # a trail or ultra by its races' names
    frames = season(profile, runs, races, logged=[d.day for d in fixed])
    if profile.injuries:
        restarts = _care_restarts(frames)
        care = replace(
            care or CareSchedule.fresh(),
            holds=_care_holds(frames) | restarts.keys(),
            eases=_care_eases(frames),
            restarts=restarts,
        )
    calendar = Calendar.read(profile, runs, logged=[d.day for d in fixed])
    doses = WeekDoses(profile, catalogue, care)  # care's stage and items, week by week
    started_late: frozenset[date] = frozenset()
    while True:
        options = day_options(profile, runs, frames, calendar)
        goals = frozenset(day for day, race in races.items() if race.priority == "A")
        weeks, sessions, squeezed, short, late, composer = _compose(
            profile,
            catalogue,
            done,
            options,
            calendar,
            care,
            doses,
            goals,
            started_late,
            event,
            races,
        )
        if not squeezed and not short and late <= started_late:
            break
        started_late |= late
        calendar = calendar._replace(
            closed=calendar.closed | short, squeezed={**calendar.squeezed, **squeezed}
        )
    by_day = calendar.by_day
    in_horizon = _runs_between(by_day, first, last)
    key_runs = _key_runs(calendar)
    # what the athlete did before, and the lifts that carried on from a variation done in
    # the plan (the same lift with other kit): no first exposures
    done_before = [*(e for d in done for e in d.exercises), *composer.carried]
    routines = care_routines(
        profile,
        catalogue,
        by_day,
        races,
        sessions,
        care,
        doses,
        key_runs.named_within,
        done_before,
    )
    if profile.injuries:  # care swapped exercises in: their first time starts gently
        placed = [s.minutes for s in sessions]  # the minutes each session's start was found for
        sessions, routines = first_times(
            sessions,
            done_before,
            routines,
            _days_of(profile, care.holds if care is not None else frozenset()),
            start=profile.start,
            care=care_exercises(profile, catalogue),
            eased=_days_of(profile, care.eases if care is not None else frozenset()),
            unloaded_first=learned_unloaded(profile, catalogue, care),
            owned=OwnedSteps.of(profile, catalogue),
            stages=stage_exercises(profile, catalogue),
            outlook=_outlook(profile, frames, races),
        )
        sessions = gradual(sessions, kit_of(profile), catalogue)  # back from care doses
        # the minutes those took back go to mobility, in the time the session was placed in
        sessions = [
            composer.given_back(s, minutes) for s, minutes in zip(sessions, placed, strict=True)
        ]
    kit = kit_of(profile)
    sessions = [with_ramps(s, kit) for s in sessions]  # care may have changed a barbell lift
    sessions = _told_truly(
        sessions,
        catalogue,
        profile.minutes,
        composer.pools.downhill,
        event or "",
        composer.one_leg_tops,
    )
    after_end = last + timedelta(days=1)
    # the races around the plan that its days answer to: the week before its first day,
    # and the day after its last (that day's eve is the plan's)
    carried = first - LOOK_BACK
    plan = Plan(
        first,
        last,
        tuple(weeks),
        in_horizon,
        tuple(sessions),
        profile=profile,
        recovery_every=recovery_every(profile),
        injuries=profile.injuries,
        races=tuple(sorted([d for d in calendar.races if carried <= d <= after_end])),
        race_days=tuple(races[d] for d in sorted(races) if carried <= d <= after_end),
        level=profile.level,
        equipment=profile.equipment,
        care=tuple(routines),
        blocked=frozenset(d for d in profile.blocked if first <= d <= last),
        strength_days=fixed,
        timezone=profile.timezone,
    )
    return replace(plan, violations=tuple(check_plan(plan, catalogue)))


def _cares_for_you(
    day: date,
    main: Sequence[Prescription],
    profile: Profile,
    catalogue: Catalogue,
    care: CareSchedule | None,
    room_seconds: int | None = None,
    met: Collection[str] | None = None,
    doses: WeekDoses | None = None,
    before_key_run: bool = False,
    *,
    known: CareFit | None = None,
    met_in_sessions: Collection[str] | None = None,
    last_session: Collection[str] = (),
) -> CareFit:
    """A main block whose care tags name only the athlete's own problems (an exercise
    that eases shin splints is no care to a runner without them), and whose work near a
    sore area stays at its care stage (`care_fit`; `known` when it was worked out
    already; `met_in_sessions`, care_fit's `known`; `last_session`, its exercises of the
    session before)."""
    if known is not None:
        fit = known
    elif profile.injuries:
        fit = care_fit(
            day,
            main,
            profile,
            catalogue,
            care,
            room_seconds,
            met,
            doses,
            before_key_run,
            met_in_sessions,
            last_session,
        )
    else:
        fit = CareFit(tuple(main))
    own = set(profile.injuries)
    tagged = tuple(
        p
        if own.issuperset(p.injury_care)
        else replace(p, injury_care=tuple(i for i in p.injury_care if i in own))
        for p in fit.main
    )
    return fit if tagged == fit.main else replace(fit, main=tagged)


def _compose(
    profile: Profile,
    catalogue: Catalogue,
    done: Sequence[StrengthDay],
    options: list[DayOptions],
    calendar: Calendar,
    care: CareSchedule | None,
    doses: WeekDoses,
    goals: frozenset[date] = frozenset(),
    started_late: frozenset[date] = frozenset(),
    event: str | None = None,
    races: Mapping[date, Race] | None = None,
) -> tuple[list[Week], list[Session], dict[date, str], dict[date, str], frozenset[date], Composer]:
    """The weeks and their sessions on the best days; with, per day whose busy time leaves
    no gap for the session composed there, why: first for full sessions, then for short
    maintenance ones (both empty when every session fits); the days whose session,
    composed clear of the key runs, started later than planned and less than 48 h before
    one (`started_late`: the next round composes them as if untimed, at the day's end);
    and the composer, which still knows the athlete's warm-up and cool-down work."""
    chosen = choose_days(options)
    races = races or {}
    composer = Composer(catalogue, profile, kit_of(profile), event)
    for past in done:
        composer.remember(past)
    by_day = calendar.by_day
    key_runs = _key_runs(calendar)
    stepping_back = _after_long_races(profile, options, calendar)
    # each block's training weeks: its taper and race weeks are told apart (`UNCOUNTED`)
    block_weeks = Counter(opt.frame.block for opt in options if opt.frame.block_week)
    sessions: list[Session] = []
    # the exercises trained so far, before the plan and in its sessions up to now
    trained = {e for past in done for e in past.exercises}
    squeezed: dict[date, str] = {}
    short: dict[date, str] = {}
    late: set[date] = set()
    weeks: list[Week] = []
    # per block, for each session whose week and level would jump: what kept jumps out of
    # it ("key run", "care"), or "" when nothing did
    jumps_kept_out: dict[int, list[str]] = defaultdict(list)

    def settled(day: date) -> bool:
        """Within three weeks of an A race: nothing new, no load heavier than before; for
        a plan (without a logbook) that starts inside them there is no before yet."""
        ready = goals if done else [g for g in goals if g - profile.start >= SETTLED_BEFORE_GOAL]
        return settled_before(ready, day)

    this_week: list[Session] = []  # the week's sessions so far, and the week before's
    week_before: list[Session] = []
    for index, (opt, days) in enumerate(zip(options, chosen, strict=True)):
        weeks.append(_week_with_note(opt, days))
        week_before, this_week = this_week, []
        fixed = set(opt.fixed)
        # a C-race week's only session is a short one (the week still lifts: `frequency`),
        # and so is a recovery week's in season, lighter too
        week_light = opt.frame.light
        week_maintenance = week_light or (opt.frame.only_c_races and len(days) == 1 and not fixed)
        # care's part of the week, the same for each of its days: whether jumps wait for
        # a sore calf or shin, and the care exercises met in the weeks before
        week = (opt.frame.start - profile.start).days // 7
        care_holds_jumps = doses.jumps_wait[week]
        met_in_care = _met_in_care(profile, doses, opt, week)
        to_compose = [d for d in days if d not in fixed]
        # the week's muscles trained so far: its days from the logbook, then its sessions
        week_worked = {
            m
            for d in done
            if d.day in fixed
            for e in d.exercises
            if e in catalogue
            for m in catalogue[e].muscles
        }
        for number, day in enumerate(to_compose):
            # the week after a long race steps back: only light sessions, nothing new,
            # no jumps, no load rises
            back = day in stepping_back
            # an A or B race week's one session is short and holds its loads: the legs
            # come to the race fresh
            race_week = opt.frame.phase is Phase.RACE
            light, maintenance = week_light or back, week_maintenance or back or race_week
            recent = [
                s.exercise_ids for s in sessions[-6:] if (day - s.day).days <= SAME_SESSION_DAYS
            ]
            entries = by_day.get(day, [])
            near_goal = settled(day)
            new_allowed = _new_allowed(opt.frame) and not near_goal
            budget = _budget(profile, maintenance, light=light)
            # where the session starts (`clear_start`, as `_session` places it) decides
            # whether a key run is less than 48 h ahead: no jumps, nothing above RPE 7
            planned = clear_start(entries, profile.window(day.weekday()), budget, budget)
            key_run = key_runs.next_within(day, None if day in started_late else planned)
            ask = SessionAsk(
                occasion=Occasion(
                    LIGHT_DOSE if light else opt.frame.phase,
                    profile.level,
                    ramp=opt.frame.ramp,
                    eve=day + ONE_DAY in key_runs.hard_or_long,
                    maintenance=maintenance,
                    before_key_run=key_run is not None,
                ),
                budget_seconds=60 * budget,
                block=opt.frame.block,
                block_week=opt.frame.block_week,
                plyometrics=key_run is None and not back and not care_holds_jumps,
                jumps_wait=not back and (key_run is not None or care_holds_jumps),
                key_run_ahead=key_run.what if key_run is not None else "",
                race_ahead=race_ahead(day, races),
                new_allowed=new_allowed and not back,
                # a C meet's week may still move an anchor on, to a lift done before
                keep_anchors=not _new_allowed(opt.frame._replace(races=())) or near_goal or back,
                # close to an A race, and in a recovery week, the loads stay put
                hold_loads=near_goal or light or race_week,
                stepping_back=back,
                want_new=(index % BLOCK_WEEKS == 0 and number == 0) or not sessions,
                recent=recent,
                day=day,
                week_worked=frozenset(week_worked),
                sessions_to_come=len(to_compose) - number - 1,
                repeats=frozenset(
                    doses_of(s.main) for s in (sessions[-1:] + week_before[number : number + 1])
                ),
            )
            by = None
            if key_run is not None and not care_holds_jumps and not any(map(_jumped, this_week)):
                by = _morning_for_jumps(
                    composer,
                    ask,
                    entries,
                    profile.window(day.weekday()),
                    key_runs.clear_by(day, key_run),
                )
                if by is not None:  # the week's jumps come in a session clear of the key run
                    key_run = None
                    ask = replace(
                        ask,
                        occasion=ask.occasion._replace(before_key_run=False),
                        plyometrics=True,
                        jumps_wait=False,
                        key_run_ahead="",
                    )
            session = _session(
                composer,
                profile,
                opt,
                day,
                entries,
                ask,
                block_weeks.get(opt.frame.block, 0),
                index + 1 < len(options) and options[index + 1].frame.phase is Phase.RECOVERY,
                SessionCare(
                    catalogue,
                    care,
                    doses,
                    None if met_in_care is None else met_in_care | trained,
                ),
                by,
            )
            if composer.jumps_due(ask) and opt.frame.block:
                jumped = _jumped(session)
                jumps_kept_out[opt.frame.block].append(
                    "care"
                    if care_holds_jumps
                    else "new knee work"
                    if composer.jumps_held_for_knee
                    else "key run"
                    if key_run is not None
                    else ""
                    if jumped
                    else "room"
                )
            if session.start is None and any(r.busy and r.start for r in entries):
                window = profile.window(day.weekday())
                why = busy_reason(entries, window, session.minutes) or "busy"
                if maintenance:
                    short[day] = why + NOT_EVEN_SHORT
                else:
                    squeezed[day] = why
            # a longer session than planned may find its gap later in a busy day
            if key_run is None and key_runs.next_within(day, session.start) is not None:
                late.add(day)
            sessions.append(session)
            this_week.append(session)
            trained.update(session.exercise_ids)
            week_worked.update(m for p in session.main for m in p.muscles)
    plain = profile.level is Level.BEGINNER
    weeks = _told_no_jumps(weeks, options, sessions, jumps_kept_out, plain=plain)
    return weeks, sessions, squeezed, short, frozenset(late), composer


def _jumped(session: Session) -> bool:
    return any(p.role is Role.PLYOMETRIC for p in session.main)


def _morning_for_jumps(
    composer: Composer,
    ask: SessionAsk,
    entries: Sequence[Run],
    window: tuple[time, time] | None,
    by: time | None,
) -> time | None:
    """A start by `by`, 48 h or more before the key run ahead, for a session whose jumps
    would otherwise wait for the key run, in a week that has not jumped yet; None when the
    day (its `window`) has no gap then, or the session would not jump anyway
    (`Composer.jumps_due`: the week, the level; a step back; an eve is less than 48 h
    from its run).
    With key runs on Tuesday, Thursday and Sunday every evening is less than 48 h from
    one, and a racer got no jumps in 12 weeks: a Friday morning session is clear of a
    Sunday morning long run (issue 13). An untimed run that day keeps the session after
    it (`run-first`), at its usual time."""
    if by is None or not ask.jumps_wait or ask.stepping_back or not composer.jumps_due(ask):
        return None
    if ask.occasion.eve or any(r.running and r.start is None for r in entries):
        return None
    minutes = ask.budget_seconds // 60
    return clear_start(entries, window, minutes, minutes, by)


def _told_no_jumps(
    weeks: list[Week],
    options: Sequence[DayOptions],
    sessions: Sequence[Session],
    kept_out: dict[int, list[str]],
    *,
    plain: bool = False,
) -> list[Week]:
    """The weeks of a block whose jump drill never came, though the weeks and the
    athlete's level asked for it, with why in their note: every session of the block fell
    less than 48 h before a key run or race (or on its eve), care held jumps, or a session
    clear of both had no room left for them. A coach read three plans without a single
    foot contact and no word of why (issue 13)."""
    jumped = {s.block for s in sessions if any(p.role is Role.PLYOMETRIC for p in s.main)}
    power = {s.block for s in sessions if any(p.role is Role.POWER for p in s.main)}
    told = []
    for week, opt in zip(weeks, options, strict=True):
        block = opt.frame.block
        reasons = set(kept_out.get(block, ()))
        if block in jumped or not reasons or "" in reasons or not opt.frame.block_week:
            told.append(week)
            continue
        said = words.no_jumps(reasons, block in power, plain=plain)
        told.append(replace(week, note=f"{week.note}. {said}"))
    return told


class SessionCare(NamedTuple):
    """What care needs to bring a session to the care stages (`care_fit`)."""

    catalogue: Catalogue
    schedule: CareSchedule | None
    doses: WeekDoses  # each week's stage and items
    met: Collection[str] | None  # in a week that brings nothing new: what was met


class KeyRun(NamedTuple):
    """A run a session must leave fresh legs for, by its start."""

    starts: datetime  # an untimed one from its day's first minute (`UNTIMED_KEY_RUN`)
    what: str  # as a why names it: "Saturday's long run (Long run, 09:00)"


class KeyRuns(NamedTuple):
    """The calendar's key runs (intervals, tempo, hills, a time trial, the long run) and
    races: what a session must leave fresh legs for."""

    hard_or_long: frozenset[date]  # the eve of these gets a lighter session
    ahead: tuple[KeyRun, ...]  # by start

    def next_within(self, day: date, start: time | None) -> KeyRun | None:
        """The first key run or race less than KEY_RUN_CLEAR after a session starting on
        `day` at `start` (untimed: `UNTIMED_SESSION`); None when the session is clear.
        Plyometrics and sets above RPE 7 wait until 48 h before one (issue 13): counted
        by the clock, a Thursday evening session is only 38 h before a Saturday morning
        long run, though two days before it."""
        at = datetime.combine(day, start or UNTIMED_SESSION)
        index = bisect_right(self.ahead, at, key=attrgetter("starts"))
        if index < len(self.ahead) and self.ahead[index].starts - at < KEY_RUN_CLEAR:
            return self.ahead[index]
        return None

    def clear_by(self, day: date, key_run: KeyRun) -> time | None:
        """The latest start on `day` that leaves KEY_RUN_CLEAR before `key_run`; None when
        no time of the day does."""
        latest = key_run.starts - KEY_RUN_CLEAR
        return latest.time() if latest.date() == day else None

    def named_within(self, day: date, start: time) -> str:
        """`next_within` in words, "" when clear: what care's loaded calf work waits for
        (`care_routines`)."""
        found = self.next_within(day, start)
        return "" if found is None else found.what


def _key_runs(calendar: Calendar) -> KeyRuns:
    """The calendar's key runs and races, in one pass over its runs. A race day without a
    timed race entry (a race from the profile, an untimed one) counts from its day's
    first minute."""
    hard_or_long: set[date] = set()
    ahead: dict[datetime, KeyRun] = {}
    timed_races: set[date] = set()
    for day, runs in calendar.by_day.items():
        for run in runs:
            if not run.running:
                continue
            if run.kind in EVE_KINDS:
                hard_or_long.add(day)
            if run.key:
                starts = datetime.combine(day, run.start or UNTIMED_KEY_RUN)
                kind = "race" if run.kind is RunKind.RACE else f"{run.kind} run"
                at = f", {run.start:%H:%M}" if run.start is not None else ""
                what = f"{DAY_NAMES[day.weekday()]}'s {kind} ({run.title}{at})"
                ahead.setdefault(starts, KeyRun(starts, what))
                if run.kind is RunKind.RACE and run.start is not None:
                    timed_races.add(day)
    for day in calendar.races - timed_races:
        starts = datetime.combine(day, UNTIMED_KEY_RUN)
        ahead.setdefault(starts, KeyRun(starts, f"{DAY_NAMES[day.weekday()]}'s race"))
    return KeyRuns(frozenset(hard_or_long), tuple(ahead[at] for at in sorted(ahead)))


def _met_in_care(
    profile: Profile, doses: WeekDoses, opt: DayOptions, week: int
) -> frozenset[str] | None:
    """In a week that brings nothing new, the care exercises of the weeks before it
    (`met_before_weeks`): with what the athlete has trained, all that care may swap in
    that week. None in other weeks, or without care."""
    if not profile.injuries or _new_allowed(opt.frame):
        return None
    return doses.met_before[week]


def _told_truly(
    sessions: Sequence[Session],
    catalogue: Catalogue,
    asked_minutes: int,
    downhill: Collection[str] = frozenset(),
    event: str = "",
    one_leg_tops: Collection[str] = frozenset(),
) -> list[Session]:
    """Each session `_told_true`, against each exercise's previous prescription and the
    bodyweight anchors done twice at the top of their progression so far; a trail or ultra
    runner's told which of its anchors are the downhill work (`downhill`); the week's aim
    and how the lifts build said when they change or a block starts (`words.said_once`);
    `one_leg_tops`: the two-legged lifts that top out at their top reps, one leg next
    (`Composer._one_leg_next`)."""
    previous: dict[str, Prescription] = {}
    at_top: Counter[str] = Counter()
    said = words.Said()  # the week's aim and how the lifts build, as last said
    told = []
    for session in sessions:
        outgrown = {catalogue[e].name.lower() for e, n in at_top.items() if n >= OUTGROWN_AFTER}
        session = _told_true(session, catalogue, asked_minutes, previous, outgrown)
        names = [
            words.in_a_list(catalogue[p.exercise].name.lower())
            for p in session.main
            if p.role is Role.ANCHOR and p.exercise in downhill
        ]
        why = words.told_downhill(session.why, names, event)
        why, said = words.said_once(
            why, session.phase, session.block, session.lighter in NOT_BUILDING, said
        )
        told.append(session if why == session.why else replace(session, why=why))
        previous.update((p.exercise, p) for p in session.main)
        at_top.update(
            p.exercise
            for p in session.main
            if p.role is Role.ANCHOR
            and p.load_kg is None
            and p.exercise in catalogue
            and at_the_top(
                p,
                bodyweight_top(catalogue[p.exercise], one_leg_next=p.exercise in one_leg_tops),
            )
        )
    return told


def _told_true(
    session: Session,
    catalogue: Catalogue,
    asked_minutes: int,
    previous: dict[str, Prescription],
    outgrown: Collection[str] = (),
) -> Session:
    """The session's why as its lifts finally stand against each one's previous
    prescription (`told_moved`, `told_lighter`; `told_new`: only its first exposures
    called new, and no lift the variation of one still in the session, `told_replaced`;
    `told_outgrown`: "done twice at its top" only of the `outgrown`; `true_to`:
    no name twice in a list), and without "takes a little longer than your time" once
    first times and `gradual` have made it fit."""
    names = {catalogue[p.exercise].name.lower(): p for p in session.main if p.exercise in catalogue}
    why = words.true_to(session.why)
    why = words.told_moved(why, list(names.items()), previous)
    news = [words.in_a_list(name) for name, p in names.items() if p.new]
    why = words.told_replaced(why, [words.in_a_list(name) for name in names])
    varied = words.harder_named(why)  # told as progressing from a lift done, not as new
    why = words.told_new(why, [name for name in news if name not in varied])
    why = words.told_variations(why, news, [words.in_a_list(name) for name in names])
    why = words.told_outgrown(why, outgrown)
    why = words.told_lighter(why, list(names.items()), previous)
    why = words.told_dose(why, list(names.items()))
    if OVERRUN in why and session.minutes <= asked_minutes:
        why = "; ".join(c for c in why.removesuffix(".").split("; ") if OVERRUN not in c) + "."
    return session if why == session.why else replace(session, why=why)


def race_ahead(day: date, races: Mapping[date, Race]) -> Race | None:
    """The first race less than a week after `day` (RACE_AHEAD_DAYS), if any: what words
    about the coming days speak of (issue 13)."""
    ahead = [race for d, race in races.items() if 0 < (d - day).days <= RACE_AHEAD_DAYS]
    return min(ahead, key=attrgetter("day"), default=None)


def _outlook(
    profile: Profile, frames: Sequence[WeekFrame], races: Mapping[date, Race]
) -> Callable[[date], Outlook]:
    """A day's week phase and the race ahead of it, for care's words (`climb_note`)."""

    def outlook(day: date) -> Outlook:
        week = (day - profile.start).days // 7
        phase = frames[week].phase if 0 <= week < len(frames) else None
        return Outlook(phase, race_ahead(day, races))

    return outlook


def _care_holds(frames: Sequence[WeekFrame]) -> frozenset[int]:
    """The weeks care holds its stage and dose in: an A- or B-race week and a taper
    bring no new care stage, exercise or dose (`CareSchedule.holds`), and neither does
    the week after an A or B race: legs still recovering from a race are no legs to
    meet a heavier tendon or knee load (the stage steps up the week after that)."""
    held = {
        i
        for i, frame in enumerate(frames)
        if frame.phase in HELD_CARE_PHASES
        or any(r.priority in ("A", "B") for r in (*frame.races, *frame.last_week))
    }
    return frozenset(held)


# After an A race: (weeks after the race week, steps lighter than its dose)
RESTART_STEPS = ((1, 2), (2, 1), (3, 0))


def _care_restarts(frames: Sequence[WeekFrame]) -> dict[int, int]:
    """The weeks care restarts in after an A race, with how many steps lighter than the
    race week's dose each takes (`CareSchedule.restarts`): two the week after the race,
    one the week after that, none the third (the race week's dose again), and from the
    fourth the weeks go on where they were. A race run all out leaves a tired tendon;
    its heaviest calf dose the first week back (once the days of lightest care are over)
    would ask the most of it when it has the least to give. Held weeks too: the restart
    counts no progress, so the climb back is a step a week (from the step-back week
    straight to the next step would be two owned weights at once)."""
    restarts: dict[int, int] = {}
    for index, frame in enumerate(frames):
        # the week after an A race's week (the week before the plan's first, too)
        if any(race.priority == "A" for race in frame.last_week):
            for after, steps in RESTART_STEPS:
                week = index - 1 + after
                if week < len(frames):
                    restarts[week] = max(restarts.get(week, 0), steps)
    return restarts


def _care_eases(frames: Sequence[WeekFrame]) -> frozenset[int]:
    """The weeks care eases off in: a recovery week and a taper keep care's days but take
    the week before's dose a set lighter (`CareSchedule.eases`)."""
    return frozenset(
        i
        for i, frame in enumerate(frames)
        if frame.phase in (Phase.RECOVERY, Phase.TAPER) or frame.light
    )


def _days_of(profile: Profile, weeks: Collection[int]) -> frozenset[date]:
    """The days of the plan's `weeks` (0-based): those care holds or eases its dose in."""
    return frozenset(
        profile.start + timedelta(days=7 * week + n) for week in weeks for n in range(7)
    )


def _new_allowed(frame: WeekFrame) -> bool:
    """No first exposure in a race week of any priority (a C meet's too), a taper, the
    week after an A race, nor a recovery week's light session."""
    return not (frame.phase in NOTHING_NEW_PHASES or frame.races or frame.light)


def _after_long_races(
    profile: Profile, options: Sequence[DayOptions], calendar: Calendar
) -> frozenset[date]:
    """The days from a long A or B race (`long_races`) to the end of the week after its
    week: a step back, as after an A race, where the days that may lift take only light
    sessions (the first days after it take none: `days.py`)."""
    long = long_races([opt.frame for opt in options], calendar)
    if not long:
        return frozenset()

    def week(day: date) -> int:
        return (day - profile.start).days // 7

    return frozenset(
        day
        for opt in options
        for day in opt.free
        if any(race < day and week(day) <= week(race) + 1 for race in long)
    )


def _budget(profile: Profile, maintenance: bool, *, light: bool = False) -> int:
    """The session's minutes: the athlete's, a C-race week's one session short, and a
    recovery week's light one shorter still (never longer than a normal session)."""
    minutes = min(profile.minutes, MAINTENANCE_MINUTES) if maintenance else profile.minutes
    return max(1, round(minutes * LIGHT_SHARE)) if light else minutes


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
    ask: SessionAsk,
    block_weeks: int,
    lighter_next: bool,
    care: SessionCare,
    by: time | None = None,
) -> Session:
    """One session, its warm-up without the jog when it follows a run (`warm-up`). Its
    main block is brought to the care stages (`care`: `SessionCare`)
    before its start is placed, so the start fits its real length (`no-overlap`)."""
    real_runs = [r for r in runs if r.running]
    # a rest day's entry holds its time but is no run: no "after your run", and a jog
    legs = [r for r in real_runs if r.kind is not RunKind.REST]
    busy = [r for r in runs if r.busy and r.start is not None]
    window = profile.window(day.weekday())
    budget = ask.budget_seconds // 60

    def start_for(minutes: int) -> time | None:
        # None when no gap holds this session on a busy day (the caller closes the day)
        return clear_start(runs, window, minutes, budget, by)

    def follows_a_run(start: time | None) -> bool:
        # an untimed run's end is unknown (and a misread rest day looks like one): jog
        return _ran_within_the_hour(legs, start)

    used_before = dict(composer.memory.last_used) if profile.injuries else {}
    catalogue = care.catalogue
    met = _care_may_bring(composer, ask, care)
    # runner's knee: a session clear of a key run's eve brings the care stage's new
    # exercises first
    in_sessions = (
        frozenset(composer.memory.last_used) if composer.knee and not ask.occasion.eve else None
    )
    last_session = ask.recent[-1] if ask.recent else frozenset()  # its hold rests today
    asked: tuple[Prescription, ...] = ()  # the block the composer last asked care about
    answer: CareFit | None = None  # and what care made of it

    def as_care_makes_it(main: tuple[Prescription, ...]) -> CareFit:
        # the composer fits the session as care will make it (`Composer._fit`)
        nonlocal asked, answer
        asked = main
        answer = care_fit(
            day,
            main,
            profile,
            catalogue,
            care.schedule,
            None,
            met,
            care.doses,
            ask.occasion.before_key_run,
            in_sessions,
            last_session,
        )
        return answer

    parts = composer.compose(
        ask,
        jog=not follows_a_run(start_for(budget)),
        care=as_care_makes_it if profile.injuries else None,
    )
    # the care dose may take the session up to its minutes (`fit`), no further; the block
    # the composer last asked care about is most often the one composed, and care's dose
    # of it then needs no room made (`care_fit`'s `room_seconds`): that answer stands
    room = max(0, ask.budget_seconds - parts.seconds)
    fits_as_asked = answer is not None and asked == parts.main and answer.extra_seconds <= room
    fit = _cares_for_you(
        day,
        parts.main,
        profile,
        catalogue,
        care.schedule,
        room,
        met,
        care.doses,
        ask.occasion.before_key_run,
        known=answer if fits_as_asked else None,
        met_in_sessions=in_sessions,
        last_session=last_session,
    )
    if fit.changed:
        _remember_care(composer, parts.main, fit.main, used_before)

    def length(parts: SessionParts) -> int:
        return max(1, round((parts.seconds + fit.extra_seconds) / 60))

    minutes = length(parts)
    start = start_for(minutes)
    # on a busy day the start moves with the length: the jog follows where it landed
    if parts.jog_seconds and follows_a_run(start):
        parts = parts.without_jog()
    elif not parts.jog_seconds and not follows_a_run(start) and composer.pools.jog_warm_up:
        parts = parts.with_jog(composer.pools.jog_warm_up)
    if length(parts) != minutes:
        minutes = length(parts)
        start = start_for(minutes)
    frame = opt.frame
    why = words.why(
        day,
        legs,
        frame.phase,
        c_races=frame.races if frame.only_c_races else (),
        block=(frame.block, frame.block_week, block_weeks) if frame.block_week else None,
        ramp=frame.ramp,
        eve=ask.occasion.eve,
        key_run_ahead=ask.key_run_ahead,
        after=frame.after,
        race_ahead=ask.race_ahead,
        plain=profile.level is Level.BEGINNER,
        lighter_next=lighter_next,
        # "takes a little longer than your time" only when, as placed, it does
        notes=[n for n in parts.notes if OVERRUN not in n or minutes > profile.minutes],
    )
    why = fit.told(why)
    if minutes > profile.minutes + 1 and not any(OVERRUN in note for note in parts.notes):
        why = why[:-1] + f"; its care work at the stage's dose {OVERRUN}."
    if busy and start is not None:
        around = ", ".join(f"{r.title} {r.start:%H:%M}-{r.finish:%H:%M}" for r in busy)
        why = why[:-1] + f"; from {start:%H:%M}, clear of your {around}."
    if ask.stepping_back:
        why = why[:-1] + (
            f"; after your long race the legs are still recovering: kept short ({minutes} "
            "min) and light: nothing new, no jumps and nothing heavier than before."
        )
    elif frame.light:
        why = why[:-1] + (
            f"; the recovery week's one session, kept short ({minutes} min) and light "
            f"({words.light_dose(fit.main)}): the week absorbs the work before it, but "
            "a week with a race still gets one short session to stay sharp for it."
        )
    elif frame.phase is Phase.RACE:
        why = why[:-1] + (
            f"; kept short ({minutes} min) and light ({words.light_dose(fit.main)})"
            + (", no load heavier than before" if any(p.load_kg for p in fit.main) else "")
            + ": the legs come to the race fresh."
        )
    elif ask.occasion.maintenance:
        why = why[:-1] + (
            f"; the week's one session, kept short ({minutes} min, at most 2 sets): one "
            "session a week keeps strength in season (Rønnestad & Mujika 2014)."
        )
    if window is not None and start is not None and _past(start, minutes, window[1]):
        why = why[:-1] + f"; it runs past your window's end at {window[1]:%H:%M}."
    light = ask.occasion.eve or frame.phase in EASY_MUSIC_PHASES
    return Session(
        day,
        minutes,
        parts.warmup,
        fit.main,
        parts.cooldown,
        why,
        start,
        opt.frame.phase,
        words.music(fit.main, light=light),
        opt.frame.block,
        words.music_bpm(fit.main, light=light),
        lighter=_lighter(ask, frame),
    )


def _lighter(ask: SessionAsk, frame: WeekFrame) -> Lighter | None:
    """Why the session is lighter than the athlete's full one on purpose, from what the
    week and the day asked of it (`Occasion.light`: nothing filled it up to the minutes);
    None for a full session."""
    if ask.stepping_back or ask.occasion.ramp == 1:
        return Lighter.BACK_FROM_RACE
    if frame.light:
        return Lighter.RECOVERY_WEEK
    if frame.phase is Phase.RACE:
        return Lighter.RACE_WEEK
    if frame.phase is Phase.TAPER:
        return Lighter.TAPER
    if ask.occasion.maintenance:
        return Lighter.MAINTENANCE
    if ask.occasion.eve:
        return Lighter.KEY_RUN_EVE
    return None


def _care_may_bring(
    composer: Composer, ask: SessionAsk, care: SessionCare
) -> Collection[str] | None:
    """What care may swap into the session (`care_fit`'s `met`; None: anything): in a
    week that brings nothing new, what the athlete has met (`SessionCare.met`); on a key
    run's eve, not the knee-dominant one-legged work the sessions so far have not held
    (`Composer.waits_for_a_fresh_day`): the stage's new split squat waits for a day clear
    of the run. A routine may have brought it already, but routines are placed after the
    sessions: the session keeps to what it knows, and a routine on an eve that would
    bring it first takes the lightest form (`care_routines`)."""
    if not (composer.knee and ask.occasion.eve):
        return care.met
    fresh = {e.id for e in care.catalogue if composer.waits_for_a_fresh_day(e, ask)}
    if not fresh:
        return care.met
    allowed = care.met if care.met is not None else {e.id for e in care.catalogue}
    return frozenset(allowed) - fresh


def _remember_care(
    composer: Composer,
    composed: Sequence[Prescription],
    held: Sequence[Prescription],
    used_before: dict[str, int],
) -> None:
    """The composer remembers what the athlete does: a lift care took out of the session
    was not done (so a race week, which brings nothing new, does not count it as known),
    and the care exercise that took its place was; an anchor care held below its top was
    not done at its top."""
    kept = {p.exercise for p in held}
    composer.care_took(p.exercise for p in composed if p.exercise not in kept)
    composer.care_changed(composed, held)
    for p in composed:
        if p.exercise not in kept:
            if p.exercise in used_before:
                composer.memory.last_used[p.exercise] = used_before[p.exercise]
            else:
                composer.memory.last_used.pop(p.exercise, None)
    for p in held:
        composer.memory.last_used[p.exercise] = composer.memory.count - 1


def _ran_within_the_hour(runs: list[Run], start: time | None) -> bool:
    """`warm-up`: a run that ended at most an hour before the session was its jog."""
    if start is None:
        return False
    began = start.hour * 60 + start.minute
    ends = [f.hour * 60 + f.minute for r in runs if (f := r.finish) is not None]
    return any(0 <= began - end <= RUN_AS_JOG_MINUTES for end in ends)


def _past(start: time, minutes: int, closes: time) -> bool:
    return start.hour * 60 + start.minute + minutes > closes.hour * 60 + closes.minute


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
    if ONE_FITS in note and opt.reasons:  # the calendar took the room: say what took it
        note += ". Out: " + "; ".join(f"{_abbr(d)} {why}" for d, why in sorted(opt.reasons.items()))
    if opt.fixed:
        listed = ", ".join(_abbr(d) for d in sorted(set(opt.fixed)))
        note += f" (your calendar already holds strength on {listed})"
    return Week(week.start, week.phase, note, week.target)


def _abbr(day: date) -> str:
    return DAY_ABBR[day.weekday()]
