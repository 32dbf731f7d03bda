"""bundle.json is the TOML data, validated, under the digest of the files it came from."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

import legday.catalogue.loader as loader
from legday.catalogue.loader import BUNDLE, data_directory, load_catalogue, load_directory

BUNDLE_PATH = Path(str(data_directory())).parent / BUNDLE


def test_bundle_is_fresh() -> None:
    """Fails after editing data/*.toml until `make catalogue` rewrites bundle.json."""
    bundle = json.loads(BUNDLE_PATH.read_text(encoding="utf-8"))
    sources = loader._sources(data_directory())
    assert bundle["sources"] == loader.digest(sources), "run `make catalogue`"
    documents = [tomllib.loads(s.read_text(encoding="utf-8")) for s in sources]
    assert bundle["exercises"] == documents


def test_bundle_and_files_give_the_same_catalogue() -> None:
    from_files = {e.id: e for e in load_directory(data_directory())}
    from_bundle = {e.id: e for e in load_catalogue()}
    assert from_bundle == from_files


def test_a_stale_bundle_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "digest", lambda sources: "changed since")
    read_files: list[bool] = []
    real = loader.load_directory
    monkeypatch.setattr(loader, "load_directory", lambda d: read_files.append(True) or real(d))
    loader.load_catalogue.cache_clear()
    try:
        assert len(loader.load_catalogue()) == len(load_directory(data_directory()))
    finally:
        loader.load_catalogue.cache_clear()
    assert read_files == [True]
