"""Writing export files whole or not at all.

A calendar app subscribed to a file, or a watch synced from a folder, must never read a
half-written export: write to a temporary file in the same folder, then rename over.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from legday.errors import InputError

__all__ = ["write_atomic"]


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename; a failure leaves the old file untouched."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError("output", f"cannot write {path}: folder {folder} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError("output", f"cannot write {path}: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temp.chmod(0o644)
        temp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InputError("output", f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
