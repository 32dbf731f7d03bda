"""Injury-care routines between strength days (`care-routine`).

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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from itertools import pairwise

from legday.care import (
    CALF_PROBLEMS,
    DISCLAIMER,
    KNEE_PROBLEMS,
    MOST_KNEE_DAYS,
    CareItem,
    CareProtocol,
    CareStage,
    Frequency,
    avoided,
    cared_for,
    closed_to_care,
    days_after_races,
    days_before_races,
    leaves_no_time,
    loads_the_knee,
    no_room_for_care,
    one_leg_when_light,
    unsure_day,
)
from legday.catalogue import Catalogue
from legday.kit import Kit, kit_of
from legday.model import (
    ALWAYS_AT_HAND,
    CARE_NEEDS,
    DEFAULT_START,
    HARD_RUN_KINDS,
    IMPLEMENTS,
    WEEKLY_GROUPS,
    CareRoutine,
    Exercise,
    ExerciseKind,
    Muscle,
    Phase,
    Prescription,
    Profile,
    Race,
    Role,
    Run,
    Session,
    problem_name,
    rep_tempo,
)
from legday.planner import words
from legday.planner.days import clear_start, start_after
from legday.planner.dose import (
    ACCESSORY_REPS,
    IMPROVISED_LOAD,
    NEW_LOAD_WORDS,
    Dose,
    load_text,
    prescribe,
    seconds_per_rep,
    start_load,
    work_seconds,
)
from legday.planner.fit import FEWEST_ANCHOR_SETS
from legday.planner.ramp import Ramp, dose_words
from legday.planner.season import DAY_NAMES
from legday.progression.loads import Load, heavier_kg
from legday.rules.progression import FIRST_SETS

__all__ = [
    "CHANGE_SECONDS",
    "CareFit",
    "CareSchedule",
    "WeekDoses",
    "care_exercises",
    "care_fit",
    "care_routines",
    "expected_dose",
    "expected_stage",
    "first_exposures",
    "first_times",
    "for_kit",
    "key_run_eves",
    "learned_unloaded",
    "met_before_weeks",
    "routine_seconds",
    "season_doses",
    "stage_weeks",
    "within_care",
]

# The movements each problem's care governs in a strength session: while care is at an
# early stage, a session does not load them harder than the stage does.
GUARDED_PATTERNS: dict[str, frozenset[str]] = {
    "achilles": frozenset({"calf"}),
    "achilles-insertional": frozenset({"calf"}),
    "plantar-fascia": frozenset({"calf"}),
    "shin-splints": frozenset({"calf", "shin"}),
    "runners-knee": frozenset({"squat", "lunge"}),
    "hamstring": frozenset({"hinge", "knee-flexion", "bridge"}),
    "it-band": frozenset({"hip-abduction"}),
}

# While care is short of its last stage, a lift of a movement it guards that the stage
# cannot swap for one of its own exercises goes without added load, in a range the sore
# area tolerates: a loaded deep lunge at the knee protocol's isometric stage asks the knee
# for what its care does not yet allow (Crossley 2016: load the knee in a pain-free range).
# A lift named for its implement (a goblet squat holds a dumbbell) becomes its easier
# variation without one (a bodyweight squat: `_bodyweight_stand_in`), so the words match.
UNLOADED_WHILE_EARLY: dict[str, str] = {
    "runners-knee": (
        "bodyweight, a shallow range: bend the knee only as far as stays pain-free, "
        "half way down at most"
    ),
    "achilles": "bodyweight, no added load while the tendon's care is at an early stage",
    "achilles-insertional": (
        "bodyweight, no added load while the tendon's care is at an early stage"
    ),
    "plantar-fascia": "bodyweight, no added load while the heel's care is at an early stage",
}
# The problems whose last stage is itself a dose to keep three times a week (the Achilles
# protocol's heavy slow raises: Beyer et al. 2015): there a session's lift of the lead
# exercise's movement becomes it at the week's dose, so a strength day is a protocol day
# (a bent-knee heel drop 2 x 5 beside the stage is not).
# Shin splints too: its last stage is calf endurance (3 x 22 on one leg), and a session's
# heavy calf lift beside three routines loaded the calves five days a week (a coach's read).
LEAD_IN_SESSIONS = frozenset({"achilles", "achilles-insertional", "shin-splints"})
# The movements that load the calf and shin: a session or routine holding one is a calf
# day, and calf days want a day between them (a calf problem's routines keep clear of a
# session's calf lift, and two calf problems share their routine days).
CALF_PATTERNS = frozenset({"calf", "shin"})
# The problems whose off-dose care lifts in a session do not count towards the week's
# dose: Beyer's heavy slow raises three times a week (a bent-knee heel drop 2 x 5 is not
# one). Their sessions' calf lifts still count as calf days for the spacing.
DOSE_ONLY = frozenset({"achilles", "achilles-insertional"})
# Beside another calf problem, the ones whose care decides a session's calf work: Achilles
# care's calf lift is its protocol's dose (heavy slow raises at the last stage: Beyer et
# al. 2015), and the shin protocol's raise for endurance in its place left the tendon a
# day short, while its early stages hold the calf below what the shin stages ask. Its
# calf lift serves the other calf problems too: one calf dose, not two competing ones.
CALF_OWNERS = frozenset({"achilles", "achilles-insertional"})
# the problems whose guarded lift, without a stage exercise of its own movement, takes the
# stage's exercise of another movement it guards (a lunge becomes the wall sit)
ANY_GUARDED_MOVEMENT = frozenset({"runners-knee"})

# Uphill running loads the Achilles tendon more than the flat does: while its care is short
# of the last stage, a week with hill work says so, once, and leaves the call to the
# athlete and their physio (the calendar is theirs; legday never changes it).
HILLS = re.compile(
    r"(?<!\w)(?:hills?|uphill|hill repeats|berg\w*|hügel\w*|cotes?|côtes?|montees?|"
    r"montées?|cuestas?|subidas?)(?!\w)",
    re.IGNORECASE,
)
HILL_CARE = frozenset({"achilles", "achilles-insertional"})

AFTER_RACE = "in the days after your race the legs recover first"
EVE_WORDS = "one set fewer of each today"  # what a routine lightened for its eve says
KEY_RUN_NEAR = "a key run or race is less than 48 h away"
BEFORE_RACE = "your race is days away, so the legs stay fresh for it"
CHANGE_SECONDS = 20  # from one exercise to the next
CARE_RPE = 6  # care is dosed by pain, not effort: a moderate effort at most
STAGE_TOP_WEEK = 10_000  # a week past every stage's last step: the dose it holds at its top


@dataclass(frozen=True, slots=True)
class CareSchedule:
    """Where each problem's care stands when the plan starts: its stage, or why it is
    stopped (severe or worsening pain: see a professional)."""

    stages: Mapping[str, int]
    stopped: Mapping[str, str]
    # the plan's weeks (0-based) that bring care nothing new: A- and B-race weeks and
    # tapers hold the previous week's stage and dose, and the weeks after catch up
    holds: frozenset[int] = frozenset()
    # the plan's weeks (0-based) that ease off, recovery weeks and tapers: care keeps its
    # days but takes the week before's dose a set lighter, never above it (a recovery
    # week's 4 x 10 routine was heavier than any of its sessions: a coach's read)
    eases: frozenset[int] = frozenset()
    # the plan's weeks (0-based) in which care restarts after an A race, with how many
    # steps lighter than the race week's dose each takes (`steps_back`): the first week
    # after it two, the next one, then the weeks go on as before; they are held weeks too
    restarts: Mapping[int, int] = field(default_factory=dict)
    # the problems the logbook flags as hurting when the plan is made: a routine whose
    # pain went over the protocol's limit or whose next morning did not settle (pain
    # monitoring holds or steps back the stage), or, for runner's knee, pain of 4/10 or
    # more in knee-dominant work not yet cleared by a pain-free session
    # (`progression.pain`). Jumps wait for a sore knee (`jumps_wait`).
    sore: frozenset[str] = frozenset()

    @classmethod
    def fresh(cls) -> CareSchedule:
        return cls({}, {})

    def care_week(self, week: int) -> int:
        """The week (0-based) of care progress a plan week counts as: held weeks do not
        count, and a held week repeats the week before it."""
        counted = week - sum(1 for held in self.holds if held < week)
        return max(counted - 1, 0) if week in self.holds else counted


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
    light = dict.fromkeys(days_after_races(races.values(), by_day), AFTER_RACE)
    light.update(dict.fromkeys(days_before_races(races.values()), BEFORE_RACE))
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
                    why = _after_first_sentence(
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


def stage_weeks(
    protocol: CareProtocol, schedule: CareSchedule | None, weeks: int
) -> list[tuple[CareStage, int]]:
    """The stage a plan expects in each of its first `weeks` weeks and the week of the
    stage its dose is at (1, 2, ...): the logbook's stage when the plan starts, one up
    every `advance_after_weeks` weeks (`CareProtocol.expected`). A stage that learns an
    exercise without a weight before it takes one starts at its first week, whenever that
    comes: a recovery week or a taper at the stage's start goes on with the stage before
    (`season_doses`), and the first week the stage is done is its first step, not one
    that holds the weight already. Runner's knee stage 2 learns the split squat without a
    weight in its first week; when a recovery week took that week, the athlete met it
    with 6 kg the first time, under words that said "bodyweight first" (a coach's read)."""
    schedule = schedule or CareSchedule.fresh()
    first = schedule.stages.get(protocol.condition, 1)
    waited: dict[int, int] = {}  # stage -> its weeks gone by before its first was done
    found = []
    for week in range(weeks):
        stage, in_stage = protocol.expected(first, schedule.care_week(week))
        quiet = week > 0 and (week in schedule.eases or week in schedule.holds)
        if stage.number not in waited and not quiet:
            waited[stage.number] = in_stage - 1 if _weighed_later(stage, in_stage) else 0
        found.append((stage, max(1, in_stage - waited.get(stage.number, 0))))
    return found


def _stage_week(
    protocol: CareProtocol, schedule: CareSchedule | None, week: int
) -> tuple[CareStage, int]:
    """`stage_weeks` for one week, without walking the season: only a stage that learns
    an exercise without a weight (`_learns_unloaded`) looks back to its first week."""
    schedule = schedule or CareSchedule.fresh()
    first = schedule.stages.get(protocol.condition, 1)
    stage, in_stage = protocol.expected(first, schedule.care_week(week))
    if not _learns_unloaded(stage):
        return stage, in_stage
    start = week  # the stage's first week in the plan: stages only ever move up
    while start > 0 and (
        protocol.expected(first, schedule.care_week(start - 1))[0].number == stage.number
    ):
        start -= 1
    quiet = schedule.eases | schedule.holds
    done = next((w for w in range(start, week + 1) if w == 0 or w not in quiet), None)
    if done is None:
        return stage, in_stage
    then = protocol.expected(first, schedule.care_week(done))[1]
    waited = then - 1 if _weighed_later(stage, then) else 0
    return stage, max(1, in_stage - waited)


def _learns_unloaded(stage: CareStage) -> bool:
    """Whether an exercise of the stage starts without a weight and takes one later."""
    return any(not i.loaded and any(step.loaded for step in i.steps) for i in stage.items)


def _weighed_later(stage: CareStage, week: int) -> bool:
    """Whether an exercise of the stage that starts without a weight holds one by the
    stage's `week`: a first time there would skip the weeks that learn it unloaded."""
    return any(not item.loaded and item.in_week(week).loaded for item in stage.items)


def expected_stage(protocol: CareProtocol, schedule: CareSchedule | None, week: int) -> CareStage:
    """The stage a plan expects in its `week` (0-based): the logbook's stage when the plan
    starts, one up every `advance_after_weeks` weeks."""
    schedule = schedule or CareSchedule.fresh()
    first = schedule.stages.get(protocol.condition, 1)
    return protocol.expected(first, schedule.care_week(week))[0]


def expected_dose(
    protocol: CareProtocol, schedule: CareSchedule | None, week: int
) -> tuple[CareStage, tuple[CareItem, ...]]:
    """The stage a plan expects in its `week` (0-based) and its items as dosed that week:
    a heavy stage's dose rises week by week within the stage, up to its last step."""
    stage, week_in_stage = _stage_week(protocol, schedule, week)
    return stage, stage.items_in_week(week_in_stage)


class WeekDoses:
    """Each problem's expected stage and its items as dosed week by week (`expected_dose`),
    fitted to the athlete's kit (`for_kit`), and what care makes of each week as a whole:
    whether jumps wait (`jumps_wait`) and the care exercises met before it
    (`met_before_weeks`). Made once per plan, as every session of a week asks for the same
    (`care_fit`)."""

    def __init__(
        self, profile: Profile, catalogue: Catalogue, schedule: CareSchedule | None
    ) -> None:
        self.start = profile.start
        self.by_problem: dict[str, list[tuple[CareStage, tuple[CareItem, ...]]]] = {}
        fitted = _fitted(catalogue, profile)  # one for the season: a stage's items recur
        for injury in cared_for(profile.injuries):
            protocol = catalogue.protocols.get(injury)
            if protocol is None:
                continue
            self.by_problem[injury] = season_doses(protocol, schedule, profile.weeks, fitted)
        mondays = [profile.start + timedelta(weeks=week) for week in range(profile.weeks)]
        self.jumps_wait = [
            jumps_wait(profile, catalogue, schedule, day, self.by_problem) for day in mondays
        ]
        self.met_before = met_before_weeks(profile, catalogue, schedule)

    def of(self, injury: str, week: int) -> tuple[CareStage, tuple[CareItem, ...]]:
        """The problem's stage in the plan's `week` (0-based) and its items that week."""
        return self.by_problem[injury][week]

    def earlier(self, injury: str, week: int) -> dict[str, CareItem]:
        """The problem's exercises of weeks before `week` that its stage that week no
        longer holds, each at the latest dose it had, without a weight (a stage's weighed
        work belongs to its stage): a session that still picks one for the problem (the
        knee's side-lying leg raise of stage 1, in a stage-2 week) keeps what the
        athlete reached, where a composer's care pick fell from the routine's 3 x 15 to
        1 x 12 (a coach's read: care doses jumping around from week to week)."""
        weeks = self.by_problem[injury]
        now = {item.exercise for item in weeks[week][1]}
        kept: dict[str, CareItem] = {}
        for _, items in weeks[:week]:
            kept.update((i.exercise, i) for i in items if not i.loaded and i.load_kg is None)
        return {exercise: item for exercise, item in kept.items() if exercise not in now}


Fit = Callable[[Sequence[CareItem]], tuple[CareItem, ...]]  # items as a kit makes them


def _as_they_are(items: Sequence[CareItem]) -> tuple[CareItem, ...]:
    return tuple(items)


def _fitted(catalogue: Catalogue, profile: Profile) -> Fit:
    """Care items as the athlete's kit makes them (`for_kit`, which fits each item on its
    own), each item fitted once: a stage's items come back week after week."""
    kit_made: dict[CareItem, CareItem] = {}

    def fit(items: Sequence[CareItem]) -> tuple[CareItem, ...]:
        for item in items:
            if item not in kit_made:
                kit_made[item] = for_kit((item,), catalogue, profile)[0]
        return tuple(kit_made[item] for item in items)

    return fit


def season_doses(
    protocol: CareProtocol,
    schedule: CareSchedule | None,
    weeks: int,
    fit: Fit = _as_they_are,
) -> list[tuple[CareStage, tuple[CareItem, ...]]]:
    """The stage and items of each of the plan's `weeks` (`expected_dose`), as `fit`
    makes them (the athlete's kit: `for_kit`), a week that eases off
    (`CareSchedule.eases`) taking the week before's at one set fewer of each item (one at
    least), and a held week the week before's as it was: a taper's lighter dose carries
    into its race week rather than climbing back. A week care restarts in after an A race
    (`CareSchedule.restarts`) takes its dose some steps lighter (`steps_back`), and the
    next week's climbs from there, not from the lighter one."""
    schedule = schedule or CareSchedule.fresh()
    out: list[tuple[CareStage, tuple[CareItem, ...]]] = []
    kept: list[tuple[CareStage, tuple[CareItem, ...]]] = []  # before any restart's step back
    for week, (stage, week_in_stage) in enumerate(stage_weeks(protocol, schedule, weeks)):
        dose = stage, stage.items_in_week(week_in_stage)
        if kept and week in schedule.eases:
            stage, items = kept[-1]
            dose = stage, tuple(replace(item, sets=max(1, item.sets - 1)) for item in items)
        elif kept and week in schedule.holds:
            dose = kept[-1]
        kept.append(dose)
        stage, items = dose
        back = schedule.restarts.get(week, 0)
        out.append((stage, fit(steps_back(stage, items, back, fit) if back else items)))
    return out


def steps_back(
    stage: CareStage, items: Sequence[CareItem], steps: int, fit: Fit = _as_they_are
) -> tuple[CareItem, ...]:
    """The items `steps` steps lighter within their stage, as care restarts after an A
    race. Where an item is is read from its reps and its weight as `fit` makes them (the
    athlete's kit: `for_kit`). Each step back goes to the latest earlier step with a
    lighter weight (`_lighter`), at its reps and no more sets: the heavy slow raise at
    4 x 6 two steps back is 4 x 10 two owned weights lighter. Where no earlier step is
    lighter (the first step, or the top of a small rack reached before it: 4 x 10 at the
    same weight as 4 x 6 is more work, not less) the step is a set fewer instead (one set
    at least). A tendon that has just raced meets the season's heaviest calf dose a
    fortnight later, not the first week back."""
    base = {item.exercise: item for item in stage.items}
    lighter = []
    for item in items:
        levels = care_steps(base.get(item.exercise, item))
        weighed = fit(levels)
        at = to = _step_of(fit((item,))[0], weighed)
        fewer = 0
        for _ in range(steps):
            back = [n for n in range(to) if _lighter(weighed[n], weighed[to])]
            if back:
                to = back[-1]
            else:
                fewer += 1
        if to == at:  # no lighter step: the item's own dose, sets fewer
            lighter.append(replace(item, sets=max(1, item.sets - fewer)))
            continue
        step = levels[to]
        lighter.append(
            replace(
                item,
                reps=step.reps,
                seconds=step.seconds,
                loaded=step.loaded,
                heavier=step.heavier,
                sets=max(1, min(item.sets, step.sets) - fewer),
            )
        )
    return tuple(lighter)


def care_steps(item: CareItem) -> list[CareItem]:
    """A stage item's dose at each of its steps, the first (the item itself) first."""
    return [item, *(item.in_week(step.week) for step in item.steps)]


def _step_of(item: CareItem, levels: Sequence[CareItem]) -> int:
    """Which of its steps (`care_steps`, as the kit makes them) an item is dosed at, read
    from its reps or seconds and its weight (none, or how many kilograms); an eased
    week's set fewer leaves the step as it was. 0 when none matches."""
    dosed = (item.reps, item.seconds, item.loaded, item.load_kg)
    return max(
        (
            n
            for n, level in enumerate(levels)
            if (level.reps, level.seconds, level.loaded, level.load_kg) == dosed
        ),
        default=0,
    )


def _lighter(earlier: CareItem, later: CareItem) -> bool:
    """Whether an earlier step of an item is lighter than a later one: no weight where the
    later has one, or fewer kilograms. Without kilograms on both (no weight owned, an
    improvised one) the earlier step is lighter: its reps at the same effort ask for a
    lighter load, as its rep maximum would."""
    if earlier.loaded != later.loaded:
        return later.loaded
    if earlier.load_kg is None or later.load_kg is None:
        return True
    return earlier.load_kg < later.load_kg


def met_before_weeks(
    profile: Profile, catalogue: Catalogue, schedule: CareSchedule | None
) -> list[frozenset[str]]:
    """For each week of the plan, the care exercises the athlete has surely met before it:
    the stage items of every earlier week (each week holds its stage's routines or
    sessions that hold them), gathered week by week. A week's dose never changes an
    item's exercise: the stages say it."""
    protocols = [
        protocol
        for injury in cared_for(profile.injuries)
        if (protocol := catalogue.protocols.get(injury)) is not None
        and not (schedule is not None and injury in schedule.stopped)
    ]
    met: set[str] = set()
    before = []
    for week in range(profile.weeks):
        before.append(frozenset(met))
        for protocol in protocols:
            met.update(item.exercise for item in expected_stage(protocol, schedule, week).items)
    return before


# a lift's name as an item of a why's list ("for your runner's knee: split squat, clamshell
# and ..."), not inside another name or phrase: care renamed a split squat in a list, and
# "a harder variation of the split squat" and "rear-foot-elevated split squat" stay
_LISTED = r"(?<=: |, )(?<! and ){name}(?=, | and |; |\.$|$)|(?<= and ){name}(?=; |\.$|$)"


@dataclass(frozen=True, slots=True)
class CareFit:
    """What care does to a session's main block (`within_care`): the block, the words
    the session's why gains, and how much longer the block takes."""

    main: tuple[Prescription, ...]
    renamed: tuple[tuple[str, str], ...] = ()  # (lift, care exercise) names, lower case
    extra_seconds: int = 0
    changed: bool = False
    jumps_wait: bool = False  # the week's care holds jumps back (`jumps_wait`)
    # the loaded calf care a set lighter: a key run or race is less than 48 h away
    calf_eased: tuple[str, ...] = ()

    def told(self, why: str) -> str:
        """The session's why, naming what care changed: that jumps wait only when they
        do (a session with pogo hops said they waited: a coach's read), and the loaded
        calf work a set lighter before a key run."""
        if not self.changed:
            return why
        for old, new in self.renamed:
            why = re.sub(_LISTED.format(name=re.escape(old)), new, why)
        note = "; work near the sore area stays at its care stage"
        note += ", and jumps wait for it" if self.jumps_wait else ""
        if self.calf_eased:
            note += f"; {' and '.join(self.calf_eased)} a set lighter ({KEY_RUN_NEAR})"
        return why[:-1] + note + "."


def jumps_wait(
    profile: Profile,
    catalogue: Catalogue,
    schedule: CareSchedule | None,
    day: date,
    stages: Mapping[str, Sequence[tuple[CareStage, tuple[CareItem, ...]]]] | None = None,
) -> bool:
    """Jumps load a sore calf or shin tendon: while an Achilles, plantar or shin protocol
    is short of its last stage on `day`, or in it short of its last step (the load the
    protocol says to stay at: the Achilles' 6-rep maximum from the stage's week 9), the
    composer plans none. The protocols name no stage for jumps, and a tendon still
    climbing its heavy raises is no tendon for pogo hops (a coach's read found them in
    the second week of heavy slow raises). Landings load the front of the knee too: a
    runner's knee holds them back the same way (`_knee_holds_jumps`), at the stage its
    routines hold that week (`stages`: `WeekDoses.by_problem`, when made already)."""
    week = (day - profile.start).days // 7
    schedule = schedule or CareSchedule.fresh()
    for injury in cared_for(profile.injuries):
        protocol = catalogue.protocols.get(injury)
        if protocol is None:
            continue
        if injury in KNEE_PROBLEMS:
            held = stages[injury][week][0] if stages and injury in stages else None
            if _knee_holds_jumps(protocol, schedule, week, held):
                return True
            continue
        if injury in schedule.stopped:
            continue
        if not GUARDED_PATTERNS.get(injury, frozenset()) & {"calf", "shin"}:
            continue
        stage, week_in_stage = _stage_week(protocol, schedule, week)
        settled = max((step.week for item in stage.items for step in item.steps), default=1)
        if stage.number < len(protocol.stages) or week_in_stage < settled:
            return True
    return False


def _knee_holds_jumps(
    protocol: CareProtocol, schedule: CareSchedule, week: int, held: CareStage | None = None
) -> bool:
    """Whether runner's knee holds jumps back in the plan's `week` (0-based). A landing
    asks the knee to absorb several times body weight, the load patellofemoral pain
    tolerates least (Dye 2005: the joint's tolerance for load has fallen), so jumps come
    only once its care has reached the last stage, where the knee bends one-legged under
    load again, and not while it hurts: never while its care is stopped (severe or
    worsening pain), and for the protocol's `advance_after_weeks` weeks from a plan made
    while the logbook flags it sore (`CareSchedule.sore`), the weeks pain monitoring
    needs to see a stage settle. A coach and physio found snap-downs in week 5, at the
    split squat stage, for a runner whose knee still hurt. `held`: the stage the week's
    routines hold (a recovery week at a stage's start goes on with the stage before:
    `season_doses`), else the one the forecast expects."""
    if protocol.condition in schedule.stopped:
        return True
    if protocol.condition in schedule.sore and week < protocol.advance_after_weeks:
        return True
    stage = held or _stage_week(protocol, schedule, week)[0]
    return stage.number < len(protocol.stages)


def care_fit(
    day: date,
    main: Sequence[Prescription],
    profile: Profile,
    catalogue: Catalogue,
    schedule: CareSchedule | None,
    room_seconds: int | None = None,
    met: Collection[str] | None = None,
    doses: WeekDoses | None = None,
    before_key_run: bool = False,
    known: Collection[str] | None = None,
    last_session: Collection[str] = (),
) -> CareFit:
    """A main block that loads a sore area no harder than its care stage.

    A lift of a guarded movement (the calf for Achilles pain, the squat for runner's knee)
    becomes the care stage's exercise of that movement at the stage's dose for the week;
    a lift the stages up to now already hold keeps its exercise and takes that dose. When
    the stage has no exercise of the movement (or the swap would break a hard rule), the
    lift stays, at two sets, no heavier than its starting load and at an easy effort. At
    the last stage (full loading) the session's own lifts stand. At every stage, an
    exercise of the stage that the session holds (a care pick too) takes the week's dose,
    unless the strength plan loads it in kg (then it progresses by its kg). Beside
    another calf problem, Achilles care goes first and its calf work is the session's one
    calf dose, serving both (`CALF_OWNERS`).
    Jumps never reach it while calf or shin care is early: the composer plans none then
    (`jumps_wait`), so its other work fills the session. The planner settles all this
    before it places the session's start, so the start fits the session's real length
    (`no-overlap`). When the care dose takes more than
    `room_seconds` more, the session gives sets back (`_make_room`) to keep to its minutes.
    `met`, in a week that brings nothing new (a race week), holds what the athlete has
    done: care then swaps in only exercises among them. `doses`, when the planner has
    made them for the plan, hold each week's stage and items. `before_key_run`: the
    session starts less than 48 h before a key run or race, so its loaded calf care
    (`loaded_calf`) takes a set fewer: the week's heaviest calf dose sits clear of it. A
    calf lift of the stage that the strength plan loads in kg instead (at the last stage,
    climbing the owned rack: an insertional Achilles' one-legged raise at 32 kg the
    afternoon before a long run) is as heavy for the tendon, and takes a set fewer too.
    `known`: what the athlete has met in the sessions so far, in a session clear of a key
    run's eve: runner's knee care then swaps in a stage exercise of the movement they
    have not met before one they have (`_new_first`), so a stage's new exercises come
    first on such a day and a routine on a key run's eve holds them as known work.
    `last_session`: the exercises of the session before, whose hold this one does not
    repeat (`_hold_rests`).
    """
    week = (day - profile.start).days // 7
    before = tuple(main)
    block = list(main)
    renamed: list[tuple[str, str]] = []
    floors: dict[str, int] = {}  # care work the session had fewer sets of than its stage
    added: list[Prescription] = []  # work for the groups a bodyweight stand-in gave up
    claimed: set[str] = set()  # the calf work Achilles care made its own (`CALF_OWNERS`)
    heaviest: dict[str, int] = {}  # loaded calf care, with the week's sets (`loaded_calf`)
    changed = False
    for injury in sorted(cared_for(profile.injuries), key=lambda i: i not in CALF_OWNERS):
        protocol = catalogue.protocols.get(injury)
        guarded = GUARDED_PATTERNS.get(injury, frozenset())
        if protocol is None or (schedule is not None and injury in schedule.stopped):
            continue
        if doses is not None:
            stage, items = doses.of(injury, week)
        else:
            stage, items = expected_dose(protocol, schedule, week)
            items = for_kit(items, catalogue, profile)
        # runner's knee: a stage exercise not met yet first, where its swap holds
        orders = [items]
        if known is not None and injury in ANY_GUARDED_MOVEMENT:
            orders.insert(0, _new_first(items, known))
        if stage.number < len(protocol.stages):  # the last stage is full loading
            for index, p in enumerate(block):
                exercise = catalogue.get(p.exercise)
                if exercise is None or exercise.pattern not in guarded or p.exercise in claimed:
                    continue
                for order in orders:
                    item = _stage_item(
                        protocol, stage, order, exercise.id, exercise.pattern, catalogue, met
                    )
                    if item is None and injury in ANY_GUARDED_MOVEMENT:
                        taken = {q.exercise for q in block}
                        item = _another_guarded(items, guarded, taken, catalogue, met)
                    item = for_kit((item,), catalogue, profile)[0] if item is not None else None
                    if item is not None and _hold_rests(item, block, index, injury, last_session):
                        item = None  # the lift stays, unloaded and shallow (below)
                        break
                    made_good: tuple[Prescription, ...] | None = ()
                    if item is not None and _loses_care(
                        block, index, item, catalogue, profile.injuries, injury
                    ):
                        made_good = _groups_made_good(
                            block, index, item, injury, added, catalogue, profile, met
                        )
                        item = None if made_good is None else item
                    if item is not None:
                        added.extend(made_good or ())
                        break
                start_kg = (
                    start_load(
                        exercise, p.implement, profile.level, kit_of(profile), profile.body_kg
                    )
                    if p.implement
                    else None
                )
                unloaded = UNLOADED_WHILE_EARLY.get(injury)
                if item is None and unloaded is not None and _needs_implement(exercise):
                    plain = _bodyweight_stand_in(exercise, block, index, catalogue, profile, met)
                    if plain is None:  # no variation without it: as light as it starts
                        unloaded = None
                    else:
                        # a heavy lift's few reps make no bodyweight set: an accessory's
                        reps = None if p.reps is None else max(p.reps, ACCESSORY_REPS)
                        p = replace(_as_variation(p, plain), reps=reps)
                        lost = _groups_only(block, index, exercise) - set(plain.muscles)
                        taken = {q.exercise for q in (*block, *added)}
                        work = _group_work(lost, taken, catalogue, profile, met)
                        added.extend(() if work is None else (work,))
                block[index] = _at_care_dose(p, item, catalogue, injury, start_kg, unloaded)
                if item is not None and block[index].exercise == p.exercise:
                    floors[p.exercise] = min(p.sets, item.sets)
                new_name = catalogue[block[index].exercise].name.lower()
                renamed.append((exercise.name.lower(), new_name))
                changed = True
        elif injury in ANY_GUARDED_MOVEMENT:
            # the knee's last stage: the session's own lifts stand, and its knee care
            # picks (a goblet squat, a split squat for the knee) become the stage's
            # exercises of their movement at the week's dose, so a knee day of the
            # session is a day of the protocol, not a knee day beside it
            for index, p in enumerate(block):
                knee_care = _last_stage_swap(block, index, items, guarded, injury, catalogue, met)
                if knee_care is None:
                    continue
                given_back: tuple[Prescription, ...] | None = ()
                if _loses_care(block, index, knee_care, catalogue, profile.injuries, injury):
                    given_back = _groups_made_good(
                        block, index, knee_care, injury, added, catalogue, profile, met
                    )
                if given_back is None:
                    continue
                added.extend(given_back)
                renamed.append(
                    (catalogue[p.exercise].name.lower(), catalogue[knee_care.exercise].name.lower())
                )
                block[index] = _at_care_dose(p, knee_care, catalogue, injury, None)
                floors[knee_care.exercise] = max(1, knee_care.sets - 1)
                changed = True
        elif injury in LEAD_IN_SESSIONS and items:
            led = _lead_in(block, items[0], catalogue, profile.injuries, met, injury, claimed)
            if led is None and any(p.exercise == items[0].exercise for p in block):
                led = _joining_lead(block, items[0], injury, catalogue, profile.injuries)
            while led is not None:
                index, before_name = led
                renamed.append((before_name, catalogue[items[0].exercise].name.lower()))
                block[index] = _at_care_dose(block[index], items[0], catalogue, injury, None)
                # a short session may give one set back and still hold the dose
                floors[items[0].exercise] = max(1, items[0].sets - 1)
                changed = True
                # beside Achilles care the other calf problems' raises join its lead:
                # the session does it once (`_once_each`), for all of them
                led = _joining_lead(block, items[0], injury, catalogue, profile.injuries)
        own = {item.exercise: item for item in items}
        # a care pick of an earlier stage's exercise keeps the dose it reached
        kept = doses.earlier(injury, week) if doses is not None else {}
        heaviest.update((i.exercise, i.sets) for i in items if loaded_calf(i, catalogue))
        for index, p in enumerate(block):
            item = own.get(p.exercise)
            if item is None and p.role is Role.CARE and p.exercise in kept:
                # its reps or hold, at the sets the session gave it: more sets made a
                # week's sets jump (`test_a_masters_weekly_volume_climbs_gently`)
                item = replace(kept[p.exercise], sets=min(kept[p.exercise].sets, p.sets))
            if item is not None and p.load_kg is None and p.exercise not in claimed:
                # a lift loaded in kg progresses by kg; Achilles care's calf work keeps its dose
                dosed = _at_care_dose(p, item, catalogue, injury, None)
                floors.setdefault(p.exercise, min(p.sets, item.sets))
                changed, block[index] = changed or dosed != p, dosed
        if injury in CALF_OWNERS:  # its calf work is the session's one calf dose
            claimed.update(i.exercise for i in items)
            claimed.update(p.exercise for p in block if _pattern_of(p, catalogue) in guarded)
    eased: list[str] = []
    for index, p in enumerate(block):
        week_sets = heaviest.get(p.exercise)
        if not before_key_run or week_sets is None:
            continue
        if p.load_kg is None or p.care_dose:  # care's own dose, in owned kilograms or not
            lighter = week_sets > 1
            sets = min(p.sets, week_sets - 1)
        else:  # the strength plan's load, climbing the owned rack: its own sets, one fewer
            lighter = p.sets > 1
            sets = p.sets - 1
        if lighter:
            block[index] = replace(p, sets=sets)
            eased.append(catalogue[p.exercise].name.lower())
            changed = True
    if not changed:
        return CareFit(before)
    block = _once_each([*block, *added])
    extra = sum(work_seconds(p) for p in block) - sum(work_seconds(p) for p in before)
    if room_seconds is not None and extra > room_seconds:
        extra -= _make_room(block, extra - room_seconds, profile.injuries, floors)
    if doses is not None:  # the week's answer, worked out once per plan
        waits = doses.jumps_wait[week]
    else:
        waits = jumps_wait(profile, catalogue, schedule, day)
    return CareFit(tuple(block), tuple(renamed), extra, True, waits, tuple(eased))


def _hold_rests(
    item: CareItem,
    block: Sequence[Prescription],
    index: int,
    injury: str,
    last_session: Collection[str],
) -> bool:
    """Whether block[index], a lift runner's knee care would swap for the stage's
    isometric hold (the wall sit), keeps its own movement instead, unloaded and shallow
    (`UNLOADED_WHILE_EARLY`): the session before held that hold, and the session keeps
    its care without it (`injury-care`): the lift serves the problem itself (a split
    squat, a goblet squat picked for the knee), or its other lifts do. A hold eases pain
    for a while and loads the thigh without moving the knee, but a coach and physio found
    the wall sit in nearly every session on top of the routines' own: the sessions take
    turns, a hold in one and the knee moving through a short, pain-free range in the
    next."""
    p = block[index]
    if (
        item.seconds is None
        or item.exercise == p.exercise
        or item.exercise not in last_session
        or injury not in KNEE_PROBLEMS
    ):
        return False
    if injury in p.injury_care:
        return True
    # a lift that serves no care keeps the session's care only if others give it
    others = [q for n, q in enumerate(block) if n != index and injury in q.injury_care]
    cared = {m for q in others for m in q.muscles}
    return all(m in cared for m in CARE_NEEDS.get(injury, ()))


def _new_first(items: Sequence[CareItem], known: Collection[str]) -> tuple[CareItem, ...]:
    """The stage's items, those not in `known` first (in the stage's order otherwise):
    care's swaps take the first item of a movement that fits. A split squat met on
    Wednesday leaves Friday's session the step-up, and the routine on the eve of
    Tuesday's tempo, which brings no first times (`_Placer._first_times_wait`), has met
    both by then."""
    return tuple(sorted(items, key=lambda item: item.exercise in known))


def loaded_calf(item: CareItem, catalogue: Catalogue) -> bool:
    """Whether a care item is the heavy calf work of its protocol: a `loaded` calf raise
    (the Achilles heavy slow and seated raises, the plantar protocol's one-legged towel
    raises), in kilograms from the athlete's rack or, with none owned, an improvised
    load. It keeps 48 h from a key run or race at its full dose, as jumps and hard sets
    do (a coach's read found the week's heaviest calf day 25 h before the long run)."""
    return item.loaded and catalogue[item.exercise].pattern == "calf"


def _once_each(block: Sequence[Prescription]) -> list[Prescription]:
    """An exercise at most once in a session: two lifts of a guarded movement can both
    become the stage's exercise of it, and doing it twice would double the care dose.
    The first stays, with the care tags of both (the same exercise works the same
    muscles and balance, so no rule loses what it counts on)."""
    kept: dict[str, int] = {}
    once: list[Prescription] = []
    for p in block:
        if p.exercise not in kept:
            kept[p.exercise] = len(once)
            once.append(p)
            continue
        first = once[kept[p.exercise]]
        tags = tuple(dict.fromkeys((*first.injury_care, *p.injury_care)))
        once[kept[p.exercise]] = replace(first, injury_care=tags)
    return once


def _make_room(
    block: list[Prescription], over: int, injuries: Sequence[str], floors: Mapping[str, int]
) -> int:
    """Shorten the block by `over` seconds where it can; the seconds saved. First a set
    less for the companions that are not care for the athlete (the last first, never
    below one set), then for care work the session held at fewer sets than its stage
    (down to those, `floors`): a short session keeps the stage's reps and load, and as
    many of its sets as fit. Anchors above two sets give one back before care work does."""
    saved = 0
    own = set(injuries)

    def spare(p: Prescription) -> bool:
        # a jump drill's dose is its contacts, climbing week by week: no set of it goes
        companion = p.role not in (Role.ANCHOR, Role.PLYOMETRIC) and p.exercise not in floors
        return companion and p.sets > 1 and not own.intersection(p.injury_care)

    def anchor_spare(p: Prescription) -> bool:  # an anchor keeps two sets, as `fit` trims
        return p.role is Role.ANCHOR and p.exercise not in floors and p.sets > FEWEST_ANCHOR_SETS

    floored = (spare, anchor_spare, lambda p: p.sets > floors.get(p.exercise, p.sets))
    for can_spare in floored:
        while saved < over:
            found = [index for index, p in enumerate(block) if can_spare(p)]
            if not found:
                break
            p = block[found[-1]]
            block[found[-1]] = replace(p, sets=p.sets - 1)
            saved += work_seconds(p) - work_seconds(block[found[-1]])
    return saved


def within_care(
    session: Session, profile: Profile, catalogue: Catalogue, schedule: CareSchedule | None
) -> Session:
    """A composed session with its main block at the care stage (`care_fit`); its length
    follows, its start does not move (the planner settles care before placing starts)."""
    fit = care_fit(session.day, session.main, profile, catalogue, schedule)
    if not fit.changed:
        return session
    return replace(
        session,
        main=fit.main,
        minutes=max(1, session.minutes + round(fit.extra_seconds / 60)),
        why=fit.told(session.why),
    )


def _loses_care(
    main: list[Prescription],
    index: int,
    item: CareItem,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
    injury: str,
    *,
    groups: bool = True,
) -> bool:
    """Whether swapping main[index] for `injury`'s care item would take from the session
    what a hard rule needs: its only balance work, a group the lift works that the item
    does not (unless `groups` is False), or a muscle that one of the athlete's problems
    needs cared for in every session (`injury-care`)."""
    new, old = catalogue[item.exercise], main[index]
    new_care = {*new.injury_care, *_care_kept(old, new, catalogue, injury)}
    if (
        old.balance
        and not new.balance
        and not any(p.balance for n, p in enumerate(main) if n != index)
    ):
        return True  # the session's only balance work (`balance`)
    if groups and not WEEKLY_GROUPS.intersection(old.muscles) <= set(new.muscles):
        return True  # a group the session or its week counts on (`several-groups`)
    for injury in injuries:
        serving = [p for n, p in enumerate(main) if n != index and injury in p.injury_care]
        covered = set().union(*(set(p.muscles) for p in serving))
        if injury in new_care:
            covered |= set(new.muscles)
        needed = [m for m in CARE_NEEDS.get(injury, ()) if m in old.muscles]
        if injury in old.injury_care and any(m not in covered for m in needed):
            return True
    return False


def _groups_made_good(
    block: Sequence[Prescription],
    index: int,
    item: CareItem,
    injury: str,
    added: Sequence[Prescription],
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
) -> tuple[Prescription, ...] | None:
    """For runner's knee (`ANY_GUARDED_MOVEMENT`), a swap of block[index] for the stage's
    exercise that costs the session nothing but groups the lift worked: the plain work
    that gives them back (`_group_work`: a dead bug for a goblet squat's core; none when
    another lift of the session works them). None when the swap costs more, or nothing
    gives them back: the lift then stays, unloaded. A coach's read found the knee's
    protocol days falling to one a week once routines kept a day from every session's
    knee work, because the sessions' squats and lunges stayed rather than lose a group
    another lift already worked."""
    exercise = catalogue.get(block[index].exercise)
    if (
        exercise is None
        or injury not in ANY_GUARDED_MOVEMENT
        or _loses_care(list(block), index, item, catalogue, profile.injuries, injury, groups=False)
    ):
        return None
    lost = _groups_only(block, index, exercise) - set(catalogue[item.exercise].muscles)
    lost -= {m for q in added for m in q.muscles}
    if not lost:
        return ()
    taken = {q.exercise for q in (*block, *added)}
    work = _group_work(lost, taken, catalogue, profile, met)
    return None if work is None else (work,)


def _last_stage_swap(
    block: Sequence[Prescription],
    index: int,
    items: Sequence[CareItem],
    guarded: frozenset[str],
    injury: str,
    catalogue: Catalogue,
    met: Collection[str] | None,
) -> CareItem | None:
    """The last stage's exercise that block[index], a care pick of a movement the problem
    guards (a goblet squat picked for the knee), becomes: the stage's exercise of that
    movement, not in the session yet (in a week that brings nothing new, one the athlete
    has met); None when the lift is no such pick or the stage has none."""
    p = block[index]
    exercise = catalogue.get(p.exercise)
    if (
        exercise is None
        or exercise.pattern not in guarded
        or p.role is not Role.CARE
        or injury not in p.injury_care
        or p.care_dose
    ):
        return None
    taken = {q.exercise for q in block}
    return next(
        (
            i
            for i in items
            if catalogue[i.exercise].pattern == exercise.pattern
            and i.exercise not in taken
            and (met is None or i.exercise in met)
        ),
        None,
    )


def _from_item(
    item: CareItem, catalogue: Catalogue, role: Role, injury_care: tuple[str, ...]
) -> Prescription:
    """A care item as a prescription the exports, rules and logbook read like any other."""
    exercise = catalogue[item.exercise]
    return Prescription(
        exercise=exercise.id,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        per_side=exercise.per_side or item.one_leg,
        load=_care_load(item, exercise, CARE_RPE),
        load_kg=item.load_kg,
        implement=item.implement,
        tempo=rep_tempo(item.tempo or exercise.tempo, item.seconds),
        target_rpe=CARE_RPE,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral or item.one_leg,
        balance=exercise.balance,
        injury_care=injury_care,
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=item.rest_seconds,
        role=role,
        care_dose=True,
    )


def first_exposures(
    sessions: Sequence[Session],
    before: Iterable[str] = (),
    routines: Sequence[CareRoutine] = (),
) -> list[Session]:
    """The sessions of `first_times`."""
    return first_times(sessions, before, routines)[0]


def care_exercises(profile: Profile, catalogue: Catalogue) -> dict[str, str]:
    """The exercises the athlete's protocols name (every stage's and the lightest form's),
    with their names in lower case: the care work whose dose climbs a week at a time
    (`ramp`), in a routine or in a session (where a lift loaded in kg follows the
    strength progression instead)."""
    named: dict[str, str] = {}
    for injury in cared_for(profile.injuries):
        protocol = catalogue.protocols.get(injury)
        if protocol is None:
            continue
        for item in (*(i for stage in protocol.stages for i in stage.items), *protocol.lightest):
            named[item.exercise] = catalogue[item.exercise].name.lower()
    return named


def learned_unloaded(
    profile: Profile, catalogue: Catalogue, schedule: CareSchedule | None = None
) -> frozenset[str]:
    """The care exercises a stage of the athlete's protocols learns without a weight before
    it takes one (runner's knee's split squat and step-up, the plantar one-legged raise),
    from the stage the plan starts at (`schedule`): whenever the athlete first meets one,
    it is without the weight (`first_times`). One an earlier stage held the athlete has
    done already (a plan starting at the plantar protocol's stage 3 from the logbook)."""
    schedule = schedule or CareSchedule.fresh()
    found: set[str] = set()
    for injury in cared_for(profile.injuries):
        protocol = catalogue.protocols.get(injury)
        if protocol is None:
            continue
        first = schedule.stages.get(injury, 1)
        done = {i.exercise for stage in protocol.stages[: first - 1] for i in stage.items}
        found.update(
            item.exercise
            for stage in protocol.stages[first - 1 :]
            for item in stage.items
            if item.exercise not in done
            and not item.loaded
            and any(step.loaded for step in item.steps)
        )
    return frozenset(found)


def first_times(
    sessions: Sequence[Session],
    before: Iterable[str] = (),
    routines: Sequence[CareRoutine] = (),
    held: Collection[date] = frozenset(),
    *,
    start: date | None = None,
    care: Mapping[str, str] | None = None,
    eased: Collection[date] = frozenset(),
    unloaded_first: Collection[str] = frozenset(),
    outlook: Callable[[date], Outlook] | None = None,
) -> tuple[list[Session], list[CareRoutine]]:
    """Each exercise's first time in the plan, in a session or a care routine, starts
    gently (2 sets at its reps or seconds, RPE 6 at most) and is labelled new, whatever
    the composer remembered of a lift care replaced or the stage's dose asks: a new
    care exercise is a first exposure like any other. An exercise done before (`before`:
    trained before the plan) or met earlier in the plan is no first exposure, so it is
    not labelled new. On a `held` day (a race or taper week: `CareSchedule.holds`) care
    work takes no more sets than the athlete has done of it so far: one gentle first
    time is the dose it holds.

    The care work of `care` (exercise ids, with their names: `care_exercises`) then
    climbs to its stage's dose a week at a time (`ramp`, weeks counted from `start`),
    routines and sessions counted together: a first time's week holds its two sets, no
    week's largest exposure is more than a set or 30 % above the week before's, and a
    held week is no higher, nor is an `eased` one (a recovery week, a taper: `CareSchedule.eases`)
    than the week before. A routine on its way up says so in its why, in words that
    follow what the calendar holds (`outlook`: a race less than a week ahead, a taper, a
    recovery week; `climb_note`), and one whose load rose says from what
    (`_Climb._load_rose`). Care work of `unloaded_first` (its stage
    learns it without a weight: `learned_unloaded`) is without the weight the first time
    care gives it, in a routine or at a care dose in a session, whatever week that
    comes in (a plan with no routine in a stage's first weeks met a box squat with 5 kg
    the first time). A session's own lift of it before then is no such time: an anchor
    a runner's knee kept shallow and unloaded at stage 1 (`UNLOADED_WHILE_EARLY`) is not
    the stage-3 single-leg box squat through its full range, and a stage that went by
    without a routine met the box squat with 5 kg after two such sessions."""
    seen = set(before)  # done before the plan: not new
    learned = set(before)  # met as care (or before the plan): its weight may come
    most: dict[str, int] = {}  # the most sets done of each exercise in the plan so far
    timeline: list[tuple[date, int, int, Session | CareRoutine]] = [
        *((s.day, _minute(s.start), n, s) for n, s in enumerate(sessions)),
        *((r.day, _minute(r.start), n, r) for n, r in enumerate(routines)),
    ]
    timeline.sort(key=lambda e: (e[0], e[1], isinstance(e[3], Session), e[2]))
    first_day = start or min((e[0] for e in timeline), default=date.min)
    climbing = _Climb(Ramp(), care or {}, held, eased)
    gentle_sessions = list(sessions)
    gentle_routines = list(routines)
    for day, _, index, event in timeline:
        caps = most if day in held else None
        week = (day - first_day).days // 7
        if isinstance(event, Session):
            main, saved = _gently(
                event.main,
                seen,
                most,
                caps,
                care_only=True,
                unloaded_first=unloaded_first,
                learned=learned,
            )
            main, fewer, _ = climbing.block(main, day, week, in_session=True)
            saved += fewer
            if main != event.main:  # shorter: still clear
                minutes = max(1, event.minutes - round(saved / 60))
                gentle_sessions[index] = replace(event, main=main, minutes=minutes)
        else:
            exercises, saved = _gently(
                event.exercises,
                seen,
                most,
                caps,
                care_only=False,
                unloaded_first=unloaded_first,
                learned=learned,
            )
            exercises, fewer, words = climbing.block(
                exercises, day, week, in_session=False, eve=event.eve
            )
            saved += fewer
            stepped = climbing.loads_said
            if exercises != event.exercises or stepped:
                minutes = max(1, event.minutes - round(saved / 60))
                ahead = outlook(day) if outlook is not None else Outlook()
                note = climb_note(words, ahead, held=day in held, eased=day in eased)
                why = _after_first_sentence(event.why, note) if note else event.why
                why = _heavier_today(why, stepped)
                gentle_routines[index] = replace(
                    event, exercises=exercises, minutes=minutes, why=why
                )
    return gentle_sessions, gentle_routines


@dataclass(slots=True)
class _Climb:
    """The plan's care work held to its weekly climb (`Ramp`), in timeline order."""

    ramp: Ramp
    care: Mapping[str, str]  # the care exercises, with their names
    held: Collection[date]
    eased: Collection[date] = frozenset()
    # exercise -> the kilograms of its latest loaded exposures, and the fewest reps done
    # at them (`_fewest_reps_up`)
    weighed: dict[str, tuple[float, int]] = field(default_factory=dict)
    # exercise -> the load of its latest exposure: kilograms, or None without one, and
    # whether that load was improvised (no weight owned for it: `_load_rose`)
    last_load: dict[str, tuple[float | None, bool]] = field(default_factory=dict)
    # the last block's words on loads that rose, from the numbers (`_load_rose`)
    loads_said: list[str] = field(default_factory=list)
    # exercise -> its latest exposure, whose load a held or easy day keeps (`_no_heavier`)
    latest: dict[str, Prescription] = field(default_factory=dict)

    def block(
        self,
        block: Sequence[Prescription],
        day: date,
        week: int,
        *,
        in_session: bool,
        eve: bool = False,
    ) -> tuple[tuple[Prescription, ...], int, list[Climbing]]:
        """The block with its care work no higher than the week's climb allows; the
        seconds that saves, and for each exercise held below its planned dose, what it
        climbs to ("single-leg calf raise to 3 × 20 (2 × 19 today)"). An eve's form
        (one set fewer) is held to the same ceiling as planned: cutting the climbed dose
        by a set would make the next week's climb start lower, week after week; its
        words name the full dose it climbs to."""
        out: list[Prescription] = []
        saved = 0
        words: list[Climbing] = []
        self.loads_said = []
        for p in block:
            if p.new and p.exercise in self.care:  # a first time (`_gently`), kg or not:
                self.ramp.first(p.exercise, week)  # its week holds a first time's sets
            amount = p.reps if p.reps is not None else p.seconds
            # a session's lift loaded in kg by the strength plan climbs by its kg
            care = p.exercise in self.care and (not in_session or p.load_kg is None or p.care_dose)
            if not care or amount is None:
                out.append(p)
                continue
            seconds = p.reps is None
            p = self._no_heavier(p, day)
            dose = self.ramp.allowed(
                p.exercise,
                week,
                p.sets,
                self._fewest_reps_up(p, amount),
                held=day in self.held,
                seconds=seconds,
                eased=day in self.eased,
                said=not in_session,  # a routine's words say whether it climbs
            )
            if (dose.sets, dose.amount) != (p.sets, amount):
                now = replace(
                    p,
                    sets=dose.sets,
                    reps=dose.amount if not seconds else None,
                    seconds=dose.amount if seconds else None,
                )
                saved += work_seconds(p) - work_seconds(now)
                target = dose_words(p.sets + 1 if eve else p.sets, amount, seconds)
                today = dose_words(dose.sets, dose.amount, seconds)
                words.append(Climbing(self.care[p.exercise], target, today))
                p = now
            self.ramp.done(p.exercise, week, dose)
            rose = self._load_rose(p)
            if rose and not in_session:
                self.loads_said.append(rose)
            self._weighed(p)
            self.latest[p.exercise] = p
            out.append(p)
        return tuple(out), saved, words

    def _no_heavier(self, p: Prescription, day: date) -> Prescription:
        """`p`, or on a held or easy day (a race week, a taper, a recovery week) at its
        latest exposure's load when the stage's step would bring a heavier one: those
        weeks bring no higher dose, and a recovery week's routine said "nothing climbs"
        over a step-up's first 8 kg and a box squat two kettlebells heavier."""
        last = self.latest.get(p.exercise)
        if last is None or (day not in self.held and day not in self.eased):
            return p
        if p.load_kg is None or (last.load_kg is not None and p.load_kg <= last.load_kg):
            return p
        if last.load_kg is None and IMPROVISED_LOAD in p.load and IMPROVISED_LOAD in last.load:
            return p
        load = last.load.replace(NEW_LOAD_WORDS, "")
        return replace(p, load_kg=last.load_kg, implement=last.implement, load=load)

    def _load_rose(self, p: Prescription) -> str:
        """What rose in the exercise's load since its last exposure, in words made from
        the numbers ("split squat 8 kg, up from 6 kg last time"; "split squat with 6 kg,
        without a weight last time"); "" when nothing did. A first exposure names no
        rise: its load words say it."""
        name = self.care[p.exercise]
        last = self.last_load.get(p.exercise)
        if last is None:
            return ""
        kg, improvised = last
        if p.load_kg is not None and kg is not None and p.load_kg > kg:
            return f"{name} {p.load_kg:g} kg, up from {kg:g} kg last time"
        if kg is not None or improvised:
            return ""
        if p.load_kg is not None:
            return f"{name} with {p.load_kg:g} kg, without a weight last time"
        if IMPROVISED_LOAD in p.load:
            return f"{name} with the loaded backpack, without a weight last time"
        return ""

    def _fewest_reps_up(self, p: Prescription, amount: int) -> int:
        """`amount`, or at a heavier weight than the exercise's latest no more reps than
        the fewest done at that one: a heavier load keeps last time's reps or fewer, as a
        session's lifts do (`within_reach`). Care's climb back after an A race came to
        3 x 9 at 10 kg (cut by the weekly climb), then 3 x 10 at 12 kg."""
        last = self.weighed.get(p.exercise)
        if last is None or p.load_kg is None or p.reps is None or p.load_kg <= last[0]:
            return amount
        return min(amount, last[1])

    def _weighed(self, p: Prescription) -> None:
        """Record a loaded exposure's kilograms and reps (`_fewest_reps_up`), or that it
        went without a weight, or with an improvised one (`_load_rose`)."""
        self.last_load[p.exercise] = (p.load_kg, IMPROVISED_LOAD in p.load)
        if p.load_kg is None or p.reps is None:
            return
        last = self.weighed.get(p.exercise)
        reps = last[1] if last is not None and last[0] == p.load_kg else p.reps
        self.weighed[p.exercise] = (p.load_kg, min(reps, p.reps))


CLIMB_WORDS = "each week adds a set, or 30 %, at most"
# a load that rose steps up only on how the lighter one went: form, effort and pain
STEP_GATE = (
    "take it only if last time's sets went with good form at the effort asked and any "
    "pain had settled by the next morning; if not, stay at the load before"
)


def _heavier_today(why: str, rose: Sequence[str]) -> str:
    """The routine's why, saying which loads rose today and on what the step depends,
    after its first sentence: the words come from the numbers, not from the stage."""
    if not rose:
        return why
    return _after_first_sentence(why, f"Heavier today: {'; '.join(rose)}: {STEP_GATE}.")


@dataclass(frozen=True, slots=True)
class Climbing:
    """A care exercise held below its stage's dose today: its name, the dose it climbs to
    and today's, in words ("3 × 20", "2 × 19")."""

    name: str
    target: str
    today: str

    def climbs(self) -> str:
        return f"{self.name} to {self.target} ({self.today} today)"

    def held(self) -> str:
        return f"{self.name} at {self.today} (the stage's dose is {self.target})"


@dataclass(frozen=True, slots=True)
class Outlook:
    """What the calendar holds for a care day: the week's phase, and the first race less
    than a week after the day (RACE_AHEAD_DAYS), if any."""

    phase: Phase | None = None
    race: Race | None = None


RACE_AHEAD_DAYS = 7
NOTHING_CLIMBS = "no dose goes past what you have done so far"


def climb_note(climbing: Sequence[Climbing], ahead: Outlook, *, held: bool, eased: bool) -> str:
    """What the routine says of its exercises held below the stage's dose, from what the
    calendar holds (issue 13: "Building up over the next weeks" two days before a race):
    a taper or a recovery week climbs not at all (`eased`); before an A or B race, and
    in its week (`held`), no dose goes past what was done before; a C race leaves care's
    climb as it is, but not on its day; after a race the climb comes back; only a plain
    week builds up over the next weeks."""
    if not climbing:
        return ""
    race, phase = ahead.race, ahead.phase
    below = ", ".join(c.held() for c in climbing)
    climbs = ", ".join(c.climbs() for c in climbing)
    on = f"your {race.label} on {DAY_NAMES[race.day.weekday()]}" if race is not None else ""
    if eased and phase is Phase.TAPER:
        return f"Taper: {below}; nothing climbs before your race, so your legs come to it fresh."
    if eased:
        return (
            f"A lighter week: {below}; nothing climbs this week, the body absorbs the weeks before."
        )
    if race is not None and held:
        return f"Before {on}: {below}; {NOTHING_CLIMBS} until after it, so you race fresh."
    if race is not None and race.priority in ("A", "B"):
        return (
            f"Before {on}: {climbs}: {CLIMB_WORDS}, and in the race's week {NOTHING_CLIMBS}, "
            "so you race fresh."
        )
    if race is not None:
        return f"Around {on}: {climbs}: {CLIMB_WORDS}; care goes on, never on the race day."
    if held:
        return f"Back after your race: {climbs}: {CLIMB_WORDS}, up to where you were before it."
    return f"Building up over the next weeks: {climbs}: {CLIMB_WORDS}."


def _after_first_sentence(why: str, note: str) -> str:
    """A routine's why with `note` after its first sentence (what the routine is for)."""
    head, dot, rest = why.partition(". ")
    if not dot:
        return f"{why} {note}"
    return f"{head}. {note} {rest}"


def _minute(start: time | None) -> int:
    return -1 if start is None else start.hour * 60 + start.minute


def _gently(
    block: Sequence[Prescription],
    seen: set[str],
    most: dict[str, int],
    caps: Mapping[str, int] | None,
    *,
    care_only: bool,
    unloaded_first: Collection[str],
    learned: set[str],
) -> tuple[tuple[Prescription, ...], int]:
    """The block with each exercise not in `seen` at a first exposure's dose, care work
    of `unloaded_first` not in `learned` (not met as care yet) without its weight, and
    with `caps` (a held day's), its care work at no more sets than done so far; the
    seconds that saves. `seen` and `most` gain the block's exercises, `learned` its care
    work."""
    out: list[Prescription] = []
    saved = 0
    for p in block:
        first = p.exercise not in seen
        if first:  # labelled new even when its dose is gentle already (an eve's form)
            saved += work_seconds(p)
            p = replace(
                p,
                sets=min(p.sets, FIRST_SETS),
                target_rpe=min(p.target_rpe, CARE_RPE),
                new=True,
            )
            saved -= work_seconds(p)
        elif p.new or NEW_LOAD_WORDS in p.load:  # met before: no first time to label
            p = replace(p, new=False, load=p.load.replace(NEW_LOAD_WORDS, ""))
        if p.exercise in unloaded_first and (p.care_dose or not care_only):
            if p.exercise not in learned:  # care's first time: the stage learns it unloaded
                p = _without_weight(p)
            learned.add(p.exercise)
        care = not care_only or bool(p.injury_care) or p.role is Role.CARE
        cap = caps.get(p.exercise) if caps is not None and care else None
        if cap is not None and p.sets > cap:
            saved += work_seconds(p)
            p = replace(p, sets=cap)
            saved -= work_seconds(p)
        seen.add(p.exercise)
        most[p.exercise] = max(most.get(p.exercise, 0), p.sets)
        out.append(p)
    return tuple(out), saved


def _without_weight(p: Prescription) -> Prescription:
    """The lift without its kilograms or improvised load (bodyweight)."""
    if p.load_kg is None and IMPROVISED_LOAD not in p.load:
        return p
    return replace(p, load_kg=None, implement="", load="bodyweight")


def _stage_item(
    protocol: CareProtocol,
    stage: CareStage,
    items: Sequence[CareItem],
    exercise_id: str,
    pattern: str,
    catalogue: Catalogue,
    met: Collection[str] | None = None,
) -> CareItem | None:
    """The lift as the stages up to this one hold it (`items`: this stage's, as dosed
    this week), else the stage's exercise of the same movement; None when it has none.
    In a week that brings nothing new (`met`: what the athlete has done), a stage's
    exercise not yet met gives way to the latest one of the movement that was.
    For a problem whose dose only its stage's exercise gives (DOSE_ONLY: Achilles), an
    earlier stage's lift becomes this stage's exercise of the movement: a stage-1 calf
    raise 3 x 15 beside stage-2 heel drops is no protocol day, and a week whose calendar
    leaves two routine days fell short of three."""
    fresh = next((i for i in items if catalogue[i.exercise].pattern == pattern), None)
    current = [i for i in items if i.exercise == exercise_id]
    if current:
        return current[-1]
    if (
        protocol.condition in DOSE_ONLY
        and fresh is not None
        and (met is None or fresh.exercise in met)
    ):
        return fresh
    done = [*(i for s in protocol.stages[: stage.number - 1] for i in s.items), *items]
    same = [i for i in done if i.exercise == exercise_id]
    if same:
        return same[-1]
    if met is None or fresh is None or fresh.exercise in met:
        return fresh
    # nothing new this week: the latest exercise of the movement the athlete has met
    known = [i for i in done if i.exercise in met and catalogue[i.exercise].pattern == pattern]
    return known[-1] if known else None


def _needs_implement(exercise: Exercise) -> bool:
    """Whether the lift is named for what it holds (a goblet squat, a barbell squat)."""
    return any(e.value in IMPLEMENTS for e in exercise.equipment)


def _bodyweight_stand_in(
    exercise: Exercise,
    block: Sequence[Prescription],
    index: int,
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
) -> Exercise | None:
    """The lift's nearest easier variation that holds no implement, for a lift care keeps
    without added load: a bodyweight squat, not a "goblet squat, bodyweight" (a coach's
    read). Its regressions first, nearest first (a barbell squat, a goblet squat, a
    bodyweight squat), then the movement's other lifts: of its movement and measure, no
    harder than it, one the athlete has the kit and the level for, in a week that brings
    nothing new one they have met (`met`), and balance work when the lift was the
    session's only balance work (`balance`). One not in the session yet comes first (else
    the session does it once: `_once_each`), and of those one that also works the groups
    only the lift worked; else the caller adds work for them (`_group_work`: a goblet
    squat's core came from the weight in front). None when there is none."""
    at_hand, rank = profile.equipment | ALWAYS_AT_HAND, profile.level.rank
    spared = avoided(catalogue.protocols, profile.injuries)
    needed = _groups_only(block, index, exercise)
    only_balance = block[index].balance and not any(
        q.balance for n, q in enumerate(block) if n != index
    )
    taken = {q.exercise for q in block}
    found: list[Exercise] = []
    queue, seen = list(exercise.regressions), {exercise.id}
    # its regressions first, nearest first; then the movement's other lifts, those that
    # share the most of its muscles first
    others_of_movement = sorted(
        (e for e in catalogue if e.pattern == exercise.pattern),
        key=lambda e: (-len(set(e.muscles) & set(exercise.muscles)), e.id),
    )
    while queue or others_of_movement:
        easier = catalogue.get(queue.pop(0)) if queue else others_of_movement.pop(0)
        if easier is None or easier.id in seen:
            continue
        seen.add(easier.id)
        queue.extend(easier.regressions)
        if (
            not _needs_implement(easier)
            and (easier.pattern, easier.measure) == (exercise.pattern, exercise.measure)
            and set(easier.equipment) <= at_hand
            and easier.level.rank <= min(rank, exercise.level.rank)
            and (met is None or easier.id in met)
            and (easier.balance or not only_balance)
            and easier.id not in spared
        ):
            found.append(easier)
    # one not in the session first (else it is done once: `_once_each`), then one that
    # keeps the groups
    found.sort(key=lambda e: (e.id in taken, not needed <= set(e.muscles)))
    return next(iter(found), None)


def _groups_only(block: Sequence[Prescription], index: int, exercise: Exercise) -> set[Muscle]:
    """The groups the week counts (`several-groups`) that only block[index] works."""
    covered = {m for n, q in enumerate(block) if n != index for m in q.muscles}
    return set(WEEKLY_GROUPS.intersection(exercise.muscles)) - covered


def _group_work(
    groups: set[Muscle],
    taken: Collection[str],
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
) -> Prescription | None:
    """Plain bodyweight work for `groups` a stand-in gave up (a dead bug for the core a
    goblet squat's weight worked): a strength exercise the athlete has the kit and level
    for, of no movement their problems guard, not in the session yet (in a week that
    brings nothing new, one they have met, else a new one: the group is a hard rule's,
    and two easy sets of a dead bug the gentlest of first times), two easy sets. None
    when nothing is needed, or nothing fits."""
    if not groups:
        return None
    guarded = {m for i in profile.injuries for m in GUARDED_PATTERNS.get(i, frozenset())}
    spared = avoided(catalogue.protocols, profile.injuries)
    fitting = [
        e
        for e in catalogue.doable(profile.equipment, profile.level, ExerciseKind.STRENGTH)
        if groups <= set(e.muscles)
        and not _needs_implement(e)
        and e.pattern not in guarded
        and e.id not in taken
        and e.id not in spared
    ]
    if not fitting:
        return None
    known = frozenset(e.id for e in fitting) if met is None else met
    e = min(fitting, key=lambda e: (e.id not in known, len(e.muscles), e.level.rank, e.id))
    holds = e.measure == "seconds"
    dose = Dose(
        FIRST_SETS, None if holds else ACCESSORY_REPS, 30 if holds else None, CARE_RPE, e.tempo
    )
    own = tuple(i for i in e.injury_care if i in profile.injuries)
    return prescribe(e, Role.ACCESSORY, dose, None, "", new=False, injury_care=own)


def _as_variation(p: Prescription, exercise: Exercise) -> Prescription:
    """The prescription's slot filled by another variation of its lift, dose and load
    words as they were (the caller sets them), its care tags kept."""
    return replace(
        p,
        exercise=exercise.id,
        per_side=exercise.per_side,
        tempo=rep_tempo(exercise.tempo, p.seconds),
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        injury_care=tuple(dict.fromkeys((*p.injury_care, *exercise.injury_care))),
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        extra_side=p.extra_side if exercise.per_side else None,
    )


def _lead_in(
    block: Sequence[Prescription],
    lead: CareItem,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
    met: Collection[str] | None,
    injury: str,
    claimed: Collection[str] = (),
) -> tuple[int, str] | None:
    """The session's lift of the lead exercise's movement that becomes it, and its name:
    None when the session holds the lead already, has no such lift (but the calf work
    Achilles care `claimed`), or (in a week that brings nothing new) the athlete has not
    met the lead yet."""
    if any(p.exercise == lead.exercise for p in block):
        return None
    if met is not None and lead.exercise not in met:
        return None
    pattern = catalogue[lead.exercise].pattern
    for index, p in enumerate(block):
        exercise = catalogue.get(p.exercise)
        if exercise is None or exercise.pattern != pattern or p.exercise in claimed:
            continue
        if not _loses_care(list(block), index, lead, catalogue, injuries, injury):
            return index, exercise.name.lower()
    return None


def _joining_lead(
    block: Sequence[Prescription],
    lead: CareItem,
    injury: str,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
) -> tuple[int, str] | None:
    """For Achilles care (`CALF_OWNERS`) beside another calf problem, whose lead the
    session now holds: the next other lift of its movement that serves a calf problem (a
    shin-splint raise for endurance, an earlier stage's heel drop beside the heavy slow
    raise), and its name; it becomes the lead too, so the calves take one dose. None
    when no such lift is left, but one that would cost a hard rule its work."""
    calf_problems = CALF_PROBLEMS.intersection(injuries)
    if injury not in CALF_OWNERS or len(calf_problems) < 2:
        return None
    pattern = catalogue[lead.exercise].pattern
    for index, p in enumerate(block):
        if (
            p.exercise != lead.exercise
            and calf_problems.intersection(p.injury_care)
            and _pattern_of(p, catalogue) == pattern
            and not _loses_care(list(block), index, lead, catalogue, injuries, injury)
        ):
            return index, catalogue[p.exercise].name.lower()
    return None


def _another_guarded(
    items: Sequence[CareItem],
    guarded: frozenset[str],
    taken: Collection[str],
    catalogue: Catalogue,
    met: Collection[str] | None,
) -> CareItem | None:
    """The stage's exercise of another movement the problem guards, not in the session
    yet (and, in a week that brings nothing new, one the athlete has met)."""
    return next(
        (
            i
            for i in items
            if catalogue[i.exercise].pattern in guarded
            and i.exercise not in taken
            and (met is None or i.exercise in met)
        ),
        None,
    )


def _care_kept(
    old: Prescription, new: Exercise, catalogue: Catalogue, injury: str
) -> tuple[str, ...]:
    """The care a lift's replacement for `injury`'s care goes on serving: all of it when
    the exercise stays (a towel raise standing in for an Achilles calf lift stays
    Achilles care when the plantar protocol doses it), and the calf problems' when
    Achilles care makes a calf lift its own (the heavy slow raise in place of a
    shin-splint raise: one calf dose for both, `CALF_OWNERS`)."""
    if old.exercise == new.id:
        return old.injury_care
    if injury in CALF_OWNERS and new.pattern == "calf" and _pattern_of(old, catalogue) == "calf":
        return tuple(i for i in old.injury_care if i in CALF_PROBLEMS)
    return ()


def _pattern_of(p: Prescription, catalogue: Catalogue) -> str:
    exercise = catalogue.get(p.exercise)
    return exercise.pattern if exercise is not None else ""


def _at_care_dose(
    p: Prescription,
    item: CareItem | None,
    catalogue: Catalogue,
    injury: str,
    start_kg: float | None,
    unloaded: str | None = None,
) -> Prescription:
    easy = min(p.target_rpe, CARE_RPE)
    if item is None and unloaded is not None:  # the lift stays, unloaded and shallow
        words = f"{unloaded}; an easy effort (RPE {easy}): the sore area sets the pace"
        # a heavy lift's few reps make no bodyweight set: an accessory's, as a stand-in
        # takes (a coach's read found a shallow split squat at 2 x 8, 2 x 3, then 1 x 7)
        reps = None if p.reps is None else max(p.reps, ACCESSORY_REPS)
        return replace(
            p,
            load_kg=None,
            implement="",
            load=words,
            target_rpe=easy,
            sets=min(p.sets, 2),
            reps=reps,
        )
    if item is None:  # the lift stays, as light as it starts and at an easy effort
        kg = p.load_kg if p.load_kg is None or start_kg is None else min(p.load_kg, start_kg)
        what = "bodyweight" if kg is None else f"{kg:g} kg {p.implement}"
        words = f"{what}; an easy effort (RPE {easy}): the sore area sets the pace"
        return replace(p, load_kg=kg, load=words, target_rpe=easy, sets=min(p.sets, 2))
    exercise = catalogue[item.exercise]
    kept_care = _care_kept(p, exercise, catalogue, injury)
    return replace(
        p,
        exercise=exercise.id,
        sets=item.sets,  # the stage's dose: care sets the pace, not the strength plan
        reps=item.reps,
        seconds=item.seconds,
        per_side=exercise.per_side or item.one_leg,
        load=_care_load(item, exercise, easy),
        load_kg=item.load_kg,
        implement=item.implement,
        tempo=rep_tempo(item.tempo or exercise.tempo, item.seconds),
        target_rpe=easy,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral or item.one_leg,
        balance=exercise.balance,
        injury_care=tuple(dict.fromkeys((*kept_care, *exercise.injury_care, injury))),
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=item.rest_seconds,
        extra_side=p.extra_side if exercise.per_side or item.one_leg else None,
        care_dose=True,
    )


def for_kit(
    items: Sequence[CareItem], catalogue: Catalogue, profile: Profile
) -> tuple[CareItem, ...]:
    """The items as the athlete's weights allow: a heavy two-legged item whose heaviest
    dose their heaviest load (both hands) cannot reach is done one leg at a time
    (`one_leg_when_light`), and a loaded item takes its kilograms from what they own
    (`_weighed`)."""
    kit = kit_of(profile)
    fitted = []
    for item in items:
        exercise = catalogue[item.exercise]
        if item.two_legs_load is not None:
            item = one_leg_when_light(item, _heaviest(kit))
        if item.loaded:
            item = _weighed(item, exercise, kit, profile)
        fitted.append(item)
    return tuple(fitted)


# What carries a care item's weight, the handiest first: held in the hands (one in the
# working hand for one-legged work, the other on a support); a two-legged item may take a
# barbell too. An athlete with kettlebells is never told "no weight in your kit".
HELD = ("dumbbells", "kettlebell")
TWO_LEGGED = (*HELD, "barbell")


def _heaviest(kit: Kit) -> float:
    """The most the athlete can load two legs with: a dumbbell in each hand, one
    kettlebell, or the loaded bar."""
    hands = {"dumbbells": 2, "kettlebell": 1, "barbell": 1}
    return max((hands[i] * max(kit.loads(i), default=0.0) for i in TWO_LEGGED), default=0.0)


def _weighed(item: CareItem, exercise: Exercise, kit: Kit, profile: Profile) -> CareItem:
    """The loaded item in kilograms the athlete owns: the lift's conservative start
    (`start_load`, as a session's lifts start), then one owned weight heavier for each
    step the protocol has climbed (`CareItem.heavier`; the cap on a rise a session's lifts
    keep: `heavier_kg`), up to the top of their rack. Without a weight to hold for it,
    no kilograms: the words improvise one load (`IMPROVISED_LOAD`)."""
    choices = HELD if exercise.unilateral or item.one_leg else TWO_LEGGED
    implement = next((i for i in choices if kit.loads(i)), "")
    kg = start_load(exercise, implement, profile.level, kit)
    if kg is None:
        return replace(item, load_kg=None, implement="")
    for _ in range(item.heavier):
        kg = heavier_kg(Load(kg, implement), kit) or kg
    return replace(item, load_kg=kg, implement=implement)


def _care_load(item: CareItem, exercise: Exercise, rpe: int) -> str:
    """A care item's load words, made from its numbers as a session's lifts are
    (`load_text`): the kilograms and implement, and the effort as its RPE says; an item
    without added load is bodyweight."""
    if not item.loaded:
        return "bodyweight"
    dose = Dose(item.sets, item.reps, item.seconds, rpe, item.tempo or exercise.tempo)
    return load_text(
        exercise,
        Role.CARE,
        dose,
        item.load_kg,
        item.implement,
        one_leg=item.one_leg,
        improvised=item.load_kg is None,
    )


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


def _how_often(frequency: Frequency, times: int) -> str:
    """How often the week gives the stage's dose, as its protocol days are (its full
    routines and the sessions holding its care), and, when that is less than the
    protocol asks, why: the words never promise more days than the plan holds (a
    coach's read found "three times a week" over weeks of one or two)."""
    said = "every day this week" if times >= 7 else f"{TIMES[times]} this week"
    if times >= frequency.per_week:
        return said
    if frequency is Frequency.DAILY:
        return (
            f"{said}, where the protocol asks every day: a strength day holds its own care, "
            "and a hard run, a race or a day you blocked holds none"
        )
    return (
        f"{said}, where the protocol asks {frequency.words}: the week has no other day "
        "two days clear of the others"
    )


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
            _from_item(item, self.catalogue, Role.CARE, (self.protocol.condition,))
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
            times = len(full) + len(self.session_care_days)
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
        times: int,
    ) -> CareRoutine:
        """The routine of `stage` in `this_week`'s form (its items as dosed that week), its
        eve form (`_eve_form`) on a key run's eve, or the lightest form; `times`, the
        week's protocol days."""
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
        times: int,
    ) -> str:
        p = self.protocol
        hard = [r for r in runs if r.kind in HARD_RUN_KINDS]
        if lightest and not hard:
            what = f"{p.name} care, lightest form: {near_race or AFTER_RACE}"
        elif lightest:
            last = max(hard, key=lambda r: r.day_order)
            what = (
                f"{p.name} care, lightest form after your {last.kind} run ({last.title}): "
                "the protocol loads every day, and a hard day gets only this"
            )
        else:
            what = (
                f"{p.name} care, stage {stage.number} ({stage.name}), "
                f"{_how_often(stage.frequency, times)}: "
                f"{stage.aim[0].lower()}{stage.aim[1:].rstrip('.')}"
            )
            if eve:
                what += f"; {EVE_WORDS}: {eve}"
        pain = (
            f"pain during it up to {p.max_pain}/10 is fine if it has settled by the next "
            "morning; more, and stay at this stage"
        )
        text = f"{what}. {pain[0].upper()}{pain[1:]}."
        if not self.shown_disclaimer:
            self.shown_disclaimer = True
            text += " " + DISCLAIMER
        return text
