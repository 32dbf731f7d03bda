"""Pain follows the athlete, not the exercise.

Pain of 4/10 or more in any exercise flags the exercise's main muscle: until a later
session working that muscle is logged pain-free, every exercise working it is regressed
(its catalogue regression, else lighter) and the athlete is told to see a physiotherapist
or doctor. A sore knee from reverse lunges must not meet loaded split squats next time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from legday.catalogue import Catalogue
from legday.model import Muscle
from legday.progression.logs import SetLog

__all__ = ["PAIN_SEEK_ADVICE", "PainFlag", "pain_flags"]

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
    # nothing is flagged before the first painful day, so the reading starts there (the
    # logbook calls this for every look back, over the same history)
    first = min((s.day for s in history if s.pain >= PAIN_SEEK_ADVICE), default=None)
    if first is None or first > today:
        return ()
    flags: dict[Muscle, PainFlag] = {}
    mine = sorted((s for s in history if first <= s.day <= today), key=lambda s: s.day)
    for day, group in groupby(mine, key=lambda s: s.day):
        sets = list(group)
        for muscle in list(flags):
            working = [s for s in sets if muscle in _muscles(catalogue, s.exercise)]
            if working and all(s.pain == 0 for s in working):
                del flags[muscle]
        painful = [s for s in sets if s.pain >= PAIN_SEEK_ADVICE]
        for s in sorted(painful, key=lambda s: (s.pain, s.exercise)):  # the worst one wins
            muscles = _muscles(catalogue, s.exercise)
            if muscles:
                flags[muscles[0]] = PainFlag(muscles[0], s.exercise, day, s.pain)
    return tuple(sorted(flags.values(), key=lambda f: (-f.pain, f.muscle.value)))


def _muscles(catalogue: Catalogue, exercise_id: str) -> tuple[Muscle, ...]:
    exercise = catalogue.get(exercise_id)
    return exercise.muscles if exercise is not None else ()
