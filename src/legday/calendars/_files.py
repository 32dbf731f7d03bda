"""Read a user's file as text, refusing what no calendar looks like before any parsing.

Every refusal is a `CalendarError` naming the file (and line where known), so a hostile or
accidental file (binary, huge, wrong encoding) never reaches a parser.
"""

from __future__ import annotations

from pathlib import Path

from legday.errors import CalendarError
from legday.files import read_limited

__all__ = ["MAX_BYTES", "decode", "read_bytes"]

# 20 MB: a decade of daily training is under 5 MB; anything larger is not a running plan.
MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused above `MAX_BYTES` (or as no regular file) before reading."""
    data = read_limited(path, limit=MAX_BYTES, what="calendar", refuse=CalendarError).data
    if not data.strip():
        raise CalendarError(str(path), "file is empty")
    return data


def decode(path: Path, data: bytes, *, fallback: str | None = None, what: str = "calendar") -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; `fallback` for CSV from spreadsheets.

    With a `fallback`, a file that is not UTF-8 throughout is read line by line: each line
    as UTF-8 if it is, else in the fallback. A plan edited in two programs mixes both, and
    reading it all as cp1252 would turn its UTF-8 rows into "LÃ¤ufchen".

    `what` names the kind of file in messages ("not a text calendar", "not a text kinds file").
    """
    name = str(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CalendarError(name, "broken UTF-16 text") from error
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            line = data.count(b"\n", 0, nul) + 1
            raise CalendarError(name, f"binary data (NUL byte), not a text {what}", line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if fallback is None:
                line = data.count(b"\n", 0, error.start) + 1
                bad = data[error.start : error.start + 1].hex()
                problem = f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8"
                raise CalendarError(name, problem, line) from error
            text = _line_by_line(data, fallback)
    if "\x00" in text:
        raise CalendarError(name, f"binary data (NUL character), not a text {what}")
    return text


def _line_by_line(data: bytes, fallback: str) -> str:
    """Each line as UTF-8 where it is valid, else decoded with `fallback`."""
    lines = data.splitlines(keepends=True)
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    decoded: list[str] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode(fallback, errors="replace"))
    return "".join(decoded)
