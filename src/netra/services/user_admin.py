"""Administrators manage the accounts within their scope (issue 16): list and search them, create an officer with
a role and regions, change role and regions, deactivate (every session ends with it: services/accounts.set_active)
and hand over a one-time link to set a password.

Who may do what is netra.accounts.policy (`may_manage_account`, `grant_refusal`): nobody gives more scope than
their own and an administrator sees only the accounts entirely within their scope. Every change is audited with
who, when and why. A link token is shown once and stored as its SHA-256; it works once, until it expires.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import exists, func, not_, or_, select, update

from netra.accounts.model import Account
from netra.accounts.passwords import WeakPassword, hash_password
from netra.accounts.policy import grant_refusal, is_national, may_manage_account
from netra.accounts.roles import Role
from netra.regions import load_reference_regions
from netra.services import sessions
from netra.services.accounts import USERNAME, AccountError
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository, DuplicateUsername, UnknownRegion
from netra.storage.scope import within
from netra.storage.tables import PasswordLinkRow, UserRegionRow, UserRow

LINK_LIFETIME = timedelta(hours=48)
PER_PAGE = 25
LINK_REFUSED = "Tautan ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau salah. Mintalah tautan baru kepada administrator."


@dataclass(frozen=True)
class Listing:
    accounts: list[Account]
    total: int
    page: int
    pages: int


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def national_scope() -> tuple[str, ...]:
    """Every province: an account with these regions has no region limit."""
    return tuple(r.code for r in load_reference_regions() if r.parent_code is None)


def _managed(admin: Account):
    """SQL: accounts with at least one region, all within the administrator's scope."""
    outside = select(UserRegionRow.id).where(UserRegionRow.user_id == UserRow.id,
                                             not_(within(admin, UserRegionRow.region_code)))
    some = select(UserRegionRow.id).where(UserRegionRow.user_id == UserRow.id)
    return exists(some) & ~exists(outside)


def listed(db: Database, admin: Account, search: str = "", page: int = 1) -> Listing:
    """The accounts `admin` manages, by username, PER_PAGE at a time; `search` matches username or name."""
    conditions = [_managed(admin)] if not is_national(admin.scope) else []
    words = search.strip().lower()[:100]
    if words:
        conditions.append(or_(func.lower(UserRow.username).contains(words, autoescape=True),
                              func.lower(UserRow.full_name).contains(words, autoescape=True)))
    with db.transaction() as session:
        total = session.scalar(select(func.count()).select_from(UserRow).where(*conditions))
        pages = max(1, -(-total // PER_PAGE))
        page = min(max(1, page), pages)
        ids = session.scalars(select(UserRow.id).where(*conditions).order_by(UserRow.username)
                              .offset((page - 1) * PER_PAGE).limit(PER_PAGE)).all()
        repo = AccountRepository(session)
        return Listing([repo.get(i) for i in ids], total, page, pages)


def find(db: Database, admin: Account, account_id: int) -> Account | None:
    """The account when `admin` manages it; None otherwise (an account outside their scope does not exist for them)."""
    with db.transaction() as session:
        account = AccountRepository(session).get(account_id)
    return account if account is not None and may_manage_account(admin, account.scope) else None


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError("Pilih peran dari daftar.") from None


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise AccountError("Tuliskan alasan perubahan.")
    return reason[:2000]


def _scope(admin: Account, role: Role, scope) -> list[str]:
    scope = sorted({c.strip() for c in scope if c and c.strip()})
    if (refusal := grant_refusal(admin, role, scope)) is not None:
        raise AccountError(refusal)
    return scope


def _new_link(session, admin: Account, account_id: int, now: datetime) -> str:
    """A fresh link for the account; any earlier unused one stops working (one live link per account)."""
    for old in session.scalars(select(PasswordLinkRow).where(PasswordLinkRow.user_id == account_id,
                                                             PasswordLinkRow.used_at.is_(None))):
        old.used_at = now
    raw = secrets.token_urlsafe(32)
    session.add(PasswordLinkRow(token_hash=_hash(raw), user_id=account_id, created_by=admin.id, created_at=now,
                                expires_at=now + LINK_LIFETIME))
    return raw


def create_officer(db: Database, admin: Account, username: str, full_name: str, role: str, scope,
                   reason: str, now: datetime | None = None) -> tuple[Account, str]:
    """Create an account without a usable password and return it with the one-time link's token, to hand over.
    Refused (AccountError, nothing stored) for a bad username, a role or region beyond the admin's own scope."""
    now = now or datetime.now(timezone.utc)
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError("Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.")
    chosen = _role(role)
    regions = _scope(admin, chosen, scope)
    reason = _reason(reason)
    unusable = hash_password(secrets.token_urlsafe(32))  # nobody knows it: the link sets the real one
    try:
        with db.transaction() as session:
            account = AccountRepository(session).add(username, full_name.strip()[:200] or username, unusable,
                                                     chosen, regions)
            raw = _new_link(session, admin, account.id, now)
            audit_log.append(session, admin.actor, "create", f"account:{account.id}", at=now,
                             detail={"username": username, "role": chosen.value, "scope": regions, "reason": reason,
                                     "password_link": "created"})
            return account, raw
    except DuplicateUsername:
        raise AccountError(f"Nama pengguna '{username}' sudah dipakai.") from None
    except UnknownRegion as exc:
        raise AccountError(f"Kode wilayah tidak dikenal: {exc}.") from None


def change(db: Database, admin: Account, account_id: int, role: str, scope, reason: str,
           now: datetime | None = None) -> Account:
    """Change an account's role and regions (in force on its next page: sessions read the account each time)."""
    now = now or datetime.now(timezone.utc)
    target = find(db, admin, account_id)
    if target is None:
        raise AccountError("Akun tidak ditemukan.")
    if target.id == admin.id:
        raise AccountError("Anda tidak dapat mengubah peran atau wilayah akun Anda sendiri; mintalah administrator lain.")
    chosen = _role(role)
    regions = _scope(admin, chosen, scope)
    reason = _reason(reason)
    if (chosen, tuple(regions)) == (target.role, tuple(sorted(target.scope))):
        raise AccountError("Tidak ada yang berubah.")
    try:
        with db.transaction() as session:
            repo = AccountRepository(session)
            repo.set_role_and_scope(target.id, chosen, regions)
            audit_log.append(session, admin.actor, "change", f"account:{target.id}", at=now,
                             detail={"role": {"from": target.role.value, "to": chosen.value},
                                     "scope": {"from": list(target.scope), "to": regions}, "reason": reason})
            return repo.get(target.id)
    except UnknownRegion as exc:
        raise AccountError(f"Kode wilayah tidak dikenal: {exc}.") from None


def password_link(db: Database, admin: Account, account_id: int, reason: str, now: datetime | None = None) -> str:
    """A new one-time link for an account the admin manages (earlier unused links stop working)."""
    now = now or datetime.now(timezone.utc)
    target = find(db, admin, account_id)
    if target is None:
        raise AccountError("Akun tidak ditemukan.")
    reason = _reason(reason)
    with db.transaction() as session:
        raw = _new_link(session, admin, target.id, now)
        audit_log.append(session, admin.actor, "change", f"account:{target.id}", at=now,
                         detail={"password_link": "created", "expires_at": (now + LINK_LIFETIME).isoformat(),
                                 "reason": reason})
    return raw


def _live_link(session, raw: str, now: datetime) -> PasswordLinkRow | None:
    if not raw or len(raw) > 100:
        return None
    row = session.scalar(select(PasswordLinkRow).where(PasswordLinkRow.token_hash == _hash(raw)))
    if row is None or row.used_at is not None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=timezone.utc)
    return row if expires > now else None


def link_account(db: Database, raw: str, now: datetime | None = None) -> str | None:
    """The username a live link sets the password of, or None."""
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        row = _live_link(session, raw, now)
        return session.get(UserRow, row.user_id).username if row else None


def redeem_link(db: Database, raw: str, password: str, repeated: str, now: datetime | None = None) -> str:
    """Set the password through a live link, once; returns the username. AccountError/WeakPassword otherwise."""
    now = now or datetime.now(timezone.utc)
    if password != repeated:
        raise AccountError("Kedua kata sandi tidak sama.")
    password_hash = hash_password(password)  # WeakPassword before anything is touched
    with db.transaction() as session:
        row = _live_link(session, raw, now)
        if row is None:
            raise AccountError(LINK_REFUSED)
        claimed = session.execute(update(PasswordLinkRow).where(
            PasswordLinkRow.id == row.id, PasswordLinkRow.used_at.is_(None)).values(used_at=now)).rowcount
        if claimed != 1:  # another request spent it first
            raise AccountError(LINK_REFUSED)
        # the link, the password and the end of the account's sessions commit together
        AccountRepository(session).set_password_hash(row.user_id, password_hash)
        ended = sessions.end_all(session, row.user_id)
        audit_log.append(session, f"user:{row.user_id}", "change", f"account:{row.user_id}", at=now,
                         detail={"password": "set through a one-time link", "link": row.id, "sessions_ended": ended})
        return session.get(UserRow, row.user_id).username


__all__ = ["LINK_LIFETIME", "AccountError", "Listing", "WeakPassword", "change", "create_officer", "find",
           "link_account", "listed", "national_scope", "password_link", "redeem_link"]
