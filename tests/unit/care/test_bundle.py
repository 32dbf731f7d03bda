"""care/bundle.json is the protocol files, checked, under the digest of the files."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import pytest

import legday.care.loader as loader
from legday.care.loader import BUNDLE, load_protocols, read_protocol
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES


def test_bundle_is_fresh() -> None:
    """Fails after editing protocols/*.toml until `make catalogue` rewrites bundle.json."""
    bundle = json.loads((loader._directory() / BUNDLE).read_text(encoding="utf-8"))
    sources = loader._sources()
    assert bundle["sources"] == loader.digest(sources), "run `make catalogue`"
    assert bundle["protocols"] == [tomllib.loads(s.read_text(encoding="utf-8")) for s in sources]


def test_bundle_and_files_give_the_same_protocols() -> None:
    from_files = {
        p.condition: p
        for p in (read_protocol(s.name, s.read_text(encoding="utf-8")) for s in loader._sources())
    }
    assert load_protocols(load_catalogue()) == from_files
    assert set(from_files) == set(INJURIES)  # one protocol a problem


def test_a_stale_bundle_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "digest", lambda sources: "changed since")
    read: list[str] = []
    real = loader.read_protocol
    monkeypatch.setattr(loader, "read_protocol", lambda n, t: read.append(n) or real(n, t))
    assert len(load_protocols(load_catalogue())) == len(INJURIES)
    assert len(read) == len(INJURIES)


def test_a_bundled_protocol_is_still_checked_against_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = loader.bundled_documents

    def renamed(*args: Any) -> list[dict[str, object]] | None:
        documents = json.loads(json.dumps(real(*args)))
        documents[0]["lightest"][0]["exercise"] = "no-such-exercise"
        return documents  # type: ignore[no-any-return]

    monkeypatch.setattr(loader, "bundled_documents", renamed)
    with pytest.raises(Exception, match="unknown catalogue id 'no-such-exercise'"):
        load_protocols(load_catalogue())
