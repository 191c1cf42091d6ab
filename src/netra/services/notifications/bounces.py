"""Addresses that bounce: a mail server's permanent refusal at RCPT (the worker records it) or a bounce an operator
saw (`netra notifications bounce ADDRESS`). Nothing more is queued or sent to them until the owner gives another
address, or an operator clears it (`netra notifications bounce ADDRESS --clear`) once the mailbox works again."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from netra.storage.tables import EmailBounceRow


def _key(address: str) -> str:
    return address.strip().lower()


def record(session: Session, address: str, reason: str, source: str, now: datetime | None = None) -> None:
    dialect = session.get_bind().dialect.name
    upsert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(EmailBounceRow)
    session.execute(upsert.values(address=_key(address), reason=reason[:1000], source=source,
                                  created_at=now or datetime.now(timezone.utc))
                    .on_conflict_do_nothing(index_elements=[EmailBounceRow.address]))


def bounced(session: Session, address: str) -> EmailBounceRow | None:
    return session.get(EmailBounceRow, _key(address)) if address else None


def clear(session: Session, address: str) -> None:
    session.execute(delete(EmailBounceRow).where(EmailBounceRow.address == _key(address)))


def latest(session: Session, limit: int = 100) -> list[EmailBounceRow]:
    return list(session.scalars(select(EmailBounceRow).order_by(EmailBounceRow.created_at.desc()).limit(limit)))
