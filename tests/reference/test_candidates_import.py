"""KPU candidate lists (CSV/XLSX as KPU publishes them) into storage, and the screener built from the reference
data in force (issue 11 item 3, issue 19 item 4): imported pairs, rulebook corrections and added elections reach
the screener without a restart; a malformed list is refused whole, with row numbers, storing nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services import reference_data
from netra.services.accounts import create_account
from netra.services.candidates import CandidateImportError, import_kpu_list, list_candidates
from netra.services.reference_data import ReferenceDataError
from tests.support.reference import approved_correction, approved_election
from netra.storage import audit_log
from netra.storage.tables import CandidateRow
from tests.reference.test_reference_admin import NEW_ELECTION

# A regency's list as KPU prints it: a title block, then the header row, fictional pairs (never real people).
KPU_CSV = """KOMISI PEMILIHAN UMUM KABUPATEN JEPARA
Penetapan Nomor Urut Pasangan Calon Bupati dan Wakil Bupati Tahun 2024

No,Nomor Urut,Nama Calon Bupati,Nama Calon Wakil Bupati,Partai Politik Pengusul,Kabupaten/Kota
1,1,"H. Rusdi Hartono, S.H.","Dr. Melati Anggraini, M.Si",Partai Nusantara Maju; Partai Karya Bangsa,Kabupaten Jepara
2,2,Sapto Wibowo,"Nurul Hidayah, S.Pd",Perseorangan,Kab. Jepara
"""


@pytest.fixture
def admin(db):
    return create_account(db, "admin.kpu", "", "kata-sandi-panjang", Role.ADMIN, ["33"])


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_kpu_csv_is_stored_and_the_screener_uses_it(db, admin, tmp_path):
    path = tmp_path / "paslon_jepara.csv"
    path.write_text(KPU_CSV, encoding="utf-8")
    before = reference_data.screener(db)
    result = import_kpu_list(db, admin, path, "pilkada2024")
    assert (result.stored, result.replaced, result.regions) == (2, 0, ("33.20",))
    rows = list_candidates(db, "pilkada2024")
    assert [(r.number, r.name, r.region_code) for r in rows] == [
        (1, "Rusdi Hartono – Melati Anggraini", "33.20"), (2, "Sapto Wibowo – Nurul Hidayah", "33.20")]
    assert rows[0].party == "Partai Nusantara Maju; Partai Karya Bangsa" and rows[1].party == ""
    with db.transaction() as s:
        assert audit_log.verify(s)[1] == []
    screener = reference_data.screener(db)
    assert screener is not before  # rebuilt because the reference data changed
    post = {"id": "p1", "text": "Sbg guru PNS sy ajak semua coblos Rusdi–Melati, pasti menang!",
            "created_at": "2024-11-01", "region": "33.20"}
    r = screener.screen(post)
    assert r.violation and r.candidate.name == "Rusdi Hartono – Melati Anggraini" and r.candidate.number == "01"
    assert r.candidate.election == "pilkada2024" and r.stage == "pilkada2024:campaign"
    # a bare ballot number resolves to the pair of that region only
    r2 = screener.screen({"id": "p2", "text": "Sbg ASN sy pilih nomor urut 2!", "created_at": "2024-11-01",
                          "region": "33.20"})
    assert r2.candidate.name == "Sapto Wibowo – Nurul Hidayah"
    assert reference_data.screener(db) is screener  # nothing changed: the same screener


def test_kpu_xlsx_with_one_name_column_and_a_region_code(db, admin):
    data = _xlsx([["DAFTAR PASANGAN CALON"], [], ["NOMOR URUT", "NAMA PASANGAN CALON", "PARTAI PENGUSUL", "KODE WILAYAH"],
                  [1, "Bayu Pratama - Indah Lestari", "Partai Amanah Rakyat", "64.02"],
                  [2.0, "Darto Susilo & Intan Permata", "Partai Rakyat Sejahtera", "6402"]])
    result = import_kpu_list(db, admin, "kukar.xlsx", "pilkada2024", data=data)
    assert result.stored == 2 and result.regions == ("64.02",)
    names = [r.name for r in list_candidates(db)]
    assert names == ["Bayu Pratama – Indah Lestari", "Darto Susilo – Intan Permata"]


def test_reimport_replaces_the_pairs_of_that_region(db, admin, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(KPU_CSV, encoding="utf-8")
    import_kpu_list(db, admin, path, "pilkada2024")
    path.write_text("Nomor Urut,Nama Pasangan Calon\n1,Rusdi Hartono - Melati Anggraini\n", encoding="utf-8")
    result = import_kpu_list(db, admin, path, "pilkada2024", default_region="33.20")
    assert (result.stored, result.replaced) == (1, 2)
    assert [r.number for r in list_candidates(db)] == [1]


@pytest.mark.parametrize("text,problems", [
    ("Nomor Urut,Nama Pasangan Calon,Wilayah\nsatu,Rusdi - Melati,Kabupaten Jepara\n2,,Kabupaten Jepara\n"
     "3,Sapto - Nurul,Kabupaten Tidakada\n",
     ["baris 2: nomor urut harus angka", "baris 3: nama pasangan calon kosong", "baris 4: wilayah 'Kabupaten Tidakada'"]),
    ("Nomor Urut,Nama Pasangan Calon,Wilayah\n1,Rusdi - Melati,Bekasi\n", ["baris 2: wilayah 'Bekasi' ambigu"]),
    ("Nomor Urut,Nama Pasangan Calon\n1,A Satu - B Dua\n1,C Tiga - D Empat\n",
     ["baris 3: nomor urut 1 untuk wilayah 33.20 sudah ada di baris 2"]),
    ("Judul saja\nNama,Alamat\nx,y\n", ["baris 1–3: baris judul kolom tidak ditemukan"]),
])
def test_a_malformed_list_is_refused_whole_with_row_numbers(db, admin, tmp_path, text, problems):
    path = tmp_path / "rusak.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CandidateImportError) as err:
        import_kpu_list(db, admin, path, "pilkada2024", default_region="33.20")
    for expected, got in zip(problems, err.value.problems, strict=True):
        assert got.startswith(expected), (expected, got)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(CandidateRow)) == 0


def test_unknown_election_and_non_admins_are_refused(db, admin, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(KPU_CSV, encoding="utf-8")
    with pytest.raises(CandidateImportError, match="pilkada2099"):
        import_kpu_list(db, admin, path, "pilkada2099")
    officer = create_account(db, "bawaslu.y", "", "kata-sandi-panjang", Role.BAWASLU, ["33.20"])
    with pytest.raises(ReferenceDataError, match="administrator"):
        import_kpu_list(db, officer, path, "pilkada2024")


def test_screener_follows_rulebook_corrections_and_added_elections(db, admin):
    post = {"id": "x", "text": "Sebagai guru PNS saya ajak coblos paslon nomor urut 2 ya!", "created_at": "2029-10-10",
            "region": "33.20"}
    assert reference_data.screener(db).screen(post).stage is None  # no election on that day yet
    approved_election(db, NEW_ELECTION)
    assert reference_data.screener(db).screen(post).stage == "pilkada2029uji:campaign"
    rulebook_before = reference_data.screener(db).rulebook
    approved_correction(db, "skb2022.disiplin.2", "sanction.level", "sedang")
    screener = reference_data.screener(db)
    assert screener.rulebook is not rulebook_before
    assert screener.rulebook["skb2022.disiplin.2"].sanction.level.value == "sedang"


def test_cli_imports_and_lists(db, admin, tmp_path):
    from typer.testing import CliRunner

    from netra.cli.main import app

    path = tmp_path / "paslon.csv"
    path.write_text(KPU_CSV, encoding="utf-8")
    runner = CliRunner()
    env = {"NETRA_DATABASE_URL": str(db.engine.url.render_as_string(hide_password=False)),
           "NETRA_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "400"}
    res = runner.invoke(app, ["candidates", "import", str(path), "--election", "pilkada2024", "--by", "admin.kpu"],
                        env=env)
    assert res.exit_code == 0, res.output
    assert "2 pair(s) stored for pilkada2024 (33.20)" in res.output
    res = runner.invoke(app, ["candidates", "list"], env=env)
    words = " ".join(res.output.replace("│", " ").replace("┃", " ").split())  # a narrow terminal wraps the cells
    assert all(w in words for w in ("Rusdi", "Hartono", "Melati", "33.20")), res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("Nomor Urut,Nama Pasangan Calon,Wilayah\n1,A - B,Kabupaten Tidakada\n", encoding="utf-8")
    res = runner.invoke(app, ["candidates", "import", str(bad), "--election", "pilkada2024", "--by", "admin.kpu"],
                        env=env)
    assert res.exit_code == 1 and "bad.csv: baris 2: wilayah 'Kabupaten Tidakada' tidak dikenal" in res.output
