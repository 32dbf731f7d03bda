"""The weights an athlete owns, and the loads they can make with them.

A prescription names a load the athlete can pick up: with dumbbells of 10 and 12 kg there
is no 10.5 kg, and a barbell makes only the totals its plates allow. The profile lists
what is owned; an empty list means a typical home or gym set (below). Pure and cached:
a coach's athletes share a few kits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from legday.model import Equipment, Profile

__all__ = ["TYPICAL_DUMBBELLS", "TYPICAL_KETTLEBELLS", "TYPICAL_PLATES", "Kit", "kit_of"]

# What a typical set holds when the profile lists nothing (kg): dumbbell pairs,
# kettlebells, and barbell plates (each a pair, two pairs of each weight).
TYPICAL_DUMBBELLS = (2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.5, 25.0)
TYPICAL_KETTLEBELLS = (8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0)
TYPICAL_PLATES = (1.25, 1.25, 2.5, 2.5, 5.0, 5.0, 10.0, 10.0, 20.0, 20.0)
HEAVIEST_BARBELL = 200.0  # no prescription for a runner goes past this
# The largest load rise in one go: a quarter more, or one standard 2.5 kg step when that is
# more (4 to 6 kg dumbbells); a further next weight waits while reps or sets rise.
SMALL_STEP_SHARE = 0.25
SMALL_STEP_KG = 2.5


@dataclass(frozen=True, slots=True)
class Kit:
    """Every load each implement can make, lightest first; empty when not owned."""

    dumbbells: tuple[float, ...] = ()
    kettlebell: tuple[float, ...] = ()
    barbell: tuple[float, ...] = ()

    def loads(self, implement: str) -> tuple[float, ...]:
        return {
            "dumbbells": self.dumbbells,
            "kettlebell": self.kettlebell,
            "barbell": self.barbell,
        }.get(implement, ())

    def nearest(self, implement: str, kg: float) -> float | None:
        """The owned load closest to `kg` (the lighter one on a tie); None without any."""
        loads = self.loads(implement)
        if not loads:
            return None
        i = bisect_left(loads, kg)
        candidates = loads[max(0, i - 1) : i + 1]
        return min(candidates, key=lambda load: (abs(load - kg), load))

    def at_most(self, implement: str, kg: float) -> float | None:
        """The heaviest owned load not above `kg` (the lightest one when all are)."""
        loads = self.loads(implement)
        if not loads:
            return None
        i = bisect_right(loads, kg + 1e-9)
        return loads[max(0, i - 1)]

    def step_up(self, implement: str, kg: float) -> float | None:
        """The next load above `kg`; None at the top of the rack."""
        loads = self.loads(implement)
        i = bisect_right(loads, kg + 1e-9)
        return loads[i] if i < len(loads) else None

    @staticmethod
    def small_step(kg: float, heavier: float) -> bool:
        """Whether going from `kg` to `heavier` is a rise an athlete can take in one go: at
        most a quarter more, or one standard plate or dumbbell step (2.5 kg). Kettlebells of
        16 and 24 kg are half as heavy again: the reps at the lighter one climb first, until
        the heavier is within reach (`planner.dose.next_weight`)."""
        return heavier - kg <= max(SMALL_STEP_KG, kg * SMALL_STEP_SHARE) + 1e-9

    def step_down(self, implement: str, kg: float) -> float | None:
        """The next load below `kg`; None at the bottom."""
        loads = self.loads(implement)
        i = bisect_left(loads, kg - 1e-9)
        return loads[i - 1] if i > 0 else None


def kit_of(profile: Profile) -> Kit:
    """The loads this athlete can make: only the implements their equipment names."""
    owned = profile.equipment
    return _kit(
        tuple(sorted(profile.dumbbells_kg or TYPICAL_DUMBBELLS))
        if Equipment.DUMBBELLS in owned
        else (),
        tuple(sorted(profile.kettlebells_kg or TYPICAL_KETTLEBELLS))
        if Equipment.KETTLEBELL in owned
        else (),
        tuple(sorted(profile.plates_kg or TYPICAL_PLATES)) if Equipment.BARBELL in owned else None,
        profile.bar_kg,
    )


@lru_cache(maxsize=256)
def _kit(
    dumbbells: tuple[float, ...],
    kettlebells: tuple[float, ...],
    plates: tuple[float, ...] | None,
    bar_kg: float,
) -> Kit:
    barbell = () if plates is None else _barbell_totals(bar_kg, plates)
    return Kit(tuple(sorted(set(dumbbells))), tuple(sorted(set(kettlebells))), barbell)


def _barbell_totals(bar_kg: float, plates: tuple[float, ...]) -> tuple[float, ...]:
    """Every total the bar makes with some of its plate pairs (each pair loads both sides)."""
    totals = {bar_kg}
    for plate in plates:
        totals |= {t + 2 * plate for t in totals if t + 2 * plate <= HEAVIEST_BARBELL}
    return tuple(sorted(totals))
