"""Who handles a case, and the officers' internal comments on it.

A case is assigned to an active officer of a role that acts in its state (netra.cases.acting_roles: the workflow
table decides) whose regions cover the case; only an officer of such a role, with the case in scope, assigns.
Comments are internal notes (netra.accounts.policy: roles that may read internal notes read and write them).
Every write goes through the case repository: history, audit entry and outbox event in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.policy import case_view
from netra.accounts.roles import Role
from netra.cases import RoleNotAllowed, WorkflowError, acting_roles, label
from netra.formatting import number
from netra.regions.model import covers
from netra.services.case_workflow import CaseNotFound
from netra.services.unit_of_work import unit_of_work
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository
from netra.storage.tables import CaseCommentRow, CaseRow, UserRegionRow, UserRow

MAX_COMMENT = 5000


class CommentRefused(WorkflowError):
    """An empty or over-long comment (the message says which)."""


@dataclass(frozen=True)
class Officer:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class CommentView:
    id: int
    author: str
    at: datetime
    body: str


def _officers(session, case: CaseRow) -> list[Officer]:
    roles = sorted(acting_roles(case.status))
    users = session.execute(select(UserRow.id, UserRow.full_name, UserRow.username, UserRow.role).where(
        UserRow.role.in_(roles), UserRow.active.is_(True)).order_by(UserRow.full_name, UserRow.username)).all()
    scopes: dict[int, list[str]] = {}
    for user_id, code in session.execute(select(UserRegionRow.user_id, UserRegionRow.region_code).where(
            UserRegionRow.user_id.in_([u.id for u in users]))):
        scopes.setdefault(user_id, []).append(code)
    return [Officer(u.id, u.full_name or u.username, u.role) for u in users
            if any(covers(code, case.region_code) for code in scopes.get(u.id, []))]


def may_assign(account: Account, case: CaseRow) -> bool:
    return account.role.value in acting_roles(case.status)


def assignable(db: Database, account: Account, case_id: int) -> list[Officer]:
    """Officers the case may be given to now (empty when `account` may not assign it)."""
    with unit_of_work(db) as uow:
        case = uow.cases.find(case_id, account)
        if case is None:
            raise CaseNotFound(case_id)
        return _officers(uow.session, case) if may_assign(account, case) else []


def assignee_name(db: Database, account: Account, case_id: int) -> str:
    """Who handles the case now ("" when nobody does)."""
    with db.transaction() as session:
        row = session.execute(select(UserRow.full_name, UserRow.username)
                              .join(CaseRow, CaseRow.assignee_id == UserRow.id).where(CaseRow.id == case_id)).first()
        return (row.full_name or row.username) if row else ""


def assign(db: Database, account: Account, case_id: int, assignee_id: int | None,
           now: datetime | None = None) -> None:
    """Give the case to `assignee_id` (None: take it from whoever has it). Raises CaseNotFound or
    RoleNotAllowed (Indonesian message); nothing changes then."""
    now = now or datetime.now(timezone.utc)
    with unit_of_work(db) as uow:
        case = uow.cases.find(case_id, account)
        if case is None:
            raise CaseNotFound(case_id)
        state = label(case.status).id
        if not may_assign(account, case):
            raise RoleNotAllowed(f"Peran {account.role.value} tidak menangani perkara berstatus '{state}', "
                                 "sehingga tidak dapat menugaskannya.")
        assignee = None
        if assignee_id is not None:
            if assignee_id not in {o.id for o in _officers(uow.session, case)}:
                raise RoleNotAllowed(f"Petugas itu tidak dapat ditugasi: perkara berstatus '{state}' hanya dapat "
                                     "ditugaskan kepada petugas aktif dari peran yang menanganinya di wilayah "
                                     "perkara.")
            assignee = AccountRepository(uow.session).get(assignee_id)
        elif case.assignee_id is None:
            return  # nothing to take away
        uow.cases.assign(case, assignee, actor=account, now=now)


def comments(db: Database, account: Account, case_id: int) -> list[CommentView]:
    """The case's internal comments, oldest first; empty for roles that may not read internal notes."""
    if not case_view(account.role).internal_notes:
        return []
    with unit_of_work(db) as uow:
        if uow.cases.find(case_id, account) is None:
            raise CaseNotFound(case_id)
        return [CommentView(c.id, name or username, c.at, c.body) for c, name, username in uow.session.execute(
            select(CaseCommentRow, UserRow.full_name, UserRow.username)
            .join(UserRow, UserRow.id == CaseCommentRow.author_id).where(CaseCommentRow.case_id == case_id)
            .order_by(CaseCommentRow.at, CaseCommentRow.id))]


def comment(db: Database, account: Account, case_id: int, body: str, now: datetime | None = None) -> int:
    """Add an internal comment; returns its id. Raises CaseNotFound, RoleNotAllowed or CommentRefused."""
    now = now or datetime.now(timezone.utc)
    body = (body or "").strip()
    with unit_of_work(db) as uow:
        case = uow.cases.find(case_id, account)
        if case is None:  # first: outside the scope, the caller learns nothing else
            raise CaseNotFound(case_id)
        if not case_view(account.role).internal_notes or account.role is Role.ADMIN:
            raise RoleNotAllowed(f"Peran {account.role.value} tidak dapat menulis komentar internal.")
        if not body:
            raise CommentRefused("Komentar kosong: tulis isi komentar terlebih dahulu.")
        if len(body) > MAX_COMMENT:
            raise CommentRefused(f"Komentar terlalu panjang: paling banyak {number(MAX_COMMENT)} karakter.")
        return uow.cases.comment(case, body, actor=account, now=now)
