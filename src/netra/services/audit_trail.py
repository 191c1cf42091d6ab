"""The audit trail for people (issue 16): entries filtered by who, what, case, region and period, a page at a time
or as CSV, cut to what the reader may see (netra.accounts.policy.audit_limit), and the chain check that
`netra audit verify` runs.

An entry's region is the region of what it names: a case (`case:<id>`) lies in the case's region, an account
(`account:<id>`) within the regions of that account. Entries naming neither (reference data, elections, tokens,
seals, reports before their case) are national.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import String, cast, exists, func, literal, not_, select

from netra.accounts.model import Account
from netra.accounts.policy import audit_limit
from netra.audit.chain import ChainBreak
from netra.formatting import moment
from netra.regions import TimeZone
from netra.services.csv_safety import safe_cell
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import AuditRow, CaseRow, UserRegionRow, UserRow

PER_PAGE = 50
MAX_EXPORT = 100_000  # rows in one CSV; a narrower filter gets the rest
ACTIONS = {
    "create": "membuat", "change": "mengubah", "transition": "langkah perkara", "view_identity": "melihat identitas",
    "download": "mengunduh", "export": "mengekspor", "seal": "menyegel rantai", "propose": "mengusulkan",
    "approve": "menyetujui", "reject": "menolak",
}
ZONE = TimeZone.WIB.zoneinfo  # the period's days are WIB days: one national calendar for the trail


@dataclass(frozen=True)
class Filters:
    who: str = ""  # a username, or an actor as stored (user:3, token:2, pelapor, system)
    action: str = ""
    case_id: int | None = None
    region: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    actor: str  # as stored
    who: str  # the username for user:<id>, else the stored actor
    action: str
    entity: str
    detail: dict


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    total: int
    page: int
    pages: int


def _cases_in(codes) -> object:
    return select(literal("case:") + cast(CaseRow.id, String)).where(within(codes, CaseRow.region_code))


def _accounts_in(codes) -> object:
    outside = select(UserRegionRow.id).where(UserRegionRow.user_id == UserRow.id,
                                             not_(within(codes, UserRegionRow.region_code)))
    some = select(UserRegionRow.id).where(UserRegionRow.user_id == UserRow.id)
    return select(literal("account:") + cast(UserRow.id, String)).where(exists(some), ~exists(outside))


def _in_regions(codes) -> object:
    return AuditRow.entity.in_(_cases_in(codes)) | AuditRow.entity.in_(_accounts_in(codes))


def _start(day: date) -> str:
    """The UTC instant a WIB day starts, spelled as `at` is stored (ISO text in UTC compares in time order)."""
    return datetime.combine(day, time.min, ZONE).astimezone(timezone.utc).isoformat(timespec="microseconds")


def _conditions(session, account: Account, f: Filters) -> list:
    limit = audit_limit(account)
    conditions = [] if limit is None else [_in_regions(limit)]
    if f.who:
        user = session.scalar(select(UserRow.id).where(UserRow.username == f.who.strip().lower()))
        conditions.append(AuditRow.actor == (f"user:{user}" if user is not None else f.who.strip()))
    if f.action:
        conditions.append(AuditRow.action == f.action)
    if f.case_id is not None:
        conditions.append(AuditRow.entity == f"case:{f.case_id}")
    if f.region:
        conditions.append(_in_regions((f.region,)))
    if f.since:
        conditions.append(AuditRow.at >= _start(f.since))
    if f.until:
        conditions.append(AuditRow.at < _start(f.until + timedelta(days=1)))
    return conditions


def _entries(session, rows) -> list[Entry]:
    ids = {int(r.actor.split(":")[1]) for r in rows if r.actor.startswith("user:")}
    names = dict(session.execute(select(UserRow.id, UserRow.username).where(UserRow.id.in_(ids))).all()) if ids else {}
    out = []
    for r in rows:
        who = names.get(int(r.actor.split(":")[1]), r.actor) if r.actor.startswith("user:") else r.actor
        out.append(Entry(r.seq, datetime.fromisoformat(r.at), r.actor, who, r.action, r.entity, r.detail or {}))
    return out


def listed(db: Database, account: Account, f: Filters, page: int = 1) -> Page:
    """Newest first, PER_PAGE at a time."""
    with db.transaction() as session:
        conditions = _conditions(session, account, f)
        total = session.scalar(select(func.count()).select_from(AuditRow).where(*conditions))
        pages = max(1, -(-total // PER_PAGE))
        page = min(max(1, page), pages)
        rows = session.scalars(select(AuditRow).where(*conditions).order_by(AuditRow.seq.desc())
                               .offset((page - 1) * PER_PAGE).limit(PER_PAGE)).all()
        return Page(_entries(session, rows), total, page, pages)


def export_csv(db: Database, account: Account, f: Filters) -> tuple[str, int]:
    """The filtered entries as CSV (every cell through csv_safety), oldest first, and how many; the export itself
    is audited."""
    with db.transaction() as session:
        conditions = _conditions(session, account, f)
        rows = session.scalars(select(AuditRow).where(*conditions).order_by(AuditRow.seq).limit(MAX_EXPORT)).all()
        entries = _entries(session, rows)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["urutan", "waktu", "pelaku", "tindakan", "objek", "alasan", "rincian"])
        for e in entries:
            detail = {k: v for k, v in e.detail.items() if k not in ("states", "reason")}  # digests mean nothing here
            reason = e.detail.get("reason", "")
            writer.writerow([safe_cell(v) for v in (e.seq, moment(e.at), e.who, ACTIONS.get(e.action, e.action),
                                                    e.entity, reason if isinstance(reason, str) else _json(reason),
                                                    _json(detail))])
        audit_log.append(session, account.actor, "export", "audit_log",
                         {"rows": len(entries), "filters": {k: str(v) for k, v in vars(f).items() if v}})
    return "\ufeff" + out.getvalue(), len(entries)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True)
class Check:
    checked: int
    breaks: list[ChainBreak]
    checkpoints: int
    path: Path


def verify(db: Database, key: bytes, checkpoint_file: Path) -> Check:
    """The check `netra audit verify` runs: every MAC, the head row, the seal, the signed checkpoints in
    `checkpoint_file`, and every case's rows against its newest digest."""
    lines = audit_log.read_checkpoints(checkpoint_file)
    with db.transaction() as session:
        checked, breaks = audit_log.verify(session, key, lines)
    return Check(checked, breaks, len(lines), checkpoint_file)


_PROBLEMS = [  # the check's findings, as an Indonesian reader gets them (the CLI keeps the English)
    (re.compile(r"entries (\d+)–(\d+) are missing"), "entri {0}–{1} hilang (dihapus)"),
    (re.compile(r"does not follow the previous entry"),
     "tidak menyambung ke entri sebelumnya (ada entri yang dihapus atau diubah)"),
    (re.compile(r"content does not match its MAC"),
     "isinya tidak cocok dengan MAC-nya (diubah, atau ditulis tanpa kunci instalasi ini)"),
    (re.compile(r"checkpoint line (\d+)"), "checkpoint baris {0} tidak cocok dengan rantai"),
    (re.compile(r"the first keyed entry is not the seal"), "entri berkunci pertama bukan segel entri lama"),
    (re.compile(r"a seal where none belongs"), "ada segel yang tidak semestinya (baris kepala diubah)"),
    (re.compile(r"the newest entries were deleted"), "entri terbaru dihapus (kepala tidak cocok dengan log)"),
    (re.compile(r"case (\d+) has no audit entry"),
     "perkara {0} tidak punya entri audit yang mencatat barisnya (ditulis di luar Netra)"),
    (re.compile(r"case (\d+): its rows"),
     "baris perkara {0} (perkara, laporan, riwayat atau bukti) berubah di luar jejak audit"),
]


def problem_id(problem: str) -> str:
    for pattern, text in _PROBLEMS:
        if found := pattern.search(problem):
            return text.format(*found.groups())
    return problem
