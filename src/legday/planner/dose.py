"""How much of each exercise: sets, reps or seconds, effort and load, by role and week.

A block's anchor lifts progress week by week (docs/planner.md): loaded anchors for
intermediate and advanced runners go heavy in the off-season and base, 3-6 reps at RPE
7-8, climbing the athlete's own rack by double progression from their last session, a far
next weight (kettlebells 12 and 16 kg) reached by more reps at the lighter one first
(Støren et al. 2008; Beattie et al. 2017); beginners climb 8-10 reps the same way and
in-season weeks use short maintenance sets (Rønnestad & Mujika 2014); bodyweight anchors
gain reps, then a slower lowering. A barbell's first load is a share of the body weight,
and its warm-up sets come before the first work set (`progression.loads.ramp`).
Accessories, balance and care stay at two easy sets; a block's jump drill is dosed in
foot contacts, from its level's first dose up about 15 % a training week (`contacts_due`,
`jump_dose`: Ramirez-Campillo et al. 2014), and a power lift in a few fast reps far from
failure. Whatever the week, effort never goes above RPE 8 (`MAX_RPE`).

The week then shapes the dose: a first exposure starts gently (2 sets, RPE 6, at most
5 reps of a hard exercise: Petersen et al. 2011), the eve of a hard run is one RPE
lighter and, above two sets, one set lighter; the peak drops a set above two and its
sessions are a little shorter, the taper halves the sets (rounded up, so a third to a half
less volume, nothing added to fill the minutes), and the race week keeps
load and reps with fewer sets still (Mujika & Padilla 2003); the two weeks back after a
goal race ramp up.

Last, no dose jumps from one exposure of an exercise to the next (`within_reach`): one
thing rises at a time, a set, two reps (ten seconds of a hold), one RPE point, or a load
rise as the logbook allows one (`progression.loads.heavier_kg`: 10 % or one step of the
athlete's rack). Effort comes first: a lift below its working RPE rises a point before
anything else does, or a lift that met a rise every session would stay at its first
exposure's easy effort for good (a "heavy" anchor at RPE 5, issue 13); the return to the
most sets and effort of the lift's last three exposures, after a lighter day, is no rise.
So a first exposure of two easy sets ramps up over its next few sessions, one variable
each time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from legday.catalogue import Catalogue
from legday.kit import Kit
from legday.model import (
    MAX_RPE,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Phase,
    Prescription,
    Role,
    Session,
    WarmupSet,
    rep_tempo,
)
from legday.progression.loads import (
    MAX_ECCENTRIC,
    Load,
    heavier_kg,
    ramp,
    ramp_seconds,
    ramps_in_order,
    reps_to_reach,
)
from legday.rules.progression import (
    FIRST_RPE,
    FIRST_SETS,
    HEAVY_PHASES,
    HEAVY_REPS,
    MOST_HOLD_RISE,
    MOST_REP_RISE,
    MOST_RPE_RISE,
    MOST_SET_RISE,
    dose_level,
)

__all__ = [
    "ACCESSORY_REPS",
    "BALANCE_REPS",
    "BALANCE_SECONDS",
    "EASING_PHASES",
    "FAR_STEP_REPS",
    "HEAVY_RANGE",
    "IMPROVISED_LOAD",
    "MAINTENANCE_MINUTES",
    "MOST_PAUSE",
    "NEW_LOAD_WORDS",
    "POWER_MOST_SETS",
    "RACK_TOP_REPS",
    "Dose",
    "NextWeight",
    "Occasion",
    "at_the_rack_top",
    "at_the_top",
    "bodyweight_top",
    "budget_share",
    "carried_load",
    "carries",
    "carries_from",
    "climb_reps",
    "climbs",
    "comparable",
    "contacts_due",
    "dose_for",
    "effort_kept",
    "first_exposure",
    "for_the_week",
    "gradual",
    "hands",
    "heavy_climb",
    "heavy_top",
    "implement_for",
    "jump_dose",
    "load_text",
    "lowering",
    "next_weight",
    "pause",
    "paused",
    "per_leg_kg",
    "power_climb",
    "prescribe",
    "primer",
    "rack_end",
    "reached",
    "resumed",
    "rose_since",
    "seconds_per_rep",
    "slower",
    "start_load",
    "stepped",
    "with_ramps",
    "within_reach",
    "work_seconds",
]

# The peak's sessions are a little shorter (the taper's halved sets make its own shorter).
BUDGET_SHARE = {Phase.PEAK: 0.85}
# A C-race week's only session: at most this long (the athlete's minutes when shorter).
MAINTENANCE_MINUTES = 30
MAINTENANCE_SETS = 2
# Sets follow the lift's role (issue 13): an anchor's block sets (`_anchor`: three, an
# advanced runner's four in the heavy phases), an accessory's two, balance work's two that
# a short session may cut to one (`planner/fit.py`).
ACCESSORY_SETS = 2
# a first exposure's load words end so; a lift met before (in a care routine, say) drops them
NEW_LOAD_WORDS = "; new to you: start easy while you learn it"


# Heavy anchors (intermediate and advanced, loaded, off-season to race week) climb by
# double progression inside this range, as the logbook runs it (`heavy_climb`): reps rise
# at one load to the top, then the next owned weight comes with the reps back at the
# bottom. A coach read a "heavy" lunge held at 5 reps for a whole block (issue 13).
HEAVY_RANGE = (4, HEAVY_REPS)
# A next owned weight further than a small step (`Kit.small_step`: kettlebells 12 and 16 kg)
# may be met for as few as this many reps, the bottom of the heavy range (3-6), and comes
# once the reps at the lighter one put it within reach (`next_weight`): an ultra runner's
# lunge stayed at a 12 kg kettlebell all season with bells to 24 kg owned (issue 13).
FAR_STEP_REPS = 3
# A beginner meets one for 4 reps at the fewest: 8 to 12 kg from 12 reps, RPE 7 at most.
BEGINNER_FAR_STEP_REPS = 4
DOUBLE_PROGRESSION_REPS = (8, 10)  # then one kit step up and back to 8
BODYWEIGHT_REPS = (8, 10, 12)  # then the lowering slows a second a week, to MAX_ECCENTRIC
HOLD_SECONDS = (20, 30, 40, 45)
MOST_PAUSE = 3  # seconds: a bodyweight lift's pause at the bottom, past its slowest lowering
ACCESSORY_REPS = 10
BALANCE_REPS = 8
BALANCE_SECONDS = 30
CARE_REPS = {Level.BEGINNER: 12, Level.INTERMEDIATE: 8, Level.ADVANCED: 6}  # by exercise level
# A block's jump drill, in foot contacts a session (every landing, each side counted):
# where a new drill starts and the most the level climbs to, about 15 % more each training
# week. A runner lands thousands of times a run, so low volumes do (Spurrs et al. 2003;
# Ramirez-Campillo et al. 2014); a landing drill's first time is two sets of ten at most.
FIRST_CONTACTS = {Level.BEGINNER: 20, Level.INTERMEDIATE: 30, Level.ADVANCED: 40}
MOST_CONTACTS = {Level.BEGINNER: 40, Level.INTERMEDIATE: 70, Level.ADVANCED: 100}
CONTACTS_RISE = 0.15
EASED_CONTACTS = 0.6  # a taper, a light or maintenance session: fewer, none new
SET_CONTACTS = {1: 10, 2: 20, 3: 20}  # a set's most by stage: landings one at a time
MOST_JUMP_SETS = 5
# Jumps stop well short of fatigue: a contact that slows or gets loud ends the set, so
# their effort stays where it starts, and only the contacts climb (one thing at a time)
JUMP_RPE = FIRST_RPE
# A power lift: a few fast reps far from failure, the speed is the point (Reid & Fielding
# 2012: power fades with age sooner than strength).
POWER_SETS = 3
POWER_REPS = 5
POWER_RPE = 6
# On a key run's eve a power lift is a primer: a few fast reps, no jumps. Low-volume fast
# or heavy work in the 1-48 h before competing tends to keep or sharpen neuromuscular
# performance (Harrison et al. 2019), while what leaves the legs heavy the next day is
# volume, damaging eccentric work and effort near failure (Doma et al. 2017).
PRIMER_SETS = 2
PRIMER_REPS = 3
# A power lift moves on a step every few sessions, as a jump drill moves a stage on once
# trained (`power_climb`)
POWER_SESSIONS_TO_MOVE_ON = 3
POWER_MOST_SETS = 4
POWER_MOST_REPS = 6  # fast reps: past six, speed fades and the set turns to endurance
# A first exposure (Petersen et al. 2011: Nordic curls start at 2x5).
FIRST_HARD_REPS = 5  # an intermediate or advanced exercise, the first time
FIRST_HARD_SECONDS = 20
# The two weeks back after a goal race: two easy sets, then the usual sets at RPE 7.
RAMP_RPE = {1: 6, 2: 7}
# A heavy one-leg lift rests less after its pair of sides: each leg rests while the other
# works (about 30 s of a heavy set), so 90 s after the pair gives each leg its two minutes,
# and a 30-minute session holds a third set of a split squat (issue 13)
HEAVY_ONE_LEG_REST = 90
REST_SECONDS = {"heavy": 120, Role.ANCHOR: 60, Role.PLYOMETRIC: 60, Role.POWER: 60, "other": 45}
# Less than 48 h before a key run or race a heavy lift may stay, three reps in reserve:
# the load is kept (strength keeps when the effort does), the effort stops short of RPE 8.
BEFORE_KEY_RUN_RPE = 7

# Starting loads (kg) by pattern and implement, for beginner, intermediate and advanced:
# a conservative guess (dumbbells per hand, one kettlebell) that the load text tells the
# athlete to adjust; the logbook's numbers take over after that.
START_KG: dict[tuple[str, str], tuple[float, float, float]] = {
    ("squat", "dumbbells"): (6, 10, 14),
    ("squat", "kettlebell"): (8, 12, 16),
    ("lunge", "dumbbells"): (4, 8, 12),
    ("lunge", "kettlebell"): (8, 8, 12),
    ("hinge", "dumbbells"): (6, 10, 14),
    ("hinge", "kettlebell"): (8, 12, 16),
    ("bridge", "dumbbells"): (6, 10, 14),
    ("bridge", "kettlebell"): (8, 12, 16),
    ("calf", "dumbbells"): (4, 8, 12),
    ("calf", "kettlebell"): (8, 12, 16),
}
OTHER_START_KG = (4.0, 6.0, 8.0)  # any other pattern, any implement
# A pair of dumbbells of 6 kg (10 kg advanced) kept an intermediate racer's heavy lunges at
# 8 kg all plan with 14 kg owned (issue 13): a lunge's strength work starts a step higher,
# at an easy effort. Care for a sore knee (its step-downs and split squats) starts where
# it did: `CARE_START_KG` wins for the athlete's own care.
CARE_START_KG: dict[tuple[str, str], tuple[float, float, float]] = {
    ("lunge", "dumbbells"): (4, 6, 10),
}
# A barbell's first load (the bar and plates in all) is a share of the athlete's body
# weight, by pattern and level: two easy sets of 5 (RPE 6) at about 60-65 % of the one
# repetition maximum a runner of the level may be expected to have (about their body weight
# in the squat for an intermediate, a quarter more for an advanced runner); a hip thrust
# takes more. A coach read a 1500 m runner's back squat held at a token 40-45 kg.
BARBELL_START_SHARE: dict[str, tuple[float, float, float]] = {
    "squat": (0.35, 0.6, 0.8),
    "hinge": (0.35, 0.6, 0.8),
    "bridge": (0.5, 0.8, 1.0),
    "lunge": (0.25, 0.35, 0.45),
}
OTHER_BARBELL_SHARE = (0.25, 0.35, 0.45)
# Without a body weight in the profile, a light runner's: the shares then give 20, 35 and
# 47.5 kg for the squat, the documented conservative first loads by level.
ASSUMED_BODY_KG = 60.0
# Lifts whose pattern's start would be too heavy for them: the load sits far from the
# hips (a good morning puts the bar's weight on a long lever), so they start at a share.
START_SHARE = {"good-morning": 0.5}

# What carries the load, when the exercise does not name it: the handiest first.
FREE_WEIGHTS = ("dumbbells", "kettlebell")


# Weeks that ease off (a taper, a race week, a recovery week's light session): no session
# of theirs holds more than the one before it, lift by lift and in all.
EASING_PHASES = frozenset({Phase.TAPER, Phase.RACE})


class Occasion(NamedTuple):
    """What decides a session's doses besides the exercise: the week and the day."""

    phase: Phase
    level: Level
    step: int = 1  # the anchors' week of progress in the block: 1, 2, ...
    ramp: int = 0  # 1 or 2: the first or second week back after a goal race
    eve: bool = False  # the day before a hard or long run: lighter
    maintenance: bool = False  # a C-race week's one short session: at most two sets
    # less than 48 h before a key run or race starts: effort BEFORE_KEY_RUN_RPE at most
    before_key_run: bool = False

    @property
    def light(self) -> bool:
        """A day that is lighter on purpose, which nothing fills up to the athlete's
        minutes: the eve of a hard or long run, the first week back after a goal race, a
        maintenance session (a C-race week's, a recovery week's, the week after a long
        race), a taper or race week."""
        return self.eve or self.ramp == 1 or self.maintenance or self.phase in EASING_PHASES

    @property
    def heavy(self) -> bool:
        """Heavy anchors: an intermediate or advanced runner in the off-season or base."""
        return self.level is not Level.BEGINNER and self.phase in HEAVY_PHASES


class Dose(NamedTuple):
    """One exercise's dose before it becomes a prescription."""

    sets: int
    reps: int | None
    seconds: int | None
    rpe: int
    tempo: str
    load_steps: int = 0  # kit steps above the starting load


@cache  # a plan holds a handful of tempos, and times its lifts thousands of times
def seconds_per_rep(tempo: str) -> int:
    """`3-1-2` means 3 s down, 1 s pause, 2 s up; an explosive `X` counts as one second."""
    return sum(1 if part == "X" else int(part) for part in tempo.split("-"))


def slower(tempo: str, lowering: int) -> str:
    """The tempo with a lowering of at least `lowering` seconds."""
    down, *rest = tempo.split("-")
    if down == "X" or int(down) >= lowering:
        return tempo
    return "-".join([str(lowering), *rest])


def dose_for(exercise: Exercise, role: Role, occasion: Occasion, *, loaded: bool) -> Dose:
    """The dose of a week's session that is not a first exposure nor lightened."""
    if role is Role.ANCHOR:
        return _anchor(exercise, occasion, loaded=loaded)
    if role is Role.POWER:
        return Dose(POWER_SETS, POWER_REPS, None, POWER_RPE, exercise.tempo)
    rpe = 6 if occasion.level is Level.BEGINNER else 7
    holds = exercise.measure == "seconds"
    if role is Role.BALANCE:
        return Dose(
            2,
            None if holds else BALANCE_REPS,
            BALANCE_SECONDS if holds else None,
            6,
            exercise.tempo,
        )
    if role is Role.CARE:
        reps = CARE_REPS[exercise.level]
        return Dose(2, None if holds else reps, 30 if holds else None, rpe, exercise.tempo)
    # two sets whatever the level: an advanced runner's off-season 3 x 10 slider curls
    # beside 2 x 10 pistol squats put the sets on the wrong lift (issue 13); the anchors
    # carry the volume (`_anchor`)
    if holds:
        return Dose(ACCESSORY_SETS, None, 30, rpe, exercise.tempo)
    return Dose(ACCESSORY_SETS, ACCESSORY_REPS, None, rpe, exercise.tempo)


def _anchor(exercise: Exercise, occasion: Occasion, *, loaded: bool) -> Dose:
    week = occasion.step - 1
    beginner = occasion.level is Level.BEGINNER
    sets = 2 if beginner and week == 0 else 3
    if exercise.measure == "seconds":
        seconds = HOLD_SECONDS[min(week, len(HOLD_SECONDS) - 1)]
        return Dose(sets, None, seconds, 6 if beginner else 7, exercise.tempo)
    # heavy sets: the top of HEAVY_RANGE is the most a session asks; where the lift
    # stands in it, and when the next weight comes, `heavy_climb` reads from the last
    # session, at the logbook's pace (two sessions at a load, a week on, never on an eve)
    if loaded and occasion.heavy:
        if occasion.level is Level.ADVANCED and week:
            sets = 4
        return Dose(sets, HEAVY_RANGE[1], None, 7 if week < 2 else MAX_RPE, exercise.tempo, week)
    if loaded and not beginner:
        # in season, short heavy sets keep strength: the build's three (the peak drops
        # one, `for_the_week`), an intermediate's as an advanced runner's (a 10K racer's
        # every lift sat at 2 sets all season: issue 13)
        return Dose(sets, HEAVY_RANGE[1], None, 7, exercise.tempo, week)
    if loaded:  # double progression
        reps = DOUBLE_PROGRESSION_REPS[week % 2]
        return Dose(sets, reps, None, 6 if week == 0 else 7, exercise.tempo, week // 2)
    reps = BODYWEIGHT_REPS[min(week, len(BODYWEIGHT_REPS) - 1)]
    weeks_at_top = week - (len(BODYWEIGHT_REPS) - 1)
    tempo = exercise.tempo
    if weeks_at_top > 0 and lowering(tempo):
        tempo = slower(tempo, min(MAX_ECCENTRIC, lowering(tempo) + weeks_at_top))
        # the set lasts about as long as at the top of the reps: fewer, slower reps, each
        # lowering longer, so the seconds spent lowering still rise (`dose_level`)
        top = reps * seconds_per_rep(exercise.tempo)
        reps = max(BODYWEIGHT_REPS[0], top // seconds_per_rep(tempo))
        # at the slowest lowering the pause at the bottom lengthens, a second a week, the
        # set again about as long: a lift with no harder variation in reach still moves
        # on (issue 13)
        weeks_slowest = weeks_at_top - (MAX_ECCENTRIC - lowering(exercise.tempo))
        if weeks_slowest > 0:
            tempo = paused(tempo, min(MOST_PAUSE, pause(exercise.tempo) + weeks_slowest))
            reps = max(BODYWEIGHT_REPS[0], top // seconds_per_rep(tempo))
    return Dose(sets, reps, None, 6 if beginner and week == 0 else 7, tempo)


def contacts_due(level: Level, stage: int, last: int | None, *, rises: bool, eased: bool) -> int:
    """A jump drill's foot contacts this session: a new drill its level's first dose (two
    sets' worth at most), then what it reached last, up CONTACTS_RISE when a new training
    week `rises`, to the level's most; an `eased` session (a taper, a light week) takes
    EASED_CONTACTS of that and counts as no step."""
    if last is None:
        contacts = min(FIRST_CONTACTS[level], FIRST_SETS * SET_CONTACTS[_stage(stage)])
    elif rises:
        contacts = min(MOST_CONTACTS[level], max(last + 1, round(last * (1 + CONTACTS_RISE))))
    else:
        contacts = last
    return max(FIRST_SETS, round(contacts * EASED_CONTACTS)) if eased else contacts


def jump_dose(exercise: Exercise, contacts: int, *, first: bool, most_sets: int) -> Dose:
    """`contacts` as sets and reps (a one-legged drill's reps each side): as few sets as
    the stage's set size allows, at most `most_sets`; the first time two sets, and of a
    drill rated intermediate or advanced FIRST_HARD_REPS at most, as any hard exercise."""
    stage = _stage(exercise.stage)
    sets = FIRST_SETS if first else -(-contacts // SET_CONTACTS[stage])
    sets = max(FIRST_SETS, min(sets, most_sets, MOST_JUMP_SETS))
    sides = 2 if exercise.per_side else 1
    reps = max(1, round(contacts / (sets * sides)))
    if first and exercise.level is not Level.BEGINNER:
        reps = min(reps, FIRST_HARD_REPS)
    return Dose(sets, reps, None, JUMP_RPE, exercise.tempo)


def _stage(stage: int) -> int:
    return max(1, min(stage, 3))


def climbs(role: Role, implement: str) -> bool:
    """Whether a lift climbs the athlete's rack by `heavy_climb`, from its last session:
    a loaded anchor (a beginner's through 8 to 10 reps, `DOUBLE_PROGRESSION_REPS`; a
    beginner's 12 kg bell with 16 and 20 kg owned stayed at 12 kg for sixteen weeks)."""
    return role is Role.ANCHOR and bool(implement)


def climb_reps(level: Level) -> tuple[int, int, int]:
    """The reps a loaded anchor climbs through at one load (bottom, top) and the fewest a
    far next weight may be met for: HEAVY_RANGE and FAR_STEP_REPS, or a beginner's
    DOUBLE_PROGRESSION_REPS and BEGINNER_FAR_STEP_REPS."""
    if level is Level.BEGINNER:
        low, high = DOUBLE_PROGRESSION_REPS
        return low, high, BEGINNER_FAR_STEP_REPS
    low, high = HEAVY_RANGE
    return low, high, FAR_STEP_REPS


class NextWeight(NamedTuple):
    """The next owned weight above a heavy anchor's load, and how it is reached."""

    kg: float
    top: int  # the reps at the lighter load from which it comes
    reps: int  # the reps it is met for


def next_weight(kit: Kit, implement: str, kg: float, level: Level) -> NextWeight | None:
    """The next weight up a loaded anchor climbs to (`climb_reps`): a small step of the
    rack from the top of its range, met at its bottom. A far one (kettlebells 12 and 16 kg)
    is met for the most reps the top of the range puts within reach (`reps_to_reach`: 16 kg
    for 3 reps from 12 kg for 6), else for the fewest the lift may be met for, from the
    reps above the top that reach it (8 to 12 kg: from 10 reps, never more than
    WAITING_REPS). None at the top of the rack, or when the next weight is too far even
    from WAITING_REPS (8 to 16 kg)."""
    up = heavier_kg(Load(kg, implement), kit)
    if up is None:
        return None
    low, high, fewest = climb_reps(level)
    if kit.small_step(kg, up):
        return NextWeight(up, high, low)
    for reps in range(low, fewest - 1, -1):
        reach_from = reps_to_reach(kg, up, reps, WAITING_REPS)
        if reach_from is not None and reach_from <= high:
            return NextWeight(up, high, reps)
    reach_from = reps_to_reach(kg, up, fewest, WAITING_REPS)
    return None if reach_from is None else NextWeight(up, reach_from, fewest)


def heavy_top(kit: Kit, implement: str, kg: float, level: Level) -> int:
    """The most reps a loaded anchor does at `kg`: the reps that reach the next weight up
    (`next_weight`: the top of its range, `climb_reps`, or more for a far one), and with
    none within reach RACK_TOP_REPS, past its range (`heavy_climb`)."""
    step = next_weight(kit, implement, kg, level)
    return RACK_TOP_REPS if step is None else step.top


def bodyweight_top(exercise: Exercise, *, one_leg_next: bool = False) -> Dose:
    """Where an unloaded anchor's progression tops out (`_anchor`): its longest hold, or
    its top reps at its slowest lowering. Past it a harder variation moves it on, and
    where there is none, a longer pause at the bottom (`MOST_PAUSE`). A two-legged lift
    whose harder variation is its one-legged form (`one_leg_next`: a calf raise, then
    the single-leg calf raise) tops out at its top reps at its own tempo: a coach goes
    to one leg first, then slows the lowering (issue 13)."""
    if exercise.measure == "seconds":
        step = len(HOLD_SECONDS)
    elif one_leg_next:
        step = len(BODYWEIGHT_REPS)
    else:  # the step its lowering first reaches its slowest at, before any pause
        step = len(BODYWEIGHT_REPS) + max(0, MAX_ECCENTRIC - lowering(exercise.tempo))
    return _anchor(exercise, Occasion(Phase.BASE, Level.BEGINNER, step), loaded=False)


def at_the_top(p: Prescription, top: Dose) -> bool:
    """Whether an unloaded anchor's prescription has reached its `bodyweight_top` or gone
    past it: a longer pause at the bottom trades reps for seconds, the set as long."""
    if top.seconds is not None:
        return (p.seconds or 0) >= top.seconds
    if lowering(p.tempo) < lowering(top.tempo):
        return False
    if lowering(p.tempo) > lowering(top.tempo):
        return True  # past a top at its own tempo: slower reps, fewer of them
    return (p.reps or 0) >= (top.reps or 0) or pause(p.tempo) > pause(top.tempo)


def heavy_climb(
    plan: Dose,
    kg: float | None,
    implement: str,
    last: Prescription | None,
    kit: Kit,
    level: Level,
    *,
    may_rise: bool,
    climb: bool,
) -> tuple[Dose, float | None]:
    """A loaded anchor's reps and load from its last session, by double progression inside
    its range (`climb_reps`: HEAVY_RANGE, a beginner's DOUBLE_PROGRESSION_REPS): below
    the top the reps rise (MOST_REP_RISE at most) at the same load;
    at the top, when the logbook's pace allows (`may_rise`), the next owned weight comes
    with the reps back at the bottom. A far next weight (`next_weight`) is reached from
    more reps at the lighter one and met for FAR_STEP_REPS, so the athlete's whole rack is
    climbed. At the top of the rack (or a next weight out of reach) the reps stay at the
    top and the lowering slows a second instead, to MAX_ECCENTRIC. A day that may not
    `climb` (an eve, a taper, a light week, the weeks before a goal race) holds where the
    last session was. `within_reach` then keeps one rise at a time, effort first."""
    low, high, _ = climb_reps(level)
    if last is None or last.implement != implement or last.load_kg is None or last.reps is None:
        return plan, kg
    if plan.reps is None or kg is None:
        return plan, kg
    held = last.load_kg
    step = next_weight(kit, implement, held, level)
    top = high if step is None else step.top
    if last.reps < top:
        reps = min(top, max(low, last.reps + (MOST_REP_RISE if climb else 0)))
        return plan._replace(reps=reps), held
    if step is not None:
        if may_rise and climb:
            return plan._replace(reps=step.reps), step.kg
        return plan._replace(reps=top), held
    # nothing heavier within reach: the reps go on past the range, to RACK_TOP_REPS, and
    # only then does the lowering slow (a coach read 16 kg x 6 held from week 7 on with
    # the lowering slowing week after week, the athlete's heaviest dumbbells in hand)
    if last.reps < RACK_TOP_REPS:
        reps = min(RACK_TOP_REPS, last.reps + (MOST_REP_RISE if climb else 0))
        return plan._replace(reps=reps), held
    tempo = last.tempo
    if climb and lowering(tempo):
        tempo = slower(tempo, min(MAX_ECCENTRIC, lowering(tempo) + 1))
    return plan._replace(reps=RACK_TOP_REPS, tempo=tempo), held


def at_the_rack_top(p: Prescription, kit: Kit, level: Level) -> bool:
    """Whether a loaded anchor's prescription stands at the top of the athlete's rack (no
    next weight within reach, `next_weight`) at the top of its range or past it: a
    harder variation may take over (docs/planner.md 3.3)."""
    if p.load_kg is None or p.reps is None:
        return False
    top = next_weight(kit, p.implement, p.load_kg, level) is None
    return top and p.reps >= climb_reps(level)[1]


def rack_end(p: Prescription) -> bool:
    """Whether a loaded anchor at the top of the rack has gone as far as it goes: its reps
    at RACK_TOP_REPS, its lowering at its slowest."""
    return (p.reps or 0) >= RACK_TOP_REPS and lowering(p.tempo) >= MAX_ECCENTRIC


def first_exposure(plan: Dose, exercise: Exercise, *, harder: bool = False) -> Dose:
    """A new exercise starts gently: two sets at RPE 6, and a hard one short; so does a
    `harder` variation of a lift the athlete has outgrown, whatever its level (it is hard
    for them: fewer reps than the lift it replaces had reached)."""
    reps, seconds = plan.reps, plan.seconds
    if exercise.level is not Level.BEGINNER or harder:
        reps = None if reps is None else min(reps, FIRST_HARD_REPS)
        seconds = None if seconds is None else min(seconds, FIRST_HARD_SECONDS)
    return plan._replace(
        sets=min(plan.sets, FIRST_SETS),
        reps=reps,
        seconds=seconds,
        rpe=min(plan.rpe, FIRST_RPE),
        load_steps=0,
    )


def for_the_week(plan: Dose, role: Role, occasion: Occasion) -> Dose:
    """Taper, race week, ramp, maintenance and the eve of a hard run take sets or effort
    away, and less than 48 h before a key run or race the effort stays at RPE 7 at most;
    load and reps stay (strength keeps when the effort does)."""
    sets, rpe = plan.sets, plan.rpe
    if occasion.phase is Phase.PEAK and sets > 2:  # fewer sets than the build's
        sets -= 1
    elif occasion.phase is Phase.TAPER:  # half the sets, rounded up: a third to a half less
        sets, rpe = min(2, (sets + 1) // 2), min(rpe, 6)
    elif occasion.phase is Phase.RACE:  # one set of each: lighter than the taper in fact
        sets, rpe = 1, min(rpe, 6)
    if occasion.ramp == 1:
        sets = min(sets, 2)
    if occasion.ramp:
        rpe = min(rpe, RAMP_RPE[occasion.ramp])
    if occasion.maintenance:
        sets = min(sets, MAINTENANCE_SETS)
        if occasion.phase is Phase.TAPER:  # a recovery week's light session: one set less
            sets = max(1, sets - 1)
    if occasion.eve:
        sets, rpe = (sets - 1 if sets > 2 else sets), rpe - 1
    most = BEFORE_KEY_RUN_RPE if occasion.before_key_run else MAX_RPE
    if (sets, rpe) == (plan.sets, plan.rpe) and rpe <= most:
        return plan
    return plan._replace(sets=sets, rpe=min(rpe, most))


def primer(plan: Dose, steps: int = 0) -> Dose:
    """A power lift on a key run's eve: two short sets of fast reps, whatever the lift's
    last dose was (its reps fall: the next day's key run comes first). A lift `steps` on
    in its progress (`power_climb`) takes a rep more a step, up to a full set's reps."""
    reps = min(plan.reps or PRIMER_REPS, PRIMER_REPS + steps, POWER_REPS)
    return plan._replace(sets=min(plan.sets, PRIMER_SETS), reps=reps)


def power_climb(
    plan: Dose,
    kg: float | None,
    implement: str,
    kit: Kit,
    *,
    done: int,
    at_load: tuple[float, int] | None,
    may_rise: bool,
    most_sets: int = POWER_MOST_SETS,
    grow: bool = True,
) -> tuple[Dose, float | None, int]:
    """A power lift's dose as it moves on, and how many steps on it is: a stand-in for
    jumps that stayed at 12 kg all plan with 16 kg owned, and a bodyweight speed squat
    that never changed, trained nothing new (issue 13). Every POWER_SESSIONS_TO_MOVE_ON
    sessions at a load (`at_load`: the load and the sessions at it; `may_rise`: the
    logbook's pace) it takes the next owned weight, a small step (`Kit.small_step`) as
    any load's rise: a bell or pair moved fast is far below a runner's deadlift or squat
    maximum, within speed-strength loads (30-60 % of it), whatever the rack holds. At the
    top of the rack, before a step too far, or without a load (`done`: the
    sessions that held it), a set more every POWER_SESSIONS_TO_MOVE_ON sessions, up to
    `most_sets` (POWER_MOST_SETS; a masters athlete's fewer), then a rep more a set, up
    to POWER_MOST_REPS: more fast reps, as jumps climb by their contacts. The steps
    returned are what an eve's primer moves on by (`primer`): a rep more a step. A day
    lighter on purpose (a recovery week, a taper: not `grow`) keeps the load and the
    week's dose."""
    sessions = done
    if kg is not None and at_load is not None:
        kg, sessions = at_load
        higher = kit.step_up(implement, kg)
        if higher is not None and not kit.small_step(kg, higher):
            higher = None  # too far a step (kettlebells of 12 and 16 kg): more fast reps
        if higher is not None and may_rise and sessions >= POWER_SESSIONS_TO_MOVE_ON:
            return plan, higher, 0
        if higher is not None:  # the load waits (an eve, the logbook's pace): an eve's
            return plan, kg, sessions // POWER_SESSIONS_TO_MOVE_ON  # primer takes reps
    steps = sessions // POWER_SESSIONS_TO_MOVE_ON
    if not grow:
        return plan, kg, 0
    sets = min(most_sets, plan.sets + steps)
    reps = min(POWER_MOST_REPS, (plan.reps or POWER_REPS) + max(0, plan.sets + steps - sets))
    return plan._replace(sets=max(plan.sets, sets), reps=reps), kg, steps


def budget_share(phase: Phase) -> float:
    """The share of the athlete's minutes a session of the week asks for: the peak's a
    little shorter, so its fill stays below the build's."""
    return BUDGET_SHARE.get(phase, 1.0)


def within_reach(
    plan: Dose,
    kg: float | None,
    implement: str,
    last: Prescription | None,
    kit: Kit,
    *,
    may_rise: bool = True,
    reached: tuple[int, int] | None = None,
    reps_first: bool = False,
    sets_first: bool = False,
) -> tuple[Dose, float | None]:
    """The dose and load no further than a step beyond `last`, this exercise's previous
    prescription (None: no jump to cap); no heavier at all unless `may_rise` (the logbook's
    pace: two sessions at a load, one rise a week). A heavier load keeps last time's reps
    or fewer: the reps go back toward the bottom of the range as the weight rises. A rise
    is a small step (`Kit.small_step`), or a far next weight once the reps at the lighter
    one put it within reach (`reps_to_reach`): with kettlebells of 12 and 16 kg the 12
    stays and the reps move on instead, a comfortable load and form before load, up to
    WAITING_REPS at most; then the far weight comes at the reps asked (double
    progression), so a rack with gaps still climbs. One out of reach even from there
    (8 to 16 kg) never comes.

    One thing rises at a time, effort first: `reached` holds the most sets and RPE of the
    lift's recent exposures (`reached`), and a return to them after a lighter day (the eve
    of a hard run, a recovery week) is no rise, so the day after a light one still moves on.
    With `reps_first` (a heavy anchor whose last planned set the session could not hold) a
    rep rise, or a slower lowering, comes before the block's sets: the set would be
    trimmed off again, and the lift stand still. At a lighter load than last time (a lift
    back as an accessory) the reps come back up before a set is added. With `sets_first`
    (an anchor met first as a one-set accessory) the set comes first: its reps would
    otherwise rise session after session and leave the block's main lift at one set for
    good."""
    if last is None:
        return plan, kg
    top_sets, top_rpe = reached or (last.sets, last.target_rpe)
    if sets_first and plan.sets > max(last.sets, top_sets):
        return _a_set_more(plan, last, max(top_rpe, last.target_rpe)), (
            last.load_kg if kg is not None and last.implement == implement else kg
        )
    reps, seconds = plan.reps, plan.seconds
    same_implement = kg is not None and last.load_kg is not None and last.implement == implement
    heavier = waits = False
    reach_from: int | None = None
    if same_implement and kg is not None and last.load_kg is not None and kg > last.load_kg:
        ceiling = heavier_kg(Load(last.load_kg, implement), kit) if may_rise else None
        if ceiling is not None and not kit.small_step(last.load_kg, ceiling):
            reach_from = (
                None
                if last.reps is None or reps is None
                else reps_to_reach(last.load_kg, ceiling, min(reps, last.reps), WAITING_REPS)
            )
            if reach_from is None or last.reps is None or last.reps < reach_from:
                ceiling, waits = None, True  # the next owned weight is too far: it waits
        kg = min(kg, ceiling or last.load_kg)
        heavier = kg > last.load_kg
    if waits and reps is not None and last.reps is not None:
        # a comfortable load, form before load: the reps move on instead, to those that
        # put the far weight within reach
        reps = max(reps, min(last.reps + MOST_REP_RISE, reach_from or WAITING_REPS))
    if reps is not None and last.reps is not None:
        reps = min(reps, last.reps if heavier else last.reps + MOST_REP_RISE)
        if kg is not None and kg == last.load_kg and implement == last.implement:
            reps = max(reps, last.reps)  # the same load: no fewer reps than last time
    if seconds is not None and last.seconds is not None:
        seconds = min(seconds, last.seconds + MOST_HOLD_RISE)
    sets = min(plan.sets, last.sets + MOST_SET_RISE)
    rpe = min(plan.rpe, last.target_rpe + MOST_RPE_RISE)
    working = max(top_rpe, last.target_rpe) >= WORKING_RPE
    if heavier and working:
        # at its working effort, load first: a lift with a heavier weight in reach takes it
        # and its effort holds (a "heavy" split squat at 6 kg for six sessions while the
        # RPE climbed 5 to 8, with 20 kg dumbbells owned, was no heavy lift); the pace
        # (`may_rise`: two sessions at a load, a week on) leaves the sessions between for
        # a set or the effort to rise
        rpe = min(rpe, max(top_rpe, last.target_rpe))
    elif (
        working
        and kg is not None
        and sets > max(last.sets, top_sets)
        and not (reps_first and _other_rise(plan, last))
        and not (same_implement and last.load_kg is not None and kg < last.load_kg)
    ):
        # then the planned sets: a first exposure's two come back to the block's three or
        # four (docs/planner.md: 3-4 x 3-6 for heavy anchors), else every session's rise
        # goes to the load or the effort and the sets stay at two for good
        rpe = min(rpe, max(top_rpe, last.target_rpe))
        kg = last.load_kg if same_implement and kg is not None and kg > (last.load_kg or 0) else kg
        if reps is not None and last.reps is not None:
            reps = min(reps, last.reps) if kg == last.load_kg else reps
        if seconds is not None and last.seconds is not None:
            seconds = min(seconds, last.seconds)
        tempo = _no_slower(plan.tempo, last.tempo, by=0)
        capped = plan._replace(sets=sets, reps=reps, seconds=seconds, rpe=rpe, tempo=tempo)
        return (plan if capped == plan else capped), kg
    elif rpe > max(top_rpe, last.target_rpe):
        # effort first, up to the working RPE: else a "heavy" lift that met a rise every
        # session stays at its first exposure's easy effort for good (RPE 5, issue 13)
        kg = last.load_kg if heavier else kg
        if reps is not None and last.reps is not None:
            reps = last.reps  # the load holds, and so do the reps: nothing else moves
        if seconds is not None and last.seconds is not None:
            seconds = min(seconds, last.seconds)
        sets = min(sets, max(last.sets, top_sets))
        tempo = _no_slower(plan.tempo, last.tempo, by=0)
        capped = plan._replace(sets=sets, reps=reps, seconds=seconds, rpe=rpe, tempo=tempo)
        return (plan if capped == plan else capped), kg
    # then the load, else the reps (or the hold), else a set above the most of late
    rose = heavier
    if reps is not None and last.reps is not None and reps > last.reps:
        reps, rose = (last.reps, rose) if rose else (reps, True)
    if seconds is not None and last.seconds is not None and seconds > last.seconds:
        seconds, rose = (last.seconds, rose) if rose else (seconds, True)
    # a slower lowering is a rise too: a second at a time, and only alone
    tempo = _no_slower(plan.tempo, last.tempo, by=0 if rose else 1)
    if reps is not None and last.reps is not None and not heavier:
        reps = _lowering_kept(reps, last, tempo)
    rose = rose or (tempo != last.tempo and _longer(tempo, last.tempo))
    if sets > max(last.sets, top_sets):
        sets = max(last.sets, top_sets) if rose else sets
    capped = plan._replace(sets=sets, reps=reps, seconds=seconds, rpe=rpe, tempo=tempo)
    return (plan if capped == plan else capped), kg


def effort_kept(plan: Dose, at_this_load: Prescription | None, most_rpe: int) -> Dose:
    """`plan` whose reps, when they rise over the lift's last exposure at the same load
    (`at_this_load`), come at no lower an RPE: reps in reserve must add up. A coach read a
    back squat of 57.5 kg for 3 x 4 at RPE 7, then 2 x 6 at RPE 6 on a tempo run's eve:
    if 4 reps leave 3 in reserve, 6 leave about 1. The rise keeps last time's effort when
    the day allows it (`most_rpe`: RPE 7 on a key run's eve), its set fewer making the
    day lighter; else the reps hold at the heavy day's."""
    if at_this_load is None or plan.reps is None or at_this_load.reps is None:
        return plan
    if plan.reps <= at_this_load.reps or plan.rpe >= at_this_load.target_rpe:
        return plan
    if at_this_load.target_rpe <= most_rpe:
        return plan._replace(rpe=at_this_load.target_rpe)
    return plan._replace(reps=at_this_load.reps)


def _other_rise(plan: Dose, last: Prescription) -> bool:
    """Whether `plan` rises above `last` by more than a set: more reps, or (at the top of
    the rack, its reps at their most) a slower lowering."""
    more_reps = plan.reps is not None and last.reps is not None and plan.reps > last.reps
    return more_reps or lowering(plan.tempo) > lowering(last.tempo)


def _a_set_more(plan: Dose, last: Prescription, effort: int) -> Dose:
    """One set more than `last`, and nothing else changed: last time's reps (or hold) and
    tempo, and the `effort` its recent exposures reached (a return to it after an eve's
    lighter one is no rise: `reached`), so no other part of the dose falls back or rises
    with it."""
    return plan._replace(
        sets=last.sets + MOST_SET_RISE,
        reps=last.reps if plan.reps is not None and last.reps is not None else plan.reps,
        seconds=last.seconds if plan.seconds is not None and last.seconds else plan.seconds,
        rpe=min(plan.rpe, effort),
        tempo=last.tempo or plan.tempo,
    )


def _lowering_kept(reps: int, last: Prescription, tempo: str) -> int:
    """Reps enough that a set spends no fewer seconds lowering and paused at the bottom
    than last time's did: a slower lowering or a longer pause may bring fewer reps
    (`dose_level`), a lowering held back none."""
    before, now = lowering(last.tempo), lowering(tempo)
    if not before or now < before or last.reps is None:
        return reps  # a quicker lowering (another role's tempo) asks for no more reps
    before, now = before + pause(last.tempo), now + pause(tempo)
    return max(reps, -(-last.reps * before // now))


@cache  # as `seconds_per_rep`: few tempos, many questions
def lowering(tempo: str) -> int:
    """The seconds of a tempo's lowering (`3-1-2`: 3); an explosive `X` counts as none."""
    down = tempo.split("-")[0]
    return int(down) if down.isdigit() else 0


@cache  # as `seconds_per_rep`: few tempos, many questions
def pause(tempo: str) -> int:
    """The seconds of a tempo's pause between lowering and lifting (`3-1-2`: 1)."""
    parts = tempo.split("-")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0


def paused(tempo: str, seconds: int) -> str:
    """The tempo with a pause of at least `seconds` at the bottom."""
    parts = tempo.split("-")
    if len(parts) != 3 or not parts[1].isdigit() or int(parts[1]) >= seconds:
        return tempo
    return "-".join([parts[0], str(seconds), parts[2]])


def _no_slower(tempo: str, last: str, *, by: int) -> str:
    """`tempo` with its lowering at most `by` seconds slower than `last`'s, and its pause
    at the bottom longer by no more than what the lowering left of `by`: one rise at a
    time, a second of lowering or a second of pause."""
    if tempo == last:
        return tempo
    most = lowering(last) + by
    if lowering(tempo) > most and lowering(last):
        tempo = "-".join([str(most), *tempo.split("-")[1:]])
    left = by - max(0, lowering(tempo) - lowering(last))
    if pause(tempo) > pause(last) + left and len(last.split("-")) == 3:
        parts = tempo.split("-")
        tempo = "-".join([parts[0], str(pause(last) + left), parts[2]])
    return tempo


# The effort a lift climbs to before anything else rises; above it a heavier load, then
# the block's sets, come before more effort (RPE 8).
WORKING_RPE = 7
# A load waiting for a far next weight (`Kit.small_step`): its reps climb to this at most
# (`reps_to_reach`).
WAITING_REPS = 12
# A loaded anchor at the top of the athlete's rack: its reps climb past its range to this,
# before its lowering slows and before it counts as stalled (`heavy_climb`).
RACK_TOP_REPS = WAITING_REPS
RECENT_EXPOSURES = 3  # `reached` looks this far back: past an eve and a normal day


def reached(history: Sequence[Prescription]) -> tuple[int, int] | None:
    """The most sets and the highest RPE among a lift's last RECENT_EXPOSURES exposures
    (oldest first); None before its first."""
    recent = history[-RECENT_EXPOSURES:]
    if not recent:
        return None
    return max(p.sets for p in recent), max(p.target_rpe for p in recent)


def rose_since(p: Prescription, last: Prescription) -> bool:
    """Whether anything of `p` rose above `last` (same exercise): a set, a rep, a second
    of a hold, effort, load or a slower lowering. Then nothing else may rise this time
    (`within_reach`)."""
    heavier = (
        p.load_kg is not None
        and last.load_kg is not None
        and p.implement == last.implement
        and p.load_kg > last.load_kg
    )
    return (
        heavier
        or p.sets > last.sets
        or (p.reps is not None and last.reps is not None and p.reps > last.reps)
        or (p.seconds is not None and last.seconds is not None and p.seconds > last.seconds)
        or p.target_rpe > last.target_rpe
        or (p.tempo != last.tempo and _longer(p.tempo, last.tempo))
    )


def _longer(tempo: str, last: str) -> bool:
    """A slower lowering or a longer pause at the bottom than `last`'s: a rise."""
    return lowering(tempo) > lowering(last) or pause(tempo) > pause(last)


def resumed(last: Prescription | None, as_anchor: Prescription | None) -> Prescription | None:
    """What an unloaded anchor's next dose stays `within_reach` of: its last exposure,
    with the reps (or hold) and lowering it had reached as an anchor when that exposure was
    a lighter dose in another role. A pistol squat at 9 reps lowering in 5 s, then weeks
    as an accessory at 3 x 10 lowering in 3 s, came back as an anchor at 9 reps lowering in
    4 s: its progress fell back and had to be climbed again. As an anchor it goes on from
    where it stood; its sets and effort go on from the last exposure (`progression` counts
    their jumps exposure by exposure)."""
    if last is None or as_anchor is None or last is as_anchor:
        return last
    if last.load_kg is not None or as_anchor.load_kg is not None:
        return last  # a load's return goes by the logbook's pace (`within_reach`)
    if dose_level(as_anchor) <= dose_level(last):
        return last
    return replace(last, reps=as_anchor.reps, seconds=as_anchor.seconds, tempo=as_anchor.tempo)


def gradual(sessions: Sequence[Session], kit: Kit, catalogue: Catalogue) -> list[Session]:
    """The plan's sessions with every anchor and accessory `within_reach` of its previous
    prescription, as the athlete will meet them: after care has set some lifts at its
    stage's dose (`planner/care.py`), the lift's own dose returns a step at a time."""
    last: dict[str, Prescription] = {}
    as_anchor: dict[str, Prescription] = {}  # each lift's last exposure as an anchor
    history: dict[str, list[Prescription]] = {}
    out = []
    for session in sessions:
        main = list(session.main)
        changed, saved = False, 0
        for index, p in enumerate(main):
            before = last.get(p.exercise)
            if p.role is Role.ANCHOR and p.load_kg is None:
                before = resumed(before, as_anchor.get(p.exercise))
            seen = history.setdefault(p.exercise, [])
            top = reached(seen)
            last[p.exercise] = p
            seen.append(p)
            if p.role is Role.ANCHOR:
                as_anchor[p.exercise] = p
            elif p.injury_care:  # care held it: its dose climbs back from there
                as_anchor.pop(p.exercise, None)
            if before is None or p.role not in (Role.ANCHOR, Role.ACCESSORY):
                continue
            # care work keeps its protocol stage's dose (unloaded, or loaded by the stage):
            # the stage climbs gently on its own and pain monitoring holds or steps it back
            # (legday.care.monitoring)
            if p.injury_care and (p.load_kg is None or p.care_dose):
                continue
            plan = Dose(p.sets, p.reps, p.seconds, p.target_rpe, p.tempo)
            dose, kg = within_reach(plan, p.load_kg, p.implement, before, kit, reached=top)
            dose = _at_most(dose, plan)  # this pass only holds doses back, never raises
            if dose == plan and kg == p.load_kg:
                continue
            e = catalogue[p.exercise]
            q = replace(
                p,
                sets=dose.sets,
                reps=dose.reps,
                seconds=dose.seconds,
                target_rpe=dose.rpe,
                load_kg=kg,
                load=load_text(
                    e,
                    p.role,
                    dose,
                    kg,
                    p.implement,
                    new=p.new,
                    one_leg=p.per_side and not e.per_side,  # care's raise on one leg
                ),
                warmup_sets=ramp(kg, p.implement, kit, rpe=dose.rpe),
            )
            main[index] = last[p.exercise] = seen[-1] = q
            if p.role is Role.ANCHOR:
                as_anchor[p.exercise] = q
            changed, saved = True, saved + work_seconds(p) - work_seconds(q)
        if changed:  # the why follows the numbers later (`words.told_moved`)
            minutes = max(1, session.minutes - saved // 60)
            session = replace(session, main=tuple(main), minutes=minutes)
        out.append(session)
    return out


def with_ramps(session: Session, kit: Kit) -> Session:
    """The session with each barbell lift's warm-up sets as its final load asks (care may
    have swapped a lift or eased its load after the composer), its minutes following
    their time."""
    main = tuple(ramps_in_order(session.main, kit))
    if main == session.main:
        return session
    before = sum(ramp_seconds(p) for p in session.main)
    after = sum(ramp_seconds(p) for p in main)
    minutes = max(1, session.minutes + round((after - before) / 60))
    return replace(session, main=main, minutes=minutes)


def _at_most(dose: Dose, plan: Dose) -> Dose:
    """`dose` no higher than `plan` in sets, reps, seconds or effort."""

    def lower(a: int | None, b: int | None) -> int | None:
        return a if a is None or b is None else min(a, b)

    held = dose._replace(
        sets=min(dose.sets, plan.sets),
        reps=lower(dose.reps, plan.reps),
        seconds=lower(dose.seconds, plan.seconds),
        rpe=min(dose.rpe, plan.rpe),
    )
    return dose if held == dose else held


def implement_for(exercise: Exercise, kit: Kit) -> str:
    """What carries the load: the implement the exercise needs, else a free weight the
    athlete owns; "" when nothing can load it."""
    named = [str(e) for e in exercise.equipment if e in FREE_WEIGHTS or e is Equipment.BARBELL]
    if named:
        return named[0] if kit.loads(named[0]) else ""
    if not exercise.loadable:
        return ""
    return next((i for i in FREE_WEIGHTS if kit.loads(i)), "")


def start_load(
    exercise: Exercise,
    implement: str,
    level: Level,
    kit: Kit,
    body_kg: float | None = None,
    *,
    room: bool = False,
    care: bool = False,
) -> float | None:
    """The conservative start, rounded down to what the athlete owns: the table's for a
    free weight (`CARE_START_KG` first for `care`, the athlete's own), a share of the body
    weight (`body_kg`, else ASSUMED_BODY_KG) for the barbell. With `room` (an athlete whose
    care runs, note above `hands`), never the heaviest they own while a lighter one is."""
    if not implement:
        return None
    if implement == "barbell":
        shares = BARBELL_START_SHARE.get(exercise.pattern, OTHER_BARBELL_SHARE)
        kg = shares[level.rank] * (body_kg or ASSUMED_BODY_KG)
    else:
        key = (exercise.pattern, implement)
        table = CARE_START_KG if care and key in CARE_START_KG else START_KG
        kg = table.get(key, OTHER_START_KG)[level.rank]
    start = kit.at_most(implement, kg * START_SHARE.get(exercise.id, 1.0))
    owned = kit.loads(implement)
    if room and start is not None and len(owned) > 1 and start >= owned[-1]:
        return owned[-2]  # one below the top: the load can rise before reps must
    return start


# An injured athlete's lift starts below the heaviest weight they own (`start_load`'s
# `room`), so it can climb a weight before it climbs reps alone. A coach and physio read a
# runner with runner's knee and 6, 8 and 10 kg dumbbells: the single-leg Romanian deadlift
# started at 10 kg a hand, only its reps rose, and a whole block sat at 2 x 12. A sore
# body's first sessions are where it learns what the lift costs, and a weight in hand to
# step up to is the progression a careful return climbs by (load first, then reps and
# sets). `pools` and care (`planner/care`) ask for it whenever a problem's care runs.
# A new variation of a pattern starts from the last one's load, not the table's start
# (a 16 kg kettlebell single-leg deadlift went on as a 10 kg single-leg RDL, a 14 kg lunge
# as a 6 kg reverse lunge). Loads compare as the total lifted (a dumbbell pair counts twice)
# times each lift's share of its pattern's two-legged lift: a one-legged lift moves about
# half the total on the one leg, a good morning about half a Romanian deadlift's bar on its
# long lever. The first load of the new lift is a tenth lighter while it is learned
# (`CARRY_FRACTION`, as after a break), rounded down to the kit.
ONE_LEGGED_SHARE = 0.5
LEVER_SHARE = {"good-morning": 0.5}
CARRY_FRACTION = 0.9
# A loaded anchor's stand-in should work the legs about as hard: its load per working leg
# (`leg_share`) at least this share of the old lift's.
COMPARABLE_SHARE = 0.75


def hands(exercise: Exercise, implement: str) -> int:
    """How many of the implement the lift holds: a dumbbell pair by the sides counts twice,
    one dumbbell (goblet, across the hips, a one-legged calf raise), a bell or a bar once."""
    if implement != "dumbbells":
        return 1
    one = (exercise.unilateral and exercise.pattern == "calf") or "goblet" in exercise.id
    return 1 if one or exercise.pattern == "bridge" else 2


def load_share(exercise: Exercise) -> float:
    """The share of its pattern's two-legged lift's total load this lift moves for the same
    effort (`ONE_LEGGED_SHARE`, `LEVER_SHARE`)."""
    share = LEVER_SHARE.get(exercise.id, 1.0)
    if exercise.unilateral and exercise.pattern != "calf":
        share *= ONE_LEGGED_SHARE
    return share


def leg_share(exercise: Exercise) -> float:
    """How hard a load works each leg, against the pattern's two-legged lift: a one-legged
    lift's half load lands on one leg (1.0), a good morning's lighter bar does not (0.5).
    A one-legged calf lift holds the same weight as the two-legged one but puts the whole
    body on its calf, most of a calf raise's load, so it works the leg about twice as hard
    (2.0): a heel drop at 22.5 kg went on as a two-legged heavy calf raise at 12 kg a hand
    (a coach's read of a track athlete's plan)."""
    return load_share(exercise) * (2 if exercise.unilateral else 1)


def comparable(new: Exercise, old: Exercise) -> bool:
    """Whether `new` can carry on `old`'s loading: about as hard on each leg."""
    return leg_share(new) >= COMPARABLE_SHARE * leg_share(old)


def carried_load(
    old: Exercise, old_kg: float, old_implement: str, new: Exercise, implement: str, kit: Kit
) -> float | None:
    """The first load of `new` after `old` was lifted at `old_kg`: the same effort's total
    by the pair's shares, a tenth lighter while it is learned, rounded down to the kit."""
    if not implement or not old_implement:
        return None
    total = old_kg * hands(old, old_implement) * load_share(new) / load_share(old)
    return kit.at_most(implement, total * CARRY_FRACTION / hands(new, implement))


def carries(
    old: Exercise, old_kg: float, old_implement: str, new: Exercise, implement: str, kit: Kit
) -> bool:
    """Whether the athlete's kit lets `new` carry on the load `old` reached: its first load
    (`carried_load`), as a share of the pattern's lift, at least COMPARABLE_SHARE of the
    old one's. A single-leg deadlift with dumbbells at 18 kg a hand does not hand over to
    one with the athlete's only 16 kg kettlebell (issue 13)."""
    first = carried_load(old, old_kg, old_implement, new, implement, kit)
    if first is None:
        return False
    return carries_from(old, old_kg, old_implement, new, first, implement)


def carries_from(
    old: Exercise, old_kg: float, old_implement: str, new: Exercise, new_kg: float, implement: str
) -> bool:
    """Whether `new` lifted at `new_kg` carries on the load `old` reached: as a share of the
    pattern's lift, at least COMPARABLE_SHARE of the old one's."""
    reached = old_kg * hands(old, old_implement) / load_share(old)
    return new_kg * hands(new, implement) / load_share(new) >= COMPARABLE_SHARE * reached


def per_leg_kg(exercise: Exercise, kg: float | None, implement: str) -> float:
    """The load on each working leg: all of it on a one-legged lift, half of it on a
    two-legged one (a dumbbell pair counts twice); 0 without one."""
    if kg is None or not implement:
        return 0.0
    total = kg * hands(exercise, implement)
    return total if exercise.unilateral else total / 2


def stepped(kit: Kit, implement: str, kg: float, steps: int) -> float:
    """`kg` moved up `steps` kit steps (as far as the rack goes)."""
    for _ in range(steps):
        kg = kit.step_up(implement, kg) or kg
    return kg


def prescribe(
    exercise: Exercise,
    role: Role,
    plan: Dose,
    load_kg: float | None,
    implement: str,
    *,
    new: bool,
    injury_care: tuple[str, ...],
    extra_side: str | None = None,
    warmup_sets: tuple[WarmupSet, ...] = (),
) -> Prescription:
    """The prescription shown to the athlete, its load text made from the numbers;
    `injury_care` names the athlete's own problems the exercise eases, `warmup_sets` the
    ramp before a barbell lift's first work set (`progression.loads.ramp`)."""
    return Prescription(
        exercise=exercise.id,
        sets=plan.sets,
        reps=plan.reps,
        seconds=plan.seconds,
        per_side=exercise.per_side,
        load=load_text(exercise, role, plan, load_kg, implement, new=new),
        tempo=rep_tempo(plan.tempo, plan.seconds),
        target_rpe=plan.rpe,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        injury_care=injury_care,
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=_rest(role, plan, load_kg, per_side=exercise.per_side),
        new=new,
        role=role,
        load_kg=load_kg,
        implement=implement if load_kg is not None else "",
        extra_side=extra_side,
        warmup_sets=warmup_sets if load_kg is not None else (),
    )


def _rest(role: Role, plan: Dose, load_kg: float | None, *, per_side: bool = False) -> int:
    """The rest after each set (both sides of a one-leg lift are one set): a heavy
    anchor's two minutes, or HEAVY_ONE_LEG_REST after a one-leg lift's pair of sides."""
    if role is Role.ANCHOR and load_kg is not None and (plan.reps or HEAVY_REPS + 1) <= HEAVY_REPS:
        return HEAVY_ONE_LEG_REST if per_side else REST_SECONDS["heavy"]
    return REST_SECONDS.get(role, REST_SECONDS["other"])


def load_text(
    exercise: Exercise,
    role: Role,
    plan: Dose,
    load_kg: float | None,
    implement: str,
    *,
    new: bool = False,
    one_leg: bool = False,
    improvised: bool = False,
) -> str:
    """What to pick up and how hard it should feel, from the numbers; a load comes first
    ("12 kg dumbbells ..."), as the logbook reads it. The effort is the prescription's
    RPE and nothing else (no rep maximum, which would name another effort: a 15-rep
    maximum lifted 15 times is RPE 10). `one_leg`: a two-legged exercise done one leg at
    a time (care work whose weights are too light for two); `improvised`: work that wants
    a weight the athlete does not own, which then names the one stand-in used throughout
    (`IMPROVISED_LOAD`)."""
    new_words = NEW_LOAD_WORDS if new else ""
    if role is Role.PLYOMETRIC:
        contacts = plan.sets * (plan.reps or 0) * (2 if exercise.per_side else 1)
        return f"bodyweight, {contacts} foot contacts in all: {_contact_cue(exercise)}{new_words}"
    if load_kg is not None:
        what = {
            "dumbbells": _dumbbells(exercise, load_kg, one_leg=one_leg),
            "kettlebell": _kettlebell(exercise, load_kg, one_leg=one_leg),
            "barbell": f"{load_kg:g} kg barbell, bar and plates",
        }[implement]
    elif improvised:
        what = IMPROVISED_LOAD
    elif Equipment.BAND in exercise.equipment:
        what = "a light band"
    else:
        what = "bodyweight"
    if one_leg and not exercise.unilateral:
        what = f"one leg at a time, a hand on a support: {what}"
    if role is Role.POWER:  # fast, never to fatigue: a slow rep ends the set
        how = (
            "up as fast as you can, down under control; stop the set as soon as a rep "
            f"slows (effort about RPE {plan.rpe})"
        )
    elif plan.seconds is not None and exercise.id in MOVING_FOR_TIME:
        how = (
            "keep moving with small, controlled steps and a tall trunk; stop when your "
            f"form slips (effort about RPE {plan.rpe})"
        )
    elif plan.seconds is not None:
        how = (
            "hold steady and breathe out slowly; stop when you cannot keep the position "
            f"(effort about RPE {plan.rpe})"
        )
    else:
        feel = f"the last rep feels RPE {plan.rpe} ({10 - plan.rpe} left in reserve)"
        if load_kg is not None:
            how = f"about that: adjust so {feel}"
        else:
            how = f"fill it so {feel}" if improvised else f"stop when {feel}"
    return f"{what}; {how}{new_words}"


# The one stand-in for a weight the athlete does not own, in every prescription that
# wants one: a coach found "a backpack of books" beside "no weight in your kit" and
# "plates or books", for an athlete whose profile listed kettlebells.
IMPROVISED_LOAD = "a backpack holding books or bottles of water (you own no weights for this)"


# Timed exercises that move rather than hold a position: "hold steady" would misread them
MOVING_FOR_TIME = frozenset(
    {"heel-walk", "tandem-walk", "suitcase-carry", "high-knee-march", "a-skip", "butt-kicks"}
)


# What each kind of jump drill asks of a foot contact (`Exercise.landing`): a landing drill
# absorbs and holds still, a reactive one springs off again at once (Ramirez-Campillo et
# al. 2014): "stick each landing" on pogo hops would teach the slow contact they train away.
CONTACT_CUES = {
    "stick": "land softly and stick each landing; stop as soon as landings get loud or sloppy",
    "rebound": (
        "short, springy contacts: off the ground again at once, stiff ankles, quiet feet; "
        "stop as soon as contacts get long, loud or sloppy"
    ),
}


def _contact_cue(exercise: Exercise) -> str:
    """The contact cue of a jump drill's kind; a drill the catalogue does not class is
    taken as a landing drill, the safer of the two."""
    return CONTACT_CUES.get(exercise.landing, CONTACT_CUES["stick"])


def _dumbbells(exercise: Exercise, kg: float, *, one_leg: bool = False) -> str:
    """How the dumbbells are held: a pair by the sides, unless the lift takes one."""
    if (exercise.unilateral or one_leg) and exercise.pattern == "calf":  # a hand on the rail
        return f"one {kg:g} kg dumbbell in the working side's hand, the other on a rail or wall"
    if "goblet" in exercise.id:
        return f"one {kg:g} kg dumbbell, held upright at the chest"
    if exercise.pattern == "bridge":
        return f"one {kg:g} kg dumbbell, resting across the hips"
    return f"{kg:g} kg dumbbells, one in each hand"


def _kettlebell(exercise: Exercise, kg: float, *, one_leg: bool = False) -> str:
    """How the kettlebell is held: in the working hand for a one-legged calf raise, the
    other hand on a support, as a dumbbell is."""
    if (exercise.unilateral or one_leg) and exercise.pattern == "calf":
        return f"one {kg:g} kg kettlebell in the working side's hand, the other on a rail or wall"
    return f"{kg:g} kg kettlebell"


def work_seconds(p: Prescription) -> int:
    """Time the prescription takes, rests included, each side for one-legged work, and its
    warm-up sets (`ramp_seconds`)."""
    per_set = p.seconds if p.seconds is not None else (p.reps or 0) * seconds_per_rep(p.tempo)
    if p.kind is ExerciseKind.PLYOMETRIC:
        per_set = (p.reps or 0) * 2  # a landing and a reset
    sides = 2 if p.per_side else 1
    extra = 1 if p.extra_side else 0
    work = (p.sets * sides + extra) * per_set + (p.sets + extra) * p.rest_seconds
    return work + ramp_seconds(p)
