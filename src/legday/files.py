"""Every user file legday reads or writes goes through here, so none can hang or flood it.

Reading: only a regular file is read (a FIFO would block forever, `/dev/zero` never ends, a
folder is no file); its size is checked before reading, at most `limit + 1` bytes are read
(a file that grows, or a /proc file that reports size 0, is still cut off), and the SHA-256
is taken on the same pass, so a calendar is never read twice to know whether it changed.

Writing (`-o`): a regular file is replaced whole or not at all (a temporary file in the same
folder, then a rename), keeping its permissions; a read-only file is refused rather than
replaced. A device or pipe (`/dev/stdout`, `/dev/full`, a FIFO) is written straight: renaming
over it would turn it into a plain file; `/dev/stdout` sent to a file by the shell is
appended to. A symbolic link is followed, and the file it names is replaced, so the link
stays.

Every refusal is one `LegdayError` line naming the path.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from legday.errors import InputError, LegdayError

__all__ = ["Contents", "read_limited", "write_output"]

_CHUNK = 1 << 16
# Opening a FIFO for reading waits for a writer; without blocking, it opens at once and
# fstat says what it is. Regular files ignore the flag. (Windows has no FIFOs and no flag.)
_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

Refusal = Callable[[str, str], LegdayError]
# A process's own output streams, whatever they point at.
_STREAM = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")


@dataclass(frozen=True, slots=True)
class Contents:
    """A file's bytes and their SHA-256 (hex), taken while reading."""

    data: bytes
    sha256: str


def _megabytes(size: int) -> str:
    """A file's size as people read it: 50.0 MB, 812 bytes."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size} bytes"


def _limit(size: int) -> str:
    """A limit as written in the docs: 20 MB, 512 KB."""
    if size >= 2**20:
        return f"{size / 2**20:g} MB"
    return f"{size / 2**10:g} KB" if size >= 2**10 else f"{size} bytes"


def read_limited(
    path: Path | str, *, limit: int, what: str = "file", refuse: Refusal = InputError
) -> Contents:
    """The bytes of the regular file at `path`, at most `limit` of them.

    `what` names the file in messages ("calendar", "profile"); `refuse(path, problem)` makes
    the error, so a calendar's refusal is a `CalendarError` and a profile's an `InputError`.
    """
    name = str(path)
    try:
        handle = os.open(name, os.O_RDONLY | _NO_WAIT)
    except OSError as error:
        raise refuse(name, f"cannot read {what}: {error.strerror or error}") from None
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise refuse(name, f"a folder, not a regular file; give a {what} file")
        if not stat.S_ISREG(status.st_mode):
            raise refuse(name, f"not a regular file (a device or pipe); give a {what} file")
        if status.st_size > limit:
            raise refuse(
                name, f"{what} is {_megabytes(status.st_size)}, above the {_limit(limit)} limit"
            )
        digest = hashlib.sha256()
        parts: list[bytes] = []
        left = limit + 1
        while left > 0:
            part = os.read(handle, min(_CHUNK, left))
            if not part:
                break
            digest.update(part)
            parts.append(part)
            left -= len(part)
    except OSError as error:
        raise refuse(name, f"cannot read {what}: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if left <= 0:
        raise refuse(name, f"{what} grew above the {_limit(limit)} limit while being read")
    return Contents(b"".join(parts), digest.hexdigest())


def write_output(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` as `-o` promises (see the module's docstring); a `private`
    new file (a backup: it holds feed tokens) is readable by its owner only."""
    name = str(path)
    if not name or name == ".":  # Path("") is "."
        raise InputError("output", "no file name given (an empty -o names no file)")
    try:
        status: os.stat_result | None = path.stat()  # through a symbolic link
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise InputError("output", f"cannot write {name}: {error.strerror or error}") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise InputError("output", f"cannot write {name}: it is a folder; give a file name")
    if status is not None and (not stat.S_ISREG(status.st_mode) or _is_stream(path)):
        _write_straight(name, data)
        return
    target = Path(os.path.realpath(name)) if path.is_symlink() else path
    if status is not None and (not status.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise InputError("output", f"{name} is read-only; not replaced (make it writable first)")
    _replace(target, data, status, shown=name, new_mode=0o600 if private else 0o644)


def _is_stream(path: Path) -> bool:
    """`/dev/stdout` and its kin, even when the shell sent them to a file: `>> log` must
    get the output appended, not the log replaced by it."""
    return _STREAM.fullmatch(str(path.absolute())) is not None


def _write_straight(name: str, data: bytes) -> None:
    """Write to a device or pipe in place: there is nothing to replace atomically."""
    try:
        handle = os.open(name, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
    except OSError as error:
        raise InputError("output", f"cannot write {name}: {error.strerror or error}") from None


def _replace(
    path: Path, data: bytes, old: os.stat_result | None, *, shown: str, new_mode: int
) -> None:
    """Replace `path` with `data` in one rename; a failure leaves the old file untouched."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError("output", f"cannot write {shown}: folder {folder} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError("output", f"cannot write {shown}: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temp.chmod(stat.S_IMODE(old.st_mode) if old is not None else new_mode)
        if old is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away; fine if not
                os.chown(temp, old.st_uid, old.st_gid)
        temp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InputError("output", f"cannot write {shown}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
