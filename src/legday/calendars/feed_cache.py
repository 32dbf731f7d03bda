"""The last copy of each calendar feed, kept so an unchanged feed costs a 304, not a download.

A feed's address usually carries a secret token, and its events are the athlete's private
diary, so: files are named by the SHA-256 of the address (never the address itself), the
folder is 0700 and each file 0600, written atomically (a temporary file, then a rename).
A file holds one JSON line (the address's hash, ETag, Last-Modified, when it was fetched,
the body's SHA-256), then the body's bytes. Anything that does not check out is a miss.

Where: `feeds/` beside the parsed-calendar cache (`calendars.cache`: `$LEGDAY_CACHE_DIR`,
else the user cache folder); `LEGDAY_NO_CACHE=1` turns it off, like that cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_FEEDS", "Stored", "feed_directory", "load", "store", "touch"]

# Feeds kept; past this the least recently used are removed when one is written.
MAX_FEEDS = 64


@dataclass(frozen=True, slots=True)
class Stored:
    """A feed's body as last fetched, with the validators to ask whether it changed."""

    body: bytes
    etag: str | None
    last_modified: str | None
    fetched: str  # ISO 8601 UTC, for the warning when the copy stands in for the network


def feed_directory() -> Path | None:
    """The folder of stored feeds, or None when caching is off."""
    from legday.calendars.cache import cache_directory

    calendars = cache_directory()
    return None if calendars is None else calendars.parent / "feeds"


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def load(directory: Path, url: str) -> Stored | None:
    """The stored copy of `url`, or None (missing, unreadable, damaged or another feed's)."""
    key = _key(url)
    try:
        from legday.calendars._files import MAX_BYTES
        from legday.files import read_limited

        # the body is at most a feed's limit; its JSON head a few hundred bytes more
        raw = read_limited(directory / f"{key}.feed", limit=MAX_BYTES + 4096).data
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("url") != key or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        etag, modified, fetched = meta["etag"], meta["last_modified"], meta["fetched"]
    except Exception:  # a damaged copy is a miss, never an error
        return None
    if not all(v is None or isinstance(v, str) for v in (etag, modified)):
        return None
    if not isinstance(fetched, str):
        return None
    return Stored(body, etag, modified, fetched)


def store(directory: Path, url: str, copy: Stored) -> None:
    """Write the copy atomically, readable by the user only; never raises."""
    import tempfile

    key = _key(url)
    meta = {
        "url": key,
        "etag": copy.etag,
        "last_modified": copy.last_modified,
        "fetched": copy.fetched,
        "sha256": hashlib.sha256(copy.body).hexdigest(),
    }
    head = json.dumps(meta, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    temporary: Path | None = None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=directory)
        temporary = Path(name)
        os.fchmod(handle, 0o600)  # mkstemp's default too; said here because it matters
        with os.fdopen(handle, "wb") as out:
            out.write(head + b"\n" + copy.body)
        temporary.replace(directory / f"{key}.feed")
        temporary = None
        from legday.calendars.cache import prune

        prune(directory, ".feed", MAX_FEEDS)
    except OSError:
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


def touch(directory: Path, url: str) -> None:
    """Mark the copy as just used (a 304), for pruning."""
    with suppress(OSError):
        os.utime(directory / f"{_key(url)}.feed")
