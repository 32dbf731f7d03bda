"""The next prescription of an exercise, from what the logbook says was really done.

`form-first` and `movement-quality` live here: load or reps only go up after good form
within the target effort, never to squeeze out more. The rules, in the order they win:

1. pain >= 4/10 swaps in the catalogue regression (or holds lighter) and asks the athlete
   to see a physiotherapist or doctor; two pain-free sessions of the regression bring the
   exercise back, lighter. Pain >= 4 in ANY exercise also flags its main muscle: every
   exercise working that muscle is regressed, with the same advice, until a later session
   of that muscle is logged pain-free (`legday.progression.pain`);
2. an effort two points or more above target lowers (~10 %), whatever the form;
   back after a real break (no session of ANY exercise logged for two weeks or more):
   ~10 % lighter (fewer reps or seconds if unloaded); back from a planned recovery week:
   the last session again, for an exercise done in the last week of training before it
   (`JUST_BEFORE_DAYS`); back from a missed week: same load, a rep or two fewer; a
   missed session within the week holds. An exercise the rotation kept away for two or three
   weeks while the athlete kept training is not a break: it carries on where it was, and
   so does one last done earlier than the week before a recovery week (a balance hold
   done once a block): the week off was no rest from it, so rules 3 and 4 hold or add;
3. any pain, poor form, an unknown effort or an effort above target holds; poor form
   twice in a row or an effort above target twice lowers;
4. otherwise double progression inside the rep range: one more rep per set after each good
   session; at the top of the range in TWO consecutive good sessions the load goes up by
   at most 10 % and one small step, at most once a week, and reps restart at the bottom;
   without a numeric load the exercise moves to its progression variation, else a slower
   lowering tempo.

Holding or lowering starts from what was done, never from more than was prescribed: after
a session that did not go well (`_went_well`), a heavier load than the one prescribed is
not adopted, and logged reps count only up to the top of the rep range. A point over
today's target is no session gone wrong: a block's target moves by a point between its
sessions, and RPE 8 done at a heavy week's 8 reads as 8 against the next block's 7.

Loads are numbers: every prescription returned carries `load_kg` and `implement` (read
from the text only for plans stored before the number existed), and with the athlete's
`Kit` a rise or a drop lands on a load they own.

Pure: stdlib, the model, the kit and the catalogue only, no I/O, deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from legday.catalogue import Catalogue
from legday.kit import Kit
from legday.model import IMPLEMENTS, MAX_RPE, Exercise, Prescription, Role
from legday.progression.history import History
from legday.progression.loads import (
    MAX_RISE_FRACTION,
    RISE_AFTER_SESSIONS,
    RISE_EVERY_DAYS,
    Load,
    as_exercise,
    fewer,
    format_load,
    heavier_kg,
    lighter,
    load_kg,
    load_of,
    load_step,
    max_rise,
    parse_load,
    ramped,
    slower_tempo,
    with_load,
)
from legday.progression.logs import LIMITS, SIDES, ExerciseLog, SetLog, sessions_of
from legday.progression.pain import PAIN_SEEK_ADVICE, PainFlag, PainTimeline, pain_flags

__all__ = [
    "JUST_BEFORE_DAYS",
    "LIMITS",
    "LONG_GAP_DAYS",
    "MAX_RISE_FRACTION",
    "MAX_RPE",
    "MIN_RIR",
    "PAIN_SEEK_ADVICE",
    "SIDES",
    "Change",
    "ExerciseLog",
    "History",
    "Load",
    "PainFlag",
    "PainTimeline",
    "SetLog",
    "format_load",
    "load_of",
    "load_step",
    "max_rise",
    "next_prescription",
    "pain_flags",
    "parse_load",
    "sessions_of",
]

MIN_RIR = 10 - MAX_RPE  # `movement-quality`: never above RPE 8, 2 reps in reserve
LONG_GAP_DAYS = 14  # no strength session of any exercise this long is a real break
# the last week of training before a recovery week: what was done in it is repeated after
JUST_BEFORE_DAYS = 7
SECONDS_STEP = 5
MAX_SECONDS = 90
MAX_LOOKBACK = 60  # how many not-good sessions back "what was prescribed" is recomputed


@dataclass(frozen=True, slots=True)
class Change:
    """The next prescription and, in plain words, why it changed (or did not)."""

    prescription: Prescription
    reason: str
    seek_advice: bool = False


def next_prescription(
    p: Prescription,
    history: Sequence[SetLog] | History,
    catalogue: Catalogue,
    *,
    today: date,
    rep_range: tuple[int, int] | None = None,
    weeks_off: int = 0,
    missed: bool = False,
    kit: Kit | None = None,
    last_logged: date | None = None,
) -> Change:
    """The prescription for the next session of `p.exercise` given every logged set.

    `history` should hold every exercise's sets: pain in one exercise regresses others
    working the same muscle, and a break is measured from the athlete's last logged day
    of ANY exercise (`last_logged` gives it when `history` is cut short). `rep_range`
    defaults to two reps either side of the planned reps; `weeks_off` counts whole weeks
    without strength work (a recovery week is 1); `missed` marks a skipped session since
    the last log. With `kit` (`legday.kit.kit_of(profile)`) loads land on owned weights.
    A `History` of the sets (`History.of`) can be given instead of them, to be shared
    by the prescriptions of a session.
    """
    logs = history if isinstance(history, History) else History.of(history, catalogue)
    last_day = logs.last_day_before(today)
    if last_logged is not None and last_logged < today:
        last_day = max(last_day or last_logged, last_logged)
    engine = _Engine(catalogue, logs, today, rep_range, weeks_off, missed, kit, last_day)
    change = engine.decide(p, 0)
    if kit is None:
        return change
    # a barbell lift's warm-up sets follow the load the logbook settled on
    warmed = ramped(change.prescription, kit)
    return change if warmed is change.prescription else replace(change, prescription=warmed)


def _went_well(log: ExerciseLog, p: Prescription) -> bool:
    """Good form, no pain, an effort logged within RPE 8 and at most a point over the
    target (as when a block turns from heavy to lighter sets)."""
    effort = log.effort
    return (
        log.form_ok
        and log.pain == 0
        and effort is not None
        and effort <= min(MAX_RPE, p.target_rpe + 1)
    )


def _stepped_down(p: Prescription, last: ExerciseLog) -> bool:
    """Whether the plan made this session lighter than the one last logged: fewer sets
    (a recovery week's or a race week's one light session) at a lower target. Efforts up
    to a point over its target were given to the fuller session before (as `_went_well`
    reads a block turning to lighter sets): the plan's step down is the easing already,
    and a second one on top would take a consistent athlete backwards."""
    effort = last.effort
    lighter_now = p.sets < last.working_sets
    return lighter_now and effort is not None and effort <= min(MAX_RPE, p.target_rpe + 1)


@dataclass(frozen=True, slots=True)
class _Engine:
    catalogue: Catalogue
    history: History  # sorted once, shared by the engines looking back
    today: date
    rep_range: tuple[int, int] | None
    weeks_off: int
    missed: bool
    kit: Kit | None
    last_day: date | None  # the athlete's last logged day before today, any exercise
    lookback: int = 0
    # the last day whose sets count (None: today's do too); a look back at what was
    # prescribed for a day reads the sets before it, on that day's clock (`_prescribed_kg`)
    logged_through: date | None = None

    @property
    def seen(self) -> date:
        """The last day whose logged sets this engine reads."""
        return self.today if self.logged_through is None else self.logged_through

    @property
    def flags(self) -> tuple[PainFlag, ...]:
        return self.history.flags(self.seen)

    def decide(self, p: Prescription, depth: int) -> Change:
        base = p if p.target_rpe <= MAX_RPE else replace(p, target_rpe=MAX_RPE)
        planned = load_of(base)
        if planned is not None and base.load_kg is None:
            # a plan stored before loads were numbers: the number from its words
            implement = planned.implement or self._implement(base.exercise)
            base = replace(base, load_kg=planned.kg, implement=implement)
        lo, hi = self._range(p)
        if base.reps is not None and not lo <= base.reps <= hi:
            base = replace(base, reps=min(max(base.reps, lo), hi))
        logs = self.history.sessions_of(p.exercise, self.seen)
        flag = self._flag(base)
        if not logs:
            if flag is not None:
                return self._flagged(base, flag, lo)
            return Change(base, _first_time(base))
        last = logs[-1]
        work = self._working_point(base, last, (lo, hi))
        if last.pain >= PAIN_SEEK_ADVICE:
            return self._pain(base, work, last, depth)
        if flag is not None:
            return self._flagged(work, flag, lo)
        target, effort = float(base.target_rpe), last.effort
        if effort is not None and effort >= target + 2:
            form = "" if last.form_ok else " and form slipped"
            reason = f"RPE {effort:g} is well above the target {target:g}{form}: a little easier."
            return Change(self._easier(work, last, lo), reason)
        back = self._back_after_a_break(work, last, lo)
        if back is not None:
            return back
        if base.role is Role.ANCHOR:
            on_plan = self._follow_the_block(base, logs)
            if on_plan is not None:
                return on_plan
        return self._hold_or_ease(base, work, logs, (lo, hi), depth)

    def _follow_the_block(self, base: Prescription, logs: Sequence[ExerciseLog]) -> Change | None:
        """An anchor lift's dose moves with its block, as planned; the logbook gates it.

        After a good session (good form, no pain, the sets done with at most a rep short,
        an effort within RPE 8 and at most a point over the new target, as when a block
        turns from heavy to lighter sets) the planned dose stands, its load at most one
        step above the one just lifted, and only at the pace of any rise: two good sessions
        in a row at the load, a week after it was first lifted (else the load just lifted
        stays).
        Otherwise (None) the usual rules hold or ease from what was done.
        """
        last = logs[-1]
        if not _went_well(last, base):
            return None
        reps_done = last.min_reps is None or base.reps is None or last.min_reps >= base.reps - 1
        if not reps_done or last.working_sets < min(base.sets, 2):
            return None  # an unfinished session: the usual rules hold or ease
        planned, done = base.load_kg, last.load
        if planned is not None and done is None:
            return None  # no load logged: nothing to step up from
        if planned is None or done is None or planned <= done:
            return Change(base, "Last session went well: on to the block's next step.")
        since = _first_day_at(logs, done)
        # the sessions that earn a rise: the last ones at this load, every one of them good
        earning = [log for log in logs if log.day >= since][-RISE_AFTER_SESSIONS:]
        steady = len(earning) == RISE_AFTER_SESSIONS and all(
            _went_well(log, base) for log in earning
        )
        if not steady or (self.today - since).days < RISE_EVERY_DAYS:
            reason = f"Last session went well: the block's next step, at {done:g} kg for now."
            return Change(with_load(base, Load(done, base.implement)), reason)
        step = heavier_kg(Load(done, base.implement), self.kit) or done
        kg = min(planned, step)
        reason = "Last session went well: on to the block's next step" + (
            "." if kg == planned else f", {kg:g} kg (one step at a time)."
        )
        return Change(with_load(base, Load(kg, base.implement)), reason)

    def _back_after_a_break(self, work: Prescription, last: ExerciseLog, lo: int) -> Change | None:
        """Easing back in, judged on the athlete's training, not this exercise's.

        Only time without ANY strength session detrains; the rotation keeping one exercise
        away for two or three weeks while the athlete trains on is no break.
        """
        gap = (self.today - self.last_day).days if self.last_day is not None else 0
        if self.weeks_off == 1 and not self.missed and gap <= LONG_GAP_DAYS:
            if not self._just_before(last):
                # last done weeks before the recovery week (a hold once a block): the week
                # off was no rest from it, so it carries on as after any good session
                return None
            # A planned recovery week (Monday to Monday around it is 14 days) was the rest
            # itself: repeat the last session, neither lighter nor shorter, then add.
            reason = "Back after a recovery week: the same load and reps as last time."
            return Change(work, reason)
        missed = "a missed session and " if self.missed else ""
        if gap >= LONG_GAP_DAYS or self.weeks_off >= 2:
            why = f"{gap} days without strength work" if gap >= 7 else "weeks off"
            return Change(
                lighter(work, lo, self.kit),
                f"Back after {missed}{why}: restart about 10 % lighter.",
            )
        if self.weeks_off == 1:
            reason = f"Back after {missed}a week without strength work: same load, fewer reps."
            return Change(fewer(work, lo), reason)
        if self.missed:
            return Change(work, "A session was missed since the last one: repeat it, then add.")
        return None

    def _just_before(self, last: ExerciseLog) -> bool:
        """Whether the exercise was done in the athlete's last week of training."""
        if self.last_day is None:
            return True
        return (self.last_day - last.day).days < JUST_BEFORE_DAYS

    def _hold_or_ease(
        self,
        base: Prescription,
        work: Prescription,
        logs: list[ExerciseLog],
        rep_range: tuple[int, int],
        depth: int,
    ) -> Change:
        lo = rep_range[0]
        last = logs[-1]
        target = float(base.target_rpe)
        effort = last.effort
        if last.pain > 0:
            return Change(
                work, f"Some discomfort ({last.pain}/10) last time: hold until pain-free."
            )
        if not last.form_ok:
            if len(logs) > 1 and not logs[-2].form_ok:
                return Change(
                    self._easier(work, last, lo), "Form slipped twice in a row: a little easier."
                )
            return Change(work, "Form slipped last time: hold and own every rep before adding.")
        if effort is None:
            return Change(work, "Effort not logged (RPE or reps in reserve): hold until it is.")
        if effort > target:
            twice = len(logs) > 1 and (logs[-2].effort or 0) > target
            if twice and _stepped_down(base, last):
                reason = (
                    f"RPE {effort:g} last time, in a fuller session than today's short one "
                    f"(target {target:g}): hold."
                )
                return Change(work, reason)
            if twice:
                reason = f"RPE {effort:g} above the target {target:g} twice: a little easier."
                return Change(self._easier(work, last, lo), reason)
            return Change(work, f"RPE {effort:g} above the target {target:g}: hold.")
        return self._progress(base, work, logs, rep_range, depth)

    def _easier(self, work: Prescription, last: ExerciseLog, lo: int) -> Prescription:
        """About 10 % easier than last time (`lighter`) after a session that was too hard,
        and no set more than were done in it: a set the plan added since waits for a
        session that goes well (a lighter lunge came with a third set: no easier)."""
        if work.sets > last.working_sets >= 1:
            work = replace(work, sets=last.working_sets)
        return lighter(work, lo, self.kit)

    def _range(self, p: Prescription) -> tuple[int, int]:
        if self.rep_range is not None:
            lo, hi = self.rep_range
            return max(1, lo), max(1, lo, hi)
        reps = p.reps or 10
        return max(1, reps - 2), reps + 2

    def _working_point(
        self, base: Prescription, last: ExerciseLog, rep_range: tuple[int, int]
    ) -> Prescription:
        """The prescription as last performed: reps and seconds done, load used.

        Reps count up to the top of the range, seconds up to the longest hold offered.
        After a session that did not go well the load (logged, else planned) is at most
        the one prescribed for that session. Whether it went well is read as the block
        reads it (`_went_well`: a point over today's target allowed): the look back that
        finds what was prescribed decides with today's prescription, whose target, reps
        and sets may be the next block's, and judged so a heavy week's RPE 8 at its
        target of 8 read as too hard twice, and the next block restarted ~20 % lighter.
        """
        work = base
        if base.reps is not None and last.min_reps is not None:
            work = replace(work, reps=min(rep_range[1], max(1, last.min_reps)))
        if base.seconds is not None and last.min_seconds is not None:
            longest = max(MAX_SECONDS, base.seconds)
            work = replace(work, seconds=min(longest, max(1, last.min_seconds)))
        kg = last.load if last.load is not None and last.load > 0 else load_kg(base)
        if kg is None:
            return work
        if not _went_well(last, base):
            prescribed = self._prescribed_kg(base, last.day)
            kg = kg if prescribed is None else min(kg, prescribed)
        return with_load(work, Load(kg, base.implement or self._implement(base.exercise)))

    def _prescribed_kg(self, p: Prescription, day: date) -> float | None:
        """The kilograms this engine prescribed for `day`, from the logs before it and on
        that day's clock, as the athlete saw it: a rise a week after a load was first
        lifted came on the seventh day (read from the day before, a 45 kg deadlift done
        as prescribed looked like a jump from 42.5, and the next block fell back to it)."""
        if self.lookback >= MAX_LOOKBACK or day == date.min:
            return load_kg(p)
        earlier = _Engine(
            self.catalogue,
            self.history,
            day,
            self.rep_range,
            0,
            False,
            self.kit,
            self.history.last_day_before(day),
            self.lookback + 1,
            logged_through=day - timedelta(days=1),
        )
        return load_kg(earlier.decide(p, 0).prescription)

    def _flag(self, p: Prescription) -> PainFlag | None:
        exercise = self.catalogue.get(p.exercise)
        muscles = exercise.muscles if exercise is not None else p.muscles
        return next((f for f in self.flags if f.muscle in muscles), None)

    def _flagged(self, work: Prescription, flag: PainFlag, lo: int) -> Change:
        regression = self._neighbour(work.exercise, "regressions")
        if regression is None:
            return Change(
                lighter(work, lo, self.kit), f"{flag.advice} No easier variation: lighter.", True
            )
        swapped = as_exercise(work, regression, lo, easier=True, kit=self.kit)
        return Change(swapped, f"{flag.advice} Meanwhile the easier {regression.id}.", True)

    def _pain(
        self, base: Prescription, work: Prescription, last: ExerciseLog, depth: int
    ) -> Change:
        advice = (
            f"Pain {last.pain}/10 in {base.exercise} on {last.day.isoformat()}: stop any "
            "exercise that hurts and see a physiotherapist or doctor before loading it again."
        )
        lo = self._range(base)[0]
        regression = self._neighbour(base.exercise, "regressions")
        if regression is None:
            return Change(
                lighter(work, lo, self.kit), f"{advice} No easier variation: hold, lighter.", True
            )
        after = [s for s in self.history.sessions_of(regression.id, self.seen) if s.day > last.day]
        if len(after) >= 2 and all(s.pain == 0 for s in after[-2:]):
            reason = f"Two pain-free sessions of {regression.id}: back to {base.exercise}, easier."
            return Change(lighter(work, lo, self.kit), reason)
        swapped = as_exercise(work, regression, lo, easier=True, kit=self.kit)
        if after and depth < 4:
            inner = self.decide(swapped, depth + 1)
            return Change(inner.prescription, f"{advice} Meanwhile: {inner.reason}", True)
        return Change(swapped, f"{advice} Swapped to the easier {regression.id}.", True)

    def _progress(
        self,
        base: Prescription,
        work: Prescription,
        logs: list[ExerciseLog],
        rep_range: tuple[int, int],
        depth: int,
    ) -> Change:
        lo, hi = rep_range
        last = logs[-1]
        target = float(base.target_rpe)
        effort = f"RPE {last.effort:g}"
        if last.working_sets < base.sets:
            return Change(work, f"{last.working_sets} of {base.sets} sets done: hold.")
        if work.reps is None:
            return self._progress_seconds(work, last, depth)
        done = last.min_reps or 0
        if done < hi:
            reps = min(hi, max(lo, done + 1))
            return Change(replace(work, reps=reps), f"Good form at {effort}: one more rep per set.")
        prev = logs[-2] if len(logs) > 1 else None
        two_top = (
            prev is not None
            and prev.good(target)
            and prev.working_sets >= base.sets
            and (prev.min_reps or 0) >= hi
            and prev.load == last.load
        )
        if not two_top:
            return Change(work, "Top of the range with good form: once more, then progress.")
        load = load_of(work)
        if load is not None and load.kg > 0:
            since = _first_day_at(logs, last.load)
            if (self.today - since).days < RISE_EVERY_DAYS:
                return Change(work, "Load went up within the week: hold (one rise a week).")
            kg = heavier_kg(load, self.kit)
            if kg is not None:
                heavier = Load(kg, load.implement)
                reason = (
                    f"Top of the range ({hi} reps) twice with good form at or under RPE "
                    f"{target:g}: load up {kg - load.kg:g} kg to {format_load(heavier)}, "
                    f"reps back to {lo}."
                )
                return Change(replace(with_load(work, heavier), reps=lo), reason)
        return self._harder_variation(work, last, lo, depth, base.reps)

    def _progress_seconds(self, work: Prescription, last: ExerciseLog, depth: int) -> Change:
        held = last.min_seconds or work.seconds or 0
        if held < MAX_SECONDS:
            secs = min(MAX_SECONDS, max(work.seconds or 0, held) + SECONDS_STEP)
            return Change(replace(work, seconds=secs), f"Held with good form: {secs} s next.")
        return self._harder_variation(work, last, self._range(work)[0], depth, work.reps)

    def _harder_variation(
        self, work: Prescription, last: ExerciseLog, lo: int, depth: int, planned: int | None
    ) -> Change:
        """On to the progression variation, else a slower tempo, else hold.

        When the harder variation has logs of its own, it carries on from them inside the
        planned rep range (not a range around its restart reps, which would cut them).
        """
        harder = self._neighbour(work.exercise, "progressions")
        if harder is not None:
            nxt = as_exercise(work, harder, lo, easier=False, kit=self.kit)
            later = [s for s in self.history.sessions_of(harder.id, self.seen) if s.day > last.day]
            if later and depth < 4:
                in_range = (
                    nxt if nxt.reps is None or planned is None else replace(nxt, reps=planned)
                )
                return self.decide(in_range, depth + 1)
            return Change(nxt, f"Consistently good form at the top: on to {harder.id}.")
        slower = slower_tempo(work.tempo)
        if slower is not None:
            return Change(replace(work, tempo=slower), f"Good form at the top: slower, {slower}.")
        return Change(work, "At the top of this exercise: hold and keep the form crisp.")

    def _implement(self, exercise_id: str) -> str:
        """What the weight is, when the plan does not say: one the athlete owns first.

        An exercise that lists no implement (a calf raise) is loaded by holding one, so
        any owned implement will do.
        """
        exercise = self.catalogue.get(exercise_id)
        usable = [e.value for e in exercise.equipment if e.value in IMPLEMENTS] if exercise else []
        owned = [name for name in IMPLEMENTS if self.kit is not None and self.kit.loads(name)]
        preferred = [name for name in usable if name in owned]
        return next(iter(preferred + usable + owned), "")

    def _neighbour(self, exercise_id: str, kind: str) -> Exercise | None:
        exercise = self.catalogue.get(exercise_id)
        if exercise is None:
            return None
        ids: tuple[str, ...] = getattr(exercise, kind)
        for other in ids:
            found = self.catalogue.get(other)
            if found is None or found.id == exercise_id:
                continue
            if kind == "progressions" and not self._can_load(found):
                continue  # a barbell squat is no progression without a barbell
            return found
        return None

    def _can_load(self, exercise: Exercise) -> bool:
        """Whether the athlete owns one of the implements the exercise is done with."""
        implements = [e.value for e in exercise.equipment if e.value in IMPLEMENTS]
        kit = self.kit
        return kit is None or not implements or any(kit.loads(i) for i in implements)


def _first_time(p: Prescription) -> str:
    return (
        f"First time logged: start light enough for RPE {p.target_rpe} or easier "
        f"({MIN_RIR}+ reps in reserve), slow and controlled."
    )


def _first_day_at(logs: Sequence[ExerciseLog], load: float | None) -> date:
    day = logs[-1].day
    for log in reversed(logs):
        if log.load != load:
            break
        day = log.day
    return day
