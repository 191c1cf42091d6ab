"""Who hears of a case change, written in the transaction of the change (the case repository's listener).

Officers hear when a case lands in their role's queue in their region (in the app, and by email when they gave an
address); a reporter who confirmed an email hears of each change of state of their report with its public reason.
Because the rows commit or roll back with the change, nothing is announced that did not happen and nothing that
happened goes unannounced; the worker sends the emails later (netra.services.notifications.worker).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import CaseEvent, EventKind
from netra.notifications import awaiting_roles, moved
from netra.services.notifications import messages
from netra.services.notifications.messages import Message
from netra.storage.tables import (
    CaseRow, EmailMessageRow, NotificationContactRow, NotificationRow, RegionRow, ReportRow, ReportSubscriptionRow,
    UserRegionRow, UserRow,
)

QUEUE, REPORT_STATUS, CONFIRM = "case_queue", "report_status", "confirm_email"


def on_case_events(session: Session, actor: Account | None, events: Sequence[CaseEvent], public_reason: str,
                   now: datetime) -> None:
    for event in events:
        if event.kind is EventKind.LINKED and event.case_id == event.payload.get("absorbed"):
            # The absorbed case's reports already moved to the survivor: its reporters (all of them) hear it once.
            survivor = event.payload["survivor"]
            _tell_reporters(session, survivor, _status_of(session, survivor), public_reason, now)
            continue
        state = moved(event.kind.value, event.payload)
        if state is None:
            continue
        _tell_officers(session, event, state, actor, now)
        if event.kind is EventKind.STEP:
            _tell_reporters(session, event.case_id, state, public_reason, now)


def queue_email(session: Session, address: str, kind: str, case_id: int | None, message: Message,
                now: datetime) -> None:
    session.execute(insert(EmailMessageRow).values(
        to_address=address, kind=kind, case_id=case_id, subject=message.subject, text=message.text,
        html=message.html, status="queued", attempts=0, next_attempt_at=now, last_error="", created_at=now))


def _tell_officers(session: Session, event: CaseEvent, state: str, actor: Account | None, now: datetime) -> None:
    roles = awaiting_roles(state) - {Role.ADMIN.value, Role.VIEWER.value}
    if not roles:
        return
    scopes: dict[int, list[str]] = defaultdict(list)
    people = {}
    for user, region_code in session.execute(
            select(UserRow, UserRegionRow.region_code).join(UserRegionRow, UserRegionRow.user_id == UserRow.id)
            .where(UserRow.role.in_(sorted(roles)), UserRow.active.is_(True))):
        scopes[user.id].append(region_code)
        people[user.id] = user
    # Region scope is decided by Account.may_see (netra.regions.model.covers), as everywhere else.
    heard = [people[i] for i, scope in scopes.items()
             if Account(i, people[i].username, people[i].full_name, Role(people[i].role), tuple(scope)).may_see(
                 event.region_code) and (actor is None or actor.id != i)]
    if not heard:
        return
    region = session.get(RegionRow, event.region_code)
    contacts = {c.user_id: c for c in session.scalars(
        select(NotificationContactRow).where(NotificationContactRow.user_id.in_([u.id for u in heard])))}
    rows = []
    for user in heard:
        contact = contacts.get(user.id)
        lang = contact.language if contact else "id"
        message = messages.case_in_queue(event.case_id, state, user.role, region.name, region.timezone, now, lang)
        rows.append(dict(user_id=user.id, case_id=event.case_id, kind=QUEUE, title=message.subject,
                         body=message.paragraphs[0], created_at=now, read_at=None))
        if contact is not None and contact.email:
            queue_email(session, contact.email, QUEUE, event.case_id, message, now)
    session.execute(insert(NotificationRow), rows)


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
