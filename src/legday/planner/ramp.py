"""A care exercise's dose climbs to its stage's dose a week at a time.

A first time is two gentle sets (`care.first_times`), and the stage's dose used to come
in full the next week: 2 x 25 one week, 3 x 25 the next (+50 %), or after a week that
held only a key run's eve form (one set fewer), 1 x 20 then 2 x 20 (+100 %). Tendons
adapt slowly, and rehabilitation protocols raise their load in small weekly steps
(Beyer et al. 2015; Silbernagel et al. 2007), so from one week to the next a care
exercise's volume (its largest exposure of the week: sets x reps, or sets x seconds of a
hold, per leg) rises by at most `MOST_WEEKLY_RISE` and by one set at most, whichever
holds it lower; on the way up the sets come first and the reps (or seconds) fill in.

The week of a first time is the first step of the climb: a first time is two gentle sets
(`care.first_times`), and its week's later exposures, in a routine or a session, hold
those two sets (`FIRST_SETS`): a wall sit new at 2 x 30 s on Monday came back at 4 x 30 s
in Wednesday's session, a climb of two sets in two days (a coach's read). The next week
climbs from there.

A dose so small that 30 % is less than a rep a set (Nordic curls at 2 x 3: 30 % is 7.8
reps) takes the least climb there is (2 x 4), else rounding would hold it for good. A
week that holds care (`CareSchedule.holds`: race weeks, tapers) climbs back no higher
than the athlete has been (a taper's one-set session, then a race week's routine).

Pure: the record of what was done, and the dose allowed next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from legday.rules.progression import FIRST_SETS

__all__ = ["MOST_WEEKLY_RISE", "Dose", "Ramp", "dose_words"]

MOST_WEEKLY_RISE = 0.30  # a care exercise's volume, week on week
HOLD_STEP = 5  # seconds: holds climb in fives where that still climbs


@dataclass(frozen=True, slots=True, order=True)
class Dose:
    """Sets of reps, or of a hold's seconds (`amount`); ordered by volume first."""

    volume: int
    sets: int
    amount: int

    @classmethod
    def of(cls, sets: int, amount: int) -> Dose:
        return cls(sets * amount, sets, amount)


def dose_words(sets: int, amount: int, seconds: bool) -> str:
    """How a dose reads in a why: "3 × 25", "3 × 30 s"."""
    return f"{sets} × {amount}{' s' if seconds else ''}"


def _fuller(dose: Dose, than: Dose) -> bool:
    """More volume; at equal volume, more reps a set (1 x 6 rather than 2 x 3)."""
    return (dose.volume, dose.amount) > (than.volume, than.amount)


def _smallest_climb(base: Dose, sets: int, amount: int, most_sets: int) -> Dose | None:
    """The least dose above `base` within the planned `sets` x `amount` and `most_sets`:
    where 30 % is less than a rep a set (1 x 6 allows 7), rounding would hold the dose
    where it is for good, so it climbs by that rep a set (2 x 4)."""
    climbs = [
        Dose.of(s, base.volume // s + 1)
        for s in range(1, min(sets, most_sets) + 1)
        if base.volume // s + 1 <= amount
    ]
    return min(climbs, key=lambda d: (d.volume, -d.amount), default=None)


@dataclass(slots=True)
class Ramp:
    """Each care exercise's largest exposure in the latest week it was done, and in the
    week before that, so every exposure of a week is held to the same ceiling."""

    # exercise -> (week, the week's largest dose so far)
    latest: dict[str, tuple[int, Dose]] = field(default_factory=dict)
    # exercise -> the largest dose of the last week done before `latest`'s week
    before: dict[str, Dose] = field(default_factory=dict)
    # exercise -> the largest dose done so far (a held week climbs back to it, no higher)
    best: dict[str, Dose] = field(default_factory=dict)
    # exercise -> the week of its first time (`first`): that week holds a first time's sets
    firsts: dict[str, int] = field(default_factory=dict)
    # exercise -> the most reps (or seconds) a set done so far: a held week's sets go no
    # longer than that
    longest: dict[str, int] = field(default_factory=dict)

    def _base(self, exercise: str, week: int) -> Dose | None:
        """The largest dose of the latest week before `week` the exercise was done."""
        latest = self.latest.get(exercise)
        if latest is None:
            return None
        if latest[0] < week:
            return latest[1]
        return self.before.get(exercise)

    def allowed(
        self,
        exercise: str,
        week: int,
        sets: int,
        amount: int,
        *,
        held: bool,
        seconds: bool,
        eased: bool = False,
        said: bool = True,
    ) -> Dose:
        """The dose of `sets` x `amount` (the planned one) that the exercise may have in
        `week`: the planned dose when it climbs no faster than the ramp allows, else the
        largest dose within the week's ceiling. An `eased` week (a recovery week, a
        taper) climbs not at all: no higher than the week it follows in volume or sets,
        and, where its words say nothing climbs (`said`: a routine's), in the reps
        (seconds) of a set either; else no set longer than the athlete has done. A held
        week goes no higher than the athlete has been in any of them. A coach's read
        found a recovery week's wall sit at 2 x 40 s after 3 x 30 s the week before, less
        volume but a longer hold, under words saying nothing climbs that week. A session
        says no such thing, and its care is the day's stage dose: a taper's 2 x 10 split
        squats after a climbing week's 3 x 8 (cut from the stage's 3 x 10, after 2 x 10)
        stay 2 x 10, a set as long as one done before; held to the week before's 8 reps,
        the session's care fell below its stage."""
        planned = Dose.of(sets, amount)
        base = self._base(exercise, week)
        if base is None and self.firsts.get(exercise) == week:  # the week of a first time
            return Dose.of(min(sets, FIRST_SETS), amount)
        if base is None and held and exercise in self.best:
            base = self.best[exercise]  # a held first week holds to what it has done
        if base is None:  # done before the plan: its first week in the plan stands
            return planned
        most_sets = base.sets + 1
        most_volume = int(base.volume * (1 + MOST_WEEKLY_RISE))
        longest = amount
        if held:  # a held week climbs back no higher than the athlete has been
            best = self.best[exercise]
            most_sets, most_volume = min(most_sets, best.sets), min(most_volume, best.volume)
            longest = min(longest, self.longest.get(exercise, best.amount))
        if eased:  # nor does an easy week climb above the week before
            most_sets, most_volume = min(most_sets, base.sets), min(most_volume, base.volume)
            longest = min(longest, base.amount if said else self.longest.get(exercise, base.amount))
        if planned.sets <= most_sets and planned.volume <= most_volume and amount <= longest:
            return planned
        fullest: Dose | None = None
        for s in range(1, min(sets, most_sets) + 1):
            a = min(longest, most_volume // s)
            if seconds and a >= 2 * HOLD_STEP:
                rounded = a - a % HOLD_STEP
                a = rounded if s * rounded > base.volume else a
            if a >= 1 and (fullest is None or _fuller(Dose.of(s, a), fullest)):
                fullest = Dose.of(s, a)
        if not (held or eased) and (fullest is None or fullest.volume <= base.volume):
            fullest = _smallest_climb(base, sets, amount, most_sets) or fullest
        return fullest if fullest is not None else planned

    def first(self, exercise: str, week: int) -> None:
        """Record a first time (the athlete had never done the exercise) in `week`."""
        self.firsts.setdefault(exercise, week)

    def done(self, exercise: str, week: int, dose: Dose) -> None:
        """Record an exposure of `week` (the timeline's order: weeks never go back)."""
        self.best[exercise] = max(self.best.get(exercise, dose), dose)
        self.longest[exercise] = max(self.longest.get(exercise, dose.amount), dose.amount)
        latest = self.latest.get(exercise)
        if latest is None or latest[0] < week:
            if latest is not None:
                self.before[exercise] = latest[1]
            self.latest[exercise] = (week, dose)
        elif dose > latest[1]:
            self.latest[exercise] = (week, dose)
