"""The in-app list of an account's notifications: newest first, unread count, marking read."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select, update

from netra.accounts.model import Account
from netra.storage.database import Database
from netra.storage.tables import NotificationRow


def unread(db: Database, account: Account) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).where(NotificationRow.user_id == account.id,
                                                         NotificationRow.read_at.is_(None)))


def latest(db: Database, account: Account, limit: int = 100) -> list[NotificationRow]:
    with db.transaction() as session:
        rows = list(session.scalars(select(NotificationRow).where(NotificationRow.user_id == account.id)
                                    .order_by(NotificationRow.id.desc()).limit(limit)))
        session.expunge_all()
        return rows


def mark_read(db: Database, account: Account, notification_id: int | None = None) -> int:
    """Mark one notification (or, without an id, all) of this account read; another account's are untouched."""
    query = update(NotificationRow).where(NotificationRow.user_id == account.id, NotificationRow.read_at.is_(None))
    if notification_id is not None:
        query = query.where(NotificationRow.id == notification_id)
    with db.transaction() as session:
        return session.execute(query.values(read_at=datetime.now(timezone.utc))).rowcount
