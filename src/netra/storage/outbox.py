"""The outbox: domain events of cases, written with the change, read in order by each consumer.

Writing: only the case repository calls ``add``, after its audit entry (see OutboxRow for why ids then follow
commit order). Reading: a consumer ``lock``s its position for the length of its transaction, reads the
``events_after`` it, applies them and ``advance``s, all in one transaction, so an event is applied exactly once
or, on any error, not at all. Statistics wait for the lock; workers that share a consumer (notifications on
PostgreSQL) pass ``skip_locked`` and move on when another worker holds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from netra.audit.chain import AuditEntry
from netra.cases.events import CaseEvent
from netra.storage.tables import OutboxConsumerRow, OutboxRow

NEW_CONSUMER = -1  # `lock` returns this for a consumer that never ran: it starts from a full rebuild


def add(session: Session, entry: AuditEntry, events: Iterable[CaseEvent]) -> None:
    rows = [dict(kind=e.kind.value, case_id=e.case_id, region_code=e.region_code, audit_seq=entry.seq,
                 payload=dict(e.payload), created_at=entry.at) for e in events]
    if rows:
        session.execute(insert(OutboxRow), rows)


def latest_id(session: Session) -> int:
    return session.scalar(select(func.max(OutboxRow.id))) or 0


def pending(session: Session, consumer: str) -> bool:
    """Lock-free look: are there events this consumer has not applied (or has it never run)?"""
    position = session.scalar(select(OutboxConsumerRow.last_id).where(OutboxConsumerRow.name == consumer))
    return position is None or latest_id(session) > position


def lock(session: Session, consumer: str, *, skip_locked: bool = False) -> int | None:
    """Hold the consumer's position until the transaction ends and return it (NEW_CONSUMER the first time).
    With ``skip_locked`` (PostgreSQL): None when another transaction holds it."""
    dialect = session.get_bind().dialect.name
    upsert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(OutboxConsumerRow)
    # RETURNING, not rowcount: an ORM-enabled INSERT reports a rowcount that is truthy even when the conflict
    # clause inserted nothing (seen on PostgreSQL), which would skip the lock below.
    created = session.execute(upsert.values(name=consumer, last_id=NEW_CONSUMER, updated_at=_now())
                              .on_conflict_do_nothing(index_elements=[OutboxConsumerRow.name])
                              .returning(OutboxConsumerRow.name)).first() is not None
    if skip_locked and dialect == "postgresql":
        row = session.execute(select(OutboxConsumerRow.last_id).where(OutboxConsumerRow.name == consumer)
                              .with_for_update(skip_locked=True)).first()
        return None if row is None else row.last_id
    if not created:  # an UPDATE waits for the holder on both backends (row lock; SQLite's write lock)
        session.execute(update(OutboxConsumerRow).where(OutboxConsumerRow.name == consumer)
                        .values(last_id=OutboxConsumerRow.last_id))
    return session.scalar(select(OutboxConsumerRow.last_id).where(OutboxConsumerRow.name == consumer))


def events_after(session: Session, last_id: int, limit: int | None = None) -> list:
    query = select(OutboxRow).where(OutboxRow.id > last_id).order_by(OutboxRow.id)
    return list(session.scalars(query.limit(limit) if limit else query))


def advance(session: Session, consumer: str, last_id: int) -> None:
    session.execute(update(OutboxConsumerRow).where(OutboxConsumerRow.name == consumer)
                    .values(last_id=last_id, updated_at=_now()))


def _now() -> datetime:
    return datetime.now(timezone.utc)


__all__ = ["NEW_CONSUMER", "add", "advance", "events_after", "latest_id", "lock", "pending"]
