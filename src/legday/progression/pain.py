"""Pain follows the athlete, not the exercise.

Pain of 4/10 or more in any exercise flags the exercise's main muscle: until a later
session working that muscle is logged pain-free, every exercise working it is regressed
(its catalogue regression, else lighter) and the athlete is told to see a physiotherapist
or doctor. A sore knee from reverse lunges must not meet loaded split squats next time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from legday.catalogue import Catalogue
from legday.model import Muscle
from legday.progression.logs import SetLog

__all__ = ["PAIN_SEEK_ADVICE", "PainFlag", "PainTimeline", "pain_flags"]

PAIN_SEEK_ADVICE = 4  # pain at or above this (0-10) is a reason to see a professional


@dataclass(frozen=True, slots=True)
class PainFlag:
    """Pain >= 4 in `exercise` on `day`, not yet followed by pain-free work of `muscle`."""

    muscle: Muscle
    exercise: str
    day: date
    pain: int

    @property
    def advice(self) -> str:
        return (
            f"Pain {self.pain}/10 in {self.exercise} on {self.day.isoformat()}: stop any "
            "exercise that hurts and see a physiotherapist or doctor; "
            f"{self.muscle.value} work stays easier until a session of it is pain-free."
        )


def pain_flags(
    history: Sequence[SetLog], catalogue: Catalogue, today: date
) -> tuple[PainFlag, ...]:
    """The muscles still flagged on `today` by pain logged up to and including it.

    A flag is raised by any set with pain >= 4 (on the exercise's first, main muscle) and
    cleared by a later day whose sets working that muscle are all pain-free (pain 0).
    Exercises the catalogue does not know raise no flag; the per-exercise rule still
    regresses them.
    """
    return PainTimeline.of(history, catalogue).on(today)


@dataclass(frozen=True, slots=True)
class PainTimeline:
    """The pain flags of one history on every day, read in one pass.

    Progression looks back at what it prescribed on earlier days, each look back asking
    which muscles were flagged then; reading the history once and answering each day by
    a binary search keeps that from re-reading it per look back. `days` are the days
    logged from the first painful one on, `flags[i]` the flags standing after `days[i]`.
    """

    days: tuple[date, ...] = ()
    flags: tuple[tuple[PainFlag, ...], ...] = ()

    @classmethod
    def of(cls, history: Sequence[SetLog], catalogue: Catalogue) -> PainTimeline:
        # nothing is flagged before the first painful day, so the reading starts there
        first = min((s.day for s in history if s.pain >= PAIN_SEEK_ADVICE), default=None)
        if first is None:
            return cls()
        standing: dict[Muscle, PainFlag] = {}
        days: list[date] = []
        flags: list[tuple[PainFlag, ...]] = []
        mine = sorted((s for s in history if s.day >= first), key=lambda s: s.day)
        worked = {s.exercise: _muscles(catalogue, s.exercise) for s in mine}
        for day, group in groupby(mine, key=lambda s: s.day):
            sets = list(group)
            for muscle in list(standing):
                working = [s for s in sets if muscle in worked[s.exercise]]
                if working and all(s.pain == 0 for s in working):
                    del standing[muscle]
            painful = [s for s in sets if s.pain >= PAIN_SEEK_ADVICE]
            for s in sorted(painful, key=lambda s: (s.pain, s.exercise)):  # the worst one wins
                muscles = worked[s.exercise]
                if muscles:
                    standing[muscles[0]] = PainFlag(muscles[0], s.exercise, day, s.pain)
            days.append(day)
            flags.append(tuple(sorted(standing.values(), key=lambda f: (-f.pain, f.muscle.value))))
        return cls(tuple(days), tuple(flags))

    def on(self, day: date) -> tuple[PainFlag, ...]:
        """The flags standing on `day`: raised by pain up to and including it, not cleared."""
        i = bisect_right(self.days, day)
        return self.flags[i - 1] if i else ()


def _muscles(catalogue: Catalogue, exercise_id: str) -> tuple[Muscle, ...]:
    exercise = catalogue.get(exercise_id)
    return exercise.muscles if exercise is not None else ()
