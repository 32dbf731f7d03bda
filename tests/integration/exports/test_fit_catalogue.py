"""Every exercise in the real catalogue has a FIT category and name, and both resolve in
fit-tool and in Garmin's own profile: the watch shows its own name for every step."""

from __future__ import annotations

from garmin_fit_sdk import Profile

from legday.catalogue.loader import load_catalogue
from legday.exports.fit import fit_exercise


def test_every_catalogue_exercise_maps_to_the_garmin_profile() -> None:
    types: dict[str, dict[int, str]] = Profile["types"]
    mapped = 0
    for exercise in load_catalogue():
        assert exercise.fit_category and exercise.fit_name, f"{exercise.id}: no Garmin category"
        category, name = fit_exercise(exercise)
        assert category is not None, exercise.id
        assert name is not None, f"{exercise.id}: {exercise.fit_name} unknown to fit-tool"
        category_name = types["exercise_category"][category]
        assert category_name == exercise.fit_category.lower(), exercise.id
        assert types[f"{category_name}_exercise_name"][name] == exercise.fit_name.lower()
        mapped += 1
    assert mapped == len(load_catalogue())
