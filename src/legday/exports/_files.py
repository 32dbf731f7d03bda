"""Writing export files whole or not at all: `legday.files.write_output` under the name the
exporters use.

A calendar app subscribed to a file, or a watch synced from a folder, must never read a
half-written export; a device, pipe or read-only file needs care of its own (see
`legday.files`).
"""

from __future__ import annotations

from legday.files import write_output as write_atomic

__all__ = ["write_atomic"]
