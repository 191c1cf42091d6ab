"""The audit trail detects any edited or deleted entry, on both databases."""

import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from netra.storage import audit_log


def write_entries(db, n=5):
    with db.transaction() as s:
        for i in range(n):
            audit_log.append(s, f"user:{i}", "change", f"case:{i}", {"field": "status", "to": f"s{i}"})


def drop_guard(db):
    """What an attacker with database access would do first."""
    with db.transaction() as s:
        if db.engine.dialect.name == "postgresql":
            s.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        else:
            s.execute(text("DROP TRIGGER audit_log_no_update"))
            s.execute(text("DROP TRIGGER audit_log_no_delete"))


def problems(db):
    with db.transaction() as s:
        return audit_log.verify(s)


def test_intact_chain_verifies(db):
    write_entries(db)
    assert problems(db) == (5, [])


def test_database_refuses_updates_and_deletes(db):
    write_entries(db, 2)
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 2"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.transaction() as s:
                s.execute(text(statement))
    assert problems(db) == (2, [])


@pytest.mark.parametrize(
    "tamper,expected_seq",
    [
        ("UPDATE audit_log SET detail = '{\"field\": \"status\", \"to\": \"forged\"}' WHERE seq = 3", 3),
        ("UPDATE audit_log SET actor = 'user:99' WHERE seq = 1", 1),
        ("DELETE FROM audit_log WHERE seq = 2", 3),
        ("DELETE FROM audit_log WHERE seq = 5", 5),
    ],
    ids=["edit-detail", "edit-actor", "delete-middle", "delete-last"],
)
def test_tampering_is_detected(db, tamper, expected_seq):
    write_entries(db)
    drop_guard(db)
    with db.transaction() as s:
        s.execute(text(tamper))
    _, breaks = problems(db)
    assert breaks and expected_seq in {b.seq for b in breaks}


def test_cli_verify_exit_codes(db, tmp_path):
    write_entries(db, 3)
    cmd = [sys.executable, "-m", "netra.cli.main", "--data-dir", str(tmp_path), "--database-url",
           db.engine.url.render_as_string(hide_password=False), "audit", "verify"]
    ok = subprocess.run(cmd, capture_output=True, text=True)
    assert ok.returncode == 0 and "3 entries verified" in ok.stdout
    drop_guard(db)
    with db.transaction() as s:
        s.execute(text("UPDATE audit_log SET entity = 'case:999' WHERE seq = 2"))
    broken = subprocess.run(cmd, capture_output=True, text=True)
    assert broken.returncode == 1 and "entry 2" in broken.stderr and "BROKEN" in broken.stderr
