"""`netra people import`: progress, line-numbered errors and a summary in Indonesian; refusals exit non-zero."""

from netra.services.reference import load_regions
from netra.storage.database import Database
from tests.cli.test_cli import in_process as netra
from tests.people.support import BUDI, HEADER, SITI, account, write


def test_cli_import_reports_counts_and_errors_by_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'netra.sqlite3'}"
    db = Database(url)
    db.migrate()
    load_regions(db)
    account(db, "admin.pusat")
    db.dispose()
    path = write(tmp_path, HEADER, BUDI, SITI, "123;Salah;Staf;Dinas;33.20;PNS;")
    result = netra("people", "import", str(path), "--by", "admin.pusat", "--reason", "Ekspor SIASN Juni",
                   database_url=url)
    assert result.returncode == 0, result.stderr
    assert "Baris 4: NIP harus 18 angka, tertulis 3 angka." in result.stdout
    assert "3 baris, 2 ditambahkan, 0 diperbarui, 0 tetap, 1 salah" in result.stdout
    assert "Membaca dan memeriksa" in result.stdout
    again = netra("people", "import", str(path), "--by", "admin.pusat", "--reason", "Ulang", database_url=url)
    assert "0 ditambahkan, 0 diperbarui, 2 tetap" in again.stdout
    refused = netra("people", "import", str(path), "--by", "nobody", "--reason", "x", database_url=url)
    assert refused.returncode == 1 and "No account 'nobody'" in refused.stderr
