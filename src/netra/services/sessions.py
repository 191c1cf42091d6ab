"""Server-side sign-in sessions: the cookie carries a random id, the database decides whether it still counts.

Signing out, changing the password and deactivating the account delete the rows, so a copied cookie stops working
at once on every worker and server (issue 14, finding 8). Only the SHA-256 of an id is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update

from netra.accounts.model import Account
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository
from netra.storage.tables import WebSessionRow

SEEN_EVERY = timedelta(minutes=1)  # last_seen_at is refreshed at most this often: not one write per page


@dataclass(frozen=True)
class SessionInfo:
    id: str  # the stored hash: names the session without letting anyone use it
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str
    user_agent: str


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite hands back naive UTC


def start(db: Database, account_id: int, max_age_seconds: int, ip: str = "", user_agent: str = "",
          now: datetime | None = None) -> str:
    """A new session for the account; returns the id to put in the cookie (never stored as such)."""
    now = now or datetime.now(timezone.utc)
    raw = secrets.token_urlsafe(32)
    with db.transaction() as session:
        session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == account_id,
                                                    WebSessionRow.expires_at < now))
        session.add(WebSessionRow(id=_hash(raw), user_id=account_id, created_at=now, last_seen_at=now,
                                  expires_at=now + timedelta(seconds=max_age_seconds), ip=ip[:45],
                                  user_agent=user_agent[:200]))
    return raw


def resolve(db: Database, raw: str | None, now: datetime | None = None) -> Account | None:
    """The active account of a live session, or None (unknown, ended, expired, or the account is inactive)."""
    if not raw or not isinstance(raw, str) or len(raw) > 100:
        return None
    now = now or datetime.now(timezone.utc)
    hashed = _hash(raw)
    with db.transaction() as session:
        row = session.get(WebSessionRow, hashed)
        if row is None or _utc(row.expires_at) <= now:
            return None
        account = AccountRepository(session).get(row.user_id)
        if account is None or not account.active:
            return None
        if now - _utc(row.last_seen_at) >= SEEN_EVERY:
            session.execute(update(WebSessionRow).where(WebSessionRow.id == hashed).values(last_seen_at=now))
        return account


def end(db: Database, raw: str | None) -> None:
    if raw and isinstance(raw, str):
        with db.transaction() as session:
            session.execute(delete(WebSessionRow).where(WebSessionRow.id == _hash(raw)))


def end_one(db: Database, account_id: int, session_id: str) -> bool:
    """End one of the account's own sessions, named by its stored hash (from the sessions list)."""
    with db.transaction() as session:
        return session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == account_id,
                                                           WebSessionRow.id == session_id)).rowcount == 1


def end_all(session, account_id: int, keep_raw: str | None = None) -> int:
    """Inside the caller's transaction (password change, deactivation), so the change and the sign-out commit
    together. Keeps the session that made the change when `keep_raw` names it."""
    statement = delete(WebSessionRow).where(WebSessionRow.user_id == account_id)
    if keep_raw:
        statement = statement.where(WebSessionRow.id != _hash(keep_raw))
    return session.execute(statement).rowcount


def listed(db: Database, account_id: int, now: datetime | None = None) -> list[SessionInfo]:
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        rows = session.scalars(select(WebSessionRow).where(WebSessionRow.user_id == account_id)
                               .order_by(WebSessionRow.last_seen_at.desc())).all()
    return [SessionInfo(r.id, _utc(r.created_at), _utc(r.last_seen_at), _utc(r.expires_at), r.ip, r.user_agent)
            for r in rows if _utc(r.expires_at) > now]


def is_current(info: SessionInfo, raw: str | None) -> bool:
    return bool(raw) and info.id == _hash(raw)
