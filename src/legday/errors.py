"""Errors a user can cause, each printed as one line with exit code 2.

LegdayError                  anything the user can fix; never a traceback
 ├── InputError              a bad option or field value (names the field)
 ├── CalendarError           an unreadable or hostile calendar file (names file, line)
 ├── PlanFileError           a plan JSON that does not follow legday.plan/1
 ├── CatalogueError          a catalogue entry that fails its schema (a bug, not the user's)
 └── StoreError              the logbook database refuses an operation
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "CatalogueError",
    "InputError",
    "LegdayError",
    "PlanFileError",
    "StoreError",
]


class LegdayError(Exception):
    """Base of every error the CLI turns into one line and exit code 2."""

    exit_code = 2


class InputError(LegdayError):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


class ReusedIdError(InputError):
    """An id the client made already names a different record: a clash (HTTP 409), not a
    replay of the same one."""


class MissingError(InputError):
    """The thing a field names is not there (no session on that day): HTTP 404."""


class CalendarError(LegdayError):
    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line


class PlanFileError(LegdayError):
    pass


class CatalogueError(LegdayError):
    pass


class StoreError(LegdayError):
    pass
