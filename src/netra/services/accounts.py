"""Account use cases: creating accounts and signing in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from netra.accounts.model import Account
from netra.accounts.passwords import hash_password, verify_password
from netra.accounts.policy import may_manage_account
from netra.accounts.roles import Role
from netra.services import sessions, throttle
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository, DuplicateUsername, UnknownRegion

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


# Lockout policy, counted in the database (netra.services.throttle) so it holds across workers and servers: at most
# 5 sign-ins per username and 30 per address in any 15 minutes. Each attempt is counted BEFORE its password is
# checked, in one atomic step, so 30 simultaneous guesses get 5 checks, not 30; a success clears the username's
# count and does not count against the address (an office behind one address signs in all day).
LOCKOUT_SECONDS = 15 * 60
MAX_FAILURES_PER_USERNAME = 5
MAX_FAILURES_PER_ADDRESS = 30
BY_USERNAME = throttle.Limit("login-user", MAX_FAILURES_PER_USERNAME, LOCKOUT_SECONDS)
BY_ADDRESS = throttle.Limit("login-ip", MAX_FAILURES_PER_ADDRESS, LOCKOUT_SECONDS)


@dataclass(frozen=True)
class SignIn:
    account: Account | None  # None: wrong credentials, an inactive account, or locked
    locked_for: timedelta | None = None  # set when the attempt was refused without checking the password


def sign_in_attempt(db: Database, username: str, password: str, ip: str, now: float | None = None) -> SignIn:
    """Check one sign-in under the lockout. Counts the username as typed, so the answer is the same whether or
    not the account exists."""
    name = username.strip().lower()[:64]
    wait = throttle.take(db, BY_USERNAME, name, now)
    if wait is None and (wait := throttle.take(db, BY_ADDRESS, ip, now)) is not None:
        throttle.give_back(db, BY_USERNAME, name, now)
    if wait is not None:
        return SignIn(None, timedelta(seconds=wait))
    account = authenticate(db, username, password) if username and password else None
    if account is not None:
        throttle.reset(db, BY_USERNAME, name)
        throttle.give_back(db, BY_ADDRESS, ip, now)
    return SignIn(account)


def authenticate(db: Database, username: str, password: str) -> Account | None:
    """The account when the credentials are right and it is active; None otherwise, for whatever reason."""
    with db.transaction() as session:
        found = AccountRepository(session).credentials(username.strip().lower())
    account, stored = found if found else (None, None)
    ok = verify_password(stored, password)
    return account if ok and account is not None and account.active else None


def _require_admin(account: Account) -> None:
    if account.role is not Role.ADMIN:
        raise AccountError("Hanya administrator yang dapat mengubah akun orang lain.")


def set_active(db: Database, admin: Account, username: str, active: bool, reason: str) -> Account:
    """Deactivate (every session ends with it) or reactivate an account; a reactivated account starts with no
    session, so cookies from before cannot come back to life."""
    _require_admin(admin)
    if not reason.strip():
        raise AccountError("Tuliskan alasan perubahan.")
    with db.transaction() as session:
        repo = AccountRepository(session)
        found = repo.credentials(username.strip().lower())
        if found is None or not may_manage_account(admin, found[0].scope):  # outside their scope: not theirs
            raise AccountError(f"Akun '{username}' tidak ada.")
        account = found[0]
        if account.id == admin.id:
            raise AccountError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
        repo.set_active(account.id, active)
        ended = sessions.end_all(session, account.id)
        audit_log.append(session, f"user:{admin.id}", "change", f"account:{account.id}",
                         {"active": active, "sessions_ended": ended, "reason": reason.strip()})
        return repo.get(account.id)


def set_password(db: Database, account_id: int, new_password: str, by: str, keep_session: str | None = None) -> int:
    """Replace the password and end the account's sessions (but the one that made the change, when named).
    Returns the number of sessions ended. Raises WeakPassword."""
    password_hash = hash_password(new_password)
    with db.transaction() as session:
        AccountRepository(session).set_password_hash(account_id, password_hash)
        ended = sessions.end_all(session, account_id, keep_raw=keep_session)
        audit_log.append(session, by, "change", f"account:{account_id}",
                         {"password": "changed", "sessions_ended": ended})
    return ended


def change_own_password(db: Database, account: Account, current: str, new_password: str,
                        keep_session: str | None) -> int:
    """The signed-in person changes their password; the current one must be right (a borrowed, still signed-in
    browser cannot lock the owner out)."""
    with db.transaction() as session:
        found = AccountRepository(session).credentials(account.username)
    if found is None or not verify_password(found[1], current):
        raise AccountError("Kata sandi saat ini salah.")
    if current == new_password:
        raise AccountError("Kata sandi baru harus berbeda dari yang lama.")
    return set_password(db, account.id, new_password, f"user:{account.id}", keep_session)
