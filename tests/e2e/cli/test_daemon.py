"""The warm worker as a user meets it: whole `legday` processes with and without it print
the same bytes, a log through it lands once, `legday daemon start|status|stop`, the idle
exit, hostile requests, and the cases where a command runs cold instead (another Python
setting, code that changed on disk). Every worker a test starts is gone when it ends."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legday.cli import main, warm
from legday.cli.worker import lock_held, paths
from logbook_template import sqlite_logbook

ROOT = Path(__file__).resolve().parents[3]
WEEK_CSV = ROOT / "bench" / "week.csv"
START = date(2027, 1, 4)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A logbook with one athlete, and a runtime folder of this test's own (short: a
    socket's path holds ~100 bytes). This process asks the worker through the same folder."""
    with tempfile.TemporaryDirectory(prefix="ld-") as runtime:
        values = {
            "LEGDAY_DATABASE_URL": sqlite_logbook(tmp_path / "legday.db"),
            "LEGDAY_CONFIG_DIR": str(tmp_path / "config"),
            "LEGDAY_TODAY": "2027-01-06",
            "LEGDAY_RUNTIME_DIR": runtime,
        }
        for name, value in values.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
        args = ["athlete", "add", "sam", "--runs", str(WEEK_CSV), "--start", START.isoformat()]
        assert main([*args, "--weeks", "2", "--equipment", "dumbbells"]) == 0
        whole = dict(os.environ)
        yield whole


def legday(
    args: list[str], env: dict[str, str], **extra: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "legday", *args],
        env={**env, **extra},
        capture_output=True,
        check=False,
        timeout=120,
    )


def cold(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return legday(args, env, LEGDAY_NO_DAEMON="1")


def status() -> dict[str, Any]:
    answer = warm.ask("status")
    assert answer is not None
    return answer


@contextmanager
def worker(env: dict[str, str], idle: float = 120) -> Iterator[subprocess.Popen[bytes]]:
    """A worker in the foreground (this test's child): stopped, or killed, at the end."""
    log = Path(env["LEGDAY_RUNTIME_DIR"]) / "worker.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "legday.cli.worker", "--foreground", "--idle", str(idle)],
            env=env,
            cwd=env["LEGDAY_RUNTIME_DIR"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    try:
        deadline = time.monotonic() + 60
        while warm.ask("status") is None:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the worker did not answer in a minute"
            time.sleep(0.05)
        yield process
    finally:
        if process.poll() is None:
            warm.ask("stop")
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def same(
    warm_run: subprocess.CompletedProcess[bytes], cold_run: subprocess.CompletedProcess[bytes]
) -> None:
    assert (warm_run.returncode, warm_run.stdout, warm_run.stderr) == (
        cold_run.returncode,
        cold_run.stdout,
        cold_run.stderr,
    )


def test_whole_processes_print_the_same_bytes_with_a_worker(env: dict[str, str]) -> None:
    commands = [
        ["today"],
        ["today", "--format", "json"],
        ["progress", "nonsense"],
        ["plan", "--runs", str(WEEK_CSV), "--start", "2027-01-04", "--weeks", "2", "-f", "json"],
    ]
    expected = [cold(args, env) for args in commands]
    with worker(env):
        for args, cold_run in zip(commands, expected, strict=True):
            same(legday(args, env), cold_run)
        assert status()["served"] == len(commands)


def test_a_log_through_the_worker_lands_once(env: dict[str, str]) -> None:
    database = env["LEGDAY_DATABASE_URL"].removeprefix("sqlite:///")
    with worker(env):
        first = legday(["log", "--done"], env)
        again = legday(["log", "--done"], env)
        assert status()["served"] == 2
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(database) as db:
        (count,) = db.execute("SELECT COUNT(*) FROM set_logs").fetchone()
    assert first.stdout == f"logged {count} set(s) for 2027-01-06\n".encode()
    assert again.returncode == 2 and b"already logged" in again.stderr


@pytest.mark.slow
def test_another_python_setting_runs_cold(env: dict[str, str]) -> None:
    with worker(env):
        other = legday(["today"], env, PYTHONWARNINGS="ignore::DeprecationWarning")
        same(other, cold(["today"], env))
        assert status()["served"] == 0


@pytest.mark.slow
def test_code_changed_on_disk_runs_cold_and_the_worker_stops(
    env: dict[str, str], tmp_path: Path
) -> None:
    """An upgrade adds or renames entries in a folder of the import path: as here."""
    extra = tmp_path / "site"
    extra.mkdir()
    env = {**env, "PYTHONPATH": str(extra)}
    with worker(env) as process:
        assert legday(["today"], env).returncode == 0
        assert status()["served"] == 1
        (extra / "new_package.py").write_text("", encoding="utf-8")
        same(legday(["today"], env), cold(["today"], env))
        assert process.wait(timeout=30) == 0
    files = paths(env["LEGDAY_RUNTIME_DIR"])
    assert not Path(files["sock"]).exists() and not Path(files["pid"]).exists()


def test_start_status_stop(env: dict[str, str]) -> None:
    files = paths(env["LEGDAY_RUNTIME_DIR"])
    try:
        started = legday(["daemon", "start", "--idle-minutes", "1"], env)
        assert started.returncode == 0, started.stderr
        assert started.stdout.startswith(b"started the warm worker (pid ")
        assert legday(["daemon", "start"], env).stdout.startswith(b"the warm worker is running")
        shown = legday(["daemon", "status"], env)
        assert shown.returncode == 0 and shown.stdout.startswith(b"the warm worker runs: pid")
        assert b"other code" not in shown.stdout
        assert stat.S_IMODE(os.stat(env["LEGDAY_RUNTIME_DIR"]).st_mode) == 0o700
        for part in ("sock", "pid", "log"):
            assert stat.S_IMODE(os.lstat(files[part]).st_mode) == 0o600, part
        assert stat.S_ISSOCK(os.lstat(files["sock"]).st_mode)
        stopped = legday(["daemon", "stop"], env)
        assert stopped.returncode == 0 and stopped.stdout.startswith(b"stopped the warm worker")
        assert not lock_held(files["lock"])  # the process has ended
        assert not Path(files["sock"]).exists() and not Path(files["pid"]).exists()
        gone = legday(["daemon", "status"], env)
        assert gone.returncode == 3 and gone.stdout.startswith(b"no warm worker is running")
    finally:
        _kill_left_over(files)


def _kill_left_over(files: dict[str, str]) -> None:
    """A worker `daemon start` made is no child of ours: end it by the pid it wrote."""
    if lock_held(files["lock"]):
        pid = int(Path(files["pid"]).read_text(encoding="ascii"))
        os.kill(pid, signal.SIGKILL)


def test_stale_files_are_cleaned_up(env: dict[str, str]) -> None:
    files = paths(env["LEGDAY_RUNTIME_DIR"])
    Path(files["pid"]).write_text("999999\n", encoding="ascii")
    left = socket.socket(socket.AF_UNIX)
    left.bind(files["sock"])  # a socket nobody listens on: a worker that was killed
    left.close()
    assert legday(["today"], env).returncode == 0  # cold, as the worker is gone
    stopped = legday(["daemon", "stop"], env)
    assert stopped.stdout == b"no warm worker is running\n"
    assert not Path(files["sock"]).exists() and not Path(files["pid"]).exists()


@pytest.mark.slow
def test_the_worker_stops_when_idle(env: dict[str, str]) -> None:
    with worker(env, idle=1) as process:
        assert process.wait(timeout=30) == 0
    files = paths(env["LEGDAY_RUNTIME_DIR"])
    assert not Path(files["sock"]).exists() and not Path(files["pid"]).exists()
    assert "stopped: no command for" in (Path(env["LEGDAY_RUNTIME_DIR"]) / "worker.log").read_text()


def test_hostile_requests_are_refused_and_the_worker_goes_on(env: dict[str, str]) -> None:
    body = json.dumps({"protocol": 1, "op": "run", "argv": ["legday", "today"]}).encode()
    hostile = [
        b"",
        b"\x00\x00\x00\x05hello",
        b"\xff\xff\xff\xff" + b"x" * 100,
        b"\x00\x00\x00\x03[1]",
        len(body).to_bytes(4, "big") + body,
        b"\x00\x00\x10\x00" + b"[" * 4096,
        b"\x00\x00\x00\x10short",
    ]
    with worker(env) as process:
        address = paths(env["LEGDAY_RUNTIME_DIR"])["sock"]
        for raw in hostile:
            with socket.socket(socket.AF_UNIX) as connection:
                connection.settimeout(10)
                connection.connect(address)
                connection.sendall(raw)
                connection.shutdown(socket.SHUT_WR)
                answer = connection.recv(1 << 16)
            assert answer[:1] == warm.FALLBACK, (raw[:20], answer)
        assert process.poll() is None
        assert status()["served"] == 0
        same(legday(["today"], env), cold(["today"], env))


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as another user")
def test_another_user_is_not_answered(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Even with the folder and socket opened to everyone, SO_PEERCRED keeps them out:
    the connection is closed unread."""
    with tempfile.TemporaryDirectory(prefix="ld-", dir="/tmp") as runtime:
        monkeypatch.setenv("LEGDAY_RUNTIME_DIR", runtime)
        env = {**env, "LEGDAY_RUNTIME_DIR": runtime}
        with worker(env):
            address = paths(runtime)["sock"]
            Path(runtime).chmod(0o711)
            Path(address).chmod(0o666)
            body = json.dumps({"protocol": 1, "op": "stop", "key": []}).encode()
            child = os.fork()
            if child == 0:  # pragma: no cover (the child says how it went by its exit code)
                code = 3
                try:
                    os.setgid(65534)
                    os.setuid(65534)
                    with socket.socket(socket.AF_UNIX) as connection:
                        connection.settimeout(10)
                        connection.connect(address)
                        connection.sendall(len(body).to_bytes(4, "big") + body)
                        code = 0 if connection.recv(100) == b"" else 1
                except (BrokenPipeError, ConnectionResetError):
                    code = 0  # closed before the request was even read
                except OSError as error:
                    code = 100 + (error.errno or 0) % 100
                finally:
                    os._exit(code)
            _, waited = os.waitpid(child, 0)
            assert os.waitstatus_to_exitcode(waited) == 0  # 1: answered; 1xx: errno xx
            assert warm.ask("status") is None  # nor does this user's front use it so open
            Path(runtime).chmod(0o700)
            assert warm.ask("status") is not None  # not stopped by the other user
        log = Path(runtime, "worker.log").read_text(encoding="utf-8")
        assert "refused a connection from user 65534" in log
