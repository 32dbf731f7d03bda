"""Hostile plan JSON (issue 16): `check` and every export answer one line and exit 2.

The reproductions of the adversarial run are `tests/fixtures/hostile/plans.json`: a path
into a planner-made plan (`"S"`: the first day with strength, `"R"`: the first with a run)
and the raw JSON text put there, so NaN, Infinity, giant integers and lone surrogates reach
the reader as a file would carry them. The property test puts hostile values anywhere and
holds that what the reader accepts, `check` and every export can write.
"""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.cli import main
from legday.errors import LegdayError, PlanFileError
from legday.exports.plan_json import plan_to_json, read_plan_file
from legday.model import Profile, Run, RunKind
from legday.planner import make_plan

FIXTURE = Path(__file__).parents[2] / "fixtures" / "hostile" / "plans.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
MONDAY = date(2027, 1, 4)
MARK = "\u2603hostile\u2603"  # a placeholder the raw text replaces


@cache
def _valid_text() -> str:
    runs = [
        Run(MONDAY + timedelta(days=1), "Intervals", RunKind.HARD, time(18), time(19), 60),
        Run(MONDAY + timedelta(days=5), "Long run", RunKind.LONG, time(8), time(10), 120),
    ]
    profile = Profile(start=MONDAY, weeks=3, injuries=("shin-splints",), equipment=frozenset())
    return json.dumps(plan_to_json(make_plan(profile, runs, load_catalogue())))


def _resolve(data: dict[str, Any], path: list[Any]) -> list[Any]:
    days = data["days"]
    first = {
        "S": next(i for i, d in enumerate(days) if d["strength"]),
        "R": next(i for i, d in enumerate(days) if d["runs"]),
    }
    return [first.get(key, key) if index == 1 else key for index, key in enumerate(path)]


def _hostile_text(case: dict[str, Any]) -> str:
    raw = case["raw"]
    if raw == "deep-200000":
        return "[" * 200_000 + "]" * 200_000
    if raw == "5000-nines":
        raw = "9" * 5000
    data = json.loads(_valid_text())
    path = _resolve(data, case["path"])
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = MARK
    return json.dumps(data).replace(json.dumps(MARK), raw, 1)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_reproduction_is_refused_in_one_line(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(_hostile_text(case), encoding="utf-8")
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(path)
    message = str(refused.value)
    assert "\n" not in message and message.startswith(str(path)), message
    assert case["names"] in message, message


COMMANDS = {
    "check": lambda plan, out: ["check", plan],
    "fit": lambda plan, out: ["export", "fit", plan, "-o", out],
    "ics": lambda plan, out: ["export", "ics", plan, "-o", out],
    "html": lambda plan, out: ["export", "html", plan, "-o", out],
    "md": lambda plan, out: ["export", "md", plan, "-o", out],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_and_every_export_exit_2_with_one_line(
    case: dict[str, Any], command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "hostile.json"
    plan.write_text(_hostile_text(case), encoding="utf-8")
    out = tmp_path / "out"
    assert main(COMMANDS[command](str(plan), str(out))) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("legday: error: "), err
    assert "Traceback" not in err
    assert not out.exists()  # nothing written for a refused plan


HOSTILE_RAW = (
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "1e999",
            "-1",
            "0",
            "1e308",
            "9" * 30,
            "-" + "9" * 25,
            '"\\ud800"',
            '"\\udfff x"',
            '"a\\r\\nb"',
            '"\\u0000"',
            '"0001-01-01"',
            '"9999-12-31"',
            '"2027-02-30"',
            '"24:61"',
            "[]",
            "{}",
            "null",
            "true",
            '""',
            '"x"',
        ]
    )
    | st.integers(min_value=-(2**80), max_value=2**80).map(str)
    | st.floats(allow_nan=False, allow_infinity=False).map(repr)
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[list[Any]]:
    found = [list(prefix)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            found += _paths(value, (*prefix, index))
    return found


@cache
def _all_paths() -> list[list[Any]]:
    data = json.loads(_valid_text())
    return [p for p in _paths(data) if p]


def _accepted_plan_is_writable(path_in_plan: list[Any], raw: str, folder: Path) -> None:
    from legday.exports.fit import write_fit_files
    from legday.exports.html import plan_to_html
    from legday.exports.ics import plan_to_ics
    from legday.exports.markdown import plan_to_markdown
    from legday.rules import check_plan

    data = json.loads(_valid_text())
    node = data
    for key in path_in_plan[:-1]:
        node = node[key]
    node[path_in_plan[-1]] = MARK
    file = folder / "fuzz.json"
    file.write_text(json.dumps(data).replace(json.dumps(MARK), raw, 1), encoding="utf-8")
    try:
        plan = read_plan_file(file)
    except PlanFileError as error:
        assert "\n" not in str(error)
        return
    catalogue = load_catalogue()
    try:  # accepted: every writer must manage it, or refuse it in one line
        list(check_plan(plan, catalogue))
        plan_to_ics(plan, catalogue, tz=None)
        plan_to_html(plan, catalogue).encode("utf-8")  # what writing the file does
        plan_to_markdown(plan, catalogue).encode("utf-8")
        write_fit_files(plan, catalogue, folder / "fit")
    except LegdayError as error:
        assert "\n" not in str(error)


def _property(examples: int) -> Any:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@_property(60)
@given(data=st.data())
def test_what_the_reader_accepts_check_and_every_export_write(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = data.draw(st.sampled_from(_all_paths()))
    _accepted_plan_is_writable(path, data.draw(HOSTILE_RAW), tmp_path_factory.mktemp("fuzz"))


@pytest.mark.slow
@_property(1500)
@given(data=st.data())
def test_what_the_reader_accepts_check_and_every_export_write_long(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = data.draw(st.sampled_from(_all_paths()))
    _accepted_plan_is_writable(path, data.draw(HOSTILE_RAW), tmp_path_factory.mktemp("fuzz"))
