"""Importing the civil-servant register, idempotently, with the history of every changed field.

Two loading paths share one parser (netra.people.read_register) and one definition of a change (TRACKED):
PostgreSQL gets the valid rows through COPY into a temporary table and merges them with three set-based
statements (4.3 million rows in minutes, see bench/people); SQLite, the embedded default, takes batches. Either
way the whole import is one transaction: it is stored completely, with its audit entry, or not at all.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.people import CivilServant, RowError, read_register
from netra.people.register import TRACKED, Progress, RegisterFileError
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import CivilServantChangeRow, CivilServantRow, RegionRow, RegisterImportRow

IMPORTERS = (Role.ADMIN, Role.BKN)
ERRORS_KEPT = 1000  # errors returned and stored with the import; the count covers all of them
BATCH = 2000
PRESENT, REMOVED = "ada", "dihapus"  # the "register" pseudo-field of the history


class ImportRefused(ValueError):
    """The import was refused before anything was stored; the message is Indonesian."""


@dataclass
class ImportResult:
    import_id: int
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0


def import_register(db: Database, account: Account, path: Path, reason: str, *, filename: str | None = None,
                    progress: Progress | None = None, phase: Callable[[str], None] | None = None,
                    today: date | None = None, now: datetime | None = None) -> ImportResult:
    """Load an agency's export. Valid rows are added or update their entry (each changed field goes to the
    history); invalid rows are reported by line and change nothing; a refused file changes nothing at all."""
    if account.role not in IMPORTERS:
        raise ImportRefused("Hanya administrator atau BKN yang dapat mengimpor daftar pegawai.")
    if not reason.strip():
        raise ImportRefused("Alasan impor wajib diisi (misalnya sumber dan tanggal ekspor data).")
    started, now = time.perf_counter(), now or datetime.now(timezone.utc)
    digest = _sha256(path)
    with db.transaction() as session:
        regions = set(session.scalars(select(RegionRow.code)))
        record = RegisterImportRow(by_user=account.username, reason=reason.strip(),
                                   filename=(filename or path.name)[:200], sha256=digest, started_at=now, rows=0,
                                   added=0, updated=0, unchanged=0, errors=0, error_sample=[])
        session.add(record)
        session.flush()
        result = ImportResult(record.id)
        items = _counted(read_register(path, regions, today, progress), result)
        load = _load_postgres if session.get_bind().dialect.name == "postgresql" else _load_batches
        try:
            load(session, items, result, account.username, now, phase or (lambda _name: None))
        except RegisterFileError as exc:
            raise ImportRefused(str(exc)) from None
        result.unchanged = result.rows - result.error_count - result.added - result.updated
        result.seconds = round(time.perf_counter() - started, 1)
        record.rows, record.added, record.updated = result.rows, result.added, result.updated
        record.unchanged, record.errors = result.unchanged, result.error_count
        record.error_sample = [str(e) for e in result.errors[:200]]
        record.finished_at = datetime.now(timezone.utc)
        audit_log.append(session, f"user:{account.id}", "import", f"register_import:{record.id}", at=now, detail={
            "file": record.filename, "sha256": digest, "rows": result.rows, "added": result.added,
            "updated": result.updated, "errors": result.error_count})
    return result


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _counted(items, result: ImportResult):
    """Valid rows only; errors are counted (and the first ones kept) on the way."""
    for item in items:
        result.rows += 1
        if isinstance(item, RowError):
            result.error_count += 1
            if len(result.errors) < ERRORS_KEPT:
                result.errors.append(item)
        else:
            yield item


def _values(person: CivilServant) -> dict[str, str]:
    return {"nip": person.nip, "name_key": person.name_key, **person.fields()}


def _load_batches(session: Session, items, result: ImportResult, by: str, now: datetime, phase) -> None:
    batch: list[CivilServant] = []
    for person in items:
        batch.append(person)
        if len(batch) == BATCH:
            _merge_batch(session, batch, result, by, now)
            batch = []
    _merge_batch(session, batch, result, by, now)


def _merge_batch(session: Session, batch: list[CivilServant], result: ImportResult, by: str, now: datetime) -> None:
    if not batch:
        return
    existing = {r.nip: r for r in session.scalars(
        select(CivilServantRow).where(CivilServantRow.nip.in_([p.nip for p in batch])))}
    new = []
    for person in batch:
        row = existing.get(person.nip)
        if row is None:
            new.append({**_values(person), "created_import_id": result.import_id,
                        "updated_import_id": result.import_id})
            continue
        changes = [(f, str(getattr(row, f)), v) for f, v in person.fields().items() if str(getattr(row, f)) != v]
        if row.removed_at is not None:
            changes.append(("register", REMOVED, PRESENT))
        if not changes:
            continue
        session.add_all(CivilServantChangeRow(person_id=row.id, import_id=result.import_id, field=f, old_value=old,
                                              new_value=new_value, by_user=by, at=now) for f, old, new_value in changes)
        for key, value in _values(person).items():
            setattr(row, key, value)
        row.removed_at, row.updated_import_id = None, result.import_id
        result.updated += 1
    if new:
        session.execute(insert(CivilServantRow), new)
        result.added += len(new)
    session.flush()


_COLUMNS = ("nip", "name_key", *TRACKED)


def _load_postgres(session: Session, items, result: ImportResult, by: str, now: datetime, phase) -> None:
    """COPY into a temporary table, then three set-based statements: history, update, insert. The first import
    into an empty register (the national load) has nothing to compare with: it is copied straight in."""
    cursor = session.connection().connection.driver_connection.cursor()
    # One import at a time (this mode conflicts with itself, not with readers), so "empty" stays true.
    cursor.execute("LOCK TABLE civil_servants IN SHARE ROW EXCLUSIVE MODE")
    if session.scalar(select(CivilServantRow.id).limit(1)) is None:
        columns = f"{', '.join(_COLUMNS)}, created_import_id, updated_import_id"
        with cursor.copy(f"COPY civil_servants ({columns}) FROM STDIN") as copy:
            for p in items:
                copy.write_row((p.nip, p.name_key, p.name, p.position, p.agency, p.region_code, p.status.value,
                                p.rank, result.import_id, result.import_id))
                result.added += 1
        phase("merge")
        cursor.close()
        return
    cursor.execute("CREATE TEMPORARY TABLE register_staging (nip varchar(18), name_key varchar(200), "
                   "name varchar(200), position varchar(200), agency varchar(200), region_code varchar(13), "
                   "status varchar(4), rank varchar(60)) ON COMMIT DROP")
    with cursor.copy(f"COPY register_staging ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
        for p in items:
            copy.write_row((p.nip, p.name_key, p.name, p.position, p.agency, p.region_code, p.status.value, p.rank))
    phase("merge")
    cursor.execute("CREATE INDEX ON register_staging (nip)")
    cursor.execute("ANALYZE register_staging")
    params = {"imp": result.import_id, "by": by, "at": now, "present": PRESENT, "removed": REMOVED}
    pairs = ", ".join(f"('{f}', p.{f}, s.{f})" for f in TRACKED)
    session.execute(text(
        "INSERT INTO civil_servant_changes (person_id, import_id, field, old_value, new_value, by_user, at) "
        "SELECT p.id, :imp, f.field, f.old, f.new, :by, :at FROM register_staging s "
        "JOIN civil_servants p ON p.nip = s.nip CROSS JOIN LATERAL (VALUES " + pairs + ", ('register', "
        "CASE WHEN p.removed_at IS NULL THEN :present ELSE :removed END, :present)) AS f(field, old, new) "
        "WHERE f.old IS DISTINCT FROM f.new"), params)
    differs = " OR ".join(f"p.{f} IS DISTINCT FROM s.{f}" for f in TRACKED)
    result.updated = session.execute(text(
        "UPDATE civil_servants p SET " + ", ".join(f"{f} = s.{f}" for f in ("name_key", *TRACKED)) +
        ", removed_at = NULL, updated_import_id = :imp FROM register_staging s "
        f"WHERE p.nip = s.nip AND ({differs} OR p.removed_at IS NOT NULL)"), params).rowcount
    result.added = session.execute(text(
        f"INSERT INTO civil_servants ({', '.join(_COLUMNS)}, created_import_id, updated_import_id) "
        f"SELECT {', '.join('s.' + c for c in _COLUMNS)}, :imp, :imp FROM register_staging s "
        "WHERE NOT EXISTS (SELECT 1 FROM civil_servants p WHERE p.nip = s.nip)"), params).rowcount
    cursor.close()


def remove_person(db: Database, account: Account, nip: str, reason: str, now: datetime | None = None) -> None:
    """Take a person off the register (retired, dismissed, died). The entry and its cases stay."""
    if account.role not in IMPORTERS:
        raise ImportRefused("Hanya administrator atau BKN yang dapat mengubah daftar pegawai.")
    if not reason.strip():
        raise ImportRefused("Alasan penghapusan wajib diisi.")
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        row = session.scalar(select(CivilServantRow).where(CivilServantRow.nip == nip))
        if row is None:
            raise ImportRefused(f"NIP {nip} tidak ada dalam daftar pegawai.")
        if row.removed_at is not None:
            return
        row.removed_at = now
        session.add(CivilServantChangeRow(person_id=row.id, import_id=None, field="register", old_value=PRESENT,
                                          new_value=REMOVED, by_user=account.username, at=now))
        audit_log.append(session, f"user:{account.id}", "change", f"person:{row.id}", at=now,
                         detail={"removed": True, "reason": reason.strip()})


def find_by_nip(session: Session, nip: str) -> CivilServantRow | None:
    return session.scalar(select(CivilServantRow).where(CivilServantRow.nip == nip))

