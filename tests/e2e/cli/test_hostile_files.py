"""Every command that reads a user's file refuses a device or a FIFO at once (issue 16):
`/dev/zero` grew legday to gigabytes, a FIFO blocked it forever. Each runs in its own
process with a memory cap and a timeout, so a regression fails rather than hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (hasattr(os, "mkfifo") and Path("/dev/zero").exists()), reason="needs FIFOs and /dev"
)
MEMORY_CAP = 2 * 2**30  # far above a plan's needs, far below what /dev/zero would take


def _capped() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _legday(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LEGDAY_DATABASE_URL": f"sqlite:///{tmp_path / 'legday.db'}",
        "LEGDAY_CONFIG_DIR": str(tmp_path / "config"),
        "LEGDAY_TODAY": "2027-01-04",
    }
    env.pop("LEGDAY_ATHLETE", None)
    return subprocess.run(
        [sys.executable, "-m", "legday", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
        preexec_fn=_capped,  # the child only sets its own limit before exec
    )


def _zero(_tmp_path: Path) -> str:
    return "/dev/zero"


def _fifo(tmp_path: Path) -> str:
    fifo = tmp_path / "input.fifo"
    os.mkfifo(fifo)
    return str(fifo)


COMMANDS: list[Callable[[str], list[str]]] = [
    lambda f: ["check", f],
    lambda f: ["restore", f],
    lambda f: ["plan", "--profile", f],
    lambda f: ["plan", "--runs", f],
    lambda f: ["plan", "--kinds", f],
    lambda f: ["athlete", "add", "sam", "--runs", f],
    lambda f: ["runs", f],
]
NAMES = ["check", "restore", "plan-profile", "plan-runs", "plan-kinds", "athlete-add", "runs"]


@pytest.mark.parametrize("make", [_zero, _fifo], ids=["dev-zero", "fifo"])
@pytest.mark.parametrize("command", COMMANDS, ids=NAMES)
def test_a_device_or_fifo_is_refused_in_one_line(
    command: Callable[[str], list[str]], make: Callable[[Path], str], tmp_path: Path
) -> None:
    source = make(tmp_path)
    done = _legday(command(source), tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"legday: error: {source}: not a regular file")


def test_athlete_add_refused_commits_nothing(tmp_path: Path) -> None:
    assert _legday(["athlete", "add", "sam", "--runs", "/dev/zero"], tmp_path).returncode == 2
    listed = _legday(["athlete", "list"], tmp_path)
    assert listed.returncode == 0 and listed.stdout == ""
