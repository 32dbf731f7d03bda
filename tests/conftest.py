"""Settings every test shares."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# The calendar cache goes to a folder of this test session, never to the user's cache
# folder; set before any test (or a process a test starts) can read a calendar.
_CACHE = tempfile.TemporaryDirectory(prefix="legday-test-cache-")
os.environ["LEGDAY_CACHE_DIR"] = _CACHE.name
os.environ.pop("LEGDAY_NO_CACHE", None)


@pytest.fixture(scope="session", autouse=True)
def _calendar_cache_folder() -> Iterator[Path]:
    yield Path(_CACHE.name)
    _CACHE.cleanup()


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables fit COLUMNS; pytest-xdist workers inherit a COLUMNS of 80, a terminal does
    whatever it likes. Tests see the width of a pipe unless they set their own."""
    monkeypatch.setenv("COLUMNS", "110")
