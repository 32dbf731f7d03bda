"""Read the reviewed exercise files into a `Catalogue`, refusing anything malformed.

Each `data/<id>.toml` is checked against `schema.json` (fastjsonschema, compiled once), then
the set as a whole: ids equal file names and are unique, every regression and progression
exists and the easier/harder links never loop, and every injury-care claim carries evidence.
A bad entry is a bug in our data, not the user's, so it fails loudly with a one-line
`CatalogueError` naming the file and the field.
"""

from __future__ import annotations

import functools
import json
import tomllib
from collections.abc import Callable, Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import fastjsonschema

from legday.catalogue import Catalogue
from legday.errors import CatalogueError
from legday.model import (
    Citation,
    Cues,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Picture,
    Pose,
    Prop,
)

__all__ = ["data_directory", "load_catalogue", "load_directory", "read_exercise"]

_PACKAGE = "legday.catalogue"
_Validator = Callable[[Any], Any]


def data_directory() -> Traversable:
    """Where the packaged exercise files live (works from a wheel as well as a checkout)."""
    return files(_PACKAGE) / "data"


@functools.cache
def load_catalogue() -> Catalogue:
    """The packaged catalogue, read and checked once per process."""
    return load_directory(data_directory())


def load_directory(directory: Traversable) -> Catalogue:
    """Read every `*.toml` in `directory` and check the entries against each other."""
    sources = sorted(
        (entry for entry in directory.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )
    return _cross_check((source.name, read_exercise(source)) for source in sources)


def read_exercise(source: Traversable) -> Exercise:
    """One file: TOML syntax, the schema, and its id against its file name."""
    name = source.name
    try:
        document = tomllib.loads(source.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{name}: not valid TOML: {error}") from None
    try:
        _fast_validator()(document)
    except fastjsonschema.JsonSchemaException:
        field, problem = _explain(document)
        raise CatalogueError(f"{name}: {field}: {problem}") from None
    stem = name.removesuffix(".toml")
    if document["id"] != stem:
        raise CatalogueError(f"{name}: id: {document['id']!r} must equal the file name {stem!r}")
    return _to_exercise(document)


def _cross_check(entries: Iterable[tuple[str, Exercise]]) -> Catalogue:
    """Checks that need the whole set: unique ids, links that exist, no loops, evidence."""
    by_id: dict[str, tuple[str, Exercise]] = {}
    for name, exercise in entries:
        if exercise.id in by_id:
            raise CatalogueError(
                f"{name}: id: {exercise.id!r} is already used by {by_id[exercise.id][0]}"
            )
        by_id[exercise.id] = (name, exercise)
    for name, exercise in by_id.values():
        for field, linked in (
            ("regressions", exercise.regressions),
            ("progressions", exercise.progressions),
        ):
            for other in linked:
                if other == exercise.id:
                    raise CatalogueError(f"{name}: {field}: an exercise cannot list itself")
                if other not in by_id:
                    raise CatalogueError(f"{name}: {field}: unknown exercise id {other!r}")
        if exercise.injury_care and not exercise.evidence:
            raise CatalogueError(f"{name}: evidence: injury_care needs at least one citation")
    _check_no_loops(by_id)
    return Catalogue(exercise for _, exercise in by_id.values())


def _check_no_loops(by_id: dict[str, tuple[str, Exercise]]) -> None:
    """`A regresses to B` and `B progresses to A` both say A is harder; that order must not loop."""
    easier: dict[str, set[str]] = {key: set() for key in by_id}
    for key, (_, exercise) in by_id.items():
        easier[key].update(exercise.regressions)
        for harder in exercise.progressions:
            easier[harder].add(key)
    finished: set[str] = set()

    def visit(path: list[str]) -> None:
        for child in sorted(easier[path[-1]]):
            if child in path:
                loop = " > ".join([*path[path.index(child) :], child])
                name = by_id[child][0]
                raise CatalogueError(f"{name}: regressions: easier/harder links loop ({loop})")
            if child not in finished:
                visit([*path, child])
        finished.add(path[-1])

    for key in sorted(easier):
        if key not in finished:
            visit([key])


@functools.cache
def _schema() -> dict[str, Any]:
    text = files(_PACKAGE).joinpath("schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _fast_validator() -> _Validator:
    """Compiled once, without error details: that halves the compile time on every start."""
    validator: _Validator = fastjsonschema.compile(_schema(), detailed_exceptions=False)
    return validator


@functools.cache
def _detailed_validator() -> _Validator:
    """Only compiled when a file is already known to be bad, to say precisely why."""
    validator: _Validator = fastjsonschema.compile(_schema())
    return validator


def _explain(document: Any) -> tuple[str, str]:
    """The dotted field and the problem, for a document the fast validator rejected."""
    try:
        _detailed_validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        where = (error.name or "data").removeprefix("data").lstrip(".")
        problem = error.message.removeprefix(error.name or "data").strip()
        if error.rule in {"required", "additionalProperties"} and isinstance(error.value, dict):
            if error.rule == "required":
                keys = [key for key in error.rule_definition if key not in error.value]
                problem = "is required"
            else:
                allowed = set(error.definition.get("properties", {}))
                keys = sorted(key for key in error.value if key not in allowed)
                problem = "is not a known field"
            where = ".".join(part for part in (where, keys[0] if keys else "") if part)
        return where or "(file)", problem
    return "(file)", "does not match schema.json"


def _to_exercise(document: dict[str, Any]) -> Exercise:
    """A validated document as the frozen model type the planner uses."""
    fit = document.get("fit", {})
    return Exercise(
        id=document["id"],
        name=document["name"],
        kind=ExerciseKind(document["kind"]),
        muscles=tuple(Muscle(muscle) for muscle in document["muscles"]),
        unilateral=document["unilateral"],
        balance=document["balance"],
        equipment=tuple(Equipment(item) for item in document["equipment"]),
        level=Level(document["level"]),
        tempo=document["tempo"],
        cues=Cues(**document["cues"]),
        measure=document["measure"],
        regressions=tuple(document["regressions"]),
        progressions=tuple(document["progressions"]),
        injury_care=tuple(document["injury_care"]),
        evidence=tuple(
            Citation(
                source=item["source"], year=item["year"], note=item["note"], doi=item.get("doi", "")
            )
            for item in document.get("evidence", ())
        ),
        description=document["description"],
        loadable=document["loadable"],
        fit_category=fit.get("category", ""),
        fit_name=fit.get("name", ""),
        picture=_to_picture(document["picture"]) if "picture" in document else None,
    )


_POSE_KEYS = frozenset({"name", "lift", "shift"})


def _to_picture(table: dict[str, Any]) -> Picture:
    """The `[picture]` table as written; angles stay raw so loading does no geometry."""
    return Picture(
        view=table["view"],
        poses=tuple(
            Pose(
                name=pose["name"],
                angles=tuple(
                    (key, float(value)) for key, value in pose.items() if key not in _POSE_KEYS
                ),
                lift=float(pose.get("lift", 0.0)),
                shift=float(pose.get("shift", 0.0)),
            )
            for pose in table["poses"]
        ),
        props=tuple(
            Prop(kind=item) if isinstance(item, str) else Prop(**item)
            for item in table.get("props", ())
        ),
        working_side=table.get("working_side"),
        anchor=table.get("anchor", ""),
        base=table.get("base", "floor"),
        first_move=table.get("first_move", "lower"),
        motion=table.get("motion", "back-and-forth"),
    )
