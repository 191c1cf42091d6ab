"""Filing reports against real databases: durable, deduplicated, never half-stored."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select

from netra.intake.evidence import EvidenceRejected
from netra.intake.report import ReportDraft
from netra.services.intake import ReportInvalid, report_status, submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRow, EvidenceRow, ReportRow

NOW = datetime(2024, 10, 10, 3, 0, tzinfo=timezone.utc)
KEY = "server-key-for-tests"
ELECTIONS = {"pilkada2024"}
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"foto bukti" * 50


def draft(**kw):
    base = dict(description="Kepala desa memasang spanduk calon bupati nomor urut 1 di balai desa.",
                region_code="33.20", election_id="pilkada2024", reporter_name="Warga Demo",
                event_date=date(2024, 10, 8), event_place="Balai Desa", declaration=True)
    return ReportDraft(**{**base, **kw})


@pytest.fixture
def store(tmp_path):
    return EvidenceStore(tmp_path / "evidence")


def counts(db):
    with db.transaction() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (CaseRow, ReportRow, EvidenceRow))


def test_submitted_report_is_stored_with_evidence_and_readable_by_its_secret(db, store):
    receipt = submit_report(db, store, draft(), [("foto.jpg", JPEG)], "token-" + "a" * 20, KEY, ELECTIONS, now=NOW)
    assert receipt.tracking_code.startswith("NTR-") and not receipt.duplicate
    assert counts(db) == (1, 1, 1)
    status = report_status(db, receipt.tracking_code.lower(), receipt.secret)
    assert status.status == "received" and status.history[0].reason.startswith("Laporan diterima")
    (name, digest), = status.evidence
    assert name == "foto.jpg" and store.verify(digest)
    with db.transaction() as s:
        assert s.scalar(select(ReportRow.secret_hash)) != receipt.secret


def test_wrong_secret_and_unknown_code_look_the_same(db, store):
    receipt = submit_report(db, store, draft(), [], "token-" + "b" * 20, KEY, ELECTIONS, now=NOW)
    assert report_status(db, receipt.tracking_code, "salah") is None
    assert report_status(db, "NTR-0000-0000", receipt.secret) is None


def test_double_submission_gives_the_same_receipt_and_one_report(db, store):
    first = submit_report(db, store, draft(), [("foto.jpg", JPEG)], "token-" + "c" * 20, KEY, ELECTIONS, now=NOW)
    again = submit_report(db, store, draft(), [("foto.jpg", JPEG)], "token-" + "c" * 20, KEY, ELECTIONS, now=NOW)
    assert again.duplicate and (again.tracking_code, again.secret) == (first.tracking_code, first.secret)
    assert counts(db) == (1, 1, 1)


def test_invalid_report_stores_nothing(db, store):
    with pytest.raises(ReportInvalid) as caught:
        submit_report(db, store, draft(reported_nip="123"), [("foto.jpg", JPEG)], "token-" + "d" * 20, KEY,
                      ELECTIONS, now=NOW)
    assert "reported_nip" in caught.value.errors
    assert counts(db) == (0, 0, 0)
    assert not (store.root).exists()


def test_disguised_evidence_stores_nothing(db, store):
    with pytest.raises(EvidenceRejected, match="foto.jpg"):
        submit_report(db, store, draft(), [("ok.jpg", JPEG), ("foto.jpg", b"<svg><script>x</script></svg>")],
                      "token-" + "e" * 20, KEY, ELECTIONS, now=NOW)
    assert counts(db) == (0, 0, 0)


def test_completeness_is_reported_to_the_reporter(db, store):
    receipt = submit_report(db, store, draft(reporter_name="", declaration=False), [], "token-" + "f" * 20, KEY,
                            ELECTIONS, now=NOW)
    missing = {r.key for r in report_status(db, receipt.tracking_code, receipt.secret).requirements if not r.met}
    assert {"reporter_identity", "declaration", "evidence", "reported_party"} <= missing
    assert "time_and_place" not in missing


def test_history_shows_public_reasons_only(db, store):
    receipt = submit_report(db, store, draft(), [], "token-" + "g" * 20, KEY, ELECTIONS, now=NOW)
    with db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id))
        s.add(CaseEventRow(case_id=case_id, action="register", from_status="received", to_status="registered",
                           actor_role="bawaslu", at=NOW, reason="Catatan internal: saksi kunci belum dihubungi",
                           public_reason="Laporan memenuhi syarat dan diregistrasi.", payload={}, documents=[]))
    history = report_status(db, receipt.tracking_code, receipt.secret).history
    assert [h.reason for h in history][-1] == "Laporan memenuhi syarat dan diregistrasi."
    assert all("internal" not in h.reason for h in history)


def test_reporter_supplements_missing_parts_without_overwriting(db, store):
    from netra.services.intake import supplement_report

    receipt = submit_report(db, store, draft(reporter_name="", declaration=False), [], "token-" + "h" * 20, KEY,
                            ELECTIONS, now=NOW)
    additions = ReportDraft(description="", region_code="", election_id="", reporter_name="Warga Baru",
                            event_place="Tempat lain", reported_name="Kades Fiktif", reported_position="Kepala Desa",
                            declaration=True, links=("https://example.org/bukti",))
    status = supplement_report(db, store, receipt.tracking_code, receipt.secret, additions, [("b.jpg", JPEG)],
                               ELECTIONS, now=NOW)
    missing = {r.key for r in status.requirements if not r.met}
    assert {"declaration", "evidence", "reported_party"}.isdisjoint(missing)
    with db.transaction() as s:
        row = s.scalar(select(ReportRow))
        assert row.reporter_name == "Warga Baru" and row.event_place == "Balai Desa"  # stated place kept
        assert s.scalar(select(CaseRow.reported_name)) == "Kades Fiktif"
    assert supplement_report(db, store, receipt.tracking_code, "salah", additions, [], ELECTIONS) is None


def test_bad_supplement_changes_nothing(db, store):
    from netra.services.intake import supplement_report

    receipt = submit_report(db, store, draft(), [], "token-" + "i" * 20, KEY, ELECTIONS, now=NOW)
    bad = ReportDraft(description="", region_code="", election_id="", reported_nip="123", reporter_address="Jl. X")
    with pytest.raises(ReportInvalid):
        supplement_report(db, store, receipt.tracking_code, receipt.secret, bad, [], ELECTIONS, now=NOW)
    with db.transaction() as s:
        assert s.scalar(select(ReportRow.reporter_address)) == ""
