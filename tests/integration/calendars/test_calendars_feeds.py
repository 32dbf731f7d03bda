"""Calendar feeds: fetched from a local server, cached with validators, refused in one line."""

from __future__ import annotations

import hashlib
import stat
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from feed_server import EXAMPLE, FeedHandler, FeedServer, Route, serve
from legday.calendars import calendar_span, read_calendar, read_runs
from legday.calendars import feeds as feeds_module
from legday.calendars.feeds import feed_url, fetch, is_feed, redact
from legday.errors import CalendarError, InputError

BODY = EXAMPLE.read_bytes()
WEEK = (date(2027, 3, 8), date(2027, 3, 14))
STAMP = "Wed, 02 Dec 2026 10:00:00 GMT"


def _etag_feed(handler: FeedHandler) -> None:
    if handler.headers.get("If-None-Match") == '"v1"':
        handler.reply(304, b"", "text/calendar", {"ETag": '"v1"'})
    else:
        handler.reply(200, BODY, "text/calendar; charset=utf-8", {"ETag": '"v1"'})


def _dated_feed(handler: FeedHandler) -> None:
    if handler.headers.get("If-Modified-Since") == STAMP:
        handler.reply(304, b"", "text/calendar")
    else:
        handler.reply(200, BODY, "application/octet-stream", {"Last-Modified": STAMP})


def _redirect(target: str) -> Route:
    def route(handler: FeedHandler) -> None:
        handler.reply(302, b"", "text/plain", {"Location": target})

    return route


def _slow(handler: FeedHandler) -> None:
    handler.server.feeds.stop.wait(3)  # far past the test's timeout; woken at teardown
    handler.reply(200, BODY, "text/calendar")


def _endless(handler: FeedHandler) -> None:
    """A calendar that never ends, with no Content-Length: only the cap stops it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/calendar")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"BEGIN:VCALENDAR\r\n" + b"X-FILLER:" + b"x" * 65_000 + b"\r\n"
    sent = 0
    try:
        while sent < 64 * 2**20 and not handler.server.feeds.stop.is_set():
            handler.wfile.write(chunk)
            sent += len(chunk)
    except OSError:
        pass
    handler.server.feeds.routes["/sent"] = lambda h: h.reply(200, str(sent).encode(), "text/plain")


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serve() as feeds:
        feeds.routes.update(
            {
                "/plan.ics": _etag_feed,
                "/dated": _dated_feed,
                "/hop": _redirect("/plan.ics"),
                "/loop-a": _redirect("/loop-b"),
                "/loop-b": _redirect("/loop-a"),
                **{f"/chain/{n}": _redirect(f"/chain/{n + 1}") for n in range(10)},
                "/slow.ics": _slow,
                "/endless.ics": _endless,
                "/login": lambda h: h.reply(
                    200, b"<!doctype html><html><body>Sign in</body></html>", "text/html"
                ),
                "/notes.txt": lambda h: h.reply(200, b"just some notes\n", "text/plain"),
                "/broken.ics": lambda h: h.reply(
                    200, b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n", "text/calendar"
                ),
                "/empty.ics": lambda h: h.reply(200, b"  \r\n", "text/calendar"),
                "/down": lambda h: h.reply(500, b"oops", "text/plain"),
                "/denied": lambda h: h.reply(401, b"no", "text/plain"),
            }
        )
        yield feeds


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    monkeypatch.delenv("LEGDAY_FEED_TIMEOUT", raising=False)
    return tmp_path / "cache"


# --- addresses ----------------------------------------------------------------------------


def test_webcal_means_https() -> None:
    assert (
        feed_url("webcal://example.com/ical/plan.ics?t=1")
        == "https://example.com/ical/plan.ics?t=1"
    )
    assert feed_url("WEBCALS://example.com/x") == "https://example.com/x"
    assert feed_url("https://example.com") == "https://example.com/"


def test_plain_http_only_to_this_machine() -> None:
    assert feed_url("http://127.0.0.1:8080/a.ics") == "http://127.0.0.1:8080/a.ics"
    assert feed_url("http://localhost/a.ics") == "http://localhost/a.ics"
    with pytest.raises(CalendarError, match=r"^http://example\.com/a\.ics\?k=…: plain http"):
        feed_url("http://example.com/a.ics?k=secret")


@pytest.mark.parametrize("address", ["https://", "https:///plan.ics", "https://host:port/x"])
def test_an_address_without_a_host_is_refused(address: str) -> None:
    with pytest.raises(CalendarError, match="not a valid feed address"):
        feed_url(address)


def test_a_host_name_idna_refuses_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An empty label is refused before any request; a name IDNA refuses, when fetched."""
    from legday.cli import main

    with pytest.raises(CalendarError, match="not a valid feed address"):
        feed_url("https://a..b/?token=secret")
    for address in ("https://a..b/?token=secret", "https://xn--a.com/?token=secret"):
        capsys.readouterr()
        assert main(["runs", address]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not a valid feed address" in err
        assert "secret" not in err


def test_what_counts_as_a_feed() -> None:
    assert is_feed("https://a.example/x") and is_feed("webcal://a.example/x")
    assert is_feed("HTTP://127.0.0.1/x")
    assert not is_feed("plan.ics") and not is_feed("C:/plans/plan.ics")
    assert not is_feed("ftp://a.example/x") and not is_feed("https:plan.ics")


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("https://sam:pw@cal.example/plan.ics", "https://…@cal.example/plan.ics"),
        (
            "https://cal.example/feed.ics?token=s3cr3t&user=7",
            "https://cal.example/feed.ics?token=…&user=…",
        ),
        (
            "webcal://www.example.com/ical/AB12CD34EF56GH78.ics",
            "webcal://www.example.com/ical/….ics",
        ),
        (
            "https://calendar.example.com/calendar/ical/sam%40mail.example/private-0a1b2c/basic.ics",
            "https://calendar.example.com/calendar/ical/sam%40mail.example/…/basic.ics",
        ),
        (
            "https://log.example.com/delivery/ical/0f8fad5b-d9cb-469f-a165-70867728950e",
            "https://log.example.com/delivery/ical/…",
        ),
        (
            "https://club.example/fixtures/cross-country.ics",
            "https://club.example/fixtures/cross-country.ics",
        ),
        ("https://cal.example/feed.ics#frag", "https://cal.example/feed.ics"),
    ],
)
def test_redact_hides_what_looks_secret(address: str, shown: str) -> None:
    assert redact(address) == shown


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        # short keys: letters and digits mixed, or capitals and digits, from 8 characters
        (
            "http://127.0.0.1:8765/private/SECRET123/basic.ics",
            "http://127.0.0.1:8765/private/…/basic.ics",
        ),
        ("https://cal.example/feed/SECRETTOKEN", "https://cal.example/feed/…"),
        (
            "https://app.example.com/ical/J2RVAFTIRXDQS.ics",  # TrainingPeaks-shaped
            "https://app.example.com/ical/….ics",
        ),
        ("https://cal.example/u/12345678/feed.ics", "https://cal.example/u/…/feed.ics"),
        ("https://cal.example/u/x7k2p9q4m/feed.ics", "https://cal.example/u/…/feed.ics"),
        ("https://cal.example/feed.SECRET123", "https://cal.example/…"),
        # every ;name=value path parameter, whatever its length
        (
            "https://cal.example/feed.ics;jsessionid=ABCDEF",
            "https://cal.example/feed.ics;jsessionid=…",
        ),
        ("https://cal.example/cal;k=1;opaque/x.ics", "https://cal.example/cal;k=…;…/x.ics"),
        # ordinary words stay readable
        (
            "https://cal.example/private/calendar/feed.ics",
            "https://cal.example/private/calendar/feed.ics",
        ),
        ("https://cal.example/Calendar/basic.ics", "https://cal.example/Calendar/basic.ics"),
        (
            "https://club.example/fixtures/season-2027/parkrun.ics",
            "https://club.example/fixtures/season-2027/parkrun.ics",
        ),
        ("https://club.example/ICS/plan.tar.gz", "https://club.example/ICS/plan.tar.gz"),
        ("https://cal.example/", "https://cal.example/"),
    ],
)
def test_redact_hides_short_keys_and_path_parameters(address: str, shown: str) -> None:
    assert redact(address) == shown


def test_a_refusal_hides_a_short_key_in_the_path(server: FeedServer) -> None:
    message = _refusal(server.url("/private/SECRET123/basic.ics"))
    assert message.endswith("/private/…/basic.ics: HTTP 404: no feed at this address")
    assert "SECRET123" not in message


# --- fetching and caching -----------------------------------------------------------------


def test_a_feed_reads_like_the_file(server: FeedServer) -> None:
    url = server.url("/plan.ics?token=s3cr3t")
    from_feed = read_calendar(url, *WEEK)
    from_file = read_calendar(EXAMPLE, *WEEK)
    assert from_feed.timezone == from_file.timezone
    label = f"http://127.0.0.1:{server.port}/plan.ics?token=…"
    assert all(e.source.startswith(label + ":") for e in from_feed.entries)
    assert [replace(e, source="") for e in from_feed.entries] == [
        replace(e, source="") for e in from_file.entries
    ]
    assert all("s3cr3t" not in e.source for e in from_feed.entries)


def test_an_etag_is_sent_back_and_a_304_reuses_the_copy(
    server: FeedServer, _own_cache: Path
) -> None:
    url = server.url("/plan.ics?token=s3cr3t")
    first = fetch(url)
    second = fetch(url)
    assert first.data == second.data == BODY
    sent = server.requests_to("/plan.ics")
    assert len(sent) == 2
    assert "if-none-match" not in sent[0].headers
    assert sent[1].headers["if-none-match"] == '"v1"'
    stored = list((_own_cache / "feeds").iterdir())
    assert [f.name for f in stored] == [hashlib.sha256(url.encode()).hexdigest() + ".feed"]
    assert stat.S_IMODE(stored[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((_own_cache / "feeds").stat().st_mode) == 0o700


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer) -> None:
    url = server.url("/dated")
    assert fetch(url).data == BODY
    assert fetch(url).data == BODY
    sent = server.requests_to("/dated")
    assert "if-modified-since" not in sent[0].headers
    assert sent[1].headers["if-modified-since"] == STAMP


def test_a_changed_feed_is_downloaded_again(server: FeedServer) -> None:
    url = server.url("/plan.ics")
    fetch(url)
    server.routes["/plan.ics"] = lambda h: h.reply(
        200, BODY.replace(b"Fartlek", b"Hill repeats"), "text/calendar", {"ETag": '"v2"'}
    )
    assert b"Hill repeats" in fetch(url).data
    calendar = read_calendar(url, *WEEK)
    assert any("Hill repeats" in e.title for e in calendar.entries)


def test_a_damaged_copy_is_a_plain_download(server: FeedServer, _own_cache: Path) -> None:
    url = server.url("/plan.ics")
    fetch(url)
    (stored,) = (_own_cache / "feeds").iterdir()
    stored.write_bytes(stored.read_bytes()[:-10])
    assert fetch(url).data == BODY
    assert "if-none-match" not in server.requests_to("/plan.ics")[-1].headers


def test_no_cache_sends_no_validators_and_keeps_nothing(
    server: FeedServer, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGDAY_NO_CACHE", "1")
    url = server.url("/plan.ics")
    fetch(url)
    fetch(url)
    assert all("if-none-match" not in s.headers for s in server.requests_to("/plan.ics"))
    assert not (_own_cache / "feeds").exists()


def test_a_redirect_is_followed(server: FeedServer) -> None:
    assert fetch(server.url("/hop")).data == BODY


def test_the_span_of_a_feed(server: FeedServer) -> None:
    assert calendar_span(server.url("/plan.ics")) == calendar_span(EXAMPLE)


def test_read_runs_mixes_files_and_feeds(server: FeedServer) -> None:
    runs = read_runs([EXAMPLE, server.url("/plan.ics")], *WEEK)
    assert len(runs) == 2 * len(read_runs([EXAMPLE], *WEEK)) > 0


# --- refusals: one line naming the (redacted) address -------------------------------------


def _refusal(url: str, **options: float) -> str:
    with pytest.raises(CalendarError) as caught:
        fetch(url, **options)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_redirect_loop(server: FeedServer) -> None:
    assert _refusal(server.url("/loop-a")).endswith("/loop-a: redirects go round in a loop")


def test_too_many_redirects(server: FeedServer) -> None:
    assert _refusal(server.url("/chain/0")).endswith("/chain/0: more than 5 redirects")
    assert len(server.requests_to("/chain/5")) == 1
    assert not server.requests_to("/chain/6")


def test_a_redirect_to_plain_http_elsewhere(server: FeedServer) -> None:
    server.routes["/away"] = _redirect("http://example.com/plan.ics?key=abc")
    message = _refusal(server.url("/away"))
    assert "redirected to http://example.com/plan.ics?key=…: plain http" in message
    assert "abc" not in message


def test_a_slow_server_times_out(server: FeedServer) -> None:
    began = time.monotonic()
    message = _refusal(server.url("/slow.ics?token=s3cr3t"), timeout=0.2)
    assert time.monotonic() - began < 1.5
    assert message.endswith("/slow.ics?token=…: no answer within 0.2 s")


def test_the_timeout_comes_from_the_environment(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGDAY_FEED_TIMEOUT", "0.2")
    assert _refusal(server.url("/slow.ics")).endswith("no answer within 0.2 s")
    monkeypatch.setenv("LEGDAY_FEED_TIMEOUT", "soon")
    with pytest.raises(InputError, match="LEGDAY_FEED_TIMEOUT"):
        fetch(server.url("/plan.ics"))


def test_a_body_past_the_cap_is_cut_off(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds_module, "MAX_BYTES", 256 * 1024)
    message = _refusal(server.url("/endless.ics"))
    assert message.endswith("/endless.ics: feed is larger than the 0.25 MB limit")
    deadline = time.monotonic() + 5
    while "/sent" not in server.routes and time.monotonic() < deadline:
        time.sleep(0.02)
    sent = int(fetch_text(server.url("/sent")))
    assert sent < 32 * 2**20  # the server was stopped far short of its 64 MB


def _promises_too_much(handler: FeedHandler) -> None:
    """Headers announcing 300 kB, then nothing: only the header can refuse it in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/calendar")
    handler.send_header("Content-Length", "300000")
    handler.end_headers()
    handler.wfile.flush()
    handler.server.feeds.stop.wait(3)


def test_a_declared_length_past_the_cap_is_refused_before_reading(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds_module, "MAX_BYTES", 256 * 1024)
    server.routes["/big.ics"] = _promises_too_much
    message = _refusal(server.url("/big.ics"), timeout=2)
    assert message.endswith("/big.ics: feed is larger than the 0.25 MB limit")


def fetch_text(url: str) -> str:
    import httpx

    return httpx.get(url, timeout=2).text


def test_a_login_page_is_not_a_calendar(server: FeedServer) -> None:
    assert "not a calendar: the server sent a web page" in _refusal(server.url("/login"))


def test_text_that_is_not_a_calendar(server: FeedServer) -> None:
    assert _refusal(server.url("/notes.txt")).endswith(
        "not a calendar: no BEGIN:VCALENDAR (text/plain)"
    )


def test_an_empty_feed(server: FeedServer) -> None:
    assert _refusal(server.url("/empty.ics")).endswith("/empty.ics: the feed is empty")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/missing.ics", "HTTP 404: no feed at this address"),
        ("/denied", "HTTP 401: the server refused access"),
        ("/down", "HTTP 500 from the server"),
    ],
)
def test_http_errors(server: FeedServer, path: str, problem: str) -> None:
    message = _refusal(server.url(f"{path}?token=s3cr3t"))
    assert message.startswith(f"http://127.0.0.1:{server.port}{path}?token=…: {problem}")
    assert "s3cr3t" not in message


def test_nothing_listening(server: FeedServer) -> None:
    address = f"http://127.0.0.1:{server.port}/plan.ics"
    server.port = 1  # nothing listens on port 1
    message = _refusal(server.url("/plan.ics"))
    assert message.startswith("http://127.0.0.1:1/plan.ics: cannot reach the server (")
    assert address not in message


def test_a_body_that_will_not_decompress(server: FeedServer) -> None:
    server.routes["/zipped.ics"] = lambda h: h.reply(
        200, b"not gzip at all", "text/calendar", {"Content-Encoding": "gzip"}
    )
    message = _refusal(server.url("/zipped.ics"))
    assert message.endswith("/zipped.ics: the server sent a damaged compressed body")


def test_an_odd_etag_is_not_sent_back(server: FeedServer) -> None:
    server.routes["/odd.ics"] = lambda h: h.reply(200, BODY, "text/calendar", {"ETag": "x\x7f"})
    fetch(server.url("/odd.ics"))
    fetch(server.url("/odd.ics"))
    assert all("if-none-match" not in s.headers for s in server.requests_to("/odd.ics"))


def test_a_broken_feed_names_the_address_not_a_stand_in(server: FeedServer) -> None:
    with pytest.raises(CalendarError) as caught:
        read_calendar(server.url("/broken.ics?token=s3cr3t"), *WEEK)
    assert str(caught.value).startswith(f"http://127.0.0.1:{server.port}/broken.ics?token=…")
    assert "feed-" not in str(caught.value)


# --- when the server is unreachable: the last copy, with a warning ------------------------


def test_an_unreachable_feed_falls_back_to_its_copy(
    server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/plan.ics?token=s3cr3t")
    fetch(url)
    server.routes["/plan.ics"] = lambda h: h.reply(503, b"maintenance", "text/plain")
    assert fetch(url).data == BODY
    warning = capsys.readouterr().err
    assert warning.startswith(f"legday: warning: http://127.0.0.1:{server.port}/plan.ics?token=…")
    assert "HTTP 503 from the server; using the copy fetched 20" in warning
    assert warning.count("\n") == 1 and "s3cr3t" not in warning


def test_a_refusal_never_falls_back(server: FeedServer) -> None:
    url = server.url("/plan.ics")
    fetch(url)
    server.routes["/plan.ics"] = lambda h: h.reply(404, b"gone", "text/plain")
    assert "HTTP 404" in _refusal(url)


def test_reading_a_file_never_imports_httpx() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from legday.calendars import read_calendar\n"
        f"read_calendar({str(EXAMPLE)!r}, date(2027, 3, 8), date(2027, 3, 14))\n"
        "print('httpx' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
