"""`legday plan --runs URL`, `legday runs URL` and `legday check --runs URL` as a user runs
them, against a feed server on 127.0.0.1: exit codes and one-line errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from feed_server import EXAMPLE, FeedServer, serve
from legday.cli import main

PLAN = ["--start", "2027-01-04", "--weeks", "18", "--equipment", "bodyweight,dumbbells"]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    body = EXAMPLE.read_bytes()
    with serve() as feeds:
        feeds.routes["/plan.ics"] = lambda h: h.reply(200, body, "text/calendar", {"ETag": '"1"'})
        feeds.routes["/login"] = lambda h: h.reply(200, b"<html>Sign in</html>", "text/html")
        yield feeds


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LEGDAY_FEED_TIMEOUT", "5")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _sessions(text: str) -> list[tuple[str, str | None]]:
    days = json.loads(text)["days"]
    return [(d["date"], s["start"]) for d in days for s in d["strength"]]


def test_plan_from_a_feed_is_the_plan_from_the_file(
    server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/plan.ics?token=s3cr3t")
    code, from_feed, err = run(["plan", "--runs", url, *PLAN, "-f", "json"], capsys)
    assert code == 0, err
    code, from_file, _ = run(["plan", "--runs", str(EXAMPLE), *PLAN, "-f", "json"], capsys)
    assert code == 0
    assert _sessions(from_feed) == _sessions(from_file) != []
    assert "s3cr3t" not in from_feed


def test_runs_shows_the_feed_by_its_redacted_address(
    server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/plan.ics?token=s3cr3t")
    code, out, err = run(["runs", url, "--format", "json"], capsys)  # the feed's own span
    assert code == 0, err
    data = json.loads(out)
    assert (data["start"], data["end"]) == ("2027-01-05", "2027-05-09")
    label = f"http://127.0.0.1:{server.port}/plan.ics?token=…"
    assert all(e["source"].startswith(label + ":") for e in data["entries"])
    code, out, err = run(["runs", url, "--start", "2027-03-08", "--weeks", "1"], capsys)
    assert code == 0, err
    assert label in out and "s3cr3t" not in out


def test_check_against_a_feed(
    server: FeedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    assert (
        run(["plan", "--runs", str(EXAMPLE), *PLAN, "-f", "json", "-o", str(target)], capsys)[0]
        == 0
    )
    code, _, err = run(["check", str(target), "--runs", server.url("/plan.ics")], capsys)
    assert code == 0, err
    assert err.startswith("0 hard")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/missing.ics?token=s3cr3t", "/missing.ics?token=…: HTTP 404: no feed at this address"),
        ("/login", "/login: not a calendar: the server sent a web page"),
    ],
)
@pytest.mark.parametrize("command", ["plan", "runs"])
def test_a_bad_feed_is_one_line_and_exit_2(
    server: FeedServer, capsys: pytest.CaptureFixture[str], command: str, path: str, problem: str
) -> None:
    url = server.url(path)
    args = ["plan", "--runs", url, *PLAN] if command == "plan" else ["runs", url]
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"legday: error: http://127.0.0.1:{server.port}{problem}")
    assert err.count("\n") == 1 and "Traceback" not in err and "s3cr3t" not in err


def test_plain_http_elsewhere_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["runs", "http://example.com/plan.ics?key=abc"], capsys)
    assert code == 2
    assert err == (
        "legday: error: http://example.com/plan.ics?key=…: plain http:// is refused "
        "(the address and its token would go unencrypted)\n"
    )


def test_a_profile_lists_a_feed(
    server: FeedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "sam.toml"
    profile.write_text(f'runs = ["{server.url("/plan.ics")}"]\n', encoding="utf-8")
    code, out, err = run(["plan", "--profile", str(profile), *PLAN, "-f", "json"], capsys)
    assert code == 0, err
    assert _sessions(out)
    assert len(server.requests_to("/plan.ics")) == 1
