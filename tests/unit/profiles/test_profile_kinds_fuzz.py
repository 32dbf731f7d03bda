"""Profile and kinds files from anywhere (issue 16): each reads, or is refused in one line
naming the file or field; never a traceback. Crashers found here live in
`tests/fixtures/hostile/` and are read back by the last tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.boundary import INT64_MAX
from legday.calendars.overrides import read_overrides
from legday.errors import LegdayError
from legday.profiles import build_profile, read_profile_file

HOSTILE = Path(__file__).parents[2] / "fixtures" / "hostile"
KEYS = ["start", "weeks", "sessions", "injuries", "equipment", "level", "minutes", "days"]
KEYS += ["recovery_every", "seed", "blocked", "races", "dominant_leg", "timezone", "windows"]
KEYS += ["age", "event", "dumbbells", "kettlebells", "plates", "bar", "bodyweight"]
VALUES = st.sampled_from(
    [
        "inf",
        "-inf",
        "nan",
        "0",
        "-1",
        "1e308",
        "9" * 30,
        str(INT64_MAX + 1),
        "true",
        '""',
        "2027-01-04",
        "0001-01-01",
        "9999-12-31",
        "2027-01-04T10:00:00",
        "10:00:00",
        '"2027-02-30"',
        '["mon", "wed"]',
        '["monkey"]',
        '"mon;wed"',
        "[]",
        "{}",
        '{mon = "06:00-08:00"}',
        '{mon = "08:00-06:00"}',
        '["2027-05-09:Z"]',
        '"\\u0000"',
        '"Europe/Berlin"',
        '"America"',
        '"' + "x" * 300 + '"',
        "[1, 2, 3]",
        "[[[]]]",
        '["shin-splints"]',
        '["dumbbells", "rocket"]',
        '"god"',
        "[4, 6, 500, 501]",
    ]
) | st.integers(min_value=-(2**70), max_value=2**70).map(str)
PROFILE = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6)


def _profile_text(values: dict[str, str]) -> str:
    return "".join(f"{key} = {value}\n" for key, value in values.items())


def _reads_or_refuses_profile(path: Path) -> None:
    try:
        build_profile(read_profile_file(path), default_start=date(2027, 1, 4))
    except LegdayError as error:
        assert "\n" not in str(error), str(error)


def _reads_or_refuses_kinds(path: Path) -> None:
    try:
        read_overrides(path)
    except LegdayError as error:
        assert "\n" not in str(error), str(error)


def _fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@_fuzz(150)
@given(values=PROFILE)
def test_a_profile_reads_or_is_one_line(values: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(_profile_text(values), encoding="utf-8")
    _reads_or_refuses_profile(path)


@_fuzz(150)
@given(text=st.text(max_size=200))
def test_any_text_as_a_profile(text: str, tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _reads_or_refuses_profile(path)


KIND_KEYS = st.text(max_size=30) | st.sampled_from(["2027-01-04", "0001-01-01", "a\r\nb"])
KIND_VALUES = st.sampled_from(["easy", "hard", "race:C", "race : a", "rocket", "", "other"])


def _kinds_text(tables: dict[str, dict[str, str]]) -> str:
    import json

    lines = []
    for table, items in tables.items():
        lines.append(f"[{table}]")
        lines += [f"{json.dumps(key)} = {json.dumps(value)}" for key, value in items.items()]
    return "\n".join(lines) + "\n"


@_fuzz(150)
@given(
    tables=st.dictionaries(
        st.sampled_from(["uids", "dates", "titles", "contains", "other"]),
        st.dictionaries(KIND_KEYS, KIND_VALUES, max_size=3),
        max_size=3,
    )
)
def test_a_kinds_file_reads_or_is_one_line(
    tables: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    path = tmp_path / "kinds.toml"
    path.write_text(_kinds_text(tables), encoding="utf-8")
    _reads_or_refuses_kinds(path)


@pytest.mark.slow
@_fuzz(3000)
@given(values=PROFILE)
def test_a_profile_reads_or_is_one_line_long(values: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(_profile_text(values), encoding="utf-8")
    _reads_or_refuses_profile(path)


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("profile-*.toml")))
def test_kept_profile_crashers_are_one_line(name: str) -> None:
    with pytest.raises(LegdayError) as refused:
        build_profile(read_profile_file(HOSTILE / name), default_start=date(2027, 1, 4))
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("kinds-*.toml")))
def test_kept_kinds_crashers_are_one_line(name: str) -> None:
    with pytest.raises(LegdayError) as refused:
        read_overrides(HOSTILE / name)
    assert "\n" not in str(refused.value)
