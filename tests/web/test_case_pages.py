"""Officers' case pages: regional scope, confidential reporters, audited identity views and downloads."""

from datetime import date

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseRow
from tests.web.conftest import csrf_of, login

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"foto" * 64


def file_report(app, region="33.20", confidential=True, name="Pelapor Rahasia"):
    draft = ReportDraft(description="Seorang lurah memimpin rapat pemenangan paslon nomor urut 1 di kantor.",
                        region_code=region, election_id="pilkada2024", reporter_name=name,
                        reporter_address="Jl. Rahasia 7", confidential=confidential, event_date=date(2024, 10, 1))
    settings = app.state.settings
    submit_report(app.state.db, EvidenceStore(settings.data_dir / "evidence"), draft, [("foto.jpg", JPEG)],
                  f"tok-{region}-{confidential}-" + "z" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        return s.scalar(select(CaseRow.id).where(CaseRow.region_code == region).order_by(CaseRow.id.desc()))


def audit_actions(app):
    with app.state.db.transaction() as s:
        return [(a.action, a.entity) for a in s.scalars(select(AuditRow).order_by(AuditRow.seq))]


def test_worklist_shows_only_cases_in_scope(client, app, make_account):
    mine, other = file_report(app, "33.20"), file_report(app, "64.02")
    make_account("bawaslu.jepara", Role.BAWASLU, ("33.20",))
    login(client, "bawaslu.jepara")
    page = client.get("/perkara").text
    assert f'data-case-id="{mine}"' in page and f'data-case-id="{other}"' not in page
    assert client.get(f"/perkara/{other}").status_code == 404
    assert client.get("/perkara/999999").status_code == 404  # same answer: existence is not leaked


def test_province_scope_sees_regency_cases(client, app, make_account):
    case_id = file_report(app, "64.02")
    make_account("bkn.kaltim", Role.BKN, ("64",))
    login(client, "bkn.kaltim")
    assert client.get(f"/perkara/{case_id}").status_code == 200


def test_confidential_identity_needs_bawaslu_and_an_audited_reveal(client, app, make_account):
    case_id = file_report(app, confidential=True)
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get(f"/perkara/{case_id}").text
    assert "Pelapor Rahasia" not in page and 'data-testid="reveal-identity"' in page
    report_id = int(page.split(f'/perkara/{case_id}/identitas/')[1].split('"')[0])
    revealed = client.post(f"/perkara/{case_id}/identitas/{report_id}", data={"csrf_token": csrf_of(page)})
    assert "Pelapor Rahasia" in revealed.text and "Jl. Rahasia 7" in revealed.text
    assert ("view_identity", f"report:{revealed.text.split('Laporan ')[1].split('<')[0].strip()}") in audit_actions(app)


def test_other_roles_never_see_a_confidential_reporter(client, app, make_account):
    case_id = file_report(app, confidential=True)
    make_account("bkn.jepara", Role.BKN)
    login(client, "bkn.jepara")
    page = client.get(f"/perkara/{case_id}").text
    assert "Pelapor Rahasia" not in page and 'data-testid="identity-hidden"' in page
    report_id = 1 if "identitas/1" in page else None
    forced = client.post(f"/perkara/{case_id}/identitas/{report_id or 1}", data={"csrf_token": csrf_of(page)})
    assert forced.status_code == 403 and "Pelapor Rahasia" not in forced.text
    assert not any(a == "view_identity" for a, _ in audit_actions(app))


def test_open_reporter_is_visible_to_every_role_in_scope(client, app, make_account):
    case_id = file_report(app, confidential=False, name="Pelapor Terbuka")
    make_account("ppk.jepara", Role.PPK)
    login(client, "ppk.jepara")
    assert "Pelapor Terbuka" in client.get(f"/perkara/{case_id}").text


def test_evidence_download_is_scoped_and_audited(client, app, make_account):
    case_id = file_report(app)
    make_account("viewer.jepara", Role.VIEWER)
    make_account("viewer.kukar", Role.VIEWER, ("64.02",))
    login(client, "viewer.kukar")
    assert client.get(f"/perkara/{case_id}/bukti/1").status_code == 404
    client.cookies.clear()
    login(client, "viewer.jepara")
    # This JPEG is a header and filler: no copy without metadata can be made of it, and the original is Bawaslu's.
    assert client.get(f"/perkara/{case_id}/bukti/1").status_code == 403
    client.cookies.clear()
    make_account("bawaslu.unduh", Role.BAWASLU)
    login(client, "bawaslu.unduh")
    response = client.get(f"/perkara/{case_id}/bukti/1")
    assert response.status_code == 200 and response.content == JPEG
    assert response.headers["content-disposition"].startswith("attachment")
    assert ("download", f"evidence:{response.headers['x-evidence-sha256']}") in audit_actions(app)
    assert client.get(f"/perkara/{case_id}/bukti/..%2F..%2Fsecret_key").status_code in (404, 422)
