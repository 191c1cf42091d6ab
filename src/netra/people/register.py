"""Rows of the civil-servant register as agencies export them (CSV or XLSX, Indonesian headers), validated.

Agencies name their columns differently ("NIP BARU", "Unit Kerja", "GOL/RUANG"...): a header matches a field
when, lower-cased and stripped of punctuation, it is one of the names in HEADERS. Each bad row becomes a RowError
with its line number (the header is line 1, as a spreadsheet shows it), so the agency can fix the file; a file
whose header lacks a required column is refused whole (RegisterFileError) before any row is read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from netra.cases.merging import normalise_agency, normalise_name
from netra.people.nip import InvalidNip, parse_nip

MAX_TEXT = 200  # the width of the name, position and agency columns
MAX_RANK = 60


class Status(StrEnum):
    PNS = "PNS"
    PPPK = "PPPK"


_STATUS_WORDS = {"pns": Status.PNS, "cpns": Status.PNS, "pegawai negeri sipil": Status.PNS,
                 "pppk": Status.PPPK, "p3k": Status.PPPK,
                 "pegawai pemerintah dengan perjanjian kerja": Status.PPPK}

# field -> accepted header names, most specific first (normalised: lower case, words separated by one space).
HEADERS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nip 18", "nomor induk pegawai", "ni pppk", "nipppk", "nomor induk pppk"),
    "name": ("nama", "nama lengkap", "nama pegawai", "nama asn"),
    "position": ("jabatan", "nama jabatan", "jabatan terakhir"),
    "agency": ("unit kerja instansi", "unit kerja", "instansi", "nama instansi", "unor", "unit organisasi",
               "satuan kerja", "satker", "opd", "perangkat daerah"),
    "region_code": ("kode wilayah", "kode daerah", "kode kabupaten kota", "kode kab kota", "kode wil"),
    "status": ("status", "status pegawai", "jenis pegawai", "status kepegawaian", "kedudukan"),
    "rank": ("golongan pangkat", "pangkat golongan", "golongan", "pangkat", "gol ruang", "golongan ruang", "gol"),
}
REQUIRED = ("nip", "name", "agency", "region_code", "status")
LABELS = {"nip": "NIP", "name": "NAMA", "position": "JABATAN", "agency": "UNIT KERJA/INSTANSI",
          "region_code": "KODE WILAYAH", "status": "STATUS", "rank": "GOLONGAN/PANGKAT"}
TRACKED = ("name", "position", "agency", "region_code", "status", "rank")  # changes kept in the history


@dataclass(frozen=True)
class CivilServant:
    nip: str
    name: str
    position: str
    agency: str
    region_code: str
    status: Status
    rank: str = ""

    @property
    def name_key(self) -> str:
        """The name as matching reads it (titles and degrees dropped), the same rule as linking reports."""
        return normalise_name(self.name)

    @property
    def agency_key(self) -> str:
        return normalise_agency(self.agency)

    def fields(self) -> dict[str, str]:
        return {f: str(getattr(self, f)) for f in TRACKED}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.message}"


class RegisterFileError(ValueError):
    """The whole file is refused (format, header): the message is Indonesian."""


def _header_key(cell: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(cell or "").casefold()).split())


def header_map(cells: list[object]) -> dict[str, int]:
    """Column index of each field; RegisterFileError naming the missing required columns."""
    keys = [_header_key(c) for c in cells]
    found: dict[str, int] = {}
    for field, names in HEADERS.items():
        for name in names:
            if name in keys:
                found[field] = keys.index(name)
                break
    missing = [LABELS[f] for f in REQUIRED if f not in found]
    if missing:
        raise RegisterFileError(f"Kolom wajib tidak ditemukan di baris judul: {', '.join(missing)}. "
                                f"Judul yang terbaca: {', '.join(str(c) for c in cells if c) or '(kosong)'}.")
    return found


@lru_cache(maxsize=4096)
def region_code(text: str) -> str:
    """'33.20', '3320' or '33' as typed in a spreadsheet, as the register stores it."""
    text = text.strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4 and re.fullmatch(r"\d{2}[.\s]?\d{2}", text):
        return f"{digits[:2]}.{digits[2:]}"
    return text


@lru_cache(maxsize=256)
def _status(text: str) -> Status | None:
    return _STATUS_WORDS.get(_header_key(text))


def _cell_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return str(value).strip()


def _words(text: str) -> str:
    return " ".join(text.split()) if "  " in text or "\t" in text or "\n" in text else text


def parse_row(values: dict[str, object], line: int, regions: Collection[str], today: date) -> CivilServant | RowError:
    """One data row (field -> cell) as a CivilServant, or the first thing wrong with it."""
    raw_nip = values.get("nip")
    if isinstance(raw_nip, float):
        return RowError(line, "NIP tersimpan sebagai angka pecahan oleh Excel sehingga angka terakhirnya hilang; "
                              "simpan kolom NIP sebagai teks.")
    try:
        nip = parse_nip(_cell_text(raw_nip).lstrip("'"), today).value
    except InvalidNip as exc:
        return RowError(line, str(exc))
    name, agency = _words(_cell_text(values.get("name"))), _words(_cell_text(values.get("agency")))
    position, rank = _words(_cell_text(values.get("position"))), _words(_cell_text(values.get("rank")))
    for field, value in (("name", name), ("agency", agency)):
        if not value:
            return RowError(line, f"{LABELS[field]} kosong.")
    for field, value, limit in (("name", name, MAX_TEXT), ("position", position, MAX_TEXT),
                                ("agency", agency, MAX_TEXT), ("rank", rank, MAX_RANK)):
        if len(value) > limit:
            return RowError(line, f"{LABELS[field]} lebih dari {limit} karakter.")
    raw_status = _cell_text(values.get("status"))
    status = _status(raw_status)
    if status is None:
        return RowError(line, f"STATUS harus PNS atau PPPK, tertulis '{raw_status[:30]}'.")
    code = region_code(_cell_text(values.get("region_code")))
    if code not in regions:
        return RowError(line, f"KODE WILAYAH '{code[:20]}' tidak dikenal (contoh: 33.20 untuk Kabupaten Jepara).")
    return CivilServant(nip, name, position, agency, code, status, rank)


Progress = Callable[[int, int], None]  # (done, total) in bytes for CSV, rows for XLSX


HEADER_SEARCH_ROWS = 10  # exports often put a title and a blank row above the table


def read_register(path: Path, regions: Collection[str], today: date | None = None,
                  progress: Progress | None = None, every: int = 10_000) -> Iterator[CivilServant | RowError]:
    """Every data row of the file as a CivilServant or a RowError, in file order. A NIP met a second time is an
    error on the later line (a register lists a person once)."""
    today = today or date.today()
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    total = next(rows)
    columns = _find_header(rows)
    width = max(columns.values()) + 1
    seen: dict[int, int] = {}  # NIP as an int -> first line (ints keep millions of NIPs in a few hundred MiB)
    count = 0
    for line, cells, done in rows:
        count += 1
        if progress and count % every == 0:
            progress(done, total)
        if len(cells) < width:
            if not any(_cell_text(c) for c in cells):
                continue
            cells = list(cells) + [None] * (width - len(cells))
        values = {f: cells[i] for f, i in columns.items()}
        item = parse_row(values, line, regions, today)
        if isinstance(item, CivilServant):
            first = seen.setdefault(int(item.nip), line)
            if first != line:
                item = RowError(line, f"NIP {item.nip} sudah tercantum di baris {first}.")
        yield item
    if progress:
        progress(total, total)


def _find_header(rows) -> dict[str, int]:
    """The first row (of the first few non-empty ones) that names the required columns."""
    first_error = None
    for number, (_line, cells, _done) in enumerate(r for r in rows if any(_cell_text(c) for c in r[1])):
        try:
            return header_map(cells)
        except RegisterFileError as exc:
            first_error = first_error or exc
        if number + 1 >= HEADER_SEARCH_ROWS:
            break
    raise first_error or RegisterFileError("Berkas kosong: tidak ada baris judul.")


def _decode(sample: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves "CSV" in the ANSI code page
        try:
            sample.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


class _Counting(io.RawIOBase):
    """A binary file that counts the bytes read, for the progress bar."""

    def __init__(self, raw):
        self.raw, self.done = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.done += n or 0
        return n


def _csv_rows(path: Path):
    size = path.stat().st_size
    with path.open("rb") as binary:
        sample = binary.read(1 << 20)
        binary.seek(0)
        if sample.startswith(b"PK\x03\x04"):
            raise RegisterFileError("Berkas ini XLSX; beri nama berakhiran .xlsx atau simpan sebagai CSV.")
        encoding = _decode(sample[: sample.rfind(b"\n") + 1] or sample)
        lines = [line for line in sample.decode(encoding, errors="replace").splitlines() if line.strip()]
        if not lines:
            raise RegisterFileError("Berkas kosong.")
        delimiter = max((";", ",", "\t", "|"), key=lambda d: sum(line.count(d) for line in lines[:20]))
        counting = _Counting(binary)
        reader = csv.reader(io.TextIOWrapper(io.BufferedReader(counting, 1 << 16), encoding=encoding, newline=""),
                            delimiter=delimiter)
        yield size
        try:
            for cells in reader:
                yield reader.line_num, cells, counting.done
        except csv.Error as exc:
            raise RegisterFileError(f"CSV rusak pada baris {reader.line_num}: {exc}.") from None
        except UnicodeDecodeError:
            raise RegisterFileError(f"Berkas bukan teks {encoding} yang sah (sekitar baris {reader.line_num}).") \
                from None


def _xlsx_rows(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError):
        raise RegisterFileError("Berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX).") from None
    try:
        sheet = book.worksheets[0]
        yield sheet.max_row or 0
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells), number
    finally:
        book.close()
