"""The cache of read calendars: a hit is the very calendar a fresh read gives, never worse.

Every test here points `LEGDAY_CACHE_DIR` at its own temporary folder (tests/conftest.py
already keeps the whole session away from the user's cache folder).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import legday.calendars as calendars
from legday.calendars import Calendar, cache, read_calendar, read_overrides, read_runs
from legday.errors import CalendarError
from thorough import examples

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "calendars"
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
CORPORA = (ROOT / ".." / "shared" / "corpora").resolve()
START, END = date(2027, 1, 4), date(2027, 5, 9)
FILES = [
    EXAMPLE,
    ROOT / "bench" / "week.csv",
    *sorted(FIXTURES.glob("*.csv")),
    *sorted(FIXTURES.glob("*.ics")),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    return tmp_path / "cache" / "calendars"


def fresh(path: Path, start: date, end: date, **options: object) -> Calendar:
    """The file read without the cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEGDAY_NO_CACHE", "1")
        return read_calendar(path, start, end, **options)  # type: ignore[arg-type]


def no_parsing(*args: object, **kwargs: object) -> Calendar:
    raise AssertionError("parsed although the cache holds this calendar")


def assert_hit_equals_fresh(
    path: Path, start: date, end: date, monkeypatch: pytest.MonkeyPatch, **options: object
) -> None:
    expected = fresh(path, start, end, **options)
    missed = read_calendar(path, start, end, **options)  # type: ignore[arg-type]
    with monkeypatch.context() as patch:
        patch.setattr(calendars, "_parse", no_parsing)
        hit = read_calendar(path, start, end, **options)  # type: ignore[arg-type]
    assert missed == expected
    assert hit == expected
    assert hit.runs() == expected.runs()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_hit_is_what_a_fresh_read_gives(
    path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_hit_equals_fresh(path, START, END, monkeypatch)
    assert_hit_equals_fresh(path, START, END, monkeypatch, tz="America/New_York")
    assert len(list(folder.glob("*.json"))) == 2


def test_overrides_are_part_of_the_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overrides = read_overrides(FIXTURES / "overrides.toml")
    for path in sorted(FIXTURES.glob("*.ics")):
        assert_hit_equals_fresh(path, START, END, monkeypatch, overrides=overrides)
        assert read_calendar(path, START, END) == fresh(path, START, END)


def _corpus_files(wanted: int = 12) -> list[Path]:
    """A few corpus files that read into entries (most have none in any one window)."""
    if not CORPORA.is_dir():
        return []
    found: list[Path] = []
    for path in sorted(CORPORA.rglob("*.ics")):
        if path.stat().st_size > 200_000:
            continue
        try:
            if fresh(path, date(2010, 1, 1), date(2030, 12, 31)).entries:
                found.append(path)
        except CalendarError:
            continue
        if len(found) == wanted:
            break
    return found


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"no calendar corpora at {CORPORA}")
def test_corpus_files_read_the_same_from_the_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _corpus_files()
    assert len(files) >= 5
    for path in files:
        assert_hit_equals_fresh(path, date(2010, 1, 1), date(2030, 12, 31), monkeypatch)


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from([EXAMPLE, FIXTURES / "plan.csv", FIXTURES / "recurrence.ics"]),
    start=st.dates(date(2026, 6, 1), date(2027, 12, 31)),
    days=st.integers(0, 400),
    tz=st.sampled_from([None, "Europe/Berlin", "Asia/Tokyo", "UTC"]),
)
def test_any_window_and_zone_read_the_same_from_the_cache(
    path: Path,
    start: date,
    days: int,
    tz: str | None,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_hit_equals_fresh(path, start, start + timedelta(days=days), monkeypatch, tz=tz)


def test_a_changed_file_is_read_again(tmp_path: Path, folder: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("date,title,kind\n2027-01-05,Intervals,hard\n", encoding="utf-8")
    first = read_runs([plan], START, END)
    plan.write_text("date,title,kind\n2027-01-05,Intervals,easy\n", encoding="utf-8")
    second = read_runs([plan], START, END)
    assert [r.kind for r in first] == ["hard"] and [r.kind for r in second] == ["easy"]
    assert len(list(folder.glob("*.json"))) == 2


def test_a_changed_window_or_zone_is_another_entry(folder: Path) -> None:
    read_calendar(EXAMPLE, START, END)
    read_calendar(EXAMPLE, START, END + timedelta(days=1))
    read_calendar(EXAMPLE, START, END, tz="Asia/Tokyo")
    assert len(list(folder.glob("*.json"))) == 3


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b'{"key": "someone else", "timezone": null, "entries": []}',
        b"[1, 2, 3]",
        b"\x00\xff" * 40,
    ],
    ids=["empty", "not-json", "foreign", "wrong-shape", "binary"],
)
def test_a_damaged_entry_is_ignored_and_rewritten(
    damage: bytes, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fresh(EXAMPLE, START, END)
    read_calendar(EXAMPLE, START, END)
    (entry,) = folder.glob("*.json")
    entry.write_bytes(damage)
    assert read_calendar(EXAMPLE, START, END) == expected
    assert json.loads(entry.read_bytes())["key"] == entry.stem
    with monkeypatch.context() as patch:
        patch.setattr(calendars, "_parse", no_parsing)
        assert read_calendar(EXAMPLE, START, END) == expected


def test_an_entry_out_of_shape_is_ignored(folder: Path) -> None:
    expected = fresh(EXAMPLE, START, END)
    read_calendar(EXAMPLE, START, END)
    (entry,) = folder.glob("*.json")
    document = json.loads(entry.read_bytes())
    for bad in ("2027-13-01", None, 7):
        document["entries"][0][0] = bad
        entry.write_text(json.dumps(document), encoding="utf-8")
        assert read_calendar(EXAMPLE, START, END) == expected
        document = json.loads(entry.read_bytes())
    document["entries"][0][3] = "sprint"  # not a kind
    entry.write_text(json.dumps(document), encoding="utf-8")
    assert read_calendar(EXAMPLE, START, END) == expected


def test_an_unwritable_folder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(blocker))
    assert read_calendar(EXAMPLE, START, END) == fresh(EXAMPLE, START, END)
    assert read_calendar(EXAMPLE, START, END) == fresh(EXAMPLE, START, END)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_no_cache_writes_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEGDAY_NO_CACHE", "1")
    read_calendar(EXAMPLE, START, END)
    assert not folder.exists()


def test_errors_are_not_cached(tmp_path: Path, folder: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("date,title,kind\n2027-01-05,Intervals,xyzzy\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CalendarError, match="xyzzy"):
            read_calendar(plan, START, END)
    assert not list(folder.glob("*.json"))


def test_old_entries_are_pruned(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    plan = tmp_path / "plan.csv"
    for day in range(6):
        plan.write_text(f"date,title,kind\n2027-01-{day + 5:02},Run,easy\n", encoding="utf-8")
        read_calendar(plan, START, END)
    assert len(list(folder.iterdir())) == 3


def test_pruning_removes_only_legdays_own_files(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 1)
    folder.mkdir(parents=True, exist_ok=True)
    mine = folder / "notes.txt"
    mine.write_text("the athlete's own file", encoding="utf-8")
    plan = tmp_path / "plan.csv"
    for day in range(3):
        plan.write_text(f"date,title,kind\n2027-01-{day + 5:02},Run,easy\n", encoding="utf-8")
        read_calendar(plan, START, END)
    assert mine.read_text(encoding="utf-8") == "the athlete's own file"
    assert len(list(folder.glob("*.json"))) == 1


def test_a_hit_loads_no_reader(tmp_path: Path) -> None:
    """In a fresh process, a cached calendar costs no iCalendar, CSV or classifier import."""
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from legday.calendars import read_runs\n"
        f"runs = read_runs([Path({str(EXAMPLE)!r})], date(2027, 1, 4), date(2027, 5, 9))\n"
        "print(len(runs))\n"
        "heavy = ('icalendar', 'recurring_ical_events', 'legday.calendars.ics',\n"
        "         'legday.calendars.csv_reader', 'legday.calendars.classifier', 'zoneinfo')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {"LEGDAY_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        ).stdout.split("\n")
        for _ in range(2)
    ]
    assert runs[0][0] == runs[1][0] and int(runs[0][0]) > 20
    assert runs[0][1] != "[]"  # the miss read the file
    assert runs[1][1] == "[]"


def test_classify_stays_the_function_whatever_loads_first() -> None:
    """The package's `classify` is the function even after the classifier module loads
    on a cache miss (the package no longer imports it eagerly)."""
    script = (
        "import legday.calendars as calendars\n"
        "import legday.calendars.classifier as module\n"
        "from legday.calendars import classify\n"
        "print(callable(classify), calendars.classify is classify)\n"
        "print(classify('Intervals 6 x 800 m')[:2])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", "('run', <RunKind.HARD: 'hard'>)"]


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        ("/tmp/xdg-cache", "/home/runner"),
        (None, "/home/runner"),
        ("", "/home/runner/"),
        ("   ", "/"),
        ("", "//"),
        ("relative/cache", "/home/runner"),
        (None, "relative-home"),
    ],
)
def test_the_cache_folder_is_platformdirs_own(
    xdg: str | None, home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read without platformdirs on Linux, the folder is still the one platformdirs names."""
    import platformdirs

    monkeypatch.delenv("LEGDAY_CACHE_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    try:
        expected: Path | None = Path(platformdirs.user_cache_dir("legday")) / "calendars"
    except Exception:
        expected = None
    assert cache.cache_directory() == expected


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_other_systems_ask_platformdirs(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only Linux's usual answer is read by hand; elsewhere platformdirs names the folder."""
    import platformdirs

    asked: list[str] = []

    def user_cache_dir(appname: str) -> str:
        asked.append(appname)
        return "/somewhere/legday"

    monkeypatch.delenv("LEGDAY_CACHE_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    monkeypatch.setattr(cache.sys, "platform", platform)
    monkeypatch.setattr(platformdirs, "user_cache_dir", user_cache_dir)
    assert cache.cache_directory() == Path("/somewhere/legday/calendars")
    assert asked == ["legday"]
