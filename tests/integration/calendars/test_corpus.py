"""The labelled calendar corpus: it loads, it is well formed, and legday reads it safely.

The scoring lives in bench/calendar_corpus.py (shared with `make eval`); every calendar
group goes through `read_calendar` as a user's file would.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from corpus import cc


@pytest.fixture(scope="module")
def rows() -> list[Any]:
    return cc.load(cc.corpus_files())


@pytest.fixture(scope="module")
def score(rows: list[Any]) -> Any:
    started = time.perf_counter()
    result = cc.evaluate(rows)
    assert time.perf_counter() - started < 10.0  # catches a hang, not a speed target
    return result


def test_corpus_loads_with_every_class_and_groups(rows: list[Any]) -> None:
    english = [r for r in rows if r.lang == "en"]
    assert len(english) >= 420
    assert len({r.calendar for r in english}) >= 25
    for kind in cc.CLASSES:
        assert sum(1 for r in english if r.truth == kind) >= 30, kind
    assert sum(1 for r in english if r.truth == "race") >= 60


def test_corpus_is_large_and_in_four_languages(rows: list[Any]) -> None:
    assert len(rows) >= 600
    assert {r.lang for r in rows} >= {"en", "de", "fr", "es"}


def test_every_row_is_read_back(score: Any) -> None:
    readings = score.readings
    assert readings
    assert all(r.predicted != cc.MISSING for r in readings)


def test_no_blocking_miss_and_no_false_race(score: Any) -> None:
    blocking = [(r.row.title, r.predicted) for r in score.blocking_misses]
    false = [(r.row.title, r.row.truth) for r in score.false_races]
    assert blocking == []
    assert false == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("c,en,2027-01-04,,,Easy 5,,easyish,,book", "truth 'easyish'"),
        ("c,xx,2027-01-04,,,Easy 5,,easy,,book", "lang 'xx'"),
        ("c,en,2027-01-04,,,Race,,race,D,book", "priority 'D'"),
        ("c,en,2027-01-04,,,Easy 5,,easy,A,book", "races only"),
        ("c,en,04/01/2027,,,Easy 5,,easy,,book", "date '04/01/2027'"),
        ("c,en,2027-01-04,7am,,Easy 5,,easy,,book", "start '7am'"),
        ("c,en,2027-01-04,,,Easy 5,easy,,book", "9 fields"),
        ('c,en,2027-01-04,,,"Easy 5,,easy,,book', "malformed"),
    ],
)
def test_a_bad_row_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "en-bad.csv"
    good = "c,en,2027-01-03,,,Rest,,rest,,book"
    path.write_text(",".join(cc.HEADER) + "\n" + good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(cc.CorpusError) as caught:
        cc.load([path])
    text = str(caught.value)
    assert text.startswith("en-bad.csv:3:"), text
    assert message in text
    assert "\n" not in text
