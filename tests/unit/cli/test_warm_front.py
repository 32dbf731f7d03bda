"""The warm worker's front door (`legday.cli.warm`), against a fake worker in a thread:
what is served, what falls back to a cold run, and that a command is never run twice."""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
import pytest

from legday.cli import warm

Script = Callable[[socket.socket], None]


@pytest.fixture
def folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # a short path of its own: a socket's path holds ~100 bytes
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ld-") as made:
        monkeypatch.setenv("LEGDAY_RUNTIME_DIR", made)
        Path(made).chmod(0o700)
        yield Path(made)


@contextmanager
def fake_worker(folder: Path, script: Script) -> Iterator[list[bytes]]:
    """A listener where the front looks; `script` answers the first connection. Yields
    the requests it received."""
    received: list[bytes] = []
    address = folder / f"{warm.stem()}.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(address))
    except OSError:
        listener.close()
        raise
    listener.listen(1)
    listener.settimeout(0.05)
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                connection, _ = listener.accept()
                break
            except TimeoutError:
                continue
        else:
            return  # nobody came
        with connection:
            connection.settimeout(10)
            size = int.from_bytes(_exactly(connection, 4), "big")
            received.append(_exactly(connection, size))
            script(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield received
    finally:
        done.set()
        thread.join(10)
        listener.close()
        address.unlink()


def _exactly(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def answers(*frames: bytes, go_first: int = 1) -> Script:
    """Send the first `go_first` frames, wait for GO, then send the rest."""

    def script(connection: socket.socket) -> None:
        connection.sendall(b"".join(frames[:go_first]))
        if len(frames) > go_first:
            assert connection.recv(1) == warm.GO
            connection.sendall(b"".join(frames[go_first:]))

    return script


READY = warm.frame(warm.READY)


def test_no_worker_means_a_cold_run(folder: Path) -> None:
    assert warm.served(["today"]) is None


@pytest.mark.parametrize("argv", [[], ["serve"], ["daemon", "stop"], ["--help"], ["db", "upgrade"]])
def test_commands_that_are_not_served_never_reach_the_worker(folder: Path, argv: list[str]) -> None:
    with fake_worker(folder, answers(READY)) as received:
        assert warm.served(argv) is None
    assert received == []


def test_log_at_a_terminal_is_served_only_when_it_will_not_prompt() -> None:
    assert not warm.may_serve(["log"], stdin_is_terminal=True)
    assert not warm.may_serve(["log", "--rpe", "7"], stdin_is_terminal=True)
    assert warm.may_serve(["log"], stdin_is_terminal=False)  # it fails as cold: no terminal
    for answered in (["--done"], ["-e", "x"], ["-ex"], ["--exercise=x"], ["--care", "achilles"]):
        assert warm.may_serve(["log", *answered], stdin_is_terminal=True)
    assert not warm.may_serve(["log", "--doneness"], stdin_is_terminal=True)


@pytest.mark.parametrize(
    ("argv", "cwd"),
    [
        (["export", "ics", "-o", "/dev/stdout"], "/home/sam"),
        (["export", "ics", "--output=/dev/stderr"], "/home/sam"),
        (["plan", "--runs", "/dev/fd/63"], "/home/sam"),  # bash's <(cat runs.csv)
        (["plan", "--runs", "/proc/self/fd/0"], "/"),
        (["plan", "-o/dev/tty"], "/"),
        (["plan", "-o", "/dev/./stdout"], "/"),
        (["plan", "--runs", "stdin"], "/dev"),
        (["plan", "--runs", "../../dev/stdin"], "/home/sam"),
    ],
)
def test_files_of_the_caller_s_own_process_are_named(argv: list[str], cwd: str) -> None:
    """In the worker they would be the worker's: its log, its empty standard input."""
    assert warm.names_process_files(argv, cwd)


@pytest.mark.parametrize(
    ("argv", "cwd"),
    [
        (["export", "ics", "-o", "plan.ics"], "/home/sam"),
        (["plan", "--runs", "/home/sam/devices.csv"], "/"),
        (["plan", "--runs", "/dev/shm/runs.csv"], "/"),  # a file like any other
        (["plan", "--runs", "runs.csv"], "/dev/shm/legday"),
        (["today"], "/"),
        (["history", "--athlete", "devon"], "/home/sam"),
    ],
)
def test_other_arguments_are_not(argv: list[str], cwd: str) -> None:
    assert not warm.names_process_files(argv, cwd)


def test_a_command_naming_dev_stdout_never_reaches_the_worker(folder: Path) -> None:
    with fake_worker(folder, answers(READY)) as received:
        assert warm.served(["export", "ics", "-o", "/dev/stdout"]) is None
    assert received == []


def test_a_folder_others_may_enter_is_never_used(folder: Path) -> None:
    folder.chmod(0o755)
    with fake_worker(folder, answers(READY)) as received:
        assert warm.served(["today"]) is None
    assert received == []


def test_the_request_describes_the_caller(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-05")
    monkeypatch.setenv("LEGDAY_ODD", "caf\udce9")  # not UTF-8: travels as the same bytes
    with fake_worker(folder, answers(warm.frame(warm.FALLBACK, b"no"))) as received:
        assert warm.served(["today", "--format", "json"]) is None
    body = json.loads(received[0])
    assert body["argv"][1:] == ["today", "--format", "json"]
    assert body["cwd"] == str(tmp_path)
    assert body["env"]["LEGDAY_TODAY"] == "2027-01-05"
    assert os.fsencode(body["env"]["LEGDAY_ODD"]) == b"caf\xe9"
    assert body["key"] == warm.compatibility()
    current = os.umask(0o077)
    os.umask(current)
    assert body["umask"] == current


def test_output_is_written_as_it_came(
    folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    frames = (
        READY,
        warm.frame(warm.OUT, "day one ✓\n".encode()),
        warm.frame(warm.ERR, b"a warning\n"),
        warm.frame(warm.OUT, b"\x00raw bytes\n"),
        warm.frame(warm.EXIT, b"3"),
    )
    with fake_worker(folder, answers(*frames)):
        assert warm.served(["today"]) == 3
    out, err = capsysbinary.readouterr()
    assert out == "day one ✓\n".encode() + b"\x00raw bytes\n"
    assert err == b"a warning\n"


@pytest.mark.parametrize(
    "script",
    [
        answers(warm.frame(warm.FALLBACK, b"another Python setting")),
        answers(),  # closed before READY
        answers(b"R\x00\x00"),  # half a frame
        answers(warm.frame(b"?", b"")),
    ],
    ids=["fallback", "closed", "cut", "unknown"],
)
def test_anything_before_go_means_a_cold_run(folder: Path, script: Script) -> None:
    with fake_worker(folder, script):
        assert warm.served(["log", "--done"]) is None


def test_a_worker_lost_after_go_is_one_line_never_a_second_run(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After GO the log may have been saved: the front says so and does not run it again
    (a None here would make `run` log the session in process a second time)."""
    for script in (answers(READY, b"", go_first=1), answers(READY, warm.frame(warm.OUT, b"x"))):
        with fake_worker(folder, script):
            assert warm.served(["log", "--done"]) == warm.EXIT_LOST
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("legday: error: lost the warm worker")
        assert "may or may not have been done" in err


def test_a_prompt_stops_the_command_before_anything_and_it_runs_cold(folder: Path) -> None:
    with fake_worker(folder, answers(READY, warm.frame(warm.FALLBACK, b"stdin"))):
        assert warm.served(["log", "--note", "-e"]) is None


def test_runtime_folder_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the platformdirs-free reading is for Linux")
    monkeypatch.delenv("LEGDAY_RUNTIME_DIR")
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/4242")
    assert warm.runtime_folder() == platformdirs.user_runtime_dir("legday")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert warm.runtime_folder() == str(Path(platformdirs.user_cache_dir("legday")) / "run")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert warm.runtime_folder() == "/somewhere/cache/legday/run"


def test_the_front_imports_nothing_heavy_without_a_worker() -> None:
    """Without a worker a command pays one lstat before its cold run; with one, the front
    still imports no more than `json` and `_socket` (checked here without one)."""
    code = (
        "import sys; before = set(sys.modules); from legday.cli.warm import served; "
        "assert served(['today']) is None; "
        "print(sorted(set(sys.modules) - before))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    added = set(ast.literal_eval(done.stdout))
    small = {"__future__", "errno", "gc", "zlib", "legday", "legday.cli", "legday.cli.warm"}
    assert added <= small, added - small
