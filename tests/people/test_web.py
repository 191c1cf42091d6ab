"""The person page per role, linking on the case page, repeat offenders, BKN follow-up and its export."""

import csv
import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.services.people.follow_up import record_follow_up
from netra.services.people.register import import_register
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow, CaseEventRow, CivilServantRow
from tests.people.support import ANI, BUDI, HEADER, SITI, report, walk_to_sanction, write
from tests.web.conftest import csrf_of, login

BUDI_NIP, SITI_NIP = "198001012005011001", "199203152019032002"


@pytest.fixture
def world(app, make_account, tmp_path):
    """Register of three (two in Jepara, one in Kutai Kartanegara), Budi reported twice and sanctioned once."""
    db, store = app.state.db, app.state.settings.data_dir / "evidence"
    accounts = {
        "bkn": make_account("bkn.pusat", Role.BKN, ("33", "64")),
        "bawaslu": make_account("bawaslu.jepara", Role.BAWASLU, ("33.20",)),
        "ppk": make_account("ppk.jepara", Role.PPK, ("33.20",)),
        "ppk_other": make_account("ppk.kukar", Role.PPK, ("64.02",)),
        "viewer": make_account("viewer.jepara", Role.VIEWER, ("33.20",)),
        "admin": make_account("admin.pusat", Role.ADMIN, ("33", "64")),
    }
    import_register(db, accounts["bkn"], write(tmp_path, HEADER, BUDI, SITI, ANI), "Ekspor SIASN",
                    today=date(2026, 6, 1))
    first = report(app, store, "a", nip=BUDI_NIP, name="Budi Santoso", agency="Pemkab Jepara")
    second = report(app, store, "b", nip="19800101 200501 1 001", name="Budi S.",
                    when=datetime(2024, 10, 20, 3, 0, tzinfo=timezone.utc))
    by_name = report(app, store, "c", name="Siti Aminah", agency="Dinas Pendidikan Kabupaten Jepara")
    sanctioned_at = walk_to_sanction(db, store, first, accounts["bawaslu"], accounts["bkn"], accounts["ppk"])
    with db.transaction() as s:
        ids = {r.nip: r.id for r in s.scalars(select(CivilServantRow))}
    return {"accounts": accounts, "cases": (first, second, by_name), "ids": ids, "sanctioned_at": sanctioned_at}


def test_person_page_shows_every_case_decision_and_sanction_with_zoned_dates(client, world):
    login(client, "bawaslu.jepara")
    page = client.get(f"/pegawai/{world['ids'][BUDI_NIP]}")
    assert page.status_code == 200
    html = page.text
    first, second, _ = world["cases"]
    assert "Drs. Budi Santoso, M.Si." in html and BUDI_NIP in html and "Camat Mlonggo" in html
    assert f'data-testid="person-case-{first}"' in html and f'data-testid="person-case-{second}"' in html
    assert "Perkara (2)" in html
    assert "Penurunan jabatan setingkat lebih rendah selama 12 bulan" in html and "skb2022.disiplin.2" in html
    assert "Bupati Jepara" in html
    # The report of 2 October 2024 03:00 UTC was submitted at 10.00 in Jepara (WIB).
    assert "2 Oktober 2024 pukul 10.00 WIB" in html and "1 Oktober 2024" in html
    assert "UTC" not in html
    with client.app.state.db.transaction() as s:
        views = s.scalars(select(AuditRow).where(AuditRow.action == "view")).all()
    assert [v.entity for v in views] == [f"person:{world['ids'][BUDI_NIP]}"]


@pytest.mark.parametrize("who, status", [
    ("bkn.pusat", 200), ("bawaslu.jepara", 200), ("ppk.jepara", 200),
    ("ppk.kukar", 404), ("viewer.jepara", 404), ("admin.pusat", 404),
])
def test_who_may_see_a_person(client, world, who, status):
    login(client, who)
    response = client.get(f"/pegawai/{world['ids'][BUDI_NIP]}")
    assert response.status_code == status
    assert ("Drs. Budi Santoso" in response.text) is (status == 200)


def test_a_ppk_sees_only_people_of_its_own_region(client, world):
    login(client, "ppk.kukar")
    assert client.get(f"/pegawai/{world['ids']['198507072010012003']}").status_code == 200
    assert client.get(f"/pegawai?nip={BUDI_NIP}").status_code == 404


def test_lookup_by_nip_opens_the_person(client, world):
    login(client, "bkn.pusat")
    response = client.get("/pegawai?nip=19800101.200501.1.001", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/pegawai/{world['ids'][BUDI_NIP]}"
    with client.app.state.db.transaction() as s:
        assert s.scalars(select(AuditRow).where(AuditRow.action == "view")).all() == []  # the page view is audited
    assert "tidak ada dalam daftar" in client.get("/pegawai?nip=199999999999999999").text


def test_case_page_panel_matches_by_nip_and_suggests_by_name(client, world):
    first, _, by_name = world["cases"]
    login(client, "bawaslu.jepara")
    panel = client.get(f"/perkara/{first}/pegawai", headers={"hx-request": "true"}).text
    assert 'data-testid="linked-person"' in panel and "Cocok menurut NIP perkara." in panel
    panel = client.get(f"/perkara/{by_name}/pegawai", headers={"hx-request": "true"}).text
    siti = world["ids"][SITI_NIP]
    assert "belum terhubung" in panel and f'data-testid="suggestion-{siti}"' in panel
    assert "nama dan instansi sama" in panel


def test_linking_needs_a_reason_and_is_kept_in_the_case_history(client, world):
    _, _, by_name = world["cases"]
    siti = world["ids"][SITI_NIP]
    login(client, "bawaslu.jepara")
    token = csrf_of(client.get(f"/perkara/{by_name}").text)
    refused = client.post(f"/perkara/{by_name}/pegawai", data={"csrf_token": token, "person_id": siti, "reason": ""})
    assert refused.status_code == 409 and "Alasan wajib diisi." in refused.text
    done = client.post(f"/perkara/{by_name}/pegawai", data={
        "csrf_token": token, "person_id": siti, "reason": "Dicocokkan dengan daftar hadir sekolah"},
        follow_redirects=False)
    assert done.status_code == 303
    page = client.get(f"/perkara/{by_name}").text
    assert "Hubungkan dengan daftar pegawai" in page and "Dicocokkan dengan daftar hadir sekolah" in page
    assert "Siti Aminah" in client.get(f"/pegawai/{siti}").text
    client.post(f"/perkara/{by_name}/pegawai", data={"csrf_token": token, "person_id": "", "reason": "Salah orang"})
    panel = client.get(f"/perkara/{by_name}/pegawai", headers={"hx-request": "true"}).text
    assert "Petugas melepas keterkaitan" in panel
    with client.app.state.db.transaction() as s:
        events = s.scalars(select(CaseEventRow).where(CaseEventRow.case_id == by_name,
                                                      CaseEventRow.action.like("%person"))).all()
    assert [(e.action, e.reason, e.actor_role) for e in events] == [
        ("link_person", "Dicocokkan dengan daftar hadir sekolah", "bawaslu"), ("unlink_person", "Salah orang", "bawaslu")]


@pytest.mark.parametrize("who", ["ppk.jepara", "viewer.jepara"])
def test_other_roles_cannot_link(client, world, who):
    _, _, by_name = world["cases"]
    login(client, who)
    token = csrf_of(client.get("/perkara").text)
    response = client.post(f"/perkara/{by_name}/pegawai", data={
        "csrf_token": token, "person_id": world["ids"][SITI_NIP], "reason": "x"})
    assert response.status_code == 409 and "Hanya petugas Bawaslu atau BKN" in response.text


def test_repeat_offenders_named_for_officers_and_withheld_for_viewers(client, world):
    login(client, "bawaslu.jepara")
    html = client.get("/perkara/berulang?election=pilkada2024").text
    people = html.split('data-testid="repeat-people"')[1].split("</table>")[0]
    assert "Drs. Budi Santoso, M.Si." in people and ">2<" in people and "Siti" not in people
    client.post("/keluar", data={"csrf_token": csrf_of(html)})
    login(client, "viewer.jepara")
    html = client.get("/perkara/berulang").text
    assert "Budi" not in html and BUDI_NIP not in html and "(dirahasiakan)" in html
    widget = client.get("/dasbor/berulang").text
    assert 'data-testid="repeat-widget"' in widget and "Budi" not in widget
    worklist = client.get("/perkara").text
    assert worklist.count('data-testid="repeat-mark"') == 2 and "berulang: 2 perkara" in worklist


def test_bkn_records_a_siasn_block_and_its_lifting(client, app, world):
    first = world["cases"][0]
    login(client, "bkn.pusat")
    token = csrf_of(client.get(f"/perkara/{first}").text)
    refused = client.post(f"/perkara/{first}/tindak-lanjut-bkn", data={
        "csrf_token": token, "kind": "siasn_unblock", "on_date": "2024-12-01", "document_number": "B-1/2024"})
    assert refused.status_code == 409 and "Tidak ada blokir SIASN" in refused.text
    # The sanctioned case came through "not followed up": a block was possible then, the lifting is possible now.
    db, store = app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence")
    later = datetime(2024, 12, 5, 3, 0, tzinfo=timezone.utc)
    case_b = world["cases"][1]
    walk_to_sanction(db, store.root, case_b, world["accounts"]["bawaslu"], world["accounts"]["bkn"],
                     world["accounts"]["ppk"], stop_at="mark_not_followed_up",
                     start=datetime(2024, 10, 21, 2, 0, tzinfo=timezone.utc))
    record_follow_up(db, store, world["accounts"]["bkn"], case_b, "siasn_block", date(2024, 12, 1), "B-77/BKN/2024",
                     "PPK tidak menjatuhkan sanksi", ("blokir.pdf", b"%PDF-1.4\n%%EOF\n"), now=later)
    response = client.post(f"/perkara/{case_b}/tindak-lanjut-bkn", data={
        "csrf_token": token, "kind": "siasn_block", "on_date": "2024-12-02", "document_number": "B-78"})
    assert response.status_code == 409 and "sudah diblokir" in response.text
    gap = client.get("/perkara?view=gap").text
    assert "1 Desember 2024: Blokir data kepegawaian di SIASN (B-77/BKN/2024)" in gap
    rows = list(csv.DictReader(io.StringIO(client.get("/ekspor/tindak-lanjut-bkn.csv").content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["perkara"] == str(case_b))
    assert (row["nip"], row["blokir_siasn_berlaku"], row["nomor_dokumen"], row["terdaftar"]) == (
        BUDI_NIP, "ya", "B-77/BKN/2024", "ya")
    person = client.get(f"/pegawai/{world['ids'][BUDI_NIP]}").text
    assert "1 Desember 2024 — Blokir data kepegawaian di SIASN" in person


def test_bkn_export_is_for_bkn_only_and_guards_formulas(client, app, world):
    login(client, "bawaslu.jepara")
    assert client.get("/ekspor/tindak-lanjut-bkn.csv").status_code == 403
    client.post("/keluar", data={"csrf_token": csrf_of(client.get("/perkara").text)})
    login(client, "bkn.pusat")
    xlsx = client.get("/ekspor/tindak-lanjut-bkn.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    with app.state.db.transaction() as s:
        assert s.scalars(select(AuditRow).where(AuditRow.entity == "bkn_follow_up")).first() is not None


def test_import_page_for_admin_and_bkn_only(client, world, tmp_path):
    login(client, "bawaslu.jepara")
    assert client.get("/pegawai/impor").status_code == 403
    client.post("/keluar", data={"csrf_token": csrf_of(client.get("/perkara").text)})
    login(client, "admin.pusat")
    page = client.get("/pegawai/impor").text
    assert "memuat 3 orang" in page
    content = (HEADER + "\n" + SITI.replace("Guru SD Negeri 2 Bangsri", "Kepala Sekolah") + "\n"
               "12345;Salah;Staf;Dinas;33.20;PNS;\n").encode()
    response = client.post("/pegawai/impor", data={"csrf_token": csrf_of(page), "reason": "Ekspor Juli"},
                           files={"file": ("juli.csv", content, "text/csv")})
    assert response.status_code == 200
    assert "2 baris: 0 ditambahkan, 1 diperbarui, 0 tetap, 1 salah." in response.text
    assert "Baris 3: NIP harus 18 angka, tertulis 5 angka." in response.text
    refused = client.post("/pegawai/impor", data={"csrf_token": csrf_of(page), "reason": "x"},
                          files={"file": ("x.csv", b"NAMA\nBudi\n", "text/csv")})
    assert refused.status_code == 422 and "Kolom wajib tidak ditemukan" in refused.text
    client.post("/keluar", data={"csrf_token": csrf_of(page)})
    login(client, "bkn.pusat")
    person = client.get(f"/pegawai/{world['ids'][SITI_NIP]}").text
    assert re.search(r"Jabatan: Guru SD Negeri 2 Bangsri → Kepala Sekolah \(admin\.pusat, impor #\d+\)", person)


def test_public_figures_never_expose_a_person(client, world):
    for url in ("/statistik", "/api/public/stats/v1", "/api/public/stats/v1/family.csv"):
        body = client.get(url).text
        assert "Budi" not in body and BUDI_NIP not in body and "Siti" not in body, url


def test_import_history_shows_times_in_the_readers_zone(client, make_account, world):
    make_account("admin.kaltim", Role.ADMIN, ("64",))
    login(client, "admin.kaltim")
    page = client.get("/pegawai/impor").text
    content = (HEADER + "\n" + SITI + "\n").encode()
    client.post("/pegawai/impor", data={"csrf_token": csrf_of(page), "reason": "Ekspor Agustus"},
                files={"file": ("agustus.csv", content, "text/csv")})
    history = client.get("/pegawai/impor").text
    row = re.search(r"<tr><td>\d+</td><td>([^<]+)</td><td>admin\.kaltim</td>", history)
    assert row and row.group(1).endswith(" WITA"), history[-1500:]  # Kalimantan Timur reads WITA, not WIB
