"""API tokens for machine clients (monitoring imports, the screening API).

An administrator creates a token for one role and a region scope; the token is shown once and only its SHA-256 is
stored; revoking it is immediate. Creating and revoking are audited, and every request made with a token is
recorded in the audit trail under `token:<id>` wherever a person's would be under `user:<id>`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import ApiTokenRow, RegionRow

PREFIX = "ntr_"
TOKEN_ROLES = (Role.BAWASLU, Role.BKN, Role.PPK, Role.VIEWER)  # no administrator tokens: least privilege
USED_EVERY = timedelta(minutes=1)  # last_used_at is refreshed at most this often
_TOKEN = re.compile(r"ntr_[A-Za-z0-9_-]{40,60}")


class TokenError(ValueError):
    """An Indonesian sentence for the administrator."""


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    prefix: str
    role: str
    scope: tuple[str, ...]
    created_by: int
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _info(row: ApiTokenRow) -> TokenInfo:
    return TokenInfo(row.id, row.name, row.prefix, row.role, tuple(row.scope or ()), row.created_by, row.created_at,
                     row.last_used_at, row.revoked_at)


def _require_admin(account: Account) -> None:
    if account.role is not Role.ADMIN or account.token_id is not None:
        raise TokenError("Hanya administrator yang dapat membuat atau mencabut token API.")


def create(db: Database, admin: Account, name: str, role: str, scope: list[str],
           now: datetime | None = None) -> tuple[str, TokenInfo]:
    """(the token, to show once; what is stored about it)."""
    _require_admin(admin)
    now = now or datetime.now(timezone.utc)
    name = " ".join((name or "").split())
    if not 3 <= len(name) <= 80:
        raise TokenError("Beri token nama 3–80 karakter yang menyebut pemakainya.")
    if role not in {r.value for r in TOKEN_ROLES}:
        raise TokenError("Peran token harus salah satu dari: " + ", ".join(r.value for r in TOKEN_ROLES) + ".")
    scope = sorted({c.strip() for c in scope if c and c.strip()})
    if not scope:
        raise TokenError("Setiap token harus memiliki minimal satu wilayah.")
    outside = [c for c in scope if not admin.may_see(c)]
    if outside:
        raise TokenError(f"Wilayah di luar cakupan Anda: {', '.join(outside)}.")
    token = PREFIX + secrets.token_urlsafe(36)
    with db.transaction() as session:
        known = set(session.scalars(select(RegionRow.code).where(RegionRow.code.in_(scope))))
        if unknown := [c for c in scope if c not in known]:
            raise TokenError(f"Kode wilayah tidak dikenal: {', '.join(unknown)}.")
        row = ApiTokenRow(name=name, token_hash=_hash(token), prefix=token[:10], role=role, scope=scope,
                          created_by=admin.id, created_at=now)
        session.add(row)
        session.flush()
        audit_log.append(session, admin.actor, "create", f"api_token:{row.id}", at=now,
                         detail={"name": name, "role": role, "scope": scope})
        return token, _info(row)


def revoke(db: Database, admin: Account, token_id: int, now: datetime | None = None) -> TokenInfo:
    _require_admin(admin)
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        row = session.get(ApiTokenRow, token_id)
        if row is None:
            raise TokenError("Token tidak ditemukan.")
        if row.revoked_at is None:
            row.revoked_at, row.revoked_by = now, admin.id
            audit_log.append(session, admin.actor, "change", f"api_token:{row.id}", at=now,
                             detail={"revoked": True, "name": row.name})
        return _info(row)


def listed(db: Database) -> list[TokenInfo]:
    with db.transaction() as session:
        return [_info(r) for r in session.scalars(select(ApiTokenRow).order_by(ApiTokenRow.id.desc()))]


def authenticate(db: Database, token: str, now: datetime | None = None) -> Account | None:
    """The principal a live token stands for: its role and scope, audited as `token:<id>`. None otherwise."""
    if not token or not _TOKEN.fullmatch(token):
        return None
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == _hash(token)))
        if row is None or row.revoked_at is not None:
            return None
        last = row.last_used_at
        if last is None or now - (last if last.tzinfo else last.replace(tzinfo=timezone.utc)) >= USED_EVERY:
            session.execute(update(ApiTokenRow).where(ApiTokenRow.id == row.id).values(last_used_at=now))
        # A negative id: no users row has it, so a token can never be stored as the person who decided something.
        return Account(id=-row.id, username=f"token:{row.name}", full_name=row.name, role=Role(row.role),
                       scope=tuple(row.scope or ()), active=True, token_id=row.id)
