"""Claiming outbox rows (emails, webhook deliveries) so that nothing is lost and nothing is sent twice but in the
one window no protocol closes.

A worker claims one row in a short transaction of its own (status "sending", its key, a lease, attempts + 1) and
commits before it sends: no transaction stays open over the network, and a kill during the send still counts the
attempt. Right after the receiving server accepted (SMTP 250, HTTP 2xx) the row is marked sent, in its own
transaction, before anything else happens (not even SMTP QUIT). What remains: a worker killed between the server's
acceptance and that commit; the row is sent again, with the same Message-ID or Idempotency-Key, so the receiver can
drop the copy (tests/notifications/test_worker_crash.py measures how often).

A claim comes back to the queue when its worker is gone, at once: on PostgreSQL every worker holds an advisory lock
named by its key, on a connection of its own, for as long as it lives (pg_try_advisory_lock on a dead worker's key
succeeds); on SQLite only one worker runs (the lock file of `netra worker`), so a claim not its own is a dead
worker's. And when its lease runs out (a worker that hangs), LEASE being far longer than any send may take.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import create_engine, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from netra.storage.database import Database
from netra.storage.tables import EmailMessageRow, WebhookDeliveryRow

LEASE = timedelta(minutes=15)  # an SMTP send times out after 30 s per command, a webhook POST after 10 s
LOCK_CLASS = 15  # first key of the two-key advisory locks: Netra's notification workers (issue 15)
TABLES = (EmailMessageRow, WebhookDeliveryRow)


class Worker:
    """One worker's identity while it sends: `with Worker(db) as me: ...`."""

    def __init__(self, db: Database):
        self.db = db
        self.postgres = db.engine.dialect.name == "postgresql"
        self.key = secrets.randbelow(2**31 - 2) + 1
        self._engine = self._conn = None

    def __enter__(self) -> "Worker":
        if self.postgres:  # a connection outside the pool, in autocommit: never "idle in transaction"
            self._engine = create_engine(self.db.engine.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
            self._conn = self._engine.connect()
            while not self._lock("pg_try_advisory_lock", self.key):
                self.key = secrets.randbelow(2**31 - 2) + 1
        return self

    def __exit__(self, *exc) -> None:
        if self._conn is not None:
            self._conn.close()
            self._engine.dispose()
            self._conn = self._engine = None

    def _lock(self, function: str, key: int) -> bool:
        return bool(self._conn.execute(text(f"SELECT {function}(:c, :k)"), {"c": LOCK_CLASS, "k": key}).scalar())

    def _gone(self, key: int) -> bool:
        if not self.postgres:
            return True  # one worker on SQLite: a claim not ours was left by a killed one
        if self._lock("pg_try_advisory_lock", key):
            self._lock("pg_advisory_unlock", key)
            return True
        return False

    def _reconnect_if_lost(self) -> None:
        """A dropped connection took our advisory lock with it (others may already have released our claims, none of
        which is in flight between rounds): take a new connection and key."""
        try:
            self._conn.execute(text("SELECT 1"))
        except DBAPIError:
            self.__exit__()
            self.__enter__()

    def release_orphans(self, at: datetime) -> int:
        """Queue again, due at once, what dead workers held and what outlived its lease. The number released."""
        if self.postgres:
            self._reconnect_if_lost()
        released = 0
        with self.db.transaction() as session:
            for table in TABLES:
                keys = set(session.scalars(select(table.claimed_by).where(table.status == "sending").distinct()))
                dead = [k for k in keys - {self.key} if k is None or self._gone(k)]
                stale = table.lease_until < at
                if dead:
                    stale = stale | table.claimed_by.in_([k for k in dead if k is not None])
                released += session.execute(update(table).where(table.status == "sending", stale).values(
                    status="queued", claimed_by=None, lease_until=None, next_attempt_at=at)).rowcount
        return released


def take(session: Session, table, worker: Worker, at: datetime, *where):
    """Claim the next due row of `table` (FOR UPDATE SKIP LOCKED: concurrent workers take different rows); None when
    nothing is due. The caller's transaction commits the claim before anything is sent."""
    row = session.scalars(
        select(table).where(table.status == "queued", table.next_attempt_at <= at, *where)
        .order_by(table.next_attempt_at, table.id).limit(1).with_for_update(skip_locked=True)).first()
    if row is not None:
        row.status, row.claimed_by, row.lease_until = "sending", worker.key, at + LEASE
        row.attempts += 1
    return row


def settle(db: Database, table, row_id: int, worker: Worker, **values) -> bool:
    """End our claim on a row with `values` (sent, queued again, failed), in a transaction of its own. False when
    the claim was no longer ours (released after its lease ran out)."""
    with db.transaction() as session:
        return settle_in(session, table, row_id, worker, **values)


def settle_in(session: Session, table, row_id: int, worker: Worker, **values) -> bool:
    return session.execute(update(table).where(table.id == row_id, table.status == "sending",
                                               table.claimed_by == worker.key)
                           .values(claimed_by=None, lease_until=None, **values)).rowcount == 1
