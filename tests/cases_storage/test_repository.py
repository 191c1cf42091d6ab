"""The case repository and its outbox: every writer records its domain event in the transaction of the change,
refused steps write nothing (no file, no row), and consumers read each event once, in commit order."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.cases import ConcurrentChange, RoleNotAllowed
from netra.demo.cases import ensure_demo_cases
from netra.intake.report import ReportDraft
from netra.services.accounts import create_account
from netra.services.case_workflow import link_cases, take_step
from netra.services.intake import submit_report, supplement_report
from netra.services.monitoring import check_out, decide, screen_and_queue
from netra.storage import outbox
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseEventRow, CaseRow, EvidenceRow, OutboxRow

T0 = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"


@pytest.fixture
def store(tmp_path):
    return EvidenceStore(tmp_path / "evidence")


@pytest.fixture
def bawaslu(db):
    return create_account(db, "bawaslu.repo", "Petugas Repo", "kata-sandi-panjang", Role.BAWASLU, ["33.20"])


def report(db, store, n, **fields):
    draft = ReportDraft(**{"description": "Camat mengajak ASN kecamatan memilih paslon nomor urut 2 saat apel.",
                           "region_code": "33.20", "election_id": "pilkada2024", "event_date": date(2024, 9, 30),
                           "reported_name": "Camat Fiktif", "reported_agency": "Kecamatan Fiktif", **fields})
    receipt = submit_report(db, store, draft, [], f"tok-repo-{n}-" + "r" * 20, "k", now=T0)
    with db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc())), receipt


def events(db):
    with db.transaction() as s:
        rows = s.scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
        audit = {a.seq: a for a in s.scalars(select(AuditRow))}
        return [(r.kind, r.case_id, r.region_code, audit[r.audit_seq].entity, r.payload) for r in rows]


def test_every_writer_records_its_event_with_its_audit_entry(db, store, bawaslu):
    first, receipt = report(db, store, 1)
    second, _ = report(db, store, 2)
    take_step(db, store, bawaslu, first, "register", 1, now=T0 + timedelta(hours=1))
    supplement_report(db, store, receipt.tracking_code, receipt.secret,
                      ReportDraft(description="", region_code="", election_id="", event_place="Balai desa"), [])
    survivor = link_cases(db, bawaslu, first, second, 2, "Kejadian yang sama.", now=T0 + timedelta(hours=2))
    screen_and_queue(db, [{"id": "p1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari",
                           "created_at": "2024-10-10"}], "b1", "pilkada2024", "33.20", account=bawaslu,
                     now=T0 + timedelta(days=10))
    [item] = check_out(db, bawaslu, 1, now=T0 + timedelta(days=10))
    finding = decide(db, bawaslu, item, "confirm", "Akun guru PNS.", now=T0 + timedelta(days=10))
    absorbed = second if survivor == first else first
    assert [(kind, case, region, entity) for kind, case, region, entity, _ in events(db)] == [
        ("case_opened", first, "33.20", f"case:{first}"),
        ("case_opened", second, "33.20", f"case:{second}"),
        ("case_step", first, "33.20", f"case:{first}"),
        ("case_supplemented", first, "33.20", f"case:{first}"),
        ("case_linked", survivor, "33.20", f"case:{survivor}"),
        ("case_linked", absorbed, "33.20", f"case:{survivor}"),
        ("case_opened", finding, "33.20", f"case:{finding}"),
    ]
    assert events(db)[2][4] == {"action": "register", "from": "received", "to": "registered", "role": "bawaslu",
                                "version": 2}


def test_demo_loading_goes_through_the_repository(db):
    added = ensure_demo_cases(db, count=30)
    with db.transaction() as s:
        kinds = s.execute(select(OutboxRow.kind, func.count()).group_by(OutboxRow.kind)).all()
        assert kinds == [("case_loaded", added)]
        assert s.scalar(select(func.count()).select_from(CaseRow)) == added


def test_a_refused_step_writes_no_file_and_no_row(db, store, bawaslu, tmp_path):
    case_id, _ = report(db, store, 3)
    viewer = create_account(db, "viewer.repo", "", "kata-sandi-panjang", Role.VIEWER, ["33.20"])
    before = events(db)
    with pytest.raises(RoleNotAllowed):
        take_step(db, store, viewer, case_id, "register", 1, documents=[("nota.pdf", PDF)], now=T0)
    with pytest.raises(ConcurrentChange):
        take_step(db, store, bawaslu, case_id, "register", 7, documents=[("nota.pdf", PDF)], now=T0)
    assert not (tmp_path / "evidence").exists() or not any((tmp_path / "evidence").rglob("*"))
    assert events(db) == before
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(EvidenceRow)) == 0
        assert s.scalar(select(func.count()).select_from(CaseEventRow).where(CaseEventRow.case_id == case_id)) == 1


def test_a_failed_transaction_leaves_no_event_and_no_row(db, store, bawaslu, monkeypatch):
    case_id, _ = report(db, store, 4)
    before = events(db)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(outbox, "add", broken)
    with pytest.raises(RuntimeError):
        take_step(db, store, bawaslu, case_id, "register", 1, documents=[("nota.pdf", PDF)], now=T0)
    monkeypatch.undo()
    assert events(db) == before
    with db.transaction() as s:
        assert s.get(CaseRow, case_id).status == "received"
        assert s.scalar(select(func.count()).select_from(EvidenceRow)) == 0
        assert s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity == f"case:{case_id}")) == 1


def test_consumers_read_each_event_once_in_order(db, store, bawaslu):
    first, _ = report(db, store, 5)
    with db.transaction() as s:
        assert outbox.pending(s, "uji") and outbox.lock(s, "uji") == outbox.NEW_CONSUMER
        outbox.advance(s, "uji", 0)
    with db.transaction() as s:
        position = outbox.lock(s, "uji")
        seen = outbox.events_after(s, position)
        outbox.advance(s, "uji", seen[-1].id)
    assert [e.case_id for e in seen] == [first]
    take_step(db, store, bawaslu, first, "register", 1, now=T0)
    with db.transaction() as s:
        assert outbox.pending(s, "uji")
        later = outbox.events_after(s, outbox.lock(s, "uji"))
        assert [(e.kind, e.case_id) for e in later] == [("case_step", first)]
        outbox.advance(s, "uji", later[-1].id)
    with db.transaction() as s:
        assert not outbox.pending(s, "uji") and outbox.events_after(s, outbox.lock(s, "uji")) == []


def test_workers_sharing_a_consumer_skip_a_held_position(db, store):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("FOR UPDATE SKIP LOCKED is PostgreSQL's; SQLite serialises writers instead")
    report(db, store, 6)
    with db.transaction() as first:  # the consumer's row exists once its first run commits
        outbox.advance(first, "notifications", outbox.lock(first, "notifications", skip_locked=True))
    with db.transaction() as held:
        assert outbox.lock(held, "notifications", skip_locked=True) == outbox.NEW_CONSUMER
        with db.transaction() as other:
            assert outbox.lock(other, "notifications", skip_locked=True) is None
        outbox.advance(held, "notifications", 1)
    with db.transaction() as later:
        assert outbox.lock(later, "notifications", skip_locked=True) == 1


def test_a_held_consumer_position_makes_the_next_holder_wait(db, store):
    """Without the lock two statistics consumers would apply the same events twice."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers: a second writer cannot start at all")
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    report(db, store, 7)
    for _ in range(2):  # the consumer's first run (its row is created) and a later one (the row exists)
        with db.transaction() as held:
            position = outbox.lock(held, "statistik")
            with pytest.raises(OperationalError, match="lock"):
                with db.transaction() as other:
                    other.execute(text("SET LOCAL lock_timeout = '300ms'"))
                    outbox.lock(other, "statistik")
            outbox.advance(held, "statistik", max(position, 0))
