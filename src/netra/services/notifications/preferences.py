"""Each account's choice per event kind (netra.notifications.preferences says what may be chosen), and the one
place the planner, the clock warnings and the digest ask how an account hears of a kind."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.notifications.preferences import KINDS, Delivery, checked
from netra.storage.database import Database
from netra.storage.tables import NotificationPreferenceRow, UserRegionRow, UserRow

P = NotificationPreferenceRow


def choices(db: Database, user_id: int) -> dict[str, Delivery]:
    """Every kind with the account's choice (now where it chose nothing)."""
    with db.transaction() as session:
        stored = dict(session.execute(select(P.kind, P.delivery).where(P.user_id == user_id)).all())
    return {kind: Delivery(stored.get(kind, Delivery.NOW)) for kind in KINDS}


def choose(db: Database, user_id: int, wanted: dict[str, str], now: datetime | None = None) -> dict[str, Delivery]:
    """Store the account's choices; PreferenceRefused (nothing stored) when one is not allowed."""
    checked_choices = {kind: checked(kind, delivery) for kind, delivery in wanted.items()}
    with db.transaction() as session:
        session.execute(delete(P).where(P.user_id == user_id, P.kind.in_(list(checked_choices))))
        session.execute(insert(P), [dict(user_id=user_id, kind=k, delivery=d.value,
                                         updated_at=now or datetime.now(timezone.utc))
                                    for k, d in checked_choices.items()])
    return choices(db, user_id)


def deliveries(session: Session, user_ids: Iterable[int], kind: str) -> dict[int, Delivery]:
    ids = list(user_ids)
    stored = dict(session.execute(select(P.user_id, P.delivery).where(P.user_id.in_(ids), P.kind == kind)).all())
    return {i: Delivery(stored.get(i, Delivery.NOW)) for i in ids}


def active_accounts(session: Session, roles: Iterable[str] = (), ids: Iterable[int] = ()) -> list[Account]:
    """Active accounts of `roles` (or with `ids`) with their region scope, in one query."""
    people: dict[int, UserRow] = {}
    scopes: dict[int, list[str]] = {}
    which = UserRow.id.in_(list(ids)) if ids else UserRow.role.in_(sorted(roles))
    for user, region_code in session.execute(
            select(UserRow, UserRegionRow.region_code).join(UserRegionRow, UserRegionRow.user_id == UserRow.id)
            .where(which, UserRow.active.is_(True)).order_by(UserRow.id, UserRegionRow.region_code)):
        people[user.id] = user
        scopes.setdefault(user.id, []).append(region_code)
    return [Account(i, u.username, u.full_name, Role(u.role), tuple(scopes[i])) for i, u in people.items()]
