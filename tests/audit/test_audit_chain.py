"""The audit trail detects any edited or deleted entry, on both databases; keyed, checkpointed and covering the
case rows, it also detects re-hashing, truncation and changes made beside it (issue 14, finding 6)."""

import json
from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from netra.audit.chain import AuditEntry, entry_hash
from netra.config import Settings
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from tests.support.cli import netra


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


def test_cli_verify_exit_codes(database_url, tmp_path):
    settings = Settings.from_env(data_dir=tmp_path, database_url=database_url)
    db = Database(database_url, audit_key=settings.audit_key())  # the key the CLI reads from the data directory
    write_entries(db, 3)
    base = ["--data-dir", str(tmp_path), "--database-url", db.engine.url.render_as_string(hide_password=False), "audit"]
    assert netra(*base, "checkpoint").returncode == 0
    shipped = tmp_path / "shipped.jsonl"
    shipped.write_bytes(settings.checkpoint_file.read_bytes())  # the copy an operator keeps elsewhere
    ok = netra(*base, "verify")
    assert ok.returncode == 0 and "3 entries verified, 1 checkpoint(s)" in ok.stdout, ok.stderr
    drop_guard(db)
    with db.transaction() as s:
        s.execute(text("UPDATE audit_log SET entity = 'case:999' WHERE seq = 2"))
    broken = netra(*base, "verify", "--checkpoints", str(shipped))
    assert broken.returncode == 1 and "entry 2" in broken.stderr and "BROKEN" in broken.stderr
    db.dispose()


# --------------------------------------------------------------------------------- keyed chain (issue 14, finding 6)
KEY = b"kunci-audit-uji-" * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"a" * 100


@pytest.fixture
def keyed(database_url):
    database = Database(database_url, audit_key=KEY)
    yield database
    database.dispose()


def file_report(db, tmp_path, n=1):
    draft = ReportDraft(description="Camat memasang spanduk dukungan paslon nomor urut 1 di kantor kecamatan.",
                        region_code="33.20", election_id="pilkada2024", reported_name="Camat Fiktif",
                        reporter_name=f"Pelapor {n}", event_date=date(2024, 10, 1))
    return submit_report(db, EvidenceStore(tmp_path / "evidence"), draft, [("f.jpg", JPEG + bytes([n]))],
                         f"token-audit-{n}-" + "x" * 16, "k", {"pilkada2024"})


def keyed_problems(db, checkpoints=None):
    with db.transaction() as s:
        return audit_log.verify(s, KEY, checkpoints)[1]


def checkpoint(db, path):
    with db.transaction() as s:
        return audit_log.write_checkpoint(s, KEY, path)


def test_keyed_chain_verifies_and_rehashing_with_the_published_algorithm_is_detected(keyed):
    """Finding 6: editing an entry and re-hashing the chain with the published algorithm verified as intact."""
    write_entries(keyed, 4)
    assert keyed_problems(keyed) == []
    drop_guard(keyed)
    with keyed.transaction() as s:
        rows = s.execute(text("SELECT seq, at, actor, action, entity, detail, prev_hash FROM audit_log ORDER BY seq")).all()
        previous = "0" * 64
        for seq, at, actor, action, entity, detail, _ in rows:
            detail = json.loads(detail) if isinstance(detail, str) else detail
            if seq == 2:
                actor, detail = "user:99", {"field": "status", "to": "forged"}
            digest = entry_hash(AuditEntry(seq, datetime.fromisoformat(at), actor, action, entity, detail, previous))
            s.execute(text("UPDATE audit_log SET actor = :a, detail = :d, prev_hash = :p, hash = :h WHERE seq = :s"),
                      {"a": actor, "d": json.dumps(detail), "p": previous, "h": digest, "s": seq})
            previous = digest
        s.execute(text("UPDATE audit_head SET hash = :h"), {"h": previous})
    unkeyed = Database(keyed.engine.url.render_as_string(hide_password=False))
    with unkeyed.transaction() as s:
        assert audit_log.verify(s)[1] == []  # the unkeyed check is fooled, as the probe found ...
    unkeyed.dispose()
    broken = keyed_problems(keyed)
    assert {b.seq for b in broken} >= {1, 2, 3, 4} and "MAC" in broken[0].problem  # ... the keyed one is not


def test_deleting_the_newest_entries_and_rewinding_the_head_is_caught_by_a_checkpoint(keyed, tmp_path):
    """Finding 6: deleting the newest entries and updating the head row verified as intact."""
    path = tmp_path / "audit-checkpoints.jsonl"
    write_entries(keyed, 5)
    assert checkpoint(keyed, path).seq == 5 and checkpoint(keyed, path) is None  # nothing new: no second line
    assert keyed_problems(keyed, audit_log.read_checkpoints(path)) == []
    drop_guard(keyed)
    with keyed.transaction() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq > 3"))
        kept = s.execute(text("SELECT hash FROM audit_log WHERE seq = 3")).scalar()
        s.execute(text("UPDATE audit_head SET seq = 3, hash = :h"), {"h": kept})
    assert keyed_problems(keyed) == []  # without the checkpoint a clean cut cannot be seen ...
    broken = keyed_problems(keyed, audit_log.read_checkpoints(path))
    assert any("newest entries were deleted" in b.problem for b in broken)  # ... with it, it is


def test_a_forged_or_foreign_checkpoint_is_refused(keyed, tmp_path):
    path = tmp_path / "audit-checkpoints.jsonl"
    write_entries(keyed, 2)
    checkpoint(keyed, path)
    line = json.loads(path.read_text())
    path.write_text(json.dumps({**line, "seq": 1}) + "\n")
    assert any("not signed" in b.problem for b in keyed_problems(keyed, audit_log.read_checkpoints(path)))
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("tamper, what", [
    ("UPDATE cases SET reported_name = 'Orang Lain'", "case row edited"),
    ("UPDATE reports SET reporter_name = 'Orang Lain'", "report row edited"),
    ("DELETE FROM evidence", "evidence row removed"),
    ("INSERT INTO case_events (case_id, action, from_status, to_status, actor_role, at, reason, public_reason, "
     "payload, documents) SELECT id, 'dismiss', status, 'dismissed', 'bawaslu', created_at, 'x', '', '{}', '[]' "
     "FROM cases", "history row added"),
], ids=["case", "report", "evidence", "history"])
def test_changes_to_case_rows_outside_the_trail_are_detected(keyed, tmp_path, tamper, what):
    """Finding 6: changes to cases, reports and history outside the audit table were not covered."""
    file_report(keyed, tmp_path)
    assert keyed_problems(keyed) == []
    with keyed.transaction() as s:
        s.execute(text(tamper))
    broken = keyed_problems(keyed)
    assert broken and "changed after entry" in broken[0].problem, what


def test_a_case_inserted_outside_netra_is_detected(keyed, tmp_path):
    file_report(keyed, tmp_path)
    with keyed.transaction() as s:
        s.execute(text("INSERT INTO cases (origin, status, version, region_code, election_id, reported_name, "
                       "reported_nip, reported_position, reported_agency, created_at, updated_at) SELECT origin, "
                       "status, 1, region_code, election_id, 'Sisipan', '', '', '', created_at, updated_at FROM cases"))
    assert any("no audit entry recording its rows" in b.problem for b in keyed_problems(keyed))


def test_older_unkeyed_entries_are_sealed_by_the_first_keyed_entry(database_url, tmp_path):
    unkeyed = Database(database_url)
    file_report(unkeyed, tmp_path, 1)
    with unkeyed.transaction() as s:  # what migration 0052 does to an installation that has entries already
        s.execute(text("UPDATE audit_head SET keyed_from = seq + 1"))
    unkeyed.dispose()
    db = Database(database_url, audit_key=KEY)
    file_report(db, tmp_path, 2)
    with db.transaction() as s:
        seal = s.execute(text("SELECT action, detail FROM audit_log WHERE seq = 2")).one()
        assert seal.action == "seal"
    assert keyed_problems(db) == []
    drop_guard(db)
    with db.transaction() as s:  # rewrite the old, unkeyed entry and re-hash it: the keyed entry after it notices
        at, detail = s.execute(text("SELECT at, detail FROM audit_log WHERE seq = 1")).one()
        detail = json.loads(detail) if isinstance(detail, str) else detail
        forged = entry_hash(AuditEntry(1, datetime.fromisoformat(at), "user:66", "create", "case:1", detail,
                                       "0" * 64))
        s.execute(text("UPDATE audit_log SET actor = 'user:66', hash = :h WHERE seq = 1"), {"h": forged})
    assert any(b.seq == 2 for b in keyed_problems(db))
    db.dispose()


def test_linking_two_cases_records_the_rows_of_both(keyed, tmp_path):
    """The absorbed case's reports and history change too: the link's entry carries its digest as well (through
    CaseRepository.link), so a clean merge verifies and the absorbed case is not reported as edited outside Netra."""
    from sqlalchemy import select

    from netra.accounts.roles import Role
    from netra.services.accounts import create_account
    from netra.services.case_workflow import link_cases
    from netra.storage.tables import CaseRow, ReportRow

    for n in (1, 2):  # the same person of the same agency, the same day: two reports of one case
        draft = ReportDraft(description="Camat memasang spanduk dukungan paslon nomor urut 1 di kantor kecamatan.",
                            region_code="33.20", election_id="pilkada2024", reported_name="Camat Fiktif",
                            reported_agency="Kecamatan Fiktif", reporter_name=f"Pelapor {n}",
                            event_date=date(2024, 10, 1))
        submit_report(keyed, EvidenceStore(tmp_path / "evidence"), draft, [("f.jpg", JPEG + bytes([n]))],
                      f"token-link-{n}-" + "x" * 16, "k", {"pilkada2024"})
    officer = create_account(keyed, "bawaslu.audit", "", "Sandi-Panjang-Sekali-1", Role.BAWASLU, ["33.20"])
    with keyed.transaction() as s:
        first, second = s.scalars(select(CaseRow.id).order_by(CaseRow.id)).all()
        version = s.get(CaseRow, first).version
    survivor = link_cases(keyed, officer, first, second, version, "pelapor berbeda, kejadian sama")
    with keyed.transaction() as s:  # the merge happened: both reports now hang off the survivor
        assert set(s.scalars(select(ReportRow.case_id))) == {survivor}
    assert keyed_problems(keyed) == []
