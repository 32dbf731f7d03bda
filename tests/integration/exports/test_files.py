"""Atomic writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from legday.errors import InputError
from legday.exports._files import write_atomic


def test_write_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.ics"
    target.parent.mkdir()

    write_atomic(target, b"first")
    write_atomic(target, b"second")

    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["plan.ics"]


def test_missing_folder_is_an_error_not_made_up(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "plan.ics"
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(target, b"x")
    assert not (tmp_path / "no").exists()


def test_failure_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError, match="No space left on device"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_unwritable_place_is_a_one_line_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")

    with pytest.raises(InputError, match=r"^output: cannot write .*plan\.ics"):
        write_atomic(blocker / "plan.ics", b"data")
