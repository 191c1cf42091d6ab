"""National changes to the reference data with two people: a rulebook correction or a new election is proposed by
one national administrator and approved or rejected, with a reason, by a different national administrator; an
approved change takes effect from its stated day (WIB) and never rewrites how past decisions were taken (a case
keeps the rulebook version it was decided under: services/reference_data.rulebook_at).

A regency or province administrator is refused at every step: the rule holds for the whole country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.policy import may_change_national_reference
from netra.services import reference_data
from netra.services.reference_data import ReferenceDataError
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import AddedElectionRow, AuditRow, ReferenceProposalRow, RuleOverrideRow, UserRow

# The rule fields offered on the form, by name; any other field stays a matter for the packaged data.
RULE_FIELDS = {
    "sanction.level": "Tingkat hukuman disiplin",
    "sanction.kind": "Jenis sanksi",
    "sanction.consists_of.id": "Bentuk sanksi (teks Indonesia)",
    "explanation.id": "Penjelasan (teks Indonesia)",
}
STORED_FIELDS = {**RULE_FIELDS, "sanction": "Sanksi (tingkat dan bentuk)"}  # how approved overrides are listed
MAX_TEXT = 4000


@dataclass(frozen=True)
class Proposal:
    id: int
    kind: str  # "rule" or "election"
    rule_id: str
    field: str
    field_label: str
    value: Any
    effective_from: date
    reason: str
    source: str
    proposed_by: str
    proposed_by_id: int
    proposed_at: datetime
    status: str
    decided_by: str
    decided_at: datetime | None
    decision_reason: str
    previous: Any = None  # the value the correction replaced (approved rule corrections)


def _utc(at: datetime | None) -> datetime | None:
    return None if at is None else (at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at)


def _require_national(account: Account) -> None:
    if not may_change_national_reference(account):
        raise ReferenceDataError("Koreksi aturan dan pemilihan baru berlaku nasional: hanya administrator dengan "
                                 "cakupan nasional yang dapat mengusulkan atau memutuskannya.")


def _text(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ReferenceDataError(f"Tuliskan {what}.")
    if len(value) > MAX_TEXT:
        raise ReferenceDataError(f"{what[0].upper() + what[1:]} terlalu panjang (paling banyak {MAX_TEXT} karakter).")
    return value


def _start(effective_from: date | None, now: datetime) -> date:
    today = reference_data.national_today(now)
    if effective_from is None:
        raise ReferenceDataError("Tuliskan tanggal mulai berlaku.")
    if effective_from < today:
        raise ReferenceDataError("Tanggal mulai berlaku tidak boleh sebelum hari ini: keputusan yang sudah diambil "
                                 "tidak diubah surut.")
    return effective_from


def _stored(book, rule_id: str, field: str, value: Any) -> tuple[str, Any]:
    """The override that puts a proposal in force. A new sanction level moves the whole sanction: the level with
    the text of that level (taken from a rule of the same kind and level that no source disputes), so a rule page
    never shows a level above a text naming another (issue 16: "Berat" above "sedang")."""
    if field != "sanction.level" or rule_id not in book:
        return field, value
    rule = book[rule_id]
    sanction = dict(rule.to_dict()["sanction"], level=value)
    same = next((r for r in book if r.sanction.kind is rule.sanction.kind and r.sanction.level.value == value
                 and not (r.disputed and r.disputed.field.startswith("sanction"))), None)
    if same is not None:
        sanction["consists_of"] = same.to_dict()["sanction"]["consists_of"]
    return "sanction", sanction


def _check(db: Database, rule_id: str, field: str, value: Any, by: str, reason: str, now: datetime) -> Any:
    """The value the proposal replaces, once the override it stands for is known to apply cleanly."""
    book = reference_data.rulebook(db)
    stored_field, stored_value = _stored(book, rule_id, field, value)
    reference_data.checked_override(db, rule_id, stored_field, stored_value, by, reason, now)
    return book[rule_id].value_at(field)


def propose_rule(db: Database, account: Account, rule_id: str, field: str, value: Any, effective_from: date | None,
                 reason: str, source: str, now: datetime | None = None) -> int:
    """Record a proposed correction of one rule field; nothing is in force until another national administrator
    approves it. Refused (nothing stored) for a regional administrator or an invalid rule, field or value."""
    now = now or datetime.now(timezone.utc)
    _require_national(account)
    if field not in RULE_FIELDS:
        raise ReferenceDataError("Pilih kolom aturan yang dikoreksi dari daftar.")
    reason, source = _text(reason, "alasan koreksi"), _text(source, "sumber yang dikutip")
    start = _start(effective_from, now)
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise ReferenceDataError("Tuliskan nilai baru.")
    previous = _check(db, rule_id, field, value, account.username, reason, now)
    if previous == value:
        raise ReferenceDataError("Nilai baru sama dengan nilai yang berlaku; tidak ada yang dikoreksi.")
    with db.transaction() as session:
        row = ReferenceProposalRow(kind="rule", rule_id=rule_id, field=field, value={"value": value},
                                   effective_from=start, reason=reason, source=source, proposed_by=account.id,
                                   proposed_at=now, status="pending")
        session.add(row)
        session.flush()
        audit_log.append(session, account.actor, "propose", f"proposal:{row.id}", at=now,
                         detail={"rule": rule_id, "field": field, "from": previous, "to": value,
                                 "effective_from": start.isoformat(), "reason": reason, "source": source})
        return row.id


def propose_election(db: Database, account: Account, data: dict, effective_from: date | None, reason: str,
                     source: str, now: datetime | None = None) -> int:
    """Record a proposed new election (validated as the packaged calendars are); in force once approved."""
    now = now or datetime.now(timezone.utc)
    _require_national(account)
    reason, source = _text(reason, "alasan"), _text(source, "sumber yang dikutip")
    start = _start(effective_from, now)
    election_id = reference_data.checked_election(db, data)
    with db.transaction() as session:
        pending = session.scalars(select(ReferenceProposalRow).where(
            ReferenceProposalRow.kind == "election", ReferenceProposalRow.status == "pending")).all()
        if any((p.value or {}).get("id") == election_id for p in pending):
            raise ReferenceDataError(f"Pemilihan '{election_id}' sudah diusulkan dan menunggu keputusan.")
        row = ReferenceProposalRow(kind="election", value=data, effective_from=start, reason=reason, source=source,
                                   proposed_by=account.id, proposed_at=now, status="pending")
        session.add(row)
        session.flush()
        audit_log.append(session, account.actor, "propose", f"proposal:{row.id}", at=now,
                         detail={"election": election_id, "effective_from": start.isoformat(), "reason": reason,
                                 "source": source})
        return row.id


def decide(db: Database, account: Account, proposal_id: int, approve: bool, reason: str,
           now: datetime | None = None) -> None:
    """Approve (put in force from its day) or reject a pending proposal. The decider is a national administrator
    other than the proposer; the reason is required either way. Refused, storing nothing, otherwise."""
    now = now or datetime.now(timezone.utc)
    _require_national(account)
    reason = _text(reason, "alasan keputusan")
    with db.transaction() as session:
        row = session.get(ReferenceProposalRow, proposal_id)
        if row is None:
            raise ReferenceDataError("Usulan tidak ditemukan.")
        if row.status != "pending":
            raise ReferenceDataError("Usulan ini sudah diputuskan.")
        if row.proposed_by == account.id:
            raise ReferenceDataError("Usulan harus diputuskan oleh administrator nasional lain, bukan pengusulnya.")
        start = max(row.effective_from, reference_data.national_today(now))
        proposer = session.get(UserRow, row.proposed_by).username
    detail: dict[str, Any] = {"approved": approve, "reason": reason}
    stored = None
    if approve:  # checked again against the rules in force now (another correction may have landed meanwhile)
        if row.kind == "rule":
            value = row.value["value"]
            detail |= {"rule": row.rule_id, "field": row.field, "to": value, "effective_from": start.isoformat(),
                       "from": _check(db, row.rule_id, row.field, value, proposer, row.reason, now)}
            stored = _stored(reference_data.rulebook(db), row.rule_id, row.field, value)
        else:
            detail |= {"election": reference_data.checked_election(db, row.value),
                       "effective_from": start.isoformat()}
    with db.transaction() as session:
        row = session.get(ReferenceProposalRow, proposal_id, with_for_update=True)
        if row.status != "pending":
            raise ReferenceDataError("Usulan ini sudah diputuskan.")
        row.status, row.decided_by, row.decided_at, row.decision_reason = (
            "approved" if approve else "rejected", account.id, now, reason)
        if approve and row.kind == "rule":
            field, value = stored
            session.add(RuleOverrideRow(rule_id=row.rule_id, field=field, value={"value": value}, by_user=proposer,
                                        at=now, reason=f"{row.reason} (sumber: {row.source})", effective_from=start,
                                        proposal_id=row.id))
        elif approve:
            session.add(AddedElectionRow(election_id=row.value["id"], data=row.value, by_user=proposer, at=now,
                                         effective_from=start, proposal_id=row.id))
        audit_log.append(session, account.actor, "approve" if approve else "reject", f"proposal:{row.id}", at=now,
                         detail=detail)


def _proposals(session, *conditions) -> list[Proposal]:
    names = dict(session.execute(select(UserRow.id, UserRow.username)).all())
    out = []
    for r in session.scalars(select(ReferenceProposalRow).where(*conditions).order_by(ReferenceProposalRow.id.desc())):
        value = r.value.get("value") if r.kind == "rule" else r.value
        out.append(Proposal(r.id, r.kind, r.rule_id, r.field, RULE_FIELDS.get(r.field, r.field), value,
                            r.effective_from, r.reason, r.source, names.get(r.proposed_by, "?"), r.proposed_by,
                            _utc(r.proposed_at), r.status, names.get(r.decided_by, "") if r.decided_by else "",
                            _utc(r.decided_at), r.decision_reason))
    return out


def pending(db: Database) -> list[Proposal]:
    with db.transaction() as session:
        return _proposals(session, ReferenceProposalRow.status == "pending")


def decided(db: Database, limit: int = 50) -> list[Proposal]:
    with db.transaction() as session:
        return _proposals(session, ReferenceProposalRow.status != "pending")[:limit]


@dataclass(frozen=True)
class Correction:
    """One approved rulebook correction as the changelog on /aturan shows it."""

    version: int | None  # the rulebook version it made (None while it is not yet in force)
    rule_id: str
    field_label: str
    previous: Any
    value: Any
    proposed_by: str
    approved_by: str
    approved_at: datetime
    effective_from: date
    reason: str
    source: str


def changelog(db: Database, rule_id: str | None = None) -> list[Correction]:
    """Approved rulebook corrections, newest first, with the version each made once in force."""
    today = reference_data.national_today()
    with db.transaction() as session:
        in_force = [r.proposal_id for r in session.scalars(reference_data._in_force(RuleOverrideRow, today))]
        version = {pid: n + 2 for n, pid in enumerate(in_force)}
        names = dict(session.execute(select(UserRow.id, UserRow.username)).all())
        query = select(ReferenceProposalRow).where(ReferenceProposalRow.kind == "rule",
                                                   ReferenceProposalRow.status == "approved")
        if rule_id:
            query = query.where(ReferenceProposalRow.rule_id == rule_id)
        rows = list(session.scalars(query.order_by(ReferenceProposalRow.decided_at.desc())))
        before = {int(a.entity.split(":")[1]): (a.detail or {}).get("from") for a in session.scalars(
            select(AuditRow).where(AuditRow.action == "approve",
                                   AuditRow.entity.in_([f"proposal:{r.id}" for r in rows])))}
    return [Correction(version.get(r.id), r.rule_id, RULE_FIELDS.get(r.field, r.field), before.get(r.id),
                       r.value.get("value"), names.get(r.proposed_by, "?"), names.get(r.decided_by, "?"),
                       _utc(r.decided_at), r.effective_from, r.reason, r.source) for r in rows]
