"""Reading agencies, socialisation events and pledges from CSV or XLSX files, with every problem named by its line
(Indonesian). Checks that need stored data (the region in scope, the agency registered, the election known) are
the service's; this module checks form: columns, dates, numbers, lengths."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from netra.prevention.model import AUDIENCE_GROUPS, AgencyRecord, EventRecord, ImportProblem, PledgeRecord

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
AUDIENCE_COLUMNS = {f"peserta_{g}": g for g in AUDIENCE_GROUPS}
COLUMNS = {
    "instansi": ("kode_wilayah", "instansi", "jenis"),
    "acara": ("kode_wilayah", "instansi", "pemilihan", "tanggal", "tempat", "topik", *AUDIENCE_COLUMNS),
    "ikrar": ("kode_wilayah", "instansi", "pemilihan", "tanggal", "jumlah_tanda_tangan", "jumlah_pegawai"),
}
JENIS = {"pemerintah": "government", "kantor": "office", "kecamatan": "district"}


class ImportError_(ValueError):
    """The file as a whole cannot be read (not CSV/XLSX, wrong columns, too large); Indonesian message."""


def read_table(filename: str, content: bytes) -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file as {column: text}, header on line 1."""
    if not content:
        raise ImportError_("Berkas kosong.")
    if len(content) > MAX_BYTES:
        raise ImportError_(f"Berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB.")
    if content[:4] == b"PK\x03\x04":
        rows = _xlsx(content)
    elif filename.lower().endswith((".xlsx", ".xls")):
        raise ImportError_("Berkas bukan XLSX yang sah.")
    else:
        rows = _csv(content)
    if len(rows) - 1 > MAX_ROWS:
        raise ImportError_(f"Paling banyak {MAX_ROWS:,} baris per berkas.".replace(",", "."))
    if not rows:
        raise ImportError_("Berkas tidak berisi baris judul kolom.")
    header = [str(h or "").strip().lower() for h in rows[0]]
    return [{h: _text(v) for h, v in zip(header, row) if h} for row in rows[1:]]


def _csv(content: bytes) -> list[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_("Berkas CSV harus berenkode UTF-8.") from None
    if "\x00" in text:
        raise ImportError_("Berkas bukan CSV (berisi data biner).")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file; all mean the same to the person
        raise ImportError_("Berkas XLSX tidak dapat dibaca.") from None
    sheet = book.worksheets[0]
    return [list(r) for r in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_rows(kind: str, rows: list[dict[str, str]]):
    """Records and problems of one file of `kind` (instansi, acara, ikrar). Blank rows are skipped."""
    if kind not in COLUMNS:
        raise ImportError_("Jenis impor tidak dikenal.")
    required = [c for c in COLUMNS[kind] if not c.startswith("peserta_")]
    present = set(rows[0]) if rows else set(required)
    missing = [c for c in required if c not in present]
    if missing:
        raise ImportError_("Kolom wajib tidak ada: " + ", ".join(missing) + ". Kolom yang dikenal: "
                           + ", ".join(COLUMNS[kind]) + ".")
    records, problems = [], []
    for n, row in enumerate(rows, start=2):
        if not any(row.values()):
            continue
        found: list[str] = []
        record = _PARSERS[kind](n, row, found)
        problems += [ImportProblem(n, m) for m in found]
        if not found:
            records.append(record)
    return records, problems


def _need(row: dict[str, str], column: str, found: list[str], limit: int = 200) -> str:
    value = row.get(column, "").strip()
    if not value:
        found.append(f"kolom {column} kosong.")
    elif len(value) > limit:
        found.append(f"kolom {column} lebih dari {limit} karakter.")
    return value


def _day(row: dict[str, str], found: list[str]) -> date:
    value = row.get("tanggal", "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    found.append(f"tanggal '{value}' tidak valid (format TTTT-BB-HH, misalnya 2024-09-10)." if value else
                 "kolom tanggal kosong.")
    return date.min


def _count(row: dict[str, str], column: str, found: list[str], required: bool = True) -> int:
    value = row.get(column, "").strip().replace(".", "")
    if not value and not required:
        return 0
    if not value.isdigit():
        found.append(f"kolom {column} harus bilangan bulat tidak negatif, bukan '{row.get(column, '')}'.")
        return 0
    return int(value)


def _agency(n: int, row: dict[str, str], found: list[str]) -> AgencyRecord:
    jenis = row.get("jenis", "").strip().lower() or "kantor"
    if jenis not in JENIS:
        found.append(f"jenis '{jenis}' tidak dikenal (pemerintah, kantor, atau kecamatan).")
    return AgencyRecord(n, _need(row, "kode_wilayah", found, 13), _need(row, "instansi", found),
                        JENIS.get(jenis, "office"))


def _event(n: int, row: dict[str, str], found: list[str]) -> EventRecord:
    audience = {g: _count(row, c, found, required=False) for c, g in AUDIENCE_COLUMNS.items()}
    if not found and not sum(audience.values()):
        found.append("isi jumlah peserta paling sedikit pada satu kolom peserta_*.")
    return EventRecord(n, _need(row, "kode_wilayah", found, 13), _need(row, "instansi", found),
                       _need(row, "pemilihan", found, 40), _day(row, found), _need(row, "tempat", found),
                       _need(row, "topik", found, 300), audience)


def _pledge(n: int, row: dict[str, str], found: list[str]) -> PledgeRecord:
    signed = _count(row, "jumlah_tanda_tangan", found)
    total = _count(row, "jumlah_pegawai", found)
    if not found and total == 0:
        found.append("jumlah_pegawai harus lebih dari 0.")
    elif not found and signed > total:
        found.append(f"jumlah_tanda_tangan ({signed}) lebih besar dari jumlah_pegawai ({total}).")
    return PledgeRecord(n, _need(row, "kode_wilayah", found, 13), _need(row, "instansi", found),
                        _need(row, "pemilihan", found, 40), _day(row, found), signed, total)


_PARSERS = {"instansi": _agency, "acara": _event, "ikrar": _pledge}
