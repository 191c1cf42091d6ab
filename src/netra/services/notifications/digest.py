"""The daily digest: at 07:00 in an officer's time zone, what is overdue, due today and due soon in their scope on
the clocks their role owns, and what they chose to hear of in the digest since the last one.

Time zone. An officer's zone is their regions' zone (WIB, WITA or WIT). When their scope spans zones (several
regions, or a national scope over every province) the digest follows the westernmost of them (WIB before WITA
before WIT): 07:00 there is 08:00 or 09:00 further east, so it never arrives before 07:00 in any of their regions.

Once. Each digest writes its (account, local day) row, the primary key of digest_runs, in the transaction that
writes the digest: several workers, a restart or an operator's `netra notifications digest --now` cannot send a
second one that day. A day with nothing to tell records its row and sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.formatting import day as day_text
from netra.regions.model import TimeZone
from netra.services import analytics
from netra.services.notifications import messages, preferences
from netra.services.notifications.clock_warnings import OVERDUE, SOON, running_late
from netra.services.notifications.planner import queue_email
from netra.storage.database import Database
from netra.storage.tables import DigestRunRow, NotificationContactRow, NotificationRow, RegionRow

HOUR = 7
DIGEST = "digest"
OFFICERS = (Role.BAWASLU.value, Role.BKN.value, Role.PPK.value)
WEST_TO_EAST = (TimeZone.WIB, TimeZone.WITA, TimeZone.WIT)


@dataclass(frozen=True)
class Sent:
    username: str
    local_day: date
    zone: str
    items: int  # clock lines and events told; 0: nothing to tell, nothing sent


def zone_of(session: Session, account: Account) -> TimeZone:
    zones = {TimeZone(z) for z in session.scalars(select(RegionRow.timezone).where(RegionRow.code.in_(account.scope)))}
    return next((z for z in WEST_TO_EAST if z in zones), TimeZone.WIB)


def send_due(db: Database, now: datetime | None = None, force: bool = False) -> list[Sent]:
    """Send the digest of every officer whose local time has reached 07:00 (any time with `force`) and who has not
    had today's; what was done, per officer."""
    now = now or datetime.now(timezone.utc)
    analytics.sync(db)  # the stored clocks reflect every committed change, as for the worklist
    with db.transaction() as session:
        officers = [(a, zone_of(session, a)) for a in preferences.active_accounts(session, OFFICERS)]
    done = []
    for account, zone in officers:
        local = now.astimezone(zone.zoneinfo)
        if local.hour < HOUR and not force:
            continue
        sent = _send_one(db, account, zone, local.date(), now)
        if sent is not None:
            done.append(sent)
    return done


def _send_one(db: Database, account: Account, zone: TimeZone, today: date, now: datetime) -> Sent | None:
    with db.transaction() as session:
        if session.get(DigestRunRow, (account.id, today)) is not None:
            return None
        mine = [(item, status) for item, status, _, _ in running_late(session, now, OVERDUE, account)
                if status.rule.owner == account.role.value]
        soon = [(item, status) for item, status, _, _ in running_late(session, now, SOON, account)
                if status.rule.owner == account.role.value]
        due_today = [i for i, s in soon if s.due_at.astimezone(zone.zoneinfo).date() <= today]
        due_later = [i for i, s in soon if s.due_at.astimezone(zone.zoneinfo).date() > today]
        overdue = [i for i, _ in mine]
        held = list(session.scalars(select(NotificationRow).where(
            NotificationRow.user_id == account.id, NotificationRow.for_digest.is_(True)).order_by(NotificationRow.id)))
        items = len(overdue) + len(due_today) + len(due_later) + len(held)
        insert_ = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)
        first = session.execute(insert_(DigestRunRow).values(
            user_id=account.id, local_day=today, zone=zone.value, items=items, sent_at=now)
            .on_conflict_do_nothing().returning(DigestRunRow.user_id)).first()  # rowcount is unreliable here
        if first is None:
            return None  # another worker wrote today's digest meanwhile
        if items:
            contact = session.get(NotificationContactRow, account.id)
            lang = contact.language if contact else "id"
            message = messages.digest(day_text(today, lang), overdue, due_today, due_later, [n.title for n in held],
                                      lang)
            session.add(NotificationRow(user_id=account.id, case_id=None, kind=DIGEST, title=message.subject,
                                        body="\n\n".join(message.paragraphs), created_at=now, read_at=None,
                                        for_digest=False))
            if contact is not None and contact.email:
                queue_email(session, contact.email, DIGEST, None, message, now)
            if held:
                session.execute(update(NotificationRow).where(NotificationRow.id.in_([n.id for n in held]))
                                .values(for_digest=False))
        return Sent(account.username, today, zone.value, items)
