"""Read the reviewed care protocols, refusing anything malformed.

Each `protocols/<condition>.toml` is checked against `schema.json`; then against the
catalogue: every exercise exists and is measured the way the protocol doses it (reps or
seconds). A bad protocol is a bug in our data, so it fails loudly with a one-line
`CatalogueError` naming the file and the field.
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib.resources import files
from typing import Any

from legday.care import CareItem, CareProtocol, CareStage, CareStep, Frequency
from legday.catalogue import Catalogue
from legday.errors import CatalogueError
from legday.model import Citation

__all__ = ["load_protocols", "read_protocol"]


def load_protocols(catalogue: Catalogue) -> dict[str, CareProtocol]:
    """Every protocol by condition, checked against this catalogue."""
    directory = files("legday.care") / "protocols"
    found: dict[str, CareProtocol] = {}
    for source in sorted(directory.iterdir(), key=lambda entry: entry.name):
        if source.name.endswith(".toml"):
            protocol = read_protocol(source.name, source.read_text(encoding="utf-8"))
            _check_exercises(source.name, protocol, catalogue)
            found[protocol.condition] = protocol
    return found


def read_protocol(name: str, text: str) -> CareProtocol:
    """One file: TOML, the schema, and its condition against its file name."""
    import fastjsonschema

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{name}: not valid TOML: {error}") from None
    try:
        _validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        field = (error.name or "data").removeprefix("data").lstrip(".") or "(file)"
        problem = error.message.removeprefix(error.name or "data").strip()
        if error.rule == "required" and isinstance(error.value, dict):
            missing = [key for key in error.rule_definition if key not in error.value]
            field, problem = (
                ".".join(p for p in (field.strip("(file)"), missing[0]) if p),
                "is required",
            )
        raise CatalogueError(f"{name}: {field}: {problem}") from None
    if document["condition"] != name.removesuffix(".toml"):
        raise CatalogueError(f"{name}: condition: must equal the file name")
    return _to_protocol(document)


@functools.cache
def _validator() -> Any:
    import fastjsonschema

    schema = json.loads((files("legday.care") / "schema.json").read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema)


def _to_protocol(document: dict[str, Any]) -> CareProtocol:
    return CareProtocol(
        condition=document["condition"],
        name=document["name"],
        summary=document["summary"],
        stages=tuple(
            CareStage(
                number=n,
                name=stage["name"],
                aim=stage["aim"],
                frequency=Frequency(stage["frequency"]),
                items=tuple(_item(item) for item in stage["items"]),
            )
            for n, stage in enumerate(document["stages"], start=1)
        ),
        advance_after_weeks=document["advance_after_weeks"],
        max_pain=document["max_pain"],
        lightest=tuple(_item(item) for item in document["lightest"]),
        lightest_daily=document["lightest_daily"],
        citations=tuple(
            Citation(c["source"], c["year"], c["note"], c.get("doi", ""))
            for c in document["citations"]
        ),
    )


def _item(item: dict[str, Any]) -> CareItem:
    return CareItem(
        exercise=item["exercise"],
        sets=item["sets"],
        reps=item.get("reps"),
        seconds=item.get("seconds"),
        load=item.get("load", "bodyweight"),
        tempo=item.get("tempo", ""),
        rest_seconds=item.get("rest_seconds", 60),
        two_legs_load=item.get("two_legs_load"),
        steps=tuple(
            CareStep(
                week=step["week"],
                sets=step["sets"],
                reps=step.get("reps"),
                seconds=step.get("seconds"),
                load=step.get("load", ""),
            )
            for step in item.get("steps", ())
        ),
    )


def _check_exercises(name: str, protocol: CareProtocol, catalogue: Catalogue) -> None:
    items = [*protocol.lightest, *(i for stage in protocol.stages for i in stage.items)]
    for item in items:
        exercise = catalogue.get(item.exercise)
        if exercise is None:
            raise CatalogueError(f"{name}: exercise: unknown catalogue id {item.exercise!r}")
        holds = exercise.measure == "seconds"
        doses = [(item.reps, item.seconds), *((s.reps, s.seconds) for s in item.steps)]
        if any(
            holds != (seconds is not None) or holds == (reps is not None) for reps, seconds in doses
        ):
            measure = "seconds" if holds else "reps"
            raise CatalogueError(f"{name}: {item.exercise}: the catalogue doses it in {measure}")
        weeks = [step.week for step in item.steps]
        if weeks != sorted(set(weeks)) or (weeks and weeks[0] < 2):
            raise CatalogueError(
                f"{name}: {item.exercise}: steps: weeks must rise from week 2 (week 1 is the item)"
            )
