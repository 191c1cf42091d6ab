"""Who hears of a case change, written in the transaction of the change (the case repository's listener).

Officers hear when a case lands in their role's queue in their region and when a case is assigned to them, as each
chose (netra.notifications.preferences); webhooks registered for the event's kind and region get a delivery; a
reporter who confirmed an email hears of each change of state of their report with its public reason.
Because the rows commit or roll back with the change, nothing is announced that did not happen and nothing that
happened goes unannounced; the worker sends the emails later (netra.services.notifications.worker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import CaseEvent, EventKind
from netra.notifications import awaiting_roles, moved
from netra.notifications.preferences import ASSIGNED, QUEUE, Delivery
from netra.services.notifications import bounces, messages, preferences, webhooks
from netra.services.notifications.messages import Message
from netra.storage.tables import (
    CaseRow, EmailMessageRow, NotificationContactRow, NotificationRow, RegionRow, ReportRow, ReportSubscriptionRow,
)

REPORT_STATUS, CONFIRM = "report_status", "confirm_email"


def on_case_events(session: Session, actor: Account | None, events: Sequence[CaseEvent], public_reason: str,
                   now: datetime) -> None:
    for event in events:
        webhooks.enqueue(session, event.kind.value, event.case_id, event.region_code, now)
        if event.kind is EventKind.LINKED and event.case_id == event.payload.get("absorbed"):
            # The absorbed case's reports already moved to the survivor: its reporters (all of them) hear it once.
            survivor = event.payload["survivor"]
            _tell_reporters(session, survivor, _status_of(session, survivor), public_reason, now)
            continue
        if event.kind is EventKind.ASSIGNED:
            _tell_assignee(session, event, actor, now)
            continue
        state = moved(event.kind.value, event.payload)
        if state is None:
            continue
        _tell_officers(session, event, state, actor, now)
        if event.kind is EventKind.STEP:
            _tell_reporters(session, event.case_id, state, public_reason, now)


def queue_email(session: Session, address: str, kind: str, case_id: int | None, message: Message,
                now: datetime) -> bool:
    """Queue one email; False (nothing queued) when the address bounced."""
    if bounces.bounced(session, address) is not None:
        return False
    session.execute(insert(EmailMessageRow).values(
        to_address=address, kind=kind, case_id=case_id, subject=message.subject, text=message.text,
        html=message.html, status="queued", attempts=0, next_attempt_at=now, last_error="", created_at=now))
    return True


def tell(session: Session, accounts: Sequence[Account], kind: str, case_id: int | None,
         message_for: Callable[[Account, str], Message], now: datetime) -> int:
    """Tell `accounts` of one event of `kind` as each chose (netra.notifications.preferences): now (in the app and
    by email), in the digest (in the app now, by email in the next digest) or never. The number told."""
    if not accounts:
        return 0
    chosen = preferences.deliveries(session, [a.id for a in accounts], kind)
    contacts = {c.user_id: c for c in session.scalars(
        select(NotificationContactRow).where(NotificationContactRow.user_id.in_([a.id for a in accounts])))}
    rows = []
    for account in accounts:
        delivery = chosen[account.id]
        if delivery is Delivery.NEVER:
            continue
        contact = contacts.get(account.id)
        message = message_for(account, contact.language if contact else "id")
        rows.append(dict(user_id=account.id, case_id=case_id, kind=kind, title=message.subject,
                         body=message.paragraphs[0], created_at=now, read_at=None,
                         for_digest=delivery is Delivery.DIGEST))
        if delivery is Delivery.NOW and contact is not None and contact.email:
            queue_email(session, contact.email, kind, case_id, message, now)
    if rows:
        session.execute(insert(NotificationRow), rows)
    return len(rows)


def _tell_officers(session: Session, event: CaseEvent, state: str, actor: Account | None, now: datetime) -> None:
    roles = awaiting_roles(state) - {Role.ADMIN.value, Role.VIEWER.value}
    if not roles:
        return
    # Region scope is decided by Account.may_see (netra.regions.model.covers), as everywhere else.
    heard = [a for a in preferences.active_accounts(session, roles)
             if a.may_see(event.region_code) and (actor is None or actor.id != a.id)]
    region = session.get(RegionRow, event.region_code)
    tell(session, heard, QUEUE, event.case_id, lambda a, lang: messages.case_in_queue(
        event.case_id, state, a.role.value, region.name, region.timezone, now, lang), now)


def _tell_assignee(session: Session, event: CaseEvent, actor: Account | None, now: datetime) -> None:
    """The officer a case was assigned to, when active and the case is in their scope (not when they took it
    themselves)."""
    assignee = event.payload.get("assignee_user_id")
    if assignee is None or (actor is not None and actor.id == assignee):
        return
    heard = [a for a in preferences.active_accounts(session, ids=[assignee]) if a.may_see(event.region_code)]
    region = session.get(RegionRow, event.region_code)
    state = _status_of(session, event.case_id)
    tell(session, heard, ASSIGNED, event.case_id, lambda a, lang: messages.case_assigned(
        event.case_id, state, region.name, region.timezone, now, lang), now)


def _tell_reporters(session: Session, case_id: int, state: str, public_reason: str, now: datetime) -> None:
    for code, address, lang, zone in session.execute(
            select(ReportRow.tracking_code, ReportSubscriptionRow.email, ReportSubscriptionRow.language,
                   RegionRow.timezone)
            .join(ReportSubscriptionRow, ReportSubscriptionRow.report_id == ReportRow.id)
            .join(RegionRow, RegionRow.code == ReportRow.region_code)
            .where(ReportRow.case_id == case_id, ReportSubscriptionRow.confirmed_at.is_not(None))):
        queue_email(session, address, REPORT_STATUS, case_id,
                    messages.report_moved(code, state, public_reason, zone, now, lang), now)


def _status_of(session: Session, case_id: int) -> str:
    return session.scalar(select(CaseRow.status).where(CaseRow.id == case_id))
