"""What goes into one session: warm-up, anchor lifts and their companions, cool-down.

At a block's first session the composer picks its anchor lifts (docs/planner.md): a
squat or lunge pattern, a hinge (a bridge only when no hinge is doable) and a calf lift,
single-leg where the kit allows. They stay in every session of the block and progress
week by week (`progression`); the next block takes each anchor's harder variation or a
fresh lift of the same pattern, and a bodyweight anchor the athlete has outgrown (done
twice at its slowest lowering and top reps) moves on to its harder variation at once, one
level above theirs at most; with none in their kit its pause at the bottom lengthens.
Around them the session adds what the rules ask for: care for the athlete's problems
(`injury-care`), the week's muscle groups (`several-groups`), a balance exercise
(`balance`) and, where the week allows, the block's jump drill: one drill kept through the
block and dosed in foot contacts that climb week by week, its stage rising across blocks
from landings to pogo hops to bounds. Where jumps must wait (a key run within 48 h, injury
care) or a masters athlete does not jump, a power lift (fast up, slow down, no jump)
stands in. The other companions rotate, least recently used first, with a bonus for
one-legged work (`one-legged`) and a per-plan seeded jitter for ties, so sessions change
(`variety`, `enjoyment`) and the same inputs and seed give the same plan.

The doses come from `planner/dose.py`, the fitting into the athlete's minutes from
`planner/fit.py`, and the words of the why from `planner/words.py`. What the athlete may
do comes from `planner/pools.py`, the warm-up and cool-down from `planner/mobility.py`,
the jump progression from `planner/jumps.py`, and what was trained so far is kept in
`planner/memory.py`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from legday.care import KNEE_PROBLEMS, cared_for, loads_the_knee
from legday.catalogue import Catalogue
from legday.kit import Kit
from legday.model import (
    MAX_RPE,
    WEEKLY_GROUPS,
    WEEKLY_GROUPS_IN_ORDER,
    Cooldown,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Prescription,
    Profile,
    Race,
    Role,
    Session,
    StrengthDay,
    Warmup,
)
from legday.planner.care.in_session import CareFit
from legday.planner.dose import (
    BEFORE_KEY_RUN_RPE,
    BODYWEIGHT_REPS,
    EASING_PHASES,
    HOLD_SECONDS,
    MOST_JUMP_SETS,
    MOST_PAUSE,
    POWER_MOST_SETS,
    WORKING_RPE,
    Dose,
    Occasion,
    at_the_rack_top,
    at_the_top,
    bodyweight_top,
    budget_share,
    carried_load,
    carries,
    carries_from,
    climbs,
    comparable,
    contacts_due,
    dose_for,
    effort_kept,
    first_exposure,
    for_the_week,
    heavy_climb,
    heavy_top,
    jump_dose,
    lowering,
    next_weight,
    pause,
    per_leg_kg,
    power_climb,
    primer,
    rack_end,
    reached,
    resumed,
    rose_since,
    slower,
    stepped,
    within_reach,
)
from legday.planner.fit import (
    FEWEST_ANCHOR_SETS,
    Pick,
    dosed_pick,
    groups,
    no_token_companions,
    token_floor,
    tokens,
    trim,
    with_sets,
)
from legday.planner.jumps import Jumps
from legday.planner.memory import SessionMemory
from legday.planner.mobility import (
    DRILLS,
    FEWEST_DRILLS,
    FEWEST_STRETCHES,
    STRETCHES,
    Mobility,
    work_by_muscle,
)
from legday.planner.pools import (
    ANCHOR_KINDS,
    ECCENTRIC_EVENTS,
    athlete_pools,
    band_loaded,
    event_work,
    heavy_barbell,
)
from legday.planner.words import resting_anchor, session_notes
from legday.progression.loads import (
    MAX_ECCENTRIC,
    RISE_AFTER_SESSIONS,
    RISE_EVERY_DAYS,
    ramp,
    ramps_in_order,
)
from legday.rules.progression import FIRST_SETS
from legday.rules.session import MIN_GROUPS

__all__ = [
    "CareLens",
    "Composer",
    "SessionAsk",
    "SessionParts",
    "doses_of",
    "stand_ins",
]

# What care makes of a main block (planner/care.py `care_fit`): the block the athlete does,
# and how much longer it takes.
CareLens = Callable[[tuple[Prescription, ...]], CareFit]

NO_MUSCLES: set[Muscle] = set()  # a default: never changed
NO_VARIANTS: frozenset[str] = frozenset()

SHORT_SESSION_MINUTES = 30  # at or below: a drill and a stretch fewer
# where anchors lead (`_anchor_sets_lead`), a short session holds this many of its block's
# anchors, each at its block sets; the others rest to the next session (`_resting`)
SHORT_SESSION_ANCHORS = 2
FIT_TOLERANCE = 0.10  # a session may be this much shorter than asked, never longer
# Filling aims this close to the minutes asked: care's dose and the rounding to whole
# minutes then still leave the session within FIT_TOLERANCE of them.
FILL_AIM = 0.05
# Care doses the work near a sore area at its stage after the composer (planner/care.py);
# the fitting measures what care will make of the session this many times at most.
CARE_ROUNDS = 2
OVERRUN = "takes a little longer than your time"  # said when the rules' minimum will not fit
MOST_ANCHOR_SETS = 4
ANCHOR_BLOCKS = 1  # an anchor may move on after this many blocks (one anchor a boundary)
# An anchor done this many times at the top of its progression has been outgrown: a
# bodyweight lift at its slowest lowering and top reps (its longest hold), a loaded one at
# the top of the athlete's rack at the top of its range (`at_the_rack_top`); it moves on
# at once
OUTGROWN_AFTER = 2
# An advanced lift's first exposure waits until the athlete owns a variation one link
# easier: done in this many sessions (a pistol squat after the single-leg box squat).
OWNED_SESSIONS = 3
# The kinds of work that gate holds for: jumps climb their own stages (docs/planner.md 3.5).
GATED_KINDS = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)

# Choosing among companions: sessions since last use (capped), plus bonuses.
LONG_AGO = 12  # sessions; anything older counts as this old
COVERAGE_BONUS = 2.0  # per muscle still missing that the exercise works
LAST_SESSION_PENALTY = 6.0  # in the previous session

ECCENTRIC_LOWERING = 4  # seconds: the squat anchor's tempo for trail and ultra

MASTERS_RPE = 7  # masters' working sets stop three reps short at most
MASTERS_SETS = 3  # and an anchor's sets stop at three, so weekly volume climbs slowly
MASTERS_WEEKLY_RISE = 0.2  # a session's sets at most 20 % above last full week's average
# The companions whose sets a masters week or an easing week takes back first
COMPANION_ROLES = (Role.ACCESSORY, Role.BALANCE, Role.CARE)
# The phases whose anchors take their block's sets before a load or rep rise, and keep
# them before a companion keeps its own (`_anchor_sets_lead`): the
# strength-building weeks, and the build's heavy maintenance (issue 13: sets follow the
# lift's role)
SET_FIRST_PHASES = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD})
BLOCK_SETS = 3  # there, an anchor's sets that no companion's second set takes
# The block's jump drill, or the power lift standing in for it: right after the anchors,
# never swapped for variety (`_vary`, `_introduce_new`), and like the anchors kept whole
# when a masters or easing week takes sets back (`_drop_companions`): its contacts are
# its dose, and power work is what a masters athlete keeps
FAST_ROLES = (Role.PLYOMETRIC, Role.POWER)
# A first session's new exercises at most (its anchors and balance or jump picks count):
# a runner new to the gym learns four movements well rather than seven in one go.
FIRST_SESSION_NEW = 4
# After the athlete's first week a session brings at most this many new exercises (needs of
# the hard rules aside): a coach read a week 2 with three new lifts at once (issue 13).
NEW_PER_SESSION = 2
FIRST_WEEK = timedelta(days=7)


Dosed = tuple[str, int, int | None, int | None, str, float | None, int]


def doses_of(main: Iterable[Prescription]) -> tuple[Dosed, ...]:
    """A main block's exercises and doses, in a fixed order: two sessions that hold the
    same are the very same session to the runner."""
    return tuple(
        sorted(
            (p.exercise, p.sets, p.reps, p.seconds, p.tempo, p.load_kg, p.target_rpe) for p in main
        )
    )


def band_earned(best: Exercise, candidates: Sequence[Exercise]) -> list[Exercise]:
    """When a slot's first lift would be one the band loads, the plain lifts among the
    `candidates` it is the harder variation of (the split squat for the banded split
    squat); empty otherwise. The band is a step of load: the plain lift is learned first
    and the band comes as its harder variation at a block's turn (`Composer._harder`), as
    a lifter with weights starts light. A coach read a beginner handed the banded split
    squat in week 1 and then, with nothing harder in the kit, a lateral lunge for the
    other seven weeks."""
    if not band_loaded(best):
        return []
    return [e for e in candidates if not band_loaded(e) and best.id in e.progressions]


# The words an exercise id begins with when it is the same lift with other kit or a band
# (`variation`): a dumbbell single-leg Romanian deadlift is the single-leg Romanian
# deadlift with weights, a kettlebell reverse lunge the reverse lunge with a bell.
KIT_WORDS = ("dumbbell-", "kettlebell-", "barbell-", "banded-", "weighted-")


def _lift(exercise_id: str) -> str:
    """The id without the kit it names first, and a Romanian deadlift as a deadlift: the
    kettlebell single-leg deadlift is the single-leg Romanian deadlift with a bell."""
    for word in KIT_WORDS:
        if exercise_id.startswith(word):
            exercise_id = exercise_id.removeprefix(word)
            break
    return exercise_id.replace("romanian-", "")


def variation(old: Exercise, new: Exercise, catalogue: Catalogue) -> str:
    """How `new` stands to `old`, the anchor of its pattern it takes over from: "kit"
    (the same lift with other kit or a band: their ids differ only by it, no new
    movement), "easier" (one the catalogue's links make easier), "harder" (one of its
    progressions), or "" (another lift). A coach read a renamed lift called new (issue 13).
    A band added to the plain lift is its harder variation, not other kit: the band is the
    load, so the banded split squat after the split squat starts gently (3.21)."""
    if _lift(old.id) == _lift(new.id):
        added_band = band_loaded(new) and not band_loaded(old) and new.id in old.progressions
        return "harder" if added_band else "kit"
    if new.id in catalogue.easier_than(old.id):
        return "easier"
    if new.id in old.progressions or old.id in new.regressions:
        return "harder"
    return ""


def easier_lift(old: Exercise, new: Exercise, catalogue: Catalogue) -> bool:
    """Whether `new` is no harder a variation than `old`, the anchor of its slot it would
    take over from: not the same lift with other kit (`variation`), and one of its easier
    variations by the catalogue's links, else (not one of its harder ones) a lower level,
    or at the same level two legs after one. A coach read a 16 kg single-leg Romanian
    deadlift become a 12 kg kickstand RDL at a block change (issue 13)."""
    if _lift(old.id) == _lift(new.id):
        return False
    if new.id in catalogue.easier_than(old.id):
        return True
    if old.id in catalogue.easier_than(new.id):
        return False
    if new.level is not old.level:
        return new.level.rank < old.level.rank
    return old.unilateral and not new.unilateral


# The muscle a squat-slot anchor must lead with: the slot is the plan's knee-extensor
# work (the quads absorb each landing). A lateral or curtsy lunge leads with the inner or
# outer thigh: as the only quad lift from week 4 on it left a beginner's quads to a side
# step (a coach's read); it stays an accessory, and an anchor only where nothing else is.
SLOT_LEADS = {"squat": Muscle.QUADS, "lunge": Muscle.QUADS}


def leads_its_slot(exercise: Exercise) -> bool:
    """Whether an anchor candidate leads with its slot's own muscle (`SLOT_LEADS`);
    true of every slot without one."""
    lead = SLOT_LEADS.get(exercise.pattern)
    return lead is None or (bool(exercise.muscles) and exercise.muscles[0] is lead)


def stand_ins(pool: Iterable[Exercise], old: Exercise, injuries: Sequence[str]) -> list[Exercise]:
    """What may replace `old` whatever else the session holds: the same leading muscle,
    at least as much balance, and the care `old` gives for the athlete's own problems."""
    care = set(old.injury_care).intersection(injuries)
    return [
        e
        for e in pool
        if e.id != old.id
        and e.muscles[0] is old.muscles[0]
        and e.balance >= old.balance
        and care <= set(e.injury_care)
    ]


@dataclass(frozen=True, slots=True)
class SessionAsk:
    """What the week and the day ask of a session."""

    occasion: Occasion
    budget_seconds: int
    block: int = 0  # the plan's block (0: not known)
    block_week: int = 0  # the week's place in its block
    plyometrics: bool = True  # False less than 48 h before a key run or a race starts
    # True when jumps wait for a key run or race within 48 h or for injury care: a power
    # lift (fast up, slow down, no jump) stands in for the block's drill
    jumps_wait: bool = False
    key_run_ahead: str = ""  # the key run or race less than 48 h ahead, as the why names it
    race_ahead: Race | None = None  # the first race less than a week ahead
    new_allowed: bool = True  # False in race, taper, post-race weeks and near an A race
    # True when no new anchor may start: those weeks, and within three weeks of an A race
    keep_anchors: bool = False
    hold_loads: bool = False  # near an A race, a recovery week: no load above the last
    want_new: bool = False  # `variety`: this block should bring something new
    stepping_back: bool = False  # the week after a long race: a light session only
    recent: Sequence[frozenset[str]] = ()  # the last two weeks' main blocks
    day: date | None = None  # the session's day: a load rises once a week at most
    # the week's muscles worked before this session, and its sessions still to come: a
    # muscle group of the week met elsewhere needs no one-set accessory here
    week_worked: frozenset[Muscle] = frozenset()
    sessions_to_come: int = 0
    # the doses (`doses_of`) of the session before and of the same day's the week before:
    # this one differs from both (the seed's variety and fun)
    repeats: frozenset[tuple[Dosed, ...]] = frozenset()


@dataclass(frozen=True, slots=True)
class SessionParts:
    """A composed session and what its why tells about it."""

    warmup: tuple[Warmup, ...]
    main: tuple[Prescription, ...]
    cooldown: tuple[Cooldown, ...]
    seconds: int
    notes: tuple[str, ...]
    jog_seconds: int = 0

    def with_jog(self, jog: Warmup) -> SessionParts:
        """The same session on its own: it opens with the jog."""
        if self.jog_seconds:
            return self
        seconds = int(jog.minutes * 60)
        return replace(
            self, warmup=(jog, *self.warmup), seconds=self.seconds + seconds, jog_seconds=seconds
        )

    def without_jog(self) -> SessionParts:
        """The same session after a run: the run was the jog, the drills remain."""
        if not self.jog_seconds:
            return self
        return replace(
            self, warmup=self.warmup[1:], seconds=self.seconds - self.jog_seconds, jog_seconds=0
        )


@dataclass(slots=True)
class Block:
    """The anchors of the block under way and the week their progress has reached."""

    number: int = -1
    anchors: list[Exercise] = field(default_factory=list)
    start_kg: dict[str, float] = field(default_factory=dict)
    # per unloaded anchor kept from the block before: the weeks of progress it had made,
    # so its reps, hold or lowering go on from there (a calf raise back at 8 reps each
    # block never progresses: issue 13)
    start_step: dict[str, int] = field(default_factory=dict)
    step: int = 0
    week: tuple[int, int] | None = None  # (block, week of block) last counted
    jump: Exercise | None = None  # the block's jump drill, once a session could jump
    jump_sessions: int = 0  # the sessions that held it
    # per anchor: the block's sessions that held it as care left them (a short session's
    # fitting, or care, may keep an anchor out of every one)
    done: dict[str, int] = field(default_factory=dict)


class Composer:
    """Builds sessions one after another, remembering what was used and when."""

    def __init__(
        self, catalogue: Catalogue, profile: Profile, kit: Kit, event: str | None = None
    ) -> None:
        """`event`: the athlete's main event, the profile's or read from their races'
        titles (`season.race_event`)."""
        self.catalogue = catalogue
        self.level = profile.level
        self.minutes = profile.minutes  # the athlete's: a light session's budget is less
        self.injuries = profile.injuries
        self.event = event or profile.event or ""
        self.masters = profile.masters
        self.weaker_leg = {"left": "right", "right": "left"}.get(
            (profile.dominant_leg or "").lower()
        )
        self.kit = kit
        self.start = profile.start  # the plan's weeks count from here
        # runner's knee: no jumps beside a first time of knee-dominant work, and whether
        # the session composed last held its jumps back for one (`_jumps_or_new_knee_work`)
        self.knee = bool(KNEE_PROBLEMS.intersection(cared_for(profile.injuries)))
        self.jumps_held_for_knee = False
        self.pools = athlete_pools(catalogue, profile, kit, self.event)
        self.memory = SessionMemory()  # what the athlete has trained so far
        self.mobility = Mobility(self.pools, catalogue, self.injuries, self.memory.last_used)
        self.today: date | None = None  # the day of the session being composed
        self.new_limit: int | None = None  # new exercises the session may bring (`_new_limit`)
        # lifts the composer picked that care then took out of the session (`care_took`):
        # the athlete met a care stand-in instead, and will again while its stage holds
        self.taken_by_care: set[str] = set()
        self.worked: set[Muscle] = set()  # the muscles the sessions so far have worked
        # the anchors whose planned set a session's fitting took off, until one holds a set
        # more or the block ends (`_remember_trims`; `_pick`: reps first)
        self.sets_trimmed: set[str] = set()
        # the anchors whose rise in the session being composed is a set
        self.set_rises: set[str] = set()
        # what care brought into the session just composed (`care_changed`: a wall sit
        # standing in for a lunge), and into the session before the one being composed
        self.care_done: frozenset[str] = frozenset()
        self.care_before: frozenset[str] = frozenset()
        # the anchors whose rise the fitting asks to be a set (`_sets_instead`)
        self.sets_now: set[str] = set()
        self.hold_loads = False  # the session being composed holds every load
        self.care: CareLens | None = None  # what care makes of the session being composed
        self.care_shift = 0  # how much longer care makes its main work (fewer: negative)
        # the session's fillers as dosed, by exercise: each fitting round offers the same
        self.fill_picks: dict[str, Pick] = {}
        # the last main block care was asked about, and its answer (`_as_care_makes_it`)
        self.care_seen: tuple[tuple[Prescription, ...], tuple[int, frozenset[str]]] | None = None
        # and the main block care made of it, as the runner will do it (`_as_done`)
        self.care_made: tuple[tuple[Prescription, ...], CareFit] | None = None
        self.week_sets: list[tuple[int, int]] = []  # masters: (week, sets) of recent sessions
        self.last_sets: int | None = None  # the sets of the session composed last
        self.block = Block()
        self.blocks = 0  # blocks started so far
        self.jumps = Jumps(self.level, self.masters, self.event)
        self.anchor_since: dict[str, int] = {}  # each anchor's first block as one
        self.anchor_step: dict[str, int] = {}  # each unloaded anchor's last week of progress
        # each unloaded anchor's exposures at the top of its progression (`_outgrown`)
        self.at_top: dict[str, int] = {}
        # where each one's progression ends (`bodyweight_top`), one leg next or not
        self.tops: dict[tuple[str, bool], Dose] = {}
        self.one_leg_tops: set[str] = set()  # the lifts whose top was their one-leg step
        # a harder variation: the name of the lift it took over from
        # and whether the athlete had outgrown it
        self.harder_of: dict[str, tuple[str, bool]] = {}
        # an anchor that took over from the same lift with other kit or a band: the lift
        # it carries on from, no new movement (`variation`)
        self.carries_on: dict[str, Exercise] = {}
        self.carried: set[str] = set()  # the lifts first met so: no first exposures
        # an anchor that took its slot over from another lift, neither a variation nor
        # other kit: the lift it replaced and whether that had stalled, until the why says so
        self.took_over_from: dict[str, tuple[str, bool]] = {}
        self.replaced: dict[str, str] = {}  # each anchor's lift it took its slot over from
        # an anchor that took over from a lift of its pattern it is a harder (or easier)
        # variation of: new to do, told as a variation of what was done
        self.harder_than: dict[str, str] = {}
        self.easier_than: dict[str, str] = {}
        # outgrown anchors with nothing harder in the athlete's kit, and those told so
        self.kit_end: set[str] = set()
        self.told_kit_end: set[str] = set()
        self.band = Equipment.BAND in profile.equipment
        self.anchor_moved = -1  # the session in which an anchor last changed
        self.moving_on: list[Exercise] = []  # the anchors a block's start may change
        self.downhill_kind: frozenset[str] | None = None  # the block's downhill slot
        # short sessions: the session each anchor last rested in (`_resting`), the one
        # resting in the session being composed, and the anchors each week held so far
        self.rested_at: dict[str, int] = {}
        self.resting: Exercise | None = None
        self.week_anchors: tuple[int, set[str], set[str]] = (-1, set(), set())

    def remember(self, trained: StrengthDay) -> None:
        """Count strength done before the plan: its exercises are no first exposures, and
        the plan's doses go on from its prescriptions without a jump."""
        for exercise_id in trained.exercises:
            self.memory.last_used[exercise_id] = self.memory.count
            self.memory.times_done[exercise_id] += 1
        self.memory.count += 1
        self.memory.first_day = min(self.memory.first_day or trained.day, trained.day)
        self._keep(trained.main, trained.day)
        self.block.jump_sessions += self.jumps.done(
            trained.main, trained.day, self.block.jump, eased=False
        )

    def _keep(self, main: Sequence[Prescription], day: date | None) -> None:
        """Each exercise's last prescription and load, and since when it holds that load
        (`SessionMemory.keep`); and each anchor's sessions at the top of its progression."""
        self.memory.keep(main, day)
        for p in main:
            if p.role is Role.ANCHOR and self._at_the_top(p):
                self.at_top[p.exercise] = self.at_top.get(p.exercise, 0) + 1

    def care_changed(self, composed: Iterable[Prescription], done: Iterable[Prescription]) -> None:
        """Care made the session just composed into `done`: an anchor it took out, or
        dosed below the top of its progression (a split squat a sore knee holds at 6
        reps), was not done at its top."""
        held = {p.exercise: p for p in done}
        self.care_done = frozenset(held) - {p.exercise for p in composed}
        for p in composed:
            if p.role is not Role.ANCHOR or p.load_kg is not None or not self._at_the_top(p):
                continue
            now = held.get(p.exercise)
            if now is None or now.load_kg is not None or not self._at_the_top(now):
                self.at_top[p.exercise] -= 1

    def _at_the_top(self, p: Prescription) -> bool:
        """Whether an anchor's prescription is at the end of its progression: an unloaded
        one at its `bodyweight_top`, a loaded one at the top of the rack and of its range."""
        if p.load_kg is not None:
            return at_the_rack_top(p, self.kit, self.level)
        exercise = self.catalogue.get(p.exercise)
        if exercise is None:  # a coach's own exercise, done before the plan
            return False
        # one leg may come into reach (`_ready`) after the lift's first sessions
        key = (p.exercise, self._one_leg_next(exercise))
        if key[1]:
            self.one_leg_tops.add(p.exercise)
        top = self.tops.get(key)
        if top is None:
            top = self.tops[key] = bodyweight_top(exercise, one_leg_next=key[1])
        return at_the_top(p, top)

    def _one_leg_next(self, anchor: Exercise) -> bool:
        """Whether a two-legged bodyweight anchor's next step is its one-legged harder
        variation, in the athlete's reach (one level above theirs at most, `_ready`): a
        calf raise goes to the single-leg calf raise once its reps top out, before its
        lowering slows (a coach's read found 5 s lowerings on a two-legged calf raise with
        the single-leg one waiting: issue 13). A lift with only two-legged or no harder
        variations slows its lowering as before."""
        if anchor.unilateral or self.pools.implements.get(anchor.id) or not anchor.progressions:
            return False
        if anchor.id not in self.pools.patterns:
            return False
        slot = self._slot(anchor)
        reach = (*self.pools.anchor_pools[slot], *self.pools.next_level_pools[slot])
        return any(e.unilateral and e.id in anchor.progressions and self._ready(e) for e in reach)

    def done(self, exercise: Exercise) -> bool:
        return exercise.id in self.memory.last_used

    def _ready(self, exercise: Exercise) -> bool:
        """Whether the athlete may meet `exercise` now: anything but an advanced lift or
        balance drill; one done before, or without an easier variation in the catalogue,
        or whose easier variation is the same movement with less kit (the dumbbell
        single-leg Romanian deadlift: only its load is new, and the planner loads the
        single-leg Romanian deadlift with dumbbells anyway); else once the athlete has done
        a variation one link easier (`Catalogue.one_step_easier`) in OWNED_SESSIONS
        sessions. A coach read a first pistol squat at 2 x 5 for a runner who had never
        done the single-leg box squat it grows from (issue 13)."""
        if exercise.level is not Level.ADVANCED or exercise.kind not in GATED_KINDS:
            return True
        below = self.catalogue.one_step_easier(exercise.id)
        if self.done(exercise) or not below:
            return True
        if any(_lift(e) == _lift(exercise.id) for e in below):
            return True  # the same movement with less kit below it: only its load is new
        return any(self.memory.times_done[e] >= OWNED_SESSIONS for e in below)

    def _ready_only(self, pool: Iterable[Exercise]) -> list[Exercise]:
        return [e for e in pool if self._ready(e)]

    def care_took(self, exercise_ids: Iterable[str]) -> None:
        """Care took these lifts out of the session just composed (`planner/care.py`)."""
        taken = set(exercise_ids)
        self.taken_by_care.update(taken)
        for exercise_id in taken:  # the athlete did not do them (`_ready` counts sessions)
            self.memory.times_done[exercise_id] = max(0, self.memory.times_done[exercise_id] - 1)
        for exercise_id in taken & set(self.block.done):
            self.block.done[exercise_id] -= 1

    def _remember_trims(self, picks: Iterable[Pick], wanted: Mapping[str, int]) -> None:
        """Mark the anchors whose planned set the session's fitting took off: they move on
        by their reps first (`_pick`) until a session holds a set more than the last, or
        the block ends. Forgotten after one session, a set came back every other session
        only to be trimmed again, and the reps at a 12 kg load held at 4 for weeks."""
        for p in picks:
            if p.role is not Role.ANCHOR:
                continue
            lift = p.exercise.id
            before = self.memory.previous.get(lift)
            if p.dose.sets < wanted.get(lift, 0):
                self.sets_trimmed.add(lift)
            elif before is not None and p.dose.sets > before.sets:
                self.sets_trimmed.discard(lift)

    def _new_to_meet(self, exercise: Exercise) -> bool:
        """Whether the athlete would meet `exercise` for the first time in this session: not
        done before, nor an anchor of the block that care keeps taking out for its stand-in
        (it counts against no `new_limit`; a companion care took may come back)."""
        if self.done(exercise) or self._carried_from(exercise) is not None:
            return False
        kept_out = exercise.id in self.taken_by_care and exercise in self.block.anchors
        return not kept_out

    def waits_for_a_fresh_day(self, exercise: Exercise, ask: SessionAsk) -> bool:
        """Whether `exercise` waits for a session that is no key run's eve, for an athlete
        with runner's knee: knee-dominant one-legged work (a split squat, a step-down, a
        single-leg box squat: `loads_the_knee`) that they would meet for the first time.
        A new movement brings the soreness a first time brings, to a knee that tolerates
        little, and the quads take it into tomorrow's long run or intervals (a coach read
        a new single-leg box squat the day before a long run). Its first time comes on a
        day clear of a key run."""
        return (
            self.knee
            and ask.occasion.eve
            and exercise.unilateral
            and loads_the_knee(exercise)
            and self._first_time(exercise)
        )

    def _first_time(self, exercise: Exercise) -> bool:
        """Whether the athlete has not done `exercise`, nor the same lift with other kit."""
        return not self.done(exercise) and self._carried_from(exercise) is None

    def _new_knee_work(self, main: Iterable[Prescription]) -> list[str]:
        """The knee-dominant lifts of `main` the athlete meets for the first time (jumps
        aside: `loads_the_knee`)."""
        found = []
        for p in main:
            exercise = self.catalogue.get(p.exercise)
            if (
                exercise is not None
                and exercise.kind is not ExerciseKind.PLYOMETRIC
                and loads_the_knee(exercise)
                and self._first_time(exercise)
            ):
                found.append(exercise.id)
        return found

    def _jumps_or_new_knee_work(
        self, picks: list[Pick], ask: SessionAsk, occasion: Occasion
    ) -> int:
        """For runner's knee, a session that meets knee-dominant work for the first time (as
        care makes it: the stage's new single-leg box squat) holds no jumps: the knee meets
        one new load at a time, and a landing is its heaviest (a coach and physio found
        snap-downs beside a new split squat). A power lift clear of the knee's movements
        stands in for the drill (`power`), else nothing; and what the drill alone gave the
        rules (a snap-down is the session's balance work) comes back with an exercise that
        gives it (`_needs_of_the_jumps`). The seconds the main work gained (negative:
        lost)."""
        jumps = [n for n, p in enumerate(picks) if p.role is Role.PLYOMETRIC]
        if not self.knee or not jumps:
            return 0
        main = tuple(p.prescription for p in picks)
        if not self._new_knee_work(self._cared(main).main):
            return 0
        self.jumps_held_for_knee = True
        before = sum(picks[n].seconds for n in jumps)
        chosen = [p.exercise for n, p in enumerate(picks) if n not in jumps]
        options = [
            e for e in self._allowed(self.pools.power, ask, optional=True) if e not in chosen
        ]
        options = self._within_new_limit(options, chosen, optional=True)
        power = self._best(options, ask.recent[-1] if ask.recent else frozenset(), chosen)
        stand_in = [] if power is None else [self._pick(power, Role.POWER, occasion)]
        gone = [picks[n].exercise for n in jumps]
        stand_in += self._needs_of_the_jumps(
            gone, chosen + [p.exercise for p in stand_in], ask, occasion
        )
        for n in reversed(jumps):
            del picks[n]
        picks[jumps[0] : jumps[0]] = stand_in  # where the drill was
        return sum(p.seconds for p in stand_in) - before

    def _needs_of_the_jumps(
        self, gone: list[Exercise], rest: list[Exercise], ask: SessionAsk, occasion: Occasion
    ) -> list[Pick]:
        """For jump drills `gone` from the session: a pick that gives what they alone gave
        the rules (`balance`, a group the week meets nowhere else), none when the `rest`
        gives it all. Balance was once lost so: the fitting had cut the balance drill
        beside a snap-down (it gave balance), and the snap-down then made way for the
        knee's new work, leaving a beginner's sessions with no balance exercise."""
        needs = {n for e in gone for n in self.pools.gives[e.id]}
        needs -= {n for e in rest for n in self.pools.gives[e.id]} | self._met_in_week(ask)
        if not needs:
            return []
        pool = [
            e for e in self._allowed(self.pools.main_pool, ask) if needs <= self.pools.gives[e.id]
        ]
        pool = [e for e in pool if e not in rest]
        # no knee work met for the first time where the knee's new load was the reason
        clear = [e for e in pool if not (loads_the_knee(e) and self._first_time(e))]
        pool = self._within_new_limit(clear or pool, rest, optional=False)
        best = self._best(pool, ask.recent[-1] if ask.recent else frozenset(), rest)
        if best is None:
            return []
        role = Role.BALANCE if "balance" in needs else Role.ACCESSORY
        return [self._pick(best, role, occasion)]

    def _fresh_day_first(
        self, pool: list[Exercise], ask: SessionAsk, *, optional: bool
    ) -> list[Exercise]:
        """The pool without what waits for a fresh day (`waits_for_a_fresh_day`); a need
        of the rules that nothing else meets (not `optional`) keeps the pool."""
        if not ask.occasion.eve:
            return pool
        kept = [e for e in pool if not self.waits_for_a_fresh_day(e, ask)]
        return kept if kept or optional else pool

    # -- the session ---------------------------------------------------------------

    def compose(
        self, ask: SessionAsk, *, jog: bool = True, care: CareLens | None = None
    ) -> SessionParts:
        """The session `ask` asks for; its warm-up opens with a jog unless it follows a run
        (`jog` False: the run was the jog, only the drills). `care`, for an athlete with
        problems, is what care will make of the main block: the fitting measures that."""
        self.today = ask.day
        self.care = care
        self.jumps_held_for_knee = False
        self.care_shift = 0
        self.fill_picks = {}
        self.set_rises = set()
        self.care_before, self.care_done = self.care_done, frozenset()
        self.care_seen = None
        self.care_made = None
        self.hold_loads = ask.hold_loads
        if self.memory.first_day is None:
            self.memory.first_day = ask.day
        self.new_limit = self._new_limit(ask.day)
        occasion = self._progress(ask)
        self._outgrow(ask, occasion)
        # an anchor the athlete has not done yet that waits for a fresh day sits this key
        # run's eve out: the companions cover its muscles (`waits_for_a_fresh_day`)
        anchors = [e for e in self.block.anchors if not self.waits_for_a_fresh_day(e, ask)]
        self.resting = self._resting(anchors, ask, occasion)
        anchors = [e for e in anchors if e is not self.resting]
        full_sets = self.resting is not None and not occasion.light
        if full_sets:  # the room it leaves goes to the others' sets first, effort first
            self.sets_now.update(e.id for e in anchors if self._at_working_effort(e))
        picks = [self._pick(e, Role.ANCHOR, occasion) for e in anchors]
        self.sets_now.clear()
        avoid = ask.recent[-1] if ask.recent else frozenset()
        companions = self._companions(ask, [p.exercise for p in picks], avoid)
        # a jump drill (or its power stand-in) right after the anchors: fitting drops
        # spare companions from the end, and it comes before one more accessory
        companions.sort(key=lambda found: found[1] not in FAST_ROLES)
        more = [self._pick(e, role, occasion) for e, role in companions]
        if self.new_limit is not None:  # a few new movements at a time
            more = self._first_few(picks, more, self.new_limit, self._new_to_meet)
        picks += more
        self._ramps_in_order(picks)
        short = ask.budget_seconds <= SHORT_SESSION_MINUTES * 60
        drills, stretches = (DRILLS - 1, STRETCHES - 1) if short else (DRILLS, STRETCHES)
        if any(p.prescription.warmup_sets for p in picks):
            drills -= 1  # the empty bar's eight reps are a mobility drill of their own
        if full_sets:
            # the two anchors' full sets come before more than the rules' fewest drills and
            # stretches: the time left after them goes back to mobility (`more_mobility`)
            drills = FEWEST_DRILLS
            stretches = stretches if self.injuries else FEWEST_STRETCHES
        warmup, jog_seconds, drill_seconds = self.mobility.warm_up(jog, drills)
        stretched_for = work_by_muscle(p.prescription for p in picks)
        cooldown, cooldown_seconds = self.mobility.cool_down(stretched_for, stretches)
        fixed = jog_seconds + drill_seconds + cooldown_seconds
        self._vary(picks, ask, occasion)
        self._jumps_or_new_knee_work(picks, ask, occasion)
        wanted = {p.exercise.id: p.dose.sets for p in picks}  # before fitting takes sets off
        # the fewest drills and stretches the rules take; an athlete's problems keep their
        # stretches (calf and soleus for shins), and a masters week climbs by its own cap
        fewest = (
            self.mobility.warm_up(jog, FEWEST_DRILLS),
            self.mobility.cool_down(
                stretched_for, stretches if self.injuries else FEWEST_STRETCHES
            ),
        )
        fewest_fixed = fewest[0][1] + fewest[0][2] + fewest[1][1]
        if self.masters:
            fewest_fixed = fixed
        work, made_room = self._fit_with_fast_work(picks, ask, occasion, fixed, fewest_fixed)
        if made_room:  # the fewest drills and stretches make room for the fast work
            (warmup, jog_seconds, drill_seconds), (cooldown, cooldown_seconds) = fewest
            drills, stretches, fixed = FEWEST_DRILLS, len(cooldown), fewest_fixed
        if self.masters:
            work = self._masters_week(picks, ask, occasion, work)
        if occasion.phase in EASING_PHASES:
            work = self._no_more_than_last(picks, work)
        work = self._whole_sets(picks, ask, occasion, wanted, ask.budget_seconds - fixed)
        if tokens(picks) and not (occasion.light or self.masters):
            # the minutes hold no companion's second set: a drill and a stretch fewer
            # (never below the rules' fewest) make room for it, a set that trains
            fewer = self.mobility.warm_up(jog, max(FEWEST_DRILLS, drills - 1))
            cool = self.mobility.cool_down(stretched_for, max(FEWEST_STRETCHES, stretches - 1))
            shorter = fewer[1] + fewer[2] + cool[1]
            cut = len(tokens(picks))
            work = self._whole_sets(picks, ask, occasion, wanted, ask.budget_seconds - shorter)
            if len(tokens(picks)) < cut:
                (warmup, jog_seconds, drill_seconds), (cooldown, cooldown_seconds) = fewer, cool
                fixed = shorter
        if self.masters:
            self._count_masters_week(picks, ask, occasion)
        most = ask.budget_seconds  # the minutes asked are the most a session takes
        if fixed + work + self.care_shift > most:
            # still long: the fewest drills and stretches the rules take
            warmup, jog_seconds, drill_seconds = self.mobility.warm_up(jog, FEWEST_DRILLS)
            stretched_for = work_by_muscle(p.prescription for p in picks)
            cooldown, cooldown_seconds = self.mobility.cool_down(stretched_for, FEWEST_STRETCHES)
            fixed = jog_seconds + drill_seconds + cooldown_seconds
            work = self._fit(picks, ask, occasion, ask.budget_seconds - fixed)
            work = self._whole_sets(picks, ask, occasion, wanted, ask.budget_seconds - fixed)
        work = self._rise_otherwise(picks, occasion, wanted, ask.budget_seconds - fixed)
        if ask.repeats or ask.recent:
            work = self._unlike(picks, ask, occasion, ask.budget_seconds - fixed - self.care_shift)
            gained = self._jumps_or_new_knee_work(picks, ask, occasion)
            work += gained
            if gained > 0 and fixed + work + self.care_shift > most:
                # what stood in for the jumps (their balance) took more than they did
                work = self._fit(picks, ask, occasion, ask.budget_seconds - fixed)
        # the stretches for what the fitted session works (about as long as the first);
        # when fitting left the work as it was, they are the ones already chosen
        worked = work_by_muscle(p.prescription for p in picks)
        if worked != stretched_for:
            cooldown, cooldown_seconds = self.mobility.cool_down(worked, len(cooldown))
            fixed = jog_seconds + drill_seconds + cooldown_seconds
        aim = self._aim(ask, occasion, lifting=False)
        if fixed + work + self.care_shift < aim:  # time left: more mobility
            warmup, cooldown, fixed = self.mobility.more_mobility(
                warmup,
                cooldown,
                worked,
                aim - work - self.care_shift,
                most - work - self.care_shift,
            )
        fit_note = ""
        # said only when it is true: longer than the athlete's minutes, once rounded
        if fixed + work > max(most, self.minutes * 60 + 30):
            fit_note = f"even with every part cut to its shortest, it {OVERRUN}"
        main = [p.prescription for p in picks]
        notes = session_notes(
            [(p.exercise.name.lower(), p.prescription) for p in picks],
            self.memory.previous,
            self.injuries,
            self.weaker_leg,
            harder=[
                (*self.harder_of[p.exercise.id], p.exercise.name.lower())
                for p in picks
                if p.new and p.exercise.id in self.harder_of
            ]
            + [
                (self.harder_than[p.exercise.id], False, p.exercise.name.lower())
                for p in picks
                if p.new and p.exercise.id in self.harder_than
            ],
            carried=[
                (old.name.lower(), p.exercise.name.lower())
                for p in picks
                for old in [self._carried_from(p.exercise)]
                if old is not None
            ],
            easier=[
                (self.easier_than[p.exercise.id], p.exercise.name.lower())
                for p in picks
                if p.new and p.exercise.id in self.easier_than
            ],
            kit_end=[p.exercise.name.lower() for p in picks if self._tell_kit_end(p)],
            band=self.band,
            heaviest=[p.exercise.name.lower() for p in picks if p.prescription.load_kg is not None],
            plain=self.level is Level.BEGINNER,
            taken_over=[
                (*self.took_over_from.pop(p.exercise.id), p.exercise.name.lower())
                for p in picks
                if p.role is Role.ANCHOR and p.exercise.id in self.took_over_from
            ],
        )
        if self.resting is not None and self.resting.id not in {p.exercise.id for p in picks}:
            notes.append(resting_anchor(self.resting.name.lower(), self.minutes, full_sets))
        if fit_note:
            notes.append(fit_note)
        self._remember_trims(picks, wanted)  # against the last prescriptions, before `_keep`
        self._keep(main, ask.day)
        for p in main:
            self.memory.times_done[p.exercise] += 1
        self.block.jump_sessions += self.jumps.done(
            main, ask.day, self.block.jump, eased=occasion.light, planned=wanted
        )
        for p in main:
            if p.role is Role.ANCHOR:
                self.block.done[p.exercise] = self.block.done.get(p.exercise, 0) + 1
        self._count_week_anchors(main, ask.day)
        self.worked.update(m for p in main for m in p.muscles)
        self.last_sets = sum(p.sets for p in main if not p.injury_care)
        used = [p.exercise.id for p in picks] + [w.exercise for w in warmup]
        used += [c.exercise for c in cooldown]
        for exercise_id in used:
            self.memory.last_used[exercise_id] = self.memory.count
        self.memory.count += 1
        seconds = fixed + sum(p.seconds for p in picks)
        return SessionParts(warmup, tuple(main), cooldown, seconds, tuple(notes), jog_seconds)

    def _progress(self, ask: SessionAsk) -> Occasion:
        """Start a new block when the plan does, and count the anchors' weeks of progress:
        a taper or race week holds the dose it reached."""
        if ask.block != self.block.number and (ask.block or not self.block.anchors):
            self._start_block(ask)
        block = self.block
        week = (ask.block, ask.block_week)
        holds = ask.occasion.phase in (Phase.TAPER, Phase.RACE) and block.step
        if week != block.week and not holds:
            block.step += 1
        block.week = week
        return ask.occasion._replace(step=max(1, block.step))

    def _start_block(self, ask: SessionAsk) -> None:
        """The new block keeps each anchor that can still progress; one that has stalled
        (it carries no progress on: `_can_progress`) moves on to its harder variation or a
        fresh lift, and so does the one held longest, once it has served ANCHOR_BLOCKS
        blocks (a season's anchors change: the seed's variety). At most NEW_PER_SESSION
        change at a boundary as the athlete meets them (`_fewest_changes`), the stalled
        first, and none in a week that keeps its anchors (`SessionAsk.keep_anchors`). The
        last block's jump drill counts as trained when it was done in
        JUMP_SESSIONS_TO_MOVE_ON sessions: the next drill may go a stage on."""
        ended = self.block
        self.jumps.block_ended(ended.jump, ended.jump_sessions)
        before = self.block.anchors
        self.blocks += 1
        self.sets_trimmed.clear()  # a new block's sessions may hold its sets
        # the anchor held longest, once it has served ANCHOR_BLOCKS blocks, moves on even
        # while it could still progress: a season's anchors change (the seed's variety);
        # one barbell lift that still climbs keeps its place (`_kept_bar`)
        bar = self._kept_bar(before)
        served = [
            e
            for e in before
            if self.blocks - self.anchor_since[e.id] >= ANCHOR_BLOCKS and e is not bar
        ]
        due = min(served, key=lambda e: self.anchor_since[e.id], default=None)
        # one that can rise no more carries nothing on: it goes first (an outgrown bodyweight
        # lift that `_outgrow` could not hand over yet among them), then the one held longest
        stalled = [e for e in before if not self._can_progress(e)]
        moving = stalled + [e for e in (due,) if e is not None and e not in stalled]
        # a trail or ultra runner's block holds downhill work: the slot it goes to moves
        # on to it first
        self.downhill_kind = self._downhill_kind(before, ask)
        uphill = [
            e
            for e in before
            if self.pools.patterns[e.id] in (self.downhill_kind or ())
            and e.id not in self.pools.downhill
        ]
        moving = uphill + [e for e in moving if e not in uphill]
        # a masters athlete's new block changes one anchor: the session's other new place
        # is kept for the fast work they keep every week (a new stage's drill, a power lift)
        most = NEW_PER_SESSION - 1 if self.masters else NEW_PER_SESSION
        moving = [] if ask.keep_anchors else _fewest_changes(moving, before, ended, most)
        self.moving_on = moving
        anchors: list[Exercise] = []
        for patterns, fallback in ANCHOR_KINDS:
            kind = patterns | fallback
            old = next((e for e in before if self.pools.patterns[e.id] in kind), None)
            if old is not None and old not in moving:
                anchors.append(old)
                continue
            found = self._anchor(patterns, before, anchors, ask) or self._anchor(
                fallback, before, anchors, ask
            )
            if found is not None and found is old and fallback:
                found = self._fallback_for_stalled(old, fallback, before, anchors, ask)
            if old is not None and found is not None and self._steps_down(old, found, before):
                found = old  # a block change never steps down (a bridge back to a hinge)
            if found is not None:
                anchors.append(found)
                self.anchor_since[found.id] = self.blocks  # the same again: others' turn
                if old is not None and found.id != old.id:
                    self.anchor_moved = self.memory.count
                    self._took_over(found, old)
        start_kg = {}
        for e in anchors:
            kg = self._block_start_kg(e, before)
            if kg is not None:
                start_kg[e.id] = kg
        start_step = {
            e.id: self.anchor_step[e.id]
            for e in anchors
            if not self.pools.implements[e.id] and e.id in self.anchor_step
        }
        self.block = Block(ask.block, anchors, start_kg, start_step)

    def _fallback_for_stalled(
        self,
        old: Exercise,
        fallback: frozenset[str],
        before: list[Exercise],
        taken: list[Exercise],
        ask: SessionAsk,
    ) -> Exercise:
        """A bodyweight anchor that has gone as far as the athlete's kit takes it, with no
        lift of its own patterns to move on to but easier ones, gives way to a lift of its
        kind's fallback (a single-leg glute bridge for a single-leg Romanian deadlift at
        its longest pause) that is no step down (`_steps_down`); else it stays."""
        if self._loaded(old) or self._can_progress(old) or old not in self.moving_on:
            return old
        taken_ids = {e.id for e in taken}
        others = [
            e
            for e in self.pools.anchor_pools[fallback]
            if e.id not in taken_ids
            and self._ready(e)
            and not self._outgrown(e)
            and not self._steps_down(old, e, before)
        ]
        if not ask.new_allowed:
            others = [e for e in others if self.done(e)]
        return max(others, key=self._fresh_rank, default=old)

    def _block_start_kg(self, e: Exercise, before: list[Exercise]) -> float | None:
        """Where a block's anchor starts: its conservative first load, or where it ended,
        or the load carried on from the variation it takes over from (`_carried`),
        whichever is heaviest; None without load."""
        kg = self.pools.start_loads[e.id]
        if kg is not None and e.id in self.memory.last_kg:  # where it ended: no step back
            kg = max(kg, self.memory.last_kg[e.id])
        carried = self._carried(e, before)
        if kg is not None and carried is not None:  # the variation it takes over from
            kg = max(kg, carried)
        return kg

    def _first_kg(self, e: Exercise, before: list[Exercise]) -> float | None:
        """The load the athlete would meet `e` at as a block's anchor: its own last load
        with the same implement when it has one (a lift met as an accessory goes on from
        there, a step at a time: `heavy_climb`, `within_reach`), else its block start."""
        last = self.memory.previous.get(e.id)
        implement = self.pools.implements[e.id]
        if implement and last is not None and last.load_kg and last.implement == implement:
            return last.load_kg  # the lift goes on from its own last load
        return self._block_start_kg(e, before)

    def _steps_down(self, old: Exercise, new: Exercise, before: list[Exercise]) -> bool:
        """Whether handing `old`'s slot to `new` at a block change would step down: an
        easier lift (`easier_lift`) at a load no heavier on each working leg
        (`per_leg_kg`). A harder variation may start lighter; an easier one may not."""
        if not easier_lift(old, new, self.catalogue):
            return False
        last = self.memory.as_anchor.get(old.id) or self.memory.previous.get(old.id)
        was = per_leg_kg(old, last.load_kg, last.implement) if last is not None else 0.0
        now = per_leg_kg(new, self._first_kg(new, before), self.pools.implements[new.id])
        return now <= was

    def _heavy_barbell(self, e: Exercise) -> bool:
        """Whether `e` is heavy barbell work for this athlete (intermediate or advanced)."""
        return heavy_barbell(self.pools.implements[e.id], self.level)

    def _kept_bar(self, before: list[Exercise]) -> Exercise | None:
        """The block's barbell anchor that stays for the next block while it can still
        climb, its turn to move on passing to another anchor: the bar is where an
        intermediate or advanced runner's heavy two-legged strength is built and, in
        season, kept with a short heavy session a week (Rønnestad & Mujika 2014). A coach
        read a 1500 m runner's back squat handed to a kettlebell lunge after week 3. One is
        kept, the one started last (the squat of two that started together): another may
        move on to a one-legged lift (`one-legged`)."""
        bars = [e for e in before if self._heavy_barbell(e) and self._can_progress(e)]
        return max(bars, key=lambda e: self.anchor_since[e.id], default=None)

    def _carried(self, new: Exercise, before: list[Exercise]) -> float | None:
        """The first load of a block's new anchor from the one of its kind it takes over
        from (`carried_load`); None when it is no new anchor or nothing was loaded."""
        kinds = [p | f for p, f in ANCHOR_KINDS if self.pools.patterns[new.id] in p | f]
        old = next(
            (
                e
                for e in before
                if kinds and self.pools.patterns[e.id] in kinds[0] and e.id != new.id
            ),
            None,
        )
        if old is None or new in before or old.id not in self.memory.last_kg:
            return None
        last = self.memory.previous.get(old.id)
        implement = last.implement if last is not None else self.pools.implements[old.id]
        return carried_load(
            old,
            self.memory.last_kg[old.id],
            implement,
            new,
            self.pools.implements[new.id],
            self.kit,
        )

    def _anchor(
        self,
        patterns: frozenset[str],
        before: list[Exercise],
        taken: list[Exercise],
        ask: SessionAsk,
    ) -> Exercise | None:
        """The block's lift of these patterns: last block's anchor's harder variation
        when doable, else a fresh one, else the same again."""
        taken_ids = {e.id for e in taken}
        candidates = [
            e for e in self.pools.anchor_pools[patterns] if e.id not in taken_ids and self._ready(e)
        ]
        if patterns == self.downhill_kind:  # the block's downhill slot
            candidates = [e for e in candidates if e.id in self.pools.downhill] or candidates
        if not ask.new_allowed or ask.keep_anchors:
            candidates = self._familiar(candidates)
        if not candidates:
            return None
        by_id = {e.id: e for e in candidates}
        last = next((e for e in before if self.pools.patterns.get(e.id) in patterns), None)
        if last is not None and self._loaded(last):
            # a loaded anchor hands over to a loaded lift about as hard on the legs whose
            # kit carries its load on, else it stays: a barbell squat at 45 kg became a
            # bodyweight step-down, a 47.5 kg Romanian deadlift a 20 kg good morning, for
            # the rest of the season
            candidates = [
                e
                for e in candidates
                if e.id == last.id
                or (self.pools.implements[e.id] and comparable(e, last) and self._carries(last, e))
            ]
            by_id = {e.id: e for e in candidates}
            # none comparable (care swapped the loaded lift for its bodyweight variation,
            # so it no longer counts as done in a week that brings nothing new): it stays
            if not candidates or (last.id in by_id and len(candidates) == 1):
                return last
        # a block without a barbell lift takes one when the athlete can lift heavy with it:
        # heavy two-legged strength is built and, in season, kept on the bar
        barbell = [e for e in candidates if self._heavy_barbell(e)]
        if last is not None:  # as long as it is no step down
            barbell = [e for e in barbell if not self._steps_down(last, e, before)]
        if barbell and not any(self._heavy_barbell(e) for e in (*before, *taken)):
            return max(barbell, key=self._anchor_rank)
        if last is not None:
            harder = self._harder(last, patterns, candidates, taken_ids, ask)
            if harder is not None:
                return harder
            if (
                last in self.pools.next_level
                and last.id not in taken_ids
                and self._can_progress(last)
            ):
                return last  # a lift a level up goes on while it rises, not back to theirs
            # a fresh lift, never one the last is the harder variation of (a kickstand RDL
            # that stalled does not go back to the hip hinge it grew from), nor one the
            # athlete has outgrown, nor one that steps down: an easier lift at a load no
            # heavier on each leg (a 16 kg single-leg Romanian deadlift became a 12 kg
            # kickstand RDL)
            fresh = [
                e
                for e in candidates
                if e.id != last.id
                and last.id not in e.progressions
                and not self._outgrown(e)
                and not self._steps_down(last, e, before)
            ]
            if not fresh:
                return last  # nothing else to move on to: it stays and goes on
            if self._loaded(last):  # its load carries over (`comparable`): no step back
                return max(fresh, key=self._anchor_rank)
            if not self._can_progress(last):  # a change: first one that works something new
                return max(fresh, key=self._fresh_rank)
            # one still climbing gives way to no easier lift at all, loaded or not (a
            # beginner's single-leg Romanian deadlift does not go back to the hip hinge)
            easier = self.catalogue.easier_than(last.id)
            no_easier = [e for e in fresh if e.id not in easier]
            return max(no_easier, key=self._anchor_rank) if no_easier else last
        best = max(candidates, key=self._anchor_rank)
        return max(band_earned(best, candidates), key=self._anchor_rank, default=best)

    def _downhill_kind(self, before: list[Exercise], ask: SessionAsk) -> frozenset[str] | None:
        """The anchor slot that holds a trail or ultra runner's downhill work this block:
        the squat slot (a step-up, a step-down, a slow lowering to a box), else the calf
        slot (an eccentric heel drop); None without a step or box for them. A heavy
        loaded squat stays where no downhill lift can carry its load (a barbell squat of
        45 kg is not handed to a bodyweight step-down: the calf slot takes the downhill
        work then), and a week that brings nothing new uses only what was done."""
        for patterns, _ in ANCHOR_KINDS:
            pool = self.pools.anchor_pools[patterns]
            downhill = [e for e in pool if e.id in self.pools.downhill and self._ready(e)]
            if not ask.new_allowed or ask.keep_anchors:
                downhill = [e for e in downhill if self.done(e)]
            if not downhill:
                continue
            old = next((e for e in before if self.pools.patterns[e.id] in patterns), None)
            if old is not None and old.id in self.pools.downhill:
                return patterns
            if old is not None and self._loaded(old):
                carried = [
                    e
                    for e in downhill
                    if self.pools.implements[e.id] and comparable(e, old) and self._carries(old, e)
                ]
                if not carried:
                    continue
            heavy = self.level is not Level.BEGINNER and any(
                self.pools.implements[e.id] for e in pool
            )
            if old is None and heavy and not any(self.pools.implements[e.id] for e in downhill):
                continue
            return patterns
        return None

    def _fresh_rank(
        self, e: Exercise
    ) -> tuple[bool, bool, tuple[bool, bool, bool, bool, int, int, int, float]]:
        """A fresh lift for an outgrown one: one led by its slot's own muscle
        (`leads_its_slot`), first one that works a muscle the plan has not worked yet (the
        adductors of a split squat after a pistol squat), then `_anchor_rank`."""
        return leads_its_slot(e), bool(set(e.muscles) - self.worked), self._anchor_rank(e)

    def _harder(
        self,
        last: Exercise,
        patterns: frozenset[str],
        candidates: list[Exercise],
        taken: set[str],
        ask: SessionAsk,
    ) -> Exercise | None:
        """The best harder variation of `last` (its catalogue progressions) among the
        `candidates` of its patterns, and once the athlete has outgrown it, one level
        above theirs (`_next_level_harder`); none they have outgrown too. The block's
        downhill slot stays downhill work (`_downhill_kind`). A loaded lift's harder
        variation is a loaded one about as hard on each leg (`comparable`), which may start
        lighter; an advanced one only once the athlete is ready for it (`_ready`)."""
        harder = [e for e in candidates if e.id in last.progressions]
        harder += self._next_level_harder(last, patterns, taken, ask)
        harder = [e for e in harder if not self._outgrown(e) and self._ready(e)]
        if not self.done(last):  # the band is earned on the plain lift (`band_earned`)
            harder = [e for e in harder if not band_loaded(e)]
        if self._loaded(last):
            harder = [e for e in harder if self.pools.implements[e.id] and comparable(e, last)]
        if patterns == self.downhill_kind and last.id in self.pools.downhill:
            harder = [e for e in harder if e.id in self.pools.downhill]
        return max(harder, key=self._anchor_rank, default=None)

    def _next_level_harder(
        self, last: Exercise, patterns: frozenset[str], taken: set[str], ask: SessionAsk
    ) -> list[Exercise]:
        """The harder variations of an anchor the athlete has outgrown (`_outgrown`) one
        level above theirs: a beginner's calf raise at its slowest lowering moves on to the
        single-leg calf raise, not round the beginner's two-legged raises. Only lifts done
        before in a week that brings nothing new."""
        if not self._outgrown(last):
            return []
        found = [
            e
            for e in self.pools.next_level_pools[patterns]
            if e.id in last.progressions and e.id not in taken
        ]
        if not ask.new_allowed or ask.keep_anchors:
            found = [e for e in found if self.done(e)]
        return found

    def _outgrown(self, anchor: Exercise) -> bool:
        """Whether an anchor has been done OUTGROWN_AFTER times at the top of its
        progression (`_at_the_top`): a bodyweight lift at its top reps and slowest
        lowering, a loaded one at the top of the athlete's rack at the top of its range. It
        cannot rise as it is, or only by reps past its range (`heavy_climb`)."""
        return self.at_top.get(anchor.id, 0) >= OUTGROWN_AFTER

    def _outgrow(self, ask: SessionAsk, occasion: Occasion) -> None:
        """An anchor the athlete has outgrown moves on to its harder variation (one level
        above the athlete's at most) at once rather than at the block's end, where it
        would stand still for weeks (a kickstand RDL held 9 reps lowering in 5 s for 15
        weeks), and so does a loaded one at the top of the athlete's rack, to a harder
        loaded variation, another movement than the same lift with other kit (a 16 kg
        single-leg Romanian deadlift held at 6 reps from week 7 on, its lowering slowing).
        One anchor changes a session (a block's start may have changed one already), none
        in a week that keeps its anchors. With nothing harder in the kit a bodyweight
        lift's pause at the bottom lengthens, a loaded lift's reps go on past its range
        (`_can_progress`); once that is at its end too it holds, the why says so once, and
        the block's end may bring a fresh lift."""
        if ask.keep_anchors or self.anchor_moved == self.memory.count:
            return
        anchors = self.block.anchors
        for index, old in enumerate(anchors):
            if not self._outgrown(old):
                continue
            patterns = self._slot(old)
            taken = {e.id for e in anchors}
            candidates = [e for e in self.pools.anchor_pools[patterns] if e.id not in taken]
            if not ask.new_allowed:
                candidates = [e for e in candidates if self.done(e)]
            if self._loaded(old):
                candidates = [e for e in candidates if _lift(e.id) != _lift(old.id)]
            new = self._harder(old, patterns, candidates, taken, ask)
            if new is not None and self._loaded(old) and _lift(new.id) == _lift(old.id):
                new = None  # one level up: the same lift with other kit is no harder
            if new is None:
                # as hard as the athlete's kit makes it, once its pause is at its longest
                if ask.new_allowed and not self._can_progress(old):
                    self.kit_end.add(old.id)
                continue
            anchors[index] = new
            self.anchor_since[new.id] = self.blocks
            self.anchor_moved = self.memory.count
            self._took_over(new, old)
            kg = self._block_start_kg(new, [old])
            if kg is not None:
                self.block.start_kg[new.id] = kg
            else:  # its progress starts at its own first week, or where it stood before
                step = self.anchor_step.get(new.id, 0) + 1
                self.block.start_step[new.id] = step - occasion.step
            return

    def _slot(self, anchor: Exercise) -> frozenset[str]:
        """The patterns of the anchor slot `anchor` fills: its kind's own, or the kind's
        fallback (a bridge in the hinge's place)."""
        pattern = self.pools.patterns[anchor.id]
        return next(patterns for kind in ANCHOR_KINDS for patterns in kind if pattern in patterns)

    def _tell_kit_end(self, pick: Pick) -> bool:
        """Whether the why says, once, that an anchor is as hard as the kit makes it."""
        if pick.role is not Role.ANCHOR or pick.exercise.id not in self.kit_end:
            return False
        told = pick.exercise.id in self.told_kit_end
        self.told_kit_end.add(pick.exercise.id)
        return not told

    def _took_over(self, new: Exercise, old: Exercise) -> None:
        """Remember how `new` stands to `old`, the anchor of its pattern it takes over
        from (`variation`): a harder variation of an unloaded lift starts gently whatever
        its level; any harder or easier variation is told as one; the same lift with other
        kit or a band is no new movement and carries on from `old`'s dose."""
        kind = variation(old, new, self.catalogue)
        self.replaced[new.id] = old.id
        if kind == "harder" and not self.pools.implements[old.id]:
            self.harder_of[new.id] = (old.name.lower(), self._outgrown(old))
        elif kind == "harder":
            self.harder_than[new.id] = old.name.lower()
        elif kind == "easier":
            self.easier_than[new.id] = old.name.lower()
        elif kind == "kit":
            self.carries_on[new.id] = old
        else:
            self.took_over_from[new.id] = (old.name.lower(), not self._can_progress(old))

    def _carried_from(self, exercise: Exercise) -> Exercise | None:
        """The lift `exercise` carries on from when the athlete meets it for the first time
        as the same lift with other kit or a band (`_took_over`); else None."""
        old = self.carries_on.get(exercise.id)
        return old if old is not None and not self.done(exercise) and self.done(old) else None

    def _carries(self, old: Exercise, new: Exercise) -> bool:
        """Whether `new`, with the athlete's kit, carries on the load `old` was last lifted
        at (`carries`); a lift the athlete has lifted before goes on from its own last load
        (`_first_kg`), which must carry it on: a 16 kg single-leg Romanian deadlift handed
        over to the Romanian deadlift an accessory had held at 10 kg went on at 10 kg."""
        last = self.memory.previous.get(old.id)
        if last is None or last.load_kg is None:
            return True
        implement = self.pools.implements[new.id]
        own = self.memory.previous.get(new.id)
        if implement and own is not None and own.load_kg is not None and own.implement == implement:
            return carries_from(old, last.load_kg, last.implement, new, own.load_kg, implement)
        return carries(old, last.load_kg, last.implement, new, implement, self.kit)

    def _loaded(self, anchor: Exercise) -> bool:
        """Whether the athlete last lifted the anchor with a load the kit carries (care for
        a sore knee may have held it unloaded, or put a care lift in its place so that it
        was never done: then it may hand over to any lift)."""
        last = self.memory.previous.get(anchor.id)
        lifted = self.done(anchor) and last is not None and last.load_kg is not None
        return bool(self.pools.implements[anchor.id]) and lifted

    def _can_progress(self, anchor: Exercise) -> bool:
        """Whether a block's anchor can go on progressing as it is: a loaded lift while the
        athlete's rack holds a heavier load within reach (`next_weight`), then, at the top
        of the rack, until the athlete has outgrown it with a harder loaded variation in
        their kit (`_outgrow`), else while its reps can climb past its range and then its
        lowering slow (`heavy_climb`); a bodyweight lift until the athlete has outgrown it
        with a harder variation in their kit, one level above theirs at most (`_outgrow`
        hands it over at once, else the block's start does), and else while its hold can
        lengthen, its lowering slow or, at the slowest, its pause at the bottom lengthen."""
        implement = self.pools.implements[anchor.id]
        kg = self.memory.last_kg.get(anchor.id)
        last = self.memory.previous.get(anchor.id)
        if self._outgrown(anchor) and self._harder_in_reach(anchor):
            return False
        if implement and kg is not None:
            if self._room_to_climb(anchor):
                return True
            return last is None or last.load_kg is None or not rack_end(last)
        if last is None:
            return True
        if last.seconds is not None:
            return last.seconds < HOLD_SECONDS[-1]
        if lowering(last.tempo) < MAX_ECCENTRIC:
            return True
        return pause(last.tempo) < MOST_PAUSE

    def _harder_in_reach(self, anchor: Exercise) -> bool:
        """Whether the athlete's kit and level (one level above theirs at most) hold a
        harder variation of `anchor` they are ready for; of a loaded lift, a loaded one
        about as hard on each leg that is another movement (`_outgrow`)."""
        slot = self._slot(anchor)
        reach = [
            e
            for e in (*self.pools.anchor_pools[slot], *self.pools.next_level_pools[slot])
            if e.id in anchor.progressions and self._ready(e)
        ]
        if self._loaded(anchor):
            reach = [
                e
                for e in reach
                if self.pools.implements[e.id]
                and comparable(e, anchor)
                and _lift(e.id) != _lift(anchor.id)
            ]
        return bool(reach)

    def _anchor_rank(self, e: Exercise) -> tuple[bool, bool, bool, bool, int, int, int, float]:
        """Repetitions over holds; a lift led by its slot's own muscle (`leads_its_slot`:
        the squat slot's lift leads with the quads); heavy barbell work for those who can
        go heavy; then
        one-legged, loaded with the athlete's weights (first with room to climb them), else
        against their band, care for the athlete's problems, the event's work, the hardest
        the level allows, least recently used."""
        implement = self.pools.implements[e.id]
        heavy_barbell = self._heavy_barbell(e)
        # a loaded lift first: its load can rise (heavy work, Blagrove et al. 2018) where a
        # pistol squat can only add reps; then one the band loads (a band builds strength
        # about as well as weights: Lopes et al. 2019), then one no load is made for
        if implement:
            load = 3 + self._room_to_climb(e)
        else:
            load = 2 if band_loaded(e) else int(not e.loadable)
        return (
            e.measure == "reps",
            leads_its_slot(e),
            heavy_barbell,
            e.unilateral,
            load,
            len(set(e.injury_care) & set(self.injuries)) + self._event_work(e),
            e.level.rank,
            -self.memory.last_used.get(e.id, -LONG_AGO) + self.pools.jitter[e.id],
        )

    def _room_to_climb(self, e: Exercise) -> bool:
        """Whether the athlete's kit holds a next weight within reach of where the lift
        stands (its last load, else its start; `next_weight`): a kettlebell single-leg
        deadlift with one 16 kg bell has none, a dumbbell one with pairs to 22 kg has (a
        coach's racer held the bell at 16 kg for twelve weeks, reps creeping to 8: issue
        13), and so has one with bells of 12 and 16 kg."""
        implement = self.pools.implements[e.id]
        kg = self.memory.last_kg.get(e.id, self.pools.start_loads[e.id])
        if not implement or kg is None:
            return False
        return next_weight(self.kit, implement, kg, self.level) is not None

    def _event_work(self, e: Exercise) -> int:
        return event_work(e, self.event)

    def _familiar(self, candidates: list[Exercise]) -> list[Exercise]:
        """No first exposure in a race, taper or post-race week: what was done before,
        else the simplest there is."""
        done = [e for e in candidates if self.done(e)]
        if done or not candidates:
            return done
        easiest = min(e.level.rank for e in candidates)
        return [e for e in candidates if e.level.rank == easiest]

    def _companions(
        self, ask: SessionAsk, anchors: list[Exercise], avoid: frozenset[str]
    ) -> list[tuple[Exercise, Role]]:
        """Care, the week's groups, balance and the session's fast work (the block's jump
        drill, or a power lift) around the anchors. Fast work the athlete has not met yet
        keeps one of the session's new places (`new_limit`) from the rotating companions,
        or a rotation rich in new accessories would keep it out week after week."""
        chosen = list(anchors)
        found: list[tuple[Exercise, Role]] = []
        fast = self._fast_work(ask)
        fresh = [] if fast is None else self._allowed(fast[0], ask, optional=True)
        reserve = int(bool(fresh) and all(self._new_to_meet(e) for e in fresh))

        def add(
            pool: list[Exercise],
            role: Role,
            missing: set[Muscle] = NO_MUSCLES,
            *,
            optional: bool = False,
        ) -> None:
            allowed = self._allowed(pool, ask, optional=optional)
            allowed = self._within_new_limit(
                allowed, chosen, optional=optional, reserve=0 if role in FAST_ROLES else reserve
            )
            pick = self._best(allowed, avoid, chosen, missing)
            if pick is not None:
                chosen.append(pick)
                found.append((pick, role))

        for (injury, muscle), pool in self.pools.care_pools.items():
            if not any((injury, muscle) in self.pools.gives[e.id] for e in chosen):
                add(pool, Role.CARE)
        worked = {m for e in chosen for m in e.muscles}
        # the anchor resting to the next session covers its muscles in the week: no
        # companion takes its place and the room it left (`_resting`)
        worked.update(self.resting.muscles if self.resting is not None else ())
        for muscle, pool in self.pools.coverage_pools.items():
            if muscle not in worked:
                if not ask.new_allowed and not any(self.done(e) for e in pool):
                    # nothing new may come: a familiar drill that works the muscle (a
                    # balance exercise) before a first exposure in a race or taper week
                    pool = pool + [
                        e for e in self.pools.main_pool if muscle in e.muscles and self.done(e)
                    ]
                add(pool, Role.ACCESSORY, set(WEEKLY_GROUPS_IN_ORDER) - worked)
                worked.update(chosen[-1].muscles)
        if not any(e.balance for e in chosen):
            add(self.pools.balance_pool, Role.BALANCE)
        if fast is not None:
            add(*fast, optional=True)
        self._more_one_legged(found, chosen, ask, avoid)
        if ask.want_new and ask.new_allowed:
            self._introduce_new(found, chosen, ask, avoid)
        return found

    def _fast_work(self, ask: SessionAsk) -> tuple[list[Exercise], Role] | None:
        """The session's fast work: the block's jump drill at a stage the day allows, else
        (where jumps must wait, or for a masters athlete) a power lift; None for neither.
        A key run's eve holds no jumps, but a power lift may come at a primer's dose
        (`dose.primer`): a track season of key runs every other day left whole
        blocks without any fast work (issue 13)."""
        room = self._jump_room(ask)
        stage = min(room, self.jumps.stage_due(ask.block))
        if stage and ask.plyometrics and not ask.occasion.eve:
            drill = self._block_drill(ask, stage)
            if drill is not None:
                return [drill], Role.PLYOMETRIC
        if room and (self.masters or (stage and ask.jumps_wait)):
            return self.pools.power, Role.POWER
        return None

    def jumps_due(self, ask: SessionAsk) -> bool:
        """Whether the block's jump drill would come today if nothing kept jumps out (a
        key run or race within 48 h, care): the week and the athlete's jump training
        allow them."""
        return bool(min(self._jump_room(ask), self.jumps.stage_due(ask.block)))

    def _jump_room(self, ask: SessionAsk) -> int:
        """The highest plyometric stage the week allows (`Jumps.room`)."""
        return self.jumps.room(ask.occasion, stepping_back=ask.stepping_back, going=self.block.jump)

    def _block_drill(self, ask: SessionAsk, stage: int) -> Exercise | None:
        """The block's jump drill, chosen at its first session that may jump and kept: of
        `stage` (else the highest below it the athlete may do this week: what was done
        before, when the week brings nothing new), the last block's drill again while its
        contacts can still climb, else its harder variation, else the best scored. None
        when the block's drill is above what today allows."""
        if self.block.jump is not None:
            return self.block.jump if self.block.jump.stage <= stage else None
        pool: list[Exercise] = []
        for level in range(stage, 0, -1):
            pool = [e for e in self.pools.plyometrics if e.stage == level]
            pool = self._allowed(pool, ask, optional=True)
            if pool:
                break
        last = self.jumps.last_drill
        if last is not None and last in pool and self.jumps.contacts_climb(last):
            drill: Exercise | None = last
        else:
            harder = [e for e in pool if last is not None and e.id in last.progressions]
            drill = self._best(harder or pool, frozenset(), [])
        self.block.jump = drill
        return drill

    def _allowed(
        self, pool: list[Exercise], ask: SessionAsk, *, optional: bool = False
    ) -> list[Exercise]:
        """The pool without the advanced lifts the athlete is not ready for (`_ready`; for
        work the rules need, all of it when nothing else is left), or only what was done
        before when nothing new may come (else the simplest there is, for work the rules
        need). Then an `optional` pick (a swap for variety, a jump drill or power lift, a
        filler) is never new. On a key run's eve new knee-dominant one-legged work waits
        (`waits_for_a_fresh_day`)."""
        pool = self._fresh_day_first(pool, ask, optional=optional)
        pool = self._not_resting(pool)
        if optional:  # a filler or swap: not the lift an anchor replaced
            pool = self._not_replaced(pool)
        if ask.new_allowed:  # an advanced lift waits until the athlete is ready for it
            ready = self._ready_only(pool)
            return ready if optional or ready else pool
        if optional:
            return [e for e in pool if self.done(e)]
        return self._familiar(pool)

    def _not_replaced(self, pool: list[Exercise]) -> list[Exercise]:
        """The pool of an optional pick (a filler, a swap for variety) without the lifts the
        block's anchors took over from (a split squat beside the step-up told as its harder
        variation: the words said one replaced the other, issue 13; care and the rules'
        needs may still bring one, and the why then tells no variation, `told_replaced`);
        unless nothing else is left."""
        gone = {self.replaced[e.id] for e in self.block.anchors if e.id in self.replaced}
        return [e for e in pool if e.id not in gone] or pool

    def _not_resting(self, pool: list[Exercise]) -> list[Exercise]:
        """The pool without the lifts of the pattern of an anchor resting to another session
        (`_resting`): a banded calf raise standing in for the calf lift would take the room
        left for the others' sets; unless nothing else is left."""
        if self.resting is None:
            return pool
        resting = self.pools.patterns.get(self.resting.id)
        return [e for e in pool if self.pools.patterns.get(e.id) != resting] or pool

    def _scores(
        self, candidates: list[Exercise], avoid: frozenset[str], missing: set[Muscle]
    ) -> list[float]:
        """Per candidate: sessions since last use (capped), its standing preference, the
        missing muscles it works, and a penalty when the last session had it."""
        long_ago = self.memory.count - LONG_AGO
        scores: list[float] = []
        for e in candidates:
            since = self.memory.count - max(self.memory.last_used.get(e.id, long_ago), long_ago)
            score = since + self.pools.preference[e.id]
            if missing:
                score += COVERAGE_BONUS * len(missing.intersection(e.muscles))
            if e.id in avoid:
                score -= LAST_SESSION_PENALTY
            scores.append(score)
        return scores

    def _ranked(
        self, candidates: list[Exercise], avoid: frozenset[str], missing: set[Muscle] = NO_MUSCLES
    ) -> list[Exercise]:
        """The candidates best first (equals in their order)."""
        scores = self._scores(candidates, avoid, missing)
        return [candidates[i] for i in sorted(range(len(scores)), key=lambda i: -scores[i])]

    def _best(
        self,
        candidates: Iterable[Exercise],
        avoid: frozenset[str],
        chosen: Sequence[Exercise],
        missing: set[Muscle] = NO_MUSCLES,
    ) -> Exercise | None:
        """The best-scoring candidate not chosen yet (None when the pool is empty: the
        rule then reports what is missing); the first of equals wins."""
        taken = {e.id for e in chosen}
        free = [e for e in candidates if e.id not in taken]
        scores = self._scores(free, avoid, missing)
        return free[scores.index(max(scores))] if free else None

    def _swappable(self, old: Exercise, chosen: list[Exercise], ask: SessionAsk) -> list[Exercise]:
        """Stand-ins for `old` that keep every muscle only it worked in the session."""
        others = {m for e in chosen if e.id != old.id for m in e.muscles}
        taken = {e.id for e in chosen}
        only_old = set(old.muscles) - others
        same_lead = self.pools.main_by_lead[old.muscles[0]]
        return [
            e
            for e in self._allowed(stand_ins(same_lead, old, self.injuries), ask, optional=True)
            if e.id not in taken and only_old <= set(e.muscles)
        ]

    def _replace(
        self, found: list[tuple[Exercise, Role]], chosen: list[Exercise], index: int, new: Exercise
    ) -> None:
        old, role = found[index]
        found[index] = (new, role)
        chosen[[e.id for e in chosen].index(old.id)] = new

    def _more_one_legged(
        self,
        found: list[tuple[Exercise, Role]],
        chosen: list[Exercise],
        ask: SessionAsk,
        avoid: frozenset[str],
    ) -> None:
        """`one-legged`: swap two-legged companions for one-legged ones until half the
        lower-body strength work is one-legged."""

        def short() -> bool:
            lower = [e for e in chosen if e.id in self.pools.leg_strength]
            return 2 * sum(e.unilateral for e in lower) < len(lower)

        for index, (old, _) in enumerate(found):
            if not short():
                return
            if old.unilateral or old.id not in self.pools.leg_strength:
                continue
            options = [e for e in self._swappable(old, chosen, ask) if e.unilateral]
            options = self._within_new_limit(options, chosen, optional=True, instead=old)
            best = self._best(options, avoid, chosen)
            if best is not None:
                self._replace(found, chosen, index, best)

    def _introduce_new(
        self,
        found: list[tuple[Exercise, Role]],
        chosen: list[Exercise],
        ask: SessionAsk,
        avoid: frozenset[str],
    ) -> None:
        """`variety`: each block brings an exercise the athlete has not done before."""
        if any(not self.done(e) for e in chosen):
            return
        for index, (old, role) in enumerate(found):
            if role in FAST_ROLES:  # the block's drill stays; a power lift is no lift to swap
                continue
            fresh = [e for e in self._swappable(old, chosen, ask) if not self.done(e)]
            best = self._best(fresh, avoid, chosen, set(Muscle) - self.worked)
            if best is not None:
                self._replace(found, chosen, index, best)
                return
        # no companion has a fresh stand-in leading with its muscle: one that keeps every
        # muscle, balance and care the companion alone brought, whatever it leads with
        unknown = self._allowed([e for e in self.pools.main_pool if not self.done(e)], ask)
        taken = {e.id for e in chosen}
        for index, (old, role) in enumerate(found):
            if role not in (Role.ACCESSORY, Role.BALANCE):  # care and jumps keep their own
                continue
            only_old = set(old.muscles) - {m for e in chosen if e.id != old.id for m in e.muscles}
            care = set(old.injury_care).intersection(self.injuries)
            fresh = [
                e
                for e in unknown
                if e.id not in taken
                and only_old <= set(e.muscles)
                and e.balance >= old.balance
                and care <= set(e.injury_care)
            ]
            best = self._best(fresh, avoid, chosen)
            if best is not None:
                self._replace(found, chosen, index, best)
                return

    def _vary(self, picks: list[Pick], ask: SessionAsk, occasion: Occasion) -> None:
        """`variety`: never the very same session twice within two weeks; a companion's
        stand-in makes the difference, else one accessory more."""
        ids = [p.exercise.id for p in picks]
        if frozenset(ids) not in ask.recent:
            return
        chosen = [p.exercise for p in picks]
        avoid = ask.recent[-1]
        for index in reversed(range(len(picks))):
            old = picks[index]
            if old.role is Role.ANCHOR or old.role in FAST_ROLES:
                continue
            options = self._swappable(old.exercise, chosen, ask)
            options = self._within_new_limit(options, chosen, optional=True, instead=old.exercise)
            for new in self._ranked(options, avoid):
                if frozenset([*ids[:index], new.id, *ids[index + 1 :]]) not in ask.recent:
                    picks[index] = self._pick(new, old.role, occasion, sets=old.dose.sets)
                    return
        pool = self._allowed(self.pools.strength, ask, optional=True)
        extra = self._best(self._within_new_limit(pool, chosen, optional=True), avoid, chosen)
        if extra is not None:
            picks.append(self._pick(extra, Role.ACCESSORY, occasion))

    def _unlike(self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, room: float) -> int:
        """A session that would repeat the one before it, or the same day's the week
        before, in every exercise and dose (`SessionAsk.repeats`), or any of the last two
        weeks' in its exercises (`variety`), as care makes it, is dull to the runner and
        shows no progress: a companion gives way to a stand-in that meets what it gave, at
        its sets, within `room` seconds; else one accessory more, when it fits and the day
        is no lighter one. The anchors stay: they are the block's; so does its fast work
        (`FAST_ROLES`): the block keeps one jump drill, whose contacts climb week by week,
        and a power lift stands in for that drill. Taper, race and recovery weeks, and the
        weeks back after a long race, hold their doses on purpose: only their exercises
        are asked to differ. The main work's seconds. (`_vary` asked the same before the fitting;
        the fitting's dropped companions may make a session repeat again.)"""
        total = sum(p.seconds for p in picks)
        holds = occasion.phase in EASING_PHASES or ask.stepping_back or occasion.ramp == 1
        repeats = frozenset() if holds else ask.repeats
        if not self._repeats(picks, ask.recent, repeats):
            return total
        chosen = [p.exercise for p in picks]
        avoid = ask.recent[-1] if ask.recent else frozenset()
        for index in reversed(range(len(picks))):
            old = picks[index]
            if old.role not in (Role.ACCESSORY, Role.BALANCE) or old.prescription.injury_care:
                continue  # anchors, fast work and care are the block's and the protocol's
            options = self._swappable(old.exercise, chosen, ask) or self._meets_for(
                old.exercise, chosen, ask
            )
            options = self._within_new_limit(options, chosen, optional=True, instead=old.exercise)
            for new in self._ranked(options, avoid):
                pick = self._pick(new, old.role, occasion, sets=old.dose.sets)
                trial = [*picks[:index], pick, *picks[index + 1 :]]
                fits = total - old.seconds + pick.seconds <= max(room, total)
                if fits and not self._repeats(trial, ask.recent, repeats):
                    picks[index] = pick
                    return total - old.seconds + pick.seconds
        if occasion.light:
            return total
        pool = self._allowed(self.pools.strength, ask, optional=True)
        pool = self._within_new_limit(pool, chosen, optional=True)
        for extra in self._ranked([e for e in pool if e not in chosen], avoid):
            pick = self._pick(extra, Role.ACCESSORY, occasion)
            if total + pick.seconds <= room and pick.dose.sets >= token_floor(picks):
                picks.append(pick)
                return total + pick.seconds
        return total

    def _meets_for(self, old: Exercise, chosen: list[Exercise], ask: SessionAsk) -> list[Exercise]:
        """What may stand in for `old` by what it gives the rules that nothing else in the
        session gives (nor, for a muscle group, the week elsewhere), with at least its
        balance: any balance drill for a balance drill beside anchors that cover the rest."""
        needs = self._needs_only(old, chosen, ask)
        taken = {e.id for e in chosen}
        return [
            e
            for e in self._allowed(self.pools.main_pool, ask, optional=True)
            if e.id not in taken and needs <= self.pools.gives[e.id] and e.balance >= old.balance
        ]

    def _needs_only(self, old: Exercise, chosen: list[Exercise], ask: SessionAsk) -> set[object]:
        """What `old` alone gives the session's rules: no other exercise of it gives it, nor,
        for a muscle group, the week before this session (a later one may not come)."""
        rest = [e for e in chosen if e.id != old.id]
        needs = set(self.pools.gives[old.id]) - {n for e in rest for n in self.pools.gives[e.id]}
        return needs - ask.week_worked

    def _repeats(
        self,
        picks: Sequence[Pick],
        recent: Sequence[frozenset[str]],
        repeats: frozenset[tuple[Dosed, ...]],
    ) -> bool:
        """Whether the session, as care makes it, holds the exercises of one of the
        `recent` sessions, or the exercises and doses of one of `repeats`."""
        done = self._cared(tuple(p.prescription for p in picks)).main
        return frozenset(p.exercise for p in done) in recent or doses_of(done) in repeats

    def _cared(self, composed: tuple[Prescription, ...]) -> CareFit:
        """What care makes of a main block (itself without care in view), the last one
        asked remembered: the fitting and `_unlike` ask of the same block in turn."""
        if self.care is None:
            return CareFit(composed)
        if self.care_made is None or self.care_made[0] != composed:
            self.care_made = (composed, self.care(composed))
        return self.care_made[1]

    def _new_limit(self, day: date | None) -> int | None:
        """How many new exercises the session may bring (needs of the hard rules aside): a
        first week teaches FIRST_SESSION_NEW movements a session at most, and after it a
        session brings NEW_PER_SESSION at most, so each new lift gets the athlete's
        attention (None: an undated session, not capped)."""
        if not self.memory.last_used:
            return FIRST_SESSION_NEW
        if day is None or self.memory.first_day is None:
            return None
        return FIRST_SESSION_NEW if day < self.memory.first_day + FIRST_WEEK else NEW_PER_SESSION

    def _within_new_limit(
        self,
        pool: list[Exercise],
        chosen: Sequence[Exercise],
        *,
        optional: bool,
        instead: Exercise | None = None,
        reserve: int = 0,
    ) -> list[Exercise]:
        """The pool, or, once the session holds as many new exercises as it may
        (`new_limit`, less the places held in `reserve`; `instead` of the exercise about to
        be swapped out), what the athlete has done. A need of the rules (care, a muscle
        group, balance) may still bring a new one when nothing done meets it; an
        `optional` pick never does."""
        if self.new_limit is None:
            return pool
        new = sum(self._new_to_meet(e) for e in chosen if instead is None or e.id != instead.id)
        if new < self.new_limit - reserve:
            return pool
        familiar = [e for e in pool if not self._new_to_meet(e)]
        return familiar if familiar or optional else pool

    # -- doses -------------------------------------------------------------------------

    def _pick(self, e: Exercise, role: Role, occasion: Occasion, sets: int | None = None) -> Pick:
        """`e` dosed for its role and the week; `sets` when fitting settled them."""
        if role is Role.PLYOMETRIC:
            return self._jump_pick(e, occasion)
        start_kg = self.block.start_kg.get(e.id) if role is Role.ANCHOR else None
        implement = self.pools.implements[e.id]
        if role is Role.ANCHOR and not implement:  # no load: its progress goes on
            step = occasion.step + self.block.start_step.get(e.id, 0)
            if self._one_leg_next(e):  # one leg before a slower lowering
                step = min(step, len(BODYWEIGHT_REPS))
            occasion = occasion._replace(step=step)
            self.anchor_step[e.id] = step
        carried_from = self._carried_from(e) if role is Role.ANCHOR else None
        if carried_from is not None:
            self.carried.add(e.id)
        new = not self.done(e) and carried_from is None
        dose = dose_for(e, role, occasion, loaded=bool(implement))
        start = (start_kg or self.pools.start_loads[e.id]) if implement else None
        climbing = climbs(role, implement)
        if new:
            dose = first_exposure(dose, e, harder=e.id in self.harder_of)
        dose = for_the_week(dose, role, occasion)
        if self.masters:  # RPE 7 and three sets at most: slower recovery with age
            dose = dose._replace(rpe=min(dose.rpe, MASTERS_RPE), sets=min(dose.sets, MASTERS_SETS))
        if sets is not None:
            dose = dose._replace(sets=min(dose.sets, sets))
        squat = self.pools.patterns[e.id] in ("squat", "lunge")
        if role is Role.ANCHOR and squat and self.event in ECCENTRIC_EVENTS:
            dose = dose._replace(tempo=slower(dose.tempo, ECCENTRIC_LOWERING))
        kg = None
        if start is not None:
            kg = stepped(self.kit, implement, start, dose.load_steps)
        last = self.memory.previous.get(e.id)
        before = self.memory.previous.get(carried_from.id) if carried_from is not None else None
        if last is None and before is not None:
            # no new movement: its dose goes on from the lift it carries on from, at its
            # own first load, one step at a time as any lift's (`within_reach`)
            last = replace(before, exercise=e.id, load_kg=kg, implement=implement if kg else "")
        if climbing and last is not None and last.reps is not None and last.load_kg is not None:
            # met before as an accessory (2 x 10): as an anchor its reps come into its
            # range at that load, the top of it (or the reps that reach a far next
            # weight, `heavy_top`), rather than staying at 10
            most = heavy_top(self.kit, last.implement, last.load_kg, self.level)
            last = replace(last, reps=most) if last.reps > most else last
        top = reached(
            self.memory.history.get(e.id, ())
            or self.memory.history.get(getattr(carried_from, "id", ""), ())
        )
        if role is Role.ANCHOR and not implement:  # its progress goes on from where it stood
            mark = resumed(last, self.memory.as_anchor.get(e.id))
            if last is not None and mark is not None and rose_since(mark, last):
                # back to the reps and lowering it had reached as an anchor after weeks as
                # an accessory: that is the session's one rise, its sets and effort hold
                most_sets, most_rpe = top or (last.sets, last.target_rpe)
                dose = dose._replace(sets=min(dose.sets, most_sets), rpe=min(dose.rpe, most_rpe))
            last = mark
        # the eve of a hard or long run is a lighter day: no load rises on it
        may_rise = self._may_rise(e.id) and not occasion.eve
        if climbing:
            dose, kg = heavy_climb(
                dose,
                kg,
                implement,
                last,
                self.kit,
                self.level,
                may_rise=may_rise,
                climb=self._climbs(occasion),
            )
        # a loaded anchor whose planned set the session could not hold last time moves on
        # by its reps: the set would be trimmed off again, and the lift stand still
        reps_first = climbing and e.id in self.sets_trimmed
        dose, kg = within_reach(
            dose,
            kg,
            implement,
            last,
            self.kit,
            may_rise=may_rise,
            reached=top,
            reps_first=reps_first,
            sets_first=self._sets_first(e, role, occasion, last),
        )
        if role is Role.ANCHOR and last is not None and dose.sets > last.sets:
            self.set_rises.add(e.id)
        if role is Role.POWER and not new:
            held = self.memory.at_load.get(e.id)
            dose, kg, steps = power_climb(
                dose,
                kg,
                implement,
                self.kit,
                done=self.memory.times_done[e.id],
                at_load=held[:2] if held is not None and kg is not None else None,
                may_rise=may_rise,
                most_sets=MASTERS_SETS if self.masters else POWER_MOST_SETS,
                grow=occasion.eve or not occasion.light,
            )
            if occasion.eve:  # fast reps, few of them
                dose = primer(dose, steps)
        elif role is Role.POWER and occasion.eve:
            dose = primer(dose)
        if kg is not None:  # reps in reserve add up: no more reps at a lower RPE
            most = BEFORE_KEY_RUN_RPE if occasion.before_key_run else MAX_RPE
            most = min(most, MASTERS_RPE) if self.masters else most
            if occasion.ramp or occasion.maintenance or occasion.phase in EASING_PHASES:
                most = dose.rpe  # a week light on purpose keeps its effort: the reps hold
            dose = effort_kept(dose, self.memory.at_kg.get((e.id, implement, kg)), most)
        if last is not None and occasion.phase in EASING_PHASES:  # never more than last time
            reps = (
                dose.reps if dose.reps is None or last.reps is None else min(dose.reps, last.reps)
            )
            dose = dose._replace(sets=min(dose.sets, last.sets), reps=reps)
        extra = self.weaker_leg if role is Role.ANCHOR and e.unilateral else None
        return dosed_pick(
            self.catalogue,
            e.id,
            role,
            dose,
            kg,
            implement if kg is not None else "",
            new,
            self.pools.own_care[e.id],
            extra,
            ramp(kg, implement, self.kit, rpe=dose.rpe),
        )

    def _sets_first(
        self, e: Exercise, role: Role, occasion: Occasion, last: Prescription | None
    ) -> bool:
        """Whether an anchor met first as a one-set accessory takes its second set before
        anything else rises (`within_reach`): its reps would otherwise rise session after
        session and leave the block's main lift at one set for good. A masters athlete's
        week climbs by its own cap (`_masters_week`). Also one the fitting asks for a set
        (`sets_now`, `_sets_instead`)."""
        if role is not Role.ANCHOR or self.masters or last is None:
            return False
        return last.sets < FEWEST_ANCHOR_SETS or e.id in self.sets_now

    def _resting(
        self, anchors: Sequence[Exercise], ask: SessionAsk, occasion: Occasion
    ) -> Exercise | None:
        """The anchor a short session leaves to another, where the anchors lead
        (`_anchor_sets_lead`): thirty minutes hold three one-leg anchors at two sets each,
        or two at their block's three, and a coach would rather see fewer lifts done
        properly (issue 13). In a full session the anchor that rested longest ago rests,
        the last of the block's order first (the calf lift, then the hinge, then the
        squat), so any two sessions running hold every anchor and each keeps its weekly
        dose: two sessions in three, at three sets, where it had every session at two.
        None rests while an anchor is new to the athlete (first exposures come first),
        carries care for their problems or gives way to care's stand-in (care is in every
        session: the other two would rest in turn, each every other session); in the
        week's last session only one the week has held already, never one that rested
        earlier in the week and is still owed. A lighter day (the eve of a key run) keeps
        its anchors, but when one is owed it rests one the week has held instead: the
        fitting of such a day had dropped the owed one, and the week lost it."""
        short = ask.budget_seconds <= SHORT_SESSION_MINUTES * 60
        if not short or len(anchors) <= SHORT_SESSION_ANCHORS:
            return None
        if not self._anchor_sets_lead(occasion):
            return None
        cared = set(cared_for(self.injuries))
        if any(
            not self.done(e) or cared.intersection(e.injury_care) or e.id in self.taken_by_care
            for e in anchors
        ):
            return None  # the others would rest in turn, each every other session
        held, rested = self._this_week(ask.day)
        owed = {e.id for e in anchors if e.id in rested and e.id not in held}
        if occasion.light:
            may_rest = [e for e in anchors if e.id in held] if owed else []
        else:
            may_rest = [
                e
                for e in anchors
                if e.id not in owed and (ask.sessions_to_come > 0 or e.id in held)
            ]
        if not may_rest:
            return None
        order = {e.id: index for index, e in enumerate(anchors)}
        rests = min(may_rest, key=lambda e: (self.rested_at.get(e.id, -1), -order[e.id]))
        self.rested_at[rests.id] = self.memory.count
        rested.add(rests.id)
        return rests

    def _at_working_effort(self, anchor: Exercise) -> bool:
        """Whether an anchor's last time reached its working effort (RPE 7): below it, the
        effort rises before a set (`within_reach`: effort first)."""
        last = self.memory.previous.get(anchor.id)
        return last is not None and last.target_rpe >= WORKING_RPE

    def _this_week(self, day: date | None) -> tuple[set[str], set[str]]:
        """The anchors the sessions of `day`'s week held so far, and those they rested."""
        if day is None:
            return set(), set()
        week = (day - self.start).days // 7
        if self.week_anchors[0] != week:
            self.week_anchors = (week, set(), set())
        return self.week_anchors[1], self.week_anchors[2]

    def _count_week_anchors(self, main: Iterable[Prescription], day: date | None) -> None:
        """Count the anchors the session just composed holds in its week's."""
        held, _ = self._this_week(day)
        held.update(p.exercise for p in main if p.role is Role.ANCHOR)

    def _anchor_sets_lead(self, occasion: Occasion) -> bool:
        """Whether the anchors' block sets come before a companion's room (sets follow the
        lift's role, issue 13): an intermediate or advanced runner's off-season, base and
        build (SET_FIRST_PHASES), not a masters athlete (whose week climbs by its own cap,
        `_masters_week`) nor a beginner (whose sets stay where the dose puts them)."""
        return (
            self.level is not Level.BEGINNER
            and not self.masters
            and occasion.phase in SET_FIRST_PHASES
        )

    def _jump_pick(self, e: Exercise, occasion: Occasion) -> Pick:
        """A jump drill in foot contacts (`contacts_due`): from where its last full
        exposure left them, about 15 % more in a new training week, held while loads are
        (near a goal race, a ramp or peak week), fewer on an eased day and in two sets, as
        a light session's every exercise (`recovery-week`); two sets the first time, a
        masters athlete's MASTERS_SETS at most."""
        last = self.jumps.jumped.get(e.id)
        holds = self.hold_loads or occasion.ramp or occasion.phase is Phase.PEAK
        rises = last is not None and self._new_week(last[0]) and not holds
        eased = occasion.light
        contacts = contacts_due(
            self.level, e.stage, last[1] if last else None, rises=rises, eased=eased
        )
        new = not self.done(e)
        most_sets = MASTERS_SETS if self.masters else MOST_JUMP_SETS
        dose = jump_dose(e, contacts, first=new, most_sets=FIRST_SETS if eased else most_sets)
        return dosed_pick(
            self.catalogue,
            e.id,
            Role.PLYOMETRIC,
            dose,
            None,
            "",
            new,
            self.pools.own_care[e.id],
            None,
        )

    def _new_week(self, day: date | None) -> bool:
        """Whether today falls in a later week of the plan than `day` (an undated session
        counts as one)."""
        if day is None or self.today is None:
            return True
        return (self.today - self.start).days // 7 != (day - self.start).days // 7

    def _ramps_in_order(self, picks: list[Pick]) -> bool:
        """Each barbell pick's warm-up sets in session order (`ramps_in_order`: the empty
        bar opens the first barbell lift's only), so the fitting counts their time;
        whether any changed."""
        main = [p.prescription for p in picks]
        changed = False
        for index, q in enumerate(ramps_in_order(main, self.kit)):
            p = picks[index]
            if q is not p.prescription:
                changed = True
                picks[index] = dosed_pick(
                    self.catalogue,
                    p.exercise.id,
                    p.role,
                    p.dose,
                    q.load_kg,
                    q.implement,
                    q.new,
                    q.injury_care,
                    q.extra_side,
                    q.warmup_sets,
                )
        return changed

    def _masters_week(
        self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, work: int
    ) -> int:
        """Masters: a session holds at most MASTERS_WEEKLY_RISE more sets than the last
        full week's sessions did on average (sets come off the companions first, then
        anchors above two, then the fast work above two: the drill stays, with fewer
        contacts, and its progress holds, `Jumps.done`); the main work's seconds. A taper,
        race or maintenance week is no full week to measure from (a ramp week is: the way
        back climbs gently too). A drill kept whole at 3 x 8 beside three anchors took a
        week of 6 and 7 sets to 10."""
        if ask.day is None:
            return work
        week = (ask.day.toordinal() - 1) // 7
        total = sum(p.dose.sets for p in picks)
        before = [w for w, _ in self.week_sets if w < week]
        if before:
            sets = [n for w, n in self.week_sets if w == max(before)]
            cap = math.ceil(sum(sets) / len(sets) * (1 + MASTERS_WEEKLY_RISE))
            for floor, roles in ((1, COMPANION_ROLES), (2, (Role.ANCHOR,)), (2, FAST_ROLES)):
                for index in reversed(range(len(picks))):
                    p = picks[index]
                    while total > cap and p.role in roles and p.dose.sets > floor:
                        p = picks[index] = with_sets(self.catalogue, p, p.dose.sets - 1)
                        total -= 1
            if total > cap:  # a set each and still more: spare companions go (`trim`)
                self._drop_companions(picks, cap / total)
                total = sum(p.dose.sets for p in picks)
        return sum(p.seconds for p in picks)

    def _count_masters_week(self, picks: list[Pick], ask: SessionAsk, occasion: Occasion) -> None:
        """Remember a full week's session's sets, as composed at last, for `_masters_week`."""
        if ask.day is None or occasion.maintenance or occasion.phase in EASING_PHASES:
            return
        week = (ask.day.toordinal() - 1) // 7
        self.week_sets = [*self.week_sets[-6:], (week, sum(p.dose.sets for p in picks))]

    def _no_more_than_last(self, picks: list[Pick], work: int) -> int:
        """A taper, race or recovery week's session holds no more sets than the session
        before it (the week before, or the taper): sets come off the companions, then the
        anchors, one at a time from the last lift, and then a spare companion (`trim`);
        the main work's seconds. Care for the athlete's problems is not counted: it
        follows its protocol's stage through easing weeks (`care-routine`)."""
        if self.last_sets is None:
            return work
        total = sum(p.dose.sets for p in picks if not p.prescription.injury_care)
        for roles in (COMPANION_ROLES, (Role.ANCHOR,)):
            for index in reversed(range(len(picks))):
                p = picks[index]
                if p.prescription.injury_care:
                    continue
                while total > self.last_sets and p.role in roles and p.dose.sets > 1:
                    p = picks[index] = with_sets(self.catalogue, p, p.dose.sets - 1)
                    total -= 1
        if total > self.last_sets:  # a set each and still more: a spare companion goes
            self._drop_companions(picks, self.last_sets / total)
        return sum(p.seconds for p in picks)

    def _drop_companions(self, picks: list[Pick], share: float) -> None:
        """Shorten the companions toward `share` of the session's main work (`trim`: those
        whose every need another meets go, the last first); the anchors and the fast work
        (`FAST_ROLES`) stay."""
        anchors = [p for p in picks if p.role is Role.ANCHOR or p.role in FAST_ROLES]
        others = [p for p in picks if p not in anchors]
        work = sum(p.seconds for p in picks)
        most = work * share - sum(p.seconds for p in anchors)
        trim(self.catalogue, others, self.pools.gives, self.pools.works, max(0.0, most))
        picks[:] = anchors + others

    def _whole_sets(
        self,
        picks: list[Pick],
        ask: SessionAsk,
        occasion: Occasion,
        wanted: dict[str, int],
        budget: int,
    ) -> int:
        """No companion at one set beside anchors at two or more where the `budget`
        seconds of main work allow (issue 13: a couch-to-5K beginner's 1 x 10 of several
        exercises trains nothing): spare ones go, rule-needed ones get their sets back,
        those the week meets elsewhere go (`no_token_companions`), two give way to one
        that meets both their needs (`_double_duty`), an anchor's third set becomes a
        companion's second (`_anchor_set_given`). A masters athlete's weekly cap and a
        light day keep their sets. The main work's seconds."""
        room = budget - self.care_shift
        keeps = occasion.light or self.masters
        if not keeps:
            self._sets_before_companions(picks, ask, occasion, room)
        no_token_companions(
            self.catalogue,
            picks,
            self.pools.gives,
            self.pools.works,
            room,
            may_add=_never if keeps else self._sets_back(wanted),
            elsewhere=frozenset() if self.masters else self._met_in_week(ask),
        )
        if not self.masters:
            self._double_duty(picks, ask, occasion, room)
        kept = BLOCK_SETS if self._anchor_sets_lead(occasion) else FEWEST_ANCHOR_SETS
        return self._anchor_set_given(picks, room, self._sets_back(wanted), kept)

    def _sets_before_companions(
        self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, room: float
    ) -> None:
        """An anchor held below its block's sets because an earlier session could not hold
        the set (`sets_trimmed`) takes it back, at last time's reps and load, when dropping
        or trimming companions whose needs the session or the week meets otherwise makes
        the room (`trim`): the anchors' sets come before an accessory's (issue 13: a
        30-minute session kept a banded calf raise beside the calf anchor at 2 sets). Only
        where the anchors' sets lead (`_anchor_sets_lead`: intermediate and advanced,
        SET_FIRST_PHASES) and never on what care doses."""
        if not self._anchor_sets_lead(occasion):
            return
        elsewhere = self._met_in_week(ask)
        for p in list(picks):
            lift = p.exercise.id
            last = self.memory.previous.get(lift)
            if p.role is not Role.ANCHOR or p.new or p.prescription.injury_care or last is None:
                continue
            if lift not in self.sets_trimmed:
                continue
            self.sets_trimmed.discard(lift)
            instead = self._pick(p.exercise, Role.ANCHOR, occasion)
            more = instead.dose.sets > max(p.dose.sets, last.sets)
            if more:
                trial = [instead if q is p else q for q in picks]
                kept = [q for q in trial if q.role is Role.ANCHOR or q.role in FAST_ROLES]
                others = [q for q in trial if q not in kept]
                spare = room - sum(q.seconds for q in kept)
                trim(
                    self.catalogue,
                    others,
                    self.pools.gives,
                    self.pools.works,
                    spare,
                    elsewhere=elsewhere,
                )
                after = kept + others
                given = {need for q in after for need in self.pools.gives[q.exercise.id]}
                needs = {need for q in trial for need in self.pools.gives[q.exercise.id]}
                if (
                    sum(q.seconds for q in after) <= room
                    and needs - elsewhere <= given
                    and len(groups([q.exercise for q in after])) >= MIN_GROUPS
                ):
                    picks[:] = after
                    continue
            self.sets_trimmed.add(lift)

    def _double_duty(
        self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, room: float
    ) -> None:
        """A companion still cut to one set (`tokens`: the rules need it, the minutes do not
        hold its second) and another companion give way, in place, to one exercise that
        meets both their needs at their floor's sets within `room` seconds: a bird dog for
        a core lift and a balance drill. Fewer accessories, not one-set ones."""
        while short := tokens(picks):
            pairs = [
                (token, other)
                for token in short
                for other in picks
                if other is not token
                and other.role not in (Role.ANCHOR, Role.CARE)
                and not other.prescription.injury_care
            ]
            for token, other in pairs:
                both = self._one_for_two(picks, token, other, ask, occasion, room)
                if both is not None:
                    picks[picks.index(other)] = both
                    picks.remove(token)
                    break
            else:
                return

    def _one_for_two(
        self,
        picks: list[Pick],
        token: Pick,
        other: Pick,
        ask: SessionAsk,
        occasion: Occasion,
        room: float,
    ) -> Pick | None:
        """The best exercise that meets what `token` and `other` alone give the session
        (the week's groups met elsewhere aside), dosed at the session's `token_floor`, when
        it fits in `room` seconds in their place; None when none does."""
        pair = (token.exercise.id, other.exercise.id)
        rest = [p.exercise for p in picks if p.exercise.id not in pair]
        needs = self.pools.gives[pair[0]] | self.pools.gives[pair[1]]
        needs -= {n for e in rest for n in self.pools.gives[e.id]} | self._met_in_week(ask)
        if not needs:
            return None
        pool = self._allowed(self.pools.main_pool, ask, optional=True)
        pool = [e for e in pool if needs <= self.pools.gives[e.id] and e not in rest]
        pool = self._within_new_limit(pool, rest, optional=True)
        best = self._best(pool, ask.recent[-1] if ask.recent else frozenset(), rest)
        if best is None:
            return None
        floor = token_floor(picks)
        role = Role.BALANCE if best.kind is ExerciseKind.BALANCE else Role.ACCESSORY
        both = self._pick(best, role, occasion)
        if both.dose.sets < floor:
            return None  # its progression holds it below the floor today
        both = with_sets(self.catalogue, both, floor)
        total = sum(p.seconds for p in picks) - token.seconds - other.seconds + both.seconds
        return both if total <= room else None

    def _anchor_set_given(
        self,
        picks: list[Pick],
        room: float,
        may_add: Callable[[Pick, int], bool],
        kept: int = FEWEST_ANCHOR_SETS,
    ) -> int:
        """A companion still cut to one set gets its second from an anchor above two sets
        that is no heavy lift (a beginner's split squat at 3 x 10, not an intermediate's
        loaded 5-rep squat): two sets of each train, a third of one beside a token of the
        other does not. Only where its progression allows the set (`may_add`, as
        `_sets_back`): a companion whose reps rose since its one-set exposures keeps its
        one set today, one rise at a time. An anchor keeps `kept` sets: where the anchors'
        sets lead (`_anchor_sets_lead`) its block's three stay, the companion keeps one set
        or goes (sets follow the role, issue 13). The main work's seconds."""
        total = sum(p.seconds for p in picks)
        for token in tokens(picks):
            floor = token_floor(picks)
            if not may_add(token, floor):
                continue
            donors = [
                index
                for index, p in enumerate(picks)
                if p.role is Role.ANCHOR
                and p.dose.sets > max(floor, kept)
                and not (p.prescription.implement and self.level is not Level.BEGINNER)
            ]
            if not donors:
                break
            index = max(donors, key=lambda i: (picks[i].dose.sets, i))
            donor = picks[index]
            fewer = with_sets(self.catalogue, donor, donor.dose.sets - 1)
            more = with_sets(self.catalogue, token, floor)
            after = total - donor.seconds + fewer.seconds - token.seconds + more.seconds
            if after > room:
                continue
            picks[index] = fewer
            picks[picks.index(token)] = more
            total = after
        return total

    def _rise_otherwise(
        self, picks: list[Pick], occasion: Occasion, wanted: dict[str, int], budget: int
    ) -> int:
        """An anchor whose rise was a set (the block's sets back after a first exposure or
        a lighter day) that the fitting took off again rises otherwise, by its reps or
        load at the sets it kept, where the `budget` seconds hold it: a set planned and
        trimmed is a session with no rise at all (a 30-minute session holds three one-leg
        anchors at two sets). Its reps come first from then on (`sets_trimmed`). The main
        work's seconds."""
        total = sum(p.seconds for p in picks)
        for index, p in enumerate(picks):
            lift = p.exercise.id
            if lift not in self.set_rises or p.dose.sets >= wanted.get(lift, 0):
                continue
            self.sets_trimmed.add(lift)
            other = self._pick(p.exercise, Role.ANCHOR, occasion, sets=p.dose.sets)
            if total - p.seconds + other.seconds <= budget - self.care_shift:
                picks[index] = other
                total += other.seconds - p.seconds
        return total

    def _sets_back(self, wanted: dict[str, int]) -> Callable[[Pick, int], bool]:
        """Whether a pick may have so many sets back: no more than its dose asked before
        the fitting took them (`wanted`: the progression allowed them, one rise at a time),
        or than the most of its last few exposures (`reached`), or a first exposure's two.
        A companion cut to one set comes back to two in a later session: a set more is
        one rise, not a jump (a clamshell held at 1 x 10 for good trains nothing)."""

        def may_add(pick: Pick, sets: int) -> bool:
            top = reached(self.memory.history.get(pick.exercise.id, ()))
            most = max(top[0] if top is not None else 2, wanted.get(pick.exercise.id, 0))
            return sets <= most

        return may_add

    @staticmethod
    def _met_in_week(ask: SessionAsk) -> frozenset[Muscle]:
        """The week's muscle groups (`several-groups`) met outside this session: those an
        earlier session of the week worked, and every one while a later session is still
        to come (it covers what this one leaves out)."""
        if ask.sessions_to_come:
            return WEEKLY_GROUPS
        return WEEKLY_GROUPS & ask.week_worked

    def _climbs(self, occasion: Occasion) -> bool:
        """Whether a heavy anchor's reps may climb today: not in an easing week (a taper,
        race or light week, the first week back after a race, a maintenance session) nor
        while loads are held before a goal race. The eve of a hard or long run may: its
        load never rises and its effort cap is a point lower, but a rep step inside the
        heavy range keeps the double progression going (with an eve before most
        climbing days, holding it there too left one step a week, loads every other), at
        last time's effort at that load (`effort_kept`: reps in reserve add up)."""
        light = occasion.maintenance or occasion.ramp == 1
        return not (light or occasion.phase in EASING_PHASES or self.hold_loads)

    def _may_rise(self, exercise_id: str) -> bool:
        """The logbook's pace for a load rise: two sessions at the load, and a week since
        it was reached (undated sessions: two at the load do)."""
        if self.hold_loads:  # close to an A race the loads stay where they were
            return False
        held = self.memory.at_load.get(exercise_id)
        if held is None:
            return True
        _, sessions, since = held
        week_on = (
            since is None or self.today is None or (self.today - since).days >= RISE_EVERY_DAYS
        )
        return sessions >= RISE_AFTER_SESSIONS and week_on

    def _aim(self, ask: SessionAsk, occasion: Occasion, *, lifting: bool) -> float:
        """The seconds a session fills to at least: FILL_AIM short of the minutes asked,
        with lifts (`lifting`) to the peak's share of them (`budget_share`: its sets stay
        below the build's) and the rest with mobility; nothing for a day that is lighter
        on purpose (`Occasion.light`)."""
        if occasion.light:
            return 0.0
        share = budget_share(occasion.phase) if lifting else 1.0
        return ask.budget_seconds * (share - FILL_AIM)

    def _fit(self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, budget: int) -> int:
        """Trim or fill the main work to `budget` seconds, never past it and, as far as the
        rules allow, filled to the session's aim (`_aim`); the main work's seconds as
        composed. With care in view (`compose`), the work is fitted as care will make it:
        what care adds takes room, what it takes away (a split squat become a wall sit)
        leaves room to fill, and work care doses at its stage gets no set from the fitting
        (`care_shift`: how much longer care makes the work)."""
        aim = self._aim(ask, occasion, lifting=True) - (ask.budget_seconds - budget)
        shift = self.care_shift  # what care made of the session's work when last fitted
        total = self._fit_to(picks, ask, occasion, budget - shift, aim - shift, frozenset())
        shift, held = self._as_care_makes_it(picks)
        for _ in range(CARE_ROUNDS):
            if shift == self.care_shift:
                break
            self.care_shift = shift
            total = self._fit_to(picks, ask, occasion, budget - shift, aim - shift, held)
            shift, held = self._as_care_makes_it(picks)
        self.care_shift = shift
        return total

    def _fit_with_fast_work(
        self, picks: list[Pick], ask: SessionAsk, occasion: Occasion, fixed: int, fewest: int
    ) -> tuple[int, bool]:
        """`_fit` to the minutes the warm-up and cool-down (`fixed` seconds) leave; when
        that leaves the session's fast work out (the block's jump drill, or a power lift)
        and the fewest drills and stretches the rules take (`fewest` seconds) make room for
        it beside the same anchors, fitted with that room instead: two or three minutes
        of jumps are worth a mobility drill and a stretch, and the time left afterwards
        still goes back to mobility (`_more_mobility`). A racer with 30-minute sessions had
        no jumps all season: three anchors filled the minutes left by the warm-up and
        cool-down (issue 13). The main work's seconds, and whether the room was taken."""
        composed = list(picks)
        shift = self.care_shift
        work = self._fit(picks, ask, occasion, ask.budget_seconds - fixed)
        fast = [p for p in composed if p.role in FAST_ROLES]
        if not fast or fewest >= fixed or any(p.role in FAST_ROLES for p in picks):
            return work, False
        kept_shift = self.care_shift
        trial = list(composed)
        self.care_shift = shift
        # only the fast work's room: the rest is no reason to shorten the mobility
        room = fixed - max(fewest, fixed - sum(p.seconds for p in fast))
        done = self._fit(trial, ask, occasion, ask.budget_seconds - fixed + room)
        anchors = sum(p.role is Role.ANCHOR for p in picks)
        if any(p.role in FAST_ROLES for p in trial) and (
            sum(p.role is Role.ANCHOR for p in trial) >= anchors
        ):
            picks[:] = trial
            return done, True
        self.care_shift = kept_shift
        return work, False

    def _as_care_makes_it(self, picks: list[Pick]) -> tuple[int, frozenset[str]]:
        """How many seconds longer care makes the main work (fewer: negative), and the
        exercises whose dose care sets (those it changed, and the care picks, which keep
        their protocol's dose); nothing without care in view."""
        if self.care is None:
            return 0, frozenset()
        composed = tuple(p.prescription for p in picks)
        if self.care_seen is not None and self.care_seen[0] == composed:
            return self.care_seen[1]
        done = self._cared(composed)
        if done.main == composed:
            self.care_seen = (composed, (0, frozenset()))
            return 0, frozenset()
        kept = set(done.main)
        held = frozenset(p.exercise for p in composed if p not in kept or p.role is Role.CARE)
        shift = done.extra_seconds
        self.care_seen = (composed, (shift, held))
        return shift, held

    def _fit_to(
        self,
        picks: list[Pick],
        ask: SessionAsk,
        occasion: Occasion,
        most: float,
        least: float,
        held: frozenset[str],
    ) -> int:
        """Trim the picks to `most` seconds (`_trim`), or fill them to `least`; the seconds
        they take. `held`: exercises whose sets care sets (`_as_care_makes_it`)."""
        total = sum(p.seconds for p in picks)
        if total > most:
            elsewhere = self._met_in_week(ask)
            total = self._trim(picks, most, held, elsewhere)
            if self._ramps_in_order(picks):  # the first barbell lift went: the next one's
                total = sum(p.seconds for p in picks)  # ramp opens with the empty bar
                if total > most:
                    total = self._trim(picks, most, held, elsewhere)
        if total < least:
            total = self._fill(picks, ask, occasion, total, least, most, held)
        return total

    def _trim(
        self,
        picks: list[Pick],
        most: float,
        held: frozenset[str],
        elsewhere: frozenset[Muscle] = frozenset(),
    ) -> int:
        """`trim`, keeping the session's fast work (`FAST_ROLES`) whole while the rest can
        be trimmed around it without losing an anchor: a jump drill's sets are its
        contacts, climbing week by week, and power work is what a masters athlete keeps.
        Else without it, when the rest then fits and gives all it gave (a day without
        jumps rather than a token set of them); else `trim` as it comes. `elsewhere`: the
        week's groups met outside this session (`_met_in_week`), whose companions go
        before an anchor does. The seconds left."""
        fast = [p for p in picks if p.role in FAST_ROLES]
        anchors = sum(p.role is Role.ANCHOR for p in picks)
        had = self._recent_sets(picks)
        for kept in (fast, []) if fast else ():
            rest = [p for p in picks if p not in fast]
            room = most - sum(p.seconds for p in kept)
            total = trim(
                self.catalogue,
                rest,
                self.pools.gives,
                self.pools.works,
                room,
                held=held,
                elsewhere=elsewhere,
                had=had,
            )
            whole = total <= room and sum(p.role is Role.ANCHOR for p in rest) == anchors
            if whole and (kept or self._gives_all(rest, fast)):
                picks[:] = rest[:anchors] + kept + rest[anchors:]  # right after the anchors
                return total + sum(p.seconds for p in kept)
        return trim(
            self.catalogue,
            picks,
            self.pools.gives,
            self.pools.works,
            most,
            held=held,
            elsewhere=elsewhere,
            had=had,
        )

    def _gives_all(self, rest: list[Pick], gone: list[Pick]) -> bool:
        """Whether `rest` still gives every need of the rules and reaches every major
        group that the picks `gone` gave (`several-groups`, `balance`, `injury-care`)."""
        given = {need for p in rest for need in self.pools.gives[p.exercise.id]}
        worked = {group for p in rest for group in self.pools.works[p.exercise.id]}
        lost = {group for p in gone for group in self.pools.works[p.exercise.id]} - worked
        needs = {need for p in gone for need in self.pools.gives[p.exercise.id]}
        return needs <= given and (not lost or len(worked) >= MIN_GROUPS)

    def _fill(
        self,
        picks: list[Pick],
        ask: SessionAsk,
        occasion: Occasion,
        total: int,
        least: float,
        most: float,
        held: frozenset[str] = frozenset(),
    ) -> int:
        """While the session is short of `least` seconds and a step fits in `most`: a set
        more on each anchor in turn (not on a first exposure, nor past one rise since last
        time, nor what care doses: `held`), then known or a few new accessories and balance
        work, the best first; the new total. A light day stays light (`Occasion.light`),
        and the peak adds no anchor set: its sets stay below the build's."""
        if occasion.light:
            return total
        if occasion.phase is not Phase.PEAK:
            total = self._sets_instead(picks, occasion, total, least, most, held)
            total = self._anchor_sets(picks, total, least, most, held)
        if total >= least:
            return total
        avoid = ask.recent[-1] if ask.recent else frozenset()
        chosen = {p.exercise.id for p in picks}
        candidates = self._allowed(self.pools.main_pool, ask, optional=True)
        candidates = [e for e in candidates if e.id not in chosen]
        # with a few new movements at a time, the new ones reach muscles not yet worked
        candidates = self._ranked(candidates, avoid, set(Muscle) - self.worked)
        # no filler that care brought into the session before (a wall sit standing in for
        # a lunge): two sessions in a row with it are no variety
        candidates = [e for e in candidates if e.id not in self.care_before]
        # a few new movements at a time: no new accessory beyond the session's `new_limit`
        limit = self.new_limit
        for e in candidates:
            if total >= least:
                break
            if limit is not None and self._new_to_meet(e) and self._news(picks) >= limit:
                continue
            if self._a_variant_in(picks, e):  # a second lunge fills no room
                continue
            if self.pools.own_care.get(e.id) and e.id in avoid:
                continue  # care the last session held (a wall sit) takes turns as a filler
            extra = self.fill_picks.get(e.id)
            if extra is None:
                role = Role.BALANCE if e.kind is ExerciseKind.BALANCE else Role.ACCESSORY
                extra = self.fill_picks[e.id] = self._pick(e, role, occasion)
            if total + extra.seconds <= most:
                picks.append(extra)
                total += extra.seconds
        return total

    def _variants(self, e: Exercise) -> frozenset[str]:
        """The variants of `e` (`variants_of`) a session holds beside it only for care:
        none when `e` itself is care for the athlete's problems."""
        if self.pools.own_care.get(e.id):
            return NO_VARIANTS
        return self.pools.variants.get(e.id, NO_VARIANTS)

    def _a_variant_in(self, picks: Sequence[Pick], e: Exercise) -> bool:
        """Whether the picks hold a variant of `e` where neither is care (`_variants`)."""
        near = self._variants(e)
        return any(p.exercise.id in near for p in picks if p.role is not Role.CARE)

    def _sets_instead(
        self,
        picks: list[Pick],
        occasion: Occasion,
        total: int,
        least: float,
        most: float,
        held: frozenset[str],
    ) -> int:
        """With time to fill, an anchor below its block's sets whose rise today is its reps
        (or effort, or tempo) at last time's load takes a set instead, at last time's dose,
        where it fits in `most`: the set comes before an accessory fills the room (a
        30-minute session had room for a banded calf raise beside the calf anchor at 2
        sets, and 60-minute sessions filled with four accessories beside anchors at 2:
        issue 13). A load rise keeps its turn, and it is still one rise at a time. Only
        where the anchors' sets lead (`_anchor_sets_lead`). The new total."""
        if not self._anchor_sets_lead(occasion):
            return total
        for index, p in enumerate(picks):
            lift = p.exercise.id
            last = self.memory.previous.get(lift)
            if total >= least:
                break
            if p.role is not Role.ANCHOR or p.new or lift in held or last is None:
                continue
            if p.prescription.injury_care or p.prescription.load_kg != last.load_kg:
                continue
            trimmed = lift in self.sets_trimmed
            self.sets_trimmed.discard(lift)
            self.sets_now.add(lift)
            instead = self._pick(p.exercise, Role.ANCHOR, occasion)
            self.sets_now.discard(lift)
            # the set, not the effort: a lift short of its working effort takes that first
            more = instead.dose.sets > max(p.dose.sets, last.sets)
            more = more and instead.dose.rpe >= p.dose.rpe
            if more and total - p.seconds + instead.seconds <= most:
                picks[index] = instead
                total += instead.seconds - p.seconds
            elif trimmed:
                self.sets_trimmed.add(lift)
        return total

    def _anchor_sets(
        self, picks: list[Pick], total: int, least: float, most: float, held: frozenset[str]
    ) -> int:
        """A set more on each anchor in turn while the session is short of `least` and
        the set fits in `most`: never on a first exposure (two sets), on what care doses
        (`held`), past the role's most (MOST_ANCHOR_SETS, a masters athlete's MASTERS_SETS)
        or past one rise since last time (one thing rises at a time); the new total."""
        most_sets = MASTERS_SETS if self.masters else MOST_ANCHOR_SETS
        tops = {}
        for index, p in enumerate(picks):
            if p.role is not Role.ANCHOR or p.new or p.exercise.id in held:
                continue
            last = self.memory.previous.get(p.exercise.id)
            top = most_sets
            if last is not None:
                top = min(top, last.sets + (0 if rose_since(p.prescription, last) else 1))
            if p.dose.sets < top:
                tops[index] = top
        had = self._recent_sets(picks)
        while tops and total < least:
            # the anchors with the fewest sets first, and of equals the one that had fewer
            # of late: in order, a 30-minute session's one set to spare went to the squat
            # every time and the hinge after it stayed a set behind (issue 13)
            for index in sorted(
                tops, key=lambda i: (picks[i].dose.sets, had.get(picks[i].exercise.id, 0))
            ):
                p = picks[index]
                more = with_sets(self.catalogue, p, p.dose.sets + 1)
                if total + more.seconds - p.seconds > most:
                    del tops[index]
                    continue
                picks[index] = more
                total += more.seconds - p.seconds
                if more.dose.sets >= tops[index]:
                    del tops[index]
                if total >= least:
                    break
        return total

    def _recent_sets(self, picks: Iterable[Pick]) -> dict[str, int]:
        """The sets each of the picks' lifts had in its last few sessions (`history`): the
        fitting shares a cut or a spare set between anchors by it, so none stays behind
        for good."""
        return {
            p.exercise.id: sum(seen.sets for seen in self.memory.history.get(p.exercise.id, ()))
            for p in picks
        }

    def _news(self, picks: Iterable[Pick]) -> int:
        """How many of the picks the athlete would meet for the first time."""
        return sum(self._new_to_meet(p.exercise) for p in picks)

    @staticmethod
    def _first_few(
        anchors: list[Pick], more: list[Pick], limit: int, new: Callable[[Exercise], bool]
    ) -> list[Pick]:
        """A session's companions, `limit` `new` exercises in all at most (`_new_limit`):
        the balance pick, the care picks and a pick for each major group nothing else
        works yet stay (`balance`, `injury-care`, `several-groups`: a hard rule beats the
        cap), then the others in their order (a jump drill first) while room is left."""
        room = limit - sum(new(p.exercise) for p in anchors)
        kept: set[int] = set()
        for p in more:
            if p.role is Role.BALANCE or p.prescription.injury_care:
                kept.add(id(p))
                room -= new(p.exercise)
        worked = groups([p.exercise for p in anchors + more if id(p) in kept or p in anchors])
        for p in more:
            if id(p) not in kept and not groups([p.exercise]) <= worked:
                kept.add(id(p))
                room -= new(p.exercise)
                worked |= groups([p.exercise])
        for p in more:
            if id(p) not in kept and (not new(p.exercise) or room > 0):
                kept.add(id(p))
                room -= new(p.exercise)
        return [p for p in more if id(p) in kept]

    # -- warm-up and cool-down ---------------------------------------------------------

    def given_back(self, session: Session, placed: int) -> Session:
        """`session` after care's first times and climb (`first_times`, `gradual`) made it
        shorter than the `placed` minutes its start was found for: the minutes they took
        back go to mobility, up to the session's aim and never past `placed` (its slot
        holds that long). A session lighter on purpose (`Session.lighter`) stays short."""
        if session.lighter is not None or session.minutes >= placed:
            return session
        aim = self.minutes * 60 * (1 - FILL_AIM)
        now = session.minutes * 60
        if now >= aim:
            return session
        before = sum(60 * w.minutes for w in session.warmup)
        before += sum(self.mobility.stretch_seconds(c) for c in session.cooldown)
        most = 60 * min(placed, self.minutes)
        warmup, cooldown, after = self.mobility.more_mobility(
            session.warmup,
            session.cooldown,
            work_by_muscle(session.main),
            before + aim - now,
            before + most - now,
        )
        if after == before:
            return session
        minutes = session.minutes + round((after - before) / 60)
        return replace(session, warmup=warmup, cooldown=cooldown, minutes=minutes)

    # -- words -------------------------------------------------------------------------


def _fewest_changes(
    moving: list[Exercise], before: list[Exercise], ended: Block, most: int
) -> list[Exercise]:
    """The anchors of `moving` (in order) that move on, so that the athlete meets at most
    `most` anchors in the new block that the ended one did not hold: an anchor no session
    of the ended block held (a 30-minute session's fitting kept it out every time, or
    care did) carries no progress on, and counts as a change whether it stays or moves
    on; moving it on costs nothing more."""
    undone = {e.id for e in before if not ended.done.get(e.id)}
    changes = set(undone)
    chosen = []
    for e in moving:
        if e.id in changes or len(changes) < most:
            changes.add(e.id)
            chosen.append(e)
    return chosen


def _never(pick: Pick, sets: int) -> bool:
    """No sets back on a light day."""
    return False
