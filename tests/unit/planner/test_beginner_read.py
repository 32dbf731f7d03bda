"""A coach's read of a beginner's 10-week plan with bodyweight and a band (graded B):
after week 3 the only quad lift was the lateral lunge, the band was met once as the first
lift and never again as a step, every why said the same two clauses, and a one-week block
was told "week 1 of 1". `bench/beginner_read.py` counts each over random beginners
(docs/planner.md 3.21); these hold them over random athletes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Level, Muscle, Phase, Plan, Profile, Role, Run
from legday.planner import make_plan, words
from legday.planner.pools import band_loaded
from strategies import profiles, runs_for
from thorough import plan_property

PROPERTY = plan_property(40)
SQUAT_SLOT = frozenset({"squat", "lunge"})
OF_ONE = ("week 1 of 1", "block 1 of 1")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@st.composite
def banded_beginners(draw: st.DrawFn) -> tuple[Profile, list[Run]]:
    """A random beginner with bodyweight and a band (now and then a mat or a step),
    without problems to care for, planned for 8 to 14 weeks."""
    profile = draw(profiles(max_weeks=14))
    weeks = draw(st.integers(8, 14))
    extra = draw(st.sampled_from([(), (Equipment.MAT,), (Equipment.STEP,)]))
    kit = frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.BAND, *extra})
    profile = replace(
        profile, weeks=weeks, level=Level.BEGINNER, equipment=kit, injuries=(), event=None
    )
    return profile, draw(runs_for(profile.start, weeks))


def _plan(athlete: tuple[Profile, list[Run]], catalogue: Catalogue) -> Plan:
    profile, runs = athlete
    return make_plan(profile, runs, catalogue)


@PROPERTY
@given(athlete=banded_beginners())
def test_the_squat_slot_is_quad_work(
    athlete: tuple[Profile, list[Run]], catalogue: Catalogue
) -> None:
    """Each squat-slot anchor leads with the quads: a lateral or curtsy lunge (inner and
    outer thighs first) is no beginner's only quad lift for weeks."""
    plan = _plan(athlete, catalogue)
    for s in plan.sessions:
        for p in s.main:
            e = catalogue[p.exercise]
            if p.role is Role.ANCHOR and e.pattern in SQUAT_SLOT:
                assert e.muscles[0] is Muscle.QUADS, (s.day, p.exercise)


@PROPERTY
@given(athlete=banded_beginners())
def test_the_band_is_a_step_not_the_start(
    athlete: tuple[Profile, list[Run]], catalogue: Catalogue
) -> None:
    """A banded anchor comes after the plain lift it is the harder variation of, when the
    athlete's kit and level hold that lift: the band is a step of load, earned."""
    plan = _plan(athlete, catalogue)
    seen: set[str] = set()
    for s in plan.sessions:
        for p in s.main:
            e = catalogue[p.exercise]
            if p.role is Role.ANCHOR and band_loaded(e) and p.exercise not in seen:
                plain = [
                    b.id
                    for b in catalogue.doable(plan.equipment, plan.level, e.kind)
                    if e.id in b.progressions and not band_loaded(b) and b.pattern == e.pattern
                ]
                if plain:
                    assert seen & set(plain), (s.day, p.exercise, plain)
            seen.add(p.exercise)


def _clauses(why: str) -> list[str]:
    parts = why.removesuffix(".").split("; ")
    parts[0] = parts[0].partition(": ")[2]  # the weekday said apart
    return parts


@PROPERTY
@given(athlete=banded_beginners())
def test_whys_say_the_standing_things_once(
    athlete: tuple[Profile, list[Run]], catalogue: Catalogue
) -> None:
    """How the lifts build and the week's aim are said when a block starts or they change,
    not in every why; no why says "week 1 of 1"; and none of the whys of a block's
    training weeks is its block-mate's again (the weekday aside) when their lifts moved."""
    plan = _plan(athlete, catalogue)
    methods = [s for s in plan.sessions if any(c in words.METHOD_HOWS for c in _clauses(s.why))]
    blocks = {s.block for s in plan.sessions if s.block and s.lighter is None}
    assert len(methods) <= 2 * max(1, len(blocks)) + sum(
        s.lighter is not None for s in plan.sessions
    )
    for s in plan.sessions:
        assert not any(text in s.why for text in OF_ONE), s.why
    for w in plan.weeks:
        assert not any(text in w.note for text in OF_ONE), w.note
    aims = {}
    for s in plan.sessions:
        for clause in _clauses(s.why):
            if clause.startswith(f"{s.phase} week: ") and s.phase in (Phase.BASE, Phase.BUILD):
                aims.setdefault((s.block, clause), []).append(s.day)
    for days in aims.values():  # said once a block, not at each session
        weeks = {(d - plan.start).days // 7 for d in days}
        assert len(days) <= len(weeks), days


def test_a_one_week_block_is_not_counted() -> None:
    monday = date(2027, 1, 4)
    for plain in (True, False):
        said = words.why(monday, [], Phase.BASE, block=(3, 1, 1), plain=plain)
        assert "of 1" not in said and "block 3" not in said, said
    last = words.why(monday, [], Phase.BASE, block=(2, 3, 3), plain=True, lighter_next=True)
    assert "week 3 of 3 with the same main lifts, the last before a recovery week" in last


def test_said_once_drops_only_repeats() -> None:
    first = "Tuesday: a day without running; base week: x; " + words.BODYWEIGHT_HOW + "; 10 reps."
    why, said = words.said_once(first, Phase.BASE, 1, False, words.Said())
    assert why == first
    again, said = words.said_once(first.replace("Tuesday", "Friday"), Phase.BASE, 1, False, said)
    assert again == "Friday: a day without running; 10 reps."
    fresh, _ = words.said_once(first, Phase.BASE, 2, False, said)
    assert fresh == first
    light, _ = words.said_once(first, Phase.BASE, 2, True, said)
    assert words.BODYWEIGHT_HOW not in light
