"""A calendar feed server on 127.0.0.1 for tests: never the internet.

Each route is a function of the request handler; the server records every request's path
and headers, so a test can see what legday sent (If-None-Match, If-Modified-Since).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Route = Callable[["FeedHandler"], None]

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "legday" / "examples" / "marathon-plan.ics"


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path.partition("?")[0] == path]


class FeedHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        feeds = self.server.feeds
        feeds.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = feeds.routes.get(self.path.partition("?")[0])
        if route is None:
            self.reply(404, b"not here", "text/plain")
        else:
            route(self)

    def reply(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    feeds: FeedServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (timeout, size cap) is what some tests want


@contextmanager
def serve() -> Iterator[FeedServer]:
    """A running server on a free port; stopped (and its slow routes woken) afterwards."""
    server = _Server(("127.0.0.1", 0), FeedHandler)
    feeds = FeedServer(port=server.server_address[1])
    server.feeds = feeds
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield feeds
    finally:
        feeds.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
