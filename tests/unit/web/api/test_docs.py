"""/docs: Swagger UI from the installed package and the project's own start-up script,
nothing from another site and no inline script; /openapi.json lists every endpoint."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

ENDPOINTS = {
    ("get", "/api/athletes"),
    ("post", "/api/athletes"),
    ("get", "/api/athletes/{athlete_id}"),
    ("put", "/api/athletes/{athlete_id}/profile"),
    ("get", "/api/athletes/{athlete_id}/plan"),
    ("get", "/api/athletes/{athlete_id}/today"),
    ("post", "/api/athletes/{athlete_id}/sessions/{day}/skip"),
    ("post", "/api/athletes/{athlete_id}/sessions/{day}/move"),
    ("post", "/api/athletes/{athlete_id}/sessions/{day}/weather"),
    ("get", "/api/athletes/{athlete_id}/sessions/{day}.fit"),
    ("post", "/api/athletes/{athlete_id}/sets"),
    ("get", "/api/athletes/{athlete_id}/progress"),
    ("post", "/api/athletes/{athlete_id}/feed"),
    ("delete", "/api/athletes/{athlete_id}/feed"),
    ("post", "/api/calendars/read"),
    ("get", "/api/exercises"),
    ("get", "/api/exercises/{exercise_id}/picture.svg"),
    ("get", "/feeds/{token}.ics"),
}


def test_the_docs_page_loads_only_this_servers_scripts(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts and all(body.strip() == "" for _, body in scripts)  # none inline
    sources = [re.search(r'src="([^"]+)"', attributes) for attributes, _ in scripts]
    links = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert all(link.startswith("/") and not link.startswith("//") for link in links)
    for source in sources:
        assert source is not None
        answer = client.get(source.group(1))
        assert answer.status_code == 200 and "javascript" in answer.headers["content-type"]
    assert " style=" not in page.text and "onload" not in page.text


def test_swagger_ui_comes_from_its_package(client: TestClient) -> None:
    bundle = client.get("/docs/ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
    assert client.get("/docs/ui/swagger-ui.css").status_code == 200


def test_the_openapi_document_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    found = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert found >= ENDPOINTS
