"""`legday.files`: reads that cannot hang or flood, `-o` writes that never destroy.

The reproductions of issue 16: a FIFO blocked forever, /dev/zero grew to gigabytes, and
`-o` renamed over devices, links and read-only files.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from legday.errors import CalendarError, InputError
from legday.files import read_limited, write_output

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
DEV_ZERO = Path("/dev/zero")
DEV_FULL = Path("/dev/full")


# --- reading ---------------------------------------------------------------------------


def test_a_regular_file_is_read_and_hashed_in_one_pass(tmp_path: Path) -> None:
    file = tmp_path / "plan.ics"
    data = os.urandom(300_000)  # several chunks
    file.write_bytes(data)
    contents = read_limited(file, limit=len(data))
    assert contents.data == data
    assert contents.sha256 == hashlib.sha256(data).hexdigest()


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(5 * 2**30)  # sparse: 5 GB that cost nothing
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"huge\.toml: profile is 5120\.0 MB, above the 1 MB"):
        read_limited(huge, limit=2**20, what="profile")
    assert time.perf_counter() - started < 0.5


@needs_fifo
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "runs.ics"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_limited(fifo, limit=100, what="calendar", refuse=CalendarError)
        except BaseException as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    if reader.is_alive():  # release the blocked reader so the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], CalendarError)
    assert str(outcome[0]) == f"{fifo}: not a regular file (a device or pipe); give a calendar file"


@pytest.mark.skipif(not DEV_ZERO.exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^/dev/zero: not a regular file"):
        read_limited(DEV_ZERO, limit=2**20)
    assert time.perf_counter() - started < 0.5


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="a folder, not a regular file; give a backup file"):
        read_limited(tmp_path, limit=100, what="backup")


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.json: cannot read plan: No such file"):
        read_limited(tmp_path / "nope.json", limit=100, what="plan")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_longer_than_its_reported_size_is_cut_off() -> None:
    # /proc files report size 0 and have more: only limit + 1 bytes are ever read
    with pytest.raises(InputError, match="grew above the 10 bytes limit"):
        read_limited("/proc/self/status", limit=10)


# --- writing ---------------------------------------------------------------------------


def test_a_regular_file_is_replaced_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_output(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]


def test_a_new_file_is_made(tmp_path: Path) -> None:
    write_output(tmp_path / "plan.md", b"# plan")
    assert (tmp_path / "plan.md").read_bytes() == b"# plan"


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"keep me")
    target.chmod(0o444)  # refused by its mode, so even root does not replace it
    with pytest.raises(InputError, match=r"^output: .*plan\.json is read-only; not replaced"):
        write_output(target, b"new")
    assert target.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_a_symlink_writes_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.ics"
    link.symlink_to(real.name)
    write_output(link, b"new")
    assert link.is_symlink() and os.readlink(link) == "real.ics"
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@needs_fifo
def test_a_fifo_is_written_straight_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_output(fifo, b"x" * 200_000)  # more than a pipe buffer
    reader.join(timeout=5)
    assert got == [b"x" * 200_000]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full")
def test_a_full_device_is_one_line_and_stays_a_device() -> None:
    with pytest.raises(InputError, match=r"^output: cannot write /dev/full: No space left"):
        write_output(DEV_FULL, b"plan")
    assert stat.S_ISCHR(DEV_FULL.stat().st_mode)


def test_an_empty_name_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"^output: no file name given"):
        write_output(Path(""), b"plan")


def test_a_folder_is_no_output_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="it is a folder; give a file name"):
        write_output(tmp_path, b"plan")
