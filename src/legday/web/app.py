"""The FastAPI application: the logbook opened once for the server's life, the guard in
front, pages and the JSON API as routers. `create_app` is what tests and `legday serve` call."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from legday import __version__, bootstrap
from legday.errors import InputError, LegdayError, MissingError, ReusedIdError, StoreError
from legday.model import problem_name
from legday.web import api
from legday.web.security import Guard, csrf_token

__all__ = ["create_app", "templates"]

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["version"] = __version__
templates.env.filters["problem"] = problem_name  # "runners-knee" -> "runner's knee"


def create_app(database_url: str | None = None) -> FastAPI:
    """The app over the logbook at `database_url` (else `LEGDAY_DATABASE_URL`, else the
    default SQLite file: the same store as the CLI)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with bootstrap.open_logbook(database_url) as (logbook, _database):
            app.state.logbook = logbook
            yield

    app = FastAPI(
        title="legday",
        version=__version__,
        summary="Leg-strength sessions planned around a runner's own running calendar.",
        lifespan=lifespan,
        docs_url=None,  # the docs page is served without a CDN or inline script (api/docs)
        redoc_url=None,
    )
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(LegdayError, _user_error)
    app.add_exception_handler(StarletteHTTPException, _http_problem)
    app.add_api_route("/", _home, methods=["GET"], response_class=HTMLResponse, name="home")
    api.install(app)
    from legday.web import player
    from legday.web.pages import pages_router

    app.include_router(player.router)
    app.include_router(pages_router())
    return app


BUSY_RETRY_AFTER_S = 2


async def _user_error(request: Request, error: Exception) -> JSONResponse:
    """A user's mistake is 422 with the one line the CLI would print, and the field.
    A busy or failing logbook (StoreError, ConflictError among them) is no mistake of the
    user's: 503 with Retry-After, so the offline queue keeps the set and tries again."""
    if isinstance(error, StoreError):
        headers = {"Retry-After": str(BUSY_RETRY_AFTER_S)}
        return JSONResponse({"detail": str(error), "field": None}, 503, headers=headers)
    field = error.field if isinstance(error, InputError) else None
    status = (
        409 if isinstance(error, ReusedIdError) else 404 if isinstance(error, MissingError) else 422
    )
    return JSONResponse({"detail": str(error), "field": field}, status_code=status)


# Addresses a program reads (JSON, files); every other address is a page a person reads.
MACHINE_PATHS = ("/api/", "/feeds/", "/static/", "/openapi.json", "/sw.js")
TITLES = {404: "Not found", 413: "Too large", 422: "Cannot be shown"}


async def _http_problem(request: Request, error: Exception) -> Response:
    """JSON for the API and files; a page with the one line (and the nav) for a browser."""
    assert isinstance(error, StarletteHTTPException)
    if request.url.path.startswith(MACHINE_PATHS) or "text/html" not in request.headers.get(
        "accept", ""
    ):
        return await http_exception_handler(request, error)
    context = {
        "title": TITLES.get(error.status_code, "Cannot be done"),
        "problem": str(error.detail),
        "csrf_token": csrf_token(request.state),
        "section": "",
    }
    return templates.TemplateResponse(
        request, "problem.html", context, status_code=error.status_code, headers=error.headers
    )


async def _home(request: Request) -> HTMLResponse:
    athletes = request.app.state.logbook.athletes()
    return templates.TemplateResponse(
        request,
        "home.html",
        {"athletes": athletes, "csrf_token": csrf_token(request.state)},
    )
