"""Computed answers kept until the athlete's records change.

Today's session and the plan are computed from the whole logbook (progression reads the
history, the plan progresses every session ahead), yet between two changes they are the
same bytes for every request. Every change of an athlete's records, by this server or by
the CLI on the same store, bumps the athlete's `revision` under its lock; the answers
are kept by (athlete, its creation time, revision, the day asked), so a changed logbook
is never answered from an old view, and a store restored under the same ids is told
apart by the creation time. A bounded LRU: old days and old revisions fall out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.concurrency import run_in_threadpool

__all__ = ["Answers"]


class Answers:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

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
            self._kept[key] = made
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return made
