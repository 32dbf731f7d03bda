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
from legday.planner.care.guards import (
    DOSE_ONLY,
    GUARDED_PATTERNS,
)
from legday.planner.care.loads import CARE_RPE, care_load, for_kit, loaded_calf
from legday.planner.care.schedule import CareSchedule, WeekDoses
from legday.planner.days import clear_start, start_after
from legday.planner.dose import (
    IMPROVISED_LOAD,
    NEW_LOAD_WORDS,
    seconds_per_rep,
    work_seconds,
)
from legday.planner.fit import CHANGE_SECONDS
from legday.planner.ramp import Ramp, dose_words
from legday.planner.season import DAY_NAMES
from legday.rules.care import CALF_PATTERNS
from legday.rules.progression import FIRST_SETS

__all__ = [
    "care_exercises",
    "care_routines",
    "first_exposures",
    "first_times",
    "key_run_eves",
    "learned_unloaded",
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
        load=care_load(item, exercise, CARE_RPE),
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
                    eve_form = self._eve_form(self._form(items))
                    routine = self._routine(day, stage, this_week, eve_form, times)
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
        sessions, and the routines placed so far (`own`: this problem's)."""
        if not self.knee_athlete or day not in self.eves or self._lightest(day):
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
        return kept, words.waits_for_a_fresh_day(names, stand_ins, self.eves[day])

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
                f"{_how_often(stage.frequency, times)}: "
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
