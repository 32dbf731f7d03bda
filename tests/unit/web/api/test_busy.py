"""A logbook kept busy by another legday is no mistake of the runner's: the API answers
503 with Retry-After, so the player's offline queue keeps the set and sends it again."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.test_sessions import a_set

from legday.errors import StoreError
from legday.store.ports import ConflictError

QUEUE_JS = Path(__file__).parents[4] / "src/legday/web/static/js/queue.js"


@pytest.mark.parametrize(
    "busy",
    [StoreError("another legday kept the logbook busy"), ConflictError("plan version moved")],
)
def test_a_busy_logbook_is_503_with_retry_after(
    client: TestClient, athlete: int, monkeypatch: pytest.MonkeyPatch, busy: StoreError
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise busy

    monkeypatch.setattr(client.app.state.logbook, "log_set", refuse)  # type: ignore[attr-defined]
    answer = client.post(f"/api/athletes/{athlete}/sets", json=a_set())
    assert answer.status_code == 503, answer.text
    assert int(answer.headers["retry-after"]) > 0
    assert answer.json()["detail"] == str(busy)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on this machine")
def test_the_queue_drops_a_set_only_when_refused_for_good() -> None:
    statuses = [400, 404, 409, 422, 408, 429, 500, 503]
    script = (
        f"import({json.dumps(QUEUE_JS.as_uri())}).then(q => "
        f"console.log(JSON.stringify({statuses}.map(q.refusedForGood))))"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [True, True, True, True, False, False, False, False]
