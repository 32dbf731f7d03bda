"""What every page shares: rendering with the CSRF token and the navigation filled in, and
keeping a page drawn from the logbook until the athlete's records change. (The logbook,
the athlete an address names and today come from `legday.web.deps`.)"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import escape

from legday.web.api.answers import Answers
from legday.web.app import templates
from legday.web.security import csrf_token

__all__ = ["kept_page", "page"]

# A kept page is drawn with this in place of the browser's CSRF token, and the token is put
# in on each request. Random per process: no athlete's name or note can hold it.
TOKEN_SLOT = secrets.token_hex(16)


def page(
    request: Request,
    template: str,
    context: Mapping[str, Any],
    *,
    status_code: int = 200,
    section: str = "",
) -> HTMLResponse:
    """The template rendered with the page's CSRF token and which nav entry is current."""
    full = {"csrf_token": csrf_token(request.state), "section": section, **context}
    return templates.TemplateResponse(request, template, full, status_code=status_code)


async def kept_page(
    request: Request,
    answers: Answers,
    key: Hashable,
    template: str,
    context: Callable[[], Mapping[str, Any]],
    *,
    section: str = "",
) -> HTMLResponse:
    """The page drawn from `context()` once per `key` and kept in `answers`, for a page
    that is the same for every request between two changes of the athlete's records: `key`
    names all it depends on (the athlete's revision among them). The request's base URL is
    added (the templates' `url_for` writes whole addresses); the browser's CSRF token, the
    one part that differs per browser, is put in on each request. `context` reads the
    logbook: it runs in a worker thread, and only when the page is not kept."""

    def draw() -> bytes:
        full = {"request": request, "csrf_token": TOKEN_SLOT, "section": section, **context()}
        return templates.get_template(template).render(full).encode()

    drawn = await answers.get((template, str(request.base_url), key), draw)
    token = str(escape(csrf_token(request.state))).encode()
    return HTMLResponse(drawn.replace(TOKEN_SLOT.encode(), token))
