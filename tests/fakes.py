"""In-memory stand-ins for the adapters, so core and service tests need no files or database."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import groupby

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.model import (
    Cues,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Plan,
    Prescription,
    Profile,
    Session,
)
from legday.progression import SetLog
from legday.store.ports import (
    LOCAL_USER,
    AbstractRepository,
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

__all__ = [
    "CUES",
    "FakeRepository",
    "FakeUnitOfWork",
    "exercise",
    "fake_catalogue",
    "prescription",
]

CUES = Cues(
    setup="Stand tall, feet hip-width.",
    movement="Lower for three counts, rise smoothly; no bouncing.",
    range="Through the full range you control.",
    breathing="Breathe out as you push; never hold your breath.",
    lockout="Stop just short of locking the knee.",
)


def exercise(
    exercise_id: str,
    *,
    loadable: bool = False,
    regressions: tuple[str, ...] = (),
    progressions: tuple[str, ...] = (),
    measure: str = "reps",
    unilateral: bool = True,
    injury_care: tuple[str, ...] = (),
    muscles: tuple[Muscle, ...] = (Muscle.QUADS, Muscle.GLUTES),
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").title(),
        kind=ExerciseKind.STRENGTH,
        muscles=muscles,
        unilateral=unilateral,
        balance=False,
        equipment=(Equipment.DUMBBELLS,) if loadable else (Equipment.BODYWEIGHT,),
        level=Level.BEGINNER,
        tempo="3-1-2",
        cues=CUES,
        measure=measure,
        regressions=regressions,
        progressions=progressions,
        injury_care=injury_care,
        loadable=loadable,
    )


def fake_catalogue() -> Catalogue:
    """A small chain: split squat <-> bulgarian split squat, a loaded lunge, calf raises."""
    return Catalogue(
        [
            exercise("split-squat", progressions=("bulgarian-split-squat",)),
            exercise("bulgarian-split-squat", regressions=("split-squat",)),
            exercise("reverse-lunge", loadable=True, regressions=("split-squat",)),
            exercise("goblet-squat", loadable=True, unilateral=False),
            exercise(
                "calf-raise",
                loadable=True,
                regressions=("double-calf-raise",),
                injury_care=("shin-splints",),
                muscles=(Muscle.CALVES,),
            ),
            exercise("double-calf-raise", unilateral=False, muscles=(Muscle.CALVES,)),
            exercise("side-plank", measure="seconds", unilateral=True, muscles=(Muscle.CORE,)),
            exercise("wall-sit", measure="seconds", unilateral=False),
        ]
    )


def prescription(
    exercise_id: str = "reverse-lunge",
    *,
    sets: int = 3,
    reps: int | None = 8,
    seconds: int | None = None,
    load: str = "10 kg dumbbells",
    target_rpe: int = 7,
    tempo: str = "3-1-2",
) -> Prescription:
    return Prescription(
        exercise=exercise_id,
        sets=sets,
        reps=reps,
        seconds=seconds,
        per_side=True,
        load=load,
        tempo=tempo,
        target_rpe=target_rpe,
        muscles=(Muscle.QUADS, Muscle.GLUTES),
        unilateral=True,
        balance=False,
        cues=CUES.as_list(),
    )


# --- storage fakes -------------------------------------------------------------------


class FakeRepository(AbstractRepository):
    """Dicts and lists with the same contract as `SqlRepository`."""

    def __init__(self) -> None:
        self.athletes: dict[tuple[str, str], Athlete] = {}  # (owner, name)
        self.profiles: dict[int, Profile] = {}
        self.sources: dict[int, dict[str, CalendarSource]] = {}
        self.day_overrides: dict[int, list[DayOverride]] = {}
        self.versions: dict[int, list[PlanVersion]] = {}
        self.days: dict[tuple[int, date], tuple[str, str]] = {}
        self.sets: dict[int, list[SetLog]] = {}
        self.care: dict[tuple[int, date, str], CareRecord] = {}
        self.logged: dict[tuple[int, str], LoggedSet] = {}
        self.feed_tokens: dict[int, str] = {}

    def add_athlete(self, name: str, now: datetime, owner: str = LOCAL_USER) -> Athlete:
        if (owner, name) in self.athletes:
            raise InputError("name", f"an athlete called {name!r} already exists")
        owners = sorted({o for o, _ in self.athletes} | {owner})
        athlete = Athlete(len(self.athletes) + 1, name, now, owners.index(owner) + 1)
        self.athletes[(owner, name)] = athlete
        return athlete

    def athlete_by_id(self, athlete_id: int, owner: str = LOCAL_USER) -> Athlete | None:
        return next(
            (a for (o, _), a in self.athletes.items() if o == owner and a.id == athlete_id), None
        )

    def lock_athlete(self, athlete_id: int) -> None:
        """Nothing to lock: a fake unit of work is used by one thread at a time."""

    def get_athlete(self, name: str, owner: str = LOCAL_USER) -> Athlete | None:
        return self.athletes.get((owner, name))

    def list_athletes(self, owner: str = LOCAL_USER) -> list[Athlete]:
        return sorted(
            (a for (o, _), a in self.athletes.items() if o == owner), key=lambda a: a.name
        )

    def save_profile(self, athlete_id: int, profile: Profile, now: datetime) -> None:
        self.profiles[athlete_id] = profile

    def get_profile(self, athlete_id: int) -> Profile | None:
        return self.profiles.get(athlete_id)

    def save_calendar_source(self, athlete_id: int, source: CalendarSource) -> bool:
        mine = self.sources.setdefault(athlete_id, {})
        old = mine.get(source.name)
        mine[source.name] = source
        return old is None or old.content_hash != source.content_hash

    def calendar_sources(self, athlete_id: int) -> list[CalendarSource]:
        return list(self.sources.get(athlete_id, {}).values())

    def add_override(self, athlete_id: int, override: DayOverride, now: datetime) -> None:
        mine = self.day_overrides.setdefault(athlete_id, [])
        if not any((o.day, o.kind) == (override.day, override.kind) for o in mine):
            mine.append(override)

    def overrides(self, athlete_id: int) -> list[DayOverride]:
        return sorted(self.day_overrides.get(athlete_id, []), key=lambda o: (o.day, o.kind))

    def add_plan_version(
        self, athlete_id: int, plan: Plan, valid_from: date, reason: str, now: datetime
    ) -> int:
        mine = self.versions.setdefault(athlete_id, [])
        kept = replace(plan, sessions=tuple(s for s in plan.sessions if s.day >= valid_from))
        mine.append(
            PlanVersion(len(mine) + 1, valid_from, now, reason, replace(kept, profile=None))
        )
        return len(mine)

    def plan_versions(self, athlete_id: int) -> list[PlanVersion]:
        return list(self.versions.get(athlete_id, []))

    def plan_versions_for(self, athlete_id: int, day: date) -> list[PlanVersion]:
        versions = self.versions.get(athlete_id, [])
        if not versions:
            return []
        in_force = ([v for v in versions if v.valid_from <= day] or versions[:1])[-1]
        wanted = [in_force] if in_force is versions[-1] else [in_force, versions[-1]]
        return [replace(v, plan=replace(v.plan, sessions=())) for v in wanted]

    def planned_sessions(self, athlete_id: int, start: date, end: date) -> list[Session]:
        versions = self.versions.get(athlete_id, [])
        found = []
        for v in versions:
            for s in v.plan.sessions:
                in_force = [x for x in versions if x.valid_from <= s.day]
                if start <= s.day <= end and in_force and in_force[-1] is v:
                    found.append(s)
        return sorted(found, key=lambda s: s.day)

    def record_day(self, athlete_id: int, day: date, status: str, note: str, now: datetime) -> None:
        old = self.days.get((athlete_id, day))
        if old is None:
            self.days[(athlete_id, day)] = (status, note)
        elif status == "done":
            self.days[(athlete_id, day)] = ("done", old[1])

    def add_sets(self, athlete_id: int, sets: Sequence[SetLog], now: datetime) -> None:
        for s in sets:
            self.record_day(athlete_id, s.day, "done", "", now)
        self.sets.setdefault(athlete_id, []).extend(sets)

    def set_logs(
        self, athlete_id: int, exercise: str | None = None, until: date | None = None
    ) -> list[SetLog]:
        return sorted(
            (
                s
                for s in self.sets.get(athlete_id, [])
                if (exercise is None or s.exercise == exercise)
                and (until is None or s.day <= until)
            ),
            key=lambda s: s.day,
        )

    def performed(
        self, athlete_id: int, start: date, end: date, *, with_sets: bool = True
    ) -> list[Performed]:
        return [
            Performed(
                day,
                status,
                note,
                tuple(s for s in self.sets.get(athlete_id, []) if s.day == day and with_sets),
            )
            for (who, day), (status, note) in sorted(self.days.items())
            if who == athlete_id and start <= day <= end
        ]

    def last_exposures(
        self, athlete_id: int, exercises: Sequence[str], count: int, until: date
    ) -> list[SetLog]:
        found: list[SetLog] = []
        days: set[date] = set()
        for exercise_id in set(exercises):
            logged = sorted({s.day for s in self.set_logs(athlete_id, exercise_id, until)})
            kept = set(logged[-count:] if count > 0 else [])
            days |= kept
            found += [s for s in self.set_logs(athlete_id, exercise_id) if s.day in kept]
        found += [
            s
            for s in self.sets_on(athlete_id, sorted(days))
            if s.pain > 0 and s.exercise not in exercises
        ]
        return sorted(found, key=lambda s: s.day)

    def pain_sets(self, athlete_id: int, threshold: int, until: date, limit: int) -> list[SetLog]:
        hurt = [s for s in self.set_logs(athlete_id, until=until) if s.pain >= threshold]
        days = set(sorted({s.day for s in hurt})[-limit:] if limit > 0 else [])
        return [s for s in hurt if s.day in days]

    def first_pain_free_day(
        self, athlete_id: int, exercises: Sequence[str], after: date, until: date
    ) -> date | None:
        for day in sorted({s.day for s in self.set_logs(athlete_id, until=until)}):
            working = [
                s for s in self.sets.get(athlete_id, []) if s.day == day and s.exercise in exercises
            ]
            if day > after and working and all(s.pain == 0 for s in working):
                return day
        return None

    def sets_on(self, athlete_id: int, days: Sequence[date]) -> list[SetLog]:
        wanted = set(days)
        return [s for s in self.set_logs(athlete_id) if s.day in wanted]

    def last_done(self, athlete_id: int, before: date) -> date | None:
        done = [d for (who, d), (status, _) in self.days.items() if who == athlete_id]
        done = [d for d in done if d < before and self.days[(athlete_id, d)][0] == "done"]
        return max(done, default=None)

    def progress(self, athlete_id: int, exercise: str) -> list[ProgressPoint]:
        points = []
        for day, group in groupby(self.set_logs(athlete_id, exercise), key=lambda s: s.day):
            sets = list(group)
            loads = [s.load_kg for s in sets if s.load_kg is not None]
            efforts = [s.effort for s in sets if s.effort is not None]
            points.append(
                ProgressPoint(
                    day=day,
                    sets=len(sets),
                    top_load_kg=max(loads) if loads else None,
                    total_reps=sum(s.reps or 0 for s in sets),
                    best_reps=max((s.reps or 0) for s in sets),
                    max_effort=max(efforts) if efforts else None,
                    max_pain=max(s.pain for s in sets),
                    form_ok=all(s.form_ok for s in sets),
                )
            )
        return points

    def logged_set(self, athlete_id: int, client_id: str) -> LoggedSet | None:
        return self.logged.get((athlete_id, client_id))

    def add_logged_set(self, athlete_id: int, logged: LoggedSet, now: datetime) -> None:
        if (athlete_id, logged.client_id) in self.logged:
            raise ConflictError(f"set {logged.client_id} was logged meanwhile")
        self.logged[(athlete_id, logged.client_id)] = logged
        self.add_sets(athlete_id, [logged.set], now)

    def save_feed_token(self, athlete_id: int, token_hash: str, now: datetime) -> None:
        self.feed_tokens[athlete_id] = token_hash

    def delete_feed_token(self, athlete_id: int) -> bool:
        return self.feed_tokens.pop(athlete_id, None) is not None

    def athlete_by_feed_token(self, token_hash: str) -> Athlete | None:
        who = next((a for a, h in self.feed_tokens.items() if h == token_hash), None)
        return None if who is None else self.athlete_by_id(who)

    def save_care(self, athlete_id: int, record: CareRecord, now: datetime) -> None:
        self.care[(athlete_id, record.day, record.injury)] = record

    def care_records(self, athlete_id: int, injury: str | None = None) -> list[CareRecord]:
        return [
            record
            for (who, day, name), record in sorted(self.care.items())
            if who == athlete_id and (injury is None or name == injury)
        ]


class FakeUnitOfWork(AbstractUnitOfWork):
    """Copies the repository on entry and publishes it only on commit."""

    def __init__(self, repo: FakeRepository | None = None) -> None:
        self.committed = repo or FakeRepository()
        self.commits = 0

    def __enter__(self) -> FakeUnitOfWork:
        self.repo = copy.deepcopy(self.committed)
        return self

    def commit(self) -> None:
        assert isinstance(self.repo, FakeRepository)
        self.committed = copy.deepcopy(self.repo)
        self.commits += 1

    def rollback(self) -> None:
        pass
