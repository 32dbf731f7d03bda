"""Where a calendar waits between the onboarding steps: a private folder per upload under
the system's temporary folder, named by a random token the pages carry in a hidden field.

The logbook takes calendars by file name or feed address (`Logbook.add_athlete` reads and
keeps the content), so an uploaded calendar is written to a file first; a pasted feed
address is kept beside it. The runner's corrections of the readings are an override file
(`--kinds`) in the same folder. Folders older than a day are removed at the next upload.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from legday.calendars import CALENDAR_SUFFIXES
from legday.errors import InputError

__all__ = ["MAX_UPLOAD_BYTES", "Upload", "find", "keep_feed", "keep_file"]

# The calendar readers' own limit (legday.calendars._files.MAX_BYTES): a season of a
# training platform's export is well under a megabyte.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
FEED_SCHEMES = ("https://", "http://", "webcal://", "webcals://")
MAX_FEED_CHARS = 2048
KEPT_SECONDS = 24 * 3600
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
FEED_FILE = "feed.url"
KINDS_FILE = "kinds.toml"
ROOT_NAME = f"legday-uploads-{os.getuid()}"


@dataclass(frozen=True, slots=True)
class Upload:
    """A calendar waiting for its athlete: a file in the folder, or a feed's address."""

    token: str
    folder: Path
    source: str  # the file's path or the feed's address, as `Logbook.add_athlete` takes it
    shown: str  # the file's name as uploaded, or "calendar feed"

    @property
    def kinds(self) -> Path | None:
        """The runner's corrections as an override file, once there are any."""
        path = self.folder / KINDS_FILE
        return path if path.is_file() else None

    def save_kinds(self, toml: str) -> None:
        (self.folder / KINDS_FILE).write_text(toml, encoding="utf-8")

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _root() -> Path:
    """This user's private folder of uploads. In a shared temporary folder another user may
    have made the name first (to read the calendars, or to plant files): a folder that is
    not ours alone is never used; the server then keeps its own, made by `mkdtemp`."""
    root = Path(tempfile.gettempdir()) / ROOT_NAME
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        if _private(root):
            return root
    except OSError:
        pass
    return _fallback(tempfile.gettempdir())


def _private(folder: Path) -> bool:
    info = folder.lstat()
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


_FALLBACKS: dict[str, Path] = {}


def _fallback(under: str) -> Path:
    """A folder of this server's own (0700 by `mkdtemp`), made once per temporary folder."""
    kept = _FALLBACKS.get(under)
    if kept is None or not kept.is_dir():
        kept = _FALLBACKS[under] = Path(tempfile.mkdtemp(prefix="legday-uploads-", dir=under))
    return kept


def _new_folder() -> tuple[str, Path]:
    root = _root()
    _sweep(root)
    token = secrets.token_urlsafe(18)
    folder = root / token
    folder.mkdir(mode=0o700)
    return token, folder


def _sweep(root: Path) -> None:
    """Forget uploads nobody finished within a day."""
    limit = time.time() - KEPT_SECONDS
    for folder in root.iterdir():
        try:
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def safe_name(filename: str) -> str:
    """The uploaded file's own name, reduced to harmless characters; its suffix must be a
    calendar's (the reader is picked by it)."""
    name = _UNSAFE.sub("-", Path(filename.replace("\\", "/")).name).strip(" .-")[-80:]
    if not name.lower().endswith(CALENDAR_SUFFIXES):
        raise InputError(
            "calendar", f"{filename or 'the file'}: choose an .ics or .csv calendar file"
        )
    return name


def keep_file(filename: str, data: bytes) -> Upload:
    name = safe_name(filename)
    if not data.strip():
        raise InputError("calendar", f"{name} is empty: export the calendar again")
    token, folder = _new_folder()
    path = folder / name
    path.write_bytes(data)
    return Upload(token, folder, str(path), name)


def check_feed(address: str) -> str:
    """A feed address as typed, if it is one: never a path on this machine."""
    url = address.strip()
    if len(url) > MAX_FEED_CHARS:
        raise InputError("feed_url", f"an address of {len(url)} characters is too long")
    if not url.lower().startswith(FEED_SCHEMES) or any(c.isspace() for c in url):
        raise InputError(
            "feed_url", "paste the feed's address, starting with https:// or webcal://"
        )
    return url


def keep_feed(address: str) -> Upload:
    url = check_feed(address)
    token, folder = _new_folder()
    (folder / FEED_FILE).write_text(url, encoding="utf-8")
    return Upload(token, folder, url, "calendar feed")


def find(token: str) -> Upload:
    """The upload a form names; a stale or forged token is the runner's to redo."""
    gone = InputError("calendar", "that calendar is no longer here; upload it again")
    if not _TOKEN.fullmatch(token):
        raise gone
    folder = _root() / token
    if not folder.is_dir():
        raise gone
    feed = folder / FEED_FILE
    if feed.is_file():
        return Upload(token, folder, feed.read_text(encoding="utf-8"), "calendar feed")
    files = [p for p in folder.iterdir() if p.name.lower().endswith(CALENDAR_SUFFIXES)]
    if not files:
        raise gone
    return Upload(token, folder, str(files[0]), files[0].name)
