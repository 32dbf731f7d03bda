"""The warm worker's front door: how a `legday` process hands its command to a running
`legday daemon` instead of paying for its own imports.

A cold `legday today` spends nine tenths of its time importing SQLAlchemy, Typer and the
model before its first query (docs/benchmarks.md). The warm worker (`legday.cli.worker`,
started by `legday daemon start`, opt-in) imports them once; this module is what every
`legday` runs first, before anything heavy: the standard library only, and of it only
what the interpreter has loaded anyway (plus `_socket` and `json` when a worker is there).

`served(argv)` returns the exit code of the command the worker ran, or None: then the
caller runs the command in its own process exactly as without a worker. None whenever
the command is not one the worker may serve, no worker is listening for this
installation, its folder or socket is not the user's own, the worker says it cannot serve
this caller (another Python setting, code changed on disk since it started), or anything
goes wrong before the worker has been told to go.

The exchange, over a Unix socket in a private folder (`runtime_folder`):

1. the caller sends one request: length-prefixed JSON with its arguments, working
   folder, environment, umask, which standard streams are terminals, their sizes and
   encodings, and its compatibility key (`compatibility`);
2. the worker answers READY, or FALLBACK with a reason (then nothing ran);
3. the caller sends GO. This is the point of no return: from here the command may have
   run, so it is never run again in process. A connection lost after GO is one line on
   stderr and `EXIT_LOST`; saying "check, then run it again" is honest, running it again
   could log a session twice;
4. the worker runs the command in process with the caller's streams captured, and sends
   its output (stdout and stderr frames, in the order they were flushed) and EXIT with
   the code. The caller writes the bytes as they came. One exception: a FALLBACK after GO
   means the command stopped at its first read of the standard input, before it wrote
   anything (only `log`'s prompts read it), and the caller runs it in process.
"""

from __future__ import annotations

import os
import stat
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from _socket import socket as Socket  # noqa: N812 (the class, named as a class)
    from typing import Any

__all__ = [
    "ANSWER",
    "ERR",
    "EXIT",
    "EXIT_LOST",
    "FALLBACK",
    "GO",
    "MAX_REQUEST",
    "OUT",
    "PROTOCOL",
    "READY",
    "SERVED",
    "ask",
    "compatibility",
    "frame",
    "may_serve",
    "names_process_files",
    "package_folder",
    "read_frame",
    "runtime_folder",
    "served",
    "stem",
]

PROTOCOL = 1
# Commands the worker may run: none reads the standard input, except `log`'s prompts,
# which come before anything is written (a prompt in the worker stops the command, and the
# caller runs it in process). Not served: `serve` (a server of its own), `daemon`, `db`
# (a deploy step), `backup` and `restore` (rare, large), and anything that is no command
# (`--help`, `--version`, a typo), which cost what they cost.
SERVED = frozenset(
    {
        "today",
        "log",
        "history",
        "progress",
        "skip",
        "move",
        "weather",
        "sync",
        "athlete",
        "plan",
        "check",
        "export",
        "exercises",
        "rules",
        "runs",
    }
)
# `log` at a terminal prompts unless one of these says what was done.
_LOG_ANSWERED = ("--done", "--exercise", "-e", "--care", "--morning-pain")

READY, FALLBACK, OUT, ERR, EXIT, ANSWER = b"R", b"F", b"1", b"2", b"X", b"A"
GO = b"G"
MAX_REQUEST = 1 << 20  # an environment and arguments; far larger is no legday request
MAX_FRAME = 1 << 28  # output of one command (a year's HTML plan is ~1 MB)
READY_SECONDS = 3.0  # a worker busy with another command for longer: run it here instead
EXIT_LOST = 70  # EX_SOFTWARE, as a crash: the worker went away while it ran the command


def package_folder() -> str:
    """legday's own folder: part of the installation the worker belongs to."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def runtime_folder() -> str | None:
    """Where the sockets live: `$LEGDAY_RUNTIME_DIR`, else platformdirs'
    `user_runtime_dir("legday")` (`$XDG_RUNTIME_DIR/legday` on Linux, read here without
    platformdirs' imports), else on Linux a `run` folder in the user cache folder; None when
    there is nowhere (then no worker is ever used)."""
    chosen = os.environ.get("LEGDAY_RUNTIME_DIR", "")
    if chosen:
        return chosen
    system = sys.platform  # a variable: type checkers would call the other branches dead
    if system == "win32":
        return None  # no Unix sockets for Python there
    if system == "linux":
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if runtime.startswith("/"):
            return runtime.rstrip("/") + "/legday"
        cache = os.environ.get("XDG_CACHE_HOME", "")
        home = os.environ.get("HOME", "")
        if cache.startswith("/"):
            return cache.rstrip("/") + "/legday/run"
        if not cache.strip() and home.startswith("/"):
            return home.rstrip("/") + "/.cache/legday/run"
        return None
    try:
        import platformdirs
    except ImportError:
        return None
    return str(platformdirs.user_runtime_dir("legday"))


def stem() -> str:
    """`legday-<8 hex digits>` naming this interpreter and this legday's folder: the socket,
    pid file, lock and log of its worker. Another virtual environment gets another."""
    import zlib

    named = f"{sys.executable}\0{package_folder()}".encode("utf-8", "surrogateescape")
    return f"legday-{zlib.crc32(named):08x}"


def compatibility() -> list[str]:
    """What must be the same in the caller and the worker for the output to be the same:
    the interpreter, legday's version and folder, the import path (but its first entry, the
    script's or working folder), and the settings fixed when Python starts: text encodings,
    warning options, `-O`, development mode."""
    import _locale

    from legday import __version__

    locale_encoding = "utf-8" if sys.flags.utf8_mode else _locale.getencoding()
    return [
        str(PROTOCOL),
        sys.executable,
        sys.version,
        __version__,
        package_folder(),
        "\0".join(sys.path[1:]),
        locale_encoding,
        sys.getfilesystemencoding(),
        sys.getfilesystemencodeerrors(),
        "\0".join(sys.warnoptions),
        f"{sys.flags.optimize} {sys.flags.dev_mode} {sys.flags.utf8_mode}",
    ]


def may_serve(argv: list[str], stdin_is_terminal: bool) -> bool:
    """Whether the worker may be asked at all: a served command, and for `log` at a
    terminal, one of the options that answer the prompts' questions."""
    if not argv or argv[0] not in SERVED:
        return False
    if argv[0] != "log" or not stdin_is_terminal:
        return True
    return any(
        arg == flag or arg.startswith(flag + ("=" if flag.startswith("--") else ""))
        for arg in argv[1:]
        for flag in _LOG_ANSWERED
    )


# Files that are a process's own: its standard streams and descriptors (`/dev/stdout`,
# `/dev/fd/63` from a shell's `<(...)`, `/proc/self/...`) and its terminal (`/dev/tty`).
# Opened in the worker they would be the worker's: a calendar written to `-o /dev/stdout`
# would go to its log, one read from `--runs /dev/stdin` would be empty.
_PROCESS_FILES = (
    "/dev/stdin",
    "/dev/stdout",
    "/dev/stderr",
    "/dev/fd",
    "/dev/tty",
    "/proc/self",
    "/proc/thread-self",
)


def names_process_files(argv: list[str], cwd: str) -> bool:
    """Whether an argument may name such a file, from `cwd` (as a path, an option's
    `=value`, or glued to a short option as in `-o/dev/stdout`): such a command runs in
    the caller's process."""
    for arg in argv:
        for value in (arg, arg.partition("=")[2], arg[2:] if arg[:1] == "-" else ""):
            path = os.path.normpath(os.path.join(cwd, value)) if value else ""
            if any(path == name or path.startswith(name + "/") for name in _PROCESS_FILES):
                return True
    return False


# --- the caller ------------------------------------------------------------------------


def served(argv: list[str]) -> int | None:
    """The exit code of `argv` run by the warm worker, or None: run it in this process."""
    if os.environ.get("LEGDAY_NO_DAEMON", "") not in ("", "0"):
        return None
    if not argv or argv[0] not in SERVED:
        return None  # the cheap test first: no folder looked at for `--help` or `serve`
    try:
        opened = _open(argv)
    except Exception:  # an odd process (a standard stream replaced, say) or a bug: cold
        return None
    if opened is None:
        return None
    connection, request = opened
    try:
        return _exchange(connection, request)
    finally:
        connection.close()


def _open(argv: list[str]) -> tuple[Socket, bytes] | None:
    """A connection to this installation's worker and the request for `argv`, or None."""
    folder = runtime_folder()
    if folder is None:
        return None
    address = f"{folder}/{stem()}.sock"
    if not _own_socket(folder, address):
        return None  # the usual answer without a worker: one failed lstat
    request = _request(argv)
    if request is None:
        return None
    connection = _connect(address)
    return None if connection is None else (connection, request)


def _own_socket(folder: str, address: str) -> bool:
    """A socket of this user's, in a folder only this user can enter: a socket someone
    else put there would receive the environment (and the database's password)."""
    try:
        made = os.lstat(address)
        where = os.lstat(folder)
    except (OSError, ValueError):
        return False
    uid = os.getuid()
    return (
        stat.S_ISSOCK(made.st_mode)
        and made.st_uid == uid
        and stat.S_ISDIR(where.st_mode)
        and where.st_uid == uid
        and not where.st_mode & 0o077
    )


def _stream(stream: Any) -> list[Any] | None:
    if stream is None:
        return None
    return [stream.encoding, stream.errors, bool(stream.line_buffering)]


def _request(argv: list[str]) -> bytes | None:
    """The JSON request for `argv`; None when this process cannot describe itself (no
    working folder, no standard output, a command `log` would prompt for)."""
    terminals = [os.isatty(fd) for fd in (0, 1, 2)]
    if not may_serve(argv, terminals[0]):
        return None
    out, err = _stream(sys.stdout), _stream(sys.stderr)
    if out is None or err is None:
        return None
    try:
        cwd = os.getcwd()
    except OSError:
        return None  # a deleted working folder: the command says so itself
    if names_process_files(argv, cwd):
        return None
    sizes: list[list[int] | None] = []
    for fd in (0, 1, 2):
        try:
            sizes.append(list(os.get_terminal_size(fd)))
        except (OSError, ValueError):
            sizes.append(None)
    umask = os.umask(0o077)
    os.umask(umask)
    import json

    body = {
        "protocol": PROTOCOL,
        "op": "run",
        "key": compatibility(),
        "argv": [sys.argv[0] if sys.argv else "legday", *argv],
        "cwd": cwd,
        "env": dict(os.environ),
        "umask": umask,
        "terminals": terminals,
        "sizes": sizes,
        "out": out,
        "err": err,
    }
    # ASCII: arguments and variables that are not UTF-8 travel as escaped surrogates and
    # arrive as the same bytes.
    return json.dumps(body, separators=(",", ":")).encode("ascii")


def _connect(address: str) -> Socket | None:
    """A connection to the worker at `address`, checked to be this user's; None if not."""
    import _socket

    try:
        connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        connection.settimeout(READY_SECONDS)
        connection.connect(address)
        if _peer_uid(connection) in (None, os.getuid()):
            return connection
    except (OSError, ValueError):
        pass
    connection.close()
    return None


def _peer_uid(connection: Socket) -> int | None:
    """The user id of the process at the other end (Linux' SO_PEERCRED); None where the
    system has no such option (the folder's and socket's modes still keep others out)."""
    import _socket

    option = getattr(_socket, "SO_PEERCRED", None)
    if option is None:
        return None
    raw = connection.getsockopt(_socket.SOL_SOCKET, option, 12)  # struct ucred: pid, uid, gid
    return int.from_bytes(raw[4:8], sys.byteorder)


def _exchange(connection: Socket, request: bytes) -> int | None:
    try:
        connection.sendall(len(request).to_bytes(4, "big") + request)
        kind, _ = read_frame(connection)
        if kind != READY:
            return None  # FALLBACK: the worker ran nothing
        connection.sendall(GO)
    except Exception:
        return None  # before GO the worker runs nothing: the command runs here
    except KeyboardInterrupt:
        return _say("interrupted (Ctrl-C)", 130)
    # GO is sent: from here the command may have run, and is never run again here.
    try:
        connection.settimeout(None)  # a long command takes what it takes; Ctrl-C stops waiting
        frames: list[tuple[bytes, bytes]] = []
        while True:
            kind, payload = read_frame(connection)
            if kind in (OUT, ERR):
                frames.append((kind, payload))
            elif kind == EXIT:
                code = int(payload.decode("ascii"))
                break
            elif kind == FALLBACK and not frames:
                return None  # stopped at a prompt before writing anything
            else:
                raise ValueError(f"unexpected frame {kind!r}")
    except KeyboardInterrupt:
        return _say(
            "interrupted (Ctrl-C) while the warm worker (legday daemon) ran the command; it "
            "finishes it on its own: check what was done before running it again",
            130,
        )
    except Exception as error:  # the connection, or a frame out of shape
        return _say(
            f"lost the warm worker (legday daemon) while it ran the command ({error or 'closed'});"
            " it may or may not have been done: check (e.g. `legday history`) before running it"
            " again",
            EXIT_LOST,
        )
    return _write(frames, code)


def _write(frames: list[tuple[bytes, bytes]], code: int) -> int:
    """The worker's output as it came; a closed or full standard output ends as `main`
    ends it (`legday.cli._output_failed`): silent 141 for a reader that went away."""
    for kind, data in frames:
        target = sys.stdout if kind == OUT else sys.stderr
        try:
            target.buffer.write(data)
            target.buffer.flush()
        except OSError as error:
            if kind == ERR:
                continue  # nowhere left to say anything
            from legday.cli import _output_failed

            return _output_failed(error)
    return code


def _say(message: str, code: int) -> int:
    try:
        sys.stderr.write(f"legday: error: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return code


# --- shared with the worker and `legday daemon` ------------------------------------------


def frame(kind: bytes, payload: bytes = b"") -> bytes:
    """One frame: its kind (one byte), the payload's length (4 bytes), the payload."""
    return kind + len(payload).to_bytes(4, "big") + payload


def read_frame(connection: Socket, limit: int = MAX_FRAME) -> tuple[bytes, bytes]:
    head = _exactly(connection, 5)
    size = int.from_bytes(head[1:], "big")
    if size > limit:
        raise ValueError("frame too large")
    return head[:1], _exactly(connection, size)


def _exactly(connection: Socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = connection.recv(min(size - len(data), 1 << 20))
        if not chunk:
            raise EOFError("closed")
        data += chunk
    return bytes(data)


def ask(op: str, timeout: float = 5.0) -> dict[str, Any] | None:
    """`status` or `stop` for this installation's worker: its answer, or None when none
    answers (no socket, not this user's, or no reply within `timeout` seconds)."""
    import json

    folder = runtime_folder()
    if folder is None:
        return None
    address = f"{folder}/{stem()}.sock"
    if not _own_socket(folder, address):
        return None
    connection = _connect(address)
    if connection is None:
        return None
    try:
        connection.settimeout(timeout)
        body = json.dumps({"protocol": PROTOCOL, "op": op, "key": compatibility()}).encode()
        connection.sendall(len(body).to_bytes(4, "big") + body)
        kind, payload = read_frame(connection, MAX_REQUEST)
        answer = json.loads(payload) if kind == ANSWER else None
    except (OSError, EOFError, ValueError):
        return None
    finally:
        connection.close()
    return answer if isinstance(answer, dict) else None
