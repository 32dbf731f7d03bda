"""The catalogue's one-legged exercises as a coach reviewed them, each with what makes it
one-legged: one leg stands, steps, hops, lands or drives the body on its own, as a leg
does in every running stride (the seed's reason for one-legged work). A split stance
counts when the front leg does the work and the back foot only steadies.

Not one-legged, though done on each side (`each_side`): foot drills (short foot, towel
scrunch), a seated ankle pull against a band, and side-lying lifts whose moving leg carries
nothing but itself (clamshells, side-lying raises, the side plank with leg lift). A coach
read a plan that counted a short foot and a side plank with leg lift as one-legged work.

tests/unit/catalogue/test_one_legged.py pins the catalogue to this list, and
bench/plain_words.py counts the plan's prescriptions tagged one-legged against it.
"""

from __future__ import annotations

STANDS = "stands on one leg"
SPLIT = "a split stance: the front leg does the work, the back foot steadies"
STEPS = "one leg steps up or lowers the body from a step"
HOPS = "takes off and lands on one leg"
BRIDGES = "one foot drives the hips up"

ONE_LEGGED: dict[str, str] = {
    # balance
    "knee-drive-balance": STANDS,
    "single-leg-clock": STANDS,
    "single-leg-cushion-eyes-closed": STANDS,
    "single-leg-reach": STANDS,
    "single-leg-stand": STANDS,
    "single-leg-stand-arm-swing": STANDS,
    "single-leg-stand-cushion": STANDS,
    "single-leg-stand-eyes-closed": STANDS,
    # plyometrics
    "bounding": HOPS,
    "hop-and-stick": HOPS,
    "lateral-bound-and-stick": HOPS,
    "single-leg-pogo-hops": HOPS,
    # bridges
    "marching-bridge": "each lift of a foot leaves the other to hold the hips up",
    "single-leg-glute-bridge": BRIDGES,
    "single-leg-hip-thrust": BRIDGES,
    # calves
    "banded-single-leg-calf-raise": STANDS,
    "bent-knee-eccentric-heel-drop": "the heel lowers on one leg",
    "eccentric-heel-drop": "the heel lowers on one leg",
    "single-leg-bent-knee-calf-raise": STANDS,
    "single-leg-calf-raise": STANDS,
    "single-leg-towel-heel-raise": STANDS,
    "towel-calf-raise": STANDS,
    # hinges
    "banded-single-leg-romanian-deadlift": STANDS,
    "kettlebell-single-leg-deadlift": STANDS,
    "kickstand-rdl": "the front leg carries the hinge, the back toes only steady it",
    "single-leg-romanian-deadlift": STANDS,
    "weighted-single-leg-romanian-deadlift": STANDS,
    # hips
    "hip-hike": "stands on one leg on a step and lifts the pelvis with that hip",
    "copenhagen-plank-long": "the top leg alone holds the body up",
    "copenhagen-plank-short": "the top leg alone holds the body up",
    "single-leg-slider-leg-curl": "one heel pulls the lifted hips along the floor",
    # lunges, split squats and step-ups
    "banded-split-squat": SPLIT,
    "box-step-up": STEPS,
    "curtsy-lunge": SPLIT,
    "dumbbell-reverse-lunge": SPLIT,
    "dumbbell-step-up": STEPS,
    "fast-step-up": STEPS,
    "forward-lunge": SPLIT,
    "forward-step-down": STEPS,
    "kettlebell-reverse-lunge": SPLIT,
    "lateral-lunge": "the body sits back over one bent leg, the other stays straight",
    "lateral-step-down": STEPS,
    "lateral-step-up": STEPS,
    "rear-foot-elevated-split-squat": SPLIT,
    "reverse-lunge": SPLIT,
    "split-squat": SPLIT,
    "step-up": STEPS,
    "supported-split-squat": SPLIT,
    # shins
    "single-leg-wall-toe-raise": "leans on a wall on one heel while its toes lift",
    # squats
    "pistol-squat": STANDS,
    "single-leg-box-squat": STANDS,
    "single-leg-lower-to-box": STANDS,
}

# Tagged one-legged until a coach's read (issue 13): what bench/plain_words.py counts in
# plans made before the fix.
WRONGLY_ONE_LEGGED = frozenset(
    {
        "band-dorsiflexion",
        "banded-clamshell",
        "clamshell",
        "short-foot",
        "side-lying-adduction",
        "side-lying-leg-raise",
        "side-plank-hip-abduction",
        "towel-scrunch",
    }
)
