"""A plan file from anywhere either reads or fails with a PlanFileError, never a crash."""

from __future__ import annotations

import copy
import json
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.errors import PlanFileError
from legday.exports.plan_json import plan_from_json, plan_to_json, read_plan_file
from legday.model import Profile, Run, RunKind
from legday.planner import make_plan
from mini_catalogue import mini_catalogue
from thorough import examples

pytestmark = pytest.mark.slow  # fuzzing

MONDAY = date(2027, 1, 4)
FUZZ = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _valid() -> dict[str, Any]:
    runs = [
        Run(MONDAY + timedelta(days=1), "Intervals", RunKind.HARD, time(18), time(19)),
        Run(MONDAY + timedelta(days=2), "Swim", RunKind.REST, time(7), time(8), busy=True),
    ]
    plan = make_plan(
        Profile(start=MONDAY, weeks=3, injuries=("shin-splints",)), runs, mini_catalogue()
    )
    return plan_to_json(plan)


VALID = _valid()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(VALID)[1:]


def _reads_or_refuses(data: Any) -> None:
    try:
        plan_from_json(data, "fuzz.json")
    except PlanFileError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.json")


@FUZZ
@given(JSON_VALUES)
def test_any_json_value(data: Any) -> None:
    _reads_or_refuses(data)


@FUZZ
@given(st.sampled_from(PATHS), JSON_VALUES)
def test_a_valid_plan_with_one_field_replaced(path: tuple[Any, ...], value: Any) -> None:
    data = copy.deepcopy(VALID)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    _reads_or_refuses(data)


@FUZZ
@given(st.sampled_from(PATHS))
def test_a_valid_plan_with_one_field_removed(path: tuple[Any, ...]) -> None:
    data = copy.deepcopy(VALID)
    node = data
    for key in path[:-1]:
        node = node[key]
    if isinstance(node, dict):
        del node[path[-1]]
    _reads_or_refuses(data)


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_file(tmp_path_factory: Any, blob: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("plans")) / "plan.json"
    path.write_bytes(blob)
    try:
        read_plan_file(path)
    except PlanFileError as error:
        assert "\n" not in str(error) and "plan.json" in str(error)


def test_deep_nesting_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    try:
        read_plan_file(path)
    except PlanFileError as error:
        assert "deep.json" in str(error)


def test_valid_plan_reads_back() -> None:
    plan = plan_from_json(json.loads(json.dumps(VALID)), "valid.json")
    assert plan_to_json(plan)["days"] == VALID["days"]
