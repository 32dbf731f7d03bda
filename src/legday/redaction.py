"""Passwords out of anything legday stores or prints.

A database address such as `postgresql://sam:s3cret@db/legday` carries its password. It is
needed to connect and nowhere else: the current-athlete file is keyed by the redacted
address, and error messages and crash logs pass through `redact` before anyone sees them.
Pure text work (no SQLAlchemy), so an error path imports nothing heavy.
"""

from __future__ import annotations

import re

__all__ = ["HIDDEN", "redact"]

HIDDEN = "***"
# scheme://user:password@host -> the password is everything between the first ':' after the
# user and the next '@' on the line (a literal '@' in a password must be written %40, so
# none is inside it; '/' and spaces may be: SQLAlchemy takes them). Hiding a little too much
# ("db:5432/x for sam@host") is the safe side.
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):(?P<secret>[^@\n]+)@")
# ?password=... in a URL, password=... in a libpq "key=value" string
_PARAMETER = re.compile(
    r"(?P<head>\b(?:password|passwd|pwd|sslpassword)\s*=\s*)(?P<secret>'[^']*'|[^&\s'\"]+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`text` with every password in a URL or connection string replaced by ***."""
    text = _USERINFO.sub(rf"\g<head>:{HIDDEN}@", text)
    return _PARAMETER.sub(rf"\g<head>{HIDDEN}", text)
