"""The player page and what makes it work offline, served in process: the session as
JSON the script runs, the worker at the root, the manifest; nothing inline for the CSP."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from legday import bootstrap
from legday.model import ALWAYS_AT_HAND, Equipment, Profile
from legday.web.app import create_app
from legday.web.player import UPCOMING_DAYS

CALENDAR = Path(__file__).resolve().parents[3] / "src/legday/examples/marathon-plan.ics"
START = date(2027, 1, 4)
STRENGTH_DAY = date(2027, 1, 8)  # reverse lunge (one-legged, loaded) ... single-leg stand
REST_DAY = date(2026, 12, 5)  # before the plan starts
HOSTILE_NAME = "</script><script src=/x.js></script><!--"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('player') / 'logbook.db'}"
    profile = Profile(
        start=START,
        weeks=8,
        injuries=("achilles",),
        equipment=frozenset({Equipment.DUMBBELLS, *ALWAYS_AT_HAND}),
        dumbbells_kg=(4.0, 6.0, 8.0, 10.0),
        dominant_leg="right",
    )
    with bootstrap.open_logbook(url) as (logbook, _db):
        logbook.add_athlete("Ana", profile, [str(CALENDAR)], START)
        logbook.add_athlete(HOSTILE_NAME, profile, [], START)
    with TestClient(create_app(url)) as client:
        yield client


def session_of(html: str) -> dict[str, Any]:
    block = re.search(
        r'<script type="application/json" id="session-data">(.*?)</script>', html, re.S
    )
    assert block, "the page carries its session as a JSON block"
    found: dict[str, Any] = json.loads(block.group(1))
    return found


def test_strength_day_carries_every_step(client: TestClient) -> None:
    answer = client.get(f"/athletes/1/play/{STRENGTH_DAY}")
    assert answer.status_code == 200
    data = session_of(answer.text)
    assert data["kind"] == "strength"
    assert data["sets_url"] == "/api/athletes/1/sets"
    assert data["jog"] == [{"id": "light-jog", "name": "Light jog", "seconds": 300}]
    # the warm-up's drills, every one: three, or up to five where spare minutes went to
    # mobility (docs/planner.md 3.9)
    assert 3 <= len(data["drills"]) <= 5
    assert all(d["seconds"] > 0 and d["name"] for d in data["drills"])
    exercises = {e["id"]: e for e in data["exercises"]}
    lunge = exercises["reverse-lunge"]
    assert lunge["sides"] == ["left", "right"] and lunge["extra_side"] == "left"
    assert lunge["tempo_beats"] == [3, 1, 2] and lunge["kg"] == 4.0 and lunge["rest_s"] == 60
    assert lunge["cues"] and lunge["picture"].startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(lunge["picture"].split(",", 1)[1]).decode()
    assert "<animate" in svg
    stand = exercises["single-leg-stand"]
    assert stand["hold"] and stand["seconds"] == 30 and stand["reps"] is None
    stretches = data["stretches"]
    assert stretches and all(s["seconds"] > 0 for s in stretches)
    assert data["music"] == {"text": data["music"]["text"], "low": 100, "high": 120}
    assert data["metronome_bpm"] == 60


def test_upcoming_days_are_the_next_two_weeks_with_something_to_play(client: TestClient) -> None:
    data = session_of(client.get(f"/athletes/1/play/{STRENGTH_DAY}").text)
    upcoming = [date.fromisoformat(d) for d in data["upcoming"]]
    assert upcoming == sorted(upcoming)
    assert upcoming and all(0 < (d - STRENGTH_DAY).days <= UPCOMING_DAYS for d in upcoming)
    assert date(2027, 1, 15) in upcoming  # the next strength day


def test_care_day_plays_the_routine(client: TestClient) -> None:
    plan = client.app.state.logbook.versions("Ana")[-1].plan  # type: ignore[attr-defined]
    strength = {s.day for s in plan.sessions}
    routine = next(c for c in plan.care if c.day not in strength)  # the achilles routine
    data = session_of(client.get(f"/athletes/1/play/{routine.day}").text)
    assert data["kind"] == "care"
    assert [e["id"] for e in data["exercises"]] == [p.exercise for p in routine.exercises]
    assert data["jog"] == [] and data["stretches"] == []


def test_a_day_without_anything_says_so_and_offers_no_start(client: TestClient) -> None:
    answer = client.get(f"/athletes/1/play/{REST_DAY}")
    assert answer.status_code == 200
    assert session_of(answer.text)["kind"] == "rest"
    assert "No session on" in answer.text and 'id="begin"' not in answer.text


def test_missing_athlete_is_404_naming_it(client: TestClient) -> None:
    answer = client.get(f"/athletes/99/play/{STRENGTH_DAY}")
    assert answer.status_code == 404
    assert "athlete 99" in answer.json()["detail"]


def test_a_bad_date_is_422_naming_the_field(client: TestClient) -> None:
    answer = client.get("/athletes/1/play/2027-02-30")
    assert answer.status_code == 422
    assert "day" in json.dumps(answer.json())


def test_nothing_inline_for_the_content_security_policy(client: TestClient) -> None:
    html = client.get(f"/athletes/1/play/{STRENGTH_DAY}").text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'type="application/json"' in tag or " src=" in tag, tag
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_a_name_cannot_close_the_data_block(client: TestClient) -> None:
    html = client.get(f"/athletes/2/play/{STRENGTH_DAY}").text
    assert html.count("</script>") == html.count("<script")
    assert session_of(html)["name"] == HOSTILE_NAME


def test_service_worker_served_from_the_root_uncached(client: TestClient) -> None:
    answer = client.get("/sw.js")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["service-worker-allowed"] == "/"
    assert answer.headers["cache-control"] == "no-cache"
    # every file of the shell the worker keeps is really served
    shell = re.search(r"SHELL_FILES = \[(.*?)\]", answer.text, re.S)
    assert shell
    for path in re.findall(r'"(/[^"]+)"', shell.group(1)):
        assert client.get(path).status_code == 200, path


def test_manifest_installs_the_app(client: TestClient) -> None:
    answer = client.get("/manifest.webmanifest")
    assert answer.headers["content-type"] == "application/manifest+json"
    manifest = answer.json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert client.get(manifest["icons"][0]["src"]).status_code == 200


SCRIPTS = sorted((Path(__file__).resolve().parents[3] / "src/legday/web/static").rglob("*.js"))


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on this machine")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_parse(script: Path) -> None:
    """Each of the project's own scripts parses (ES modules as modules), before a browser."""
    kind = "module" if script.parent.name == "js" else "commonjs"
    done = subprocess.run(
        ["node", f"--input-type={kind}", "--check"],
        input=script.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_barbell_lift_plays_its_warm_up_sets_first() -> None:
    """The player gets a barbell lift's warm-up sets, each with its time, to play before
    the work sets (`player.js` times them and logs none)."""
    from dataclasses import replace

    from legday.catalogue.loader import load_catalogue
    from legday.model import Prescription, WarmupSet
    from legday.web.player import _exercise

    catalogue = load_catalogue()
    squat = catalogue["barbell-back-squat"]
    lift = Prescription(
        "barbell-back-squat", 3, 5, None, False, "60 kg barbell", "3-1-2", 7, squat.muscles,
        False, False, load_kg=60.0, implement="barbell",
    )  # fmt: skip
    ramp = (WarmupSet(8, 20.0), WarmupSet(5, 30.0), WarmupSet(3, 45.0))
    played = _exercise(replace(lift, warmup_sets=ramp), catalogue)
    assert played["warmup_sets"] == [
        {"reps": 8, "kg": 20.0, "seconds": 8 * 4 + 30},
        {"reps": 5, "kg": 30.0, "seconds": 5 * 4 + 30},
        {"reps": 3, "kg": 45.0, "seconds": 3 * 4 + 30},
    ]
    assert played["sets"] == 3  # the work sets only
