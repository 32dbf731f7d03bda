"""The OpenAPI page at /docs without a CDN or an inline script: Swagger UI's files come
from the `swagger-ui-bundle` package (installed by name from PyPI, served from this
server at /docs/ui/), and the few lines that start it are the project's own file
(static/api-docs.js), so the Content-Security-Policy stays `script-src 'self'`.
FastAPI's own page would load both from a CDN with an inline script: it is turned off
in `create_app`. /openapi.json is FastAPI's."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["install"]

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>legday API</title>
  <link rel="stylesheet" href="/docs/ui/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/ui/favicon-32x32.png">
</head>
<body>
  <main id="swagger-ui" data-openapi="{openapi}" aria-label="legday API reference"></main>
  <script src="/docs/ui/swagger-ui-bundle.js"></script>
  <script src="/static/api-docs.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    """/docs and Swagger UI's files under /docs/ui/."""
    from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

    page = PAGE.replace("{openapi}", app.openapi_url or "/openapi.json")
    app.mount("/docs/ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    async def docs() -> HTMLResponse:
        return HTMLResponse(page)

    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False, name="docs")
