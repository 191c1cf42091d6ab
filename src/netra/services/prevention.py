"""Prevention records: the agency register, socialisation events and neutrality pledges (with their PDF
documents), imports and exports, and the coverage figures the dashboard and the public page show.

Every read and write goes through the account's regions (``RegionRepository.within``: a province covers its
regencies and cities); the public coverage has no account and shows agencies, which are public bodies, and case
counts only where they are large. Every change is audited with who and what.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.elections import Election
from netra.intake.evidence import EvidenceRejected, check_evidence
from netra.prevention import AUDIENCE_GROUPS, COLUMNS, KINDS, ImportProblem, parse_rows, read_table, seed_agencies
from netra.prevention.imports import ImportError_
from netra.regions import Region, load_reference_regions
from netra.services import reference_data
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.repositories import RegionRepository
from netra.storage.tables import AgencyRow, CaseRow, NeutralityPledgeRow, SocialisationEventRow

RECORDERS = frozenset({Role.ADMIN, Role.BAWASLU, Role.BKN, Role.PPK})  # viewers read only
MANY_CASES = 10  # a region with at least this many cases in an election and no socialisation is flagged
AGENCY_CHOICES = 50  # the most an agency chooser lists at once: a national account sees thousands


class PreventionError(ValueError):
    """A change refused; ``message`` is Indonesian, ``problems`` the line-numbered ones of an import."""

    def __init__(self, message: str, problems: list[ImportProblem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class PreventionForbidden(PreventionError):
    """The account's role may not make this change."""


# --------------------------------------------------------------------------------------------- the register


def ensure_agencies(session: Session, regions: list[Region] | None = None) -> int:
    """Seed each region's government and standard offices where missing (idempotent); returns how many added."""
    regions = regions if regions is not None else load_reference_regions()
    existing = set(session.execute(select(AgencyRow.region_code, AgencyRow.name)))
    rows = [dict(region_code=r.code, name=name, kind=kind, active=True, source="seed")
            for r in regions for name, kind in seed_agencies(r) if (r.code, name) not in existing]
    for i in range(0, len(rows), 1000):
        session.execute(insert(AgencyRow), rows[i:i + 1000])
    return len(rows)


def visible_regions(session: Session, account: Account) -> dict[str, Region]:
    return {r.code: r for r in RegionRepository(session).within(account.scope)}


def _require_recorder(account: Account) -> None:
    if account.role not in RECORDERS:
        raise PreventionForbidden("Akun pemantau hanya dapat melihat data pencegahan.")


def _require_admin(account: Account) -> None:
    if account.role is not Role.ADMIN:
        raise PreventionForbidden("Hanya administrator yang mengubah daftar instansi.")


@dataclass(frozen=True)
class Agency:
    id: int
    region_code: str
    region_name: str
    name: str
    kind: str
    active: bool


def agencies(db: Database, account: Account, region_code: str | None = None, active_only: bool = False) -> list[Agency]:
    with db.transaction() as session:
        regions = visible_regions(session, account)
        codes = [region_code] if region_code in regions else list(regions)
        query = select(AgencyRow).where(AgencyRow.region_code.in_(codes)).order_by(AgencyRow.region_code,
                                                                                  AgencyRow.kind.desc(), AgencyRow.name)
        if active_only:
            query = query.where(AgencyRow.active.is_(True))
        return [Agency(a.id, a.region_code, regions[a.region_code].name, a.name, a.kind, a.active)
                for a in session.scalars(query)]


def find_agencies(db: Database, account: Account, query: str = "", region_code: str | None = None, *,
                  keep: int | None = None, limit: int = AGENCY_CHOICES) -> tuple[list[Agency], int]:
    """Active agencies of the account's regions (or of `region_code`) whose name or region name holds every word of
    `query`, at most `limit` in register order, and how many matched in all. When nothing narrows a longer list
    (a national account, no words, no region) none is listed: the chooser asks to search. `keep`: an agency id
    already chosen (a form shown again), listed first when the account may see it."""
    words = query.lower().split()[:6]
    with db.transaction() as session:
        regions = visible_regions(session, account)
        codes = [region_code] if region_code in regions else list(regions)
        stmt = select(AgencyRow).where(AgencyRow.region_code.in_(codes), AgencyRow.active.is_(True))
        for word in words:  # "pendidikan jepara": the office's name or its region's, word by word
            in_region = [c for c in codes if word in regions[c].name.lower()]
            stmt = stmt.where(or_(func.lower(AgencyRow.name).contains(word, autoescape=True),
                                  AgencyRow.region_code.in_(in_region)))
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        narrowed = words or region_code in regions or total <= limit
        rows = list(session.scalars(stmt.order_by(AgencyRow.region_code, AgencyRow.kind.desc(), AgencyRow.name)
                                    .limit(limit))) if narrowed else []
        chosen = session.get(AgencyRow, keep) if keep else None
        if chosen is not None and chosen.region_code in regions and chosen not in rows:
            rows.insert(0, chosen)
        return [Agency(a.id, a.region_code, regions[a.region_code].name, a.name, a.kind, a.active) for a in rows], total


def add_agency(db: Database, account: Account, region_code: str, name: str, kind: str) -> int:
    _require_admin(account)
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise PreventionError("Nama instansi wajib diisi (paling banyak 200 karakter).")
    if kind not in KINDS:
        raise PreventionError("Jenis instansi tidak dikenal.")
    with db.transaction() as session:
        if region_code not in visible_regions(session, account):
            raise PreventionError("Wilayah itu di luar wilayah akun Anda.")
        if session.scalar(select(AgencyRow.id).where(AgencyRow.region_code == region_code,
                                                    func.lower(AgencyRow.name) == name.lower())):
            raise PreventionError(f"Instansi '{name}' sudah terdaftar di wilayah itu.")
        row = AgencyRow(region_code=region_code, name=name, kind=kind, active=True, source="admin")
        session.add(row)
        session.flush()
        audit_log.append(session, f"user:{account.id}", "create", f"agency:{row.id}",
                         {"region": region_code, "name": name, "kind": kind})
        return row.id


def update_agency(db: Database, account: Account, agency_id: int, name: str, active: bool) -> None:
    _require_admin(account)
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise PreventionError("Nama instansi wajib diisi (paling banyak 200 karakter).")
    with db.transaction() as session:
        row = session.get(AgencyRow, agency_id)
        if row is None or row.region_code not in visible_regions(session, account):
            raise PreventionError("Instansi tidak ditemukan di wilayah Anda.")
        clash = session.scalar(select(AgencyRow.id).where(AgencyRow.region_code == row.region_code,
                                                         func.lower(AgencyRow.name) == name.lower(),
                                                         AgencyRow.id != agency_id))
        if clash:
            raise PreventionError(f"Instansi '{name}' sudah terdaftar di wilayah itu.")
        before = {"name": row.name, "active": row.active}
        row.name, row.active = name, active
        audit_log.append(session, f"user:{account.id}", "change", f"agency:{agency_id}",
                         {"before": before, "after": {"name": name, "active": active}})


# --------------------------------------------------------------------------------------------- events and pledges


def _document(store: EvidenceStore, upload: tuple[str, bytes] | None) -> tuple[str | None, str | None]:
    """A PDF recognised by its content (the same check as report evidence), stored by SHA-256."""
    if upload is None or not upload[1]:
        return None, None
    try:
        checked = check_evidence(upload[0], upload[1])
    except EvidenceRejected as exc:
        raise PreventionError(str(exc)) from None
    if checked.kind.media_type != "application/pdf":
        raise PreventionError(f"Berkas '{checked.filename}' bukan dokumen PDF.")
    return store.put(upload[1]), checked.filename


def _check_common(session: Session, account: Account, agency_id: int, election_id: str, day: date) -> AgencyRow:
    agency = session.get(AgencyRow, agency_id)
    if agency is None or agency.region_code not in visible_regions(session, account):
        raise PreventionError("Instansi tidak ditemukan di wilayah Anda.")
    if not agency.active:
        raise PreventionError(f"Instansi '{agency.name}' sudah tidak aktif.")
    if election_id not in reference_data.elections_in(session):
        raise PreventionError("Pemilihan tidak dikenal.")
    if day > date.today():
        raise PreventionError("Tanggal tidak boleh di masa depan.")
    return agency


def add_event(db: Database, store: EvidenceStore, account: Account, *, agency_id: int, election_id: str,
              held_on: date, place: str, topic: str, audience: dict[str, int],
              material: tuple[str, bytes] | None = None) -> int:
    _require_recorder(account)
    place, topic = " ".join(place.split()), " ".join(topic.split())
    if not place or len(place) > 200 or not topic or len(topic) > 300:
        raise PreventionError("Tempat (paling banyak 200 karakter) dan topik (300) wajib diisi.")
    audience = {g: int(audience.get(g) or 0) for g in AUDIENCE_GROUPS}
    if any(v < 0 for v in audience.values()) or not sum(audience.values()):
        raise PreventionError("Isi jumlah peserta (bilangan tidak negatif) paling sedikit untuk satu kelompok.")
    with db.transaction() as session:
        agency = _check_common(session, account, agency_id, election_id, held_on)
        sha, name = _document(store, material)  # stored (fsynced) before the row that cites it
        row = SocialisationEventRow(agency_id=agency.id, region_code=agency.region_code, election_id=election_id,
                                    held_on=held_on, place=place, topic=topic, audience=audience,
                                    material_sha256=sha, material_name=name, created_by=account.username)
        session.add(row)
        session.flush()
        audit_log.append(session, f"user:{account.id}", "create", f"socialisation:{row.id}",
                         {"agency": agency.id, "election": election_id, "held_on": held_on.isoformat(),
                          "people": sum(audience.values()), "material": sha})
        return row.id


def add_pledge(db: Database, store: EvidenceStore, account: Account, *, agency_id: int, election_id: str,
               signed_on: date, signed: int, total: int, document: tuple[str, bytes] | None = None) -> int:
    _require_recorder(account)
    if total <= 0 or signed < 0 or signed > total:
        raise PreventionError("Jumlah penanda tangan harus antara 0 dan jumlah pegawai, dan jumlah pegawai lebih dari 0.")
    with db.transaction() as session:
        agency = _check_common(session, account, agency_id, election_id, signed_on)
        sha, name = _document(store, document)
        row = NeutralityPledgeRow(agency_id=agency.id, region_code=agency.region_code, election_id=election_id,
                                  signed_on=signed_on, signed=signed, total=total, document_sha256=sha,
                                  document_name=name, created_by=account.username)
        session.add(row)
        session.flush()
        audit_log.append(session, f"user:{account.id}", "create", f"pledge:{row.id}",
                         {"agency": agency.id, "election": election_id, "signed_on": signed_on.isoformat(),
                          "signed": signed, "total": total, "document": sha})
        return row.id


def document(db: Database, store: EvidenceStore, account: Account, kind: str, record_id: int) -> tuple[str, bytes]:
    """An event's material or a pledge's signed document, for an account that may see the region (audited)."""
    table, sha_col, name_col = ((SocialisationEventRow, "material_sha256", "material_name") if kind == "acara" else
                                (NeutralityPledgeRow, "document_sha256", "document_name"))
    with db.transaction() as session:
        row = session.get(table, record_id)
        if row is None or row.region_code not in visible_regions(session, account) or not getattr(row, sha_col):
            raise PreventionError("Dokumen tidak ditemukan.")
        audit_log.append(session, f"user:{account.id}", "download", f"{kind}:{record_id}", {})
        return getattr(row, name_col) or "dokumen.pdf", store.read(getattr(row, sha_col))


# --------------------------------------------------------------------------------------------- import and export


def import_file(db: Database, account: Account, kind: str, filename: str, content: bytes) -> int:
    """All rows or none: every problem is reported with its line, and nothing is stored while any remains."""
    if kind == "instansi":
        _require_admin(account)
    else:
        _require_recorder(account)
    try:
        records, problems = parse_rows(kind, read_table(filename, content))
    except ImportError_ as exc:
        raise PreventionError(str(exc)) from None
    with db.transaction() as session:
        regions = visible_regions(session, account)
        known = {(a.region_code, a.name.lower()): a for a in session.scalars(
            select(AgencyRow).where(AgencyRow.region_code.in_(list(regions))))}
        elections = reference_data.elections_in(session)
        for r in records:
            if r.region_code not in regions:
                problems.append(ImportProblem(r.line, f"wilayah {r.region_code} tidak dikenal atau di luar wilayah Anda."))
            elif kind == "instansi":
                if (r.region_code, r.name.lower()) in known:
                    problems.append(ImportProblem(r.line, f"instansi '{r.name}' sudah terdaftar."))
                known[(r.region_code, r.name.lower())] = None
            else:
                agency = known.get((r.region_code, r.agency.lower()))
                if agency is None or not agency.active:
                    problems.append(ImportProblem(r.line, f"instansi '{r.agency}' tidak terdaftar (aktif) di "
                                                          f"{regions[r.region_code].name}."))
                if r.election_id not in elections:
                    problems.append(ImportProblem(r.line, f"pemilihan '{r.election_id}' tidak dikenal."))
                day = r.held_on if kind == "acara" else r.signed_on
                if day > date.today():
                    problems.append(ImportProblem(r.line, "tanggal tidak boleh di masa depan."))
        if problems:
            raise PreventionError("Berkas tidak diimpor; tidak ada data yang disimpan.",
                                  sorted(problems, key=lambda p: p.line))
        if not records:
            raise PreventionError("Berkas tidak berisi baris data.")
        for r in records:
            if kind == "instansi":
                session.add(AgencyRow(region_code=r.region_code, name=r.name, kind=r.kind, active=True, source="import"))
            elif kind == "acara":
                a = known[(r.region_code, r.agency.lower())]
                session.add(SocialisationEventRow(agency_id=a.id, region_code=a.region_code, election_id=r.election_id,
                                                  held_on=r.held_on, place=r.place, topic=r.topic, audience=r.audience,
                                                  created_by=account.username))
            else:
                a = known[(r.region_code, r.agency.lower())]
                session.add(NeutralityPledgeRow(agency_id=a.id, region_code=a.region_code, election_id=r.election_id,
                                                signed_on=r.signed_on, signed=r.signed, total=r.total,
                                                created_by=account.username))
        audit_log.append(session, f"user:{account.id}", "import", f"prevention:{kind}",
                         {"file": filename[:200], "rows": len(records)})
        return len(records)


def export_rows(db: Database, account: Account, kind: str) -> tuple[tuple[str, ...], list[list]]:
    """The records in the account's regions, in the import's own columns (an export imports back)."""
    with db.transaction() as session:
        regions = visible_regions(session, account)
        names = {a.id: a.name for a in session.scalars(select(AgencyRow).where(AgencyRow.region_code.in_(list(regions))))}
        if kind == "instansi":
            rows = [[a.region_code, a.name, {"government": "pemerintah", "office": "kantor", "district": "kecamatan"}[a.kind]]
                    for a in session.scalars(select(AgencyRow).where(AgencyRow.region_code.in_(list(regions)),
                                                                     AgencyRow.active.is_(True))
                                             .order_by(AgencyRow.region_code, AgencyRow.name))]
        elif kind == "acara":
            rows = [[e.region_code, names[e.agency_id], e.election_id, e.held_on.isoformat(), e.place, e.topic,
                     *(int((e.audience or {}).get(g, 0)) for g in AUDIENCE_GROUPS)]
                    for e in session.scalars(select(SocialisationEventRow).where(
                        SocialisationEventRow.region_code.in_(list(regions))).order_by(SocialisationEventRow.held_on))]
        else:
            rows = [[p.region_code, names[p.agency_id], p.election_id, p.signed_on.isoformat(), p.signed, p.total]
                    for p in session.scalars(select(NeutralityPledgeRow).where(
                        NeutralityPledgeRow.region_code.in_(list(regions))).order_by(NeutralityPledgeRow.signed_on))]
        audit_log.append(session, f"user:{account.id}", "export", f"prevention:{kind}", {"rows": len(rows)})
    return COLUMNS[kind], rows


def export_file(db: Database, account: Account, kind: str, fmt: str) -> bytes:
    header, rows = export_rows(db, account, kind)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------- coverage


@dataclass
class RegionCoverage:
    code: str
    name: str
    agencies: int = 0
    pledged: int = 0  # agencies with a pledge in the election
    signed: int = 0
    staff: int = 0
    events: int = 0
    people: int = 0
    cases: int = 0
    by_stage: dict[str, int] = field(default_factory=dict)

    @property
    def share(self) -> float | None:
        return self.pledged / self.agencies if self.agencies else None


@dataclass
class AgencyCoverage:
    id: int
    name: str
    kind: str
    pledge: tuple[date, int, int] | None  # latest: day, signed, total
    events: int
    last_event: date | None


@dataclass
class Coverage:
    election: Election
    stages: list[tuple[str, str, str]]  # (stage id, Indonesian name, English name) in calendar order
    regions: list[RegionCoverage]
    total: RegionCoverage
    flagged: list[RegionCoverage]  # many cases, no socialisation
    agencies: list[AgencyCoverage] | None = None  # for one region, when asked
    region: str | None = None


def coverage(db: Database, election_id: str | None, account: Account | None = None,
             region: str | None = None) -> Coverage:
    """Coverage for an election: per region, the share of active agencies with a pledge, events per election
    stage, people reached and the cases recorded; regions with many cases and no socialisation; per agency when
    `region` is given. `account` None is the public, national view."""
    elections = reference_data.elections(db)
    election = elections.get(election_id or "") or _default_election(elections)
    with db.transaction() as session:
        if account is None:
            regions = {r.code: r for r in RegionRepository(session).all() if r.parent_code is not None}
        else:
            regions = {c: r for c, r in visible_regions(session, account).items() if r.parent_code is not None}
        codes = list(regions)
        rows = {c: RegionCoverage(c, r.name) for c, r in regions.items()}
        for code, n in session.execute(select(AgencyRow.region_code, func.count()).where(
                AgencyRow.region_code.in_(codes), AgencyRow.active.is_(True)).group_by(AgencyRow.region_code)):
            rows[code].agencies = n
        pledges = session.execute(select(NeutralityPledgeRow).where(
            NeutralityPledgeRow.region_code.in_(codes), NeutralityPledgeRow.election_id == election.id)
            .order_by(NeutralityPledgeRow.signed_on)).scalars().all()
        pledged: dict[str, set[int]] = defaultdict(set)
        latest: dict[int, tuple[date, int, int]] = {}
        for p in pledges:
            pledged[p.region_code].add(p.agency_id)
            latest[p.agency_id] = (p.signed_on, p.signed, p.total)
        for code, ids in pledged.items():
            rows[code].pledged = len(ids)
        for p in pledges:
            if latest[p.agency_id][0] == p.signed_on:
                rows[p.region_code].signed += p.signed
                rows[p.region_code].staff += p.total
        events = session.execute(select(SocialisationEventRow).where(
            SocialisationEventRow.region_code.in_(codes), SocialisationEventRow.election_id == election.id)).scalars().all()
        per_agency: dict[int, list[date]] = defaultdict(list)
        seen = {s.id: s for s in election.stages}
        for e in events:
            row = rows[e.region_code]
            row.events += 1
            row.people += sum(int(v) for v in (e.audience or {}).values())
            stage = election.stage_on(e.held_on)  # off-schedule days ("before the schedule") are stages too
            seen.setdefault(stage.id, stage)
            row.by_stage[stage.id] = row.by_stage.get(stage.id, 0) + 1
            per_agency[e.agency_id].append(e.held_on)
        for code, n in session.execute(select(CaseRow.region_code, func.count()).where(
                CaseRow.region_code.in_(codes), CaseRow.election_id == election.id, CaseRow.merged_into_id.is_(None))
                .group_by(CaseRow.region_code)):
            rows[code].cases = n
        agencies = None
        if region in rows:
            agencies = [AgencyCoverage(a.id, a.name, a.kind, latest.get(a.id), len(per_agency.get(a.id, [])),
                                       max(per_agency[a.id]) if per_agency.get(a.id) else None)
                        for a in session.scalars(select(AgencyRow).where(AgencyRow.region_code == region,
                                                                         AgencyRow.active.is_(True))
                                                 .order_by(AgencyRow.kind.desc(), AgencyRow.name))]
    active = [r for r in rows.values() if r.events or r.pledged or r.cases]
    total = RegionCoverage("", "")
    for r in rows.values():
        for name in ("agencies", "pledged", "signed", "staff", "events", "people", "cases"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        for k, v in r.by_stage.items():
            total.by_stage[k] = total.by_stage.get(k, 0) + v
    flagged = sorted((r for r in rows.values() if r.cases >= MANY_CASES and not r.events), key=lambda r: -r.cases)
    stages = [(s.id, s.name.id, s.name.en) for s in sorted(seen.values(), key=lambda s: (s.start, s.end))]
    return Coverage(election, stages, sorted(active, key=lambda r: r.code), total, flagged, agencies,
                    region if region in rows else None)


def _default_election(elections) -> Election:
    """The election running today, else the one that ended last (coverage looks at the latest effort)."""
    today = datetime.now(timezone.utc).date()
    running = [e for e in elections if e.is_running(today)]
    if running:
        return running[0]
    return max(elections, key=lambda e: e.last_day if e.last_day <= today else date.min)
