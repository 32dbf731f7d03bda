"""A folder of reviewed TOML files kept as one checked JSON bundle beside them (`make
catalogue`), so a start reads one file instead of parsing and validating each: the
catalogue's exercises and the care protocols. The bundle names the digest of the files
it was made from; a bundle of other files is not used."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, Protocol

import orjson

__all__ = ["Source", "bundled_documents", "digest"]


class Source(Protocol):
    """A file of the folder (a Path, or a package resource)."""

    @property
    def name(self) -> str: ...

    def read_bytes(self) -> bytes: ...


def digest(sources: Sequence[Source]) -> str:
    """The files' names and contents, in order, as one SHA-256."""
    hashed = hashlib.sha256()
    for source in sources:
        hashed.update(source.name.encode())
        hashed.update(source.read_bytes())
    return hashed.hexdigest()


def bundled_documents(bundle: Source, sources_digest: str, key: str) -> list[dict[str, Any]] | None:
    """The bundle's documents under `key` when it was made from these very files; None
    when it is missing, unreadable or stale."""
    try:
        # orjson: the same documents in half the time of the json module
        found = orjson.loads(bundle.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("sources") != sources_digest:
        return None
    documents: list[dict[str, Any]] = found[key]
    return documents
