"""What each problem's care governs in a strength session, problem by problem.

The movements its care guards (`GUARDED_PATTERNS`), how a guarded lift goes while care
is early (`UNLOADED_WHILE_EARLY`), and the problems whose care takes a session's lift
as its own dose (`LEAD_IN_SESSIONS`, `DOSE_ONLY`, `CALF_OWNERS`, `ANY_GUARDED_MOVEMENT`).
One table per question, so every module of care reads the same answer; and how far
ahead of its stage a lift runs (`stages_ahead`, `HELD_REACH`).
"""

from __future__ import annotations

from legday.care import CareProtocol
from legday.catalogue import Catalogue

__all__ = [
    "ANY_GUARDED_MOVEMENT",
    "CALF_OWNERS",
    "DOSE_ONLY",
    "GUARDED_PATTERNS",
    "HELD_REACH",
    "LEAD_IN_SESSIONS",
    "UNLOADED_WHILE_EARLY",
    "stages_ahead",
]

# The movements each problem's care governs in a strength session: while care is at an
# early stage, a session does not load them harder than the stage does.
GUARDED_PATTERNS: dict[str, frozenset[str]] = {
    "achilles": frozenset({"calf"}),
    "achilles-insertional": frozenset({"calf"}),
    "plantar-fascia": frozenset({"calf"}),
    "shin-splints": frozenset({"calf", "shin"}),
    "runners-knee": frozenset({"squat", "lunge"}),
    "hamstring": frozenset({"hinge", "knee-flexion", "bridge"}),
    "it-band": frozenset({"hip-abduction"}),
}
# While care is short of its last stage, a lift of a movement it guards that the stage
# cannot swap for one of its own exercises goes without added load, in a range the sore
# area tolerates: a loaded deep lunge at the knee protocol's isometric stage asks the knee
# for what its care does not yet allow (Crossley 2016: load the knee in a pain-free range).
# A lift named for its implement (a goblet squat holds a dumbbell) becomes its easier
# variation without one (a bodyweight squat: `in_session`), so the words match.
UNLOADED_WHILE_EARLY: dict[str, str] = {
    "runners-knee": (
        "bodyweight, a shallow range: bend the knee only as far as stays pain-free, "
        "half way down at most"
    ),
    "achilles": "bodyweight, no added load while the tendon's care is at an early stage",
    "achilles-insertional": (
        "bodyweight, no added load while the tendon's care is at an early stage"
    ),
    "plantar-fascia": "bodyweight, no added load while the heel's care is at an early stage",
}
# How many stages ahead of care a guarded lift may run, held in its care form (two easy
# sets, unloaded or as light as it starts, in a range the sore area tolerates): a shallow
# bodyweight split squat, the next stage's exercise, beside the knee's wall sit. A lift as
# hard as an exercise two stages on asks for what no held form takes back: a coach and
# physio found a lateral step-down, the knee's last stage, "shallow" in a stage-1 session
# (the one-legged lowering is the load, however far the knee bends), and a hamstring's
# single-leg Romanian deadlift beside its bridge holds. Such a lift gives way to its
# nearest easier variation within reach (`in_session`).
HELD_REACH = 1


def stages_ahead(protocol: CareProtocol, stage: int, exercise_id: str, catalogue: Catalogue) -> int:
    """How many stages past `stage` the lift runs: the latest stage that holds it or an
    easier variation of it (the catalogue's regressions, however far), less `stage`. A
    lift is at least as hard as that stage's exercise; 0 or less when no later stage
    holds it or anything easier (a goblet squat beside the wall sit it grew from)."""
    asks = {exercise_id, *catalogue.easier_than(exercise_id)}
    latest = max(
        (s.number for s in protocol.stages if any(i.exercise in asks for i in s.items)),
        default=0,
    )
    return latest - stage


# The problems whose last stage is itself a dose to keep three times a week (the Achilles
# protocol's heavy slow raises: Beyer et al. 2015): there a session's lift of the lead
# exercise's movement becomes it at the week's dose, so a strength day is a protocol day
# (a bent-knee heel drop 2 x 5 beside the stage is not).
# Shin splints too: its last stage is calf endurance (3 x 22 on one leg), and a session's
# heavy calf lift beside three routines loaded the calves five days a week (a coach's read).
LEAD_IN_SESSIONS = frozenset({"achilles", "achilles-insertional", "shin-splints"})
# The problems whose off-dose care lifts in a session do not count towards the week's
# dose: Beyer's heavy slow raises three times a week (a bent-knee heel drop 2 x 5 is not
# one). Their sessions' calf lifts still count as calf days for the spacing.
DOSE_ONLY = frozenset({"achilles", "achilles-insertional"})
# Beside another calf problem, the ones whose care decides a session's calf work: Achilles
# care's calf lift is its protocol's dose (heavy slow raises at the last stage: Beyer et
# al. 2015), and the shin protocol's raise for endurance in its place left the tendon a
# day short, while its early stages hold the calf below what the shin stages ask. Its
# calf lift serves the other calf problems too: one calf dose, not two competing ones.
CALF_OWNERS = frozenset({"achilles", "achilles-insertional"})
# the problems whose guarded lift, without a stage exercise of its own movement, takes the
# stage's exercise of another movement it guards (a lunge becomes the wall sit)
ANY_GUARDED_MOVEMENT = frozenset({"runners-knee"})
