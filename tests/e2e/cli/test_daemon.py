"""The warm worker as a user meets it: whole `legday` processes with and without it print
the same bytes, a log through it lands once, `legday daemon start|status|stop`, the idle
exit, hostile requests, and the cases where a command runs cold instead (another Python
setting, code that changed on disk, a file of the caller's own process). The tests that
touch the logbook run on SQLite and on PostgreSQL: the worker holds no connection between
commands, survives one the server kills, and a log whose connection is lost lands nowhere.
Every worker a test starts is gone when it ends."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from legday.cli import main, warm
from legday.cli.worker import lock_held, paths
from logbook_template import pooled_pg_schema, sqlite_logbook

ROOT = Path(__file__).resolve().parents[3]
WEEK_CSV = ROOT / "bench" / "week.csv"
START = date(2027, 1, 4)
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
ON_POSTGRES = pytest.mark.parametrize(
    "engine_env", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
# On PostgreSQL only under `slow` (`make test-all`, CI): the PostgreSQL-only tests below run
# the worker's `today` and `log` against cold ones in `make test` too (a server killing its
# connections, restarting, losing a waiting `log`), and these two cost 9 s of one core.
SQLITE_UNLESS_SLOW = pytest.mark.parametrize(
    "engine_env",
    ["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])],
    indirect=True,
)
TERMINATED = b"terminating connection due to administrator command"  # pg_terminate_backend


@contextmanager
def logbook_url(engine: str, folder: Path) -> Iterator[str]:
    """A migrated, empty logbook; on PostgreSQL a schema of its own whose connections
    carry an application name of their own (`connections`)."""
    if engine == "sqlite":
        yield sqlite_logbook(folder / "legday.db")
        return
    if os.environ.get("LEGDAY_SKIP_POSTGRES") == "1":
        pytest.skip("LEGDAY_SKIP_POSTGRES=1")
    with pooled_pg_schema(os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)) as url:
        named = make_url(url).update_query_dict({"application_name": f"ld-{uuid.uuid4().hex}"})
        yield named.render_as_string(hide_password=False)


def with_athlete(url: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The logbook at `url` with one athlete, sam, and a runtime folder `folder` (short: a
    socket's path holds ~100 bytes); this process asks the worker through it too."""
    values = {
        "LEGDAY_DATABASE_URL": url,
        "LEGDAY_CONFIG_DIR": str(Path(folder) / "config"),
        "LEGDAY_TODAY": "2027-01-06",
        "LEGDAY_RUNTIME_DIR": str(folder),
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    args = ["athlete", "add", "sam", "--runs", str(WEEK_CSV), "--start", START.isoformat()]
    assert main([*args, "--weeks", "2", "--equipment", "dumbbells"]) == 0
    return dict(os.environ)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A SQLite logbook with one athlete: for what does not depend on the engine."""
    with tempfile.TemporaryDirectory(prefix="ld-") as runtime:
        yield with_athlete(sqlite_logbook(tmp_path / "legday.db"), Path(runtime), monkeypatch)


@pytest.fixture(params=ENGINES)
def engine_env(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """`env` on each engine."""
    with (
        tempfile.TemporaryDirectory(prefix="ld-") as runtime,
        logbook_url(request.param, tmp_path) as url,
    ):
        yield with_athlete(url, Path(runtime), monkeypatch)


def sets_logged(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT COUNT(*) FROM set_logs")).scalar() or 0)
    finally:
        engine.dispose()


def admin_engine(url: str) -> Any:
    """An engine on the same server as `url`, under another application name."""
    return create_engine(make_url(url).difference_update_query(["application_name"]))


def connections(url: str) -> int:
    """The worker's connections to the logbook now: PostgreSQL's by application name, or
    the SQLite files it has open."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _open_files(Path(parsed.database or ""))
    engine = admin_engine(url)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"),
                {"name": parsed.query["application_name"]},
            ).scalar()
    finally:
        engine.dispose()
    return int(found or 0)


def _open_files(database: Path) -> int:
    """The logbook's files (database, WAL, shared memory) the running worker has open."""
    pid = status()["pid"]
    named = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        named += target.startswith(str(database))
    return named


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


@SQLITE_UNLESS_SLOW
def test_whole_processes_print_the_same_bytes_with_a_worker(engine_env: dict[str, str]) -> None:
    env = engine_env
    commands = [
        ["today"],
        ["today", "--format", "json"],
        ["history"],
        ["athlete", "list"],
        ["progress", "nonsense"],
        ["plan", "--runs", str(WEEK_CSV), "--start", "2027-01-04", "--weeks", "2", "-f", "json"],
    ]
    expected = [cold(args, env) for args in commands]
    with worker(env):
        for args, cold_run in zip(commands, expected, strict=True):
            same(legday(args, env), cold_run)
        assert status()["served"] == len(commands)


@pytest.mark.slow
def test_changes_print_the_same_bytes_with_a_worker(
    engine_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change through the worker, and the same change cold on a twin logbook."""
    env = engine_env
    engine = "sqlite" if env["LEGDAY_DATABASE_URL"].startswith("sqlite") else "postgres"
    commands = [
        ["log", "--done"],
        ["log", "--done"],  # refused: already logged
        ["skip", "2027-01-08"],
        ["history"],
        ["today", "--date", "2027-01-08"],
    ]
    (tmp_path / "twin").mkdir()
    with (
        tempfile.TemporaryDirectory(prefix="ld-") as runtime,
        logbook_url(engine, tmp_path / "twin") as url,
    ):
        twin = with_athlete(url, Path(runtime), monkeypatch)
        expected = [cold(args, twin) for args in commands]
    monkeypatch.setenv("LEGDAY_RUNTIME_DIR", env["LEGDAY_RUNTIME_DIR"])
    with worker(env):
        for args, cold_run in zip(commands, expected, strict=True):
            same(legday(args, env), cold_run)
        assert status()["served"] == len(commands)


@SQLITE_UNLESS_SLOW
def test_a_log_through_the_worker_lands_once(engine_env: dict[str, str]) -> None:
    env = engine_env
    with worker(env):
        first = legday(["log", "--done"], env)
        again = legday(["log", "--done"], env)
        assert status()["served"] == 2
    assert first.returncode == 0, first.stderr
    count = sets_logged(env["LEGDAY_DATABASE_URL"])
    assert count > 0 and first.stdout == f"logged {count} set(s) for 2027-01-06\n".encode()
    assert again.returncode == 2 and b"already logged" in again.stderr


def test_the_worker_holds_no_connection_between_commands(engine_env: dict[str, str]) -> None:
    """However many commands it serves, and whatever they did (read, write, fail), the
    worker keeps no connection to the logbook once a command has ended."""
    env = engine_env
    url = env["LEGDAY_DATABASE_URL"]
    commands = [["today"], ["history"], ["log", "--done"], ["log", "--done"], ["nonsense"]]
    with worker(env):
        for round_ in range(3):
            for args in commands:
                legday(args, env)
                assert connections(url) == 0, (round_, args)
        assert status()["served"] == 3 * (len(commands) - 1)  # `nonsense` runs cold


@ON_POSTGRES
def test_the_worker_survives_its_connections_being_killed(engine_env: dict[str, str]) -> None:
    """The server ends every connection of the logbook's (a restart, an idle timeout, an
    administrator) between commands: the next command connects again."""
    env = engine_env
    url = env["LEGDAY_DATABASE_URL"]
    expected = cold(["today"], env)
    with worker(env):
        for _ in range(3):
            same(legday(["today"], env), expected)
            _terminate(url)
        assert status()["served"] == 3


class Relay:
    """A TCP relay to the PostgreSQL server, on a port of its own, that can go away and
    come back as a server restarting does: `stop` ends every connection through it and
    refuses new ones until `start`."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(8)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        for sock in [*([listener] if listener else []), *self._open]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            server = socket.create_connection(self.target)
            self._open += [client, server]
            for one, other in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(one, other), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(1 << 16):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@ON_POSTGRES
def test_the_worker_serves_on_across_a_server_restart(engine_env: dict[str, str]) -> None:
    """The server is down when a command comes (one line, as cold), then up again: the
    next command is served as a cold one is, and again after another restart."""
    url = make_url(engine_env["LEGDAY_DATABASE_URL"])
    relay = Relay((url.host or "127.0.0.1", url.port or 5432))
    env = {**engine_env, "LEGDAY_DATABASE_URL": url.set(port=relay.port).render_as_string(False)}
    today = ["today", "--athlete", "sam"]
    expected = cold(today, engine_env)
    down = cold(today, env)
    assert down.returncode == 2 and b"Connection refused" in down.stderr
    try:
        with worker(env):
            for _ in range(2):
                same(legday(today, env), down)
                relay.start()
                same(legday(today, env), expected)
                relay.stop()
            assert status()["served"] == 4
    finally:
        relay.stop()


def _terminate(url: str, waiting: bool = False) -> list[int]:
    """End the logbook's connections (only those waiting for a lock, with `waiting`): the
    server-side pids ended."""
    engine = admin_engine(url)
    query = (
        "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE application_name = :name" + (" AND wait_event_type = 'Lock'" if waiting else "")
    )
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(query), {"name": make_url(url).query["application_name"]}
            ).all()
    finally:
        engine.dispose()
    return [pid for pid, _ in rows]


@ON_POSTGRES
def test_a_log_whose_connection_is_lost_lands_nowhere_then_once(
    engine_env: dict[str, str],
) -> None:
    """`log` waits for the athlete's row (another writer holds it), the server ends its
    connection meanwhile: one line and exit code 2, nothing logged, as a cold `log` says;
    the worker goes on, and the same `log` again lands once."""
    env = engine_env
    url = env["LEGDAY_DATABASE_URL"]
    holder = admin_engine(url)
    try:
        with worker(env), holder.connect() as other_writer:
            other_writer.execute(text("SELECT id FROM athletes WHERE name = 'sam' FOR UPDATE"))
            waiting = subprocess.Popen(
                [sys.executable, "-m", "legday", "log", "--done"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            ended = _once_waiting(url)
            other_writer.rollback()
            out, err = waiting.communicate(timeout=120)
            assert ended and (waiting.returncode, out) == (2, b""), err
            assert err == b"legday: error: database: " + TERMINATED + b"\n"
            assert sets_logged(url) == 0
            again = legday(["log", "--done"], env)
            assert again.returncode == 0, again.stderr
            assert status()["served"] == 2
    finally:
        holder.dispose()
    assert again.stdout == f"logged {sets_logged(url)} set(s) for 2027-01-06\n".encode()


def _once_waiting(url: str) -> list[int]:
    """End the logbook's connection once it waits for a lock."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ended = _terminate(url, waiting=True)
        if ended:
            return ended
        time.sleep(0.05)
    return []


def test_files_of_the_caller_s_process_are_opened_by_the_caller(env: dict[str, str]) -> None:
    """`--runs /dev/stdin` (or `<(...)`, `-o /dev/stdout`) in the worker would be the
    worker's own: the command runs cold instead."""
    args = ["plan", "--runs", "/dev/stdin", "--start", "2027-01-04", "--weeks", "2", "-f", "json"]

    def run(where: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
        with WEEK_CSV.open("rb") as runs:  # a file: a pipe is refused, cold or warm
            return subprocess.run(
                [sys.executable, "-m", "legday", *args],
                env=where,
                stdin=runs,
                capture_output=True,
                check=False,
            )

    expected = run({**env, "LEGDAY_NO_DAEMON": "1"})
    assert expected.returncode == 0 and b'"Long run' in expected.stdout, expected.stderr
    with worker(env):
        same(run(env), expected)
        assert status()["served"] == 0


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
