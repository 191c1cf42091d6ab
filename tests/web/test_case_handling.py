"""Assigning a case and the officers' internal comment thread: through the case repository (history, audit,
outbox), to officers of the acting role in scope only, and never on the reporter's pages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import report_status, submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseCommentRow, CaseEventRow, CaseRow, OutboxRow
from tests.web.conftest import csrf_of, login

SECRET_NOTE = "Terlapor adalah ipar kepala kantor kami; hati-hati konflik kepentingan."


def file_report(app):
    receipt = submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), ReportDraft(
        description="Lurah membagikan stiker pasangan calon di balai desa.", region_code="33.20",
        election_id="pilkada2024", event_date=date(2024, 10, 1)), [], "tok-tugas-" + "z" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc())), receipt


def handling(client, case_id):
    return client.get(f"/perkara/{case_id}/penanganan")


def test_assign_to_an_officer_of_the_acting_role_in_scope(client, app, make_account):
    case_id, _ = file_report(app)
    me = make_account("bawaslu.ketua", Role.BAWASLU)
    colleague = make_account("bawaslu.staf", Role.BAWASLU)
    make_account("bawaslu.semarang", Role.BAWASLU, scope=("33.74",))  # another region
    bkn = make_account("bkn.jepara", Role.BKN)  # does not act on a received report
    login(client, "bawaslu.ketua")
    page = handling(client, case_id).text
    assert 'data-testid="assignee"' in page and "Belum ada petugas" in page
    options = page.split('data-testid="assignee-select"')[1].split("</select>")[0]
    assert f'value="{colleague.id}"' in options and f'value="{me.id}"' in options
    assert "bawaslu.semarang" not in options and f'value="{bkn.id}"' not in options
    done = client.post(f"/perkara/{case_id}/tugas", data={"csrf_token": csrf_of(page), "assignee_id": colleague.id})
    assert done.status_code == 200 and 'data-testid="case-status"' in done.text  # back on the case page
    assert "bawaslu.staf" in handling(client, case_id).text.split('data-testid="assignee"')[1].split("</p>")[0]
    assert "bawaslu.staf" in client.get("/perkara").text  # the worklist shows who handles it
    with app.state.db.transaction() as s:
        assert s.get(CaseRow, case_id).assignee_id == colleague.id
        event = s.scalars(select(OutboxRow).where(OutboxRow.kind == "case_assigned")).one()
        assert event.case_id == case_id and event.payload == {"assignee_user_id": colleague.id, "by_user_id": me.id}
        assert s.scalar(select(CaseEventRow.action).where(CaseEventRow.case_id == case_id)
                        .order_by(CaseEventRow.id.desc()).limit(1)) == "assign"
        audit = s.scalars(select(AuditRow).where(AuditRow.entity == f"case:{case_id}")).all()[-1]
        assert audit.actor == f"user:{me.id}" and audit.detail["assignee_user_id"] == colleague.id
    # Refused: an officer of a role that does not act here, chosen by hand-made form. Nothing changes.
    refused = client.post(f"/perkara/{case_id}/tugas", data={"csrf_token": csrf_of(page), "assignee_id": bkn.id})
    assert "tidak dapat ditugasi" in refused.text and 'data-testid="handling-error"' in refused.text
    # Unassigning.
    client.post(f"/perkara/{case_id}/tugas", data={"csrf_token": csrf_of(page), "assignee_id": ""})
    with app.state.db.transaction() as s:
        assert s.get(CaseRow, case_id).assignee_id is None
        kinds = [e.payload["assignee_user_id"] for e in s.scalars(
            select(OutboxRow).where(OutboxRow.kind == "case_assigned").order_by(OutboxRow.id))]
        assert kinds == [colleague.id, None]


def test_a_role_that_does_not_act_may_not_assign(client, app, make_account):
    case_id, _ = file_report(app)
    make_account("bkn.lihat", Role.BKN)
    login(client, "bkn.lihat")
    page = handling(client, case_id).text
    assert 'data-testid="assignee-select"' not in page
    refused = client.post(f"/perkara/{case_id}/tugas", data={"csrf_token": csrf_of(page), "assignee_id": ""})
    assert refused.status_code == 200  # nobody assigned: nothing to take away, nothing recorded
    bawaslu = make_account("bawaslu.x", Role.BAWASLU)
    refused = client.post(f"/perkara/{case_id}/tugas", data={"csrf_token": csrf_of(page), "assignee_id": bawaslu.id})
    assert "tidak menangani perkara berstatus" in refused.text
    with app.state.db.transaction() as s:
        assert s.get(CaseRow, case_id).assignee_id is None
        assert not s.scalars(select(OutboxRow).where(OutboxRow.kind == "case_assigned")).all()


def test_comments_are_for_officers_only_and_never_reach_the_reporter(client, app, make_account):
    case_id, receipt = file_report(app)
    make_account("bawaslu.komentar", Role.BAWASLU)
    make_account("pemantau.komentar", Role.VIEWER)
    login(client, "bawaslu.komentar")
    page = handling(client, case_id).text
    empty = client.post(f"/perkara/{case_id}/komentar", data={"csrf_token": csrf_of(page), "body": "   "})
    assert "Komentar kosong" in empty.text
    client.post(f"/perkara/{case_id}/komentar", data={"csrf_token": csrf_of(page), "body": SECRET_NOTE})
    thread = handling(client, case_id).text
    assert SECRET_NOTE in thread and "bawaslu.komentar" in thread and "WIB" in thread.split(SECRET_NOTE)[0][-200:]
    with app.state.db.transaction() as s:
        assert s.scalars(select(CaseCommentRow.body)).all() == [SECRET_NOTE]
        event = s.scalars(select(OutboxRow).where(OutboxRow.kind == "case_commented")).one()
        assert SECRET_NOTE not in str(event.payload) and event.payload["comment_id"]
        assert s.scalar(select(CaseEventRow).where(CaseEventRow.action == "comment")).case_id == case_id
    # A viewer follows the case without internal notes.
    client.cookies.clear()
    login(client, "pemantau.komentar")
    assert SECRET_NOTE not in handling(client, case_id).text
    assert SECRET_NOTE not in client.get(f"/perkara/{case_id}").text
    # The reporter's status page and the status the reporter's lookup returns hold no trace of it.
    client.cookies.clear()
    public = client.post("/lapor/status", data={"csrf_token": csrf_of(client.get("/lapor/status").text),
                                                "tracking_code": receipt.tracking_code, "secret": receipt.secret})
    assert public.status_code == 200 and receipt.tracking_code in public.text
    assert SECRET_NOTE not in public.text and "Komentar" not in public.text
    status = report_status(app.state.db, receipt.tracking_code, receipt.secret)
    assert len(status.history) == 1 and SECRET_NOTE not in repr(status)
