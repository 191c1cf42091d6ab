"""BKN's follow-up acts on a case (reprimand to the PPK, SIASN block and its lifting), and the BKN export.

Case-touching code: the act goes into the case history and the audit log with the case's scope checked through
the scope helper; history goes through the case repository (CaseRepository.note), as in links.py.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import label
from netra.people.followup import FollowUp, FollowUpKind, FollowUpRefused, check_follow_up
from netra.services.case_workflow import CaseNotFound
from netra.services.people.links import case_person
from netra.storage import audit_log
from netra.services.unit_of_work import unit_of_work
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import BknFollowUpRow, CaseRow, CivilServantRow, RegionRow


def record_follow_up(db: Database, store: EvidenceStore, account: Account, case_id: int, kind: str,
                     on: date | None, document_number: str, note: str = "",
                     document: tuple[str, bytes] | None = None, now: datetime | None = None) -> BknFollowUpRow:
    """Store one act; FollowUpRefused (or EvidenceRejected for the file) and nothing stored when it cannot be."""
    from netra.intake.evidence import check_batch

    if account.role is not Role.BKN:
        raise FollowUpRefused("Hanya BKN yang mencatat tindak lanjut BKN.")
    now = now or datetime.now(timezone.utc)
    checked = check_batch([document]) if document else []
    with unit_of_work(db) as uow:
        session, case = uow.session, uow.cases.find(case_id, account)
        if case is None or case.merged_into_id is not None:
            raise CaseNotFound(case_id)
        tz = session.scalar(select(RegionRow.timezone).where(RegionRow.code == case.region_code))
        today = now.astimezone(_zone(tz)).date()
        earlier = [FollowUp(FollowUpKind(r.kind), r.on_date, r.document_number) for r in session.scalars(
            select(BknFollowUpRow).where(BknFollowUpRow.case_id == case_id).order_by(BknFollowUpRow.id))]
        act = check_follow_up(kind, on, document_number, note, earlier, today, case.status)
        for _, content in [document] if document else []:
            store.put(content)
        row = BknFollowUpRow(case_id=case_id, kind=act.kind.value, on_date=act.on,
                             document_number=act.document_number[:120],
                             document_sha256=checked[0].sha256 if checked else None,
                             document_name=checked[0].filename[:200] if checked else "", note=act.note,
                             by_user_id=account.id, at=now)
        session.add(row)
        uow.cases.note(case, "bkn_follow_up", actor=account, now=now, reason=act.note, payload={
            "tindakan": act.kind.label_id, "tanggal": act.on.isoformat(), "nomor": act.document_number},
            documents=[checked[0].sha256] if checked else [], audit={
            "follow_up": act.kind.value, "on": act.on.isoformat(), "document": act.document_number})
        session.flush()
        return row


def _zone(name: str | None):
    from netra.regions import TimeZone

    return TimeZone(name or "WIB").zoneinfo


def follow_up_label(kind: str, lang: str = "id") -> str:
    return FollowUpKind(kind).label_en if lang == "en" else FollowUpKind(kind).label_id


def latest_acts(db: Database, case_ids: list[int]) -> dict[int, list[BknFollowUpRow]]:
    """Every follow-up act of these cases, oldest first, for the follow-up-gap view."""
    with db.transaction() as session:
        acts: dict[int, list[BknFollowUpRow]] = {}
        for row in session.scalars(select(BknFollowUpRow).where(BknFollowUpRow.case_id.in_(case_ids))
                                   .order_by(BknFollowUpRow.on_date, BknFollowUpRow.id)):
            acts.setdefault(row.case_id, []).append(row)
        return acts


BKN_COLUMNS = ("perkara", "status", "wilayah", "kode_wilayah", "pemilihan", "nip", "nama", "jabatan", "instansi",
               "status_pegawai", "terdaftar", "tindak_lanjut_bkn", "tanggal_tindak_lanjut", "nomor_dokumen",
               "blokir_siasn_berlaku")


def bkn_rows(db: Database, account: Account, case_ids: list[int]) -> list[dict]:
    """One row per case for BKN's own systems: the register entry (NIP, rank, status) beside the latest act.
    Only BKN exports these (names and NIPs of people not yet sanctioned); the export is audited."""
    if account.role is not Role.BKN:
        raise FollowUpRefused("Ekspor tindak lanjut hanya untuk BKN.")
    from netra.people.followup import is_blocked

    linked = case_person().subquery()
    acts = latest_acts(db, case_ids)
    with db.transaction() as session:
        found = session.execute(
            select(CaseRow, RegionRow.name, CivilServantRow).where(within(account, CaseRow.region_code))
            .join(RegionRow, RegionRow.code == CaseRow.region_code)
            .join(linked, linked.c.case_id == CaseRow.id)
            .outerjoin(CivilServantRow, CivilServantRow.id == linked.c.person_id)
            .where(CaseRow.id.in_(case_ids)).order_by(CaseRow.id)).all()
        audit_log.append(session, f"user:{account.id}", "export", "bkn_follow_up", {"rows": len(found)})
    rows = []
    for case, region_name, person in found:
        done = acts.get(case.id, [])
        last = done[-1] if done else None
        rows.append({
            "perkara": case.id, "status": label(case.status).id, "wilayah": region_name,
            "kode_wilayah": case.region_code, "pemilihan": case.election_id,
            "nip": person.nip if person else case.reported_nip, "nama": person.name if person else case.reported_name,
            "jabatan": person.position if person else case.reported_position,
            "instansi": person.agency if person else case.reported_agency,
            "status_pegawai": person.status if person else "", "terdaftar": "ya" if person else "tidak",
            "tindak_lanjut_bkn": FollowUpKind(last.kind).label_id if last else "",
            "tanggal_tindak_lanjut": last.on_date.isoformat() if last else "",
            "nomor_dokumen": last.document_number if last else "",
            "blokir_siasn_berlaku": "ya" if is_blocked([FollowUp(FollowUpKind(a.kind), a.on_date, "") for a in done])
            else "tidak",
        })
    return rows
