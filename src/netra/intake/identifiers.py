"""Checks for Indonesian personal identifiers: NIP (civil-servant number) and NIK (population number).

NIP (PP 11/2017 practice, BKN): 18 digits = birth date YYYYMMDD + appointment (TMT CPNS) YYYYMM + sex (1 male,
2 female) + 3-digit sequence. NIK: 16 digits = 6-digit region code + birth date DDMMYY (day + 40 for women)
+ 4-digit sequence.
"""

from __future__ import annotations

import re
from datetime import date

_DIGITS = re.compile(r"\D")


def clean(value: str) -> str:
    """Digits only: people type NIPs with spaces or dots ("19800101 200501 1 001")."""
    return _DIGITS.sub("", value or "")


def _valid_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def nip_problem(value: str) -> str | None:
    """None when the NIP is plausible, else an Indonesian sentence saying what is wrong."""
    nip = clean(value)
    if len(nip) != 18:
        return "NIP harus 18 angka."
    born_y, born_m, born_d = int(nip[0:4]), int(nip[4:6]), int(nip[6:8])
    if not _valid_date(born_y, born_m, born_d) or not 1930 <= born_y <= date.today().year - 15:
        return "Delapan angka pertama NIP (tanggal lahir) tidak valid."
    tmt_y, tmt_m = int(nip[8:12]), int(nip[12:14])
    if not (1 <= tmt_m <= 12 and born_y + 15 <= tmt_y <= date.today().year):
        return "Angka ke-9 sampai ke-14 NIP (tahun dan bulan pengangkatan) tidak valid."
    if nip[14] not in "12":
        return "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2."
    return None


def nik_problem(value: str) -> str | None:
    nik = clean(value)
    if len(nik) != 16:
        return "NIK harus 16 angka."
    day, month = int(nik[6:8]), int(nik[8:10])
    if day > 40:
        day -= 40
    if not (1 <= month <= 12 and 1 <= day <= 31 and _valid_date(2000, month, day)):
        return "Angka ke-7 sampai ke-12 NIK (tanggal lahir) tidak valid."
    return None
