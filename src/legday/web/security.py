"""What every response carries and every unsafe request must show, as one ASGI middleware.

Personal mode has no accounts, so the dangers are other web pages the athlete visits: a
form or script on them aiming at 127.0.0.1:8000 (cross-site request forgery) or a name
that resolves to 127.0.0.1 (DNS rebinding). Hence:

- the Host must be this machine;
- a request that changes something (POST, PUT, PATCH, DELETE) from another site is refused,
  and so is one from `Origin: null` (a sandboxed frame, a data: URL, a file on disk);
- it must be JSON (which no other site can send here without a CORS preflight, which this
  app never answers) or carry the page's CSRF token (header `X-CSRF-Token`, or the form
  field `csrf_token`, which `require_csrf` checks in the pages' routes that take forms);
  under /api/ a form or any other body needs the header: the API routes read no forms;
- a body is capped at MAX_BODY_BYTES as it arrives (413), and a form is parsed once with
  limits on its files, fields and parts;
- every response gets a Content-Security-Policy without inline scripts (unless the route
  set a stricter one of its own), and no referrer (a calendar feed's secret URL must not
  leak to another site).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request
from starlette.requests import cookie_parser

from legday.calendars._files import MAX_BYTES as CALENDAR_MAX_BYTES

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SECURITY_HEADERS",
    "Guard",
    "csrf_token",
    "require_csrf",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "legday_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# The largest body any route needs: a calendar at the readers' own limit, sent as JSON
# (where every newline and quote is escaped: up to twice its bytes), plus the form around it.
MAX_BODY_BYTES = 2 * CALENDAR_MAX_BYTES + 64 * 1024
# What one form may hold: one calendar file, a select per calendar entry shown for review,
# and no field (other than the file) above 1 MiB.
FORM_MAX_FILES = 1
FORM_MAX_FIELDS = 2000
FORM_MAX_PART_BYTES = 1024 * 1024

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), screen-wake-lock=(self)"),
)


class Guard:
    """The middleware: refuses what no page of ours would send, and labels every answer."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        cookie = _cookie(headers.get("cookie", ""), CSRF_COOKIE)
        token = cookie or secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_token"] = token
        refusal = _refusal(scope["method"], scope["path"], headers, cookie)
        if refusal:
            await _refuse(send, *refusal)
            return
        started = False

        async def labelled(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                own = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in own]
                if not cookie:
                    extra.append((b"set-cookie", _csrf_cookie(token)))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, _counted(receive), labelled)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(send, 413, TOO_LARGE)


TOO_LARGE = (
    f"body: larger than {MAX_BODY_BYTES // (1024 * 1024)} MB; no running calendar is that big"
)


class BodyTooLarge(HTTPException):
    """A body past MAX_BODY_BYTES, found while it arrives (a chunked body declares no size)."""

    def __init__(self) -> None:
        super().__init__(413, TOO_LARGE)


def _counted(receive: Receive) -> Receive:
    """`receive` that counts the body's bytes and stops at MAX_BODY_BYTES, before a parser
    spools the rest to disk."""
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                raise BodyTooLarge()
        return message

    return counted


def _refusal(
    method: str, path: str, headers: dict[str, str], cookie: str
) -> tuple[int, str] | None:
    """Why the request is refused (status, one line), or None."""
    if _hostname(headers.get("host", "")) not in LOCAL_HOSTS:
        return 400, "Host: legday answers only to 127.0.0.1, ::1 or localhost"
    if method not in UNSAFE_METHODS:
        return None
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return 413, TOO_LARGE
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return 403, "Sec-Fetch-Site: changes must come from legday's own pages"
    origin = headers.get("origin")
    # "null" is a sandboxed frame, a data: URL or a file: page, and also our own form under
    # `Referrer-Policy: no-referrer` (Chromium hides the origin then): only a browser that
    # says the request is same-origin (Sec-Fetch-Site) is believed
    ours = origin == "null" and headers.get("sec-fetch-site") == "same-origin"
    if origin is not None and not ours and origin.split("://", 1)[-1] != headers.get("host"):
        return 403, "Origin: changes must come from legday's own pages"
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind == "application/json":
        return None
    if kind in FORM_TYPES and not path.startswith("/api/"):
        return None  # the pages' forms are checked field by field in their routes (require_csrf)
    given = headers.get(CSRF_HEADER, "")
    if cookie and given and secrets.compare_digest(given, cookie):
        return None
    return 403, f"{CSRF_HEADER}: send JSON, or the page's CSRF token with this request"


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookie(header: str, name: str) -> str:
    """The cookie's value, read as `request.cookies` reads it (Starlette's parser), so
    the guard and `require_csrf` see the same token. Not `http.cookies.SimpleCookie`:
    one odd cookie of another program on 127.0.0.1 (cookies ignore the port) makes it
    drop every cookie after it, and it costs ~50 µs a request where this costs ~4."""
    value = cookie_parser(header).get(name, "") if header else ""
    return value if len(value) <= 128 else ""


def _csrf_cookie(token: str) -> bytes:
    return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode()


async def _refuse(send: Send, status: int, reason: str) -> None:
    body = ('{"detail": "' + reason.replace('"', "'") + '"}').encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_token(scope_state: Any) -> str:
    """The token a page puts in its forms and in `<meta name="csrf-token">`."""
    return str(getattr(scope_state, "csrf_token", ""))


async def require_csrf(request: Request) -> None:
    """A dependency for routes that take a form: its `csrf_token` field (or the header)
    must match the cookie this app set, else 403 naming the field."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    given = request.headers.get(CSRF_HEADER, "")
    kind = request.headers.get("content-type", "")
    if not given and kind.startswith(FORM_TYPES):
        # parsed here once, with the limits; the route's own `request.form()` gets this one
        form = await request.form(
            max_files=FORM_MAX_FILES,
            max_fields=FORM_MAX_FIELDS,
            max_part_size=FORM_MAX_PART_BYTES,
        )
        field = form.get(CSRF_FIELD, "")
        given = field if isinstance(field, str) else ""
    if not (cookie and given and secrets.compare_digest(given, cookie)):
        raise HTTPException(403, f"{CSRF_FIELD}: missing or stale; reload the page and try again")
