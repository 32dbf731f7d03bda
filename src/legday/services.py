"""Use cases of the logbook over a unit of work: one transaction each.

    add athlete, sync, today, log sets, log care, skip, move, weather swap, history,
    progress

Every re-plan (sync, skip, move, weather) plans the FUTURE only: it calls the planner for
the rest of the horizon (past days of the current week blocked, sessions already done
this week counted as fixed strength days) and appends a plan version valid from today,
so what was planned before stays as it was. Each re-plan also starts every problem's care
routines where its logged pain puts them (`legday.care.monitoring`): the stage to do, or
no routine at all after a stop. The adapters (planner, calendar reader,
clock) are passed in, so tests run with fakes and no database.

Calendars are kept as content (`CalendarSource`): a file is read once, when it is added,
and a feed's address is kept to fetch it again; no path on this machine is stored, so
the same logbook can live on a server. `sync` re-fetches feeds, re-reads the stored
files, and takes new copies of files passed to it by name.

`today` and `log` read what progression needs, not the history: the last
`EXPOSURES` logged days of each exercise the session may turn into, the days that
raised a pain flag and the day each flag cleared (`_history`), so their cost stays flat
however much is logged.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from legday.care import DISCLAIMER, KNEE_PROBLEMS, loads_the_knee
from legday.care.monitoring import CareAction, CareStatus, care_status
from legday.catalogue import Catalogue
from legday.errors import InputError, MissingError, ReusedIdError, StoreError
from legday.kit import Kit, kit_of
from legday.model import (
    CareRoutine,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Profile,
    Run,
    Session,
    StrengthDay,
)
from legday.progression import (
    PAIN_SEEK_ADVICE,
    Change,
    History,
    SetLog,
    next_prescription,
    pain_flags,
)
from legday.store.ports import (
    LOCAL_USER,
    AbstractUnitOfWork,
    Athlete,
    CalendarSource,
    CareRecord,
    ConflictError,
    DayOverride,
    LoggedSet,
    Performed,
    PlanVersion,
    ProgressPoint,
)

if TYPE_CHECKING:
    from legday.progression.summary import ProgressReport

__all__ = [
    "AsDone",
    "Athlete",
    "CareLogged",
    "DayChange",
    "Logbook",
    "LoggedSet",
    "NewAthlete",
    "PlanFn",
    "Replanned",
    "RunsFn",
    "Today",
    "read_source",
    "sets_as_prescribed",
    "utc_now",
]

# legday.planner.make_plan(profile, runs, catalogue, *, done, care)
PlanFn = Callable[..., Plan]
# stored calendars (content, feed address) -> runs in the profile's horizon
RunsFn = Callable[[Sequence[CalendarSource], Profile], list[Run]]
# (athlete id, owner) -> the athlete with its revision, or None: `Database.athlete_by_id`
AthleteLookupFn = Callable[[int, str], Athlete | None]
ONE_DAY = timedelta(days=1)
# How far back `today` reads each exercise the session may become: the last logs decide
# the next prescription; 8 days of logs cover the once-a-week rise check (7+ days at one
# load) and the look back at what was prescribed after up to 8 sessions in a row that were
# not good (past that, the plan's load stands in for what was prescribed).
EXPOSURES = 8
PAIN_DAYS = 200  # the latest days that raised a pain flag, read for `today`'s advice
# A care status that changes what the plan should hold: a new stage, no routine, or a hold
# (the plan's forecast would otherwise move the stage up on schedule regardless): re-plan.
REPLAN_ON = frozenset({CareAction.ADVANCE, CareAction.HOLD, CareAction.STEP_BACK, CareAction.STOP})
# pain monitoring's answers that say the problem hurts (over the limit, or not settled by
# the next morning): the planner reads it as sore (`CareSchedule.sore`)
SORE_ON = frozenset({CareAction.HOLD, CareAction.STEP_BACK})
# The overrides that close a day to the planner (a weather swap opens it again).
CLOSING = frozenset({"blocked", "moved"})
# A change that met another writer (see `Logbook._write`) is run again, this many tries
# in all, after pauses of about 50, 100, 200 ms (each stretched by up to half, at random,
# so two changes that collided do not collide again in step).
ATTEMPTS = 4
BACKOFF_S = 0.05
T = TypeVar("T")


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def _already_logged(day: date) -> InputError:
    return InputError(
        "done",
        f"{day.isoformat()} is already logged (see `legday history`); add sets with --exercise",
    )


def _no_athlete(name: str) -> InputError:
    return InputError("athlete", f"no athlete called {name!r} (see `legday athlete list`)")


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def read_source(given: str, now: datetime) -> CalendarSource:
    """A calendar as the logbook keeps it: the bytes of a file (bounded, regular files
    only) under its name, or a feed fetched (a 304 costs no download, see
    `calendars.feeds`) under its redacted address, with the address kept to fetch again.
    Errors are one line naming the file, or the address without its token."""
    from legday.calendars._files import read_bytes
    from legday.calendars.feeds import fetch, is_feed, redact

    if is_feed(given):
        data = fetch(given).data
        return CalendarSource(redact(given), data, _sha256(data), now, url=given)
    path = Path(given)
    data = read_bytes(path)
    return CalendarSource(path.name, data, _sha256(data), now)


def _refreshed(source: CalendarSource, now: datetime) -> CalendarSource:
    """A stored calendar read again: a feed fetched, a file's stored bytes as they are
    (`content_hash` becomes theirs; the caller compares it with the stored one)."""
    if source.url is not None:
        return replace(read_source(source.url, now), name=source.name, note="")
    if source.content is None:
        return source
    return replace(source, content_hash=_sha256(source.content), fetched_at=now)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Today:
    """What to do on a day: its runs, the session with progression applied, and why."""

    day: date
    runs: tuple[Run, ...]
    session: Session | None
    changes: tuple[Change, ...] = ()
    next_session: Session | None = None
    status: str | None = None  # "done" / "skipped" when already logged
    advice: tuple[str, ...] = ()  # see a professional: pain >= 4 not yet followed by pain-free
    # The day's care routines (the disclaimer taken out of their why), what the logged pain
    # says about each problem's stage (hold, step back, move up) and whether to show the
    # disclaimer: until the athlete logs a first routine, or on the plan's first routine.
    care: tuple[CareRoutine, ...] = ()
    care_notes: tuple[str, ...] = ()
    disclaimer: bool = False
    weather: bool = False  # the day's run was given up to weather (`legday weather`)


@dataclass(frozen=True, slots=True)
class DayChange:
    """A strength day a re-plan changed: the session on `before` went to `after`; None on
    one side when a session was only dropped or only added."""

    before: date | None
    after: date | None


@dataclass(frozen=True, slots=True)
class NewAthlete:
    """The athlete `add_athlete` made (its store id, for a caller to link to) and its
    first plan's version."""

    athlete_id: int
    plan_version: int


@dataclass(frozen=True, slots=True)
class Replanned:
    """The plan version a re-plan stored, and the strength days it changed from today on."""

    number: int
    changes: tuple[DayChange, ...] = ()


@dataclass(frozen=True, slots=True)
class AsDone:
    """How an exercise went where it differed from the prescription; None keeps the plan's
    number. `skipped` drops the exercise. An effort left out is the prescription's target
    (done as prescribed means at the planned effort), unless reps in reserve are given."""

    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    load_kg: float | None = None
    rpe: float | None = None
    rir: int | None = None
    pain: int | None = None
    form_ok: bool | None = None
    skipped: bool = False

    def over(self, base: AsDone) -> AsDone:
        """These answers, `base`'s where these are silent (an exercise's over the session's)."""
        dose_given = self.reps is not None or self.seconds is not None
        effort_given = self.rpe is not None or self.rir is not None
        return AsDone(
            self.sets if self.sets is not None else base.sets,
            self.reps if dose_given else base.reps,
            self.seconds if dose_given else base.seconds,
            self.load_kg if self.load_kg is not None else base.load_kg,
            self.rpe if effort_given else base.rpe,
            self.rir if effort_given else base.rir,
            self.pain if self.pain is not None else base.pain,
            self.form_ok if self.form_ok is not None else base.form_ok,
            self.skipped or base.skipped,
        )


def sets_as_prescribed(p: Prescription, day: date, done: AsDone, note: str = "") -> list[SetLog]:
    """The sets of `p` done as prescribed, with `done`'s differences: each side of a
    one-sided exercise gets its sets, and the weaker side its extra set unless the number
    of sets was changed."""
    from legday.progression.loads import load_kg

    if done.skipped:
        return []
    given = done.reps is not None or done.seconds is not None
    reps = done.reps if given else p.reps
    seconds = done.seconds if given else p.seconds
    if reps is None and seconds is None:
        raise InputError(p.exercise, "the plan gives no reps or seconds; log it with numbers")
    kg = done.load_kg if done.load_kg is not None else load_kg(p)
    rpe = done.rpe if done.rpe is not None or done.rir is not None else float(p.target_rpe)
    sides = ("left", "right") if p.per_side else ("both",)
    found: list[SetLog] = []
    for side in sides:
        count = done.sets if done.sets is not None else p.sets + (side == p.extra_side)
        one = SetLog(
            p.exercise,
            day,
            side,
            reps,
            kg or None,
            seconds,
            rpe,
            done.rir,
            done.form_ok is not False,
            done.pain or 0,
            note,
        )
        found.extend([one] * count)
    return found


@dataclass(frozen=True, slots=True)
class CareLogged:
    """A care routine (or its next morning) recorded, what pain monitoring makes of it, and
    the plan version made when that changed the stage or stopped the routine."""

    record: CareRecord
    status: CareStatus
    version: int | None = None


@dataclass
class Logbook:
    uow: Callable[[], AbstractUnitOfWork]
    catalogue: Catalogue
    plan: PlanFn
    read_runs: RunsFn
    now: Callable[[], datetime] = field(default=utc_now)
    owner: str = LOCAL_USER  # whose athletes these are (personal mode: the local user)
    # the same read as the unit of work's `athlete_by_id`, without one (cheaper; None: the uow's)
    lookup: AthleteLookupFn | None = None

    # athletes
    def add_athlete(
        self,
        name: str,
        profile: Profile,
        calendars: Sequence[str],
        today: date,
        uploads: Sequence[tuple[str, bytes]] = (),
        read: Sequence[CalendarSource] = (),
    ) -> NewAthlete:
        """Create the athlete with profile and calendars (files or feeds by name,
        `uploads`: a file's name and bytes, as a browser sends them, and `read`: calendars
        the caller has read already, a feed fetched once) and store plan version 1."""
        name = name.strip()
        if not name:
            raise InputError("name", "must not be empty")
        if not name.isprintable():  # a name becomes a key and a line in exports
            raise InputError("name", f"{name!r} holds control characters; use letters and digits")
        sources = [read_source(given, self.now()) for given in calendars]  # before the lock
        sources += [CalendarSource(n, data, _sha256(data), self.now()) for n, data in uploads]
        sources += read

        def body(uow: AbstractUnitOfWork) -> NewAthlete:
            athlete = uow.repo.add_athlete(name, self.now(), self.owner)
            uow.repo.save_profile(athlete.id, profile, self.now())
            for source in sources:
                uow.repo.save_calendar_source(athlete.id, source)
            number = self._replan(uow, athlete, max(today, profile.start), "first plan")
            uow.commit()
            return NewAthlete(athlete.id, number)

        return self._write(body)

    def athletes(self) -> list[Athlete]:
        with self.uow().reading() as uow:
            return uow.repo.list_athletes(self.owner)

    # re-planning use cases
    def sync(
        self, name: str, today: date, *, force: bool = False, files: Sequence[str] = ()
    ) -> int | None:
        """Re-fetch the feeds and re-read the stored calendars, taking a new copy of each
        file in `files` (by its name: a new name adds a calendar); if any changed (or
        `force`), re-plan the future."""
        given = [read_source(f, self.now()) for f in files]
        # feeds are fetched before the athlete is locked: a slow server must not hold
        # every other change of the logbook waiting (the hashes are compared under it)
        with self.uow().reading() as uow:
            stored = uow.repo.calendar_sources(self._athlete(uow, name).id)
        fresh = {s.name: _refreshed(s, self.now()) for s in stored}
        fresh.update((s.name, s) for s in given)

        def body(uow: AbstractUnitOfWork) -> int | None:
            athlete = self._locked(uow, name)
            changed = [
                source.name
                for source in fresh.values()
                if uow.repo.save_calendar_source(athlete.id, source)
            ]
            if not changed and not force:
                return None
            reason = "calendar changed: " + ", ".join(changed)
            number = self._replan(uow, athlete, today, reason if changed else "sync (forced)")
            uow.commit()
            return number

        return self._write(body)

    def skip(
        self, name: str, day: date, today: date, note: str = "", *, preview: bool = False
    ) -> Replanned:
        """The session on `day` is not done: record it, block the day, re-plan the rest.
        With `preview`, the re-plan is made and returned but nothing is stored."""

        def body(uow: AbstractUnitOfWork) -> Replanned:
            athlete = self._locked(uow, name)
            self._require_session(uow, athlete, day)
            uow.repo.record_day(athlete.id, day, "skipped", note, self.now())
            # the runner's note stays with the skipped day, not in the override
            uow.repo.add_override(athlete.id, DayOverride(day, "blocked", "skipped"), self.now())
            done = self._replan_told(uow, athlete, today, f"skipped {day.isoformat()}")
            if not preview:
                uow.commit()
            return done

        return self._write(body)

    def move(
        self,
        name: str,
        day: date,
        today: date,
        to: date | None = None,
        *,
        preview: bool = False,
    ) -> Replanned:
        """The athlete cannot train on `day`: block it, and put the session on `to` (when
        the rules allow a session there) or let the planner find another day. With
        `preview`, the re-plan is made and returned but nothing is stored."""
        if day < today:
            raise InputError("date", "the past cannot be moved; use `legday skip` for it")
        if to is not None and to < today:
            raise InputError("to", f"{to.isoformat()} is in the past")
        if to == day:
            raise InputError("to", f"the session is already on {day.isoformat()}")

        def body(uow: AbstractUnitOfWork) -> Replanned:
            athlete = self._locked(uow, name)
            self._require_session(uow, athlete, day)
            if to is not None:
                self._require_open(uow, athlete, to)
            uow.repo.add_override(athlete.id, DayOverride(day, "moved", moved_to=to), self.now())
            where = "" if to is None else f" to {to.isoformat()}"
            done = self._replan_told(
                uow, athlete, today, f"moved the session of {day.isoformat()}{where}"
            )
            if to is not None and not uow.repo.planned_sessions(athlete.id, to, to):
                latest = uow.repo.latest_version(athlete.id)
                weeks = latest.plan.weeks if latest is not None else ()
                week = next((w for w in weeks if to in w), None)
                rest = ""
                if week and not week.target:
                    rest = f" ({week.phase.value} week: no strength)"
                elif week and week.phase is Phase.RECOVERY:  # in season, or after a race
                    rest = f" ({week.phase.value} week: one short, light session at most)"
                raise InputError(  # the unit of work rolls back: nothing changed
                    "to", f"{to.isoformat()}: the rules leave no room for a session there{rest}"
                )
            if not preview:
                uow.commit()
            return done

        return self._write(body)

    def weather(self, name: str, day: date, today: date, *, preview: bool = False) -> Replanned:
        """A run lost to weather: that day's run is dropped and the day may hold strength.
        With `preview`, the re-plan is made and returned but nothing is stored."""
        if day < today:
            raise InputError("date", "only today or a later day can be swapped")

        def body(uow: AbstractUnitOfWork) -> Replanned:
            athlete = self._locked(uow, name)
            profile = uow.repo.get_profile(athlete.id)
            if profile is not None and day > profile.end:
                raise InputError("date", f"the plan ends on {profile.end.isoformat()}")
            latest = uow.repo.latest_version(athlete.id)
            if latest is None or not any(r.day == day for r in latest.plan.runs):
                raise MissingError("date", f"no run is planned on {day.isoformat()} to swap")
            uow.repo.add_override(athlete.id, DayOverride(day, "weather"), self.now())
            done = self._replan_told(uow, athlete, today, f"weather swap on {day.isoformat()}")
            if not preview:
                uow.commit()
            return done

        return self._write(body)

    # the logbook
    def today(self, name: str, day: date) -> Today:
        """The day's runs and session, progression applied; pain advice on every day."""
        with self.uow().reading() as uow:
            athlete, profile = self._athlete_with_profile(uow, name)
            sessions = uow.repo.planned_sessions(athlete.id, day, day + timedelta(days=21))
            versions = uow.repo.plan_versions_for(athlete.id, day)
            runs = tuple(r for r in versions[-1].plan.runs if r.day == day) if versions else ()
            recent = uow.repo.performed(athlete.id, day - timedelta(days=60), day, with_sets=False)
            status = next((p.status for p in recent if p.day == day), None)
            session = next((s for s in sessions if s.day == day), None)
            later = next((s for s in sessions if s.day > day), None)
            main = session.main if session is not None else ()
            logged = self._history(uow, athlete, main, day)
            last_done = self._last_done(uow, athlete, recent, day)
            kit = kit_of(profile) if profile is not None else None
            records = uow.repo.care_records(athlete.id)
            statuses = self._care_statuses(profile, records, day)
            swapped = any(
                o.day == day and o.kind == "weather" for o in uow.repo.overrides(athlete.id)
            )
        advice = tuple(f.advice for f in pain_flags(logged, self.catalogue, day))
        care = self._care_today(versions, statuses, records, day)
        view = Today(
            day,
            runs,
            session,
            (),
            later,
            status,
            advice + care.advice,
            care=care.routines,
            care_notes=care.notes,
            disclaimer=care.disclaimer,
            weather=swapped,
        )
        if session is None:
            return view
        history = History.of([s for s in logged if s.day < day], self.catalogue)
        changes = tuple(
            self._progress(p, history, recent, day, kit, last_done) for p in session.main
        )
        adjusted = replace(session, main=tuple(c.prescription for c in changes))
        return replace(view, session=adjusted, changes=changes)

    def next_for(self, name: str, p: Prescription, day: date) -> Change:
        """The progression of one prescription on `day` (what `today` does per exercise)."""
        with self.uow().reading() as uow:
            athlete, profile = self._athlete_with_profile(uow, name)
            logged = self._history(uow, athlete, (p,), day - ONE_DAY)
            recent = uow.repo.performed(athlete.id, day - timedelta(days=60), day, with_sets=False)
            last_done = self._last_done(uow, athlete, recent, day)
            kit = kit_of(profile) if profile is not None else None
        history = History.of(logged, self.catalogue)
        return self._progress(p, history, recent, day, kit, last_done)

    def log(
        self, name: str, sets: Sequence[SetLog], note: str = "", *, whole_session: bool = False
    ) -> int:
        """Append sets (one transaction); returns how many were stored. A `whole_session`
        (`log --done`) is refused when its day is already logged, checked under the
        athlete's lock: two at once must not store the session twice."""
        if not sets:
            raise InputError("sets", "nothing to log")

        def body(uow: AbstractUnitOfWork) -> int:
            athlete = self._locked(uow, name)
            day = sets[0].day
            if whole_session and any(
                p.status == "done"
                for p in uow.repo.performed(athlete.id, day, day, with_sets=False)
            ):
                raise _already_logged(day)
            uow.repo.add_sets(athlete.id, sets, self.now())
            if note:
                uow.repo.record_day(athlete.id, sets[0].day, "done", note, self.now())
            uow.commit()
            return len(sets)

        return self._write(body)

    def log_done(
        self,
        name: str,
        day: date,
        changes: Mapping[str, AsDone] | None = None,
        every: AsDone | None = None,
        note: str = "",
    ) -> list[SetLog]:
        """The day's session done as prescribed (progression applied, as `today` shows it),
        with `every` exercise's and each exercise's own differences; returns the sets
        stored. An exercise in `changes` must be in the session."""
        changes = dict(changes or {})
        view = self.today(name, day)
        if view.session is None:
            raise InputError("date", f"no session planned on {day.isoformat()}; use --exercise")
        if view.status == "done":
            raise _already_logged(day)
        ids = [p.exercise for p in view.session.main]
        for exercise in changes:
            if exercise not in ids:
                raise InputError(
                    "set", f"{exercise!r} is not in the session of {day} ({', '.join(ids)})"
                )
        base = every or AsDone()
        sets = [
            one
            for p in view.session.main
            for one in sets_as_prescribed(p, day, changes.get(p.exercise, AsDone()).over(base))
        ]
        self.log(name, sets, note, whole_session=True)
        return sets

    def log_care(self, name: str, injury: str, day: date, pain: int, today: date) -> CareLogged:
        """The day's routine for `injury` done with `pain` (0-10) at worst; re-plans the
        future when pain monitoring holds or moves the stage, or stops the routine."""
        self._require_protocol(injury)

        def body(uow: AbstractUnitOfWork) -> CareLogged:
            athlete = self._locked(uow, name)
            planned = _care_on(uow.repo.plan_versions_for(athlete.id, day), day)
            routine = next((c for c in planned if c.injury == injury), None)
            if routine is None:
                raise InputError("care", f"no {injury} routine is planned on {day.isoformat()}")
            before = [r for r in uow.repo.care_records(athlete.id, injury) if r.day == day]
            morning = before[0].morning_pain if before else None
            record = CareRecord(day, injury, routine.stage, pain, morning)
            uow.repo.save_care(athlete.id, record, self.now())
            logged = self._after_care(uow, athlete, record, max(today, day + ONE_DAY))
            uow.commit()
            return logged

        return self._write(body)

    def log_morning_pain(
        self, name: str, pain: int, day: date, today: date, injury: str | None = None
    ) -> CareLogged:
        """The morning after a routine: `pain` (0-10) for the last routine before `day`
        (of `injury`, or the only problem cared for that day)."""
        if injury is not None:
            self._require_protocol(injury)

        def body(uow: AbstractUnitOfWork) -> CareLogged:
            athlete = self._locked(uow, name)
            earlier = [r for r in uow.repo.care_records(athlete.id, injury) if r.day < day]
            if not earlier:
                raise InputError(
                    "morning-pain", f"no care routine is logged before {day.isoformat()}"
                )
            last = [r for r in earlier if r.day == earlier[-1].day]
            if len(last) > 1:
                names = ", ".join(r.injury for r in last)
                raise InputError("care", f"which problem? {names} were cared for; pass --care")
            record = replace(last[0], morning_pain=pain)
            uow.repo.save_care(athlete.id, record, self.now())
            logged = self._after_care(uow, athlete, record, max(today, day))
            uow.commit()
            return logged

        return self._write(body)

    def history(self, name: str, start: date, end: date | None = None) -> list[Performed]:
        """What is logged from `start` on (to `end`, when given): sets dated after the
        clock are the athlete's record too."""
        with self.uow().reading() as uow:
            return uow.repo.performed(self._athlete(uow, name).id, start, end or date.max)

    def progress(self, name: str, exercise: str) -> list[ProgressPoint]:
        with self.uow().reading() as uow:
            return uow.repo.progress(self._athlete(uow, name).id, exercise)

    def current_plan(self, name: str, today: date) -> Plan:
        """The latest plan version, each session from `today` on with the prescriptions
        `today` will show on the next session's day: what the exports write.

        Later sessions get the same next step, not a step per session: a load only rises
        once the sets that earn it are logged, so export again after logging. The stored
        plan carries its time zone and the profile of its re-plan (from that week on); the
        athlete's own profile is put back (the season's start keys the calendar UIDs).
        """
        with self.uow().reading() as uow:
            athlete, profile = self._athlete_with_profile(uow, name)
            latest = uow.repo.latest_version(athlete.id)
            if latest is None:
                raise InputError("athlete", f"{name} has no plan yet (see `legday sync`)")
            plan = latest.plan
            due = [s for s in plan.sessions if s.day >= today]
            as_of = min((s.day for s in due), default=today)
            main = [p for s in due for p in s.main]
            # what `today` reads on `as_of`, for every exercise the sessions to come hold
            logged = self._history(uow, athlete, main, as_of - ONE_DAY)
            recent = uow.repo.performed(
                athlete.id, as_of - timedelta(days=60), as_of, with_sets=False
            )
            last_done = self._last_done(uow, athlete, recent, as_of)
            kit = kit_of(profile) if profile is not None else None

        history = History.of(logged, self.catalogue)
        changes: dict[Prescription, Prescription] = {}  # sessions repeat their exercises

        def progressed(p: Prescription) -> Prescription:
            if p not in changes:
                change = self._progress(p, history, recent, as_of, kit, last_done)
                changes[p] = change.prescription
            return changes[p]

        sessions = tuple(
            s if s.day < today else replace(s, main=tuple(progressed(p) for p in s.main))
            for s in plan.sessions
        )
        return replace(plan, sessions=sessions, profile=profile or plan.profile)

    def versions(self, name: str) -> list[PlanVersion]:
        with self.uow().reading() as uow:
            return uow.repo.plan_versions(self._athlete(uow, name).id)

    # the web app: athletes by id, profile edits, sets by client id, feeds, progress
    def athlete_by_id(self, athlete_id: int) -> Athlete | None:
        """The owner's athlete with this id (the web app's addresses, on every request:
        its revision keys the answers the app keeps), or None."""
        if self.lookup is not None:
            return self.lookup(athlete_id, self.owner)
        with self.uow().reading() as uow:
            return uow.repo.athlete_by_id(athlete_id, self.owner)

    def profile(self, name: str) -> Profile | None:
        with self.uow().reading() as uow:
            return uow.repo.get_profile(self._athlete(uow, name).id)

    def update_profile(self, name: str, profile: Profile, today: date) -> int:
        """A changed profile replaces the old one and re-plans from `today` (or the new
        start); returns the new plan version."""

        def body(uow: AbstractUnitOfWork) -> int:
            athlete = self._locked(uow, name)
            uow.repo.save_profile(athlete.id, profile, self.now())
            number = self._replan(uow, athlete, max(today, profile.start), "profile changed")
            uow.commit()
            return number

        return self._write(body)

    def log_set(
        self,
        name: str,
        client_id: str,
        one: SetLog,
        set_no: int | None = None,
        today: date | None = None,
    ) -> tuple[LoggedSet, bool]:
        """One set logged under the id its browser made; True when it is new. A log sent
        again (the connection came back, a retry) returns the stored set and stores
        nothing: checked under the athlete's lock, so two copies at once store one. The
        same id with another set is a clash (ReusedIdError), never a silent overwrite; a
        set dated after tomorrow, or on a day the athlete skipped, is refused (un-skipping
        is the runner's explicit choice, not a side effect of a late sync)."""
        latest = (today or self.now().date()) + timedelta(days=1)  # a time zone ahead

        def body(uow: AbstractUnitOfWork) -> tuple[LoggedSet, bool]:
            athlete = self._locked(uow, name)
            stored = uow.repo.logged_set(athlete.id, client_id)
            if stored is not None:
                if stored.set != one or stored.set_no != set_no:
                    raise ReusedIdError(
                        "client_id", f"{client_id} already names another set; send a new id"
                    )
                return stored, False
            if one.day > latest:
                raise InputError("date", f"{one.day} is in the future")
            marked = uow.repo.performed(athlete.id, one.day, one.day, with_sets=False)
            if any(p.status == "skipped" for p in marked):
                raise InputError("date", f"{one.day} was skipped; no set can be logged on it")
            logged = LoggedSet(client_id, one, set_no, self.now())
            uow.repo.add_logged_set(athlete.id, logged, self.now())
            uow.commit()
            return logged, True

        return self._write(body)

    def issue_feed_token(self, name: str) -> str:
        """A new secret for the athlete's calendar feed URL; the old one stops working.
        Only its SHA-256 is stored: the token is shown this once."""
        import secrets

        token = secrets.token_urlsafe(32)

        def body(uow: AbstractUnitOfWork) -> None:
            athlete = self._locked(uow, name)
            uow.repo.save_feed_token(athlete.id, _sha256(token.encode()), self.now())
            uow.commit()

        self._write(body)
        return token

    def revoke_feed_token(self, name: str) -> bool:
        """The feed URL stops working; False when there was none."""

        def body(uow: AbstractUnitOfWork) -> bool:
            athlete = self._locked(uow, name)
            gone = uow.repo.delete_feed_token(athlete.id)
            uow.commit()
            return gone

        return self._write(body)

    def feed_athlete(self, token: str) -> Athlete | None:
        """The athlete whose live feed token this is (compared by hash), or None."""
        with self.uow().reading() as uow:
            return uow.repo.athlete_by_feed_token(_sha256(token.encode()))

    def progress_report(self, name: str, today: date) -> ProgressReport:
        """Load and reps per exercise, weekly sets per muscle group, sessions done against
        planned and the pain trend, over the athlete's plan up to `today`."""
        from legday.progression.summary import progress_report

        with self.uow().reading() as uow:
            athlete = self._athlete(uow, name)
            profile = uow.repo.get_profile(athlete.id)
            if profile is None:
                raise InputError("profile", f"{athlete.name} has no profile")
            sets = uow.repo.set_logs(athlete.id, until=today)
            days = uow.repo.performed(athlete.id, profile.start, today, with_sets=False)
            planned = uow.repo.planned_sessions(athlete.id, profile.start, profile.end)
            care = uow.repo.care_records(athlete.id)
        muscles = {e.id: e.muscles for e in self.catalogue}
        return progress_report(
            sets,
            muscles,
            planned=[s.day for s in planned],
            performed=[(p.day, p.status) for p in days],
            care=[(r.day, r.pain, r.morning_pain) for r in care if r.day <= today],
            start=profile.start,
            today=today,
        )

    # helpers
    def _history(
        self,
        uow: AbstractUnitOfWork,
        athlete: Athlete,
        main: Sequence[Prescription],
        until: date,
    ) -> list[SetLog]:
        """The sets progression reads for `main` up to `until`, in a few bounded queries.

        The last `EXPOSURES` days of each exercise and of the variations it may become
        (regressions for pain, progressions at the top of a range), with any painful set
        of those days; the sets of pain >= 4 on the latest `PAIN_DAYS` days that have
        one; and, for each muscle they leave flagged, the first later day it was worked
        pain-free (the day the flag cleared: its sets of that muscle). A muscle whose
        flag cleared before the first of those exposure days is flagged on no day
        progression looks at: neither its pain nor its clearing is read. The pain flags
        on `until` are the ones the whole history gives: every painful set of a day read
        is read, so a set left out is pain-free and can only keep a flag up in the look
        back at earlier days, never drop one. Every prescription of a session reads the
        same sets (`History`, sorted once).
        """
        repo = uow.repo
        wanted = self._variations(main)
        logged, raised = repo.exposures_and_pain(
            athlete.id, wanted, EXPOSURES, until, PAIN_SEEK_ADVICE, PAIN_DAYS
        )
        first = min((s.day for s in logged), default=until)  # the first day looked at
        flags = pain_flags(raised, self.catalogue, until)
        working = {f.muscle: [e.id for e in self.catalogue if f.muscle in e.muscles] for f in flags}
        days = repo.first_pain_free_days(
            athlete.id, [(working[f.muscle], f.day) for f in flags], until
        )
        clears: dict[date, set[Muscle]] = {}
        over: set[Muscle] = set()  # flags that cleared before the first day looked at
        for flag, clear in zip(flags, days, strict=True):
            if clear is not None and clear < first:
                over.add(flag.muscle)
            elif clear is not None:
                clears.setdefault(clear, set()).add(flag.muscle)
        cleared = set(clears)
        # No set twice: an exposure day already holds its sets of `wanted` and every
        # painful set of its day. Of a day that cleared a flag, the sets working that
        # muscle and the painful ones are what the clearing is read from.
        exposed = {s.day for s in logged}
        have = set(wanted)
        kept = list(logged)
        kept += [
            s
            for s in raised
            if s.day not in exposed and s.day not in cleared and self._flags(s) not in over
        ]
        clearing = {e for muscles in clears.values() for m in muscles for e in working[m]}
        for s in repo.sets_on(athlete.id, sorted(cleared), sorted(clearing)):
            exercise = self.catalogue.get(s.exercise)
            works = exercise is not None and bool(clears[s.day] & set(exercise.muscles))
            if not (s.pain > 0 or works):
                continue
            if s.day in exposed and (s.pain > 0 or s.exercise in have):
                continue
            kept.append(s)
        return sorted(kept, key=lambda s: s.day)

    def _flags(self, s: SetLog) -> Muscle | None:
        """The muscle a painful set flags: its exercise's main one (`pain_flags`)."""
        exercise = self.catalogue.get(s.exercise)
        return exercise.muscles[0] if exercise is not None and exercise.muscles else None

    def _variations(self, main: Sequence[Prescription], depth: int = 4) -> list[str]:
        """The session's exercises and what progression may swap them for: their chains
        of regressions (pain) and of progressions (the top of a range), as deep as it
        follows them."""
        found = {p.exercise for p in main}
        for kind in ("regressions", "progressions"):
            frontier = {p.exercise for p in main}
            for _ in range(depth):
                nxt: set[str] = set()
                for exercise_id in frontier:
                    exercise = self.catalogue.get(exercise_id)
                    if exercise is not None:
                        nxt.update(getattr(exercise, kind))
                found |= nxt
                frontier = nxt
        return sorted(found)

    def _write(self, body: Callable[[AbstractUnitOfWork], T]) -> T:
        """Run a change in its own transaction; one that met another writer (a deadlock,
        a serialization failure, a plan version made meanwhile) is rolled back whole and
        run again from the start, so it is made from what the other committed. After
        `ATTEMPTS` tries the user gets one line; nothing was changed."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.uow() as uow:
                    return body(uow)
            except ConflictError as error:
                if not error.retry:
                    raise
                if attempt == ATTEMPTS:
                    raise StoreError(
                        f"{error}; nothing was changed after {attempt} tries, try again"
                    ) from None
                _pause(BACKOFF_S * 2 ** (attempt - 1) * (1 + random.random() / 2))
        raise AssertionError("unreachable")

    def _locked(self, uow: AbstractUnitOfWork, name: str) -> Athlete:
        """The athlete, write-locked before anything else is read (`lock_athlete`)."""
        athlete = self._athlete(uow, name)
        uow.repo.lock_athlete(athlete.id)
        return athlete

    def _athlete(self, uow: AbstractUnitOfWork, name: str) -> Athlete:
        athlete = uow.repo.get_athlete(name, self.owner)
        if athlete is None:
            raise _no_athlete(name)
        return athlete

    def _athlete_with_profile(
        self, uow: AbstractUnitOfWork, name: str
    ) -> tuple[Athlete, Profile | None]:
        found = uow.repo.athlete_with_profile(name, self.owner)
        if found is None:
            raise _no_athlete(name)
        return found

    @staticmethod
    def _require_session(uow: AbstractUnitOfWork, athlete: Athlete, day: date) -> None:
        if not uow.repo.planned_sessions(athlete.id, day, day):
            raise MissingError("date", f"no strength session is planned on {day.isoformat()}")

    def _require_open(self, uow: AbstractUnitOfWork, athlete: Athlete, day: date) -> None:
        """A day a session may move to, or one line saying why not: outside the plan, not
        a training day, blocked, holding a session, a hard run, a race or a race's eve."""
        from legday.planner.days import Calendar

        profile = uow.repo.get_profile(athlete.id)
        if profile is None:
            raise InputError("profile", f"{athlete.name} has no profile")
        shown = f"{day.isoformat()} ({day:%a})"
        if not profile.start <= day <= profile.end:
            raise InputError(
                "to", f"{shown} is outside the plan ({profile.start} to {profile.end})"
            )
        if day.weekday() not in profile.days:
            raise InputError("to", f"{shown} is not one of your training days")
        if uow.repo.planned_sessions(athlete.id, day, day):
            raise InputError("to", f"{shown} already holds a session")
        overrides = uow.repo.overrides(athlete.id)
        weather = {o.day for o in overrides if o.kind == "weather"}
        if day in {o.day for o in overrides if o.kind in CLOSING} - weather:
            raise InputError("to", f"{shown} is blocked (skipped or moved from)")
        sources = [s for s in uow.repo.calendar_sources(athlete.id) if s.content is not None]
        runs = [r for r in self.read_runs(sources, profile) if r.day not in weather or r.busy]
        closed = Calendar.read(profile, runs).closed.get(day)
        if closed:
            raise InputError("to", f"{shown}: {closed}")

    def _require_protocol(self, injury: str) -> None:
        """A problem without a care protocol is one line naming the field."""
        if injury not in self.catalogue.protocols:
            known = ", ".join(sorted(self.catalogue.protocols))
            raise InputError("care", f"no care protocol for {injury!r} (one of: {known})")

    def _care_statuses(
        self, profile: Profile | None, records: Sequence[CareRecord], through: date
    ) -> dict[str, CareStatus]:
        """Each problem's care status from every routine logged up to `through` (included:
        a routine logged today already counts)."""
        statuses: dict[str, CareStatus] = {}
        for injury in profile.injuries if profile is not None else ():
            protocol = self.catalogue.protocols.get(injury)
            if protocol is not None:
                logs = [r.log for r in records if r.injury == injury]
                statuses[injury] = care_status(protocol, logs, through + ONE_DAY)
        return statuses

    def _care_today(
        self,
        versions: Sequence[PlanVersion],
        statuses: dict[str, CareStatus],
        records: Sequence[CareRecord],
        day: date,
    ) -> _CareToday:
        """The day's routines, minus any pain has stopped since the plan was made."""
        advice, notes = [], []
        for injury, status in statuses.items():
            name = self.catalogue.protocols[injury].name
            if status.action is CareAction.STOP:
                advice.append(f"{name} care stopped. {status.reason}")
            elif status.action in (CareAction.HOLD, CareAction.STEP_BACK, CareAction.ADVANCE):
                notes.append(f"{name} care: {status.reason}")
        stopped = {i for i, s in statuses.items() if s.action is CareAction.STOP}
        routines = [c for c in _care_on(versions, day) if c.injury not in stopped]
        first = any(DISCLAIMER in c.why for c in routines)
        shown = tuple(
            replace(c, why=" ".join(c.why.replace(DISCLAIMER, "").split())) for c in routines
        )
        disclaimer = bool(shown) and (first or not records)
        return _CareToday(tuple(advice), shown, tuple(notes), disclaimer)

    def _after_care(
        self, uow: AbstractUnitOfWork, athlete: Athlete, record: CareRecord, replan_from: date
    ) -> CareLogged:
        """Pain monitoring after a record; anything but "continue" re-plans from
        `replan_from`."""
        profile = uow.repo.get_profile(athlete.id)
        protocol = self.catalogue.protocols[record.injury]
        logs = [r.log for r in uow.repo.care_records(athlete.id, record.injury)]
        status = care_status(protocol, logs, record.day + ONE_DAY)
        if status.action not in REPLAN_ON or profile is None or replan_from > profile.end:
            return CareLogged(record, status)
        reason = f"care: {protocol.name} {status.action.value} (stage {status.stage})"
        return CareLogged(record, status, self._replan(uow, athlete, replan_from, reason))

    @staticmethod
    def _last_done(
        uow: AbstractUnitOfWork, athlete: Athlete, recent: Sequence[Performed], before: date
    ) -> date | None:
        """The last day done before `before`: the latest of `recent` (every day logged in
        a window ending on `before`) when it holds one, else the store's answer."""
        done = [p.day for p in recent if p.status == "done" and p.day < before]
        return max(done) if done else uow.repo.last_done(athlete.id, before)

    def _progress(
        self,
        p: Prescription,
        history: History,
        recent: list[Performed],
        day: date,
        kit: Kit | None,
        last_any: date | None = None,
    ) -> Change:
        """Progression inputs from the logbook, about the athlete's training as a whole.

        `weeks_off` counts whole weeks (7 days in a row) without any strength session
        between the last one done and `day`: a session every Monday has none.
        `last_any` is the last day done before `day` however long ago (`recent` covers
        60 days).
        """
        done = [x.day for x in recent if x.status == "done" and x.day < day]
        last_done = max(done) if done else last_any
        weeks_off = ((day - last_done).days - 1) // 7 if last_done else 0
        missed = any(
            x.status == "skipped" and (last_done is None or x.day > last_done) and x.day < day
            for x in recent
        )
        return next_prescription(
            p,
            history,
            self.catalogue,
            today=day,
            weeks_off=weeks_off,
            missed=missed,
            kit=kit,
            last_logged=last_done,
        )

    def _replan_told(
        self, uow: AbstractUnitOfWork, athlete: Athlete, today: date, reason: str
    ) -> Replanned:
        """`_replan`, and the strength days from `today` on that it changed."""
        profile = uow.repo.get_profile(athlete.id)
        end = profile.end if profile is not None else today
        before = [s.day for s in uow.repo.planned_sessions(athlete.id, today, end)]
        number = self._replan(uow, athlete, today, reason)
        after = [s.day for s in uow.repo.planned_sessions(athlete.id, today, end)]
        start = profile.start if profile is not None else today
        return Replanned(number, day_changes(before, after, start))

    @staticmethod
    def _trained(
        uow: AbstractUnitOfWork, athlete: Athlete, since: date, today: date
    ) -> list[StrengthDay]:
        """Strength done from `since` until before `today`, for the planner: the days this
        week count toward it (`frequency`), every one's exercises are no longer new. Today
        stays open: its session is still shown as planned when it is logged."""
        done = [
            p.day
            for p in uow.repo.performed(athlete.id, since, today)
            if p.status == "done" and p.day < today
        ]
        planned = {s.day: s for s in uow.repo.planned_sessions(athlete.id, since, today)}
        return [
            StrengthDay(day, planned[day].exercise_ids, planned[day].main)
            if day in planned
            else StrengthDay(day)
            for day in done
        ]

    def _replan(self, uow: AbstractUnitOfWork, athlete: Athlete, today: date, reason: str) -> int:
        profile = uow.repo.get_profile(athlete.id)
        if profile is None:
            raise InputError("profile", f"{athlete.name} has no profile")
        if today > profile.end:
            raise InputError("date", f"the plan ended on {profile.end.isoformat()}")
        week = max(0, (today - profile.start).days // 7)
        week_start = profile.start + timedelta(weeks=week)
        overrides = uow.repo.overrides(athlete.id)
        weather = {o.day for o in overrides if o.kind == "weather"}
        blocked = {o.day for o in overrides if o.kind in CLOSING} - weather
        past = {week_start + timedelta(days=i) for i in range((today - week_start).days)}
        future = replace(
            profile,
            start=week_start,
            weeks=profile.weeks - week,
            blocked=frozenset((set(profile.blocked) | blocked | past) - weather),
        )
        sources = [s for s in uow.repo.calendar_sources(athlete.id) if s.content is not None]
        # weather takes the run, not the day's other appointments (busy time)
        runs = [r for r in self.read_runs(sources, future) if r.day not in weather or r.busy]
        pinned = self._pinned_weeks(uow, athlete, future, runs, overrides, today)
        if pinned:
            future = replace(future, blocked=future.blocked | pinned)
        done = self._trained(uow, athlete, week_start - timedelta(days=28), today)
        statuses = self._care_statuses(profile, uow.repo.care_records(athlete.id), today)
        from legday.planner.care.schedule import CareSchedule  # the planner loads only to re-plan

        care = CareSchedule(
            stages={i: s.stage for i, s in statuses.items()},
            stopped={i: s.reason for i, s in statuses.items() if s.action is CareAction.STOP},
            sore=self._sore(uow, athlete, profile, statuses, today),
        )
        plan = self.plan(future, runs, self.catalogue, done=done, care=care)
        return uow.repo.add_plan_version(athlete.id, plan, today, reason, self.now())

    def _sore(
        self,
        uow: AbstractUnitOfWork,
        athlete: Athlete,
        profile: Profile,
        statuses: Mapping[str, CareStatus],
        today: date,
    ) -> frozenset[str]:
        """The problems the logbook says hurt on `today`: those whose care pain monitoring
        holds or steps back, and runner's knee while a pain flag raised in knee-dominant
        work stands (pain of 4/10 or more in a split squat, not yet followed by a
        pain-free session of the thigh: `pain_flags`)."""
        sore = {injury for injury, status in statuses.items() if status.action in SORE_ON}
        knee = KNEE_PROBLEMS.intersection(profile.injuries)
        if knee and not knee <= sore:
            flags = pain_flags(self._history(uow, athlete, (), today), self.catalogue, today)
            raised = [self.catalogue.get(f.exercise) for f in flags]
            if any(e is not None and loads_the_knee(e) for e in raised):
                sore |= knee
        return frozenset(sore)

    @staticmethod
    def _pinned_weeks(
        uow: AbstractUnitOfWork,
        athlete: Athlete,
        future: Profile,
        runs: Sequence[Run],
        overrides: Sequence[DayOverride],
        today: date,
    ) -> frozenset[date]:
        """The days to close so each session moved to a chosen day (`move --to`) lands
        there: in that day's week, every day from today on but the chosen one and the
        week's other sessions. A chosen day the calendar has closed since is let go."""
        from legday.planner.days import Calendar

        chosen = {
            d
            for o in overrides
            if o.kind == "moved"
            and (d := o.moved_to) is not None
            and today <= d <= future.end
            and d not in future.blocked
        }
        if not chosen:
            return frozenset()
        closed = Calendar.read(future, runs).closed
        shut: set[date] = set()
        for day in sorted(chosen - closed.keys()):
            week_start = future.start + timedelta(weeks=(day - future.start).days // 7)
            week_end = week_start + timedelta(days=6)
            sessions = {s.day for s in uow.repo.planned_sessions(athlete.id, week_start, week_end)}
            keep = sessions | chosen
            shut |= {
                week_start + timedelta(days=i)
                for i in range(7)
                if week_start + timedelta(days=i) >= today
                and week_start + timedelta(days=i) not in keep
            }
        return frozenset(shut)


def day_changes(
    before: Sequence[date], after: Sequence[date], start: date
) -> tuple[DayChange, ...]:
    """Strength days dropped and added, a dropped day paired with the first added day of
    the same plan week (weeks counted from `start`): "Wed 06 -> Thu 07"."""
    removed = sorted(set(before) - set(after))
    added = sorted(set(after) - set(before))

    def week(day: date) -> int:
        return (day - start).days // 7

    found: list[DayChange] = []
    for gone in removed:
        match = next((a for a in added if week(a) == week(gone)), None)
        if match is not None:
            added.remove(match)
        found.append(DayChange(gone, match))
    found += [DayChange(None, a) for a in added]
    return tuple(sorted(found, key=lambda c: c.before or c.after or date.min))


@dataclass(frozen=True, slots=True)
class _CareToday:
    advice: tuple[str, ...]
    routines: tuple[CareRoutine, ...]
    notes: tuple[str, ...]
    disclaimer: bool


def _care_on(versions: Sequence[PlanVersion], day: date) -> list[CareRoutine]:
    """The day's routines in the plan version in force that day (the latest valid on it)."""
    in_force = [v for v in versions if v.valid_from <= day] or list(versions[:1])
    return [c for c in in_force[-1].plan.care if c.day == day] if in_force else []
