"""Placing care routines on days: injury care between strength days (`care-routine`).

A protocol's dose is a frequency (daily, every other day, three times a week), and it
goes on through recovery weeks: rehabilitation wants frequent small doses, not the
strength schedule. So each week, per problem:

- a strength day counts as a care day: the session holds its own care exercises
  (`injury-care`), and a routine on top would double the load;
- a routine never goes on a race day, the day before an A race, or a day the athlete
  blocked;
- a hard-run day gets a routine only when the protocol loads every day, and then only its
  lightest form, after the run;
- daily protocols fill every other allowed day; the others take days at least two apart
  (every other day), filling the week up to its dose.

The plan shows the stage it expects: a stage moves up after the protocol's pain-free
weeks, if pain allows (the logbook holds or steps it back: `legday.care.monitoring`).
Pure: protocols, days and sessions in, routines out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from itertools import pairwise

from legday.care import (
    DISCLAIMER,
    KNEE_PROBLEMS,
    MOST_KNEE_DAYS,
    CareItem,
    CareProtocol,
    CareStage,
    Frequency,
    cared_for,
    closed_to_care,
    days_after_races,
    days_before_races,
    leaves_no_time,
    loads_the_knee,
    no_room_for_care,
    unsure_day,
)
from legday.catalogue import Catalogue
from legday.model import (
    DEFAULT_START,
    HARD_RUN_KINDS,
    CareRoutine,
    Prescription,
    Profile,
    Race,
    Role,
    Run,
    Session,
    problem_name,
)
from legday.planner import words
from legday.planner.care.guards import DOSE_ONLY, GUARDED_PATTERNS
from legday.planner.care.loads import for_kit, from_care_item, loaded_calf
from legday.planner.care.schedule import CareSchedule, WeekDoses
from legday.planner.days import clear_start, start_after
from legday.planner.dose import IMPROVISED_LOAD, seconds_per_rep, work_seconds
from legday.planner.fit import CHANGE_SECONDS
from legday.rules.care import CALF_PATTERNS

__all__ = [
    "KeyRunAhead",
    "after_first_sentence",
    "care_routines",
    "key_run_eves",
    "routine_seconds",
]


# Uphill running loads the Achilles tendon more than the flat does: while its care is short
# of the last stage, a week with hill work says so, once, and leaves the call to the
# athlete and their physio (the calendar is theirs; legday never changes it).
HILLS = re.compile(
    r"(?<!\w)(?:hills?|uphill|hill repeats|berg\w*|hügel\w*|cotes?|côtes?|montees?|"
    r"montées?|cuestas?|subidas?)(?!\w)",
    re.IGNORECASE,
)
HILL_CARE = frozenset({"achilles", "achilles-insertional"})

AFTER_RACE_WORDS = "in the days after your race the legs recover first"
ROUTINE_EVE_WORDS = "one set fewer of each today"  # what a routine lightened for its eve says
BEFORE_RACE_WORDS = "your race is days away, so the legs stay fresh for it"
STAGE_TOP_WEEK = 10_000  # a week past every stage's last step: the dose it holds at its top


def care_routines(
    profile: Profile,
    catalogue: Catalogue,
    by_day: Mapping[date, Sequence[Run]],
    races: Mapping[date, Race],
    sessions: Sequence[Session],
    schedule: CareSchedule | None = None,
    doses: WeekDoses | None = None,
    key_run_ahead: KeyRunAhead | None = None,
    done_before: Collection[str] = (),
) -> list[CareRoutine]:
    """Every care routine of the plan, by day, for each of the athlete's problems that
    has a protocol and is not stopped (`doses`: each week's stage and items, when the
    planner has made them; `key_run_ahead`: the key run or race less than 48 h after a
    start, in words, "" when none is; `done_before`: the exercises the athlete did before
    the plan, no first exposures)."""
    schedule = schedule or CareSchedule.fresh()
    doses = doses or WeekDoses(profile, catalogue, schedule)
    strength_days = {s.day: s for s in sessions}
    closed = closed_to_care(races.values(), profile.blocked)
    light = dict.fromkeys(days_after_races(races.values(), by_day), AFTER_RACE_WORDS)
    light.update(dict.fromkeys(days_before_races(races.values()), BEFORE_RACE_WORDS))
    eves = key_run_eves(by_day, races)
    calf_days: set[date] = set()  # the routine days of calf problems placed so far
    knee_days: set[date] = set()  # the days of routines placed so far that load the knee
    routines: list[CareRoutine] = []
    for injury in cared_for(profile.injuries):
        protocol = catalogue.protocols.get(injury)
        if protocol is None or injury in schedule.stopped:
            continue
        placer = _Placer(
            profile, catalogue, protocol, by_day, strength_days, closed, schedule, light, doses
        )
        placer.key_run_ahead = key_run_ahead or _no_key_run
        placer.met_before = frozenset(done_before)
        placer.placed = tuple(routines)  # the problems' placed before: exposures too
        routines.extend(placer.place(eves, calf_days, knee_days))
    routines.sort(key=lambda r: (r.day, r.injury))
    return _once_a_day(routines, catalogue)


def _once_a_day(routines: Sequence[CareRoutine], catalogue: Catalogue) -> list[CareRoutine]:
    """An exercise once a day: two problems' routines on one day may share one (runner's
    knee and IT band both raise the leg lying on the side, Achilles and shin splints both
    raise the heels), and doing it in each doubled the day's dose beside a weekly climb
    that counts one (a coach's read). It stays in one routine, for both problems, at the
    heavier, else the fuller, of the two doses (`_heaviest_then_fullest`): the routine
    with nothing else keeps it, else the first; the other says where it went. Two
    routines of that one exercise alone keep it both."""
    out = list(routines)
    by_day: dict[date, list[int]] = {}
    for index, routine in enumerate(out):
        by_day.setdefault(routine.day, []).append(index)
    for indices in by_day.values():
        if len(indices) < 2:
            continue
        exercises = dict.fromkeys(p.exercise for i in indices for p in out[i].exercises)
        for exercise in exercises:
            holders = [i for i in indices if any(p.exercise == exercise for p in out[i].exercises)]
            if len(holders) < 2:
                continue
            doses = [p for i in holders for p in out[i].exercises if p.exercise == exercise]
            fullest = max(doses, key=_heaviest_then_fullest)
            tags = tuple(dict.fromkeys(i for p in doses for i in p.injury_care))
            keeper = min(holders, key=lambda i: len(out[i].exercises) > 1)
            kept_in = problem_name(out[keeper].injury)
            for index in holders:
                routine = out[index]
                if index == keeper:
                    kept = replace(fullest, injury_care=tags)
                    now = tuple(kept if p.exercise == exercise else p for p in routine.exercises)
                    why = routine.why
                elif len(routine.exercises) > 1:
                    now = tuple(p for p in routine.exercises if p.exercise != exercise)
                    name = catalogue[exercise].name
                    why = after_first_sentence(
                        routine.why, f"{name}: in today's {kept_in} routine, once a day."
                    )
                else:
                    continue
                change = sum(work_seconds(p) for p in now) - sum(
                    work_seconds(p) for p in routine.exercises
                )
                change -= CHANGE_SECONDS * (len(routine.exercises) - len(now))
                minutes = max(1, routine.minutes + round(change / 60))
                out[index] = replace(routine, exercises=now, minutes=minutes, why=why)
    return out


def _heaviest_then_fullest(p: Prescription) -> tuple[float, bool, int, int]:
    """Which of two routines' doses of one exercise a day keeps (`_once_a_day`): the one
    with a weight (more kilograms, or an improvised load over none), then the fuller. The
    insertional Achilles protocol's one-legged raise with 2 kg gave way to the shin
    protocol's 3 x 16 without one, and the tendon lost its heavy day while that week's
    session held the raise with 2 kg."""
    volume = p.sets * (p.reps or p.seconds or 0)
    return (p.load_kg or 0.0, IMPROVISED_LOAD in p.load, volume, p.sets)


# The key run or race less than 48 h after a start on a day, in words ("Saturday's long run
# (Long run, 09:00)"); "" when the start is clear of every one (the planner's `KeyRuns`).
KeyRunAhead = Callable[[date, time], str]


def _no_key_run(day: date, start: time) -> str:
    return ""


def key_run_eves(
    by_day: Mapping[date, Sequence[Run]], races: Mapping[date, Race]
) -> dict[date, str]:
    """The eves of the calendar's long runs, hard runs and races, with what comes: a full
    routine there would tire the legs the next day needs (a stage-3 shin routine of
    3 x 22 and 2 x 20 a leg the evening before a long run), so the routine moves, or is
    the lightest form."""
    eves: dict[date, str] = {}
    for day, runs in by_day.items():
        key = [r for r in runs if r.running and r.kind in HARD_RUN_KINDS]
        if key:
            eves.setdefault(day - timedelta(days=1), f"tomorrow's {key[0].title} comes first")
    for day in races:
        eves.setdefault(day - timedelta(days=1), "tomorrow's race comes first")
    return eves


def after_first_sentence(why: str, note: str) -> str:
    """A routine's why with `note` after its first sentence (what the routine is for)."""
    head, dot, rest = why.partition(". ")
    if not dot:
        return f"{why} {note}"
    return f"{head}. {note} {rest}"


def routine_seconds(items: Sequence[CareItem], catalogue: Catalogue) -> int:
    """How long a routine takes: each set at its tempo (both sides when one-legged), the
    rests, and a moment to change exercise."""
    total = 0
    for item in items:
        exercise = catalogue[item.exercise]
        if item.seconds is not None:
            per_side = item.seconds
        else:
            per_side = (item.reps or 0) * seconds_per_rep(item.tempo or exercise.tempo)
        sides = 2 if exercise.per_side or item.one_leg else 1
        total += item.sets * (per_side * sides + item.rest_seconds) + CHANGE_SECONDS
    return total


TIMES = ("", "once", "twice", "three times", "four times", "five times", "six times")


def _how_often(frequency: Frequency, times: int, lightest: int = 0) -> str:
    """How often the week gives the stage's dose, as its protocol days are (its full
    routines and the sessions holding its care), how often it gives the `lightest`
    form, and, when the stage's dose comes less often than the protocol asks, why: the
    words never promise more days than the plan holds (a coach's read found "three
    times a week" over weeks of one or two), nor fewer routines than it shows (a race
    week's "once this week", then the lightest form two days later: the days around a
    race take that form, and count among the week's days)."""
    said = "every day this week" if times >= 7 else f"{TIMES[times]} this week"
    if lightest:
        said = f"{said} at the stage's dose, and {TIMES[lightest]} in its lightest form"
    if times >= frequency.per_week:
        return said
    if lightest:
        why = "the days around your race take its lightest form"
    elif frequency is Frequency.DAILY:
        why = (
            "a strength day holds its own care, and a hard run, a race or a day you "
            "blocked holds none"
        )
    else:
        why = "the week has no other day two days clear of the others"
    return f"{said}, where the protocol asks {frequency.words}: {why}"


@dataclass(frozen=True, slots=True)
class _RoutineForm:
    """A routine as done on any day of its stage: its exercises and minutes."""

    exercises: tuple[Prescription, ...]
    minutes: int


class _Placer:
    """One problem's routines over the plan."""

    def __init__(
        self,
        profile: Profile,
        catalogue: Catalogue,
        protocol: CareProtocol,
        by_day: Mapping[date, Sequence[Run]],
        strength_days: Mapping[date, Session],
        closed: Mapping[date, str],
        schedule: CareSchedule,
        light_days: Mapping[date, str],
        doses: WeekDoses,
    ) -> None:
        self.profile = profile
        self.catalogue = catalogue
        self.protocol = protocol
        self.by_day = by_day
        self.strength_days = strength_days
        self.closed = closed
        self.first_stage = schedule.stages.get(protocol.condition, 1)
        self.schedule = schedule
        self.doses = doses  # the stage and its items, week by week
        self.shown_disclaimer = False
        self.light_days = light_days  # near a race: the lightest form, and why
        # the lightest form never changes: it is made once
        self.lightest_form = self._form(protocol.lightest)
        # the week's days whose strength session holds the stage's dose (`_holds_dose`)
        self.session_care_days: frozenset[date] = frozenset()
        self.eves: Mapping[date, str] = {}  # the eves of key runs: no full routine
        # the week's days whose loaded calf work would start less than 48 h before a key
        # run, with what comes: no full routine either (`loaded_calf`)
        self.near_key_runs: Mapping[date, str] = {}
        self.key_run_ahead: KeyRunAhead = _no_key_run
        # what the athlete met before the plan, and the other problems' routines placed
        # before this one's: with the sessions, what a routine's exercises are no first
        # exposure after (`_first_times_wait`)
        self.met_before: frozenset[str] = frozenset()
        self.placed: Sequence[CareRoutine] = ()
        self.calf_days: set[date] = set()  # calf problems' routine days, shared
        # a session or routine holding calf or shin work (`CALF_PATTERNS`) is a calf day,
        # and calf days want a day between them (a calf problem's routines keep clear of a
        # session's calf lift, and two calf problems share their routine days)
        guarded = GUARDED_PATTERNS.get(protocol.condition, frozenset())
        self.calf = bool(guarded & CALF_PATTERNS)
        # beside runner's knee, every knee day counts: the sessions that bend a loaded
        # knee, and the routines (of any problem) that do (`loads_the_knee`)
        self.knee = protocol.condition in KNEE_PROBLEMS
        self.knee_athlete = bool(KNEE_PROBLEMS.intersection(cared_for(profile.injuries)))
        self.knee_days: set[date] = set()  # routines' knee days, shared
        self.knee_session_days = frozenset(
            day
            for day, session in strength_days.items()
            if self.knee_athlete and any(self._loads_knee(p.exercise) for p in session.main)
        )
        # the sessions its routines keep a day from, in any week: for a calf problem
        # every calf lift (the tendon's load, whatever its dose), for the others those
        # holding their week's stage (its protocol days: never two in a row, the next
        # week's Monday session included)
        self.session_load_days = frozenset(
            day
            for day, session in strength_days.items()
            if (
                any(self._pattern(p.exercise) in CALF_PATTERNS for p in session.main)
                if self.calf
                else self._holds_dose(day, self._dose_on(day))
            )
        ) | (self.knee_session_days if self.knee else frozenset())

    def _dose_on(self, day: date) -> tuple[CareItem, ...]:
        """The problem's items as dosed in `day`'s week."""
        week = (day - self.profile.start).days // 7
        return self.doses.of(self.protocol.condition, week)[1]

    def _pattern(self, exercise: str) -> str:
        found = self.catalogue.get(exercise)
        return found.pattern if found is not None else ""

    def _loads_knee(self, exercise: str) -> bool:
        found = self.catalogue.get(exercise)
        return found is not None and loads_the_knee(found)

    def _knee_week(self, stage: CareStage) -> bool:
        """Whether the week's routines bend a loaded knee (the stage's exercises or the
        lightest form), for an athlete with runner's knee: they are knee days, kept a
        day from the others."""
        items = (*stage.items, *self.protocol.lightest)
        return self.knee_athlete and any(self._loads_knee(i.exercise) for i in items)

    def _eve_form(self, form: _RoutineForm) -> _RoutineForm:
        """The week's routine on the eve of a key run: the stage's exercises, reps and load
        at one set fewer each (never below one), as a short session holds the dose: the
        tendon gets its day of the protocol, and the legs meet tomorrow's run less tired.
        A stage-3 shin routine of 3 x 22 and 2 x 20 a leg becomes 2 x 22 and 1 x 20."""
        exercises = tuple(replace(p, sets=max(1, p.sets - 1)) for p in form.exercises)
        saved = sum(work_seconds(p) for p in form.exercises) - sum(
            work_seconds(p) for p in exercises
        )
        return _RoutineForm(exercises, max(1, form.minutes - round(saved / 60)))

    def _form(self, items: Sequence[CareItem]) -> _RoutineForm:
        items = for_kit(items, self.catalogue, self.profile)
        minutes = max(1, round(routine_seconds(items, self.catalogue) / 60))
        exercises = tuple(
            from_care_item(item, self.catalogue, Role.CARE, (self.protocol.condition,))
            for item in items
        )
        return _RoutineForm(exercises, minutes)

    def place(
        self, eves: Mapping[date, str], calf_days: set[date], knee_days: set[date]
    ) -> list[CareRoutine]:
        """The problem's routines, week by week; `eves` the key runs' eves, `calf_days`
        the routine days of the calf problems placed before, `knee_days` those of the
        routines placed before that load the knee (this one's are added)."""
        self.eves, self.calf_days, self.knee_days = eves, calf_days, knee_days
        routines: list[CareRoutine] = []
        last_care: date | None = None
        dosed: tuple[CareItem, ...] | None = None  # the items of the last form made
        for week in range(self.profile.weeks):
            monday = self.profile.start + timedelta(days=7 * week)
            stage, dose = self.doses.of(self.protocol.condition, week)
            days = [monday + timedelta(days=n) for n in range(7)]
            self.session_care_days = frozenset(d for d in days if self._holds_dose(d, dose))
            self.near_key_runs = self._near_key_runs(days, dose)
            chosen = self._days_for(stage, days, last_care)
            # the week's routines hold the same items, dosed alike: one form, made again
            # only when the dose differs from the last form's (a new stage or step)
            if chosen and dose != dosed:
                dosed = dose
                this_week = self._form(dose)
                eve_week = self._eve_form(this_week)  # made once, not per eve
            hills = self._hills(days, stage)
            # a daily stage's routines are no days for another calf problem to keep clear
            # of: it comes every day (the `care-routine` rule's spacing skips them too)
            if self.calf and stage.frequency is not Frequency.DAILY:
                self.calf_days.update(chosen)
            if self._knee_week(stage):
                self.knee_days.update(chosen)
            # the week's protocol days, as its routines say them: its full routines and
            # the sessions that hold its care
            full = [d for d in chosen if not self._lightest(d)]
            times = len(full) + len(self.session_care_days), len(chosen) - len(full)
            for day in chosen:
                # a key run's eve keeps new knee-dominant one-legged work for another day
                waiting = self._first_times_wait(day, stage, dose, routines)
                if waiting is None:
                    routine = self._routine(day, stage, this_week, eve_week, times)
                else:
                    items, told = waiting
                    held_form = self._form(items)  # a held week's day has it in full
                    eve_form = self._eve_form(held_form)
                    routine = self._routine(day, stage, held_form, eve_form, times)
                    routine = replace(routine, why=f"{routine.why} {told}")
                if hills and not routine.lightest:
                    routine = replace(routine, why=f"{routine.why} {hills}")
                    hills = ""
                routines.append(routine)
            cared = [d for d in days if d in chosen or self._session_cares(d)]
            if self.calf and stage.frequency is Frequency.DAILY:
                # nor for this problem's next week: the calf days around it (`loaded` in
                # `_days_for`) already hold the sessions' calf lifts, as the rule counts
                last_care = None
            elif cared:
                last_care = max(cared)
        return self._tested(routines)

    def _near_key_runs(self, days: Sequence[date], dose: Sequence[CareItem]) -> dict[date, str]:
        """The days whose routine, holding loaded calf work (`loaded_calf`), would start
        less than 48 h before a key run or race, by the clock, with what comes: the week's
        heaviest calf dose goes on other days, and these take one set fewer (a Thursday
        evening's heavy slow raises are 38 h before a Saturday morning long run, though
        two days before it). An untimed routine counts from where it is shown, after the
        day's last timed run, else at 18:00 (`DEFAULT_START`)."""
        if not any(loaded_calf(item, self.catalogue) for item in dose):
            return {}
        kit_dose = for_kit(dose, self.catalogue, self.profile)
        minutes = max(1, round(routine_seconds(kit_dose, self.catalogue) / 60))
        near = {}
        for day in days:
            if day in self.strength_days or day in self.closed:  # no routine there
                continue
            ahead = self.key_run_ahead(day, self._start(day, minutes) or DEFAULT_START)
            if ahead:
                near[day] = f"{ahead} is less than 48 h away"
        return near

    def _start(self, day: date, minutes: int) -> time | None:
        """Where a routine of `minutes` starts on `day`: after its runs (`run-first`), in
        its window, clear of its busy time; None when any time will do."""
        entries = self.by_day.get(day, ())
        window = self.profile.window(day.weekday())
        if any(r.busy and r.start is not None for r in entries):
            return clear_start(entries, window, minutes)
        return start_after([r for r in entries if r.running], window)

    def _hills(self, days: Sequence[date], stage: CareStage) -> str:
        """The week's word about its hill runs, while the tendon's care is early."""
        if self.protocol.condition not in HILL_CARE or stage.number >= len(self.protocol.stages):
            return ""
        hills = [
            r for d in days for r in self.by_day.get(d, ()) if r.running and HILLS.search(r.title)
        ]
        if not hills:
            return ""
        return (
            f"Your calendar has hill work this week ({hills[0].title}): running uphill loads "
            "the Achilles more than the flat does. While the tendon is irritable, talk your "
            "hill sessions over with your physio; the calendar is yours, and legday leaves "
            "it as it is."
        )

    def _tested(self, routines: list[CareRoutine]) -> list[CareRoutine]:
        """The routines with the protocol's test (`CareProtocol.test`) in their words: in
        the last full routine of each stage the plan moves on from, with what to pass to
        move on (`CareStage.move_on`), and in the first one, where the athlete starts
        from. The plan's stages are a forecast; the athlete moves on by the test, and pain
        over the limit logged on it holds the stage (`care.monitoring`)."""
        full = [n for n, r in enumerate(routines) if not r.lightest]
        if not self.protocol.test or not full:
            return routines
        notes: dict[int, tuple[str, int]] = {}  # by routine: when, and the stage ending
        for n, later in pairwise(full):
            stage, next_stage = routines[n].stage, routines[later].stage
            if next_stage > stage:
                notes[n] = f"this week, at the end of stage {stage}", stage
            if next_stage > stage + 1:  # the stage between was all in strength sessions
                ended = next_stage - 1
                notes[later] = f"before this routine, for the end of stage {ended}", ended
        first = routines[full[0]].stage
        notes.setdefault(full[0], ("before you start, and again at the end of each stage", first))
        tested = list(routines)
        for n, (when, stage) in notes.items():
            move_on = self.protocol.stage(stage).move_on
            test = " ".join(f"Test {when}: {self.protocol.test} {move_on}".split())
            tested[n] = replace(routines[n], why=f"{routines[n].why} {test}")
        return tested

    def _session_cares(self, day: date) -> bool:
        return day in self.session_care_days

    def _holds_dose(self, day: date, dose: Sequence[CareItem]) -> bool:
        """Whether `day`'s session is the day's care: it holds an exercise of the week's
        stage (at the stage's dose, as care dosed it: a short session's share of it, a
        first time's gentle two sets, or a load in kg heavier than it). For shin splints
        and plantar heel pain a calf lift serving the problem is that day's calf loading
        too (`injury-care` tags say which lifts serve it): a routine on another day would
        make it one more. A care-tagged lift that is not the stage's exercise (a bent-knee
        heel drop 2 x 5 in the Achilles heavy slow stage) is no protocol day: the
        protocol's own days go on, kept a day from it (`session_load_days`)."""
        session = self.strength_days.get(day)
        if session is None:
            return False
        condition = self.protocol.condition
        guarded = GUARDED_PATTERNS.get(condition, frozenset())
        stage_exercises = {item.exercise for item in dose}
        return any(
            p.exercise in stage_exercises
            or (
                (self.calf or self.knee)
                and condition not in DOSE_ONLY
                and condition in p.injury_care
                and self._pattern(p.exercise) in guarded
            )
            for p in session.main
        )

    def _allowed(self, day: date, stage: CareStage) -> bool:
        entries = self.by_day.get(day, ())
        if day in self.closed or day in self.strength_days:
            return False
        if not entries:  # nothing in the calendar: no run to follow, no busy time
            return True
        if unsure_day(entries) or leaves_no_time(entries) or no_room_for_care(entries):
            return False
        if not self._hard(day):
            return True
        return self.protocol.lightest_daily and stage.frequency is Frequency.DAILY

    def _hard(self, day: date) -> bool:
        return any(r.kind in HARD_RUN_KINDS and r.running for r in self.by_day.get(day, ()))

    def _days_for(self, stage: CareStage, days: list[date], last: date | None) -> list[date]:
        """The week's routine days: every allowed day for a daily stage; otherwise days
        at least two apart (counting the sessions' own care and, for a calf problem, every
        calf day: a session's calf lift, another calf problem's routine), filled up to the
        dose. Days that are not the eve of a key run come first (an eve's routine is the
        lightest form), and a calf problem takes the days another one already loads."""
        allowed = [d for d in days if self._allowed(d, stage)]
        if stage.frequency is Frequency.DAILY:
            return allowed
        cared = {d for d in days if self._session_cares(d)}
        # of the season's loading days (sessions that load what care loads, for a calf
        # problem every calf problem's routines too), only those within a gap of this
        # week can be too close to one of its days
        widest = stage.frequency.min_gap_days
        around = [days[0] + timedelta(days=n) for n in range(-widest, 7 + widest)]
        loaded = cared | {d for d in around if d in self.session_load_days}
        if self.calf:
            loaded |= {d for d in around if d in self.calf_days}
            # the days another calf problem already loads first: one calf day, not two
            allowed.sort(key=lambda d: d not in self.calf_days)
        knee = self._knee_week(stage)
        if knee:  # every knee day keeps a day from the next, this problem's or not
            loaded |= {d for d in around if d in self.knee_session_days or d in self.knee_days}
            # and the week holds at most four of them, sessions and routines together
            knee_room = MOST_KNEE_DAYS - len(
                {d for d in days if d in self.knee_session_days or d in self.knee_days}
            )
        # every other day means it: a week with too few days two apart takes fewer
        # routines, never one the day after a loading day (a Monday session's heavy raises
        # then a Tuesday routine of them loaded the tendon twice in 13 h: a coach's read)
        gap = stage.frequency.min_gap_days
        chosen: list[date] = []
        for eve_too in (False, True):
            for day in allowed:
                if len(cared) + len(chosen) >= stage.frequency.per_week:
                    break
                if day in chosen or (self._eve(day) and not eve_too):
                    continue
                if knee and day not in self.knee_days and knee_room <= 0:
                    continue
                near = [*(loaded - {day}), *chosen, *([last] if last else [])]
                if all(abs((day - d).days) >= gap for d in near):
                    chosen.append(day)
                    if knee and day not in self.knee_days:
                        knee_room -= 1
        return sorted(chosen)

    def _first_times_wait(
        self,
        day: date,
        stage: CareStage,
        dose: Sequence[CareItem],
        own: Sequence[CareRoutine],
    ) -> tuple[tuple[CareItem, ...], str] | None:
        """On a key run's eve, for an athlete with runner's knee, the week's items with the
        knee-dominant one-legged work the athlete has not met before `day` (the stage's
        new split squat, step-up or single-leg box squat) held back for a day clear of a
        key run, and what the routine says of it; None when nothing waits. A first time
        brings the soreness a new movement brings, and the quads take it into tomorrow's
        run (a coach read a new single-leg box squat the day before a long run). Each new
        exercise gives its place to one the athlete has met that it grows from: its easier
        variation (a split squat for the box squat) at its dose, else the latest of the
        earlier stages' knee exercises met (the wall sit) at that stage's top dose; else it
        is left out today, and when nothing is left, the protocol's lightest form (the
        wall sit) is the routine. Met before `day`: what the athlete did before the plan, the
        sessions, and the routines placed so far (`own`: this problem's). A week that holds
        care's dose (`CareSchedule.holds`: a race week, a taper, the week after a race)
        holds such first times back the same way, on every day: a stage item withheld on
        every eve before it came new in an A race's week (a half marathoner's single-leg
        box squat)."""
        held = (day - self.profile.start).days // 7 in self.schedule.holds
        if not self.knee_athlete or (day not in self.eves and not held) or self._lightest(day):
            return None
        met = self._met_before(day, own)
        new = [i for i in dose if self._knee_one_leg(i.exercise) and i.exercise not in met]
        if not new:
            return None
        earlier = [
            item
            for before in self.protocol.stages[: stage.number - 1]
            for item in before.items_in_week(STAGE_TOP_WEEK)
            if item.exercise in met and self._loads_knee(item.exercise)
        ]
        items: list[CareItem] = []
        stand_ins: list[str] = []
        for item in dose:
            if item not in new:
                items.append(item)
                continue
            stand_in = self._grown_from(item, met) or (earlier[-1] if earlier else None)
            if stand_in is not None:
                items.append(stand_in)
                stand_ins.append(self._name(stand_in))
        kept = tuple({item.exercise: item for item in reversed(items)}.values())[::-1]
        if not kept:  # nothing met to stand in: the protocol's lightest form (a wall sit)
            kept = tuple(
                i
                for i in self.protocol.lightest
                if not (self._knee_one_leg(i.exercise) and i.exercise not in met)
            )
            stand_ins = [self._name(item) for item in kept]
        if not kept:
            return None
        names = [self._name(item) for item in new]
        return kept, words.waits_for_a_fresh_day(names, stand_ins, self.eves.get(day, ""))

    def _grown_from(self, item: CareItem, met: Collection[str]) -> CareItem | None:
        """`item` as its easier variation the athlete has met, done the same way (reps
        or a hold), at its dose; None when there is none."""
        exercise = self.catalogue[item.exercise]
        for easier in exercise.regressions:
            found = self.catalogue.get(easier)
            if found is not None and easier in met and found.measure == exercise.measure:
                return replace(item, exercise=easier, one_leg=False)
        return None

    def _name(self, item: CareItem) -> str:
        return self.catalogue[item.exercise].name.lower()

    def _met_before(self, day: date, own: Sequence[CareRoutine]) -> set[str]:
        """The exercises met before `day`: before the plan, in its sessions and in the
        routines placed so far (`own`: this problem's)."""
        met = set(self.met_before)
        met.update(p.exercise for d, s in self.strength_days.items() if d < day for p in s.main)
        met.update(p.exercise for r in (*self.placed, *own) if r.day < day for p in r.exercises)
        return met

    def _knee_one_leg(self, exercise: str) -> bool:
        found = self.catalogue.get(exercise)
        return found is not None and found.unilateral and loads_the_knee(found)

    def _eve(self, day: date) -> str:
        """What comes after `day` that its routine is lighter for: a key run the next day,
        or one less than 48 h after its loaded calf work; "" when nothing is."""
        return self.eves.get(day, "") or self.near_key_runs.get(day, "")

    def _lightest(self, day: date) -> bool:
        """Whether `day`'s routine takes the lightest form: after a hard run, near a race."""
        return self._hard(day) or day in self.light_days

    def _routine(
        self,
        day: date,
        stage: CareStage,
        this_week: _RoutineForm,
        eve_week: _RoutineForm,
        times: tuple[int, int],
    ) -> CareRoutine:
        """The routine of `stage` in `this_week`'s form (its items as dosed that week), its
        eve form (`_eve_form`) on a key run's eve, or the lightest form; `times`, the
        week's protocol days and its routines in the lightest form."""
        eve = self._eve(day)
        lightest = self._lightest(day)
        lightened = bool(eve) and not lightest  # the eve form: one set fewer of each
        form = self.lightest_form if lightest else eve_week if lightened else this_week
        minutes = form.minutes
        runs = [r for r in self.by_day.get(day, ()) if r.running]
        start = self._start(day, minutes)
        return CareRoutine(
            day=day,
            injury=self.protocol.condition,
            stage=stage.number,
            minutes=minutes,
            exercises=form.exercises,
            why=self._why(stage, lightest, runs, self.light_days.get(day, ""), eve, times),
            frequency=stage.frequency.value,
            start=start,
            lightest=lightest,
            on_hard_days=self.protocol.lightest_daily and stage.frequency is Frequency.DAILY,
            eve=lightened,
        )

    def _why(
        self,
        stage: CareStage,
        lightest: bool,
        runs: Collection[Run],
        near_race: str,
        eve: str,
        times: tuple[int, int],
    ) -> str:
        p = self.protocol
        hard = [r for r in runs if r.kind in HARD_RUN_KINDS]
        if lightest and not hard:
            what = f"{p.name} care, lightest form: {near_race or AFTER_RACE_WORDS}"
        elif lightest:
            last = max(hard, key=lambda r: r.day_order)
            what = (
                f"{p.name} care, lightest form after your {last.kind} run ({last.title}): "
                "the protocol loads every day, and a hard day gets only this"
            )
        else:
            what = (
                f"{p.name} care, stage {stage.number} ({stage.name}), "
                f"{_how_often(stage.frequency, *times)}: "
                f"{stage.aim[0].lower()}{stage.aim[1:].rstrip('.')}"
            )
            if eve:
                what += f"; {ROUTINE_EVE_WORDS}: {eve}"
        pain = (
            f"pain during it up to {p.max_pain}/10 is fine if it has settled by the next "
            "morning; more, and stay at this stage"
        )
        text = f"{what}. {pain[0].upper()}{pain[1:]}."
        if not self.shown_disclaimer:
            self.shown_disclaimer = True
            text += " " + DISCLAIMER
        return text
