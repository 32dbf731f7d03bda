"""Plan documents as indented JSON text.

The standard library indents in pure Python (~15 ms for a 16-week plan here, more than
planning it); orjson, a C library made for this, writes the same document in well under
a millisecond. For plan documents the characters are exactly what
`json.dumps(value, indent=2, ensure_ascii=False)` writes (a test holds them to it). For
other documents the JSON is the same but the text may differ: orjson writes `1.5e-7` where
the standard library writes `1.5e-07`, and `null` for NaN (which JSON has no word for).
What orjson refuses (keys that are not text, integers past 64 bits, unpaired surrogates)
goes to the standard library.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

__all__ = ["dumps_indented"]


def dumps_indented(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:
        return json.dumps(value, indent=2, ensure_ascii=False)
