"""Filing a public report: validate, store evidence durably, commit, and only then hand out the receipt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from netra.intake.evidence import CheckedEvidence, check_batch
from netra.intake.report import ReportDraft, Requirement, completeness, control_characters, validation_errors
from netra.intake.tracking import (
    new_tracking_code,
    normalise_code,
    reporter_secret,
    secret_hash,
    secret_matches,
    token_digest,
    valid_submission_token,
)
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRow, EvidenceRow, RegionRow, ReportRow

RECEIVED = "received"


class ReportInvalid(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Receipt:
    tracking_code: str
    secret: str
    submitted_at: datetime
    duplicate: bool


@dataclass(frozen=True)
class PublicHistoryEntry:
    at: datetime
    status: str
    reason: str


@dataclass(frozen=True)
class ReportStatus:
    tracking_code: str
    status: str
    submitted_at: datetime
    requirements: list[Requirement]
    history: list[PublicHistoryEntry]
    evidence: list[tuple[str, str]]  # (filename, sha256)


def _known(session, region_code: str, elections: set[str]) -> tuple[set[str], set[str]]:
    """The known-region set validation needs, narrowed to the one region asked about (one indexed lookup)."""
    if len(region_code) > 13 or control_characters(region_code):
        return set(), elections  # cannot be a code; validation names the field, the query never sees it
    found = session.scalar(select(RegionRow.code).where(RegionRow.code == region_code,
                                                        RegionRow.parent_code.is_not(None)))
    return ({found} if found else set()), elections


def _existing(session, submission_token: str, server_key: str) -> Receipt | None:
    row = session.scalar(select(ReportRow).where(ReportRow.submission_token == token_digest(submission_token)))
    if row is None:
        return None
    return Receipt(row.tracking_code, reporter_secret(server_key, submission_token), row.submitted_at, duplicate=True)


def submit_report(
    db: Database,
    store: EvidenceStore,
    draft: ReportDraft,
    files: list[tuple[str, bytes]],
    submission_token: str,
    server_key: str,
    elections: set[str],
    now: datetime | None = None,
    today: date | None = None,
) -> Receipt:
    now = now or datetime.now(timezone.utc)
    today = today or now.date()
    draft = draft.normalised()
    if not valid_submission_token(submission_token):
        raise ReportInvalid({"form": "Formulir tidak lengkap; silakan kirim ulang."})
    with db.transaction() as session:
        if (again := _existing(session, submission_token, server_key)) is not None:
            return again
        errors = validation_errors(draft, today, *_known(session, draft.region_code, elections))
    if errors:
        raise ReportInvalid(errors)
    checked: list[CheckedEvidence] = check_batch(files)  # raises EvidenceRejected with a clear message
    for _, content in files:
        if content:
            store.put(content)  # on disk and fsynced before the row that cites it
    secret = reporter_secret(server_key, submission_token)
    try:
        with db.transaction() as session:
            case = CaseRow(
                origin="report", status=RECEIVED, version=1, region_code=draft.region_code,
                election_id=draft.election_id, reported_name=draft.reported_name, reported_nip=draft.reported_nip,
                reported_position=draft.reported_position, reported_agency=draft.reported_agency,
                event_date=draft.event_date, created_at=now, updated_at=now, channel=draft.channel or None,
            )
            session.add(case)
            session.flush()
            report = ReportRow(
                case_id=case.id, tracking_code=_unused_code(session), submission_token=token_digest(submission_token),
                secret_hash=secret_hash(secret), submitted_at=now,
                **{k: getattr(draft, k) for k in _REPORT_FIELDS}, links=list(draft.links),
            )
            session.add(report)
            session.flush()
            session.add_all(
                EvidenceRow(case_id=case.id, report_id=report.id, sha256=e.sha256, filename=e.filename,
                            media_type=e.kind.media_type, size=e.size, added_by="pelapor", added_at=now)
                for e in checked
            )
            session.add(CaseEventRow(case_id=case.id, action="submit", from_status=None, to_status=RECEIVED,
                                     actor_role="pelapor", at=now, reason="", payload={}, documents=[],
                                     public_reason="Laporan diterima dan menunggu pemeriksaan Bawaslu."))
            code = report.tracking_code
            audit_log.append(session, "pelapor", "create", f"case:{case.id}", at=now, detail={
                "report": code, "evidence": [e.sha256 for e in checked], "links": len(draft.links)})
    except IntegrityError:
        # The same form submitted twice at once: the other request stored it; show that receipt.
        with db.transaction() as session:
            again = _existing(session, submission_token, server_key)
        if again is None:
            raise
        return again
    return Receipt(code, secret, now, duplicate=False)


_REPORT_FIELDS = (
    "reporter_name", "reporter_address", "reporter_contact", "reporter_id_number", "confidential", "reported_name",
    "reported_nip", "reported_position", "reported_agency", "region_code", "election_id", "event_date",
    "event_place", "known_date", "description", "declaration",
)


def _unused_code(session) -> str:
    while True:
        code = new_tracking_code()
        if session.scalar(select(ReportRow.id).where(ReportRow.tracking_code == code)) is None:
            return code


def draft_of(row: ReportRow) -> ReportDraft:
    return ReportDraft(**{k: getattr(row, k) for k in _REPORT_FIELDS}, links=tuple(row.links or ()))


def report_status(db: Database, tracking_code: str, secret: str) -> ReportStatus | None:
    """What the reporter may see: status, public reasons, completeness. Never internal notes. None when the
    code or secret is wrong (the two cases are indistinguishable to the caller)."""
    code = normalise_code(tracking_code)
    with db.transaction() as session:
        row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == code)) if code else None
        if row is None or not secret_matches(secret, row.secret_hash):
            return None
        case = session.get(CaseRow, row.case_id)
        evidence = session.scalars(select(EvidenceRow).where(EvidenceRow.report_id == row.id)).all()
        events = session.scalars(
            select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.at, CaseEventRow.id)
        ).all()
        return ReportStatus(
            tracking_code=row.tracking_code,
            status=case.status,
            submitted_at=row.submitted_at,
            requirements=completeness(draft_of(row), row.submitted_at.date(), len(evidence)),
            history=[PublicHistoryEntry(e.at, e.to_status, e.public_reason) for e in events],
            evidence=[(e.filename, e.sha256) for e in evidence],
        )


# What a reporter may add later: only empty fields are filled, nothing already stated is overwritten.
SUPPLEMENTABLE = ("reporter_name", "reporter_address", "reporter_contact", "reporter_id_number", "reported_name",
                  "reported_nip", "reported_position", "reported_agency", "event_place", "event_date")


def supplement_report(
    db: Database, store: EvidenceStore, tracking_code: str, secret: str, additions: ReportDraft,
    files: list[tuple[str, bytes]], elections: set[str], now: datetime | None = None,
) -> ReportStatus | None:
    """Add missing parts to a stored report. None when the code/secret is wrong; ReportInvalid or
    EvidenceRejected for bad input, with nothing changed."""
    now = now or datetime.now(timezone.utc)
    code = normalise_code(tracking_code)
    additions = additions.normalised()
    with db.transaction() as session:
        row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == code)) if code else None
        if row is None or not secret_matches(secret, row.secret_hash):
            return None
        merged = draft_of(row)
        regions, _ = _known(session, merged.region_code, elections)
    filled = {k: getattr(additions, k) for k in SUPPLEMENTABLE if getattr(additions, k) and not getattr(merged, k)}
    new_links = [u for u in additions.links if u not in merged.links]
    candidate = replace(merged, **filled, links=merged.links + tuple(new_links),
                        declaration=merged.declaration or additions.declaration)
    errors = validation_errors(candidate, now.date(), regions, elections)
    if errors:
        raise ReportInvalid(errors)
    checked = check_batch(files)
    for _, content in files:
        if content:
            store.put(content)
    with db.transaction() as session:
        row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == code))
        for key, value in filled.items():
            setattr(row, key, value)
        case = session.get(CaseRow, row.case_id)
        for key in ("reported_name", "reported_nip", "reported_position", "reported_agency", "event_date"):
            if key in filled and not getattr(case, key):
                setattr(case, key, filled[key])
        row.links = list(candidate.links)
        row.declaration = candidate.declaration
        session.add_all(
            EvidenceRow(case_id=row.case_id, report_id=row.id, sha256=e.sha256, filename=e.filename,
                        media_type=e.kind.media_type, size=e.size, added_by="pelapor", added_at=now)
            for e in checked
        )
        audit_log.append(session, "pelapor", "change", f"case:{row.case_id}", at=now, detail={
            "report": code, "fields": sorted(filled), "links_added": len(new_links),
            "evidence": [e.sha256 for e in checked], "declaration": candidate.declaration})
    return report_status(db, code, secret)
