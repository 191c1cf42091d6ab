"""Workflow steps through the officer pages: forms per role, errors in Indonesian, worklist views and clocks."""

import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow
from tests.support.cases import complete_person
from tests.web.conftest import csrf_of, login


def file_report(app, days_ago=0):
    draft = ReportDraft(description="Kepala dinas memakai mobil dinas untuk mengangkut massa kampanye paslon 1.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 10, 1))
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [],
                  f"tok-{days_ago}-" + "w" * 20, "k", {"pilkada2024"},
                  now=datetime.now(timezone.utc) - timedelta(days=days_ago))
    with app.state.db.transaction() as s:
        found = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
    complete_person(app.state.db, found)
    return found


def act(client, case_id, action, **fields):
    page = client.get(f"/perkara/{case_id}").text
    version = re.search(r'name="expected_version" value="(\d+)"', page)
    data = {"csrf_token": csrf_of(page), "action": action, "expected_version": version.group(1) if version else "1",
            **fields}
    return client.post(f"/perkara/{case_id}/langkah", data=data)


def test_bawaslu_sees_its_steps_and_takes_them(client, app, make_account):
    case_id = file_report(app)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get(f"/perkara/{case_id}").text
    assert 'data-testid="action-register"' in page and 'data-testid="action-refuse_registration"' in page
    assert 'data-testid="action-verify"' not in page
    done = act(client, case_id, "register", public_reason="Laporan memenuhi syarat.")
    assert done.status_code == 200 and "Diregistrasi" in done.text and 'data-testid="action-ok"' in done.text


def test_missing_reason_is_refused_in_indonesian(client, app, make_account):
    case_id = file_report(app)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    refused = act(client, case_id, "refuse_registration", reason="")
    assert refused.status_code == 409 and 'data-testid="action-error"' in refused.text
    with app.state.db.transaction() as s:
        assert s.get(CaseRow, case_id).status == "received"


def test_stale_form_tells_the_officer(client, app, make_account):
    case_id = file_report(app)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get(f"/perkara/{case_id}").text
    stale = {"csrf_token": csrf_of(page), "action": "register", "expected_version": "1"}
    assert client.post(f"/perkara/{case_id}/langkah", data=stale).status_code == 200
    again = client.post(f"/perkara/{case_id}/langkah", data=stale | {"action": "start_review"})
    assert again.status_code == 409 and "diubah oleh petugas lain" in again.text


def test_roles_without_the_step_cannot_force_it(client, app, make_account):
    case_id = file_report(app)
    make_account("ppk.jepara", Role.PPK)
    login(client, "ppk.jepara")
    assert 'data-testid="actions"' not in client.get(f"/perkara/{case_id}").text
    forced = act(client, case_id, "register")
    assert forced.status_code == 409 and "tidak berwenang" in forced.text


def test_worklist_views_show_overdue_and_gap(client, app, make_account):
    late, fresh, soon = file_report(app, days_ago=6), file_report(app, days_ago=0), file_report(app, days_ago=2)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    overdue = client.get("/perkara?view=overdue").text
    assert f'data-case-id="{late}"' in overdue and f'data-case-id="{fresh}"' not in overdue
    due_soon = client.get("/perkara?view=due_soon").text  # 3 days from receipt: due by the end of tomorrow
    assert f'data-case-id="{soon}"' in due_soon and f'data-case-id="{fresh}"' not in due_soon
    assert f'data-case-id="{late}"' not in due_soon
    assert 'data-testid="no-cases"' in client.get("/perkara?view=gap").text
    for action, fields in (("register", {}), ("start_review", {}),
                           ("recommend", {"reason": "terbukti", "rule_ids": "skb2022.disiplin.12"})):
        act(client, fresh, action, **fields)
    gap = client.get("/perkara?view=gap").text
    assert f'data-case-id="{fresh}"' in gap and f'data-case-id="{late}"' not in gap


def report_about(app, nip, token, day):
    draft = ReportDraft(description="Guru PNS membagikan unggahan kampanye paslon nomor urut 3 di grup sekolah.",
                        region_code="33.20", election_id="pilkada2024", reported_name="Guru Fiktif",
                        reported_nip=nip, event_date=date(2024, 10, day))
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [],
                  token + "-" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))


def test_related_reports_are_linked_into_one_case(client, app, make_account):
    first = report_about(app, "198001012005011001", "r1", 1)
    second = report_about(app, "198001012005011001", "r2", 3)
    unrelated = report_about(app, "197502022000032002", "r3", 2)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get(f"/perkara/{first}").text
    assert f'data-testid="link-{second}"' in page and f'data-testid="link-{unrelated}"' not in page
    linked = client.post(f"/perkara/{first}/gabung", data={"csrf_token": csrf_of(page), "other_id": str(second),
                                                           "expected_version": "1", "reason": "Kejadian sama"})
    assert linked.status_code == 200 and linked.text.count("Laporan NTR-") == 2
    listed = client.get("/perkara").text
    assert listed.count('data-case-id="') == 2  # the absorbed case no longer shows on its own


def test_other_roles_cannot_link(client, app, make_account):
    first = report_about(app, "198001012005011001", "r4", 1)
    second = report_about(app, "198001012005011001", "r5", 2)
    make_account("bkn.jepara", Role.BKN)
    login(client, "bkn.jepara")
    page = client.get(f"/perkara/{first}").text
    assert 'data-testid="related"' not in page
    refused = client.post(f"/perkara/{first}/gabung", data={"csrf_token": csrf_of(page), "other_id": str(second),
                                                            "expected_version": "1"})
    assert refused.status_code == 409 and "tidak berwenang" in refused.text


def pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_recommendation_letter_and_summary_cite_evidence_hashes(client, app, make_account):
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"x" * 300
    draft = ReportDraft(description="Camat hadir dan berorasi dalam deklarasi paslon nomor urut 2.",
                        region_code="33.20", election_id="pilkada2024", reporter_name="Pelapor Rahasia",
                        confidential=True, reported_name="Camat Fiktif", event_date=date(2024, 10, 2))
    receipt_store = EvidenceStore(app.state.settings.data_dir / "evidence")
    submit_report(app.state.db, receipt_store, draft, [("foto.jpg", jpeg)], "pdf-" + "p" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
    complete_person(app.state.db, case_id)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    assert client.get(f"/perkara/{case_id}/surat-rekomendasi.pdf").status_code == 404  # nothing recommended yet
    for action, fields in (("register", {}), ("start_review", {}),
                           ("recommend", {"reason": "Hadir dan berorasi.", "rule_ids": "skb2022.disiplin.4"})):
        act(client, case_id, action, **fields)
    import hashlib

    digest = hashlib.sha256(jpeg).hexdigest()
    letter = client.get(f"/perkara/{case_id}/surat-rekomendasi.pdf")
    assert letter.headers["content-type"] == "application/pdf"
    text = pdf_text(letter.content).replace("\n", "")
    assert "skb2022.disiplin.4" in text and "Camat Fiktif" in text and digest in text.replace(" ", "")
    summary = pdf_text(client.get(f"/perkara/{case_id}/ringkasan.pdf").content)
    assert "dirahasiakan" in summary and "Pelapor Rahasia" not in summary
    assert client.get(f"/perkara/{case_id}/lain.pdf").status_code == 404


def test_a_step_takes_documents_beyond_the_default_body_limit(client, app, make_account):
    """Request bodies are capped at 1 MiB unless a route takes files (issue 14, finding 9): this one does."""
    case_id = file_report(app)
    make_account("bawaslu.dokumen", Role.BAWASLU)
    login(client, "bawaslu.dokumen")
    page = client.get(f"/perkara/{case_id}").text
    scan = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024) + b"\n%%EOF"
    done = client.post(f"/perkara/{case_id}/langkah", data={"csrf_token": csrf_of(page), "action": "register",
                                                           "expected_version": "1"},
                       files=[("documents", ("berita-acara.pdf", scan, "application/pdf"))])
    assert done.status_code == 200 and "Diregistrasi" in done.text
    assert client.post("/masuk", data={"username": "x" * (2 * 1024 * 1024)}).status_code == 413
