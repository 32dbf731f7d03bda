"""Computed answers kept until the athlete's records change.

Today's session, the plan and the session player's page are computed from the whole
logbook (progression reads the history, the plan progresses every session ahead), yet
between two changes they are the same bytes for every request. Every change of an
athlete's records, by this server, another worker or the CLI on the same store, bumps the
athlete's `revision` in the store under its lock (logging a set, skip, move, weather, a
profile change or a calendar sync: each re-plan or log is such a change). Answers are
kept by (what, athlete, its creation time, revision, the day asked): a changed logbook is
never answered from an old view, and a store restored under the same ids is told apart by
the creation time. The revision is read from the store on each request
(`legday.store.lookup`), not counted in this process, so several workers stay right.

A bounded LRU, by count and by bytes (a plan is ~300 kB, a player's page ~80 kB): old
days and old revisions fall out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.concurrency import run_in_threadpool

__all__ = ["Answers"]

MAX_ANSWERS = 256
MAX_BYTES = 64 * 1024 * 1024


class Answers:
    def __init__(self, size: int = MAX_ANSWERS, max_bytes: int = MAX_BYTES) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    async def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The answer kept under `key`, else `make()`'s, kept. A kept answer is served on
        the event loop; only a new one is made in a worker thread (it reads the logbook
        and may take a while), so the common case costs no trip to a thread."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        made = await run_in_threadpool(make)
        with self._lock:
            self.bytes -= len(self._kept.pop(key, b""))
            self._kept[key] = made
            self.bytes += len(made)
            while len(self._kept) > 1 and (
                len(self._kept) > self.size or self.bytes > self.max_bytes
            ):
                _, dropped = self._kept.popitem(last=False)
                self.bytes -= len(dropped)
        return made
