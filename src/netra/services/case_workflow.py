"""Taking a workflow step on a stored case: scope check, domain rules, then evidence and the write.

Order matters: the case is found in the account's scope and the domain allows the step (role, state,
requirements, version) before any evidence file is written; the files are fsynced before the rows that cite
them; the rows, history, audit entry and outbox event commit together (CaseRepository.step).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.cases import (
    ClockStatus, ConcurrentChange, RoleNotAllowed, TransitionRecord, apply, can_merge, merge, status as clock_status,
)
from netra.intake.evidence import check_batch
from netra.services import reference_data
from netra.services.unit_of_work import unit_of_work
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.scope import within
from netra.storage.tables import CaseRow

LINK_PUBLIC_REASON = "Laporan digabungkan dengan laporan lain tentang terlapor dan kejadian yang sama."


class CaseNotFound(LookupError):
    """Missing or outside the account's scope: the caller cannot tell which, by design."""


def clocks_for(db: Database, case_ids: list[int], now: datetime | None = None) -> dict[int, ClockStatus | None]:
    """The running legal clock of each case (for one case page, or tests; worklists read stored clocks)."""
    now = now or datetime.now(timezone.utc)
    with unit_of_work(db) as uow:
        states = uow.cases.states(list(uow.cases.find_many(case_ids).values()))
        return {i: clock_status(s, now, uow.deadlines) for i, s in states.items()}


@dataclass(frozen=True)
class StepResult:
    record: TransitionRecord
    version: int


DECISIONS = ("recommend", "impose_sanction")  # steps that apply a rule: they record the rulebook version in force


def take_step(
    db: Database,
    store: EvidenceStore,
    account: Account,
    case_id: int,
    action: str,
    expected_version: int,
    reason: str = "",
    public_reason: str = "",
    payload: dict | None = None,
    documents: list[tuple[str, bytes]] | None = None,
    now: datetime | None = None,
) -> StepResult:
    """Apply one workflow action. Raises CaseNotFound, WorkflowError (Indonesian message) or EvidenceRejected;
    on any of them nothing is stored, on disk or in the database."""
    now = now or datetime.now(timezone.utc)
    checked = check_batch(documents or [])  # content checks only: nothing is written yet
    rulebook = reference_data.rulebook(db)
    with unit_of_work(db) as uow:
        row = uow.cases.find(case_id, account)
        if row is None:
            raise CaseNotFound(case_id)
        payload = dict(payload or {})
        if action in DECISIONS:  # the case keeps the rulebook it was decided under, whatever is corrected later
            payload["rulebook_version"] = reference_data.rulebook_version_in(uow.session)
        state, record = apply(
            uow.cases.state(row), action, account, now, reason=reason, payload=payload,
            documents=[e.sha256 for e in checked], expected_version=expected_version,
            known_rule_ids=set(rulebook.ids), rules=uow.deadlines,
        )
        for _, content in documents or []:  # allowed: now the files, durably, before the rows that cite them
            store.put(content)
        decided = record.payload.get("rule_ids") or ([record.payload["rule_id"]] if record.payload.get("rule_id") else [])
        version = uow.cases.step(row, state, record, expected_version=expected_version, actor=account,
                                 public_reason=public_reason, evidence=checked,
                                 family=rulebook[decided[0]].family.value if decided else None)
        return StepResult(record, version)


def related_cases(db: Database, account: Account, case_id: int, limit: int = 500) -> list[tuple[int, str]]:
    """Cases in scope that may be handled together with this one (same person, near event dates)."""
    with unit_of_work(db) as uow:
        case = uow.cases.find(case_id, account)
        if case is None:
            raise CaseNotFound(case_id)
        others = list(uow.session.scalars(select(CaseRow).where(
            within(account, CaseRow.region_code), CaseRow.id != case_id, CaseRow.merged_into_id.is_(None),
            CaseRow.status.in_(("received", "registered", "under_review"))).order_by(CaseRow.id.desc()).limit(limit)))
        states = uow.cases.states([case, *others])
        return [(o.id, o.reported_name) for o in others if can_merge(states[case_id], states[o.id])]


def link_cases(db: Database, account: Account, case_id: int, other_id: int, expected_version: int,
               reason: str, now: datetime | None = None) -> int:
    """Handle two related reports as one case. Only Bawaslu links; returns the surviving case's id."""
    now = now or datetime.now(timezone.utc)
    if not may(account.role, Capability.LINK_CASES):
        raise RoleNotAllowed(f"Peran {account.role.value} tidak berwenang menggabungkan perkara.")
    with unit_of_work(db) as uow:
        rows = uow.cases.find_many((case_id, other_id), account)
        if len(rows) != 2 or rows[other_id].merged_into_id or rows[case_id].merged_into_id:
            raise CaseNotFound(other_id)
        if rows[case_id].version != expected_version:
            raise ConcurrentChange(current=rows[case_id].version, expected=expected_version)
        states = uow.cases.states(list(rows.values()))
        survivor = merge(states[case_id], states[other_id])
        absorbed_id = other_id if survivor.id == case_id else case_id
        uow.cases.link(rows[survivor.id], rows[absorbed_id], survivor, actor=account, reason=reason.strip(),
                       public_reason=LINK_PUBLIC_REASON, now=now)
        return survivor.id
