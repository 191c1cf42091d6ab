"""Account use cases: creating accounts and signing in."""

from __future__ import annotations

import re
from collections.abc import Iterable

from netra.accounts.model import Account
from netra.accounts.passwords import hash_password, verify_password
from netra.accounts.roles import Role
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


def authenticate(db: Database, username: str, password: str) -> Account | None:
    """The account when the credentials are right and it is active; None otherwise, for whatever reason."""
    with db.transaction() as session:
        found = AccountRepository(session).credentials(username.strip().lower())
    account, stored = found if found else (None, None)
    ok = verify_password(stored, password)
    return account if ok and account is not None and account.active else None
