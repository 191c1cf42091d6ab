"""Reading cases for officers: always through the account's regional scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, or_, select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.intake.evidence import download_name
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import CaseEventRow, CaseRow, EvidenceRow, RegionRow, ReportRow


def in_scope(query: Select, account: Account) -> Select:
    """Restrict a query over CaseRow to the account's regions (a province covers its children)."""
    conditions = [CaseRow.region_code == code for code in account.scope]
    conditions += [CaseRow.region_code.startswith(code + ".") for code in account.scope if "." not in code]
    return query.where(or_(*conditions)) if conditions else query.where(False)


@dataclass(frozen=True)
class CaseSummary:
    id: int
    origin: str
    status: str
    version: int
    region_code: str
    region_name: str
    election_id: str
    reported_name: str
    reported_position: str
    reported_agency: str
    event_date: date | None
    created_at: datetime
    updated_at: datetime
    status_since: datetime


@dataclass(frozen=True)
class ReportView:
    id: int
    tracking_code: str
    submitted_at: datetime
    confidential: bool
    identity_visible: bool  # may this account see the reporter's identity at all?
    reporter: dict[str, str] | None  # name, address, contact, NIK: only when visible and, if confidential, revealed
    description: str
    event_place: str
    links: list[str]


@dataclass(frozen=True)
class EvidenceView:
    id: int
    filename: str  # as uploaded for Bawaslu; a neutral "bukti-<id>.<ext>" for every other role
    media_type: str
    size: int
    added_by: str
    added_at: datetime
    sha256: str


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    reported_nip: str
    reports: list[ReportView]
    evidence: list[EvidenceView]
    history: list[CaseEventRow]


def may_see_identity(account: Account, confidential: bool) -> bool:
    """Confidential reporters are known only to the handling officers (Bawaslu); others see them when not."""
    return account.role is Role.BAWASLU or not confidential


def may_download_original(account: Account) -> bool:
    """Evidence originals (with whatever metadata they carry: the reporter's name, camera, GPS) go to the handling
    officers only; other roles get copies without metadata and never the uploaded file name."""
    return account.role is Role.BAWASLU


def _identity(r: ReportRow) -> dict[str, str]:
    return {"name": r.reporter_name, "address": r.reporter_address, "contact": r.reporter_contact,
            "id_number": r.reporter_id_number}


def _summary(row: CaseRow, region_name: str, status_since: datetime | None) -> CaseSummary:
    return CaseSummary(row.id, row.origin, row.status, row.version, row.region_code, region_name, row.election_id,
                       row.reported_name, row.reported_position, row.reported_agency, row.event_date,
                       row.created_at, row.updated_at, status_since or row.created_at)


def list_cases(db: Database, account: Account, statuses: tuple[str, ...] | None = None,
               limit: int = 200) -> list[CaseSummary]:
    query = in_scope(select(CaseRow, RegionRow.name).join(RegionRow, RegionRow.code == CaseRow.region_code), account)
    query = query.where(CaseRow.merged_into_id.is_(None))
    if statuses:
        query = query.where(CaseRow.status.in_(statuses))
    with db.transaction() as session:
        rows = session.execute(query.order_by(CaseRow.updated_at.desc()).limit(limit)).all()
        return [_summary(case, name, case.updated_at) for case, name in rows]


def get_case(db: Database, account: Account, case_id: int, reveal_report_id: int | None = None) -> CaseDetail | None:
    """None when the case does not exist or is outside the account's scope: callers answer 404 either way."""
    query = in_scope(select(CaseRow, RegionRow.name).join(RegionRow, RegionRow.code == CaseRow.region_code), account)
    with db.transaction() as session:
        found = session.execute(query.where(CaseRow.id == case_id)).first()
        if found is None:
            return None
        case, region_name = found
        history = session.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id)
                                  .order_by(CaseEventRow.at, CaseEventRow.id)).all()
        reports = []
        for r in session.scalars(select(ReportRow).where(ReportRow.case_id == case_id).order_by(ReportRow.id)):
            visible = may_see_identity(account, r.confidential)
            reveal = visible and (not r.confidential or r.id == reveal_report_id)
            if reveal and r.confidential:
                audit_log.append(session, f"user:{account.id}", "view_identity", f"report:{r.tracking_code}",
                                 {"case_id": case_id})
            reports.append(ReportView(r.id, r.tracking_code, r.submitted_at, r.confidential, visible,
                                      _identity(r) if reveal else None, r.description, r.event_place,
                                      list(r.links or [])))
        original_names = may_download_original(account)
        evidence = [EvidenceView(e.id, e.filename if original_names else download_name(f"bukti-{e.id}", e.media_type),
                                 e.media_type, e.size, e.added_by, e.added_at, e.sha256)
                    for e in session.scalars(select(EvidenceRow).where(EvidenceRow.case_id == case_id)
                                             .order_by(EvidenceRow.id))]
        since = history[-1].at if history else None
        return CaseDetail(_summary(case, region_name, since), case.reported_nip, reports, evidence,
                          list(history))
