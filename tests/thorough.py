"""How much a test does under the chosen Hypothesis profile (profiles: tests/conftest.py).

A count or a sample size written in a test is what the thorough ``ci`` profile runs. The fast
``dev`` profile runs a share of it, never below a floor that still exercises the code, so
``make test`` keeps every kind of test while ``make test-all`` and CI run them in full.
"""

from __future__ import annotations

import math
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from hypothesis import HealthCheck, settings

T = TypeVar("T")

PROFILES = ("dev", "ci")
THOROUGH_EXAMPLES = 100  # Hypothesis's own default: the `ci` profile
FAST_SHARE = 0.25  # the `dev` profile runs a quarter of every count
# A property that makes a whole plan per example (a season of sessions, tens of milliseconds
# or more) runs a tenth of its count under `dev`, at least PLAN_FLOOR: they were most of the
# planner tests' time in `make test`, and each dev run draws new athletes anyway.
PLAN_SHARE = 0.1
PLAN_FLOOR = 5


def profile_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """HYPOTHESIS_PROFILE when set; else `ci` on a CI runner (CI=true) and `dev` elsewhere."""
    chosen = environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        if chosen not in PROFILES:
            raise ValueError(f"HYPOTHESIS_PROFILE={chosen!r}: choose one of {', '.join(PROFILES)}")
        return chosen
    on_ci = environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
    return "ci" if on_ci else "dev"


def share() -> float:
    """The part of each thorough count that the loaded profile runs (1.0 under `ci`)."""
    return min(1.0, settings.default.max_examples / THOROUGH_EXAMPLES)


def is_thorough() -> bool:
    return share() >= 1.0


def examples(thorough: int, *, at_least: int = 10) -> int:
    """Hypothesis examples for a property whose thorough run is `thorough` examples."""
    return max(min(at_least, thorough), round(thorough * share()))


def plan_examples(thorough: int) -> int:
    """Hypothesis examples for a property that makes a whole plan in each example: all of
    `thorough` under `ci`, a tenth of it (at least PLAN_FLOOR) under `dev`."""
    if is_thorough():
        return thorough
    return max(min(PLAN_FLOOR, thorough), round(thorough * PLAN_SHARE))


def athletes(thorough: int) -> int:
    """How many of a module's seeded random athletes are planned: all `thorough` under
    `ci`; under `dev` a quarter, at least 10. The athletes are drawn in turn from a fixed
    seed, so the fast run plans the first of those the thorough run plans, the same ones
    every time: a test over them states its counts per athlete, not in total."""
    return examples(thorough)


def sample(items: Sequence[T], *, at_least: int = 3, key: Callable[[T], str] = str) -> list[T]:
    """All items under `ci`; under `dev`, the same share of them on every run and every xdist
    worker (chosen by a hash of each item's key, so adding an item does not reshuffle the rest),
    in their original order."""
    if is_thorough() or len(items) <= at_least:
        return list(items)
    keep = max(at_least, math.ceil(len(items) * share()))
    chosen = sorted(range(len(items)), key=lambda i: zlib.crc32(key(items[i]).encode()))[:keep]
    return [items[i] for i in sorted(chosen)]


if __name__ == "__main__":  # the Makefile asks which profile a run gets: one rule, here
    print(profile_from_environment())


def plan_property(thorough: int) -> settings:
    """Settings for a property that draws athletes and makes whole plans: `plan_examples` of
    `thorough`, no deadline (a plan takes tens of milliseconds) and no health check on slow
    or large draws (a calendar is many runs)."""
    return settings(
        max_examples=plan_examples(thorough),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
