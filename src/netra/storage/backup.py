"""Logical backup and restore of the database and the evidence files together.

A backup is a tar.gz holding manifest.json, one JSON Lines file per table and every evidence file. Being
logical, it restores into either backend: SQLite to PostgreSQL and back.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Date, DateTime, func, insert, select, text

import netra
from netra.audit.chain import key_id
from netra.storage.database import Database
from netra.storage.db import resync_id_sequences
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditHeadRow, Base, EvidenceRow, NeutralityPledgeRow, SocialisationEventRow

FORMAT = 1
# Tables a freshly set-up database already fills (regions, and the agency register seeded with them): restore
# replaces them rather than refusing.
PREFILLED = {"regions", "agencies", "audit_head", "alembic_version"}


class BackupError(Exception):
    """One sentence for the operator."""


def _encode(value):
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)  # SQLite drops the zone; Netra writes UTC only
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _tables():
    return [t for t in Base.metadata.sorted_tables]


def _revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def create_backup(db: Database, store: EvidenceStore, target: Path) -> dict:
    counts: dict[str, int] = {}
    # The backup holds every reporter's identity: readable by its owner only (0600), whatever the umask.
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    private = os.fdopen(fd, "wb")
    with private, tarfile.open(fileobj=private, mode="w:gz") as tar, db.transaction() as session:
        for table in _tables():
            buffer = io.BytesIO()
            n = 0
            for row in session.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                buffer.write(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False).encode() + b"\n")
                n += 1
            counts[table.name] = n
            _add(tar, f"tables/{table.name}.jsonl", buffer.getvalue())
        # every stored file a row cites: report evidence, socialisation material, signed pledges
        cited = (EvidenceRow.sha256, SocialisationEventRow.material_sha256, NeutralityPledgeRow.document_sha256)
        digests = sorted({d for column in cited for d in session.scalars(select(column)) if d})
        for digest in digests:
            path = store.path_for(digest)
            if not path.exists():
                raise BackupError(f"Evidence file {digest} is cited by the database but missing from {store.root}.")
            tar.add(path, arcname=f"evidence/{digest}")
        manifest = {
            "format": FORMAT, "netra_version": netra.__version__, "schema_revision": _revision(db),
            "backend": db.engine.dialect.name, "created_at": datetime.now(timezone.utc).isoformat(),
            "tables": counts, "evidence_files": len(digests),
            "audit_key_id": key_id(db.audit_key) if db.audit_key else None,
        }
        _add(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
    return manifest


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _decode(table, row: dict) -> dict:
    out = {}
    for key, value in row.items():
        column = table.columns[key]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[key] = value
    return out


def restore_backup(db: Database, store: EvidenceStore, source: Path) -> dict:
    """Restore into a migrated database that holds no cases, accounts or audit entries yet. All or nothing."""
    try:
        tar = tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{source} is not a Netra backup (not a readable tar.gz).") from exc
    with tar:
        try:
            manifest = json.loads(tar.extractfile("manifest.json").read())
        except (KeyError, ValueError, AttributeError) as exc:
            raise BackupError(f"{source} has no valid manifest.json; it is not a Netra backup.") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Backup format {manifest.get('format')} is not supported (expected {FORMAT}).")
        made_under = manifest.get("audit_key_id")
        if made_under and db.audit_key and key_id(db.audit_key) != made_under:
            raise BackupError(
                f"This backup's audit trail is signed with another installation's audit key (id {made_under}); copy "
                "that installation's audit_key file into this data folder (mode 0600) and restore again."
            )
        if manifest.get("schema_revision") != _revision(db):
            raise BackupError(
                f"The backup has schema {manifest.get('schema_revision')} but the database has {_revision(db)}; "
                "restore with the Netra version that made it, or migrate the database to match first."
            )
        # Evidence first: files are content-addressed, so writing them early can never corrupt anything.
        for member in tar.getmembers():
            if member.name.startswith("evidence/"):
                digest = member.name.removeprefix("evidence/")
                content = tar.extractfile(member).read()
                if hashlib.sha256(content).hexdigest() != digest:
                    raise BackupError(f"Evidence file {digest} in the backup is damaged (hash mismatch).")
                store.put(content)
        with db.transaction() as session:
            for table in _tables():
                if table.name not in PREFILLED and session.scalar(select(func.count()).select_from(table)):
                    raise BackupError(f"The target database already holds data in '{table.name}'; "
                                      "restore into an empty database.")
            for table in reversed(_tables()):
                if table.name in PREFILLED and table.name != "audit_head":
                    session.execute(table.delete())
            for table in _tables():
                rows = [_decode(table, json.loads(line)) for line in tar.extractfile(f"tables/{table.name}.jsonl")]
                if table.name == "audit_head":
                    for row in rows:
                        session.execute(AuditHeadRow.__table__.update().where(AuditHeadRow.id == row["id"])
                                        .values(seq=row["seq"], hash=row["hash"], keyed_from=row["keyed_from"]))
                elif rows:
                    session.execute(insert(table), rows)
            resync_id_sequences(session, _tables())
    return manifest
