"""Account use cases: creating accounts and signing in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select

from netra.accounts.model import Account
from netra.accounts.passwords import hash_password, verify_password
from netra.accounts.roles import Role
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository, DuplicateUsername, UnknownRegion
from netra.storage.tables import LoginFailureRow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


class AccountError(ValueError):
    """Bad input for an account; the message is shown to the person as it is."""


def create_account(
    db: Database, username: str, full_name: str, password: str, role: Role, scope: Iterable[str]
) -> Account:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError("Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.")
    scope = [c.strip() for c in scope if c.strip()]
    if not scope:
        raise AccountError("Setiap akun harus memiliki minimal satu wilayah.")
    password_hash = hash_password(password)
    try:
        with db.transaction() as session:
            return AccountRepository(session).add(username, full_name.strip() or username, password_hash, role, scope)
    except DuplicateUsername:
        raise AccountError(f"Nama pengguna '{username}' sudah dipakai.") from None
    except UnknownRegion as exc:
        raise AccountError(f"Kode wilayah tidak dikenal: {exc}.") from None


# Lockout policy: stored in the database so it holds across restarts and worker processes.
LOCKOUT_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USERNAME = 5
MAX_FAILURES_PER_ADDRESS = 30


def lockout_remaining(db: Database, username: str, ip: str, now: datetime | None = None) -> timedelta | None:
    """How long sign-in stays refused for this username or address; None when it is allowed. Counts the
    username as typed, so the answer is the same whether or not the account exists."""
    now = now or datetime.now(timezone.utc)
    since = now - LOCKOUT_WINDOW
    name = username.strip().lower()[:64]
    with db.transaction() as session:
        for column, key, limit in ((LoginFailureRow.username, name, MAX_FAILURES_PER_USERNAME),
                                   (LoginFailureRow.ip, ip, MAX_FAILURES_PER_ADDRESS)):
            times = session.scalars(select(LoginFailureRow.at).where(column == key, LoginFailureRow.at > since)
                                    .order_by(LoginFailureRow.at.desc()).limit(limit)).all()
            if len(times) >= limit:
                oldest = times[-1] if times[-1].tzinfo else times[-1].replace(tzinfo=timezone.utc)
                return oldest + LOCKOUT_WINDOW - now
    return None


def record_login(db: Database, username: str, ip: str, success: bool, now: datetime | None = None) -> None:
    now = now or datetime.now(timezone.utc)
    name = username.strip().lower()[:64]
    with db.transaction() as session:
        if success:
            session.execute(delete(LoginFailureRow).where(LoginFailureRow.username == name))
        else:
            session.add(LoginFailureRow(username=name, ip=ip[:45], at=now))


def authenticate(db: Database, username: str, password: str) -> Account | None:
    """The account when the credentials are right and it is active; None otherwise, for whatever reason."""
    with db.transaction() as session:
        found = AccountRepository(session).credentials(username.strip().lower())
    account, stored = found if found else (None, None)
    ok = verify_password(stored, password)
    return account if ok and account is not None and account.active else None
