"""`make bench`: what a calendar feed costs against a server on this machine.

A first fetch (no stored copy: a full download), a revalidation answered 304 (the stored
copy reused), and a whole `read_calendar` of the feed both ways (the 304 path hits the
parsed-calendar cache too). The network is loopback, so these are legday's own costs
(httpx client, TLS context, cache files), not a real server's latency. Nothing here is a test.
"""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BODY = (ROOT / "src" / "legday" / "examples" / "marathon-plan.ics").read_bytes()
REPEAT = 15


class _Feed(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.headers.get("If-None-Match") == '"1"':
            self.send_response(304)
            self.send_header("ETag", '"1"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("ETag", '"1"')
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _median_ms(prepare: Callable[[], None], action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        prepare()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    cache = tempfile.TemporaryDirectory(prefix="legday-bench-feeds-")
    os.environ["LEGDAY_CACHE_DIR"] = cache.name
    os.environ.pop("LEGDAY_NO_CACHE", None)
    from legday.calendars import read_calendar
    from legday.calendars.feeds import fetch

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/plan.ics?token=bench"
    window = (date(2027, 1, 4), date(2027, 5, 9))

    def forget() -> None:
        for file in Path(cache.name).glob("*/*"):
            file.unlink()

    started = time.perf_counter()
    fetch(url)  # imports httpx, loads the certificate authorities: once a process
    once = (time.perf_counter() - started) * 1000
    first = _median_ms(forget, lambda: fetch(url))
    fetch(url)
    again = _median_ms(lambda: None, lambda: fetch(url))
    cold = _median_ms(forget, lambda: read_calendar(url, *window))
    read_calendar(url, *window)
    warm = _median_ms(lambda: None, lambda: read_calendar(url, *window))
    server.shutdown()
    cache.cleanup()
    print(f"calendar feed ({len(BODY) / 1024:.0f} kB over loopback, median of {REPEAT}; "
          f"{platform.processor() or platform.machine()}):")  # fmt: skip
    print(f"  first fetch in a process (imports)  {once:7.1f} ms")
    print(f"  first fetch (200, full body)        {first:7.1f} ms")
    print(f"  revalidation (304, stored copy)     {again:7.1f} ms")
    print(f"  read_calendar, nothing stored       {cold:7.1f} ms")
    print(f"  read_calendar, 304 + parsed cache   {warm:7.1f} ms")


if __name__ == "__main__":
    main()
