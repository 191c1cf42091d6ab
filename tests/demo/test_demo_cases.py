"""Demo cases: valid workflow histories, fictional names, idempotent, and the database stays usable after."""

from datetime import date

from sqlalchemy import func, select

from netra.cases import CaseState
from netra.demo.cases import ensure_demo_cases
from netra.intake.report import ReportDraft
from netra.storage.case_repository import aware
from netra.services.intake import submit_report
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRow


def test_demo_cases_are_valid_fictional_and_idempotent(db, tmp_path):
    assert ensure_demo_cases(db, count=300) > 250  # a few open after the demo's cut-off date are skipped
    assert ensure_demo_cases(db, count=300) == 0
    with db.transaction() as s:
        cases = s.scalars(select(CaseRow)).all()
        assert all(c.reported_name.startswith("Terlapor Fiktif ") for c in cases)
        assert len({c.status for c in cases}) >= 6 and len({c.region_code[:2] for c in cases}) >= 8
        for case in cases[:50]:  # the stored history replays to the stored status
            events = s.execute(select(CaseEventRow.action, CaseEventRow.to_status, CaseEventRow.at)
                               .where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)).all()
            assert events[-1].to_status == case.status
            replayed = CaseState.from_events([(a, t, aware(at)) for a, t, at in events], id=case.id,
                                             version=case.version, election_kind="pilkada", tz_name="Asia/Jakarta")
            assert replayed.state.value == case.status
        assert audit_log.verify(s)[1] == []
    draft = ReportDraft(description="Laporan nyata setelah data demo dimuat, untuk memeriksa urutan id.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 10, 1))
    submit_report(db, EvidenceStore(tmp_path / "ev"), draft, [], "tok-after-demo-" + "x" * 10, "k", {"pilkada2024"})
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(CaseRow)) == len(cases) + 1
