"""Repositories: the only code that turns table rows into domain objects and back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.regions.model import Region, RegionKind, TimeZone, covers
from netra.storage.tables import RegionRow, UserRegionRow, UserRow


def _region(row: RegionRow) -> Region:
    return Region(
        code=row.code,
        name=row.name,
        kind=RegionKind(row.kind),
        timezone=TimeZone(row.timezone),
        parent_code=row.parent_code,
    )


class RegionRepository:
    def __init__(self, session: Session):
        self.session = session

    def upsert_all(self, regions: Iterable[Region]) -> tuple[int, int]:
        """Insert new regions and refresh changed ones; returns (added, updated). Idempotent."""
        existing = {r.code: r for r in self.session.scalars(select(RegionRow))}
        added = updated = 0
        for region in regions:
            values = dict(
                name=region.name, kind=region.kind.value, timezone=region.timezone.value, parent_code=region.parent_code
            )
            row = existing.get(region.code)
            if row is None:
                self.session.add(RegionRow(code=region.code, **values))
                self.session.flush()  # parents are written before their children
                added += 1
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                updated += 1
        return added, updated

    def get(self, code: str) -> Region | None:
        row = self.session.get(RegionRow, code)
        return _region(row) if row else None

    def count_by_kind(self) -> dict[str, int]:
        rows = self.session.execute(select(RegionRow.kind, func.count()).group_by(RegionRow.kind))
        return {kind: n for kind, n in rows}

    def within(self, scope: Iterable[str]) -> list[Region]:
        """Every region an account with this scope may see, provinces first, by code."""
        scope = tuple(scope)
        rows = self.session.scalars(select(RegionRow).order_by(RegionRow.code))
        return [_region(r) for r in rows if any(covers(s, r.code) for s in scope)]

    def all(self) -> list[Region]:
        return [_region(r) for r in self.session.scalars(select(RegionRow).order_by(RegionRow.code))]

    def provinces(self) -> list[Region]:
        """The provinces only (38 rows, not the 500-odd regencies with them)."""
        return [_region(r) for r in self.session.scalars(select(RegionRow).where(RegionRow.parent_code.is_(None))
                                                         .order_by(RegionRow.code))]


class DuplicateUsername(Exception):
    pass


class UnknownRegion(Exception):
    pass


class AccountRepository:
    def __init__(self, session: Session):
        self.session = session

    def _account(self, row: UserRow) -> Account:
        scope = self.session.scalars(
            select(UserRegionRow.region_code).where(UserRegionRow.user_id == row.id).order_by(UserRegionRow.region_code)
        )
        return Account(
            id=row.id, username=row.username, full_name=row.full_name, role=Role(row.role),
            scope=tuple(scope), active=row.active,
        )

    def add(self, username: str, full_name: str, password_hash: str, role: Role, scope: Iterable[str]) -> Account:
        if self.session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
            raise DuplicateUsername(username)
        scope = sorted(set(scope))
        missing = [c for c in scope if self.session.get(RegionRow, c) is None]
        if missing:
            raise UnknownRegion(", ".join(missing))
        row = UserRow(username=username, full_name=full_name, password_hash=password_hash, role=role.value, active=True)
        self.session.add(row)
        self.session.flush()
        self.session.add_all(UserRegionRow(user_id=row.id, region_code=c) for c in scope)
        self.session.flush()
        return self._account(row)

    def get(self, account_id: int) -> Account | None:
        row = self.session.get(UserRow, account_id)
        return self._account(row) if row else None

    def credentials(self, username: str) -> tuple[Account, str] | None:
        row = self.session.scalar(select(UserRow).where(UserRow.username == username))
        return (self._account(row), row.password_hash) if row else None

    def set_password_hash(self, account_id: int, password_hash: str) -> None:
        self.session.get(UserRow, account_id).password_hash = password_hash

    def set_active(self, account_id: int, active: bool) -> None:
        self.session.get(UserRow, account_id).active = active

    def set_role_and_scope(self, account_id: int, role: Role, scope: Iterable[str]) -> None:
        scope = sorted(set(scope))
        missing = [c for c in scope if self.session.get(RegionRow, c) is None]
        if missing:
            raise UnknownRegion(", ".join(missing))
        self.session.get(UserRow, account_id).role = role.value
        self.session.execute(delete(UserRegionRow).where(UserRegionRow.user_id == account_id))
        self.session.add_all(UserRegionRow(user_id=account_id, region_code=c) for c in scope)
        self.session.flush()

    def exists(self, username: str) -> bool:
        return self.session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None

    def list(self) -> list[Account]:
        return [self._account(r) for r in self.session.scalars(select(UserRow).order_by(UserRow.username))]
