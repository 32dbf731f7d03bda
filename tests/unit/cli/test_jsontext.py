"""The fast indented JSON writer gives exactly what `json.dumps(indent=2)` gives."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from legday.cli.jsontext import dumps_indented

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@given(documents)
def test_any_json_document_is_written_as_the_standard_library_writes_it(value: Any) -> None:
    assert dumps_indented(value) == standard(value)


class Colour(StrEnum):
    RED = "red"


def test_values_it_does_not_know_go_to_the_standard_library() -> None:
    for value in (
        {"kind": Colour.RED},
        {1: "a", None: [True]},
        [1.5, float("nan"), float("-inf")],
        [(1, 2)],
        {"deep": [[[[{"x": ""}]]]], "é": "ü\n\u2028\ud800"},
    ):
        assert dumps_indented(value) == standard(value)
