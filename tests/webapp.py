"""Helpers of the browser tests (tests/e2e/web): the web app served for real (`legday serve`
in a subprocess on a free loopback port, over a temporary SQLite logbook), driven through
Debian's headless Chromium by Playwright's Python client.

Chromium comes from the `chromium` package (scripts/ensure-chromium.sh, run by `make test`),
never from `playwright install`. axe-core comes from the npm registry (`make node_modules`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Page

from legday import bootstrap
from legday.model import ALWAYS_AT_HAND, Equipment, Profile

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CALENDAR = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
START = date(2027, 1, 4)
# A strength day of the example calendar's plan: a one-legged hold and a loaded lift in it.
SESSION_DAY = date(2027, 1, 8)
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class Server:
    url: str
    database_url: str
    athlete_id: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def runner_profile() -> Profile:
    return Profile(
        start=START,
        weeks=8,
        injuries=("achilles",),
        equipment=frozenset({Equipment.DUMBBELLS, *ALWAYS_AT_HAND}),
        dumbbells_kg=(4.0, 6.0, 8.0, 10.0),
        dominant_leg="right",
    )


@contextmanager
def serving(folder: Path) -> Iterator[Server]:
    """`legday serve` in its own process on a free loopback port, over a new logbook in
    `folder` with one athlete planned, and today pinned (`LEGDAY_TODAY`) to a strength day
    of the plan: the server is the real command, and no other test sees the pinned day."""
    database_url = f"sqlite:///{folder / 'logbook.db'}"
    with bootstrap.open_logbook(database_url) as (logbook, _db):
        logbook.add_athlete("Ana", runner_profile(), [str(CALENDAR)], START)
        athlete_id = logbook.athletes()[0].id
    port = _free_port()
    environment = {
        **os.environ,
        "LEGDAY_DATABASE_URL": database_url,
        "LEGDAY_TODAY": SESSION_DAY.isoformat(),
    }
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "legday", "serve", "--port", str(port)],
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, process, folder / "server.log")
        yield Server(f"http://127.0.0.1:{port}", database_url, athlete_id)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("legday serve stopped: " + log.read_text(errors="replace"))
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("legday serve did not listen within 60 s")


def screenshot(page: Page, name: str) -> None:
    """The page at phone and desktop width, kept in test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    for label, size in (("360", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True, timeout=30_000)
    page.set_viewport_size(PHONE)


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate(
        """async () => {
            const result = await window.axe.run(document, {resultTypes: ["violations"]});
            return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => {
                    const where = v.nodes.map((n) => n.target.join(" ")).join(", ");
                    return `${v.impact} ${v.id}: ${v.help} (${where})`;
                });
        }"""
    )
    return [str(line) for line in found]


def sets_stored(server: Server, day: date) -> int:
    """How many sets the logbook holds for the athlete on `day` (read from the store, not
    through the app)."""
    with bootstrap.open_logbook(server.database_url) as (logbook, _db):
        name = logbook.athletes()[0].name
        return sum(len(p.sets) for p in logbook.history(name, day, day))


def queue(page: Page) -> list[dict[str, str]]:
    """The player's IndexedDB queue: each set's client id and state (pending, synced)."""
    found = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const opening = indexedDB.open("legday", 1);
            opening.onerror = () => reject(opening.error);
            opening.onsuccess = () => {
                const read = opening.result.transaction("sets").objectStore("sets").getAll();
                read.onsuccess = () => {
                    resolve(read.result.map((e) => ({client_id: e.client_id, state: e.state})));
                    opening.result.close();
                };
            };
        })"""
    )
    return [dict(entry) for entry in found]


def open_player(page: Page, server: Server, day: date) -> None:
    """The player on `day`, started and past the warm-up: the first set on screen."""
    page.goto(f"{server.url}/athletes/{server.athlete_id}/play/{day}")
    page.get_by_role("button", name="Start the session").click()
    while "Warm-up" in page.locator("#step-title").inner_text():
        page.locator("#skip").click()
