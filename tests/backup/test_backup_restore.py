"""Backup and restore keep every row and evidence file, across backends, and the audit chain still verifies."""

import shutil
import subprocess
import sys
import tarfile
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.config import Settings
from netra.intake.report import ReportDraft
from netra.services.accounts import create_account
from netra.services.intake import report_status, submit_report
from netra.storage import audit_log
from netra.storage.backup import BackupError, create_backup, restore_backup
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import Base

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"bukti-asli" * 64
NOW = datetime(2024, 10, 10, 3, 0, tzinfo=timezone.utc)


def fill(db, store):
    create_account(db, "bawaslu.jepara", "Demo", "kata-sandi-panjang", Role.BAWASLU, ["33.20"])
    receipts = []
    for i in range(3):
        draft = ReportDraft(description=f"Laporan uji nomor {i}: camat hadir di deklarasi paslon.", region_code="33.20",
                            election_id="pilkada2024", event_date=date(2024, 10, 8), reporter_name=f"Warga {i}")
        receipts.append(submit_report(db, store, draft, [(f"f{i}.jpg", JPEG + bytes([i]))], f"token-{i}-" + "x" * 20,
                                      "k", {"pilkada2024"}, now=NOW))
    return receipts


def dump(db):
    with db.transaction() as s:
        out = {}
        for t in Base.metadata.sorted_tables:
            rows = s.execute(select(t).order_by(*t.primary_key.columns)).mappings().all()
            out[t.name] = [{k: (v.replace(tzinfo=timezone.utc) if isinstance(v, datetime) and v.tzinfo is None
                                else v.astimezone(timezone.utc) if isinstance(v, datetime) else v)
                            for k, v in r.items()} for r in rows]
        return out


@pytest.fixture
def empty_target(request, tmp_path):
    """A fresh, migrated database of the other backend than the source where possible."""
    server = request.getfixturevalue("postgres_server")
    name = f"restore_{abs(hash(request.node.name)) % 10**8}"
    server.execute(f"DROP DATABASE IF EXISTS {name}")
    server.execute(f"CREATE DATABASE {name}")
    urls = {"postgresql": server.url(name), "sqlite": f"sqlite:///{tmp_path / 'restored.sqlite3'}"}
    return urls


@pytest.mark.parametrize("target_backend", ["sqlite", "postgresql"])
def test_round_trip_loses_nothing(db, tmp_path, empty_target, target_backend):
    store = EvidenceStore(tmp_path / "evidence")
    receipts = fill(db, store)
    backup = tmp_path / "netra.tar.gz"
    manifest = create_backup(db, store, backup)
    assert manifest["tables"]["reports"] == 3 and manifest["evidence_files"] == 3

    target = Database(empty_target[target_backend])
    target.migrate()
    restored_store = EvidenceStore(tmp_path / "restored-evidence")
    restore_backup(target, restored_store, backup)
    assert dump(target) == dump(db)
    with target.transaction() as s:
        assert audit_log.verify(s) == (3, [])
    for r in receipts:  # reporters can still use their codes, and evidence hashes match
        status = report_status(target, r.tracking_code, r.secret)
        assert status is not None and all(restored_store.verify(h) for _, h in status.evidence)
    with target.transaction() as s:  # new rows after restore get fresh ids and extend the chain
        audit_log.append(s, "system", "change", "case:1")
    create_account(target, "ppk.jepara", "", "kata-sandi-panjang", Role.PPK, ["33.20"])
    with target.transaction() as s:
        assert audit_log.verify(s)[1] == []
    target.dispose()


def test_restore_refuses_a_database_with_data(db, tmp_path):
    store = EvidenceStore(tmp_path / "evidence")
    fill(db, store)
    backup = tmp_path / "netra.tar.gz"
    create_backup(db, store, backup)
    with pytest.raises(BackupError, match="already holds data"):
        restore_backup(db, store, backup)


def test_damaged_or_foreign_files_are_refused(db, tmp_path):
    store = EvidenceStore(tmp_path / "evidence")
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file")
    with pytest.raises(BackupError, match="not a Netra backup"):
        restore_backup(db, store, junk)
    empty = tmp_path / "empty.tar.gz"
    with tarfile.open(empty, "w:gz"):
        pass
    with pytest.raises(BackupError, match="manifest"):
        restore_backup(db, store, empty)


@pytest.mark.long
def test_cli_backup_then_restore(tmp_path, database_url, postgres_server):
    source = Settings.from_env(data_dir=tmp_path / "src", database_url=database_url)
    db = Database(database_url, audit_key=source.audit_key())  # as the server writes it: keyed
    fill(db, EvidenceStore(tmp_path / "src" / "evidence"))
    db.dispose()
    backup = tmp_path / "b.tar.gz"
    run = lambda *a: subprocess.run([sys.executable, "-m", "netra.cli.main", *a], capture_output=True, text=True)  # noqa: E731
    made = run("--data-dir", str(tmp_path / "src"), "--database-url", database_url, "backup", str(backup))
    assert made.returncode == 0, made.stderr
    assert oct(backup.stat().st_mode & 0o777) == "0o600"  # it holds every reporter's identity (issue 14, finding 13)
    assert run("--data-dir", str(tmp_path / "src"), "--database-url", database_url, "backup", str(backup)).returncode == 1
    target_url = f"sqlite:///{tmp_path / 'dst.sqlite3'}"
    # Another installation has another audit key: it cannot vouch for this chain until it has the original key.
    foreign = run("--data-dir", str(tmp_path / "dst"), "--database-url", target_url, "restore", str(backup))
    assert foreign.returncode == 1 and "audit_key" in foreign.stderr and "Traceback" not in foreign.stderr
    shutil.copy(source.data_dir / "audit_key", tmp_path / "dst" / "audit_key")
    restored = run("--data-dir", str(tmp_path / "dst"), "--database-url", target_url, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "Audit trail intact: 3 entries verified." in restored.stdout
    again = run("--data-dir", str(tmp_path / "dst"), "--database-url", target_url, "restore", str(backup))
    assert again.returncode == 1 and "already holds data" in again.stderr and "Traceback" not in again.stderr
