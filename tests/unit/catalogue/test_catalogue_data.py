"""The packaged catalogue gives the planner what the SPEC rules need, for every athlete."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from legday.catalogue import Catalogue
from legday.catalogue.loader import data_directory, load_catalogue
from legday.model import ALWAYS_AT_HAND, INJURIES, Equipment, ExerciseKind, Level, Muscle

DATA = Path(str(data_directory()))
K = ExerciseKind


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_file_names_are_ids_and_unique() -> None:
    ids = [tomllib.loads(p.read_text("utf-8"))["id"] for p in sorted(DATA.glob("*.toml"))]
    assert ids == [p.stem for p in sorted(DATA.glob("*.toml"))]
    assert len(ids) == len(set(ids))
    assert not [p for p in DATA.iterdir() if p.suffix != ".toml"]


def test_size_and_every_kind_present(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 75
    assert {e.kind for e in catalogue} == set(ExerciseKind)


def test_links_exist_and_never_point_home(catalogue: Catalogue) -> None:
    for e in catalogue:
        for other in (*e.regressions, *e.progressions):
            assert other in catalogue, (e.id, other)
            assert other != e.id
        assert not set(e.regressions) & set(e.progressions), e.id


def test_easier_harder_order_has_no_loops(catalogue: Catalogue) -> None:
    """A regression is easier and a progression harder; following "easier" must end."""
    easier: dict[str, set[str]] = {e.id: set(e.regressions) for e in catalogue}
    for e in catalogue:
        for harder in e.progressions:
            easier[harder].add(e.id)
    reachable: dict[str, set[str]] = {}

    def below(node: str, path: tuple[str, ...]) -> set[str]:
        assert node not in path, f"loop: {' > '.join((*path, node))}"
        if node not in reachable:
            found: set[str] = set()
            for child in easier[node]:
                found |= {child} | below(child, (*path, node))
            reachable[node] = found
        return reachable[node]

    for e in catalogue:
        assert e.id not in below(e.id, ())


def test_easier_than_follows_every_link_down(catalogue: Catalogue) -> None:
    """`Catalogue.easier_than`: what a regression or a "progresses to" link makes easier,
    however many links away (the composer never hands an anchor back down to them)."""
    banded = catalogue.easier_than("banded-split-squat")
    assert {"split-squat", "supported-split-squat"} <= banded
    assert "banded-split-squat" not in catalogue.easier_than("split-squat")
    for e in catalogue:
        below = catalogue.easier_than(e.id)
        assert e.id not in below
        for easier in e.regressions:
            assert easier in below and catalogue.easier_than(easier) <= below
        for harder in e.progressions:
            assert below | {e.id} <= catalogue.easier_than(harder)


def test_trainable_exercises_have_somewhere_to_go(catalogue: Catalogue) -> None:
    for e in catalogue.of_kind(K.STRENGTH, K.BALANCE, K.PLYOMETRIC):
        assert e.regressions or e.progressions, e.id


def test_the_seeds_care_exercises_exist(catalogue: Catalogue) -> None:
    """shin splints: calf raises (straight and bent knee) and the wall toe raise."""
    toe = catalogue["wall-toe-raise"]
    assert toe.muscles[0] is Muscle.SHINS
    assert "shin-splints" in toe.injury_care
    assert Equipment.WALL in toe.equipment
    shin = catalogue.for_injury("shin-splints")
    calf_ids = {e.id for e in shin if e.muscles[0] is Muscle.CALVES}
    assert {"calf-raise", "bent-knee-calf-raise"} <= calf_ids
    knee = catalogue.for_injury("runners-knee")
    assert {e.muscles[0] for e in knee} >= {Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.HIP_ABDUCTORS}


@pytest.mark.parametrize("injury", list(INJURIES))
def test_every_injury_has_care_with_evidence(catalogue: Catalogue, injury: str) -> None:
    care = catalogue.for_injury(injury)
    assert len(care) >= 2
    assert len({m for e in care for m in e.muscles}) >= 2
    for e in care:
        assert e.evidence, e.id
        for citation in e.evidence:
            assert 1950 <= citation.year <= 2100
            assert citation.source and citation.note
            assert not citation.doi or citation.doi.startswith("10.")


def test_care_is_doable_for_a_beginner_with_little_kit(catalogue: Catalogue) -> None:
    """The two seed injuries must never leave a bodyweight beginner without an exercise."""
    for injury in ("shin-splints", "runners-knee"):
        doable = [
            e
            for e in catalogue.for_injury(injury)
            if set(e.equipment) <= ALWAYS_AT_HAND and e.level is Level.BEGINNER
        ]
        assert len(doable) >= 2, injury


@pytest.mark.parametrize(
    "muscle",
    [
        Muscle.QUADS,
        Muscle.HAMSTRINGS,
        Muscle.GLUTES,
        Muscle.CALVES,
        Muscle.HIP_ABDUCTORS,
        Muscle.CORE,
    ],
)
def test_bodyweight_beginner_has_strength_choices(catalogue: Catalogue, muscle: Muscle) -> None:
    doable = catalogue.doable(frozenset(), Level.BEGINNER, K.STRENGTH)
    assert len([e for e in doable if muscle in e.muscles]) >= 2


def test_bodyweight_beginner_has_balance_warmup_and_stretches(catalogue: Catalogue) -> None:
    at_hand: frozenset[Equipment] = frozenset()
    assert len(catalogue.doable(at_hand, Level.BEGINNER, K.BALANCE)) >= 3
    assert len(catalogue.doable(at_hand, Level.BEGINNER, K.WARMUP)) >= 4
    assert len(catalogue.doable(at_hand, Level.BEGINNER, K.STRETCH)) >= 6
    assert catalogue.doable(at_hand, Level.BEGINNER, K.CARDIO)


def test_every_equipment_item_and_level_offers_choices(catalogue: Catalogue) -> None:
    used = Counter(item for e in catalogue for item in e.equipment)
    for item in Equipment:
        if item is not Equipment.MACHINE:  # runners rarely have one; nothing needs it
            assert used[item] >= 2, item
    levels = Counter(e.level for e in catalogue.of_kind(K.STRENGTH))
    assert all(levels[level] >= 5 for level in Level)


def test_light_jog_is_the_timed_cardio_warmup(catalogue: Catalogue) -> None:
    jog = catalogue["light-jog"]
    assert jog.kind is K.CARDIO
    assert jog.measure == "minutes"


# the movement patterns where a leg can work alone: a squat, a lunge, a hinge, a bridge, a
# calf raise, a hamstring curl (hip, foot and shin drills are one-legged only sometimes)
LEG_PATTERNS = ("squat", "lunge", "hinge", "bridge", "calf", "knee-flexion")


def test_at_least_half_of_leg_strength_is_one_legged(catalogue: Catalogue) -> None:
    """The `one-legged` target is half of a session's lower-body strength work; the leg
    patterns that make most of it offer one-legged versions at least as often."""
    legs = [e for e in catalogue.of_kind(K.STRENGTH) if e.pattern in LEG_PATTERNS]
    assert sum(e.unilateral for e in legs) * 2 >= len(legs)


@pytest.mark.parametrize("pattern", LEG_PATTERNS)
def test_every_leg_pattern_has_a_one_legged_version(catalogue: Catalogue, pattern: str) -> None:
    assert any(e.unilateral for e in catalogue.of_kind(K.STRENGTH) if e.pattern == pattern)


def test_plyometrics_are_low_level_and_stick_their_landings(catalogue: Catalogue) -> None:
    for e in catalogue.of_kind(K.PLYOMETRIC):
        text = " ".join(e.cues.as_list()).lower()
        assert any(word in text for word in ("stick", "freeze", "hold")), e.id
        assert "bounc" not in e.cues.movement.lower() or "no bounc" in text, e.id


def test_cues_are_specific_to_each_exercise(catalogue: Catalogue) -> None:
    for field in ("setup", "movement", "range"):
        seen = Counter(getattr(e.cues, field) for e in catalogue)
        assert [cue for cue, n in seen.items() if n > 1] == [], field


def test_breathing_cues_say_when_to_breathe_out(catalogue: Catalogue) -> None:
    """`movement-quality`: breathe out on the effort; holds and drills: never hold the breath."""
    for e in catalogue:
        text = e.cues.breathing.lower()
        assert "breath" in text or "exhal" in text, e.id
        effort = e.kind in {K.STRENGTH, K.PLYOMETRIC} and e.measure == "reps"
        if effort:
            assert "out" in text or "exhal" in text, e.id
        else:
            assert "out" in text or "exhal" in text or "hold" in text, e.id


def test_fit_names_exist_in_the_garmin_profile(catalogue: Catalogue) -> None:
    profile = pytest.importorskip("garmin_fit_sdk").Profile["types"]
    categories = set(profile["exercise_category"].values())
    for e in catalogue:
        if not e.fit_category:
            assert not e.fit_name, e.id
            continue
        category = e.fit_category.lower()
        assert category in categories, e.id
        assert e.fit_name.lower() in profile[f"{category}_exercise_name"].values(), e.id


def test_main_block_exercises_have_a_garmin_category(catalogue: Catalogue) -> None:
    """The watch files each main-block exercise under a real Garmin category (the closest
    one when the Profile has no exact name), so training stats count it."""
    missing = [
        e.id for e in catalogue.of_kind(K.STRENGTH, K.BALANCE, K.PLYOMETRIC) if not e.fit_name
    ]
    assert missing == []


def test_strength_has_a_pattern_and_plyometrics_a_stage(catalogue: Catalogue) -> None:
    """The composer picks anchors by pattern and climbs the plyometric ladder by stage."""
    for e in catalogue:
        assert bool(e.pattern) == (e.kind is K.STRENGTH), e.id
        assert bool(e.stage) == (e.kind is K.PLYOMETRIC), e.id
    stages = Counter(e.stage for e in catalogue.of_kind(K.PLYOMETRIC))
    assert all(stages[stage] >= 2 for stage in (1, 2, 3)), stages


def test_main_block_reps_lower_slowly(catalogue: Catalogue) -> None:
    """`movement-quality`: at least 2 s on the way down (or into a landing), no bouncing."""
    for e in catalogue.of_kind(K.STRENGTH, K.BALANCE, K.PLYOMETRIC):
        if e.measure == "reps":
            assert int(e.tempo[0]) >= 2, (e.id, e.tempo)
