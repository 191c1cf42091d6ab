"""Issue 12 on the case page, as officers see it: sanctions the rulebook allows, the substance gates, completing
and correcting facts, and a readable record. Each refusal re-shows the page with its Indonesian message and leaves
the stored case unchanged."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.cases import open_case
from netra.intake.report import ReportDraft
from netra.services.case_documents import recommendation_letter
from netra.services.case_queries import get_case
from netra.services.intake import submit_report
from netra.services.unit_of_work import unit_of_work
from netra.storage.case_repository import NewCase
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseEventRow, CaseRow
from tests.support.cases import complete_person
from tests.web.conftest import csrf_of, login
from tests.web.test_case_workflow_pages import pdf_text

PROGRAM_VALUES = ("rule_ids", "user:", "pilkada2024", "discipline /", "moral_tertutup", "ptdh", " UTC",
                  "'start'", "screened_item")


def file_report(app, **person) -> int:
    draft = ReportDraft(description="Kepala seksi membagikan poster paslon nomor urut 2 di grup kantor.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 10, 1),
                        event_place="Kantor Dinas Pendidikan", known_date=date(2024, 10, 2))
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [],
                  "sub-" + "s" * 20 + str(len(person)), "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
    if person:
        complete_person(app.state.db, case_id, **person)
    return case_id


def act(client, case_id, action, **fields):
    page = client.get(f"/perkara/{case_id}").text
    version = re.search(r'name="expected_version" value="(\d+)"', page).group(1)
    return client.post(f"/perkara/{case_id}/langkah", data={"csrf_token": csrf_of(page), "action": action,
                                                            "expected_version": version, **fields})


def amend(client, case_id, reason="Data dari SIASN.", **fields):
    page = client.get(f"/perkara/{case_id}").text
    version = re.search(r'name="expected_version" value="(\d+)"', page).group(1)
    return client.post(f"/perkara/{case_id}/data", data={"csrf_token": csrf_of(page), "expected_version": version,
                                                         "reason": reason, **fields})


def stored(app, case_id):
    with app.state.db.transaction() as s:
        row = s.get(CaseRow, case_id)
        events = s.scalar(select(func.count()).select_from(CaseEventRow).where(CaseEventRow.case_id == case_id))
        return row.status, row.version, events, row.reported_name, row.reported_nip


def to_ppk(client, case_id, rule="skb2022.disiplin.6"):
    """Bawaslu and BKN take a complete case to the PPK (one browser session switching accounts)."""
    for who, action, fields in (("bawaslu.jepara", "register", {}), ("bawaslu.jepara", "start_review", {}),
                                ("bawaslu.jepara", "recommend", {"reason": "Terbukti.", "rule_ids": rule}),
                                ("bkn.jepara", "verify", {}), ("bawaslu.jepara", "validate", {}),
                                ("bkn.jepara", "send_to_ppk", {"ppk": "Bupati Jepara"})):
        login(client, who)
        assert act(client, case_id, action, **fields).status_code == 200, action


def officers(make_account):
    make_account("bawaslu.jepara", Role.BAWASLU)
    make_account("bkn.jepara", Role.BKN)
    make_account("ppk.jepara", Role.PPK)


def test_sanction_form_offers_the_recommended_rules_sanctions_in_indonesian(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    to_ppk(client, case_id, rule="skb2022.disiplin.8")  # berat, with sedang given by some sources
    login(client, "ppk.jepara")
    form = client.get(f"/perkara/{case_id}").text.split('data-testid="form-impose_sanction"')[1].split("</form>")[0]
    rule_options = re.findall(r'<option value="([^"]+)"', form.split('name="rule_id"')[1].split("</select>")[0])
    assert rule_options == ["skb2022.disiplin.8"]  # the recommended rule, not the first of the rulebook
    sanctions = re.findall(r'<option value="([^"]+)">([^<]+)</option>', form.split('name="sanction"')[1])
    assert sanctions == [("discipline/berat", "Hukuman disiplin berat"), ("discipline/sedang", "Hukuman disiplin sedang")]
    assert "moral_tertutup" not in form and "ptdh" not in form and "skb2022.etik.1" not in form


def test_ppk_refused_a_sanction_the_rule_does_not_carry(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    to_ppk(client, case_id)
    login(client, "ppk.jepara")
    before = stored(app, case_id)
    refused = act(client, case_id, "impose_sanction", rule_id="skb2022.disiplin.6", sanction="moral/ptdh",
                  sanction_description="Pernyataan terbuka")
    assert refused.status_code == 409
    assert "tidak diatur untuk ketentuan skb2022.disiplin.6" in refused.text
    assert 'data-testid="form-impose_sanction"' in refused.text  # the form is there to try again
    assert stored(app, case_id) == before


def test_ppk_refused_a_sanction_on_a_rule_not_recommended(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    to_ppk(client, case_id)
    login(client, "ppk.jepara")
    before = stored(app, case_id)
    refused = act(client, case_id, "impose_sanction", rule_id="skb2022.etik.1", sanction="moral/moral_terbuka",
                  sanction_description="Pernyataan terbuka")
    assert refused.status_code == 409 and "skb2022.etik.1 tidak termasuk" in refused.text
    assert stored(app, case_id) == before


def test_a_recorded_sanction_is_corrected_only_with_a_reason_and_in_the_record(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    to_ppk(client, case_id, rule="skb2022.disiplin.8")
    login(client, "ppk.jepara")
    assert act(client, case_id, "impose_sanction", rule_id="skb2022.disiplin.8", sanction="discipline/berat",
               sanction_description="Penurunan jabatan 12 bulan").status_code == 200
    before = stored(app, case_id)
    refused = act(client, case_id, "correct_sanction", rule_id="skb2022.disiplin.8", sanction="discipline/sedang",
                  sanction_description="Pemotongan tunjangan kinerja 25% 6 bulan")
    assert refused.status_code == 409 and "Alasan wajib diisi" in refused.text and stored(app, case_id) == before
    done = act(client, case_id, "correct_sanction", rule_id="skb2022.disiplin.8", sanction="discipline/sedang",
               sanction_description="Pemotongan tunjangan kinerja 25% 6 bulan", reason="Tingkat salah pilih.")
    history = done.text.split('data-testid="history"')[1]
    assert "Koreksi sanksi" in history and "Tingkat salah pilih." in history
    assert "Sanksi: Hukuman disiplin sedang — Pemotongan tunjangan kinerja 25% 6 bulan" in history
    assert "Sanksi: Hukuman disiplin berat — Penurunan jabatan 12 bulan" in history  # the first stays on record
    with app.state.db.transaction() as s:
        audit = s.scalars(select(AuditRow).where(AuditRow.entity == f"case:{case_id}")).all()
    assert any((a.detail or {}).get("action") == "correct_sanction" for a in audit)


def test_recommendation_refused_for_a_pemilu_article_in_a_pilkada_case(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    login(client, "bawaslu.jepara")
    act(client, case_id, "register")
    act(client, case_id, "start_review")
    form = client.get(f"/perkara/{case_id}").text.split('data-testid="form-recommend"')[1].split("</form>")[0]
    assert "uu10_2016.71.1" in form and "uu7_2017" not in form and "uu6_2014" not in form
    before = stored(app, case_id)
    refused = act(client, case_id, "recommend", reason="Terbukti.", rule_ids="uu7_2017.280")
    assert refused.status_code == 409
    assert "uu7_2017.280 berlaku untuk Pemilu, sedangkan perkara ini perkara Pilkada" in refused.text
    assert stored(app, case_id) == before


def test_recommendation_refused_without_the_reported_persons_facts(client, app, make_account):
    officers(make_account)
    case_id = file_report(app)
    login(client, "bawaslu.jepara")
    act(client, case_id, "register")
    act(client, case_id, "start_review")
    page = client.get(f"/perkara/{case_id}").text
    checklist = page.split('data-testid="checklist"')[1].split("</ul>")[0]
    assert "Nama terlapor: <strong>belum diisi" in checklist
    before = stored(app, case_id)
    refused = act(client, case_id, "recommend", reason="Terbukti.", rule_ids="skb2022.disiplin.6")
    assert refused.status_code == 409 and "nama terlapor, status terlapor" in refused.text
    assert stored(app, case_id) == before
    assert amend(client, case_id, reported_name="Budi Santoso", reported_status="pns").status_code == 200
    refused = act(client, case_id, "recommend", reason="Terbukti.", rule_ids="skb2022.disiplin.6")
    assert refused.status_code == 409 and "NIP, jabatan, instansi belum diisi" in refused.text


def test_letter_refused_while_the_person_is_incomplete(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    login(client, "bawaslu.jepara")
    for action, fields in (("register", {}), ("start_review", {}),
                           ("recommend", {"reason": "Terbukti.", "rule_ids": "skb2022.disiplin.6"})):
        act(client, case_id, action, **fields)
    assert client.get(f"/perkara/{case_id}/surat-rekomendasi.pdf").status_code == 200
    assert amend(client, case_id, reported_agency="", reason="Instansi ternyata salah.").status_code == 200
    refused = client.get(f"/perkara/{case_id}/surat-rekomendasi.pdf")
    assert refused.status_code == 409 and "Surat belum dapat dibuat: instansi belum diisi" in refused.text


def test_a_finding_from_monitoring_is_completed_on_the_case_page(client, app, make_account):
    officers(make_account)
    bawaslu = make_account("bawaslu.pantau", Role.BAWASLU)
    now = datetime(2024, 10, 3, 16, 30, tzinfo=timezone.utc)  # 23.30 WIB
    with unit_of_work(app.state.db) as uow:
        state, record = open_case("finding", now, "pilkada", "Asia/Jakarta", actor=bawaslu, reason="Unggahan lurah.")
        case_id = uow.cases.open(NewCase(origin="finding", region_code="33.20", election_id="pilkada2024",
                                         reported_position="lurah", channel="social_media"), state, record,
                                 actor=bawaslu).id
    login(client, "bawaslu.jepara")
    page = client.get(f"/perkara/{case_id}").text
    assert 'name="reported_position" value="lurah"' in page and 'data-testid="form-amend"' in page
    refused = amend(client, case_id, reason="", reported_name="Sutrisno")
    assert refused.status_code == 409 and "Alasan wajib diisi" in refused.text and stored(app, case_id)[3] == ""
    refused = amend(client, case_id, reported_nip="12345")
    assert refused.status_code == 409 and "NIP harus terdiri atas 18 angka" in refused.text
    done = amend(client, case_id, reported_name="Sutrisno", reported_status="pns", reported_nip="197901012006041002",
                 reported_agency="Kecamatan Tahunan", event_date="2024-10-02", reason="Identitas dari SIASN.")
    assert done.status_code == 200
    facts = done.text.split('data-testid="case-facts"')[1].split("</dl>")[0]
    assert "Sutrisno" in facts and "197901012006041002" in facts and "2 Oktober 2024" in facts
    assert "Media sosial" in facts
    history = done.text.split('data-testid="history"')[1]
    assert "Lengkapi atau perbaiki data perkara" in history and "Identitas dari SIASN." in history
    assert "Nama terlapor: — → Sutrisno" in history and "Status terlapor: — → PNS" in history
    assert "3 Oktober 2024 pukul 23.30 WIB" in history and "Demo bawaslu (Bawaslu)" not in history
    assert re.search(r"oleh \S.* \(Bawaslu\)", history)
    with app.state.db.transaction() as s:
        audit = s.scalars(select(AuditRow).where(AuditRow.entity == f"case:{case_id}")).all()
    assert any((a.detail or {}).get("changes", {}).get("reported_name") == ["", "Sutrisno"] for a in audit)


def test_bkn_corrects_civil_service_facts_but_not_the_report(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    login(client, "bkn.jepara")
    page = client.get(f"/perkara/{case_id}").text
    assert 'name="reported_nip"' in page and 'name="description"' not in page
    before = stored(app, case_id)
    forced = amend(client, case_id, description="Uraian lain.")
    assert forced.status_code == 409 and "tidak berwenang mengubah: Uraian kejadian" in forced.text
    assert stored(app, case_id) == before
    assert amend(client, case_id, reported_nip="197901012006041002").status_code == 200
    assert stored(app, case_id)[4] == "197901012006041002"


def test_case_page_and_letter_read_as_people_read_them(client, app, make_account):
    officers(make_account)
    case_id = file_report(app, reported_status="pns")
    login(client, "bawaslu.jepara")
    for action, fields in (("register", {}), ("start_review", {}),
                           ("recommend", {"reason": "Terbukti.", "rule_ids": "skb2022.disiplin.6"})):
        act(client, case_id, action, **fields)
    page = client.get(f"/perkara/{case_id}").text
    for value in PROGRAM_VALUES:
        assert value not in page, value
    assert "Pemilihan Gubernur, Bupati, dan Wali Kota Serentak 2024" in page and " WIB" in page
    facts = page.split('data-testid="case-facts"')[1]
    assert "1 Oktober 2024" in facts and "2 Oktober 2024" in facts and "Kantor Dinas Pendidikan" in facts
    assert "skb2022.disiplin.6" in facts.split('data-testid="recommended-rules"')[1].split("</ul>")[0]
    bawaslu = next(a for a in [make_account("bawaslu.surat", Role.BAWASLU)])
    detail = get_case(app.state.db, bawaslu, case_id)
    late_evening = datetime(2024, 10, 9, 17, 30, tzinfo=timezone.utc)  # 10 Oktober, 00.30 WIB
    text = pdf_text(recommendation_letter(detail, now=late_evening)).replace("\n", " ")
    assert "Tanggal: 10 Oktober 2024" in text and "pukul 00.30 WIB" in text
    assert "Hukuman disiplin" in text and "Budi Santoso" in text and "PNS" in text
    for value in PROGRAM_VALUES:
        assert value not in text, value
