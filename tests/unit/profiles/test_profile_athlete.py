"""Age, main event and the weights an athlete owns, from a profile file or flags, each
wrong value named in one line (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legday.errors import InputError
from legday.kit import kit_of
from legday.model import EVENTS, Equipment
from legday.profiles import build_profile, read_profile_file

START = date(2027, 1, 4)


def _profile(**values: Any) -> Any:
    return build_profile(values, default_start=START)


def test_nothing_given_keeps_the_defaults() -> None:
    athlete = _profile()
    assert athlete.age is None and athlete.event is None and not athlete.masters
    assert (athlete.dumbbells_kg, athlete.kettlebells_kg, athlete.plates_kg) == ((), (), ())
    assert athlete.bar_kg == 20.0
    assert athlete.body_kg is None


def test_a_profile_file_with_every_key(tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text(
        "age = 52\n"
        'event = "Trail"\n'
        'equipment = ["barbell"]\n'
        "dumbbells = [10, 4, 6, 8, 12.5, 10]\n"
        "kettlebells = [16, 12]\n"
        "plates = [10, 1.25, 10, 2.5, 5]\n"
        "bar = 15\n"
        "bodyweight = 61.5\n",
        encoding="utf-8",
    )
    athlete = build_profile(read_profile_file(path), default_start=START)
    assert athlete.age == 52 and athlete.masters
    assert athlete.event == "trail"
    assert athlete.dumbbells_kg == (4.0, 6.0, 8.0, 10.0, 12.5)  # one entry per weight
    assert athlete.kettlebells_kg == (12.0, 16.0)
    assert athlete.plates_kg == (1.25, 2.5, 5.0, 10.0, 10.0)  # two pairs of 10 kg
    assert athlete.bar_kg == 15.0
    assert athlete.body_kg == 61.5


def test_flags_are_comma_lists_and_a_trailing_kg_is_fine() -> None:
    athlete = _profile(
        age="35", dumbbells="4, 6,8kg,10 kg", kettlebells="12", bar="20kg", bodyweight="70 kg"
    )
    assert athlete.age == 35 and not athlete.masters
    assert athlete.body_kg == 70.0
    assert athlete.dumbbells_kg == (4.0, 6.0, 8.0, 10.0)
    assert athlete.kettlebells_kg == (12.0,)
    assert athlete.bar_kg == 20.0


def test_listing_weights_means_owning_the_implement() -> None:
    athlete = _profile(dumbbells=[8, 10], plates=[5])
    assert {Equipment.DUMBBELLS, Equipment.BARBELL} <= athlete.equipment
    assert Equipment.KETTLEBELL not in athlete.equipment
    kit = kit_of(athlete)
    assert kit.dumbbells == (8.0, 10.0)
    assert kit.barbell == (20.0, 30.0)  # the bar alone, or with the pair of 5 kg


def test_equipment_is_known_in_either_number() -> None:
    athlete = _profile(equipment=["Kettlebells", "dumbbell", "boxes", "bands", "step"])
    wanted = {Equipment.KETTLEBELL, Equipment.DUMBBELLS, Equipment.BOX, Equipment.BAND}
    assert wanted | {Equipment.STEP} <= athlete.equipment
    with pytest.raises(InputError, match="unknown equipment 'kettles'"):
        _profile(equipment=["kettles"])


def test_every_event_is_accepted() -> None:
    assert [_profile(event=event.upper()).event for event in EVENTS] == list(EVENTS)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"age": 9}, "age: 9 is not an age from 10 to 100 years"),
        ({"age": 101}, "age: 101 is not an age from 10 to 100 years"),
        ({"age": 40.5}, "age: 40.5 is not a whole number"),
        ({"age": "forty"}, "age: 'forty' is not a whole number"),
        ({"event": "ironman"}, "event: 'ironman' is not one of 5k, 10k, half, marathon, ultra,"),
        ({"event": 42}, "event: 42 is not one of 5k"),
        ({"dumbbells": "4,six,8"}, "dumbbells: 'six' is not a weight in kg above 0, like 12.5"),
        ({"dumbbells": [4, 0]}, "dumbbells: 0 is not a weight in kg above 0"),
        ({"dumbbells": [-2]}, "dumbbells: -2 is not a weight in kg above 0"),
        ({"dumbbells": [True]}, "dumbbells: true is not a weight in kg"),
        ({"dumbbells": "nan"}, "dumbbells: 'nan' is not a weight in kg"),
        ({"dumbbells": [120]}, "dumbbells: 120 kg is heavier than 100 kg; is it a typo?"),
        ({"dumbbells": 10}, "dumbbells: write a list of weights in kg like [4, 6, 8, 10] (got 10)"),
        ({"kettlebells": [150]}, "kettlebells: 150 kg is heavier than 100 kg"),
        ({"kettlebells": {"a": 1}}, "kettlebells: write a list of weights in kg like [12, 16]"),
        ({"plates": [25, 60]}, "plates: 60 kg is heavier than 50 kg"),
        ({"plates": [date(2027, 1, 1)]}, "plates: 2027-01-01 is not a weight in kg"),
        ({"bar": 4}, "bar: 4 kg is not a barbell from 5 to 30 kg"),
        ({"bar": "45"}, "bar: 45 kg is not a barbell from 5 to 30 kg"),
        ({"bar": "heavy"}, "bar: 'heavy' is not a weight in kg"),
        ({"bodyweight": 250}, "bodyweight: 250 kg is not a body weight from 30 to 200 kg"),
        ({"bodyweight": "light"}, "bodyweight: 'light' is not a weight in kg"),
    ],
)
def test_a_wrong_value_names_its_field_in_one_line(values: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError) as caught:
        _profile(**values)
    text = str(caught.value)
    assert text.startswith(message), text
    assert "\n" not in text
