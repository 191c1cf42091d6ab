"""Addresses: a reporter's email for one report (confirmed by a link before anything else is sent) and an
account's own email and language. Invalid addresses are refused here, at entry, with an Indonesian message."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from netra.notifications import checked_email
from netra.services.notifications import bounces, messages
from netra.services.notifications.planner import CONFIRM, queue_email
from netra.storage.database import Database
from netra.storage.tables import NotificationContactRow, ReportRow, ReportSubscriptionRow

LANGUAGES = ("id", "en")


def subscribe(session: Session, report: ReportRow, address: str, lang: str, now: datetime) -> None:
    """Ask to hear of `report`'s progress at `address` (raises InvalidAddress): one confirmation email now, news
    only once the link in it was opened. Giving another address replaces the first, unconfirmed again."""
    address, lang = checked_email(address), lang if lang in LANGUAGES else "id"
    token = secrets.token_urlsafe(32)
    row = session.scalar(select(ReportSubscriptionRow).where(ReportSubscriptionRow.report_id == report.id))
    if row is None:
        session.add(ReportSubscriptionRow(report_id=report.id, email=address, language=lang, token=token,
                                          confirmed_at=None, created_at=now))
    else:
        row.email, row.language, row.token, row.confirmed_at = address, lang, token, None
    queue_email(session, address, CONFIRM, report.case_id,
                messages.confirm_address(report.tracking_code, token, lang), now)


def confirm(db: Database, token: str, now: datetime | None = None) -> str | None:
    """Confirm the address of the subscription holding `token`; its report's tracking code, or None."""
    with db.transaction() as session:
        row = session.scalar(select(ReportSubscriptionRow).where(ReportSubscriptionRow.token == token[:64]))
        if row is None:
            return None
        if row.confirmed_at is None:
            row.confirmed_at = now or datetime.now(timezone.utc)
        return session.scalar(select(ReportRow.tracking_code).where(ReportRow.id == row.report_id))


def set_contact(db: Database, user_id: int, address: str, lang: str = "id") -> str | None:
    """An account's email for notifications (empty: in the app only) and language; the stored address."""
    address = checked_email(address) if address.strip() else None
    with db.transaction() as session:
        row = session.get(NotificationContactRow, user_id)
        if row is None:
            row = NotificationContactRow(user_id=user_id)
            session.add(row)
        if address and address != row.email:
            bounces.clear(session, address)  # a new address is given a chance; the same one stays marked
        row.email, row.language = address, lang if lang in LANGUAGES else "id"
        row.updated_at = datetime.now(timezone.utc)
    return address


def contact(db: Database, user_id: int) -> tuple[str, str]:
    with db.transaction() as session:
        row = session.get(NotificationContactRow, user_id)
        return (row.email or "", row.language) if row else ("", "id")
