"""The warm worker behind `legday daemon start`: one process that imports legday's CLI
once and runs the commands `legday` processes hand it (`legday.cli.warm`), one at a
time, each the way a cold process runs it, so the output is the same to the byte.

Running a command "as the caller" means, for its duration: the caller's environment (all
of it: the CLI reads `LEGDAY_*`, `TZ`, `COLUMNS`, `NO_COLOR`, the XDG folders, `HOME`,
libpq's `PG*` and the proxy variables, and a list would go stale), working folder, umask
and argv; standard output and error captured in the caller's encodings, answering
`isatty()` as the caller's do, with the caller's terminal sizes behind
`os.get_terminal_size`; a standard input that stops the command at its first read (only
`log`'s prompts read it, before they write anything: the caller then runs it itself);
fresh warning registries and context variables. All of it is put back afterwards.

Who may talk to it: the socket is 0600 in a 0700 folder of the user's, and on Linux each
connection's peer must be the same user (SO_PEERCRED); anything else is closed unread.
A request is bounded (`warm.MAX_REQUEST`), read with a timeout and checked field by field;
one that does not fit is answered FALLBACK and logged, and the worker goes on.

When it stops: after `--idle` seconds without a command, on `legday daemon stop`
(or SIGTERM), and as soon as it finds that the code it would run is not the code on disk
(legday's files, or a folder of the import path, changed since it started: an upgrade or
an edit). A caller then runs its command cold. `python -m legday.cli.worker` forks into
the background unless `--foreground`.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import contextvars
import errno
import fcntl
import gc
import io
import json
import os
import signal
import socket
import stat
import sys
import time
import warnings
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from legday.cli import warm
from legday.cli.warm import ANSWER, ERR, EXIT, FALLBACK, GO, OUT, READY, frame

__all__ = [
    "Request",
    "RequestError",
    "Worker",
    "code_fingerprint",
    "forget_streams",
    "lock_held",
    "main",
    "parse_request",
    "private_folder",
    "run_command",
]

DEFAULT_IDLE_SECONDS = 15 * 60
IO_SECONDS = 2.0  # to send a request, or GO after READY: a caller is a local process
TICK_SECONDS = 30.0  # how often an idle worker looks for changed code
MAX_SOCKET_PATH = 100  # sun_path holds 104-108 bytes, with its terminating zero
# Read once when a library is imported (Typer's colours, help width and tracebacks): a
# caller whose value differs from the worker's is not served.
IMPORT_TIME_ENV = (
    "TYPER_USE_RICH",
    "TYPER_STANDARD_TRACEBACK",
    "_TYPER_STANDARD_TRACEBACK",
    "TERMINAL_WIDTH",
    "_TYPER_FORCE_DISABLE_TERMINAL",
    "GITHUB_ACTIONS",
    "FORCE_COLOR",
    "PY_COLORS",
)
_RUN_FIELDS = frozenset(
    {"protocol", "op", "key", "argv", "cwd", "env", "umask", "terminals", "sizes", "out", "err"}
)
_ERROR_HANDLERS = frozenset(
    {
        "strict",
        "replace",
        "ignore",
        "surrogateescape",
        "surrogatepass",
        "backslashreplace",
        "xmlcharrefreplace",
        "namereplace",
    }
)
STALE = "the worker's code is not the code on disk any more"


# --- the request ------------------------------------------------------------------------


class RequestError(ValueError):
    """A request the worker does not run: malformed, too large, or of another protocol."""


@dataclass(frozen=True, slots=True)
class Request:
    """One caller's command and everything a cold process would have taken from its own
    surroundings. `status` and `stop` carry only `op` and `key`."""

    op: str
    key: tuple[str, ...]
    argv: tuple[str, ...] = ()
    cwd: str = "/"
    env: tuple[tuple[str, str], ...] = ()
    umask: int = 0o022
    terminals: tuple[bool, bool, bool] = (False, False, False)
    sizes: tuple[tuple[int, int] | None, ...] = (None, None, None)
    out: tuple[str, str, bool] = ("utf-8", "strict", False)
    err: tuple[str, str, bool] = ("utf-8", "backslashreplace", True)


def parse_request(raw: bytes) -> Request:
    """The request in `raw` (JSON), every field checked; `RequestError` for anything else."""
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise RequestError("not a JSON request") from None
    if not isinstance(data, dict) or data.get("protocol") != warm.PROTOCOL:
        raise RequestError("not a request of this protocol")
    op, key = data.get("op"), tuple(_strings(data.get("key"), "key"))
    if op in ("status", "stop") and set(data) <= {"protocol", "op", "key"}:
        return Request(op=op, key=key)
    if op != "run" or set(data) != _RUN_FIELDS:
        raise RequestError("not a request of this protocol")
    argv = _strings(data["argv"], "argv")
    if len(argv) < 2:
        raise RequestError("argv: no command")
    cwd = data["cwd"]
    if not isinstance(cwd, str) or not cwd.startswith("/") or not _for_the_system(cwd):
        raise RequestError("cwd: not an absolute path")
    env = data["env"]
    if not isinstance(env, dict) or not all(
        isinstance(name, str)
        and isinstance(value, str)
        and name
        and "=" not in name
        and _for_the_system(name)
        and _for_the_system(value)
        for name, value in env.items()
    ):
        raise RequestError("env: not a map of variable names to values")
    umask = data["umask"]
    if type(umask) is not int or not 0 <= umask <= 0o777:
        raise RequestError("umask: not a umask")
    terminals = data["terminals"]
    if not isinstance(terminals, list) or [type(t) for t in terminals] != [bool] * 3:
        raise RequestError("terminals: not three flags")
    return Request(
        op="run",
        key=key,
        argv=tuple(argv),
        cwd=cwd,
        env=tuple(env.items()),
        umask=umask,
        terminals=(terminals[0], terminals[1], terminals[2]),
        sizes=_sizes(data["sizes"]),
        out=_text_stream(data["out"], "out"),
        err=_text_stream(data["err"], "err"),
    )


def _no_constant(name: str) -> Any:
    raise RequestError(f"{name} is no JSON value")


def _strings(value: object, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestError(f"{field}: not a list of strings")
    return value


def _for_the_system(text: str) -> bool:
    """Whether `text` can be an argument of the operating system: no NUL, and bytes the
    file system encoding can give (surrogates only as escaped bytes)."""
    if "\0" in text:
        return False
    try:
        os.fsencode(text)
    except UnicodeError:
        return False
    return True


def _sizes(value: object) -> tuple[tuple[int, int] | None, ...]:
    if not isinstance(value, list) or len(value) != 3:
        raise RequestError("sizes: not three terminal sizes")
    found: list[tuple[int, int] | None] = []
    for size in value:
        if size is None:
            found.append(None)
        elif (
            isinstance(size, list)
            and [type(n) for n in size] == [int, int]
            and all(0 <= n <= 65_535 for n in size)
        ):
            found.append((size[0], size[1]))
        else:
            raise RequestError("sizes: not a terminal size")
    return tuple(found)


def _text_stream(value: object, field: str) -> tuple[str, str, bool]:
    if (
        not isinstance(value, list)
        or [type(v) for v in value] != [str, str, bool]
        or value[1] not in _ERROR_HANDLERS
    ):
        raise RequestError(f"{field}: not an encoding, its error handler and line buffering")
    try:
        codecs.lookup(value[0]).name.encode("ascii")
    except (LookupError, UnicodeError):
        raise RequestError(f"{field}: unknown encoding") from None
    return value[0], value[1], value[2]


# --- running one command as the caller ------------------------------------------------


class _NeedsTerminal(BaseException):
    """Raised at the command's first read of the standard input: not one of `Exception`,
    so nothing on the way (click, `main`'s last resort) takes it for an error."""


class _NoInput(io.TextIOBase):
    """The standard input in the worker: as much a terminal as the caller's, never read."""

    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self._terminal = terminal

    def isatty(self) -> bool:
        return self._terminal

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        raise _NeedsTerminal

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise _NeedsTerminal


class _Captured(io.RawIOBase):
    """Bytes written to stdout or stderr, kept in order with the other stream's."""

    def __init__(self, kind: bytes, chunks: list[tuple[bytes, bytes]], terminal: bool) -> None:
        super().__init__()
        self._kind, self._chunks, self._terminal = kind, chunks, terminal

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._terminal

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        if chunk:
            self._chunks.append((self._kind, chunk))
        return len(chunk)


def _captured(
    kind: bytes, chunks: list[tuple[bytes, bytes]], spec: tuple[str, str, bool], terminal: bool
) -> io.TextIOWrapper:
    encoding, errors, line_buffering = spec
    raw = io.BufferedWriter(_Captured(kind, chunks, terminal))
    return io.TextIOWrapper(raw, encoding=encoding, errors=errors, line_buffering=line_buffering)


def _terminal_sizes(sizes: tuple[tuple[int, int] | None, ...]) -> Callable[..., os.terminal_size]:
    """`os.get_terminal_size` answering for the caller's 0, 1 and 2 (shutil, click and rich
    all ask it, the first two through `os` at call time)."""

    def get_terminal_size(fd: int = 1, /) -> os.terminal_size:
        size = sizes[fd] if fd in (0, 1, 2) else None
        if size is None:
            raise OSError(errno.ENOTTY, os.strerror(errno.ENOTTY))
        return os.terminal_size(size)

    return get_terminal_size


def _environment(values: dict[str, str]) -> None:
    os.environ.clear()
    os.environ.update(values)
    time.tzset()  # `TZ` is read by the C library, not by os.environ


@contextlib.contextmanager
def _as_caller(
    request: Request, out: io.TextIOWrapper, err: io.TextIOWrapper
) -> Iterator[tuple[object, ...]]:
    """The caller's surroundings while inside (it gives the command's standard streams);
    the worker's own again afterwards."""
    saved_cwd = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.chdir(request.cwd)  # the first change: if it fails, nothing else was changed
    except OSError:
        os.close(saved_cwd)
        raise
    saved_env = dict(os.environ)
    saved = (sys.argv, sys.stdin, sys.stdout, sys.stderr, os.get_terminal_size)
    saved_umask = os.umask(request.umask)
    try:
        _environment(dict(request.env))
        sys.argv = list(request.argv)
        sys.stdin, sys.stdout, sys.stderr = _NoInput(request.terminals[0]), out, err
        os.get_terminal_size = _terminal_sizes(request.sizes)
        with warnings.catch_warnings():  # fresh registries: a warning shows as in a new process
            getattr(warnings, "onceregistry", {}).clear()  # "once" warnings, once more
            yield sys.stdin, out, err
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr, os.get_terminal_size = saved
        os.umask(saved_umask)
        _environment(saved_env)
        os.fchdir(saved_cwd)
        os.close(saved_cwd)


def run_command(request: Request) -> tuple[list[tuple[bytes, bytes]], int] | None:
    """Run the request's command in this process as the caller would have: its output
    frames (stdout and stderr, in order) and exit code; None when it stopped at a read of
    the standard input, or its working folder is gone, before doing anything."""
    from legday.cli import main

    chunks: list[tuple[bytes, bytes]] = []
    out = _captured(OUT, chunks, request.out, request.terminals[1])
    err = _captured(ERR, chunks, request.err, request.terminals[2])
    try:
        with _as_caller(request, out, err) as streams:
            try:
                code = contextvars.copy_context().run(main, list(request.argv[1:]))
            except SystemExit as stop:  # not raised by `main`; a cold process would exit so
                code = _exit_code(stop, err)
            finally:
                for stream in (out, err):
                    with contextlib.suppress(OSError, ValueError):
                        stream.flush()
                forget_streams(streams)
    except _NeedsTerminal:
        return None
    except OSError as error:
        if error.filename == request.cwd and not chunks:
            return None  # the working folder went away: the caller finds that out itself
        raise
    return _merged(chunks), code


# Click (Typer's copy) keeps, for each `sys.stdin/stdout/stderr` it has seen, the stream
# it writes to in a weak-keyed cache: for a stream of the right encoding that is the
# stream itself, so the entry holds its own key and is never dropped. A cold process
# exits; the worker would keep every command's output (a year's HTML plan is ~1 MB).
_CLICK_STREAM_CACHES = ("_default_text_stdin", "_default_text_stdout", "_default_text_stderr")


def forget_streams(streams: Iterable[object]) -> None:
    """Drop a finished command's standard streams from click's caches (above)."""
    for module in (sys.modules.get("typer._click._compat"), sys.modules.get("click._compat")):
        for name in _CLICK_STREAM_CACHES:
            cells = getattr(getattr(module, name, None), "__closure__", None) or ()
            for cell in cells:
                with contextlib.suppress(ValueError):  # an empty cell
                    cache = cell.cell_contents
                    if isinstance(cache, weakref.WeakKeyDictionary):
                        for stream in streams:
                            cache.pop(stream, None)


def _exit_code(stop: SystemExit, err: io.TextIOWrapper) -> int:
    if stop.code is None or isinstance(stop.code, int):
        return stop.code or 0
    print(stop.code, file=err)
    return 1


def _merged(chunks: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Neighbouring chunks of the same stream as one frame."""
    merged: list[tuple[bytes, bytes]] = []
    for kind, data in chunks:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + data)
        else:
            merged.append((kind, data))
    return merged


# --- freshness ---------------------------------------------------------------------------


def code_fingerprint() -> str:
    """legday's files as they are on disk now: how many, and a CRC of every path, size and
    modification time (bytecode caches left out). About a millisecond for ~300 files."""
    crc, count = 0, 0
    folders = [warm.package_folder()]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                found = entry.stat(follow_symlinks=False)
                line = f"{entry.path}\0{found.st_size}\0{found.st_mtime_ns}\n"
                crc = zlib.crc32(line.encode("utf-8", "surrogateescape"), crc)
                count += 1
    return f"{count}:{crc:08x}"


def path_fingerprint() -> str:
    """The folders of the import path (the first apart): installing, upgrading or removing
    a package adds or renames an entry in site-packages, which changes its time."""
    crc = 0
    for folder in sys.path[1:]:
        with contextlib.suppress(OSError, ValueError):
            crc = zlib.crc32(f"{folder}\0{os.stat(folder).st_mtime_ns}\n".encode(), crc)
    return f"{crc:08x}"


# --- the folder, the lock and the process -------------------------------------------------


def private_folder(folder: str) -> None:
    """Make `folder` (0700) or check it: a folder of this user's, which nobody else may
    enter. `ValueError` when it is someone else's or no folder."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        raise ValueError(f"{folder} is not a folder of this user's")
    if found.st_mode & 0o077:
        os.chmod(folder, 0o700)


def paths(folder: str) -> dict[str, str]:
    """The worker's files for this installation: socket, pid, lock and log."""
    stem = f"{folder}/{warm.stem()}"
    return {part: f"{stem}.{part}" for part in ("sock", "pid", "lock", "log")}


def _take_lock(path: str, *, create: bool = True) -> int | None:
    """The lock a worker holds for its whole life (the system lets go of it when the
    process ends, however it ends); None when another worker holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CLOEXEC | (os.O_CREAT if create else 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def lock_held(path: str) -> bool:
    """Whether a worker process is alive for this lock (its socket may still not answer)."""
    try:
        fd = _take_lock(path, create=False)
    except OSError:
        return False  # no lock file: no worker ever ran here
    if fd is None:
        return True
    os.close(fd)
    return False


def remove_leftovers(files: dict[str, str]) -> None:
    """A socket and pid file no living worker holds the lock for."""
    for part in ("sock", "pid"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(files[part])


class _Stop(Exception):  # noqa: N818 (no error: SIGTERM while waiting)
    pass


class Worker:
    """The serving loop of one worker, with what it answers `status` with."""

    def __init__(self, folder: str, idle: float) -> None:
        self.files = paths(folder)
        self.idle = idle
        self.key = tuple(warm.compatibility())
        self.code = code_fingerprint()  # before the imports: an edit meanwhile makes it stale
        self.path = path_fingerprint()  # again after the imports (`_warm_up`)
        self.started = time.time()
        self.last = time.monotonic()
        self.served = 0
        self.busy = False
        self.stopping = ""
        self.import_env = {name: os.environ.get(name) for name in IMPORT_TIME_ENV}
        self.inode = -1

    def run(self) -> int:
        remove_leftovers(self.files)  # ours to remove: this process holds the lock
        self._warm_up()
        listener = self._listen()
        self._write_pid()
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._on_signal)
        note(f"started: pid {os.getpid()}, stops after {self.idle:g} s without a command")
        self.last = time.monotonic()  # idle from now: the imports may have taken a while
        try:
            self._serve(listener)
        finally:
            listener.close()
            self._clean_up()
            note(f"stopped: {self.stopping or 'signal'}")
        return 0

    def _warm_up(self) -> None:
        """Import every command and what the everyday ones use; then keep those objects
        out of the collector's way for good."""
        import typer.main

        from legday.bootstrap import warm_up
        from legday.cli import build_app

        typer.main.get_command(build_app())
        warm_up()
        self.path = path_fingerprint()  # after the imports, which may write bytecode caches
        gc.collect()
        gc.freeze()

    def _listen(self) -> socket.socket:
        """Bound under a temporary name, made 0600 from the start, listening, then renamed
        into place: a caller never finds a socket that refuses it."""
        address = self.files["sock"]
        temporary = f"{address}.{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            listener.bind(temporary)
        finally:
            os.umask(old)
        listener.listen(16)
        os.replace(temporary, address)
        self.inode = os.lstat(address).st_ino
        return listener

    def _write_pid(self) -> None:
        temporary = f"{self.files['pid']}.{os.getpid()}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(f"{os.getpid()}\n")
        os.replace(temporary, self.files["pid"])

    def _clean_up(self) -> None:
        """Remove the socket and pid file if they are still this worker's."""
        with contextlib.suppress(OSError):
            if os.lstat(self.files["sock"]).st_ino == self.inode:
                os.unlink(self.files["sock"])
        with contextlib.suppress(OSError, ValueError):
            with open(self.files["pid"], encoding="ascii") as pid:
                mine = int(pid.read().strip() or 0) == os.getpid()
            if mine:
                os.unlink(self.files["pid"])

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.stopping = f"signal {signal.Signals(signum).name}"
        if not self.busy:
            raise _Stop  # out of accept(); while busy, the command finishes first

    def _serve(self, listener: socket.socket) -> None:
        while not self.stopping:
            waited = time.monotonic() - self.last
            if waited >= self.idle:
                self.stopping = f"no command for {waited:.0f} s"
                break
            listener.settimeout(min(self.idle - waited, TICK_SECONDS))
            try:
                connection, _ = listener.accept()
            except _Stop:
                break
            except TimeoutError:
                if self.stale():
                    self.stopping = STALE
                elif not self._still_listed():
                    self.stopping = "its socket was removed or replaced"
                continue
            with connection:
                self.busy = True
                try:
                    self.handle(connection)
                except Exception as error:  # a bug here must not end the worker
                    note(f"error while answering: {type(error).__name__}: {error}")
                finally:
                    self.busy = False
                    self.last = time.monotonic()

    def _still_listed(self) -> bool:
        try:
            return os.lstat(self.files["sock"]).st_ino == self.inode
        except OSError:
            return False

    def stale(self) -> bool:
        return code_fingerprint() != self.code or path_fingerprint() != self.path

    def handle(self, connection: socket.socket) -> None:
        connection.settimeout(IO_SECONDS)
        uid = _peer_uid(connection)
        if uid is not None and uid != os.getuid():
            note(f"refused a connection from user {uid}")
            return
        try:
            request = parse_request(_read_request(connection))
        except RequestError as refused:
            note(f"refused a request: {refused}")
            connection.sendall(frame(FALLBACK, str(refused).encode()))
            return
        if request.op == "status":
            connection.sendall(frame(ANSWER, json.dumps(self.status(request)).encode()))
        elif request.op == "stop":
            self.stopping = "asked to stop"
            connection.sendall(frame(ANSWER, json.dumps({"pid": os.getpid()}).encode()))
        else:
            self._run(connection, request)

    def status(self, request: Request) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "started": self.started,
            "served": self.served,
            "idle_seconds": self.idle,
            "idle_for": time.monotonic() - self.last,
            "current": request.key == self.key and not self.stale(),
            "socket": self.files["sock"],
            "log": self.files["log"],
        }

    def refusal(self, request: Request) -> str | None:
        """Why this worker would not give the caller the output of a cold run, if so."""
        if request.key != self.key:
            return "another Python, legday or Python setting than the worker's"
        if not warm.may_serve(list(request.argv[1:]), request.terminals[0]):
            return "not a command the worker runs"
        if warm.names_process_files(list(request.argv[1:]), request.cwd):
            return "an argument may name a file of the caller's own process (/dev, /proc)"
        env = dict(request.env)
        differing = [n for n in IMPORT_TIME_ENV if env.get(n) != self.import_env[n]]
        if differing:
            return f"{', '.join(differing)} differ from the worker's"
        if self.stale():
            self.stopping = STALE
            return STALE
        return None

    def _run(self, connection: socket.socket, request: Request) -> None:
        reason = self.refusal(request)
        if reason is not None:
            connection.sendall(frame(FALLBACK, reason.encode()))
            return
        connection.sendall(frame(READY))
        try:
            go = connection.recv(1)
        except TimeoutError:
            go = b""
        if go != GO:
            return  # the caller gave up before GO: it runs the command itself
        result = run_command(request)
        if result is None:
            connection.sendall(frame(FALLBACK, b"the command reads the standard input"))
            return
        frames, code = result
        self.served += 1
        answer = b"".join(frame(kind, data) for kind, data in frames)
        connection.sendall(answer + frame(EXIT, str(code).encode("ascii")))


def _read_request(connection: socket.socket) -> bytes:
    try:
        head = _exactly(connection, 4)
        size = int.from_bytes(head, "big")
        if size > warm.MAX_REQUEST:
            raise RequestError(f"a request of {size} bytes is too large")
        return _exactly(connection, size)
    except (OSError, EOFError):
        raise RequestError("the request was not sent in time") from None


def _exactly(connection: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = connection.recv(min(size - len(data), 1 << 16))
        if not chunk:
            raise EOFError
        data += chunk
    return bytes(data)


def _peer_uid(connection: socket.socket) -> int | None:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None  # the socket's and folder's modes keep other users out
    raw = connection.getsockopt(socket.SOL_SOCKET, option, 12)
    return int.from_bytes(raw[4:8], sys.byteorder)


def note(message: str) -> None:
    """One line in the worker's log (its standard error)."""
    with contextlib.suppress(OSError, ValueError):
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        print(f"{stamp} legday worker {os.getpid()}: {message}", file=sys.__stderr__, flush=True)


def main(argv: list[str] | None = None) -> int:
    """`python -m legday.cli.worker [--idle SECONDS] [--foreground]`: exit 0 once it
    serves (in the background, unless `--foreground`), 3 when a worker for this
    installation runs already, 2 when there is no private folder for its socket."""
    parser = argparse.ArgumentParser(prog="python -m legday.cli.worker")
    parser.add_argument("--idle", type=float, default=DEFAULT_IDLE_SECONDS)
    parser.add_argument("--foreground", action="store_true")
    args = parser.parse_args(argv)
    folder = warm.runtime_folder()
    if folder is None:
        print("no folder for a socket: set XDG_RUNTIME_DIR or LEGDAY_RUNTIME_DIR", file=sys.stderr)
        return 2
    files = paths(folder)
    if len(os.fsencode(files["sock"])) > MAX_SOCKET_PATH:
        print(f"{files['sock']} is too long for a socket; set a shorter LEGDAY_RUNTIME_DIR",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        private_folder(folder)
        lock = _take_lock(files["lock"])
    except (OSError, ValueError) as error:
        print(f"cannot use {folder}: {error}", file=sys.stderr)
        return 2
    if lock is None:
        print("a worker for this installation is running already", file=sys.stderr)
        return 3
    if not args.foreground and os.fork():
        os._exit(0)  # the parent: the child keeps the lock (the same open file)
    if not args.foreground:
        os.setsid()  # no terminal's Ctrl-C or hang-up reaches it
    os.chdir("/")
    return Worker(folder, args.idle).run()


if __name__ == "__main__":
    sys.exit(main())
