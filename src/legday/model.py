"""The runner's world as small immutable types.

Everything in the core (rules, planner, progression) speaks these types and nothing else,
so adapters (calendars, exports, store, CLI, web) only ever translate to and from them.
Data flows one way: calendar -> runs -> plan -> sessions -> logs -> next prescription.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, ClassVar, TypeVar

from legday.race_marks import without_mark

__all__ = [
    "ALWAYS_AT_HAND",
    "CARE_NEEDS",
    "EVENTS",
    "HARD_RUN_KINDS",
    "IMPLEMENTS",
    "INJURIES",
    "LIGHT_PHASES",
    "MAJOR_GROUPS",
    "MASTERS_AGE",
    "MAX_RPE",
    "PATTERNS",
    "PRIORITIES",
    "PROBLEM_NAMES",
    "REST_PHASES",
    "UNSURE",
    "WEEKLY_GROUPS",
    "WEEKLY_GROUPS_IN_ORDER",
    "CareRoutine",
    "Citation",
    "Cooldown",
    "Cues",
    "Equipment",
    "Exercise",
    "ExerciseKind",
    "Level",
    "Lighter",
    "Muscle",
    "Phase",
    "Picture",
    "Plan",
    "Pose",
    "Prescription",
    "Profile",
    "Prop",
    "Race",
    "Role",
    "Run",
    "RunKind",
    "Session",
    "StrengthDay",
    "Violation",
    "Warmup",
    "WarmupSet",
    "Week",
    "problem_name",
    "rep_tempo",
]


class RunKind(StrEnum):
    """How demanding a calendar entry is; `hard`, `long` and `race` keep strength away."""

    EASY = "easy"
    HARD = "hard"
    LONG = "long"
    RACE = "race"
    REST = "rest"


HARD_RUN_KINDS = frozenset({RunKind.HARD, RunKind.LONG, RunKind.RACE})

# A race's importance: A is the goal (taper, a week off after), B a tune-up (a race week),
# C a short or club race (its day and the day before kept free, the week still lifts once).
# None: not a race, or not yet known.
PRIORITIES = ("A", "B", "C", None)

# A calendar reading less sure than this is unsure: shown with the override that fixes it,
# and a run read this unsure is planned on the safe side (hard, and maybe a race).
UNSURE = 0.6

# `movement-quality`: effort never above RPE 8, i.e. at least two reps left in reserve.
MAX_RPE = 8


class Muscle(StrEnum):
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    CALVES = "calves"
    HIP_ABDUCTORS = "hip-abductors"
    HIP_ADDUCTORS = "hip-adductors"
    CORE = "core"
    SHINS = "shins"
    FEET = "feet"


# `several-groups`: shins and feet count as one group.
MAJOR_GROUPS: dict[Muscle, str] = {
    Muscle.QUADS: "quads",
    Muscle.HAMSTRINGS: "hamstrings",
    Muscle.GLUTES: "glutes",
    Muscle.CALVES: "calves",
    Muscle.HIP_ABDUCTORS: "hip-abductors",
    Muscle.HIP_ADDUCTORS: "hip-adductors",
    Muscle.CORE: "core",
    Muscle.SHINS: "shins/feet",
    Muscle.FEET: "shins/feet",
}
# in the order the composer fills them when a week still misses some
WEEKLY_GROUPS_IN_ORDER = (
    Muscle.QUADS,
    Muscle.HAMSTRINGS,
    Muscle.GLUTES,
    Muscle.CALVES,
    Muscle.HIP_ABDUCTORS,
    Muscle.CORE,
)
WEEKLY_GROUPS = frozenset(WEEKLY_GROUPS_IN_ORDER)

INJURIES: dict[str, str] = {
    "shin-splints": "shin splints (medial tibial stress syndrome)",
    "runners-knee": "runner's knee (patellofemoral pain)",
    "achilles": "Achilles tendon pain",
    "achilles-insertional": "Achilles pain where the tendon meets the heel bone (insertional)",
    "it-band": "iliotibial band syndrome",
    "plantar-fascia": "plantar heel pain (plantar fasciopathy)",
    "hamstring": "hamstring strain or tendinopathy",
}

# Each problem as a sentence names it to the athlete ("for your Achilles and runner's
# knee"), never its id ("achilles", "runners-knee").
PROBLEM_NAMES: dict[str, str] = {
    "shin-splints": "shin splints",
    "runners-knee": "runner's knee",
    "achilles": "Achilles",
    "achilles-insertional": "insertional Achilles",
    "it-band": "IT band",
    "plantar-fascia": "plantar heel pain",
    "hamstring": "hamstring",
}


def problem_name(injury: str) -> str:
    """The problem in the athlete's words; an id without a name is spelt out."""
    return PROBLEM_NAMES.get(injury, injury.replace("-", " "))


# `injury-care`: per problem, the muscles its care exercises must reach in every session.
CARE_NEEDS: dict[str, tuple[Muscle, ...]] = {
    "shin-splints": (Muscle.CALVES, Muscle.SHINS),
    "runners-knee": (Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.HIP_ABDUCTORS),
    "achilles": (Muscle.CALVES,),
    "achilles-insertional": (Muscle.CALVES,),
    "it-band": (Muscle.HIP_ABDUCTORS,),
    "plantar-fascia": (Muscle.CALVES, Muscle.FEET),
    "hamstring": (Muscle.HAMSTRINGS,),
}


# What a strength exercise does, for choosing a block's anchor lifts: a squat or lunge
# pattern, a hinge and a calf lift (docs/planner.md). "" for everything else.
PATTERNS = (
    "squat",
    "lunge",
    "hinge",
    "bridge",
    "calf",
    "knee-flexion",
    "hip-abduction",
    "hip-adduction",
    "core",
    "foot",
    "shin",
)

# The race distances and terrains a profile may name; they shape what a block leans on
# (trail and ultra: downhill and eccentric work; track: reactive plyometrics).
EVENTS = ("5k", "10k", "half", "marathon", "ultra", "trail", "track", "cross-country")

# From this age an athlete gets more recovery between hard days and keeps power work.
MASTERS_AGE = 50

# When a session or care routine without a start is shown (the exports), and so when the
# athlete does it: after the day's last timed run, else in the early evening, late enough
# to follow a morning or lunchtime run, early enough to leave the evening free.
DEFAULT_START = time(18, 0)

# How a load is carried: "dumbbells" is a pair (the kg is each), "kettlebell" one bell,
# "barbell" the bar with its plates (the kg is the total). Bodyweight and bands carry none.
IMPLEMENTS = ("dumbbells", "kettlebell", "barbell")


class Role(StrEnum):
    """What an exercise is in a session; sets follow the role."""

    ANCHOR = "anchor"  # a block's main lift: in every session of the block, progressing
    ACCESSORY = "accessory"  # rotates for variety and coverage
    BALANCE = "balance"
    PLYOMETRIC = "plyometric"  # dosed in foot contacts
    CARE = "care"  # for one of the athlete's problems
    # a fast, jump-free lift that stands in for jumps when they must wait (a key run
    # within 48 h, injury care) and keeps a masters athlete's power work
    POWER = "power"


class ExerciseKind(StrEnum):
    WARMUP = "warmup"
    STRENGTH = "strength"
    BALANCE = "balance"
    PLYOMETRIC = "plyometric"
    MOBILITY = "mobility"
    STRETCH = "stretch"
    CARDIO = "cardio"


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {level: index for index, level in enumerate(Level)}


class Equipment(StrEnum):
    """What an exercise needs. `bodyweight` and `wall` are always at hand."""

    BODYWEIGHT = "bodyweight"
    WALL = "wall"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    BAND = "band"
    STEP = "step"
    BENCH = "bench"
    BOX = "box"
    MAT = "mat"
    MACHINE = "machine"


ALWAYS_AT_HAND = frozenset({Equipment.BODYWEIGHT, Equipment.WALL})


class Phase(StrEnum):
    """What a week is for, from the races in the calendar (and recovery cadence)."""

    OFF_SEASON = "off-season"
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RACE = "race"
    POST_RACE = "post-race"
    RECOVERY = "recovery"
    BLOCKED = "blocked"


class Lighter(StrEnum):
    """Why a session is lighter than the athlete's full one on purpose, and so may take
    less than the minutes they asked for. A full session (none of these) fills them, within
    10 % (issue 13: honest sessions)."""

    TAPER = "taper"  # the weeks before a goal race: half the sets
    RACE_WEEK = "race-week"  # an A or B race's week: one short session, fresh legs for it
    RECOVERY_WEEK = "recovery-week"  # a recovery week's one light session
    MAINTENANCE = "maintenance"  # a C-race week's one short session
    # the week after a long race, and the first week back after a goal race
    BACK_FROM_RACE = "back-from-race"
    KEY_RUN_EVE = "key-run-eve"  # the day before a hard or long run: a set fewer, RPE lower


# Weeks in which fewer than two sessions are allowed (`frequency`).
LIGHT_PHASES = frozenset({Phase.RACE, Phase.POST_RACE, Phase.RECOVERY, Phase.BLOCKED})
# Weeks with no strength at all; they count as the month's recovery week.
REST_PHASES = frozenset({Phase.POST_RACE, Phase.RECOVERY, Phase.BLOCKED})


class _Value:
    """Equality, hash and repr of the model types, written once here.

    dataclasses compiles these three methods anew for every class (each an `exec`), ~4 ms
    of every `legday` start for the types below; they ask it for `eq=False, repr=False`
    and inherit these, which behave as the generated ones: the compared fields as a tuple,
    equal only within one class, the same hash, `Name(field=value, ...)`. Comparing or
    hashing takes about twice as long; nothing hot does either (the planner does neither).
    Every type also has a docstring: dataclasses would make one with `inspect.signature`.
    """

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # set by @dataclass on each type
    _compared: ClassVar[attrgetter[tuple[Any, ...]]]
    _shown: ClassVar[tuple[str, ...]]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared(self) == self._compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared(self))

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"


_V = TypeVar("_V", bound=_Value)


def _value(cls: type[_V]) -> type[_V]:
    """Give a `_Value` dataclass the fields its equality, hash and repr read; refuses a
    class set up otherwise (at import, not at its first comparison)."""
    params = getattr(cls, "__dataclass_params__", None)
    if not issubclass(cls, _Value) or params is None or params.eq or params.repr:
        raise TypeError(f"{cls.__name__}: use @_value on a _Value dataclass(eq=False, repr=False)")
    if not params.frozen:
        raise TypeError(f"{cls.__name__}: model types are frozen")
    compared = [f.name for f in fields(cls) if f.compare]
    if len(compared) < 2:  # one name would give attrgetter a bare value, not a tuple
        raise TypeError(f"{cls.__name__}: a model type compares at least two fields")
    cls._compared = attrgetter(*compared)
    cls._shown = tuple(f.name for f in fields(cls) if f.repr)
    return cls


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Citation(_Value):
    """Where the evidence for an injury-care exercise comes from."""

    source: str
    year: int
    note: str = ""
    doi: str = ""


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Cues(_Value):
    """Form cues every exercise carries (`form-first`, `movement-quality`)."""

    setup: str
    movement: str
    range: str
    breathing: str
    lockout: str

    def as_list(self) -> tuple[str, ...]:
        return (self.setup, self.movement, self.range, self.breathing, self.lockout)


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Pose(_Value):
    """One key position of an exercise picture, as the joint angles written in its data file.

    `angles` keeps the names as written (`knee` for both legs, `left_knee` for one); the
    picture code (`legday.pictures`) resolves them. `shift`/`lift` move the figure forward
    and up from where its anchor stood in the first pose (a jump leaves the floor).
    """

    name: str
    angles: tuple[tuple[str, float], ...] = ()
    lift: float = 0.0
    shift: float = 0.0


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Prop(_Value):
    """Something drawn with the figure: `kind` placed `at` a body point in pose `pose`."""

    kind: str
    at: str = ""
    pose: str = ""
    to: str = ""


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Picture(_Value):
    """How to draw an exercise: a view, props and 2-3 key poses (see docs/pictures.md)."""

    view: str
    poses: tuple[Pose, ...]
    props: tuple[Prop, ...] = ()
    working_side: str | None = None
    anchor: str = ""
    base: str = "floor"
    first_move: str = "lower"
    motion: str = "back-and-forth"
    focus: str = ""  # "feet": also draw the feet magnified (small foot and ankle movements)


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Exercise(_Value):
    """One reviewed catalogue entry (see `catalogue/data/<id>.toml`)."""

    id: str
    name: str
    kind: ExerciseKind
    muscles: tuple[Muscle, ...]
    # one-legged leg work: one leg stands, steps, hops, lands or drives the body on its
    # own (`one-legged` counts it); its dose is per side
    unilateral: bool
    balance: bool
    equipment: tuple[Equipment, ...]
    level: Level
    tempo: str
    cues: Cues
    measure: str = "reps"  # "reps", "seconds" or "minutes"
    regressions: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()
    injury_care: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()
    description: str = ""
    loadable: bool = False  # can take external load (dumbbells, kettlebell, barbell)
    fit_category: str = ""
    fit_name: str = ""
    picture: Picture | None = None
    pattern: str = ""  # one of PATTERNS for strength work
    stage: int = 0  # plyometrics: 1 landings, 2 pogo hops, 3 bounds and hops for distance
    # plyometrics: "stick" (a landing drill: land and hold still) or "rebound" (reactive:
    # short, springy contacts, as in pogo hops and bounds)
    landing: str = ""
    # strength work lifted as fast as control allows (and lowered slowly): a power lift,
    # never an anchor or an accessory
    power: bool = False
    # done on each side in turn though not one-legged: a clamshell, a side plank with leg
    # lift, a foot drill (its dose is per side; `one-legged` does not count it)
    each_side: bool = False

    @property
    def lower_body(self) -> bool:
        return bool(set(self.muscles) - {Muscle.CORE})

    @property
    def per_side(self) -> bool:
        """Done on each side in turn: its reps, holds and sets are per side."""
        return self.unilateral or self.each_side


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Run(_Value):
    """A calendar entry on the running plan, already classified."""

    day: date
    title: str
    kind: RunKind
    start: time | None = None
    end: time | None = None
    minutes: int | None = None
    is_strength: bool = False  # an existing strength session found in the calendar
    reason: str = ""  # why it got its kind, shown by `legday runs`
    source: str = ""  # file and line or UID
    # How sure the reading is, 0..1; below `UNSURE` the entry is listed with its fix.
    confidence: float = 1.0
    # A race's importance: "A" (goal), "B" (tune-up), "C" (short/club); None otherwise.
    priority: str | None = None
    # A timed event that is not running (a ride, a swim, a meeting): it only holds its time.
    busy: bool = False
    # A time trial: a hard run that is an all-out effort though not a race (no race week,
    # no taper); the planner keeps the day before it free of strength, as before a race.
    all_out: bool = False
    # When the run is over (`run-first`): its end, else start + duration or an hour.
    # Worked out once: the planner and the rules ask it of every run of every plan.
    finish: time | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finish", self._finish())

    @property
    def day_order(self) -> tuple[time, bool]:
        """Where it stands among its day's entries: untimed ones first, then by start;
        busy time after a run starting with it (the planner and the plan file agree)."""
        return self.start or time.min, self.busy

    @property
    def running(self) -> bool:
        """A run the legs do: neither a strength session nor busy time (a ride, a swim)."""
        return not (self.is_strength or self.busy)

    @property
    def key(self) -> bool:
        """A run the legs must come to fresh: a hard or long run, a race or a time trial.
        The 48 h before it stay clear of jumps and of sets above RPE 7 (issue 13)."""
        return self.running and (self.kind in HARD_RUN_KINDS or self.all_out)

    def _finish(self) -> time | None:
        if self.end is not None or self.start is None:
            return self.end
        ended = datetime.combine(self.day, self.start) + timedelta(minutes=self.minutes or 60)
        return ended.time() if ended.date() == self.day else time(23, 59)


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Race(_Value):
    """A race day as the plan treats it: how important it is and what it is called.

    "A" (goal): a taper before and a week without strength after; "B" (tune-up): a race
    week; "C" (short or club): its day and the day before stay free, the week lifts on.
    """

    day: date
    priority: str
    title: str = "race"

    @property
    def label(self) -> str:
        """Like "C race (club 5K)", for notes and messages; a priority the title marks
        itself is left out of the name ("A race: 1500m" reads "A race (1500m)")."""
        name = without_mark(self.title)
        return f"{self.priority} race ({name})" if name else f"{self.priority} race"


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Profile(_Value):
    """What the athlete told us; everything the planner may not guess."""

    start: date
    weeks: int = 16
    sessions: int | None = None  # 2 or 3; None means the phase decides
    injuries: tuple[str, ...] = ()
    equipment: frozenset[Equipment] = ALWAYS_AT_HAND
    level: Level = Level.BEGINNER
    minutes: int = 45
    days: frozenset[int] = frozenset(range(7))  # weekday numbers, Monday = 0
    recovery_every: int = 4
    seed: int = 0
    blocked: frozenset[date] = frozenset()
    races: tuple[date, ...] = ()  # extra races not in the calendar
    # The priority the athlete gave a race day ("A", "B" or "C"), by day; it wins over the
    # calendar's reading. A day in `races` without one here is a goal race (A).
    race_priorities: tuple[tuple[date, str], ...] = ()
    dominant_leg: str | None = None
    timezone: str | None = None
    # Per weekday (Monday = 0) the wall-clock window a session must start and end in,
    # sorted by weekday; a weekday without one may use any time of day.
    windows: tuple[tuple[int, time, time], ...] = ()
    age: int | None = None
    event: str | None = None  # one of EVENTS
    # The weights the athlete owns, in kg: dumbbells (pairs) and kettlebells by weight,
    # barbell plates by weight (each a pair), and the bar. Empty means a typical set.
    dumbbells_kg: tuple[float, ...] = ()
    kettlebells_kg: tuple[float, ...] = ()
    plates_kg: tuple[float, ...] = ()
    bar_kg: float = 20.0
    # The athlete's body weight in kg, when given: a barbell lift's first load is a share
    # of it (`planner.dose.start_load`); without it a light runner's is assumed.
    body_kg: float | None = None

    @property
    def masters(self) -> bool:
        return self.age is not None and self.age >= MASTERS_AGE

    @property
    def end(self) -> date:
        return self.start + timedelta(days=7 * self.weeks - 1)

    def window(self, weekday: int) -> tuple[time, time] | None:
        """The (opens, closes) window of that weekday, or None when any time will do."""
        for day, opens, closes in self.windows:
            if day == weekday:
                return opens, closes
        return None


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Warmup(_Value):
    """One warm-up item of a session: an exercise done for some minutes; `jog` marks the
    easy jog that opens it (the player counts it down apart from the drills)."""

    exercise: str
    minutes: float
    jog: bool = False


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Cooldown(_Value):
    """One cool-down item of a session: an exercise (mostly a stretch) held for some seconds."""

    exercise: str
    seconds: int


def rep_tempo(tempo: str, seconds: int | None) -> str:
    """The tempo a prescription carries: rep work's down-pause-up rhythm, and none for
    timed work (a hold, a walk), whose pace is the clock's: "2-0-2" on a plank reads as
    a lift to count (issue 13)."""
    return "" if seconds is not None else tempo


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class WarmupSet(_Value):
    """A lighter set before a heavy barbell lift's first work set (the empty bar, then
    about half and three quarters of the load): no work set, so the logbook and the rules
    do not count it, but its time is in the session's minutes."""

    reps: int
    load_kg: float


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Prescription(_Value):
    """One exercise of a session's main block, self-contained so a plan can be checked alone."""

    exercise: str
    sets: int
    reps: int | None
    seconds: int | None
    per_side: bool
    load: str
    tempo: str
    target_rpe: int
    muscles: tuple[Muscle, ...]
    unilateral: bool
    balance: bool
    injury_care: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    kind: ExerciseKind = ExerciseKind.STRENGTH
    rest_seconds: int = 60
    new: bool = False  # first time in this plan (`variety`)
    role: Role = Role.ACCESSORY
    load_kg: float | None = None  # the number behind `load`; per hand for dumbbells
    implement: str = ""  # one of IMPLEMENTS, "" without external load
    extra_side: str | None = None  # "left"/"right": the weaker leg starts and does a set more
    # the dose (sets, reps, kg) is a care protocol's stage, not the strength plan's: it
    # climbs with care's weekly ramp and steps, never by the session's kg progression
    care_dose: bool = False
    warmup_sets: tuple[WarmupSet, ...] = ()  # ramping sets before the first work set

    @property
    def contacts(self) -> int:
        """Foot contacts, the dose of plyometric work (each side counted)."""
        return self.sets * (self.reps or 0) * (2 if self.per_side else 1)


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Session(_Value):
    """A strength session on one day, with the reasons it looks as it does."""

    day: date
    minutes: int
    warmup: tuple[Warmup, ...]
    main: tuple[Prescription, ...]
    cooldown: tuple[Cooldown, ...]
    why: str
    start: time | None = None
    phase: Phase = Phase.BUILD
    music: str = ""  # `enjoyment`: a beat to train to
    block: int = 0  # which block of the plan (1, 2, ...; 0 unknown), for `progression`
    music_bpm: tuple[int, int] | None = None  # the music line's beat range, for a player
    lighter: Lighter | None = None  # why it is lighter on purpose; None: a full session
    exercise_ids: frozenset[str] = field(init=False, repr=False, compare=False)

    @property
    def warmup_jog_minutes(self) -> float:
        """How long the warm-up's easy jog lasts (0 without one)."""
        return sum(w.minutes for w in self.warmup if w.jog)

    def __post_init__(self) -> None:
        # the main block's identity, asked for often by `variety`; computed once
        object.__setattr__(self, "exercise_ids", frozenset(map(_EXERCISE, self.main)))


_EXERCISE = attrgetter("exercise")


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class StrengthDay(_Value):
    """A strength session already trained (from the logbook), given to the planner.

    It is neither a run nor a session to compose: in the plan's horizon it is a fixed
    strength day that counts toward its week (`frequency`, `spacing`, `recovery-week`),
    and its exercises are no first exposures (`variety`).
    """

    day: date
    exercises: frozenset[str] = frozenset()
    # what it was planned with, so the plan's doses go on from it without a jump
    main: tuple[Prescription, ...] = ()


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class CareRoutine(_Value):
    """A short injury-care routine on a day without strength (`care-routine`): one
    protocol's stage, its eve form before a key run, or its lightest form after a hard run."""

    day: date
    injury: str  # an id of INJURIES
    stage: int
    minutes: int
    exercises: tuple[Prescription, ...]
    why: str
    frequency: str = "daily"  # the stage's: daily, every-other-day, 3-per-week
    start: time | None = None
    lightest: bool = False
    on_hard_days: bool = False  # the protocol loads on hard-run days too (lightest form)
    eve: bool = False  # the stage's dose lightened for a key run's eve: one set fewer each


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Week(_Value):
    """One week of the plan: what it is for, why, and how many sessions it aims at."""

    start: date
    phase: Phase
    note: str
    target: int  # strength sessions the planner aimed for

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Violation(_Value):
    """A rule a plan breaks, or a soft target it misses, in plain words."""

    rule: str
    day: date | None
    message: str
    hard: bool = True


@_value
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Plan(_Value):
    """A strength season: its weeks, the runs it was planned around, its sessions and the
    rules it breaks or soft targets it misses."""

    start: date
    end: date
    weeks: tuple[Week, ...]
    runs: tuple[Run, ...]
    sessions: tuple[Session, ...]
    violations: tuple[Violation, ...] = ()
    profile: Profile | None = None
    recovery_every: int = 4
    injuries: tuple[str, ...] = field(default=())
    races: tuple[date, ...] = ()  # every race day of the plan (calendar, profile, --race)
    # Each race day with the priority the plan gave it (most important race of the day);
    # empty in plans written before priorities existed.
    race_days: tuple[Race, ...] = ()
    # The athlete's level and kit when known: `one-legged` only counts as missed what they
    # allowed ("where equipment and level allow").
    level: Level | None = None
    equipment: frozenset[Equipment] | None = None
    care: tuple[CareRoutine, ...] = ()  # injury-care routines between strength days
    blocked: frozenset[date] = frozenset()  # days the athlete blocked: no strength, no care
    # Strength already trained on days of the plan (the logbook's): counted, not composed.
    strength_days: tuple[StrengthDay, ...] = ()
    # The IANA zone the plan's clock times are in (profile, --tz or the calendar), so every
    # export is zoned without being told; None: floating local times.
    timezone: str | None = None

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]
