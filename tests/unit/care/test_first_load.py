"""Each loaded care item says where its load starts (`first_load`), as a physio writes it:
a coach and physio found runner's knee's single-leg box squat going from bodyweight
straight to 10 kg in each hand, the athlete's lifting start, where rehabilitation adds the
lightest weight to bodyweight work. Heavy slow resistance for the Achilles starts near a
15-rep maximum by design (Beyer 2015): at the lift's start for the athlete's level."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from legday.care import FirstLoad
from legday.care.loader import _check_exercises, load_protocols, read_protocol
from legday.catalogue.loader import load_catalogue
from legday.errors import CatalogueError

CATALOGUE = load_catalogue()
PROTOCOLS = load_protocols(CATALOGUE)
# what the evidence says of each loaded item's start
STARTS = {
    ("achilles", "heavy-slow-calf-raise"): FirstLoad.LEVEL,
    ("achilles", "seated-calf-raise"): FirstLoad.LEVEL,
    ("achilles-insertional", "single-leg-calf-raise"): FirstLoad.LEVEL,
    ("achilles-insertional", "seated-calf-raise"): FirstLoad.LEVEL,
    ("runners-knee", "split-squat"): FirstLoad.LIGHTEST,
    ("runners-knee", "step-up"): FirstLoad.LIGHTEST,
    ("runners-knee", "single-leg-box-squat"): FirstLoad.LIGHTEST,
    ("hamstring", "single-leg-romanian-deadlift"): FirstLoad.LIGHTEST,
    ("plantar-fascia", "single-leg-towel-heel-raise"): FirstLoad.LIGHTEST,
}


def _text(condition: str) -> str:
    return (files("legday.care") / "protocols" / f"{condition}.toml").read_text(encoding="utf-8")


def _loaded(item: dict[str, object]) -> bool:
    steps = item.get("steps", [])
    assert isinstance(steps, list)
    return bool(item.get("loaded")) or any(step.get("loaded") for step in steps)


def test_every_loaded_item_says_where_its_load_starts_as_the_evidence_does() -> None:
    """Written in the file, on every loaded item and only there; the values as
    `STARTS` (every loaded item of every protocol is in it)."""
    found = {}
    for condition in PROTOCOLS:
        document = tomllib.loads(_text(condition))
        for stage in document["stages"]:
            for item in stage["items"]:
                assert _loaded(item) == ("first_load" in item), (condition, item["exercise"])
                if "first_load" in item:
                    found[condition, item["exercise"]] = FirstLoad(item["first_load"])
        assert not any("first_load" in item for item in document["lightest"]), condition
    assert found == STARTS


def test_the_loader_keeps_first_load_to_loaded_items_and_one_start_an_exercise() -> None:
    text = _text("runners-knee")
    missing = text.replace('first_load = "lightest"\n', "", 1)
    with pytest.raises(CatalogueError, match=r"items\[0\]\.first_load: is required"):
        read_protocol("runners-knee.toml", missing)
    unloaded = text.replace(
        'exercise = "wall-sit"\nsets = 4', 'exercise = "wall-sit"\nfirst_load = "level"\nsets = 4'
    )
    with pytest.raises(CatalogueError, match=r"first_load: is for an item loaded"):
        read_protocol("runners-knee.toml", unloaded)
    plantar = _text("plantar-fascia")  # the towel raise, loaded in stages 2 and 3
    head, _, tail = plantar.rpartition('first_load = "lightest"')
    mixed = f'{head}first_load = "level"{tail}'
    with pytest.raises(CatalogueError, match="first_load: the same in every stage"):
        protocol = read_protocol("plantar-fascia.toml", mixed)
        _check_exercises("plantar-fascia.toml", protocol, CATALOGUE)
