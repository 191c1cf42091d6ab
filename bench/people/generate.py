"""Synthetic civil-servant register files as agencies export them: valid NIPs, real regency codes, made-up names.

    .venv/bin/python bench/people/generate.py OUT.csv --rows 4300000 [--seed 18]

Names are combinations of common Indonesian given names and family names ("Siti Rahayu", "Agus Nainggolan"),
never a list of real people; about 1 in 40 carries a title or degree, as real exports do.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from netra.regions import RegionKind, load_reference_regions  # noqa: E402

HEADER = ["NIP", "NAMA", "JABATAN", "UNIT KERJA/INSTANSI", "KODE WILAYAH", "STATUS", "GOLONGAN/PANGKAT"]
GIVEN = ("Agus Budi Siti Dewi Rina Eko Sri Wahyu Nur Joko Ani Yuli Hendra Rudi Fitri Indah Dian Bambang Sutrisno "
         "Ahmad Muhammad Putu Made Ketut Nyoman Wayan Ratna Lina Yohanes Maria Fransiskus Andi Rahmat Irwan "
         "Sulastri Endang Heru Teguh Wulan Ayu").split()
FAMILY = ("Santoso Rahayu Wijaya Lestari Saputra Pratama Hidayat Kurniawan Setiawan Nainggolan Siregar Simanjuntak "
          "Harahap Lubis Nasution Wibowo Susanto Purnomo Handayani Suryani Gunawan Hakim Sembiring Tarigan Pakpahan "
          "Manurung Pangaribuan Daulay Sitompul Ramadhan Hasibuan Rangkuti Tambunan").split()
POSITIONS = ("Guru Ahli Pertama|Guru Ahli Muda|Perawat Terampil|Bidan Terampil|Penyuluh Pertanian|Analis Kebijakan|"
             "Pengadministrasi Umum|Pranata Komputer|Camat|Sekretaris Camat|Lurah|Kepala Seksi|Kepala Bidang|"
             "Kepala Dinas|Dokter Ahli Pertama|Auditor Muda|Arsiparis|Pengelola Keuangan").split("|")
AGENCIES = ("Dinas Pendidikan|Dinas Kesehatan|Sekretariat Daerah|Bappeda|Dinas Pertanian|BKPSDM|Dinas PUPR|"
            "Dinas Sosial|RSUD|Kecamatan|Inspektorat|Dinas Kependudukan dan Pencatatan Sipil").split("|")
PNS_RANKS = [f"{g}/{r}" for g in ("II", "III", "IV") for r in "abcd"]
PPPK_RANKS = ["V", "VII", "IX", "X", "XI"]


def rows(n: int, seed: int = 18):
    """n distinct valid register rows, in a random but reproducible order."""
    rng = random.Random(seed)
    regencies = [r for r in load_reference_regions() if r.kind is not RegionKind.PROVINSI]
    seen: set[int] = set()
    epoch = date(1962, 1, 1)
    while len(seen) < n:
        birth = epoch + timedelta(days=rng.randrange(14_600))  # born 1962-2001
        year = rng.randint(max(birth.year + 19, 1985), 2024)
        nip = f"{birth:%Y%m%d}{year}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"
        if int(nip) in seen:
            continue
        seen.add(int(nip))
        region = rng.choice(regencies)
        pppk = rng.random() < 0.25
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if rng.random() < 0.025:
            name = f"Drs. {name}, M.Si."
        place = region.name.replace("Kabupaten ", "Kab. ")
        yield [nip, name, rng.choice(POSITIONS), f"{rng.choice(AGENCIES)} {place}", region.code,
               "PPPK" if pppk else "PNS", rng.choice(PPPK_RANKS if pppk else PNS_RANKS)]


def write(path: Path, n: int, seed: int = 18, delimiter: str = ";") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=delimiter)
        out.writerow(HEADER)
        out.writerows(rows(n, seed))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=4_300_000)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    write(args.out, args.rows, args.seed)


if __name__ == "__main__":
    main()
