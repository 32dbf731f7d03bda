"""Calendar feeds: https:// and webcal:// subscriptions, fetched like a file is read.

Training platforms and calendar apps publish a plan as a feed address, usually with a secret
token in it. `fetch` turns such an address into the feed's bytes, or into the same one-line
`CalendarError` a bad file gets, naming the address with its secrets hidden (`redact`):

- `webcal://` and `webcals://` mean https://. Plain http:// is refused (the token would
  travel in clear) except to this machine (localhost, 127.0.0.1, ::1);
- about `DEFAULT_TIMEOUT` seconds for the whole fetch (`LEGDAY_FEED_TIMEOUT` changes it),
  at most `MAX_REDIRECTS` redirects, a loop is refused at once;
- the body is streamed and cut off at the readers' `MAX_BYTES`, whatever Content-Length says;
- only a body that starts with BEGIN:VCALENDAR is a calendar: a login page is refused;
- the last copy is kept (`feed_cache`) and revalidated with If-None-Match /
  If-Modified-Since; when the server cannot be reached (or fails with 5xx/429), that copy
  is used with a one-line warning on stderr. Refusals (401/403/404, not a calendar, too
  large, redirect loops) never fall back: the address itself needs fixing.

httpx is imported only when a feed is fetched, so commands on files start as before.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from legday import __version__
from legday.calendars import feed_cache
from legday.calendars._files import MAX_BYTES
from legday.errors import CalendarError, InputError

if TYPE_CHECKING:
    import ssl

    import httpx

    from legday.calendars.entry import Calendar

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "Feed",
    "feed_url",
    "fetch",
    "fetch_once_from_here",
    "is_feed",
    "redact",
]

DEFAULT_TIMEOUT = 10.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
_SCHEMES = ("https", "http", "webcal", "webcals")
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HIDDEN = "…"


def is_feed(source: str) -> bool:
    """True for an address legday fetches rather than a file it opens."""
    scheme, found, _ = source.partition("://")
    return bool(found) and scheme.lower() in _SCHEMES


def redact(url: str) -> str:
    """The address as messages and `source` fields show it: no password, no token.

    User names and passwords, query values, `;name=value` path parameters (session ids)
    and path segments that look like keys become "…"; the host and readable words
    (`calendar`, `private`, `basic.ics`) stay. Key-like means: Google's `private-…`, 24+
    characters, 12+ with three digits, or a word of 8+ that mixes letters and digits or is
    all capitals and digits (`SECRET123`, `J2RVAFTIRXDQS`). Better one readable part
    hidden too many than one token shown in an error message or a shared plan file.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.netloc.rpartition("@")[2]
    except ValueError:
        return f"{url.partition('://')[0]}://{_HIDDEN}"
    netloc = f"{_HIDDEN}@{host}" if "@" in parts.netloc else host
    path = "/".join(_segment(piece) for piece in parts.path.split("/"))
    query = "&".join(
        f"{pair.partition('=')[0]}={_HIDDEN}" if "=" in pair else _HIDDEN
        for pair in parts.query.split("&")
        if pair
    )
    return urlunsplit((parts.scheme, netloc, path, query, ""))


_WORDS = re.compile(r"[^0-9A-Za-z]+")
_SUFFIX = re.compile(r"[A-Za-z]{1,5}")  # ics, ical, csv: kept after a hidden stem


def _segment(piece: str) -> str:
    """One path segment, its key-like stem and every `;parameter` value hidden."""
    name, *parameters = piece.split(";")
    hidden = [
        f"{key}={_HIDDEN}" if sep else _HIDDEN
        for key, sep, _ in (p.partition("=") for p in parameters)
    ]
    stem, dot, suffix = name.partition(".")
    if any(_token_word(word) for word in _WORDS.split(suffix)):
        name = _HIDDEN
    elif _key_like(stem):
        name = f"{_HIDDEN}.{suffix}" if dot and _SUFFIX.fullmatch(suffix) else _HIDDEN
    return ";".join([name, *hidden]) if name or hidden else name


def _key_like(stem: str) -> bool:
    digits = sum(c.isdigit() for c in stem)
    if stem.lower().startswith("private-") or len(stem) >= 24 or (len(stem) >= 12 and digits >= 3):
        return True
    return any(_token_word(word) for word in _WORDS.split(stem))


def _token_word(word: str) -> bool:
    """8+ characters mixing letters and digits, or all capitals and digits."""
    if len(word) < 8:
        return False
    mixed = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
    return mixed or word.isdigit() or word.isupper()


def feed_url(source: str) -> str:
    """The https (or loopback http) address to fetch; `CalendarError` when it is not one."""
    label = redact(source)
    try:
        parts = urlsplit(source.strip())
        host = parts.hostname
        _ = parts.port  # a bad port raises here, not deep inside httpx
    except ValueError as error:
        raise CalendarError(label, "not a valid feed address") from error
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES or not host:
        raise CalendarError(label, "not a valid feed address (give https://host/path)")
    try:
        host.encode("idna")  # an empty label ("a..b") or an over-long one
    except UnicodeError:
        raise CalendarError(label, "not a valid feed address (its host name)") from None
    if scheme in ("webcal", "webcals"):
        scheme = "https"  # webcal is a hint to calendar apps, served over https
    if scheme == "http" and host not in _LOOPBACK:
        raise CalendarError(
            label, "plain http:// is refused (the address and its token would go unencrypted)"
        )
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


@dataclass(frozen=True, slots=True)
class Feed:
    """A fetched feed: its bytes, the name shown for it, and how the readers see it."""

    label: str  # the redacted address: messages and `source` fields
    data: bytes
    url: str  # the address fetched; holds the token, never printed

    @property
    def stand_in(self) -> Path:
        """A file name for the readers (an .ics one: every feed is iCalendar, see `fetch`).

        Named by the address's hash, so the parsed-calendar cache keeps feeds apart.
        """
        return Path(f"feed-{hashlib.sha256(self.url.encode()).hexdigest()[:16]}.ics")

    @contextmanager
    def naming(self) -> Iterator[None]:
        """A reader's `CalendarError` about the stand-in file, told about the address."""
        try:
            yield
        except CalendarError as error:
            name = str(self.stand_in)
            if error.path != name:
                raise
            where = f"{name}:{error.line}" if error.line else name
            problem = str(error)[len(where) + 2 :]
            raise CalendarError(self.label, problem, error.line) from error

    def relabel(self, calendar: Calendar) -> Calendar:
        """Entries whose `source` names the address rather than the stand-in file."""
        prefix = self.stand_in.name
        entries = tuple(
            replace(e, source=self.label + e.source[len(prefix) :])
            if e.source.startswith(prefix)
            else e
            for e in calendar.entries
        )
        return replace(calendar, entries=entries)


class _UnreachableError(Exception):
    """The server could not answer now: a stored copy may stand in."""


# The feeds fetched since `fetch_once_from_here` in this context (a web request), by address.
_FETCHED: ContextVar[dict[str, Feed] | None] = ContextVar("legday_feeds_fetched", default=None)


def fetch_once_from_here() -> None:
    """From here on in this context (a web request: each runs in its own), each feed is
    fetched once and its bytes passed to every later reader: reading a calendar asks for
    its span and its entries, and the logbook keeps a copy; one download serves them all."""
    _FETCHED.set({})


def fetch(source: str, *, timeout: float | None = None) -> Feed:
    """The feed's bytes, fresh or (when unchanged, or the server unreachable) stored;
    fetched once per context after `fetch_once_from_here`."""
    fetched = _FETCHED.get()
    if fetched is None:
        return _fetch(source, timeout)
    found = fetched.get(source)
    if found is None:
        found = fetched[source] = _fetch(source, timeout)
    return found


def _fetch(source: str, timeout: float | None) -> Feed:
    label = redact(source)
    url = feed_url(source)
    seconds = _timeout() if timeout is None else timeout
    directory = feed_cache.feed_directory()
    stored = feed_cache.load(directory, url) if directory is not None else None
    try:
        answer = _download(url, label, stored, seconds)
    except _UnreachableError as problem:
        if stored is None:
            raise CalendarError(label, str(problem)) from None
        print(
            f"legday: warning: {label}: {problem}; using the copy fetched {stored.fetched}",
            file=sys.stderr,
        )
        return Feed(label, stored.body, url)
    if answer is None:  # 304: the stored copy is current
        assert stored is not None  # validators are sent only with a stored copy
        if directory is not None:
            feed_cache.touch(directory, url)
        return Feed(label, stored.body, url)
    if directory is not None:
        feed_cache.store(directory, url, answer)
    return Feed(label, answer.body, url)


def _timeout() -> float:
    text = os.environ.get("LEGDAY_FEED_TIMEOUT", "")
    if not text:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 600:
        raise InputError("LEGDAY_FEED_TIMEOUT", f"{text!r}: give seconds, more than 0, up to 600")
    return seconds


def _download(
    url: str, label: str, stored: feed_cache.Stored | None, seconds: float
) -> feed_cache.Stored | None:
    """The new body with its validators, or None for 304 Not Modified."""
    import httpx

    headers = {
        "User-Agent": f"legday/{__version__}",
        "Accept": "text/calendar, text/plain;q=0.8, */*;q=0.5",
    }
    if stored is not None and stored.etag:
        headers["If-None-Match"] = stored.etag
    if stored is not None and stored.last_modified:
        headers["If-Modified-Since"] = stored.last_modified
    deadline = time.monotonic() + seconds
    late = f"no answer within {seconds:g} s"
    seen = {url}
    try:
        with httpx.Client(verify=_tls(), follow_redirects=False, timeout=seconds) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _UnreachableError(late)
                with client.stream("GET", current, headers=headers, timeout=remaining) as answer:
                    if answer.status_code in _REDIRECTS and "location" in answer.headers:
                        current = _next_hop(answer, label, seen)
                        continue
                    if answer.status_code == 304 and stored is not None:
                        return None
                    _check_status(answer.status_code, label)
                    body = _read_capped(answer, label, deadline, late)
                    return feed_cache.Stored(
                        body,
                        _validator(answer.headers.get("etag")),
                        _validator(answer.headers.get("last-modified")),
                        datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                    )
    except httpx.TimeoutException:
        raise _UnreachableError(late) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError) as error:
        # UnicodeError: a host name the IDNA rules refuse (e.g. "xn--a.com")
        raise CalendarError(label, "not a valid feed address") from error
    except httpx.DecodingError:
        raise _UnreachableError("the server sent a damaged compressed body") from None
    except httpx.RequestError as error:  # connection and protocol failures
        reason = " ".join(str(error).replace(url, label).split())[:120] or type(error).__name__
        raise _UnreachableError(f"cannot reach the server ({reason})") from None
    raise CalendarError(label, f"more than {MAX_REDIRECTS} redirects")


def _validator(value: str | None) -> str | None:
    """An ETag or date worth sending back: short printable ASCII, as HTTP headers are."""
    if value is None or len(value) > 256 or not (value.isascii() and value.isprintable()):
        return None
    return value


@cache
def _tls() -> ssl.SSLContext:
    """The certificate authorities, loaded once a process (~100 ms), not once a feed."""
    import httpx

    return httpx.create_ssl_context()


def _next_hop(answer: httpx.Response, label: str, seen: set[str]) -> str:
    """Where a redirect leads, under the same scheme rules; a loop is refused."""
    target = str(answer.url.join(answer.headers["location"]))
    if is_feed(target):
        try:
            target = feed_url(target)
        except CalendarError as error:
            problem = str(error).partition(": ")[2]
            raise CalendarError(label, f"redirected to {redact(target)}: {problem}") from None
    else:
        raise CalendarError(label, "redirected to an address that is not a feed")
    if target in seen:
        raise CalendarError(label, "redirects go round in a loop")
    seen.add(target)
    return target


def _check_status(status: int, label: str) -> None:
    if status < 300:
        return
    if status in (401, 403):
        problem = "the server refused access; the address may have expired or need a new token"
        raise CalendarError(label, f"HTTP {status}: {problem}")
    if status in (404, 410):
        raise CalendarError(label, f"HTTP {status}: no feed at this address")
    if status == 429 or status >= 500:
        raise _UnreachableError(f"HTTP {status} from the server")
    raise CalendarError(label, f"HTTP {status}: the server did not send the feed")


def _read_capped(answer: httpx.Response, label: str, deadline: float, late: str) -> bytes:
    """The body, refused past `MAX_BYTES` or when it does not start like a calendar.

    A Content-Length above the cap is refused at once; a smaller (or missing) one is not
    believed: the count of bytes actually received decides.
    """
    too_large = f"feed is larger than the {MAX_BYTES / 2**20:g} MB limit"
    declared = answer.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise CalendarError(label, too_large)
    chunks: list[bytes] = []
    size = 0
    checked = False
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise CalendarError(label, too_large)
        chunks.append(chunk)
        if not checked and size >= 256:
            _check_calendar(b"".join(chunks), answer, label)
            checked = True
        if time.monotonic() > deadline:
            raise _UnreachableError(late)
    body = b"".join(chunks)
    if not body.strip():
        raise CalendarError(label, "the feed is empty")
    if not checked:
        _check_calendar(body, answer, label)
    return body


def _check_calendar(head: bytes, answer: httpx.Response, label: str) -> None:
    """Refuse a body that is not iCalendar, whatever its Content-Type claims."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[:512].decode("utf-16", "ignore")
    else:
        text = head[:512].decode("utf-8", "ignore")
    if text.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR":
        return
    kind = answer.headers.get("content-type", "").partition(";")[0].strip().lower()
    if "html" in kind or text.lstrip()[:1] == "<":
        raise CalendarError(
            label, "not a calendar: the server sent a web page (a login page?); check the address"
        )
    raise CalendarError(label, f"not a calendar: no BEGIN:VCALENDAR ({kind or 'no content type'})")
