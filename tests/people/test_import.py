"""Importing the register on SQLite and PostgreSQL: errors by line, idempotent re-import, history, removal."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.services.people.register import ImportRefused, import_register, remove_person
from netra.storage.tables import AuditRow, CivilServantChangeRow, CivilServantRow, RegisterImportRow
from tests.people.support import ANI, BUDI, HEADER, SITI, account, write

TODAY = date(2026, 6, 1)


def people(db):
    with db.transaction() as s:
        return {r.nip: r for r in s.scalars(select(CivilServantRow))}


def changes(db):
    with db.transaction() as s:
        return [(c.field, c.old_value, c.new_value, c.import_id) for c in
                s.scalars(select(CivilServantChangeRow).order_by(CivilServantChangeRow.id))]


def test_first_import_stores_valid_rows_and_reports_bad_lines(db, tmp_path):
    bkn = account(db)
    path = write(tmp_path, HEADER, BUDI, SITI,
                 "198001012005011002;Tanpa Status;Staf;Dinas X;33.20;Honorer;",
                 "198013012005011003;Tanggal Salah;Staf;Dinas X;33.20;PNS;",
                 "198001012005011004;Wilayah Salah;Staf;Dinas X;99.99;PNS;",
                 "198001012005011001;Budi Lagi;Staf;Dinas X;33.20;PNS;", ANI)
    result = import_register(db, bkn, path, "Ekspor SIASN 1 Juni 2026", today=TODAY)
    assert (result.rows, result.added, result.updated, result.error_count) == (7, 3, 0, 4)
    messages = [str(e) for e in result.errors]
    assert messages[0].startswith("Baris 4: STATUS harus PNS atau PPPK")
    assert messages[1].startswith("Baris 5: Tanggal lahir dalam NIP")
    assert messages[2].startswith("Baris 6: KODE WILAYAH '99.99' tidak dikenal")
    assert messages[3] == "Baris 7: NIP 198001012005011001 sudah tercantum di baris 2."
    stored = people(db)
    assert set(stored) == {"198001012005011001", "199203152019032002", "198507072010012003"}
    budi, siti = stored["198001012005011001"], stored["199203152019032002"]
    assert (budi.name, budi.name_key, budi.region_code, budi.status, budi.rank) == (
        "Drs. Budi Santoso, M.Si.", "budi santoso", "33.20", "PNS", "IV/a")
    assert (siti.region_code, siti.status) == ("33.20", "PPPK")  # "3320" read as a regency code
    with db.transaction() as s:
        record = s.scalars(select(RegisterImportRow)).one()
        audit = s.scalars(select(AuditRow).where(AuditRow.action == "import")).one()
    assert (record.added, record.errors, record.by_user) == (3, 4, "bkn.pusat")
    assert record.error_sample[2].startswith("Baris 6")
    assert audit.entity == f"register_import:{record.id}" and audit.detail["added"] == 3


def test_reimport_is_idempotent_and_keeps_the_history_of_changed_fields(db, tmp_path):
    bkn = account(db)
    first = write(tmp_path, HEADER, BUDI, SITI, name="a.csv")
    import_register(db, bkn, first, "Ekspor Mei", today=TODAY)
    again = import_register(db, bkn, first, "Ekspor Mei, dikirim ulang", today=TODAY)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2) and changes(db) == []
    moved = SITI.replace("Guru SD Negeri 2 Bangsri", "Kepala SD Negeri 1 Mlonggo").replace(";IX", ";X")
    second = write(tmp_path, HEADER, BUDI, moved, name="b.csv")
    result = import_register(db, bkn, second, "Ekspor Juni", today=TODAY)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert changes(db) == [("position", "Guru SD Negeri 2 Bangsri", "Kepala SD Negeri 1 Mlonggo", result.import_id),
                           ("rank", "IX", "X", result.import_id)]
    assert people(db)["199203152019032002"].position == "Kepala SD Negeri 1 Mlonggo"
    assert people(db)["199203152019032002"].created_import_id != result.import_id


def test_a_removed_person_is_kept_and_comes_back_on_reimport(db, tmp_path):
    bkn = account(db)
    path = write(tmp_path, HEADER, BUDI)
    import_register(db, bkn, path, "Ekspor Mei", today=TODAY)
    remove_person(db, bkn, "198001012005011001", "Pensiun 1 Juni 2026")
    assert people(db)["198001012005011001"].removed_at is not None
    result = import_register(db, bkn, path, "Ekspor Juni", today=TODAY)
    assert result.updated == 1 and people(db)["198001012005011001"].removed_at is None
    assert [c[:3] for c in changes(db)] == [("register", "ada", "dihapus"), ("register", "dihapus", "ada")]


def test_xlsx_with_a_title_row_other_header_names_and_numeric_cells(db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Daftar pegawai Kabupaten Jepara"])  # a title above the table is common: it is not the header
    sheet.append([])
    sheet.append(["No", "NIP Baru", "Nama Lengkap", "Jabatan", "Instansi", "Kode Wilayah", "Jenis Pegawai", "Gol/Ruang"])
    sheet.append([1, "198001012005011001", "Budi Santoso", "Camat", "Pemkab Jepara", 3320, "pns", "IV/a"])
    sheet.append([2, 1.99203152019032e17, "Siti", "Guru", "Dinas Pendidikan", "33.20", "PPPK", "IX"])
    path = tmp_path / "pegawai.xlsx"
    book.save(path)
    result = import_register(db, account(db), path, "Ekspor", today=TODAY)
    assert result.added == 1 and people(db)["198001012005011001"].region_code == "33.20"
    assert [str(e)[:55] for e in result.errors] == ["Baris 5: NIP tersimpan sebagai angka pecahan oleh Excel"]


@pytest.mark.parametrize("content, message", [
    ("NAMA;JABATAN\nBudi;Camat\n", "Kolom wajib tidak ditemukan di baris judul: NIP, UNIT KERJA/INSTANSI"),
    ("", "kosong"),
])
def test_a_file_without_the_required_columns_changes_nothing(db, tmp_path, content, message):
    bkn = account(db)
    import_register(db, bkn, write(tmp_path, HEADER, BUDI, name="ok.csv"), "Ekspor Mei", today=TODAY)
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match=message):
        import_register(db, bkn, path, "Ekspor Juni", today=TODAY)
    with db.transaction() as s:
        assert len(s.scalars(select(RegisterImportRow)).all()) == 1
    assert set(people(db)) == {"198001012005011001"}


def test_windows_csv_with_commas_reads_the_same(db, tmp_path):
    path = write(tmp_path, HEADER.replace(";", ","), "198001012005011001,Sébastianus Nainggolan,Staf,Dinas X,33.20,PNS,",
                 encoding="cp1252")
    result = import_register(db, account(db), path, "Ekspor", today=TODAY)
    assert result.added == 1 and people(db)["198001012005011001"].name == "Sébastianus Nainggolan"


def test_only_admin_or_bkn_may_import_and_a_reason_is_needed(db, tmp_path):
    path = write(tmp_path, HEADER, BUDI)
    with pytest.raises(ImportRefused, match="administrator atau BKN"):
        import_register(db, account(db, "ppk.jepara", Role.PPK, ("33.20",)), path, "Ekspor", today=TODAY)
    with pytest.raises(ImportRefused, match="Alasan"):
        import_register(db, account(db), path, "  ", today=TODAY)
    assert people(db) == {}


FUZZ_ROWS = st.lists(st.lists(st.one_of(st.text(max_size=25), st.sampled_from(
    ["198001012005011001", "33.20", "PNS", "PPPK", "", ";", '"', "\n"])), max_size=8), max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(header=st.sampled_from([HEADER, "NIP,NAMA,UNIT KERJA,KODE WILAYAH,STATUS", "x"]), rows=FUZZ_ROWS,
       raw=st.binary(max_size=64))
def _any_file_property(db, tmp_path, header, rows, raw):
    before = people(db)
    path = tmp_path / "fuzz.csv"
    path.write_bytes((header + "\n" + "\n".join(";".join(r) for r in rows)).encode("utf-8", "replace") + raw)
    try:
        result = import_register(db, account_for_fuzz(db), path, "fuzz", today=TODAY)
    except ImportRefused as exc:
        assert str(exc) and people(db).keys() == before.keys()
        return
    assert result.rows == result.added + result.updated + result.unchanged + result.error_count
    assert all(str(e).startswith("Baris ") for e in result.errors)


def account_for_fuzz(db):
    from netra.storage.repositories import AccountRepository

    with db.transaction() as s:
        found = AccountRepository(s).credentials("bkn.fuzz")
    return found[0] if found else account(db, "bkn.fuzz")


def test_any_file_gets_a_clear_answer_and_keeps_stored_data(db, tmp_path):
    import_register(db, account_for_fuzz(db), write(tmp_path, HEADER, BUDI, name="base.csv"), "dasar", today=TODAY)
    _any_file_property(db, tmp_path)
    assert "198001012005011001" in people(db)
