"""Writing and verifying the audit chain inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netra.audit.chain import AuditEntry, ChainBreak, entry_hash, verify_chain
from netra.storage.tables import AuditHeadRow, AuditRow


def append(session: Session, actor: str, action: str, entity: str, detail: dict | None = None,
           at: datetime | None = None) -> AuditEntry:
    """Add one entry; commits with the change it records, or not at all."""
    # Bumping the head first takes the write lock (row lock on PostgreSQL, database lock on SQLite), so two
    # writers can never chain onto the same previous entry.
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=AuditHeadRow.seq + 1))
    head = session.execute(select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)).one()
    at = (at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    entry = AuditEntry(seq=head.seq, at=at, actor=actor, action=action, entity=entity, detail=detail or {},
                       prev_hash=head.hash)
    digest = entry_hash(entry)
    session.add(AuditRow(seq=entry.seq, at=at.isoformat(timespec="microseconds"), actor=actor, action=action,
                         entity=entity, detail=entry.detail, prev_hash=entry.prev_hash, hash=digest))
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(hash=digest))
    session.flush()
    return AuditEntry(**{**vars(entry), "hash": digest})


def _entries(session: Session, batch: int = 5000):
    last = 0
    while True:
        rows = session.scalars(select(AuditRow).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)).all()
        if not rows:
            return
        for r in rows:
            yield AuditEntry(r.seq, datetime.fromisoformat(r.at), r.actor, r.action, r.entity, r.detail,
                             r.prev_hash, r.hash)
        last = rows[-1].seq


def verify(session: Session) -> tuple[int, list[ChainBreak]]:
    checked, breaks = verify_chain(_entries(session))
    head = session.get(AuditHeadRow, 1)
    last = session.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
    if head.seq != (last.seq if last else 0) or head.hash != (last.hash if last else head.hash):
        breaks.append(ChainBreak(head.seq, "the newest entries were deleted (head does not match the log)"))
    return checked, breaks
