"""Web benchmark (issue 17): the API under load from a separate process, on loopback.

A logbook is made in a temporary folder (one athlete, the bundled marathon calendar);
`legday serve`'s app then runs under uvicorn with httptools in a process of its own, and
Debian's `wrk` (scripts/ensure-wrk.sh), another process, keeps 16 connections busy for
each endpoint in turn:

- today's session for the player: GET /api/athletes/1/today (and the player's page when
  this tree has it: /athletes/1/play/DATE);
- the plan: GET /api/athletes/1/plan (legday.plan/1);
- a bare FastAPI endpoint returning {"ok": true}, served the same way in the same run
  (its own process, no logbook, no middleware): the framework's ceiling on this machine.

Both servers run at once and the endpoints are loaded in turns, several rounds, the
median kept: the machine is shared, and a change in its load then falls on all alike.

Reported per endpoint: requests a second, p50 and p99 latency, errors (socket errors and
non-2xx answers), and the server's resident memory after its load. The targets (issue
17): >= 1,000 req/s, p99 <= 25 ms, >= 50 % of the bare endpoint's rate, 0 errors.

Then, in this process, the CPU time of one request with the ASGI app called directly (no
network, no wrk, a kept answer): what the code costs, which moves far less with the
machine's load than the rates do (other programs take wall time, not this CPU time).

    python bench/web.py [--seconds 5] [--rounds 3] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CALENDAR = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
START = date(2027, 1, 4)

SERVER = """
import sys
import uvicorn
from fastapi import FastAPI

kind, url, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "bare":
    app = FastAPI()

    @app.get("/bare")
    def bare() -> dict[str, bool]:
        return {"ok": True}
else:
    from legday.web.app import create_app

    app = create_app(url)
uvicorn.run(app, host="127.0.0.1", port=port, http="httptools", log_level="warning",
            access_log=False)
"""


@dataclass(frozen=True)
class Load:
    name: str
    path: str
    rate: float
    p50_ms: float
    p99_ms: float
    errors: int
    rss_mb: float


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _logbook(url: str) -> date:
    """One athlete with a season's plan; returns the first strength day."""
    from legday import bootstrap
    from legday.profiles import build_profile

    profile = build_profile(
        {
            "start": START.isoformat(),
            "weeks": 18,
            "injuries": ["shin-splints"],
            "equipment": ["dumbbells", "band", "step"],
        },
        default_start=START,
    )
    with bootstrap.open_logbook(url) as (logbook, _db):
        logbook.add_athlete(
            "Sam", profile, [], START, uploads=[(CALENDAR.name, CALENDAR.read_bytes())]
        )
        (athlete,) = logbook.athletes()
        plan = logbook.current_plan(athlete.name, START)
    return min(s.day for s in plan.sessions)


def _serve(kind: str, url: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, kind, url, str(port)], env=env, cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"bench/web.py: the {kind} server did not start")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _wrk(port: int, path: str, seconds: int, connections: int) -> tuple[float, float, float, int]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p99, errors + (int(found.group(1)) if found else 0)


def _status(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
            status: int = answer.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


async def _call(app: Any, path: str) -> int:
    """One GET through the whole ASGI app (middleware included); its status."""
    status = 0
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000), "state": {},
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        status = message.get("status", status)

    await app(scope, receive, send)
    return status


def _in_process(url: str, targets: list[tuple[str, str, str]], calls: int) -> dict[str, float]:
    """CPU ms per request, each endpoint called `calls` times after a warm-up."""
    from fastapi import FastAPI

    from legday.web.app import create_app

    legday = create_app(url)
    bare = FastAPI()  # as SERVER's

    @bare.get("/bare")
    def bare_endpoint() -> dict[str, bool]:
        return {"ok": True}

    apps = {"legday": legday, "bare": bare}

    async def measure() -> dict[str, float]:
        found = {}
        async with legday.router.lifespan_context(legday):
            for name, server, path in targets:
                for _ in range(20):
                    assert await _call(apps[server], path) == 200, path
                start = time.process_time()
                for _ in range(calls):
                    await _call(apps[server], path)
                found[name] = (time.process_time() - start) / calls * 1000
        return found

    return asyncio.run(measure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="of each run")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--calls", type=int, default=1000, help="in process, per endpoint")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("bench/web.py: wrk is missing; run scripts/ensure-wrk.sh")
    folder = Path(tempfile.mkdtemp(prefix="legday-bench-web-"))
    url = f"sqlite:///{folder / 'logbook.db'}"
    first = _logbook(url)
    env = {**os.environ, "LEGDAY_TODAY": first.isoformat(), "LEGDAY_CACHE_DIR": str(folder)}
    os.environ["LEGDAY_TODAY"] = first.isoformat()  # for the in-process calls
    legday, legday_port = _serve("legday", url, env)
    bare_server, bare_port = _serve("bare", url, env)
    servers = {"legday": (legday, legday_port), "bare": (bare_server, bare_port)}
    targets = [
        ("today (API)", "legday", "/api/athletes/1/today"),
        ("today (player page)", "legday", f"/athletes/1/play/{first.isoformat()}"),
        ("plan (API)", "legday", "/api/athletes/1/plan"),
        ("bare endpoint", "bare", "/bare"),
    ]
    runs: dict[str, list[tuple[float, float, float, int]]] = {}
    try:
        for name, server, path in list(targets):
            if _status(servers[server][1], path) != 200:
                print(f"  {name}: {path} is not served by this tree; skipped")
                targets.remove((name, server, path))
                continue
            _wrk(servers[server][1], path, 2, args.connections)  # warm-up
        # in turns, so a change in the machine's load falls on every endpoint alike
        for _ in range(args.rounds):
            for name, server, path in targets:
                found = _wrk(servers[server][1], path, args.seconds, args.connections)
                runs.setdefault(name, []).append(found)
        loads = []
        for name, server, path in targets:
            rate, p50, p99 = (statistics.median(r[i] for r in runs[name]) for i in range(3))
            errors = sum(r[3] for r in runs[name])
            rss = _rss_mb(servers[server][0].pid)
            loads.append(Load(name, path, rate, p50, p99, errors, rss))
    finally:
        for process, _port in servers.values():
            process.terminate()
            process.wait(timeout=30)
    bare = next(x.rate for x in loads if x.name == "bare endpoint")
    print(
        f"web benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}, "
        f"{args.connections} connections, median of {args.rounds} runs of {args.seconds} s"
        " each, in turns (wrk, loopback)"
    )
    print(f"{'endpoint':22} {'req/s':>8} {'of bare':>8} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'errors':>6} {'RSS MB':>7}")  # fmt: skip
    for x in loads:
        print(
            f"{x.name:22} {x.rate:8.0f} {x.rate / bare:8.0%} {x.p50_ms:7.1f} {x.p99_ms:7.1f} "
            f"{x.errors:6d} {x.rss_mb:7.0f}"
        )
    cpu = _in_process(url, targets, args.calls)
    print(f"in process (the ASGI app called directly), CPU ms per request, {args.calls} calls:")
    print("  " + ", ".join(f"{name} {ms:.3f}" for name, ms in cpu.items()))
    print(f"load average now {os.getloadavg()[0]:.1f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
