"""Use cases on the logbook's database as a whole: upgrade its schema, back it up, restore.

    db upgrade, backup, restore

They work on every table at once, not on one athlete's unit of work, so they take the
`Database` that `legday.bootstrap` opened rather than a `Logbook`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from legday.errors import StoreError

if TYPE_CHECKING:
    from legday.store.uow import Database

__all__ = ["Maintenance", "Upgraded"]


@dataclass(frozen=True, slots=True)
class Upgraded:
    before: str | None  # None: a new, empty store
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Maintenance:
    database: Database

    def upgrade(self) -> Upgraded:
        """Bring the schema up to this release, keeping the data (a deploy step). Alembic
        is imported only when there is something to do."""
        from legday.store.schema import HEAD, stored_revision

        before = stored_revision(self.database.engine)
        if before == HEAD:
            return Upgraded(before, HEAD)
        from legday.store.migrate import known, upgrade

        if before is not None and not known(before):
            raise StoreError(f"the logbook is at schema {before!r}, newer than this legday knows")
        upgrade(self.database.engine)
        return Upgraded(before, HEAD)

    def backup(self) -> dict[str, Any]:
        """The whole logbook as a versioned document (legday.backup/1)."""
        from legday.store.backup import dump

        return dump(self.database.reads)  # one snapshot, and no write lock

    def restore(self, data: Any) -> int:
        """Load a backup into an empty database, all or nothing; how many rows."""
        from legday.store.backup import restore

        return restore(self.database.engine, data)
