"""The season's care schedule: the stage and dose each problem's care holds, week by week.

Care starts at the stage the logbook holds (`CareSchedule`) and moves up one stage every
`advance_after_weeks` weeks; within a stage a heavy dose climbs step by step. Race weeks
and tapers hold the week before's dose, recovery weeks ease it a set, and after an A
race care restarts a few steps lighter (`season_doses`). `WeekDoses` works all that out
once per plan, with what it means for each week as a whole: whether jumps wait
(`jumps_wait`), and which care exercises the athlete has met by then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from legday.care import KNEE_PROBLEMS, CareItem, CareProtocol, CareStage, cared_for
from legday.catalogue import Catalogue
from legday.model import Profile
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.care.loads import for_kit

__all__ = [
    "CareSchedule",
    "Fit",
    "WeekDoses",
    "care_steps",
    "expected_dose",
    "expected_stage",
    "jumps_wait",
    "met_before_weeks",
    "season_doses",
    "stage_weeks",
    "steps_back",
]


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
