"""Filing a public report: validate, store evidence durably, commit, and only then hand out the receipt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from netra.cases import ReportedPerson, ReportingWindow, open_case, reporting_window
from netra.intake.evidence import CheckedEvidence, check_batch
from netra.intake.report import (
    ReportDraft, Requirement, completeness, control_characters, limit_days, validation_errors,
)
from netra.regions.model import TimeZone
from netra.intake.tracking import (
    normalise_code,
    reporter_secret,
    secret_hash,
    secret_matches,
    token_digest,
    valid_submission_token,
)
from netra.notifications import InvalidAddress, checked_email
from netra.services import reference_data
from netra.services.notifications import subscriptions
from netra.services.unit_of_work import unit_of_work
from netra.storage.case_repository import NewCase, aware
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.accounts.policy import INTERNAL_HISTORY
from netra.storage.tables import CaseEventRow, CaseRow, EvidenceRow, RegionRow, ReportRow


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
    reporting: ReportingWindow | None = None  # the report's reporting limit, and whether it was met
    zone: str = "WIB"  # the region's zone: the receipt's time is read in it (issue 12)


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
    reporting: ReportingWindow | None = None
    zone: str = "WIB"  # the region's zone: every time on the status page is read in it (issue 12)


def _known(session, region_code: str, elections: set[str] | None) -> tuple[set[str], set[str]]:
    """The known regions and elections validation needs: the region narrowed to the one asked about (one indexed
    lookup); the elections of the calendar in force (narrowed to `elections`, what the form offered, if given)."""
    # A value that cannot be a code never reaches the query (validation names the field).
    found = None if len(region_code) > 13 or control_characters(region_code) else session.scalar(
        select(RegionRow.code).where(RegionRow.code == region_code, RegionRow.parent_code.is_not(None)))
    in_force = {e.id for e in reference_data.elections_in(session)}
    return ({found} if found else set()), in_force if elections is None else in_force & set(elections)


def reporting_of(session, region_code: str, election_id: str, known_on: date | None,
                 submitted_at: datetime | None) -> ReportingWindow | None:
    """A report's reporting limit under the deadline rules in force, in its region's zone (None without the day
    the event became known). An unknown election raises UnknownElection."""
    if known_on is None:
        return None
    zone = TimeZone(session.scalar(select(RegionRow.timezone).where(RegionRow.code == region_code)))
    kind = reference_data.calendar_in(session).kind(election_id)
    return reporting_window(known_on, kind, zone.zoneinfo.key, aware(submitted_at) if submitted_at else None,
                            reference_data.deadlines_in(session))


def reporting_limits(db: Database) -> list[tuple[str, str, str]]:
    """(election name, limit, legal basis) for the report form: how long a reporter has, per election in force."""
    with db.transaction() as session:
        rules = reference_data.deadlines_in(session)
        return [(e.name.id, limit_days(rules.reporting[e.kind.value]), rules.reporting[e.kind.value].legal_basis)
                for e in reference_data.elections_in(session)]


def _existing(session, submission_token: str, server_key: str) -> Receipt | None:
    row = session.scalar(select(ReportRow).where(ReportRow.submission_token == token_digest(submission_token)))
    if row is None:
        return None
    return Receipt(row.tracking_code, reporter_secret(server_key, submission_token), row.submitted_at, duplicate=True,
                   reporting=reporting_of(session, row.region_code, row.election_id, row.known_date, row.submitted_at),
                   zone=_zone(session, row.region_code))


def _zone(session, region_code: str) -> str:
    return session.scalar(select(RegionRow.timezone).where(RegionRow.code == region_code)) or "WIB"


def submit_report(
    db: Database,
    store: EvidenceStore,
    draft: ReportDraft,
    files: list[tuple[str, bytes]],
    submission_token: str,
    server_key: str,
    elections: set[str] | None = None,
    now: datetime | None = None,
    today: date | None = None,
    notify_email: str = "",
    lang: str = "id",
) -> Receipt:
    """`notify_email`: the reporter's optional address for status news (issue 15), confirmed by a link."""
    now = now or datetime.now(timezone.utc)
    today = today or now.date()
    draft = draft.normalised()
    if not valid_submission_token(submission_token):
        raise ReportInvalid({"form": "Formulir tidak lengkap; silakan kirim ulang."})
    with db.transaction() as session:
        if (again := _existing(session, submission_token, server_key)) is not None:
            return again
        errors = validation_errors(draft, today, *_known(session, draft.region_code, elections))
    if notify_email.strip():
        try:
            checked_email(notify_email)
        except InvalidAddress as exc:
            errors["notify_email"] = str(exc)
    if errors:
        raise ReportInvalid(errors)
    checked: list[CheckedEvidence] = check_batch(files)  # raises EvidenceRejected with a clear message
    for _, content in files:
        if content:
            store.put(content)  # on disk and fsynced before the row that cites it
    secret = reporter_secret(server_key, submission_token)
    try:
        with unit_of_work(db) as uow:
            state, record = open_case(
                "report", now, uow.calendar.kind(draft.election_id), uow.cases.zone(draft.region_code).zoneinfo.key,
                subject=ReportedPerson(draft.reported_nip, draft.reported_name, draft.reported_agency),
                event_date=draft.event_date)
            code = uow.cases.free_tracking_code()
            reporting = reporting_of(uow.session, draft.region_code, draft.election_id, draft.known_date, now)
            zone = uow.cases.zone(draft.region_code).value
            uow.cases.open(
                NewCase(origin="report", region_code=draft.region_code, election_id=draft.election_id,
                        reported_name=draft.reported_name, reported_nip=draft.reported_nip,
                        reported_position=draft.reported_position, reported_agency=draft.reported_agency,
                        event_date=draft.event_date, channel=draft.channel or None),
                state, record, actor=None, public_reason=RECEIVED_REASON,
                report=dict(tracking_code=code, submission_token=token_digest(submission_token),  # finding 12
                            secret_hash=secret_hash(secret), submitted_at=now,
                            **{k: getattr(draft, k) for k in _REPORT_FIELDS}, links=list(draft.links)),
                evidence=checked,
                audit_detail={"report": code, "evidence": [e.sha256 for e in checked], "links": len(draft.links)})
            if notify_email.strip():
                subscriptions.subscribe(uow.session, uow.cases.report_by_code(code), notify_email, lang, now)
    except IntegrityError:
        # The same form submitted twice at once: the other request stored it; show that receipt.
        with db.transaction() as session:
            again = _existing(session, submission_token, server_key)
        if again is None:
            raise
        return again
    return Receipt(code, secret, now, duplicate=False, reporting=reporting, zone=zone)


RECEIVED_REASON = "Laporan diterima dan menunggu pemeriksaan Bawaslu."
_REPORT_FIELDS = (
    "reporter_name", "reporter_address", "reporter_contact", "reporter_id_number", "confidential", "reported_name",
    "reported_nip", "reported_position", "reported_agency", "region_code", "election_id", "event_date",
    "event_place", "known_date", "description", "declaration",
)


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
        reporting = reporting_of(session, row.region_code, row.election_id, row.known_date, row.submitted_at)
        events = session.scalars(
            select(CaseEventRow).where(CaseEventRow.case_id == case.id, CaseEventRow.action.notin_(INTERNAL_HISTORY))
            .order_by(CaseEventRow.at, CaseEventRow.id)).all()
        return ReportStatus(
            tracking_code=row.tracking_code,
            status=case.status,
            submitted_at=row.submitted_at,
            requirements=completeness(draft_of(row), len(evidence), reporting),
            history=[PublicHistoryEntry(e.at, e.to_status, e.public_reason) for e in events],
            evidence=[(e.filename, e.sha256) for e in evidence],
            reporting=reporting,
            zone=_zone(session, row.region_code),
        )


# What a reporter may add later: only empty fields are filled, nothing already stated is overwritten.
SUPPLEMENTABLE = ("reporter_name", "reporter_address", "reporter_contact", "reporter_id_number", "reported_name",
                  "reported_nip", "reported_position", "reported_agency", "event_place", "event_date")


def supplement_report(
    db: Database, store: EvidenceStore, tracking_code: str, secret: str, additions: ReportDraft,
    files: list[tuple[str, bytes]], elections: set[str] | None = None, now: datetime | None = None,
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
        regions, known_elections = _known(session, merged.region_code, elections)
    filled = {k: getattr(additions, k) for k in SUPPLEMENTABLE if getattr(additions, k) and not getattr(merged, k)}
    new_links = [u for u in additions.links if u not in merged.links]
    candidate = replace(merged, **filled, links=merged.links + tuple(new_links),
                        declaration=merged.declaration or additions.declaration)
    errors = validation_errors(candidate, now.date(), regions, known_elections)
    if errors:
        raise ReportInvalid(errors)
    checked = check_batch(files)
    for _, content in files:
        if content:
            store.put(content)
    with unit_of_work(db) as uow:
        uow.cases.supplement(uow.cases.report_by_code(code), filled, candidate.links, candidate.declaration, checked,
                             now)
    return report_status(db, code, secret)
