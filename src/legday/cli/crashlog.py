"""The last resort: a bug's traceback goes to a file, the terminal gets one line.

Every error a user can cause is a `LegdayError` and never lands here. Anything else is a
bug in legday: its traceback (passwords redacted) is written to a new file in the user's
state folder (platformdirs' `user_state_dir("legday")/crashes`, or `$LEGDAY_STATE_DIR/
crashes`), readable by the user only, so it can be attached to a report.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["EXIT_BUG", "KEEP", "crash_folder", "write_crash_log"]

EXIT_BUG = 70  # EX_SOFTWARE in sysexits.h: "an internal software error has been detected"
KEEP = 20  # crash logs kept; older ones are removed when a new one is written


def crash_folder() -> Path:
    chosen = os.environ.get("LEGDAY_STATE_DIR", "")
    if chosen:
        return Path(chosen) / "crashes"
    import platformdirs

    return Path(platformdirs.user_state_dir("legday")) / "crashes"


def write_crash_log(error: BaseException, argv: list[str]) -> Path:
    """Write the traceback of `error` to a new file and return its path (OSError if it cannot)."""
    from legday import __version__
    from legday.redaction import redact

    folder = crash_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    lines = [
        f"legday {__version__} on Python {sys.version.split()[0]} ({sys.platform})",
        # the command only: its arguments may hold a feed's token or a private file name
        f"command: legday {argv[0] if argv else ''} ({max(len(argv) - 1, 0)} more arguments)",
        "",
        *traceback.format_exception(error),
    ]
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as out:
        out.write(redact("\n".join(line.rstrip("\n") for line in lines)) + "\n")
    _prune(folder)
    return path


def _prune(folder: Path) -> None:
    """Keep the newest `KEEP` crash logs; only files named like ours are touched."""
    try:
        ours = sorted(
            p for p in folder.iterdir() if p.name.startswith("crash-") and p.suffix == ".log"
        )
    except OSError:
        return
    for old in ours[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
