"""Reading cases for officers: always through the account's regional scope (netra.storage.scope) and cut, at
the source, to what the account's role may see (netra.accounts.policy). Pages, documents and exports render
these views and nothing else, so none of them can show what another hides.

Worklists are computed in the database: the overdue and due-soon views filter on the stored clock columns of
case_stats (netra.services.case_clocks), kept in step with every case change through the outbox, and each listed
case's clock comes from the same row, so a page costs one count and one query whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone

from sqlalchemy import case, exists, func, or_, select

from netra.accounts.model import Account
from netra.accounts.policy import Access, case_view, reporter_access, shown, visible_payload
from netra.analytics.standing import BY_ID as STANDING
from netra.cases import (
    AMENDABLE_FIELDS, ClockStatus, ReportedPerson, ReportingWindow, State, acting_states, missing_facts,
)
from netra.intake.evidence import download_name
from netra.intake.tracking import normalise_code
from netra.services import analytics, case_clocks, reference_data
from netra.services.intake import reporting_of
from netra.storage import audit_log
from netra.storage.database import Database
from netra.regions import TimeZone
from netra.storage.scope import within
from netra.storage.tables import CaseEventRow, CaseRow, CaseStatsRow, EvidenceRow, RegionRow, ReportRow, UserRow

VIEWS = ("all", "mine", "overdue", "due_soon", "gap")
# How the worklist may be ordered: received date, deadline, status (in workflow order), region name.
SORTS = ("received", "deadline", "status", "region")
PAGE_SIZES = (25, 50, 100, 200)
# Recommended but not (yet) sanctioned: the follow-up gap leaders must see (Pilkada 2024: 1,158 suspected,
# 19 sanctioned).
FOLLOW_UP_GAP = STANDING["with_bkn"].statuses + STANDING["with_ppk"].statuses
CASE_STATUSES = tuple(s.value for s in State)
ROLE_NAMES = {"bawaslu": "Bawaslu", "bkn": "BKN", "ppk": "PPK", "admin": "Administrator", "viewer": "Pemantau",
              "pelapor": "Pelapor", "public": "Pelapor", "system": "Sistem"}
PAGE_SIZE = 50  # officers may choose up to 200; a page of 50 keeps the list quick on a small server


@dataclass(frozen=True)
class CaseSummary:
    id: int
    origin: str
    status: str
    version: int
    region_code: str
    region_name: str
    election_id: str
    reported_name: str  # HIDDEN_TEXT where the role may not see it
    reported_position: str
    reported_agency: str
    event_date: date | None
    created_at: datetime
    updated_at: datetime
    status_since: datetime
    zone: str = "WIB"  # the region's zone, for every time shown of this case
    assignee: str = ""  # the officer handling it now, if any


@dataclass(frozen=True)
class ReportView:
    id: int
    tracking_code: str
    submitted_at: datetime
    confidential: bool
    may_reveal: bool  # a confidential identity this account may ask to see (audited)
    reporter: dict[str, str] | None  # name, address, contact, NIK: only when the role may see them (or revealed)
    description: str
    event_place: str
    links: list[str]
    reporting: ReportingWindow | None = None  # its reporting limit; `late` flags it for Bawaslu


@dataclass(frozen=True)
class EvidenceView:
    id: int
    filename: str  # the original name for roles that hold originals, a neutral one otherwise
    media_type: str
    size: int
    added_by: str
    added_at: datetime
    sha256: str
    original: bool = True  # False: this role gets a copy without metadata, not these bytes (accounts.policy)


@dataclass(frozen=True)
class HistoryView:
    action: str
    from_status: str | None
    to_status: str
    actor_id: int | None
    actor_role: str
    at: datetime
    reason: str  # "" where the role may not read internal notes
    public_reason: str
    payload: dict
    documents: list[str]


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    reported_nip: str
    reports: list[ReportView]
    evidence: list[EvidenceView]
    history: list[HistoryView]
    # Issue 12: what the page and the letters state besides the summary.
    facts: dict = field(default_factory=dict)  # netra.cases.AMENDABLE_FIELDS as they stand, name/NIP cut by role
    missing: tuple[str, ...] = ()  # keys of netra.cases.FACTS the case still lacks (whatever the role may see)
    recommended: tuple[str, ...] = ()  # rule ids of the last recommendation
    zone: str = "WIB"  # the case region's zone: every time on the page and in letters is read in it
    election_name: str = ""
    names: dict[int, str] = field(default_factory=dict)  # officers' display names by account id

    def who(self, actor_id: int | None, role: str) -> str:
        """'Siti Rahma (Bawaslu)', or the role alone for the public reporter and bulk-loaded steps."""
        role_name = ROLE_NAMES.get(role, role)
        name = self.names.get(actor_id) if actor_id is not None else None
        return f"{name} ({role_name})" if name else role_name


@dataclass(frozen=True)
class Worklist:
    cases: list[CaseSummary]
    clocks: dict[int, ClockStatus | None]
    total: int  # cases in the view, over every page
    page: int
    per_page: int | None  # None: everything on one page (exports)

    @property
    def pages(self) -> int:
        return 1 if not self.per_page else max(1, -(-self.total // self.per_page))


def _identity(r: ReportRow) -> dict[str, str]:
    return {"name": r.reporter_name, "address": r.reporter_address, "contact": r.reporter_contact,
            "id_number": r.reporter_id_number}


def _summary(account: Account, row: CaseRow, region_name: str, status_since: datetime | None, zone: str = "WIB",
             assignee: str = "") -> CaseSummary:
    names = case_view(account.role).reported_person
    return CaseSummary(row.id, row.origin, row.status, row.version, row.region_code, region_name, row.election_id,
                       shown(row.reported_name, names), row.reported_position, row.reported_agency, row.event_date,
                       row.created_at, row.updated_at, status_since or row.created_at, zone, assignee)


def evidence_view(account: Account, e: EvidenceRow) -> EvidenceView:
    """The evidence as `account` gets it (accounts.policy: originals or a metadata-free copy under a neutral name);
    either way the name ends in the extension of the sniffed type (issue 14, findings 2 and 10)."""
    original = case_view(account.role).evidence_originals
    name = download_name(e.filename if original else f"bukti-{e.id}", e.media_type)
    return EvidenceView(e.id, name, e.media_type, e.size, e.added_by, e.added_at, e.sha256, original)


class BadSearch(ValueError):
    """A search this role may not run (by name or NIP without seeing them): the message says why, in Indonesian."""


def _search(account: Account, text: str):
    """Cases matching a tracking code, or the reported person's NIP (prefix) or name (part of it, any case)."""
    text = " ".join((text or "").split())[:100]
    code = normalise_code(text)
    conditions = []
    if code:
        conditions.append(exists().where(ReportRow.case_id == CaseRow.id, ReportRow.tracking_code == code))
    if not case_view(account.role).reported_person:
        if not code:
            raise BadSearch("Peran Anda tidak dapat mencari menurut nama atau NIP terlapor; cari dengan kode "
                            "pelacakan (NTR-XXXX-XXXX).")
        return or_(*conditions)
    if text.isdigit():
        conditions.append(CaseRow.reported_nip.startswith(text, autoescape=True))
    conditions.append(func.lower(CaseRow.reported_name).contains(text.lower(), autoescape=True))
    return or_(*conditions)


def _order(sort: str, descending: bool):
    S = CaseStatsRow
    keys = {
        "received": [CaseRow.created_at],
        "deadline": [S.clock_due_at.is_(None), S.clock_due_at],  # cases without a running clock last
        "status": [case({s: i for i, s in enumerate(CASE_STATUSES)}, value=CaseRow.status, else_=len(CASE_STATUSES))],
        "region": [RegionRow.name],
    }[sort]
    if descending:
        keys = [keys[0], keys[1].desc()] if sort == "deadline" else [k.desc() for k in keys]
    return [*keys, CaseRow.id.desc() if descending else CaseRow.id]


def worklist(db: Database, account: Account, view: str = "all", status: str | None = None, page: int = 1,
             per_page: int | None = PAGE_SIZE, now: datetime | None = None, search: str = "", sort: str = "",
             descending: bool = False) -> Worklist:
    """Cases in scope for one view of the worklist, one page of them (`per_page` None: all, for exports).

    Default order: newest change first (overdue and due soon: longest running first); `sort` (one of SORTS)
    orders by that instead. `search` matches a tracking code, NIP or name (BadSearch when the role may not
    search by them). A page past the last shows the last. "mine" is what waits for the account: cases in a state
    its role acts on (netra.cases.acting_states) that are not assigned to someone else.
    """
    now = now or datetime.now(timezone.utc)
    analytics.sync(db)  # the stored clocks reflect every committed change
    S = CaseStatsRow
    filters = [within(account, CaseRow.region_code), CaseRow.merged_into_id.is_(None)]
    if view == "gap":
        filters.append(CaseRow.status.in_(FOLLOW_UP_GAP))
    elif view == "mine":
        filters += [CaseRow.status.in_(sorted(acting_states(account.role.value))),
                    or_(CaseRow.assignee_id.is_(None), CaseRow.assignee_id == account.id)]
    if status in CASE_STATUSES and view != "gap":
        filters.append(CaseRow.status == status)
    if search.strip():
        filters.append(_search(account, search))
    with db.transaction() as session:
        rules = reference_data.deadlines_in(session)
        # The count reads cases alone unless the view filters on the stored clock: the joins only add columns.
        counted = select(func.count()).select_from(CaseRow)
        if view in ("overdue", "due_soon"):
            filters.append(case_clocks.overdue(now) if view == "overdue" else case_clocks.due_soon(now, rules))
            counted = counted.join(S, S.case_id == CaseRow.id)
        total = session.scalar(counted.where(*filters))
        query = (select(CaseRow, RegionRow.name, RegionRow.timezone,
                        func.coalesce(func.nullif(UserRow.full_name, ""), UserRow.username), S.clock, S.clock_zone,
                        S.clock_started_at, S.clock_extended)
                 .join(RegionRow, RegionRow.code == CaseRow.region_code).outerjoin(S, S.case_id == CaseRow.id)
                 .outerjoin(UserRow, UserRow.id == CaseRow.assignee_id).where(*filters))
        if sort in SORTS:
            query = query.order_by(*_order(sort, descending))
        elif view in ("overdue", "due_soon"):
            query = query.order_by(S.clock_started_at, CaseRow.id)
        else:
            query = query.order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
        page = max(1, page)
        if per_page:
            page = min(page, max(1, -(-total // per_page)))
            query = query.limit(per_page).offset((page - 1) * per_page)
        cases, clocks = [], {}
        for case_row, name, zone, assignee, clock, clock_zone, started, extended in session.execute(query):
            cases.append(_summary(account, case_row, name, case_row.updated_at, zone, assignee or ""))
            clocks[case_row.id] = case_clocks.status_of(clock, clock_zone, started, extended, now, rules)
    return Worklist(cases, clocks, total, page, per_page)


def case_ids(db: Database, account: Account, statuses: tuple[str, ...]) -> list[int]:
    """Live cases in scope in one of `statuses`, oldest first: for exports of whole sets."""
    with db.transaction() as session:
        return list(session.scalars(select(CaseRow.id).where(
            within(account, CaseRow.region_code), CaseRow.merged_into_id.is_(None), CaseRow.status.in_(statuses))
            .order_by(CaseRow.id)))


def bulk_identities(db: Database, account: Account, case_ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    """For exports: each case's NIP and reporter names as the role may see them in bulk (a confidential
    reporter never: an identity is revealed one report at a time, on the case page)."""
    names = case_view(account.role).reported_person
    with db.transaction() as session:
        nips = dict(session.execute(select(CaseRow.id, CaseRow.reported_nip).where(CaseRow.id.in_(case_ids))).all())
        reporters: dict[int, list[str]] = defaultdict(list)
        for case_id, name, confidential in session.execute(
                select(ReportRow.case_id, ReportRow.reporter_name, ReportRow.confidential)
                .where(ReportRow.case_id.in_(case_ids)).order_by(ReportRow.id)):
            visible = reporter_access(account.role, confidential, bulk=True) is Access.SHOWN
            reporters[case_id].append(shown(name, visible))
    return {i: (shown(nips.get(i, ""), names), reporters.get(i, [])) for i in case_ids}


def get_case(db: Database, account: Account, case_id: int, reveal_report_id: int | None = None) -> CaseDetail | None:
    """None when the case does not exist or is outside the account's scope: callers answer 404 either way. A
    confidential reporter's identity is in the view only for `reveal_report_id`, when the role may ask, and the
    reveal is audited."""
    view = case_view(account.role)
    with db.transaction() as session:
        found = session.execute(select(CaseRow, RegionRow.name, RegionRow.timezone)
                                .join(RegionRow, RegionRow.code == CaseRow.region_code)
                                .where(CaseRow.id == case_id, within(account, CaseRow.region_code))).first()
        if found is None:
            return None
        case, region_name, zone = found
        history = [HistoryView(h.action, h.from_status, h.to_status, h.actor_id, h.actor_role, h.at,
                               h.reason if view.internal_notes else "", h.public_reason,
                               visible_payload(account.role, h.payload or {}), list(h.documents or []))
                   for h in session.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id)
                                            .order_by(CaseEventRow.at, CaseEventRow.id))]
        reports = []
        for r in session.scalars(select(ReportRow).where(ReportRow.case_id == case_id).order_by(ReportRow.id)):
            access = reporter_access(account.role, r.confidential)
            revealed = access is Access.ON_REQUEST and r.id == reveal_report_id
            if revealed:
                audit_log.append(session, f"user:{account.id}", "view_identity", f"report:{r.tracking_code}",
                                 {"case_id": case_id})
            reports.append(ReportView(
                r.id, r.tracking_code, r.submitted_at, r.confidential, access is Access.ON_REQUEST and not revealed,
                _identity(r) if access is Access.SHOWN or revealed else None, r.description, r.event_place,
                list(r.links or []), reporting_of(session, r.region_code, r.election_id, r.known_date, r.submitted_at)))
        evidence = [evidence_view(account, e) for e in session.scalars(
            select(EvidenceRow).where(EvidenceRow.case_id == case_id).order_by(EvidenceRow.id))]
        ids = {h.actor_id for h in history if h.actor_id} | {
            int(e.added_by[5:]) for e in evidence if e.added_by.startswith("user:") and e.added_by[5:].isdigit()}
        names = dict(session.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(ids))).all()) if ids else {}
        evidence = [replace(e, added_by=_added_by(e.added_by, names)) for e in evidence]
        facts = case_facts(session, case)
        person = ReportedPerson(case.reported_nip, case.reported_name, case.reported_agency, case.reported_position,
                                case.reported_status)
        facts.update(reported_name=shown(facts["reported_name"], view.reported_person),
                     reported_nip=shown(facts["reported_nip"], view.reported_person))
        recommended = next((tuple(h.payload.get("rule_ids") or ()) for h in reversed(history)
                            if h.action == "recommend"), ())
        try:
            election = reference_data.calendar_in(session).election(case.election_id)
            election_name = election.name.id if election.name else case.election_id
        except LookupError:
            election_name = case.election_id
        since = history[-1].at if history else None
        return CaseDetail(_summary(account, case, region_name, since), shown(case.reported_nip, view.reported_person),
                          reports, evidence, history, facts=facts, missing=missing_facts(person),
                          recommended=recommended, zone=TimeZone(zone).value, election_name=election_name,
                          names=names)


def case_facts(session, row: CaseRow) -> dict:
    """The case's facts as they stand: the officers' values, or, where none was set yet, the first report's."""
    first = session.scalar(select(ReportRow).where(ReportRow.case_id == row.id).order_by(ReportRow.id).limit(1))
    facts = {f: getattr(row, f) for f in AMENDABLE_FIELDS}
    for f in ("known_date", "event_place", "description", "event_date"):
        if not facts[f] and first is not None:
            facts[f] = getattr(first, f)
    return facts


def _added_by(value: str, names: dict[int, str]) -> str:
    """Who added a file, as people read it: the officer's name, or 'Pelapor'."""
    if value.startswith("user:") and value[5:].isdigit():
        return names.get(int(value[5:]), "Petugas")
    return ROLE_NAMES.get(value, value)
