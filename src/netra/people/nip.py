"""The NIP (Nomor Induk Pegawai, PP 11/2017 and Peraturan BKN on NIP): 18 digits that carry a person's birth date,
the month they were appointed, their sex and a serial number. PPPK numbers (NI PPPK) follow the same layout.

    19800101 200501 1 001
    birth    TMT    sex serial

A NIP whose parts cannot be true (a 31 February birth, an appointment before the 18th birthday or in the future)
is a typing error, and a typing error links a report to the wrong person: it is refused with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

EARLIEST_BIRTH_YEAR = 1940  # anyone born earlier left the service long ago (retirement age is at most 65)
EARLIEST_APPOINTMENT_YEAR = 1960
ADULT_AGE = 18  # CPNS/PPPK applicants are at least 18 (PP 11/2017 Pasal 23)
_SEPARATORS = re.compile(r"[\s.\-]")


class InvalidNip(ValueError):
    """The message is Indonesian and says which part is wrong."""


@dataclass(frozen=True)
class Nip:
    value: str
    birth_date: date
    appointed: tuple[int, int]  # (year, month) of appointment (TMT CPNS / TMT PPPK)
    sex: str  # "L" (digit 1) or "P" (digit 2)
    serial: int

    def __str__(self) -> str:
        return self.value


def clean_nip(text: str) -> str:
    """'19800101 200501 1 001' and '19800101.200501.1.001' as typed on forms, without the separators."""
    return _SEPARATORS.sub("", str(text or "").strip())


def parse_nip(text: str, today: date | None = None) -> Nip:
    """The NIP's parts, or InvalidNip saying why it cannot be a real NIP."""
    today = today or date.today()
    value = clean_nip(text)
    if not value:
        raise InvalidNip("NIP kosong.")
    if not (value.isascii() and value.isdigit()):
        raise InvalidNip(f"NIP hanya boleh berisi angka (tertulis '{str(text).strip()[:30]}').")
    if len(value) != 18:
        raise InvalidNip(f"NIP harus 18 angka, tertulis {len(value)} angka.")
    birth, adult = _birth(value[:8], today)
    app_year, app_month = int(value[8:12]), int(value[12:14])
    if not 1 <= app_month <= 12:
        raise InvalidNip(f"Bulan pengangkatan dalam NIP ({value[12:14]}) harus 01 sampai 12.")
    if app_year < EARLIEST_APPOINTMENT_YEAR or (app_year, app_month) > (today.year, today.month):
        raise InvalidNip(f"Tahun pengangkatan dalam NIP ({app_year}) tidak mungkin.")
    if (app_year, app_month) < adult:
        raise InvalidNip(f"Pengangkatan dalam NIP ({value[12:14]}/{app_year}) sebelum pegawai berusia "
                         f"{ADULT_AGE} tahun (lahir {value[6:8]}-{value[4:6]}-{value[0:4]}).")
    if value[14] not in "12":
        raise InvalidNip(f"Digit jenis kelamin dalam NIP (angka ke-15) harus 1 atau 2, tertulis {value[14]}.")
    serial = int(value[15:18])
    if serial == 0:
        raise InvalidNip("Nomor urut dalam NIP (tiga angka terakhir) tidak boleh 000.")
    return Nip(value, birth, (app_year, app_month), "L" if value[14] == "1" else "P", serial)


@lru_cache(maxsize=65536)
def _birth(digits: str, today: date) -> tuple[date, tuple[int, int]]:
    """The birth date and the (year, month) of the 18th birthday; a register repeats birth dates, so cached."""
    year, month, day = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    try:
        birth = date(year, month, day)
    except ValueError:
        raise InvalidNip(f"Tanggal lahir dalam NIP ({digits[6:8]}-{digits[4:6]}-{digits[0:4]}) bukan tanggal yang "
                         "ada.") from None
    if year < EARLIEST_BIRTH_YEAR or birth > _years_after(today, -ADULT_AGE):
        raise InvalidNip(f"Tahun lahir dalam NIP ({year}) tidak mungkin untuk pegawai aktif.")
    adult = _years_after(birth, ADULT_AGE)
    return birth, (adult.year, adult.month)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)
