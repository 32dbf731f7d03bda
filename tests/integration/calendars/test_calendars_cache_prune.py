"""Cache pruning (issue 16): pointed at a folder that holds the user's own files, legday
removes only what it wrote itself, named by a SHA-256 key; never a user's `.json` or
`.feed`, never what a link points at, never a folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from legday.calendars import cache, feed_cache

KEYS = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(6)]


def _entries(folder: Path, suffix: str) -> list[Path]:
    made = []
    for age, key in enumerate(KEYS):
        entry = folder / f"{key}{suffix}"
        entry.write_bytes(b"{}")
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))  # KEYS[-1] is the newest
        made.append(entry)
    return made


def _users_files(folder: Path, suffix: str) -> dict[Path, bytes]:
    victim = folder.parent / "elsewhere.txt"
    victim.write_bytes(b"the target of a link")
    files = {
        folder / f"results{suffix}": b"the athlete's own",
        folder / f"{KEYS[0].upper()}{suffix}": b"uppercase: not a name legday writes",
        folder / f"{KEYS[0]}{suffix}.bak": b"a copy the user made",
        folder / f"{KEYS[0][:63]}{suffix}": b"63 digits",
        victim: b"the target of a link",
    }
    for path, data in files.items():
        path.write_bytes(data)
        os.utime(path, (1, 1))  # older than every entry: first in line if it counted
    link = folder / f"{'f' * 64}{suffix}"
    link.symlink_to(victim)
    os.utime(link, (1, 1), follow_symlinks=False)
    (folder / f"{'e' * 64}{suffix}").mkdir()
    return files


@pytest.mark.parametrize("suffix", [".json", ".feed"])
def test_pruning_keeps_every_file_legday_did_not_write(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    entries = _entries(folder, suffix)
    users = _users_files(folder, suffix)

    cache.prune(folder, suffix, keep=2)

    assert sorted(p for p in entries if p.exists()) == sorted(entries[-2:])
    for path, data in users.items():
        assert path.read_bytes() == data
    assert (folder / f"{'f' * 64}{suffix}").is_symlink()
    assert (folder / f"{'e' * 64}{suffix}").is_dir()


def test_a_feed_copy_is_read_bounded(tmp_path: Path) -> None:
    """A FIFO where a stored feed should be is a miss, at once."""
    url = "https://example.org/feed.ics?token=t"
    key = hashlib.sha256(url.encode()).hexdigest()
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / f"{key}.feed")
    assert feed_cache.load(tmp_path, url) is None


def test_names_legday_writes(tmp_path: Path) -> None:
    assert cache.is_entry_name(f"{KEYS[1]}.json", ".json")
    assert not cache.is_entry_name(f"{KEYS[1]}.json", ".feed")
    assert not cache.is_entry_name(f".{KEYS[1]}.abc.tmp", ".tmp")
    assert not cache.is_entry_name("plan.json", ".json")
