"""Settings every test shares: the calendar cache folder and the Hypothesis profiles.

Two profiles (docs/testing.md):

- ``dev`` (the default on a laptop): a quarter of each property's examples, fresh random
  examples on every run, so many quick local runs together explore more than one long one.
- ``ci`` (the default when CI=true, and for ``make test-all``): every property's full count,
  derandomized, so a CI failure is the same failure on the next run and on a laptop.

``HYPOTHESIS_PROFILE=dev|ci`` chooses either anywhere. Neither profile keeps an example
database: a stored example that once ran for seconds (a fuzz input near the CPU limit, say)
would otherwise be replayed first on every later run, a slowdown nobody asked for. A failing
example is printed with its ``@reproduce_failure`` blob instead; under ``ci`` rerunning
finds it again anyway. Deadlines are off and the ``too_slow`` health check is suppressed in
both: this machine is shared, and a timing check would fail on load, not on code.

Tests scale their own counts and samples through ``thorough.examples`` and
``thorough.sample``, so a count written in a test is the ``ci`` count.
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from thorough import FAST_SHARE, THOROUGH_EXAMPLES, is_thorough, profile_from_environment

# Python's collector, in the test processes only. A worker holds ~290,000 long-lived objects
# once it has collected (the libraries, every collected test; then the module fixtures'
# plans), and each full collection walked them all: ~150 ms each, a tenth of a run's CPU. After
# collection they are frozen (`pytest_collection_finish`: never walked again), and a young
# collection comes every 10,000 new container objects instead of 700, so full ones are rare;
# garbage without reference cycles goes as before, at once. docs/testing.md has the figures.
gc.set_threshold(10_000, 10, 10)

_CALM = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow],
}
# `dev` reports a failure as drawn, unshrunk: shrinking a whole-plan property took about
# three minutes of a two-minute `make test`. Its blob replays it; `ci` shrinks.
_NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target)
settings.register_profile(
    "dev",
    max_examples=round(THOROUGH_EXAMPLES * FAST_SHARE),
    derandomize=False,
    phases=_NO_SHRINK,
    **_CALM,
)
settings.register_profile("ci", max_examples=THOROUGH_EXAMPLES, derandomize=True, **_CALM)
settings.load_profile(profile_from_environment())


_SHM_NEEDED = 2 * 1024**3  # a whole run leaves about 150 MB; pytest keeps three runs


def _memory_backed_temp(environ: MutableMapping[str, str] = os.environ) -> None:
    """Test files (tmp_path, logbooks, uploads, caches) in memory when /dev/shm is a tmpfs
    with room to spare and TMPDIR is not set: each SQLite commit of a store test syncs a
    file, and on this machine's disk that wait was a third or more of the store tests' wall
    time. Set before pytest picks its temporary folder; subprocesses of tests inherit it."""
    shm = Path("/dev/shm")
    if environ.get("TMPDIR") or not (shm.is_dir() and os.access(shm, os.W_OK)):
        return
    free = os.statvfs(shm)
    if free.f_bavail * free.f_frsize < _SHM_NEEDED:  # a container's 64 MB /dev/shm, say
        return
    folder = shm / f"legday-tests-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # tempfile reads TMPDIR again


_memory_backed_temp()

# The calendar cache goes to a folder of this test session, never to the user's cache
# folder; set before any test (or a process a test starts) can read a calendar.
_CACHE = tempfile.TemporaryDirectory(prefix="legday-test-cache-")
os.environ["LEGDAY_CACHE_DIR"] = _CACHE.name
os.environ.pop("LEGDAY_NO_CACHE", None)


# The warm worker's sockets (`legday daemon`) too: no `legday` a test starts ever hands its
# command to a worker the user runs. A short path: a socket's path holds ~100 bytes.
_RUNTIME = tempfile.TemporaryDirectory(prefix="ld-run-")
os.environ["LEGDAY_RUNTIME_DIR"] = _RUNTIME.name
os.environ.pop("LEGDAY_NO_DAEMON", None)


@pytest.fixture(scope="session", autouse=True)
def _calendar_cache_folder() -> Iterator[Path]:
    yield Path(_CACHE.name)
    _CACHE.cleanup()
    _RUNTIME.cleanup()


@pytest.fixture(scope="session", autouse=True)
def _logbook_plans_remembered() -> Iterator[None]:
    """Under `dev`, the logbook's planner hands a repeated season its plan again instead of
    planning it anew (tests/remembered_plans.py); under `ci` every plan is made afresh."""
    if is_thorough():
        yield
        return
    from legday import bootstrap
    from remembered_plans import remembering

    real = bootstrap._make_plan
    bootstrap._make_plan = remembering(real)
    yield
    bootstrap._make_plan = real


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables fit COLUMNS; pytest-xdist workers inherit a COLUMNS of 80, a terminal does
    whatever it likes. Tests see the width of a pipe unless they set their own."""
    monkeypatch.setenv("COLUMNS", "110")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first: on two xdist workers the long ones then run side by side early,
    instead of one worker finishing a long test alone at the end. The sort is stable, so the
    order is otherwise the files' own."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What importing and collecting built lives as long as the process: frozen, so that no
    later collection walks it again (see `gc.set_threshold` above)."""
    gc.collect()
    gc.freeze()
