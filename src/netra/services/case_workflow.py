"""Taking a workflow step on a stored case: scope check, domain rules, optimistic lock, history and audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select, update

from netra.accounts.model import Account
from netra.cases import (
    Actor, CaseState, ClockStatus, ConcurrentChange, ReportedPerson, TransitionRecord, apply,
)
from netra.cases import status as clock_status
from netra.regions.model import TimeZone
from netra.services import reference_data
from netra.services.case_queries import in_scope
from netra.services.elections import election_kind
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRow, EvidenceRow, RegionRow, ReportRow


class CaseNotFound(LookupError):
    """Missing or outside the account's scope: the caller cannot tell which, by design."""


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite drops the zone; we store UTC


def case_state(session, case: CaseRow) -> CaseState:
    events = session.execute(
        select(CaseEventRow.action, CaseEventRow.to_status, CaseEventRow.at)
        .where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.at, CaseEventRow.id)
    ).all()
    tz = TimeZone(session.scalar(select(RegionRow.timezone).where(RegionRow.code == case.region_code)))
    return CaseState.from_events(
        [(a, s, aware(at)) for a, s, at in events], id=case.id, version=case.version,
        election_kind=election_kind(session, case.election_id), tz_name=tz.zoneinfo.key, origin=case.origin,
        subject=ReportedPerson(case.reported_nip, case.reported_name, case.reported_agency),
        event_date=case.event_date,
    )


def clocks_for(db: Database, case_ids: list[int], now: datetime | None = None) -> dict[int, ClockStatus | None]:
    """The running legal clock of each case, for worklists."""
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        cases = session.scalars(select(CaseRow).where(CaseRow.id.in_(case_ids))).all()
        return {c.id: clock_status(case_state(session, c), now) for c in cases}


@dataclass(frozen=True)
class StepResult:
    record: TransitionRecord
    version: int


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
    on any of them nothing is stored."""
    from netra.intake.evidence import check_batch

    now = now or datetime.now(timezone.utc)
    checked = check_batch(documents or [])
    for _, content in documents or []:
        store.put(content)
    rulebook = reference_data.rulebook(db)
    with db.transaction() as session:
        case = session.scalar(in_scope(select(CaseRow), account).where(CaseRow.id == case_id))
        if case is None:
            raise CaseNotFound(case_id)
        state, record = apply(
            case_state(session, case), action, Actor(account.id, account.full_name, account.role.value), now,
            reason=reason, payload=payload or {}, documents=[e.sha256 for e in checked],
            expected_version=expected_version, known_rule_ids=set(rulebook.ids),
        )
        # The domain checked the version we read; the guarded UPDATE makes the check hold against a writer who
        # committed in between.
        values = dict(status=state.state.value, version=state.version, updated_at=now)
        decided = record.payload.get("rule_ids") or ([record.payload["rule_id"]] if record.payload.get("rule_id") else [])
        if decided:  # the family follows the rule the decision rests on
            values["family"] = rulebook[decided[0]].family.value
        changed = session.execute(
            update(CaseRow).where(CaseRow.id == case_id, CaseRow.version == expected_version).values(**values)
        ).rowcount
        if changed != 1:
            current = session.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
            raise ConcurrentChange(current=current, expected=expected_version)
        session.add_all(
            EvidenceRow(case_id=case_id, report_id=None, sha256=e.sha256, filename=e.filename,
                        media_type=e.kind.media_type, size=e.size, added_by=f"user:{account.id}", added_at=now)
            for e in checked
        )
        session.add(CaseEventRow(
            case_id=case_id, action=record.action, from_status=record.from_state.value,
            to_status=record.to_state.value, actor_id=account.id, actor_role=account.role.value, at=now,
            reason=record.reason, public_reason=public_reason.strip(), payload=record.payload,
            documents=list(record.documents),
        ))
        audit_log.append(session, f"user:{account.id}", "transition", f"case:{case_id}", at=now, detail={
            "action": record.action, "from": record.from_state.value, "to": record.to_state.value,
            "documents": list(record.documents)})
        return StepResult(record, state.version)




def related_cases(db: Database, account: Account, case_id: int, limit: int = 500) -> list[tuple[int, str]]:
    """Cases in scope that may be handled together with this one (same person, near event dates)."""
    from netra.cases import can_merge

    with db.transaction() as session:
        case = session.scalar(in_scope(select(CaseRow), account).where(CaseRow.id == case_id))
        if case is None:
            raise CaseNotFound(case_id)
        this = case_state(session, case)
        others = session.scalars(in_scope(select(CaseRow), account).where(
            CaseRow.id != case_id, CaseRow.merged_into_id.is_(None),
            CaseRow.status.in_(("received", "registered", "under_review"))).order_by(CaseRow.id.desc()).limit(limit))
        return [(o.id, o.reported_name) for o in others if can_merge(this, case_state(session, o))]


def link_cases(db: Database, account: Account, case_id: int, other_id: int, expected_version: int,
               reason: str, now: datetime | None = None) -> int:
    """Handle two related reports as one case. Only Bawaslu links; returns the surviving case's id."""
    from netra.cases import BAWASLU, RoleNotAllowed, merge

    now = now or datetime.now(timezone.utc)
    if account.role.value != BAWASLU:
        raise RoleNotAllowed(f"Peran {account.role.value} tidak berwenang menggabungkan perkara.")
    with db.transaction() as session:
        rows = {c.id: c for c in session.scalars(in_scope(select(CaseRow), account)
                                                 .where(CaseRow.id.in_((case_id, other_id))))}
        if len(rows) != 2 or rows[other_id].merged_into_id or rows[case_id].merged_into_id:
            raise CaseNotFound(other_id)
        if rows[case_id].version != expected_version:
            raise ConcurrentChange(current=rows[case_id].version, expected=expected_version)
        states = {i: case_state(session, rows[i]) for i in rows}
        survivor = merge(states[case_id], states[other_id])
        absorbed_id = other_id if survivor.id == case_id else case_id
        kept, gone = rows[survivor.id], rows[absorbed_id]
        for row, expected in ((kept, kept.version), (gone, gone.version)):
            if session.execute(update(CaseRow).where(CaseRow.id == row.id, CaseRow.version == expected)
                               .values(version=expected + 1, updated_at=now)).rowcount != 1:
                raise ConcurrentChange(current=None, expected=expected)
        session.execute(update(CaseRow).where(CaseRow.id == gone.id).values(merged_into_id=kept.id))
        session.execute(update(CaseRow).where(CaseRow.id == kept.id).values(
            reported_nip=survivor.subject.nip, event_date=survivor.event_date))
        session.execute(update(ReportRow).where(ReportRow.case_id == gone.id).values(case_id=kept.id))
        session.execute(update(EvidenceRow).where(EvidenceRow.case_id == gone.id).values(case_id=kept.id))
        for target, other in ((kept.id, gone.id), (gone.id, kept.id)):
            session.add(CaseEventRow(
                case_id=target, action="link", from_status=rows[target].status, to_status=rows[target].status,
                actor_id=account.id, actor_role=account.role.value, at=now, reason=reason.strip(),
                public_reason="Laporan digabungkan dengan laporan lain tentang terlapor dan kejadian yang sama.",
                payload={"linked_case": other, "survivor": kept.id}, documents=[]))
        audit_log.append(session, f"user:{account.id}", "change", f"case:{kept.id}", at=now,
                         detail={"linked": gone.id, "reason": reason.strip()}, covers=[gone.id])
        return kept.id
