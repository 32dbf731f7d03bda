"""Jumps: how far an athlete's plyometric training has come, and the stage a week allows.

Plyometrics progress by stage across blocks, from landings to pogo hops to bounds
(docs/planner.md): a block keeps one jump drill, whose foot contacts climb week by week,
and the next block's drill may go a stage on once the last one was trained (done in
JUMP_SESSIONS_TO_MOVE_ON sessions). `Jumps` remembers that progress; the composer
(`planner/session.py`) picks the block's drill and doses it from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from legday.model import Exercise, ExerciseKind, Level, Phase, Prescription
from legday.planner.dose import MOST_CONTACTS, Occasion

__all__ = [
    "HIGHEST_STAGE",
    "JUMP_SESSIONS_TO_MOVE_ON",
    "MASTERS_PLYOMETRIC_PHASES",
    "PLYOMETRIC_PHASES",
    "REACTIVE_EVENTS",
    "Jumps",
]

REACTIVE_EVENTS = frozenset({"track", "cross-country"})  # pogo-style work a stage earlier

# Plyometrics: which weeks may hold them, and the highest stage by level (a stage a
# block, from the first block; beginners from their second block, stage 1 only).
# The peak keeps the jumps a block trained, at their contacts (no new stage): the weeks
# before a goal race keep their quality while the volume falls (docs/planner.md 3.7).
PLYOMETRIC_PHASES = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD, Phase.PEAK})
MASTERS_PLYOMETRIC_PHASES = PLYOMETRIC_PHASES | {Phase.TAPER}
# A block's drill moves a stage on (landings, pogo hops, bounds) once the athlete has done
# the last block's drill in this many sessions: a stage is trained, not sampled.
JUMP_SESSIONS_TO_MOVE_ON = 3
HIGHEST_STAGE = {Level.BEGINNER: 1, Level.INTERMEDIATE: 2, Level.ADVANCED: 3}


@dataclass(slots=True)
class Jumps:
    """One athlete's jump training so far."""

    level: Level
    masters: bool
    event: str
    trained_stage: int = 0  # the highest stage whose drill the athlete trained a block
    last_drill: Exercise | None = None  # the last block's drill
    # each drill's last exposure that was no eased one: its day and foot contacts
    jumped: dict[str, tuple[date | None, int]] = field(default_factory=dict)

    def room(self, occasion: Occasion, *, stepping_back: bool, going: Exercise | None) -> int:
        """The highest plyometric stage the week allows, whether or not jumps wait today;
        0 for no fast work at all (the first week back after a goal race, the week after
        a long race (`stepping_back`), a phase without jumps). `going`: the block's drill,
        once chosen."""
        o = occasion
        phases = MASTERS_PLYOMETRIC_PHASES if self.masters else PLYOMETRIC_PHASES
        if stepping_back or o.ramp == 1 or o.phase not in phases:
            return 0
        stage = HIGHEST_STAGE[self.level]
        if o.ramp == 2:
            stage = min(stage, 2)
        if o.phase is Phase.PEAK and not self.masters:  # a stage trained, none new
            going_stage = going.stage if going is not None else 0
            stage = min(stage, max(1, self.trained_stage, going_stage))
        elif o.phase in (Phase.PEAK, Phase.TAPER):
            stage = min(stage, 1)
        return stage

    def stage_due(self, block: int) -> int:
        """The stage the athlete's jump training has reached in the plan's `block`: one
        past the highest stage trained through a block, as far as the level allows (track
        and cross-country start at reactive pogo work); 0 for no jumps: a beginner's first
        block, and a masters beginner, whose fast work is power lifts without landings."""
        if self.level is Level.BEGINNER and (self.masters or max(1, block) < 2):
            return 0
        first = 2 if self.event in REACTIVE_EVENTS and self.level is not Level.BEGINNER else 1
        return min(HIGHEST_STAGE[self.level], max(first, self.trained_stage + 1))

    def contacts_climb(self, drill: Exercise) -> bool:
        """Whether the drill's contacts are still below the level's most."""
        last = self.jumped.get(drill.id)
        return last is None or last[1] < MOST_CONTACTS[self.level]

    def block_ended(self, drill: Exercise | None, sessions: int) -> None:
        """The ended block's `drill`, done in `sessions`: it counts as trained when done
        in JUMP_SESSIONS_TO_MOVE_ON sessions, so the next drill may go a stage on."""
        if drill is not None:
            self.last_drill = drill
            if sessions >= JUMP_SESSIONS_TO_MOVE_ON:
                self.trained_stage = max(self.trained_stage, drill.stage)

    def done(
        self,
        main: Iterable[Prescription],
        day: date | None,
        block_drill: Exercise | None,
        *,
        eased: bool,
        planned: Mapping[str, int] | None = None,
    ) -> int:
        """Count each drill's contacts when no eased session (a taper, a light week's)
        held them and it was done in full: a session whose fitting took sets of it off
        (fewer than `planned`) leaves the drill's progress at its last full session, so
        the next rise goes on from there. Counting the planned contacts, a drill cut to
        2 x 8 from a planned 3 x 8 came back as 3 x 9, a set and reps more at once;
        counting the cut ones would set it back. The times `main` held the block's drill."""
        held = 0
        for p in main:
            if p.kind is not ExerciseKind.PLYOMETRIC:
                continue
            if block_drill is not None and p.exercise == block_drill.id:
                held += 1
            trimmed = p.sets < (planned or {}).get(p.exercise, p.sets)
            if not eased and not (trimmed and p.exercise in self.jumped):
                self.jumped[p.exercise] = (day, p.contacts)
        return held
