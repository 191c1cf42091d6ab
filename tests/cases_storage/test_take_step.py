"""Workflow steps on stored cases: roles, scope, history, audit, optimistic locking, the whole path to a sanction."""

import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.cases import ConcurrentChange, RoleNotAllowed
from netra.intake.evidence import EvidenceRejected
from netra.intake.report import ReportDraft
from netra.services.accounts import create_account
from netra.services.case_workflow import CaseNotFound, clocks_for, take_step
from netra.services.intake import submit_report
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRow
from tests.support.cases import complete_person

T0 = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"


@pytest.fixture
def store(tmp_path):
    return EvidenceStore(tmp_path / "evidence")


@pytest.fixture
def people(db):
    def make(role, scope=("33.20",)):
        return create_account(db, f"{role.value}.{'-'.join(scope).replace('.', '')}", f"Demo {role.value}",
                              "kata-sandi-panjang", role, scope)
    return {r: make(r) for r in (Role.BAWASLU, Role.BKN, Role.PPK, Role.VIEWER)} | {
        "outsider": make(Role.BAWASLU, ("64.02",))}


@pytest.fixture
def case_id(db, store):
    draft = ReportDraft(description="Camat mengajak ASN kecamatan memilih paslon nomor urut 2 dalam apel pagi.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 9, 30))
    submit_report(db, store, draft, [], "tok-" + "q" * 20, "k", {"pilkada2024"}, now=T0)
    with db.transaction() as s:
        found = s.scalar(select(CaseRow.id))
    complete_person(db, found)
    return found


def step(db, store, who, case_id, action, version, at, **kw):
    return take_step(db, store, who, case_id, action, version, now=at, **kw)


def test_full_path_to_sanction_and_closure(db, store, people, case_id):
    b, k, p = people[Role.BAWASLU], people[Role.BKN], people[Role.PPK]
    path = [
        (b, "register", {}, "", 0),
        (b, "start_review", {}, "", 1),
        (b, "recommend", {"rule_ids": ["skb2022.disiplin.6"]}, "Terbukti dari klarifikasi.", 2),
        (k, "verify", {}, "", 4),
        (b, "validate", {}, "", 5),
        (k, "send_to_ppk", {"ppk": "Bupati Jepara"}, "", 6),
        (p, "impose_sanction", {"rule_id": "skb2022.disiplin.6",
                                "sanction": {"kind": "discipline", "level": "berat", "description": "Penurunan jabatan"}},
         "Sanksi dijatuhkan.", 8),
        (k, "close", {}, "", 9),
    ]
    version = 1
    for who, action, payload, reason, day in path:
        result = step(db, store, who, case_id, action, version, T0 + timedelta(days=day), payload=payload,
                      reason=reason or "ok")
        version = result.version
    with db.transaction() as s:
        case = s.get(CaseRow, case_id)
        events = s.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)).all()
        assert case.status == "closed" and case.version == version
        assert case.family == "social_media"  # from the rule the recommendation rests on
        assert [e.action for e in events] == ["submit"] + [a for _, a, *_ in path]
        assert events[-2].payload["sanction"]["level"] == "berat" and events[-2].actor_role == "ppk"
        assert audit_log.verify(s) == (1 + len(path), [])


def test_wrong_role_and_out_of_scope_are_refused_without_change(db, store, people, case_id):
    with pytest.raises(RoleNotAllowed):
        step(db, store, people[Role.BKN], case_id, "register", 1, T0)
    with pytest.raises(CaseNotFound):
        step(db, store, people["outsider"], case_id, "register", 1, T0)
    with pytest.raises(RoleNotAllowed):
        step(db, store, people[Role.VIEWER], case_id, "register", 1, T0)
    with db.transaction() as s:
        assert s.get(CaseRow, case_id).status == "received" and s.get(CaseRow, case_id).version == 1


def test_stale_version_is_refused(db, store, people, case_id):
    step(db, store, people[Role.BAWASLU], case_id, "register", 1, T0)
    with pytest.raises(ConcurrentChange, match="diubah oleh petugas lain"):
        step(db, store, people[Role.BAWASLU], case_id, "start_review", 1, T0)


def test_two_officers_at_once_one_wins(db, store, people, case_id):
    outcomes = []
    barrier = threading.Barrier(2)

    def attempt(action, reason):
        barrier.wait()
        try:
            step(db, store, people[Role.BAWASLU], case_id, action, 1, T0, reason=reason)
            outcomes.append("ok")
        except ConcurrentChange:
            outcomes.append("conflict")
        except Exception as exc:  # SQLite may report its own lock timeout as an OperationalError
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=attempt, args=a) for a in (("register", ""), ("refuse_registration", "x"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, outcomes
    with db.transaction() as s:
        assert s.get(CaseRow, case_id).version == 2
        assert len(s.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id)).all()) == 2


def test_documents_are_stored_by_hash_and_bad_ones_refused(db, store, people, case_id):
    with pytest.raises(EvidenceRejected):
        step(db, store, people[Role.BAWASLU], case_id, "register", 1, T0, documents=[("nota.pdf", b"<html>")])
    step(db, store, people[Role.BAWASLU], case_id, "register", 1, T0, documents=[("nota.pdf", PDF)])
    with db.transaction() as s:
        event = s.scalars(select(CaseEventRow).where(CaseEventRow.action == "register")).one()
        assert len(event.documents) == 1 and store.verify(event.documents[0])


def test_unknown_rule_ids_are_refused(db, store, people, case_id):
    b = people[Role.BAWASLU]
    step(db, store, b, case_id, "register", 1, T0)
    step(db, store, b, case_id, "start_review", 2, T0)
    with pytest.raises(Exception, match="skb2022.tidak.ada"):
        step(db, store, b, case_id, "recommend", 3, T0, reason="x", payload={"rule_ids": ["skb2022.tidak.ada"]})


def test_clock_goes_overdue_on_the_legal_schedule(db, store, people, case_id):
    # Pilkada: Bawaslu follows up within 3 days of receipt (UU 10/2016 Pasal 134).
    fresh = clocks_for(db, [case_id], now=T0 + timedelta(days=1))[case_id]
    late = clocks_for(db, [case_id], now=T0 + timedelta(days=5))[case_id]
    assert not fresh.overdue and late.overdue and late.days_overdue >= 1
