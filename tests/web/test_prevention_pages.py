"""Issue 17, socialisation and pledges: the agency register, recording events and pledges with PDFs checked by
content, CSV/XLSX imports with line-numbered errors (nothing stored on error), exports, and the coverage views per
role and on the public page (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, insert, select

from netra.accounts.roles import Role
from netra.demo.prevention import ensure_demo_prevention
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AgencyRow, AuditRow, CaseRow, NeutralityPledgeRow, SocialisationEventRow
from tests.web.conftest import csrf_of, login

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"x" * 100


def _agency(app, region, name):
    with app.state.db.transaction() as s:
        return s.scalar(select(AgencyRow.id).where(AgencyRow.region_code == region, AgencyRow.name == name))


def _count(app, table):
    with app.state.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def _signed_in(client, make_account, role=Role.BAWASLU, scope=("33.20",), name="petugas"):
    make_account(name, role, scope)
    assert login(client, name).status_code == 303
    return csrf_of(client.get("/pencegahan").text)


def test_each_region_has_its_government_and_main_offices(app):
    with app.state.db.transaction() as s:
        names = set(s.scalars(select(AgencyRow.name).where(AgencyRow.region_code == "33.20")))
        total = s.scalar(select(func.count()).select_from(AgencyRow))
    assert {"Pemerintah Kabupaten Jepara", "Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"} <= names
    assert total > 4000  # every province and regency/city, about nine each


def test_recording_an_event_and_a_pledge_shows_in_the_coverage(client, app, make_account):
    token = _signed_in(client, make_account)
    setda = _agency(app, "33.20", "Sekretariat Daerah")
    r = client.post("/pencegahan/acara", data={
        "csrf_token": token, "instansi": setda, "pemilihan": "pilkada2024", "tanggal": "2024-10-10",
        "tempat": "Aula Setda", "topik": "Netralitas ASN", "peserta_pns": "120", "peserta_pppk": "30"},
        files={"berkas": ("materi.pdf", PDF, "application/pdf")}, follow_redirects=False)
    assert r.status_code == 303
    r = client.post("/pencegahan/ikrar", data={
        "csrf_token": token, "instansi": setda, "pemilihan": "pilkada2024", "tanggal": "2024-09-01",
        "tanda_tangan": "240", "pegawai": "250"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get("/pencegahan", params={"wilayah": "33.20", "pemilihan": "pilkada2024"}).text
    with app.state.db.transaction() as s:
        n = s.scalar(select(func.count()).select_from(AgencyRow).where(AgencyRow.region_code == "33.20"))
    share = f"{100 / n:.1f}".replace(".", ",") + "%"
    assert f'data-testid="share-33.20">{share}<' in page
    assert "1 September 2024: 240 / 250" in page
    row = re.search(r'<tr data-region="33.20">(.*?)</tr>', page, re.S).group(1)
    assert ">150<" in row  # 120 PNS + 30 PPPK reached
    event = client.get("/dasbor/pencegahan").text
    assert "Masa kampanye" in event and "Kabupaten Jepara" in event
    with app.state.db.transaction() as s:
        event_id = s.scalar(select(SocialisationEventRow.id))
        assert s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity.like("socialisation:%"))) == 1
    doc = client.get(f"/pencegahan/dokumen/acara/{event_id}")
    assert doc.status_code == 200 and doc.content == PDF


def test_a_document_that_is_not_a_pdf_is_refused_and_nothing_is_stored(client, app, make_account):
    token = _signed_in(client, make_account)
    r = client.post("/pencegahan/acara", data={
        "csrf_token": token, "instansi": _agency(app, "33.20", "Dinas Pendidikan"), "pemilihan": "pilkada2024",
        "tanggal": "2024-10-10", "tempat": "Aula", "topik": "Netralitas", "peserta_pns": "10"},
        files={"berkas": ("materi.pdf", JPEG, "application/pdf")})
    assert r.status_code == 422 and "bukan dokumen PDF" in r.text
    assert 'value="Aula"' in r.text  # the input is kept
    r = client.post("/pencegahan/ikrar", data={
        "csrf_token": token, "instansi": _agency(app, "33.20", "Dinas Pendidikan"), "pemilihan": "pilkada2024",
        "tanggal": "2024-09-01", "tanda_tangan": "300", "pegawai": "250"})
    assert r.status_code == 422 and "Jumlah penanda tangan" in r.text
    assert _count(app, SocialisationEventRow) == 0 and _count(app, NeutralityPledgeRow) == 0


def test_an_agency_out_of_scope_cannot_be_used_or_seen(client, app, make_account):
    token = _signed_in(client, make_account)
    kukar = _agency(app, "64.02", "Sekretariat Daerah")
    r = client.post("/pencegahan/ikrar", data={"csrf_token": token, "instansi": kukar, "pemilihan": "pilkada2024",
                                               "tanggal": "2024-09-01", "tanda_tangan": "1", "pegawai": "2"})
    assert r.status_code == 422 and "tidak ditemukan di wilayah Anda" in r.text
    page = client.get("/pencegahan", params={"wilayah": "64.02"}).text
    assert "Kutai Kartanegara" not in page


def _options(html: str, field: str) -> list[str]:
    select = re.search(rf'<select name="instansi" id="{field}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


def test_a_national_account_searches_the_agency_register_instead_of_scrolling_it(client, app, make_account):
    from netra.regions import load_reference_regions

    provinces = tuple(r.code for r in load_reference_regions() if r.parent_code is None)
    _signed_in(client, make_account, Role.BKN, provinces, "bkn.pusat")
    page = client.get("/pencegahan").text
    # thousands of agencies in scope: the form lists none and asks to search (or to choose a region first)
    assert _options(page, "instansi-acara") == [] and _options(page, "instansi-ikrar") == []
    assert "ketik nama instansi di kotak cari" in page and 'hx-get="/pencegahan/instansi-cari"' in page
    found = client.get("/pencegahan/instansi-cari", params={"cari_instansi": "pendidikan jepara",
                                                             "field": "instansi-ikrar"})
    assert found.status_code == 200
    assert _options(found.text, "instansi-ikrar") == ["Kabupaten Jepara · Dinas Pendidikan"]
    many = client.get("/pencegahan/instansi-cari", params={"cari_instansi": "dinas", "field": "instansi-acara"}).text
    assert len(_options(many, "instansi-acara")) == 50 and "Menampilkan 50 dari" in many
    none = client.get("/pencegahan/instansi-cari", params={"cari_instansi": "tidak ada instansi begini"}).text
    assert _options(none, "instansi-acara") == [] and "tidak ada instansi yang cocok" in none
    # choosing a region first lists that region's agencies (the way without JavaScript)
    assert "Kabupaten Jepara · Sekretariat Daerah" in _options(client.get("/pencegahan", params={"wilayah": "33.20"}).text,
                                                              "instansi-acara")


def test_a_regional_account_sees_its_agencies_and_searches_only_its_regions(client, app, make_account):
    token = _signed_in(client, make_account)
    listed = _options(client.get("/pencegahan").text, "instansi-acara")
    assert "Kabupaten Jepara · Sekretariat Daerah" in listed and all(o.startswith("Kabupaten Jepara") for o in listed)
    assert _options(client.get("/pencegahan/instansi-cari", params={"cari_instansi": "kutai"}).text,
                    "instansi-acara") == []
    # a refused form comes back with the agency still chosen
    dinas = _agency(app, "33.20", "Dinas Pendidikan")
    r = client.post("/pencegahan/ikrar", data={"csrf_token": token, "instansi": dinas, "pemilihan": "pilkada2024",
                                               "tanggal": "2024-09-01", "tanda_tangan": "300", "pegawai": "250"})
    assert r.status_code == 422
    chosen = re.search(r'<select name="instansi" id="instansi-ikrar".*?</select>', r.text, re.S).group(0)
    assert re.search(rf'<option value="{dinas}" selected>Kabupaten Jepara · Dinas Pendidikan</option>', chosen)


def test_imports_name_every_bad_line_and_store_nothing(client, app, make_account):
    token = _signed_in(client, make_account)
    csv_text = ("kode_wilayah;instansi;pemilihan;tanggal;jumlah_tanda_tangan;jumlah_pegawai\n"
                "33.20;Dinas Pendidikan;pilkada2024;2024-09-01;100;120\n"
                "33.20;Dinas Rahasia;pilkada2024;2024-09-01;10;12\n"
                "33.20;Dinas Kesehatan;pilkada2024;2024-13-01;10;12\n"
                "64.02;Sekretariat Daerah;pilkada2024;2024-09-01;10;12\n"
                "33.20;Inspektorat;pilkada2099;2024-09-01;20;12\n")
    r = client.post("/pencegahan/impor", data={"csrf_token": token, "jenis": "ikrar"},
                    files={"berkas": ("ikrar.csv", csv_text.encode(), "text/csv")})
    assert r.status_code == 422
    problems = re.findall(r"<li>(Baris \d+: [^<]+)</li>", r.text)
    assert [p.split(":")[0] for p in problems] == ["Baris 3", "Baris 4", "Baris 5", "Baris 6"]
    assert "Dinas Rahasia" in problems[0] and "tanggal" in problems[1] and "di luar wilayah" in problems[2]
    assert "lebih besar dari jumlah_pegawai" in problems[3]
    assert _count(app, NeutralityPledgeRow) == 0


def test_an_xlsx_import_stores_all_rows_and_the_export_reads_back(client, app, make_account):
    token = _signed_in(client, make_account)
    book = Workbook()
    sheet = book.active
    sheet.append(["kode_wilayah", "instansi", "pemilihan", "tanggal", "tempat", "topik", "peserta_pns",
                  "peserta_village_head"])
    sheet.append(["33.20", "Dinas Pendidikan", "pilkada2024", date(2024, 9, 12), "Aula", "Guru dan media sosial", 300, None])
    sheet.append(["33.20", "Pemerintah Kabupaten Jepara", "pilkada2024", "2024-10-01", "Pendopo", "Kepala desa", 5, 40])
    buffer = io.BytesIO()
    book.save(buffer)
    r = client.post("/pencegahan/impor", data={"csrf_token": token, "jenis": "acara"},
                    files={"berkas": ("acara.xlsx", buffer.getvalue(), "application/octet-stream")},
                    follow_redirects=False)
    assert r.status_code == 303 and _count(app, SocialisationEventRow) == 2
    csv_out = client.get("/pencegahan/ekspor/acara.csv")
    assert csv_out.status_code == 200 and "Guru dan media sosial" in csv_out.text
    lines = csv_out.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("kode_wilayah,instansi,pemilihan,tanggal")
    xlsx = load_workbook(io.BytesIO(client.get("/pencegahan/ekspor/acara.xlsx").content)).active
    rows = list(xlsx.iter_rows(values_only=True))
    assert rows[1][:4] == ("33.20", "Dinas Pendidikan", "pilkada2024", "2024-09-12")
    # the export imports back (same columns): a second copy of each event
    r = client.post("/pencegahan/impor", data={"csrf_token": token, "jenis": "acara"},
                    files={"berkas": ("acara.csv", csv_out.content, "text/csv")}, follow_redirects=False)
    assert r.status_code == 303 and _count(app, SocialisationEventRow) == 4


def test_only_administrators_edit_the_register(client, app, make_account):
    token = _signed_in(client, make_account)
    r = client.post("/pencegahan/instansi", data={"csrf_token": token, "wilayah": "33.20", "nama": "Kecamatan Mlonggo",
                                                  "jenis": "district"})
    assert r.status_code == 403
    client.post("/keluar", data={"csrf_token": token})
    token = _signed_in(client, make_account, Role.ADMIN, ("33",), "pengelola")
    r = client.post("/pencegahan/instansi", data={"csrf_token": token, "wilayah": "33.20", "nama": "Kecamatan Mlonggo",
                                                  "jenis": "district"}, follow_redirects=False)
    assert r.status_code == 303
    mlonggo = _agency(app, "33.20", "Kecamatan Mlonggo")
    r = client.post(f"/pencegahan/instansi/{mlonggo}", data={"csrf_token": token, "nama": "Kantor Kecamatan Mlonggo",
                                                             "wilayah": "33.20"}, follow_redirects=False)
    assert r.status_code == 303
    with app.state.db.transaction() as s:
        row = s.get(AgencyRow, mlonggo)
        assert (row.name, row.active) == ("Kantor Kecamatan Mlonggo", False)
    r = client.post("/pencegahan/instansi", data={"csrf_token": token, "wilayah": "33.20", "nama": "dinas pendidikan"})
    assert r.status_code == 422 and "sudah terdaftar" in r.text


@pytest.mark.parametrize("role", [Role.ADMIN, Role.BAWASLU, Role.BKN, Role.PPK, Role.VIEWER])
def test_coverage_views_per_role_show_only_their_regions(client, app, make_account, role):
    ensure_demo_prevention(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"))
    token = _signed_in(client, make_account, role, ("33.20",), f"u.{role.value}")
    page = client.get("/pencegahan", params={"wilayah": "33.20", "pemilihan": "pilkada2024"})
    assert page.status_code == 200
    assert 'data-region="33.20"' in page.text and 'data-region="64.02"' not in page.text
    assert "Kecamatan Tahunan" in page.text and "1.850 / 1.900" in page.text
    partial = client.get("/dasbor/pencegahan", params={"pemilihan": "pilkada2024"}).text
    assert 'data-region="33.20"' in partial and "Kutai" not in partial
    assert ('data-testid="form-event"' in page.text) is (role is not Role.VIEWER)
    assert ('data-testid="form-agency"' in page.text) is (role is Role.ADMIN)
    if role is Role.VIEWER:
        r = client.post("/pencegahan/ikrar", data={"csrf_token": token})
        assert r.status_code == 403


def test_the_public_page_shows_coverage_and_regions_with_many_cases_and_no_socialisation(client, app):
    ensure_demo_prevention(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"))
    with app.state.db.transaction() as s:
        s.execute(insert(CaseRow), [dict(origin="report", status="received", version=1, region_code=code,
                                         election_id="pilkada2024", event_date=date(2024, 10, 1))
                                    for code, n in (("33.74", 12), ("33.20", 15), ("64.72", 3)) for _ in range(n)])
    r = client.get("/statistik/pencegahan", params={"pemilihan": "pilkada2024"})
    assert r.status_code == 200
    flagged = re.search(r'data-testid="flagged">(.*?)</ul>', r.text, re.S).group(1)
    assert "Kota Semarang" in flagged and "12 perkara" in flagged
    assert "Jepara" not in flagged and "Kota Samarinda" not in flagged  # socialised; too few cases
    assert 'data-region="64.02"' in r.text and 'data-region="33.20"' in r.text
    assert "Terlapor" not in r.text and "/pencegahan?wilayah" not in r.text  # no names, no officer links
