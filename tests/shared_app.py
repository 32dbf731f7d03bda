"""One web app per test process, entered anew over each test's own logbook.

Building the app (`create_app`: its routes, their pydantic models) and its first answer
(FastAPI works out every route's context the first time a page asks `url_for`) cost about
70 ms of CPU, against about 10 ms for entering a built app over a new logbook. The page
and API tests asked for a new app each, a few hundred times a run; they now share one.

The shared app is made with no database URL, so its lifespan opens the logbook named by
`LEGDAY_DATABASE_URL` each time a `TestClient` enters it (as `legday serve` does); the
test's monkeypatch points that at the test's own logbook first. What the app keeps
between requests (`app.state.answers`) is emptied for each test, so no answer about
another test's logbook is ever served. Tests about what one app keeps across clients,
or about two apps on one store, still build their own (`create_app`).
"""

from __future__ import annotations

import functools

import pytest
from fastapi import FastAPI

from legday.web.api.answers import Answers
from legday.web.app import create_app

__all__ = ["app_over"]


@functools.cache
def _app() -> FastAPI:
    return create_app()  # no URL: the lifespan reads LEGDAY_DATABASE_URL on each entry


def app_over(database_url: str, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    """The process's app, to be entered (`TestClient(app)`) over `database_url` with
    nothing kept from an earlier test."""
    monkeypatch.setenv("LEGDAY_DATABASE_URL", database_url)
    app = _app()
    app.state.answers = Answers()
    return app
