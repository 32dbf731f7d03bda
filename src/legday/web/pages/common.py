"""What every page shares: rendering with the CSRF token and the navigation filled in.
(The logbook, the athlete an address names and today come from `legday.web.deps`.)"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from legday.web.app import templates
from legday.web.security import csrf_token

__all__ = ["page"]


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
