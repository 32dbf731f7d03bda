"""schema.json is strict and says exactly what model.py says (STYLE practice 9)."""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from legday.catalogue.loader import data_directory
from legday.model import INJURIES, Equipment, ExerciseKind, Level, Muscle

DATA = Path(str(data_directory()))
SCHEMA: dict[str, Any] = json.loads((DATA.parent / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
FILES = sorted(DATA.glob("*.toml"))


def _walk(node: Any) -> list[dict[str, Any]]:
    """Every sub-schema (object) in the schema, depth first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_walk(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk(value))
    return found


def _good() -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads((DATA / "wall-toe-raise.toml").read_text("utf-8")))


def test_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_object_schema_is_closed_and_items_is_a_schema() -> None:
    for sub in _walk(SCHEMA):
        if sub.get("type") == "object":
            assert sub.get("additionalProperties") is False, sub
        if "items" in sub:
            assert isinstance(sub["items"], dict), "items as a list checks only the first element"


def test_enums_match_the_model_exactly() -> None:
    props = SCHEMA["properties"]
    assert props["kind"]["enum"] == [k.value for k in ExerciseKind]
    assert props["muscles"]["items"]["enum"] == [m.value for m in Muscle]
    assert props["equipment"]["items"]["enum"] == [e.value for e in Equipment]
    assert props["level"]["enum"] == [level.value for level in Level]
    assert props["measure"]["enum"] == ["reps", "seconds", "minutes"]
    assert props["injury_care"]["items"]["enum"] == list(INJURIES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_file_validates_with_jsonschema(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "cardio-ish"}, "kind"),
        ({"muscles": ["quads", "legs"]}, "muscles"),
        ({"muscles": []}, "muscles"),
        ({"equipment": ["sofa"]}, "equipment"),
        ({"id": "Wall_Toe_Raise"}, "id"),
        ({"id": "wall--toe"}, "id"),
        ({"tempo": "3-1"}, "tempo"),
        ({"tempo": "X-1-2"}, "tempo"),
        ({"tempo": "2-1-X"}, "tempo"),  # explosive only for plyometrics
        ({"injury_care": ["sore-toe"]}, "injury_care"),
        ({"regressions": ["Not An Id"]}, "regressions"),
        ({"surprise": True}, ""),
        ({"fit": {"category": "squat", "name": "AIR_SQUAT"}}, "fit"),
        ({"fit": {"category": "SQUAT"}}, "fit"),
    ],
)
def test_schema_rejects(change: dict[str, Any], field: str) -> None:
    document = _good() | change
    errors = list(VALIDATOR.iter_errors(document))
    assert errors, change
    assert any(field in ".".join(map(str, e.absolute_path)) for e in errors)


def test_schema_rejects_unknown_cue_and_missing_cue() -> None:
    extra = _good()
    extra["cues"]["music"] = "something loud"
    assert list(VALIDATOR.iter_errors(extra))
    missing = _good()
    del missing["cues"]["lockout"]
    assert list(VALIDATOR.iter_errors(missing))


def test_injury_care_needs_evidence() -> None:
    document = _good()
    del document["evidence"]
    assert list(VALIDATOR.iter_errors(document))
    document["injury_care"] = []
    assert not list(VALIDATOR.iter_errors(document))


def test_plyometrics_may_be_explosive_when_lifting_only() -> None:
    document = _good() | {"kind": "plyometric", "tempo": "1-2-X"}
    assert not list(VALIDATOR.iter_errors(document))
    document["tempo"] = "X-2-1"
    assert list(VALIDATOR.iter_errors(document))
