"""Register files as agencies send them, and accounts to import them with."""

from pathlib import Path

from netra.accounts.roles import Role
from netra.services.accounts import create_account

HEADER = "NIP;NAMA;JABATAN;UNIT KERJA/INSTANSI;KODE WILAYAH;STATUS;GOLONGAN/PANGKAT"
BUDI = "198001012005011001;Drs. Budi Santoso, M.Si.;Camat Mlonggo;Pemerintah Kabupaten Jepara;33.20;PNS;IV/a"
SITI = "199203152019032002;Siti Aminah;Guru SD Negeri 2 Bangsri;Dinas Pendidikan Kab. Jepara;3320;PPPK;IX"
ANI = "198507072010012003;Ani Lestari;Kepala Seksi;Dinas Kesehatan Kab. Kutai Kartanegara;64.02;PNS;III/c"


def write(tmp_path: Path, *lines: str, name: str = "pegawai.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def account(db, username="bkn.pusat", role=Role.BKN, scope=("33", "64")):
    return create_account(db, username, "Petugas Uji", "kata-sandi-uji-coba", role, scope)
