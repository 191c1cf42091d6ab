"""Candidate lists as KPU publishes them: the fixed-list spreadsheets (CSV or XLSX) of candidate pairs.

KPU's lists ("Daftar Pasangan Calon", "Penetapan Nomor Urut") put a title block above a header row and then
one pair per row: the ballot number, the names (one column for the pair, or one for the head and one for the
deputy), the proposing party or coalition (or "perseorangan"), and the region (a name such as "Kabupaten Jepara"
or a Kemendagri code). Headers vary between releases, so columns are found by what they are called, in
Indonesian or English, wherever the header row is in the first rows of the sheet.

``read_kpu_list`` returns the candidates or, when any row is wrong, every problem with its line (row) number and
no candidate at all: a list is taken whole or not at all. Names are read without titles and degrees ("H.",
"Dr.", "S.H.", "M.Si."); each pair gets its short form ("Hendra–Wulan") and each person's full and short name as
aliases, so posts that name them either way are matched.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netra.screening.candidates import Candidate

MAX_HEADER_ROW = 15
COLUMNS = {
    "number": ("nomor urut", "no urut", "no. urut", "nomor_urut", "nomor", "no", "number", "ballot number"),
    "name": ("nama pasangan calon", "nama paslon", "pasangan calon", "nama pasangan", "paslon", "nama calon",
             "nama", "name", "pair"),
    "head": ("nama calon kepala daerah", "calon kepala daerah", "nama calon gubernur", "calon gubernur",
             "nama calon bupati", "calon bupati", "nama calon walikota", "nama calon wali kota", "calon walikota",
             "calon wali kota", "nama calon presiden", "calon presiden", "kepala daerah", "candidate"),
    "deputy": ("nama calon wakil kepala daerah", "calon wakil kepala daerah", "nama calon wakil gubernur",
               "calon wakil gubernur", "nama calon wakil bupati", "calon wakil bupati", "nama calon wakil walikota",
               "nama calon wakil wali kota", "calon wakil walikota", "calon wakil wali kota",
               "nama calon wakil presiden", "calon wakil presiden", "wakil kepala daerah", "wakil", "running mate"),
    "party": ("partai politik pengusul", "partai pengusul", "gabungan partai politik", "gabungan partai",
              "partai politik", "partai", "parpol pengusul", "parpol", "koalisi", "pengusul", "jalur", "party",
              "coalition"),
    "region": ("kode wilayah", "wilayah", "daerah pemilihan", "daerah", "kabupaten/kota", "kab/kota",
               "kabupaten kota", "kabupaten", "kota", "provinsi", "region"),
}
# titles written before a name; degrees come after a comma ("Andi Sudirman, S.H., M.H.") and are cut there
_TITLES = {"h", "hj", "dr", "drs", "dra", "ir", "prof", "kh", "k.h", "ust", "ustadz", "tgh", "ny", "tn", "rm", "gusti",
           "letjen", "mayjen", "brigjen", "jenderal", "kol", "kolonel", "komjen", "irjen", "brigjend", "purn", "tni",
           "polri", "ak", "akbp", "kombes"}
_SPACES = re.compile(r"\s+")


class KpuListError(ValueError):
    """A list that cannot be read at all (no header row, an unreadable file); the message says why."""


@dataclass(frozen=True)
class KpuImport:
    candidates: tuple[Candidate, ...]
    errors: tuple[str, ...]  # "baris N: ..." (Indonesian: officers read these)
    rows: int

    @property
    def ok(self) -> bool:
        return not self.errors


def read_kpu_list(path: str | Path, election_id: str, *, regions: dict[str, str], default_region: str | None = None,
                  vote_date: dt.date | None = None, data: bytes | None = None) -> KpuImport:
    """Read a KPU candidate list. ``regions``: Kemendagri code -> name (``netra.regions``). ``default_region``:
    the region of every row when the list has no region column (a regency's own list). ``vote_date``: the voting
    day of the election (the entries then apply around it, see ``Candidate.active_on``)."""
    path = Path(path)
    raw = data if data is not None else _read_bytes(path)
    rows = _rows(path.name, raw)
    header_at, columns = _header(rows)
    lookup = RegionLookup(regions)
    out: list[Candidate] = []
    errors: list[str] = []
    seen: dict[tuple[str | None, int], int] = {}
    count = 0
    for line, row in rows[header_at + 1:]:
        cells = {k: _cell(row, i) for k, i in columns.items()}
        if not any(_cell(row, i) for i in range(len(row))):
            continue  # blank row
        if not cells.get("number") and not any(cells.get(k) for k in ("name", "head", "deputy")):
            continue  # a note or total row under the table
        count += 1
        problems = []
        number = _number(cells.get("number", ""))
        if number is None:
            problems.append(f"nomor urut harus angka 1–99, tertulis {cells.get('number', '')!r}")
        people = _people(cells)
        if not people:
            problems.append("nama pasangan calon kosong")
        region = default_region
        if "region" in columns and cells.get("region"):
            region, problem = lookup.find(cells["region"])
            if problem:
                problems.append(problem)
        if problems:
            errors.append(f"baris {line}: " + "; ".join(problems))
            continue
        key = (region, number)
        if key in seen:
            errors.append(f"baris {line}: nomor urut {number} untuk wilayah {region or 'nasional'} sudah ada di baris "
                          f"{seen[key]}")
            continue
        seen[key] = line
        out.append(_candidate(election_id, region, number, people, cells.get("party", ""), vote_date))
    if not count and not errors:
        errors.append(f"baris {rows[header_at][0] + 1}: tidak ada pasangan calon di bawah baris judul kolom")
    return KpuImport(() if errors else tuple(out), tuple(errors), count)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KpuListError(f"{path}: berkas tidak dapat dibuka ({exc.strerror})") from None


def _rows(name: str, raw: bytes) -> list[tuple[int, list[str]]]:
    """(line number, cells) per row: the CSV's physical line, or the sheet's row number."""
    if raw[:4] == b"PK\x03\x04" or name.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(raw)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    try:
        line = 1
        for row in reader:
            out.append((line, [c.strip() for c in row]))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise KpuListError(f"baris {reader.line_num}: CSV rusak ({exc})") from None
    return out


def _xlsx_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise KpuListError(f"berkas XLSX tidak dapat dibaca ({exc})") from None
    sheet = book.worksheets[0]
    out = []
    for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        out.append((n, ["" if v is None else _xlsx_text(v) for v in row]))
    book.close()
    return out


def _xlsx_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _norm_header(cell: str) -> str:
    return _SPACES.sub(" ", re.sub(r"[_\-]+", " ", cell.strip().lower())).strip(" .:")


def _header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    for k, (_, row) in enumerate(rows[:MAX_HEADER_ROW]):
        columns: dict[str, int] = {}
        for i, cell in enumerate(row):
            head = _norm_header(cell)
            if not head:
                continue
            for key in ("head", "deputy", "number", "party", "region", "name"):  # specific names first
                if key not in columns and head in COLUMNS[key]:
                    columns[key] = i
                    break
        if "number" in columns and ("name" in columns or "head" in columns):
            return k, columns
    first = rows[0][0] if rows else 1
    raise KpuListError(f"baris {first}–{first + min(len(rows), MAX_HEADER_ROW) - 1}: baris judul kolom tidak "
                       "ditemukan (perlu kolom nomor urut dan nama pasangan calon)")


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) and row[i] is not None else ""


def _number(value: str) -> int | None:
    value = value.strip().lstrip("#").strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not value.isdecimal() or not 0 < int(value) < 100:
        return None
    return int(value)


def clean_name(value: str) -> str:
    """A person's name without titles and degrees: "H. Andi Sudirman, S.H., M.H." -> "Andi Sudirman"."""
    words = value.split(",")[0].replace("(", " ").replace(")", " ").split()
    while words and words[0].lower().rstrip(".") in _TITLES:
        words.pop(0)
    words = [w for w in words if w.lower().rstrip(".") != "purn"]
    name = re.sub(r"[^\w\s'\-]", " ", " ".join(words))
    return _SPACES.sub(" ", name).strip().title()


def _people(cells: dict[str, str]) -> list[str]:
    if cells.get("head") or cells.get("deputy"):
        parts = [cells.get("head", ""), cells.get("deputy", "")]
    else:
        parts = re.split(r"\s+(?:[-–—&/]|dan|and)\s+|\s*[–—/&]\s*", cells.get("name", ""))
    return [p for p in (clean_name(x) for x in parts) if p]


def _candidate(election_id: str, region: str | None, number: int, people: list[str], party: str,
               vote_date: dt.date | None) -> Candidate:
    shorts = [p.split()[0] for p in people]
    aliases: list[str] = []
    for full, short in zip(people, shorts):
        aliases.append(full)
        if len(short) >= 4:
            aliases.append(short)
    if len(shorts) == 2:
        aliases.append(f"{shorts[0]}–{shorts[1]}")
    hashtags = [f"#{''.join(shorts)}"] if len(shorts) == 2 else []
    slogans = [party.strip()] if party.strip() and party.strip().lower() not in ("perseorangan", "independen") else []
    return Candidate(election=election_id, region=region, number=number, name=" – ".join(people),
                     aliases=tuple(dict.fromkeys(aliases)), hashtags=tuple(hashtags), slogans=tuple(slogans),
                     vote_date=vote_date)


class RegionLookup:
    """Region names as KPU writes them ("Kabupaten Jepara", "KAB. JEPARA", "Kota Semarang", "Jawa Tengah") or
    codes ("33.20", "3320") -> Kemendagri code; a bare name that is both a regency and a city is refused."""

    def __init__(self, regions: dict[str, str]):
        self.codes = set(regions)
        self.by_name: dict[str, set[str]] = {}
        for code, name in regions.items():
            for key in _name_keys(name, "." in code):
                self.by_name.setdefault(key, set()).add(code)

    def find(self, value: str) -> tuple[str | None, str | None]:
        text = value.strip()
        digits = text.replace(".", "")
        if digits.isdecimal():
            code = text if "." in text else ".".join(digits[k:k + 2] for k in range(0, len(digits), 2))
            if code in self.codes:
                return code, None
            return None, f"kode wilayah {text!r} tidak dikenal"
        key = _plain(text)
        found = self.by_name.get(key, set())
        if len(found) == 1:
            return next(iter(found)), None
        if len(found) > 1:
            return None, f"wilayah {text!r} ambigu ({', '.join(sorted(found))}); tulis 'Kabupaten …' atau 'Kota …'"
        return None, f"wilayah {text!r} tidak dikenal"


def _plain(value: str) -> str:
    text = re.sub(r"[^\w\s]", " ", value.lower())
    text = re.sub(r"\bkab\b", "kabupaten", text)
    text = re.sub(r"\bprov\b|\bprop\b|\bpropinsi\b", "provinsi", text)
    return _SPACES.sub(" ", text).strip()


def _name_keys(name: str, regency: bool) -> Iterable[str]:
    full = _plain(name)
    yield full
    if regency:
        for prefix in ("kabupaten ", "kota "):
            if full.startswith(prefix):
                yield full[len(prefix):]
    else:
        yield f"provinsi {full}"
