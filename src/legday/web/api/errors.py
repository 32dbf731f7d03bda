"""A request the API cannot take is 422 with one line naming the field, as the CLI says
it: `{"detail": "reps: must be at most 100", "field": "reps"}`. FastAPI's own list of
pydantic errors is turned into that line (the first problem; fixing it shows the next)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

__all__ = ["install"]

# where a problem sits, read as a field name: the body's keys, a query or path name
_PLACES = frozenset({"body", "query", "path", "header", "cookie"})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid)


async def _invalid(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = error.errors()
    first = problems[0] if problems else {"loc": (), "msg": "the request cannot be read"}
    where = [str(part) for part in first.get("loc", ()) if str(part) not in _PLACES]
    field = ".".join(where) or "body"
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    if first.get("type") == "missing":
        message = "is required"
    elif first.get("type") == "extra_forbidden":
        message = "is not a field of this request"
    elif first.get("type") == "json_invalid":
        field, message = "body", "is not valid JSON"
    return JSONResponse({"detail": f"{field}: {message}", "field": field}, status_code=422)
