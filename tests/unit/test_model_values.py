"""The model types' shared equality, hash and repr behave as dataclasses' own would."""

from __future__ import annotations

import copy
import pickle
from dataclasses import (
    MISSING,
    FrozenInstanceError,
    dataclass,
    field,
    fields,
    make_dataclass,
    replace,
)
from datetime import date, time

import pytest

from legday.model import Phase, Run, RunKind, Violation, Week, _Value, _value

# The same fields as `Run` (less `finish`, worked out from them), with the methods
# dataclasses generates.
GeneratedRun = make_dataclass(
    "GeneratedRun",
    [
        (f.name, f.type) if f.default is MISSING else (f.name, f.type, field(default=f.default))
        for f in fields(Run)
        if f.init
    ],
    frozen=True,
    slots=True,
)


RUNS = [
    Run(date(2027, 1, 5), "Intervals", RunKind.HARD, time(7), time(8), 60),
    Run(date(2027, 1, 5), "Intervals", RunKind.HARD, time(7), time(8), 60, source="a.ics:3"),
    Run(date(2027, 1, 6), "Easy run", RunKind.EASY),
]


def _twin(run: Run) -> object:
    return GeneratedRun(**{name: getattr(run, name) for name in GeneratedRun.__slots__})


def test_equality_hash_and_repr_match_generated_ones() -> None:
    for a in RUNS:
        assert repr(a) == repr(_twin(a)).replace("GeneratedRun(", "Run(", 1)
        assert hash(a) == hash(_twin(a))
        for b in RUNS:
            assert (a == b) == (_twin(a) == _twin(b))
            assert (a != b) == (_twin(a) != _twin(b))


def test_only_the_same_type_is_equal() -> None:
    run = RUNS[0]
    assert run != _twin(run)
    assert run != tuple(getattr(run, n) for n in GeneratedRun.__slots__)
    week = Week(date(2027, 1, 4), Phase.BASE, "note", 3)
    assert week != Violation("x", date(2027, 1, 4), "note")


def test_copies_pickles_and_replacements_stay_equal_and_frozen() -> None:
    run = RUNS[0]
    for other in (copy.copy(run), copy.deepcopy(run), pickle.loads(pickle.dumps(run))):
        assert other == run and hash(other) == hash(run)
    assert replace(run, title="Tempo") != run
    assert replace(replace(run, title="Tempo"), title="Intervals") == run
    with pytest.raises(FrozenInstanceError):
        run.title = "Tempo"  # type: ignore[misc]


def test_a_type_set_up_wrongly_is_refused_at_definition() -> None:
    with pytest.raises(TypeError, match="eq=False"):

        @_value
        @dataclass(frozen=True, slots=True)
        class Generated(_Value):
            a: int
            b: int

    with pytest.raises(TypeError, match="frozen"):

        @_value
        @dataclass(slots=True, eq=False, repr=False)
        class Thawed(_Value):
            a: int
            b: int
