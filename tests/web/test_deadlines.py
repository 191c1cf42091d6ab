"""Deadlines are reference data: an administrator corrects them (validated, recorded, audited) on the reference page
or with `netra deadlines set`, and the correction is used wherever a clock is computed: workflow steps, the case
page, worklists and statistics. The reporting limit is shown on the form, the receipt and the status page, the
completeness check uses it, and a late report is flagged for Bawaslu with the known date and the deadline in the
region's zone."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.analytics import Filters
from netra.cases import WorkflowError
from netra.intake.report import ReportDraft
from netra.services import analytics, reference_data
from netra.services.case_queries import worklist
from netra.services.case_workflow import clocks_for, take_step
from netra.services.intake import report_status, submit_report
from netra.services.reference_data import ReferenceDataError, set_deadlines
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseRow, DeadlineVersionRow
from tests.support.cli import netra
from tests.web.conftest import csrf_of, login
from tests.support.scopes import NATIONAL
from tests.support.cases import complete_person

T0 = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)


def packaged() -> dict:
    return yaml.safe_load(reference_data.DEADLINES_FILE.read_text(encoding="utf-8"))


def with_ppk_days(days: int) -> str:
    data = packaged()
    for clock in data["pilkada"]["clocks"]:
        if clock["id"] == "ppk_followup":
            clock["days"] = days
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def store(app):
    return EvidenceStore(app.state.settings.data_dir / "evidence")


def file(app, store, n, region="33.20", known=date(2024, 9, 30), now=T0, **fields):
    draft = ReportDraft(description="Camat mengajak ASN kecamatan memilih paslon nomor urut 2 saat apel pagi.",
                        region_code=region, election_id="pilkada2024", event_date=known, **fields)
    return submit_report(app.state.db, store, draft, [], f"tok-dl-{n}-" + "d" * 20, "k", now=now)


def sent_to_ppk(app, store, make_account) -> int:
    """A Pilkada case that reached the PPK on 2 October 2024 (WIB)."""
    db = app.state.db
    file(app, store, 1)
    with db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id))
    complete_person(db, case_id)
    b, k = make_account("bawaslu.tenggat", Role.BAWASLU), make_account("bkn.tenggat", Role.BKN)
    for who, action, extra in ((b, "register", {}), (b, "start_review", {}),
                               (b, "recommend", {"reason": "Terbukti.", "payload": {"rule_ids": ["skb2022.disiplin.6"]}}),
                               (k, "verify", {}), (b, "validate", {}), (k, "send_to_ppk", {"payload": {"ppk": "Bupati"}})):
        take_step(db, store, who, case_id, action, _version(db, case_id), now=T0 + timedelta(hours=5), **extra)
    return case_id


def _version(db, case_id):
    with db.transaction() as s:
        return s.get(CaseRow, case_id).version


def test_a_corrected_deadline_is_used_by_every_clock(app, store, make_account):
    db = app.state.db
    case_id = sent_to_ppk(app, store, make_account)
    admin = make_account("admin.tenggat", Role.ADMIN, NATIONAL)
    bkn = make_account("bkn.tenggat2", Role.BKN)
    day15 = T0 + timedelta(days=15)  # the packaged 10 days have run out; 20 would not have
    assert clocks_for(db, [case_id], day15)[case_id].overdue
    assert [c.id for c in worklist(db, bkn, "overdue", now=day15).cases] == [case_id]
    assert sum(r["count"] for r in analytics.chart(db, "overdue_clock", Filters(), None, day15).rows) == 1

    set_deadlines(db, admin, with_ppk_days(20), "Koreksi uji: 20 hari menurut surat edaran terbaru.")
    assert not clocks_for(db, [case_id], day15)[case_id].overdue
    assert worklist(db, bkn, "overdue", now=day15).cases == []
    assert analytics.chart(db, "overdue_clock", Filters(), None, day15).rows == []
    with pytest.raises(WorkflowError, match="belum lewat"):  # the workflow's own check uses the correction too
        take_step(db, store, bkn, case_id, "mark_not_followed_up", _version(db, case_id), now=day15)
    with db.transaction() as s:
        entry = s.scalars(select(AuditRow).where(AuditRow.entity == "deadlines")).one()
        assert entry.actor == f"user:{admin.id}"
        # The packaged file's pemilu clocks are YAML aliases of the pilkada ones, so both changed.
        assert entry.detail["changes"] == [{"path": f"{kind}.clocks.ppk_followup.days", "from": 10, "to": 20}
                                           for kind in ("pemilu", "pilkada")]


@pytest.mark.parametrize(("text", "reason", "message"), [
    ("pilkada: [rusak", "r", "bukan YAML yang sah"),
    (with_ppk_days(0), "r", "'days' harus bilangan bulat >= 1"),
    (with_ppk_days(10).replace("counting: calendar", "countng: calendar", 1), "r", "kunci tidak dikenal: countng"),
    (with_ppk_days(10), "r", "Tidak ada nilai yang berubah"),
    (with_ppk_days(12), " ", "alasan"),
])
def test_bad_deadlines_are_refused_and_nothing_changes(app, make_account, text, reason, message):
    admin = make_account("admin.tolak", Role.ADMIN, NATIONAL)
    with pytest.raises(ReferenceDataError, match=message):
        set_deadlines(app.state.db, admin, text, reason)
    with app.state.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(DeadlineVersionRow)) == 0
    assert reference_data.deadlines(app.state.db).digest == reference_data.default_rules().digest


def test_only_administrators_correct_deadlines(app, make_account):
    with pytest.raises(ReferenceDataError, match="administrator"):
        set_deadlines(app.state.db, make_account("bawaslu.bukan", Role.BAWASLU), with_ppk_days(12), "r")


def test_the_reference_page_shows_and_corrects_the_deadlines_in_force(client, app, make_account):
    make_account("admin.halaman", Role.ADMIN, NATIONAL)
    login(client, "admin.halaman")
    page = client.get("/admin/referensi").text
    assert 'data-testid="form-deadlines"' in page and "ppk_followup" in page and "berkas bawaan" in page
    refused = client.post("/admin/referensi/tenggat", data={"csrf_token": csrf_of(page), "reason": "uji",
                                                             "deadlines_yaml": with_ppk_days(0)})
    assert refused.status_code == 422 and "Tenggat waktu tidak diubah" in refused.text
    assert "days: 0" in refused.text  # the input is kept
    done = client.post("/admin/referensi/tenggat", data={"csrf_token": csrf_of(page), "reason": "Surat edaran uji",
                                                          "deadlines_yaml": with_ppk_days(14)}, follow_redirects=False)
    assert done.status_code == 303
    shown = client.get("/admin/referensi").text
    assert "koreksi oleh admin.halaman" in shown and "Surat edaran uji" in shown
    assert reference_data.deadlines(app.state.db).clock_for("sent_to_ppk", "pilkada").days == 14


def test_cli_shows_and_sets_the_deadlines(app, make_account, tmp_path, database_url):
    make_account("admin.cli", Role.ADMIN, NATIONAL)
    cmd = ["--data-dir", str(tmp_path / "d"), "--database-url", database_url]
    shown = netra(*cmd, "deadlines", "show")
    assert shown.returncode == 0 and yaml.safe_load(shown.stdout) == packaged()
    corrected = tmp_path / "deadlines.yaml"
    corrected.write_text(with_ppk_days(15), encoding="utf-8")
    done = netra(*cmd, "deadlines", "set", str(corrected), "--by", "admin.cli", "--reason", "uji CLI")
    assert done.returncode == 0, done.stderr
    assert reference_data.deadlines(app.state.db).clock_for("sent_to_ppk", "pilkada").days == 15
    again = netra(*cmd, "deadlines", "set", str(corrected), "--by", "admin.cli", "--reason", "lagi")
    assert again.returncode == 1 and "Tidak ada nilai yang berubah" in again.stderr and "Traceback" not in again.stderr


def test_the_reporting_limit_is_shown_and_checked(client, app, store, make_account):
    assert "7 hari" in client.get("/lapor").text and 'data-testid="reporting-limits"' in client.get("/lapor").text
    # Kutai Kartanegara runs on WITA: known 20 September, submitted 1 October, past the 7 days.
    late = file(app, store, 2, region="64.02", known=date(2024, 9, 20))
    assert late.reporting.late and late.reporting.deadline.tzinfo.key == "Asia/Makassar"
    status = report_status(app.state.db, late.tracking_code, late.secret)
    within = next(r for r in status.requirements if r.key == "within_deadline")
    assert not within.met and within.missing == (
        "Batas lapor terlewati: paling lambat 7 hari sejak diketahui (20 September 2024): "
        "27 September 2024 pukul 23.59 WITA.")
    page = client.post("/lapor/status", data={"csrf_token": csrf_of(client.get("/lapor/status").text),
                                              "tracking_code": late.tracking_code, "secret": late.secret}).text
    assert 'data-testid="report-late"' in page and "27 September 2024 pukul 23.59 WITA" in page
    on_time = file(app, store, 3, region="33.20", known=date(2024, 9, 28))
    assert on_time.reporting.late is False
    assert next(r for r in report_status(app.state.db, on_time.tracking_code, on_time.secret).requirements
                if r.key == "within_deadline").met
    make_account("bawaslu.kukar", Role.BAWASLU, ("64.02",))
    login(client, "bawaslu.kukar")
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id).where(CaseRow.region_code == "64.02"))
    case_page = client.get(f"/perkara/{case_id}").text
    flag = re.search(r'data-testid="reporting-limit-\d+">(.*?)</p>', case_page, re.S).group(1)
    assert "(20 September 2024): 27 September 2024 pukul 23.59 WITA" in flag and "terlambat dilaporkan" in flag


def test_a_receipt_names_the_limit(client):
    form = client.get("/lapor").text
    response = client.post("/lapor", data={
        "csrf_token": csrf_of(form), "submission_token": re.search(r'name="submission_token" value="([^"]+)"',
                                                                   form).group(1),
        "description": "Kepala sekolah mengajak guru memilih paslon nomor urut 1 saat rapat.",
        "region_code": "33.20", "election_id": "pilkada2024", "event_date": date.today().isoformat()})
    assert response.status_code == 200 and 'data-testid="reporting-limit"' in response.text
    assert "pukul 23.59 WIB" in response.text and 'data-testid="report-late"' not in response.text
