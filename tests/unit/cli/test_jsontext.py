"""Indented JSON: plan documents exactly as `json.dumps(indent=2)` writes them, and any
JSON document read back unchanged."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from enum import StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.exports.jsontext import dumps_indented
from legday.exports.plan_json import plan_to_json
from legday.model import Equipment, Profile, Run, RunKind
from legday.planner import make_plan

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def test_plan_documents_are_written_as_the_standard_library_writes_them() -> None:
    start = date(2027, 1, 4)
    runs = [
        Run(start + timedelta(days=d), title, kind, time(7), time(8), 60)
        for week in range(8)
        for d, title, kind in (
            (7 * week + 1, "Intervals 6 x 800 m", RunKind.HARD),
            (7 * week + 3, "Easy run", RunKind.EASY),
            (7 * week + 6, "Long run", RunKind.LONG),
        )
    ]
    for seed in range(3):
        profile = Profile(
            start,
            weeks=8,
            seed=seed,
            injuries=("shin-splints",),
            equipment=frozenset({Equipment.DUMBBELLS, Equipment.STEP}),
        )
        document = plan_to_json(make_plan(profile, runs, load_catalogue()))
        assert dumps_indented(document) == standard(document)


@given(documents)
def test_any_json_document_reads_back_unchanged(value: Any) -> None:
    assert json.loads(dumps_indented(value)) == value


class Colour(StrEnum):
    RED = "red"


def test_values_orjson_refuses_go_to_the_standard_library() -> None:
    for value in ({1: "a", None: [True]}, [2**70], {"é": "ü\n\u2028\ud800"}):
        assert dumps_indented(value) == standard(value)
    assert json.loads(dumps_indented({"kind": Colour.RED})) == {"kind": "red"}
