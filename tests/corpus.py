"""The labelled calendar corpus's module (bench/calendar_corpus.py), shared by its tests.

It lives in bench/ because `make eval` runs it; the tests load it from there by path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calendar_corpus", BENCH / "calendar_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("calendar_corpus", module)
    spec.loader.exec_module(module)
    return module


cc = _load()
