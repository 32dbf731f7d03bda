"""The warm worker's side (`legday.cli.worker`), in process: hostile requests are refused
and never crash it, a command run "as the caller" prints what `main` prints and leaves the
worker as it was, a prompt stops a command before it writes, stale code is refused."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday.cli import main, warm
from legday.cli.worker import (
    STALE,
    Request,
    RequestError,
    Worker,
    parse_request,
    run_command,
)
from logbook_template import sqlite_logbook
from thorough import examples

START = date(2027, 1, 4)
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
"""


@pytest.fixture
def logbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    runs = tmp_path / "runs.csv"
    runs.write_text(CALENDAR, encoding="utf-8")
    database = tmp_path / "legday.db"
    monkeypatch.setenv("LEGDAY_DATABASE_URL", sqlite_logbook(database))
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-06")
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    args = ["athlete", "add", "sam", "--runs", str(runs), "--start", START.isoformat()]
    assert main([*args, "--weeks", "2", "--equipment", "dumbbells"]) == 0
    return database


def request(
    argv: list[str],
    *,
    env: dict[str, str] | None = None,
    terminals: tuple[bool, bool, bool] = (False, False, False),
    sizes: tuple[tuple[int, int] | None, ...] = (None, None, None),
) -> Request:
    return Request(
        op="run",
        key=tuple(warm.compatibility()),
        argv=("legday", *argv),
        cwd=os.getcwd(),
        env=tuple((dict(os.environ) if env is None else env).items()),
        terminals=terminals,
        sizes=sizes,
        out=("utf-8", "strict", False),
        err=("utf-8", "backslashreplace", True),
    )


def in_process(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, bytes]:
    capsysbinary.readouterr()
    code = main(argv)
    out, err = capsysbinary.readouterr()
    return code, out + b"|" + err


def warm_run(argv: list[str], **kwargs: object) -> tuple[int, bytes]:
    result = run_command(request(argv, **kwargs))  # type: ignore[arg-type]
    assert result is not None
    frames, code = result
    out = b"".join(data for kind, data in frames if kind == warm.OUT)
    err = b"".join(data for kind, data in frames if kind == warm.ERR)
    return code, out + b"|" + err


@pytest.mark.parametrize(
    "argv",
    [
        ["today"],
        ["today", "--format", "json"],
        ["today", "--date", "2027-01-08"],
        ["history"],
        ["progress", "goblet-squat"],
        ["progress", "nonsense"],
        ["log", "-e", "goblet-squat", "--sets", "1"],
        ["log", "--set", "x=1"],
        ["rules"],
    ],
)
def test_a_command_prints_what_main_prints(
    logbook: Path, argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert warm_run(argv) == in_process(argv, capsysbinary)


def test_a_log_lands_once(logbook: Path) -> None:
    code, printed = warm_run(["log", "--done", "--date", "2027-01-06"])
    assert code == 0 and printed.startswith(b"logged "), printed
    with sqlite3.connect(logbook) as db:
        (count,) = db.execute("SELECT COUNT(*) FROM set_logs").fetchone()
    assert f"logged {count} set(s)".encode() in printed


def _writers_alive() -> int:
    gc.collect()
    return sum(isinstance(o, io.BufferedWriter) for o in gc.get_objects())


def test_a_command_s_output_is_not_kept_after_it_ends(logbook: Path) -> None:
    """Click caches every standard stream it writes to, keyed weakly, but the cached value
    is the stream itself: without `forget_streams` each command's captured output stayed
    in the worker for good (~15 KB a `today`, ~1 MB an HTML plan)."""
    for _ in range(2):  # the first commands fill what every later one shares
        warm_run(["today"])
    before = _writers_alive()
    for _ in range(5):
        warm_run(["today"])
        warm_run(["progress", "nonsense"])  # its one line goes to stderr
    assert _writers_alive() == before


def test_a_prompt_stops_the_command_before_it_writes(logbook: Path) -> None:
    """At a terminal, plain `log` prompts: the worker gives the command back (None) and
    nothing is written, so the caller may run it in process."""
    assert run_command(request(["log"], terminals=(True, True, True))) is None
    with sqlite3.connect(logbook) as db:
        assert db.execute("SELECT COUNT(*) FROM set_logs").fetchone() == (0,)
    code, printed = warm_run(["log"])  # no terminal: the cold run's one line
    assert code == 2 and b"no terminal to prompt on" in printed


def test_the_worker_is_left_as_it_was(tmp_path: Path) -> None:
    before = (dict(os.environ), os.getcwd(), os.umask(0o022))
    os.umask(before[2])
    env = {**os.environ, "LEGDAY_CONFIG_DIR": str(tmp_path / "x"), "TZ": "Pacific/Kiritimati"}
    env.pop("HOME", None)
    code, _ = warm_run(["rules", "--format", "json"], env=env)
    assert code == 0
    after = (dict(os.environ), os.getcwd(), os.umask(0o022))
    os.umask(after[2])
    assert after == before


def test_widths_are_the_callers_terminal(logbook: Path) -> None:
    """No COLUMNS: a table fits the caller's terminal, or the width for a pipe."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    _, at_terminal = warm_run(["exercises"], env=env, terminals=(True, True, True),
                              sizes=((64, 20), (64, 20), (64, 20)))  # fmt: skip
    _, piped = warm_run(["exercises"], env=env)
    assert max(map(len, at_terminal.decode().splitlines())) <= 64
    assert max(map(len, piped.decode().splitlines())) > 64


# --- requests --------------------------------------------------------------------------


def valid() -> dict[str, object]:
    return {
        "protocol": warm.PROTOCOL,
        "op": "run",
        "key": ["k"],
        "argv": ["legday", "today"],
        "cwd": "/",
        "env": {"LEGDAY_TODAY": "2027-01-05"},
        "umask": 0o022,
        "terminals": [False, True, False],
        "sizes": [None, [80, 24], None],
        "out": ["utf-8", "strict", True],
        "err": ["utf-8", "backslashreplace", True],
    }


def test_a_valid_request_is_read() -> None:
    found = parse_request(json.dumps(valid()).encode())
    assert found.argv == ("legday", "today") and found.sizes == (None, (80, 24), None)
    assert dict(found.env) == {"LEGDAY_TODAY": "2027-01-05"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("protocol", 2),
        ("op", "exec"),
        ("argv", ["legday"]),
        ("argv", "legday today"),
        ("argv", ["legday", 7]),
        ("cwd", "relative"),
        ("cwd", "/nul\x00"),
        ("env", {"A=B": "c"}),
        ("env", {"": "c"}),
        ("env", {"A": "b\x00"}),
        ("env", {"A": "\ud800"}),  # a surrogate no file system encoding gives
        ("env", ["A"]),
        ("umask", 0o1000),
        ("umask", True),
        ("terminals", [True, False]),
        ("terminals", [1, 0, 0]),
        ("sizes", [None, [80], None]),
        ("sizes", [None, [80, -1], None]),
        ("sizes", [None, [80, True], None]),
        ("out", ["no-such-codec", "strict", True]),
        ("out", ["utf-8", "evil", True]),
        ("err", None),
        ("extra", 1),
    ],
)
def test_a_malformed_request_is_refused(field: str, value: object) -> None:
    body = {**valid(), field: value}
    with pytest.raises(RequestError):
        parse_request(json.dumps(body).encode())


@pytest.mark.parametrize(
    "raw",
    [b"", b"\xff\xfe", b"[" * 100_000, b'{"protocol": NaN}', b"1e999999", b"null", b'"x"'],
)
def test_not_a_request_at_all_is_refused(raw: bytes) -> None:
    with pytest.raises(RequestError):
        parse_request(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=examples(200))
@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_anything_is_a_request_or_refused(raw: bytes) -> None:
    with contextlib.suppress(RequestError):
        parse_request(raw)


@settings(max_examples=examples(200))
@given(st.dictionaries(st.sampled_from(sorted(valid())), json_values, max_size=4))
def test_any_field_out_of_shape_is_refused_or_read(changes: dict[str, object]) -> None:
    try:
        found = parse_request(json.dumps({**valid(), **changes}).encode())
    except RequestError:
        return
    assert found.op in ("run", "status", "stop")


# --- refusals --------------------------------------------------------------------------


def test_stale_code_or_another_setting_is_refused(tmp_path: Path) -> None:
    worker = Worker(str(tmp_path), idle=60)
    assert worker.refusal(request(["today"])) is None
    assert worker.refusal(request(["serve"])) == "not a command the worker runs"
    other = Request(op="run", key=("another",), argv=("legday", "today"))
    assert worker.refusal(other) is not None
    coloured = request(["today"], env={**os.environ, "FORCE_COLOR": "1"})
    if os.environ.get("FORCE_COLOR") != "1":
        assert "FORCE_COLOR" in (worker.refusal(coloured) or "")
    to_stdout = request(["export", "ics", "-o", "/dev/stdout"])
    assert "/dev" in (worker.refusal(to_stdout) or "")
    worker.code = "0:00000000"  # as if a file had changed since it started
    assert worker.refusal(request(["today"])) == STALE and worker.stopping == STALE
