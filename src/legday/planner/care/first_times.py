"""First times and the weekly climb of care work, over the whole plan.

An exercise's first time, in a session or a routine, starts gently (two sets at RPE 6
at most, labelled new), and care work a stage learns without a weight is first done
without it (`learned_unloaded`). From there each care exercise climbs to its stage's
dose a week at a time (`Ramp`), routines and sessions counted together; race weeks,
tapers and recovery weeks climb no higher, and a routine on its way up says so in words
that follow the calendar (`climb_note`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time

from legday.care import cared_for
from legday.catalogue import Catalogue
from legday.model import CareRoutine, Phase, Prescription, Profile, Race, Role, Session
from legday.planner.care.loads import CARE_RPE, OwnedSteps
from legday.planner.care.routines import after_first_sentence
from legday.planner.care.schedule import CareSchedule
from legday.planner.dose import IMPROVISED_LOAD, NEW_LOAD_WORDS, work_seconds
from legday.planner.ramp import Ramp, dose_words
from legday.planner.season import DAY_NAMES
from legday.rules.progression import FIRST_SETS

__all__ = [
    "RACE_AHEAD_DAYS",
    "Climbing",
    "Outlook",
    "care_exercises",
    "climb_note",
    "first_times",
    "learned_unloaded",
    "stage_exercises",
]


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
    owned: OwnedSteps,
    stages: Mapping[tuple[str, int], frozenset[str]],
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
    without a routine met the box squat with 5 kg after two such sessions. In `owned`
    (the athlete's weights: `OwnedSteps`) a care exercise's load rises by one owned
    weight at most from the week before's, and from bodyweight to where its protocol
    starts it: a week that held the load, or held no exposure, lets the protocol's
    next step meet two weights at once. A routine's words on a dose held below its plan
    say whose dose that is, from `stages` (each stage's exercises: `stage_exercises`)."""
    seen = set(before)  # done before the plan: not new
    learned = set(before)  # met as care (or before the plan): its weight may come
    most: dict[str, int] = {}  # the most sets done of each exercise in the plan so far
    timeline: list[tuple[date, int, int, Session | CareRoutine]] = [
        *((s.day, _minute(s.start), n, s) for n, s in enumerate(sessions)),
        *((r.day, _minute(r.start), n, r) for n, r in enumerate(routines)),
    ]
    timeline.sort(key=lambda e: (e[0], e[1], isinstance(e[3], Session), e[2]))
    first_day = start or min((e[0] for e in timeline), default=date.min)
    climbing = _Climb(Ramp(), care or {}, held, owned, eased)
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
                exercises, day, week, in_session=False, eve=event.eve, whose=_whose(event, stages)
            )
            saved += fewer
            stepped = climbing.loads_said
            if exercises != event.exercises or stepped:
                minutes = max(1, event.minutes - round(saved / 60))
                ahead = outlook(day) if outlook is not None else Outlook()
                note = climb_note(words, ahead, held=day in held, eased=day in eased)
                why = after_first_sentence(event.why, note) if note else event.why
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
    owned: OwnedSteps  # the athlete's weights, a load's rise held to one (`_one_weight_up`)
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
    # exercise -> the week of its latest exposure, and the latest exposure of a week
    # before that one: what that week's load rises from (`_one_weight_up`)
    rises_from: dict[str, tuple[int, Prescription | None]] = field(default_factory=dict)

    def block(
        self,
        block: Sequence[Prescription],
        day: date,
        week: int,
        *,
        in_session: bool,
        eve: bool = False,
        whose: Callable[[Prescription], str] | None = None,
    ) -> tuple[tuple[Prescription, ...], int, list[Climbing]]:
        """The block with its care work no higher than the week's climb allows; the
        seconds that saves, and for each exercise held below its planned dose, what it
        climbs to ("single-leg calf raise to 3 × 20 (2 × 19 today)"). An eve's form
        (one set fewer) is held to the same ceiling as planned: cutting the climbed dose
        by a set would make the next week's climb start lower, week after week; its
        words name the full dose it climbs to, and `whose` dose that is (`_whose`; the
        stage's when not given)."""
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
                # a care pick the session keeps at the lift's start, after care held it
                # lighter: one owned weight above care's, as care's own would be
                picked = p.exercise in self.care and p.role is Role.CARE
                out.append(self._one_weight_up(p, week) if picked else p)
                continue
            seconds = p.reps is None
            p = self._one_weight_up(self._no_heavier(p, day), week)
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
                owner = whose(p) if whose is not None else STAGE_DOSE
                words.append(Climbing(self.care[p.exercise], target, today, owner))
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
        return self.owned.at(p, last.load_kg, last.implement)

    def _one_weight_up(self, p: Prescription, week: int) -> Prescription:
        """`p` at most one owned weight above the exercise's latest exposure of an
        earlier week, or from bodyweight where its protocol starts it (`OwnedSteps`):
        the week's exposures, routines and sessions alike, hold the same ceiling. An
        exercise's first exposure keeps its planned load (new to the athlete, it starts
        gently in sets)."""
        was, before = self.rises_from.get(p.exercise, (-1, None))
        if was < week:  # a new week: it rises from the latest exposure of the weeks before
            before = self.latest.get(p.exercise)
            self.rises_from[p.exercise] = week, before
        if before is None or IMPROVISED_LOAD in before.load:
            return p
        return self.owned.held_to(p, before.load_kg)

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
    return after_first_sentence(why, f"Heavier today: {'; '.join(rose)}: {STEP_GATE}.")


STAGE_DOSE = "the stage's dose"
LIGHTEST_DOSE = "the lightest form's dose"  # the protocol's lightest form, whatever the stage
STAND_IN_DOSE = "the dose it stands in at"  # an exercise met before, for one new to the athlete


def stage_exercises(
    profile: Profile, catalogue: Catalogue
) -> dict[tuple[str, int], frozenset[str]]:
    """The exercises of each stage of the athlete's protocols, by problem and stage: what
    a routine's words may call its stage's dose (`_whose`)."""
    found: dict[tuple[str, int], frozenset[str]] = {}
    for injury in cared_for(profile.injuries):
        protocol = catalogue.protocols.get(injury)
        for stage in protocol.stages if protocol is not None else ():
            found[injury, stage.number] = frozenset(i.exercise for i in stage.items)
    return found


def _whose(
    routine: CareRoutine, stages: Mapping[tuple[str, int], frozenset[str]]
) -> Callable[[Prescription], str]:
    """Whose dose a routine's exercise held below its planned dose climbs to: the
    lightest form's in that form, the stage's for the stage's own exercises (and another
    problem's, which a shared day's routine holds once: `_once_a_day`), else the dose it
    stands in at (an exercise met before, in place of one new to the athlete on a key
    run's eve). A coach read "the stage's dose is 4 × 30 s" in a stage-3 knee routine:
    the lightest form's wall sit, at stage 1's dose."""
    held = stages.get((routine.injury, routine.stage))

    def whose(p: Prescription) -> str:
        if routine.lightest:
            return LIGHTEST_DOSE
        own = held is None or p.exercise in held or set(p.injury_care) - {routine.injury}
        return STAGE_DOSE if own else STAND_IN_DOSE

    return whose


@dataclass(frozen=True, slots=True)
class Climbing:
    """A care exercise held below its planned dose today: its name, the dose it climbs
    to and today's, in words ("3 × 20", "2 × 19"), and whose dose that is (`STAGE_DOSE`,
    or the lightest form's: `LIGHTEST_DOSE`)."""

    name: str
    target: str
    today: str
    whose: str = STAGE_DOSE

    def climbs(self) -> str:
        return f"{self.name} to {self.target} ({self.today} today)"

    def held(self) -> str:
        return f"{self.name} at {self.today} ({self.whose} is {self.target})"


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
