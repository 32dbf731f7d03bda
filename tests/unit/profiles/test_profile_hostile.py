"""Issue 16's profile reproductions: each is one line naming the field or file, never a
traceback, and a profile file is read bounded (no FIFO wait, no /dev/zero flood)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from legday.errors import InputError
from legday.profiles import build_profile, parse_days, parse_zone, read_profile_file

START = date(2027, 1, 4)


def _profile(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "profile.toml"
    path.write_bytes(data)
    return path


def test_a_bom_at_the_start_is_accepted(tmp_path: Path) -> None:
    path = _profile(tmp_path, b"\xef\xbb\xbfweeks = 4\nlevel = 'intermediate'\n")
    assert read_profile_file(path) == {"weeks": 4, "level": "intermediate"}


def test_5000_deep_toml_is_one_line(tmp_path: Path) -> None:
    path = _profile(tmp_path, b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n")
    with pytest.raises(InputError, match=r"profile\.toml: nested too deeply to be a profile$"):
        read_profile_file(path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("minutes = inf", "minutes: inf is not a whole number"),
        ("minutes = nan", "minutes: nan is not a whole number"),
        (
            "start = 2027-01-04T10:00:00",
            "start: 2027-01-04T10:00:00 has a time of day; write the date only, like 2027-01-04",
        ),
        ("start = 10:00:00", "start: 10:00:00 is a time of day, not a date like 2027-01-04"),
    ],
)
def test_impossible_values_are_named(tmp_path: Path, line: str, message: str) -> None:
    values = read_profile_file(_profile(tmp_path, line.encode() + b"\n"))
    with pytest.raises(InputError) as caught:
        build_profile(values, default_start=START)
    assert str(caught.value) == message


def test_not_utf8_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a valid TOML profile"):
        read_profile_file(_profile(tmp_path, b"level = '\xff'\n"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_profile_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.toml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_profile_file(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_as_a_profile_is_refused() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: not a regular file"):
        read_profile_file(Path("/dev/zero"))


def test_a_huge_profile_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    with path.open("wb") as handle:
        handle.truncate(3 * 2**20)
    with pytest.raises(InputError, match=r"profile is 3\.0 MB, above the 1 MB limit"):
        read_profile_file(path)


# --- days: exact names only ----------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "days"),
    [
        (["mon", "wed"], {0, 2}),
        (["Monday", "WED", " fri "], {0, 2, 4}),
        (["sunday"], {6}),
    ],
)
def test_days_by_abbreviation_or_full_name(given: list[str], days: set[int]) -> None:
    assert parse_days(given) == frozenset(days)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            ["mon;wed"],
            "days: unknown day 'mon;wed' (use mon,tue,...,sun or full names; separate days"
            " with commas)",
        ),
        (["monkey", "wedge"], "days: unknown day 'monkey' (use mon,tue,...,sun or full names)"),
        (["wedge"], "days: unknown day 'wedge' (use mon,tue,...,sun or full names)"),
        (["tues"], "days: unknown day 'tues' (use mon,tue,...,sun or full names)"),
        (["mo"], "days: unknown day 'mo' (use mon,tue,...,sun or full names)"),
    ],
)
def test_days_are_never_read_by_prefix(given: list[str], message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_days(given)
    assert str(caught.value) == message


def test_days_from_the_command_line_string() -> None:
    with pytest.raises(InputError, match="separate days with commas"):
        build_profile({"days": "mon;wed"}, default_start=START)
    assert build_profile({"days": "mon,wed"}, default_start=START).days == frozenset({0, 2})


# --- zones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "zone", ["America", "A" * 300, "Nonsense/Zone", "../../etc/passwd", "Europe/", "", "\x00"]
)
def test_a_zone_that_is_no_zone_is_one_line(zone: str) -> None:
    with pytest.raises(InputError, match=r"^tz: unknown time zone"):
        parse_zone(zone)


def test_a_real_zone_is_kept() -> None:
    assert parse_zone("Europe/Berlin") == "Europe/Berlin"
    assert parse_zone(None) is None
