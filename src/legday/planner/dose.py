"""How much of each exercise: sets, reps or seconds, effort and load, by role and week.

A block's anchor lifts progress week by week (docs/planner.md): loaded anchors for
intermediate and advanced runners go heavy in the off-season and base, 3-6 reps at RPE
7-8 with a kit step more each week (Støren et al. 2008; Beattie et al. 2017); beginners
and in-season weeks use double progression or short maintenance sets (Rønnestad & Mujika
2014); bodyweight anchors gain reps, then a slower lowering. Accessories, balance and
care stay at two easy sets; plyometrics are dosed in foot contacts by stage (Ramirez-
Campillo et al. 2014). Whatever the week, effort never goes above RPE 8 (`MAX_RPE`).

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
    rep_tempo,
)
from legday.progression.loads import MAX_ECCENTRIC, Load, heavier_kg
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
    "EASING_PHASES",
    "HEAVY_RANGE",
    "MAINTENANCE_MINUTES",
    "MOST_PAUSE",
    "NEW_LOAD_WORDS",
    "Dose",
    "Occasion",
    "budget_share",
    "carried_load",
    "carries",
    "climbs_heavy",
    "comparable",
    "dose_for",
    "first_exposure",
    "for_the_week",
    "gradual",
    "hands",
    "heavy_climb",
    "implement_for",
    "lowering",
    "pause",
    "paused",
    "prescribe",
    "reached",
    "resumed",
    "rose_since",
    "seconds_per_rep",
    "slower",
    "start_load",
    "stepped",
    "within_reach",
    "work_seconds",
]

# The peak's sessions are a little shorter (the taper's halved sets make its own shorter).
BUDGET_SHARE = {Phase.PEAK: 0.85}
# A C-race week's only session: at most this long (the athlete's minutes when shorter).
MAINTENANCE_MINUTES = 30
MAINTENANCE_SETS = 2
# a first exposure's load words end so; a lift met before (in a care routine, say) drops them
NEW_LOAD_WORDS = "; new to you: start easy while you learn it"


# Heavy anchors (intermediate and advanced, loaded, off-season to race week) climb by
# double progression inside this range, as the logbook runs it (`heavy_climb`): reps rise
# at one load to the top, then the next owned weight comes with the reps back at the
# bottom. A coach read a "heavy" lunge held at 5 reps for a whole block (issue 13).
HEAVY_RANGE = (4, HEAVY_REPS)
DOUBLE_PROGRESSION_REPS = (8, 10)  # then one kit step up and back to 8
BODYWEIGHT_REPS = (8, 10, 12)  # then the lowering slows a second a week, to MAX_ECCENTRIC
HOLD_SECONDS = (20, 30, 40, 45)
MOST_PAUSE = 3  # seconds: a bodyweight lift's pause at the bottom, past its slowest lowering
ACCESSORY_REPS = 10
BALANCE_REPS = 8
BALANCE_SECONDS = 30
CARE_REPS = {Level.BEGINNER: 12, Level.INTERMEDIATE: 8, Level.ADVANCED: 6}  # by exercise level
# Plyometrics by stage: sets and foot contacts a set (both feet together, or the sum of
# both sides): about 24, 48 and 64 contacts a session.
PLYOMETRIC_SETS_AND_CONTACTS = {1: (3, 8), 2: (4, 12), 3: (4, 16)}
# A first exposure (Petersen et al. 2011: Nordic curls start at 2x5).
FIRST_HARD_REPS = 5  # an intermediate or advanced exercise, the first time
FIRST_HARD_SECONDS = 20
# The two weeks back after a goal race: two easy sets, then the usual sets at RPE 7.
RAMP_RPE = {1: 6, 2: 7}
REST_SECONDS = {"heavy": 120, Role.ANCHOR: 60, Role.PLYOMETRIC: 60, "other": 45}
# Less than 48 h before a key run or race a heavy lift may stay, three reps in reserve:
# the load is kept (strength keeps when the effort does), the effort stops short of RPE 8.
BEFORE_KEY_RUN_RPE = 7

# Starting loads (kg) by pattern and implement, for beginner, intermediate and advanced:
# a conservative guess (dumbbells per hand, one kettlebell, the barbell's total) that the
# load text tells the athlete to adjust; the logbook's numbers take over after that.
START_KG: dict[tuple[str, str], tuple[float, float, float]] = {
    ("squat", "dumbbells"): (6, 10, 14),
    ("squat", "kettlebell"): (8, 12, 16),
    ("squat", "barbell"): (20, 30, 40),
    ("lunge", "dumbbells"): (4, 6, 10),
    ("lunge", "kettlebell"): (8, 8, 12),
    ("lunge", "barbell"): (20, 25, 30),
    ("hinge", "dumbbells"): (6, 10, 14),
    ("hinge", "kettlebell"): (8, 12, 16),
    ("hinge", "barbell"): (20, 30, 40),
    ("bridge", "dumbbells"): (6, 10, 14),
    ("bridge", "kettlebell"): (8, 12, 16),
    ("bridge", "barbell"): (20, 30, 40),
    ("calf", "dumbbells"): (4, 8, 12),
    ("calf", "kettlebell"): (8, 12, 16),
}
OTHER_START_KG = (4.0, 6.0, 8.0)  # any other pattern, any implement
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
    if role is Role.PLYOMETRIC:
        sets, contacts = PLYOMETRIC_SETS_AND_CONTACTS[max(1, min(exercise.stage, 3))]
        reps = contacts // 2 if exercise.unilateral else contacts
        return Dose(sets, reps, None, 7 if exercise.stage > 1 else 6, exercise.tempo)
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
    sets = 3 if occasion.level is Level.ADVANCED and occasion.phase is Phase.OFF_SEASON else 2
    return Dose(sets, None if holds else ACCESSORY_REPS, 30 if holds else None, rpe, exercise.tempo)


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
    if loaded and not beginner:  # in season: short heavy sets keep strength
        sets = 3 if occasion.level is Level.ADVANCED else 2
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


def climbs_heavy(role: Role, level: Level, implement: str) -> bool:
    """Whether a lift climbs by `heavy_climb`: a loaded anchor of an intermediate or
    advanced athlete (a beginner's climbs 8 to 10 reps, `DOUBLE_PROGRESSION_REPS`)."""
    return role is Role.ANCHOR and level is not Level.BEGINNER and bool(implement)


def heavy_climb(
    plan: Dose,
    kg: float | None,
    implement: str,
    last: Prescription | None,
    kit: Kit,
    *,
    may_rise: bool,
    climb: bool,
) -> tuple[Dose, float | None]:
    """A heavy anchor's reps and load from its last session, by double progression inside
    HEAVY_RANGE: below the top the reps rise (MOST_REP_RISE at most) at the same load;
    at the top, when the logbook's pace allows (`may_rise`), the next owned weight comes
    with the reps back at the bottom. At the top of the rack (or a far next weight) the
    reps stay at the top and the lowering slows a second instead, to MAX_ECCENTRIC. A
    day that may not `climb` (an eve, a taper, a light week, the weeks before a goal
    race) holds where the last session was. `within_reach` then keeps one rise at a time,
    effort first."""
    low, high = HEAVY_RANGE
    if last is None or last.implement != implement or last.load_kg is None or last.reps is None:
        return plan, kg
    if plan.reps is None or kg is None:
        return plan, kg
    held = last.load_kg
    if last.reps < high:
        reps = min(high, max(low, last.reps + (MOST_REP_RISE if climb else 0)))
        return plan._replace(reps=reps), held
    up = heavier_kg(Load(held, implement), kit)
    if up is not None and kit.small_step(held, up):
        if may_rise and climb:
            return plan._replace(reps=low), up
        return plan._replace(reps=high), held
    # nothing heavier within a step: slower lowering at the top reps
    tempo = last.tempo
    if climb and lowering(tempo):
        tempo = slower(tempo, min(MAX_ECCENTRIC, lowering(tempo) + 1))
    return plan._replace(reps=high, tempo=tempo), held


def first_exposure(plan: Dose, exercise: Exercise) -> Dose:
    """A new exercise starts gently: two sets at RPE 6, and a hard one short."""
    reps, seconds = plan.reps, plan.seconds
    if exercise.level is not Level.BEGINNER:
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
) -> tuple[Dose, float | None]:
    """The dose and load no further than a step beyond `last`, this exercise's previous
    prescription (None: no jump to cap); no heavier at all unless `may_rise` (the logbook's
    pace: two sessions at a load, one rise a week). A heavier load keeps last time's reps
    or fewer: the reps go back toward the bottom of the range as the weight rises. A rise
    is a small step (`Kit.small_step`): with kettlebells of 16 and 24 kg the 16 stays and
    the reps move on instead, a comfortable load and form before load, up to WAITING_REPS;
    from there the far weight comes, its reps back at the bottom of the range (double
    progression), so a rack with gaps still climbs.

    One thing rises at a time, effort first: `reached` holds the most sets and RPE of the
    lift's recent exposures (`reached`), and a return to them after a lighter day (the eve
    of a hard run, a recovery week) is no rise, so the day after a light one still moves on.
    With `reps_first` (a heavy anchor whose last planned set the session could not hold) a
    rep rise comes before the block's sets: the set would be trimmed off again, and the
    lift stand still. At a lighter load than last time (a lift back as an accessory) the
    reps come back up before a set is added."""
    if last is None:
        return plan, kg
    top_sets, top_rpe = reached or (last.sets, last.target_rpe)
    reps, seconds = plan.reps, plan.seconds
    same_implement = kg is not None and last.load_kg is not None and last.implement == implement
    heavier = waits = False
    if same_implement and kg is not None and last.load_kg is not None and kg > last.load_kg:
        ceiling = heavier_kg(Load(last.load_kg, implement), kit) if may_rise else None
        topped = last.reps is not None and last.reps >= WAITING_REPS
        if ceiling is not None and not kit.small_step(last.load_kg, ceiling) and not topped:
            ceiling, waits = None, True  # the next owned weight is too far: the load waits
        kg = min(kg, ceiling or last.load_kg)
        heavier = kg > last.load_kg
    if waits and reps is not None and last.reps is not None:
        # a comfortable load, form before load: the reps move on instead
        reps = max(reps, min(last.reps + MOST_REP_RISE, WAITING_REPS))
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
        and not (reps_first and reps is not None and last.reps is not None and reps > last.reps)
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


def _lowering_kept(reps: int, last: Prescription, tempo: str) -> int:
    """Reps enough that a set spends no fewer seconds lowering and paused at the bottom
    than last time's did: a slower lowering or a longer pause may bring fewer reps
    (`dose_level`), a lowering held back none."""
    before, now = lowering(last.tempo), lowering(tempo)
    if not before or now < before or last.reps is None:
        return reps  # a quicker lowering (another role's tempo) asks for no more reps
    before, now = before + pause(last.tempo), now + pause(tempo)
    return max(reps, -(-last.reps * before // now))


def lowering(tempo: str) -> int:
    """The seconds of a tempo's lowering (`3-1-2`: 3); an explosive `X` counts as none."""
    down = tempo.split("-")[0]
    return int(down) if down.isdigit() else 0


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
# A load waiting for a far next weight (`Kit.small_step`): its reps climb to this at most.
WAITING_REPS = 12
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
            # unloaded care work keeps its protocol stage's dose: the stage climbs gently
            # on its own and pain monitoring holds or steps it back (legday.care.monitoring)
            if p.injury_care and p.load_kg is None:
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
                load=_load_text(e, p.role, dose, kg, p.implement, new=p.new),
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


def start_load(exercise: Exercise, implement: str, level: Level, kit: Kit) -> float | None:
    """The table's conservative start, rounded down to what the athlete owns."""
    if not implement:
        return None
    by_level = START_KG.get((exercise.pattern, implement), OTHER_START_KG)
    return kit.at_most(implement, by_level[level.rank] * START_SHARE.get(exercise.id, 1.0))


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
    lift's half load lands on one leg (1.0), a good morning's lighter bar does not (0.5)."""
    one_leg = exercise.unilateral and exercise.pattern != "calf"
    return load_share(exercise) * (2 if one_leg else 1)


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
    reached = old_kg * hands(old, old_implement) / load_share(old)
    return first * hands(new, implement) / load_share(new) >= COMPARABLE_SHARE * reached


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
) -> Prescription:
    """The prescription shown to the athlete, its load text made from the numbers;
    `injury_care` names the athlete's own problems the exercise eases."""
    return Prescription(
        exercise=exercise.id,
        sets=plan.sets,
        reps=plan.reps,
        seconds=plan.seconds,
        per_side=exercise.unilateral,
        load=_load_text(exercise, role, plan, load_kg, implement, new=new),
        tempo=rep_tempo(plan.tempo, plan.seconds),
        target_rpe=plan.rpe,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        injury_care=injury_care,
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=_rest(role, plan, load_kg),
        new=new,
        role=role,
        load_kg=load_kg,
        implement=implement if load_kg is not None else "",
        extra_side=extra_side,
    )


def _rest(role: Role, plan: Dose, load_kg: float | None) -> int:
    if role is Role.ANCHOR and load_kg is not None and (plan.reps or HEAVY_REPS + 1) <= HEAVY_REPS:
        return REST_SECONDS["heavy"]
    return REST_SECONDS.get(role, REST_SECONDS["other"])


def _load_text(
    exercise: Exercise,
    role: Role,
    plan: Dose,
    load_kg: float | None,
    implement: str,
    *,
    new: bool,
) -> str:
    """What to pick up and how hard it should feel, from the numbers; a load comes first
    ("12 kg dumbbells ..."), as the logbook reads it."""
    new_words = NEW_LOAD_WORDS if new else ""
    if role is Role.PLYOMETRIC:
        contacts = plan.sets * (plan.reps or 0) * (2 if exercise.unilateral else 1)
        return f"bodyweight, {contacts} foot contacts in all: {_contact_cue(exercise)}{new_words}"
    if load_kg is not None:
        what = {
            "dumbbells": _dumbbells(exercise, load_kg),
            "kettlebell": f"{load_kg:g} kg kettlebell",
            "barbell": f"{load_kg:g} kg barbell, bar and plates",
        }[implement]
    elif Equipment.BAND in exercise.equipment:
        what = "a light band"
    else:
        what = "bodyweight"
    if plan.seconds is not None and exercise.id in MOVING_FOR_TIME:
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
        how = f"stop when {feel}" if load_kg is None else f"about that: adjust so {feel}"
    return f"{what}; {how}{new_words}"


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


def _dumbbells(exercise: Exercise, kg: float) -> str:
    """How the dumbbells are held: a pair by the sides, unless the lift takes one."""
    if exercise.unilateral and exercise.pattern == "calf":  # the other hand on the rail
        return f"one {kg:g} kg dumbbell in the working side's hand, the other on a rail or wall"
    if "goblet" in exercise.id:
        return f"one {kg:g} kg dumbbell, held upright at the chest"
    if exercise.pattern == "bridge":
        return f"one {kg:g} kg dumbbell, resting across the hips"
    return f"{kg:g} kg dumbbells, one in each hand"


def work_seconds(p: Prescription) -> int:
    """Time the prescription takes, rests included, each side for one-legged work."""
    per_set = p.seconds if p.seconds is not None else (p.reps or 0) * seconds_per_rep(p.tempo)
    if p.kind is ExerciseKind.PLYOMETRIC:
        per_set = (p.reps or 0) * 2  # a landing and a reset
    sides = 2 if p.per_side else 1
    extra = 1 if p.extra_side else 0
    return (p.sets * sides + extra) * per_set + (p.sets + extra) * p.rest_seconds
