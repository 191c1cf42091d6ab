"""One handle on the database: engine, sessions and a transaction scope."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from netra.storage.db import check_connection, make_engine, session_factory
from netra.storage.migrate import upgrade


class Database:
    def __init__(self, url: str, audit_key: bytes | None = None):
        self.engine = make_engine(url)
        self._sessions = session_factory(self.engine)
        # The key of the audit chain's MACs (Settings.audit_key, a file in the data directory). The server and the
        # CLI always set it; without one, entries are plain SHA-256, which `netra audit verify` reports as broken.
        self.audit_key = audit_key

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any error: nothing is ever half-stored."""
        with self._sessions.begin() as session:
            session.info["audit_key"] = self.audit_key
            yield session

    def check(self) -> None:
        check_connection(self.engine)

    def migrate(self) -> None:
        self.check()
        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
