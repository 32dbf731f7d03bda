"""What the athlete has trained so far, as the composer remembers it: per exercise, how
often and how lately it was done, its last prescriptions and its load.

The plan's sessions and the strength done before the plan both count: an exercise the
athlete has done is no first exposure, and its dose goes on from its last prescription
(`planner/dose.py`). The composer (`planner/session.py`) writes here after each session
it composes; nothing here decides anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from legday.model import Prescription, Role

__all__ = ["SessionMemory"]


def _never_done() -> dict[str, int]:
    return defaultdict(int)


@dataclass(slots=True)
class SessionMemory:
    """The sessions so far, by exercise (ids), those done before the plan included."""

    count: int = 0  # sessions so far, those done before the plan included
    # per exercise: the sessions that held it, those done before the plan included
    times_done: dict[str, int] = field(default_factory=_never_done)
    last_used: dict[str, int] = field(default_factory=dict)  # the session that last used it
    last_kg: dict[str, float] = field(default_factory=dict)
    # per exercise: its load, the sessions at it, and the day it was reached
    at_load: dict[str, tuple[float, int, date | None]] = field(default_factory=dict)
    first_day: date | None = None  # the athlete's first session, done or planned
    previous: dict[str, Prescription] = field(default_factory=dict)  # its last prescription
    as_anchor: dict[str, Prescription] = field(default_factory=dict)  # and its last as an anchor
    # and its last three (`reached`)
    history: dict[str, list[Prescription]] = field(default_factory=dict)
    # per exercise, implement and load: its last prescription at that load (`effort_kept`)
    at_kg: dict[tuple[str, str, float], Prescription] = field(default_factory=dict)

    def keep(self, main: Iterable[Prescription], day: date | None) -> None:
        """Each exercise's last prescription and load, and since when it holds that load."""
        for p in main:
            self.previous[p.exercise] = p
            if p.role is Role.ANCHOR:
                self.as_anchor[p.exercise] = p
            self.history[p.exercise] = [*self.history.get(p.exercise, ())[-2:], p]
            if p.load_kg is None:
                continue
            self.last_kg[p.exercise] = p.load_kg
            self.at_kg[p.exercise, p.implement, p.load_kg] = p
            held, sessions, since = self.at_load.get(p.exercise, (p.load_kg, 0, day))
            if held != p.load_kg:
                sessions, since = 0, day
            self.at_load[p.exercise] = (p.load_kg, sessions + 1, since)
