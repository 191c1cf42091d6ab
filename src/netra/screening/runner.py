"""Screening files: streaming readers for JSON Lines, CSV and Parquet, per-line errors, ordered output.

The input is read in batches of raw records ``(line, payload)``; ``screen_batch`` (the same function on one
process or on dask workers) validates and screens each record and returns ``(line, id, output JSON | None,
error | None)``. ``OrderedWriter`` writes results in input order, reports errors (errors file + a callback for
stderr) and rejects duplicate ids. Memory stays constant in the input size except for duplicate detection, which
keeps a 64-bit digest and the first line number per distinct id (16 bytes a slot in an open-addressing table).

Line numbers are physical lines of the file, counted from 1 (a CSV record spanning lines gets the line it
starts on; Parquet rows are numbered from 1). File-level problems (empty input, unreadable header) use line 0
or the header's line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netra.screening.engine import cyclic_gc_paused
from netra.screening.items import Item, ItemError

BATCH_LINES = 2000
CSV_FIELDS = ("id", "text", "source", "author", "created_at", "region")


class InputError(ValueError):
    """The input as a whole cannot be read (missing file, unknown format)."""


@dataclass(frozen=True)
class LineError:
    line: int
    id: str | None
    error: str

    def to_dict(self) -> dict:
        return {"line": self.line, "id": self.id, "error": self.error}


# --- formats ------------------------------------------------------------------------------------------------
def detect_format(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        fmt = fmt.lower()
        if fmt not in ("jsonl", "csv", "parquet"):
            raise InputError(f"unknown input format {fmt!r} (use jsonl, csv or parquet)")
        return fmt
    p = Path(path)
    if p.is_dir():
        return "parquet"
    name = p.name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".parquet") or name.endswith(".pq"):
        return "parquet"
    return "jsonl"


def read_batches(path: str | Path, fmt: str | None = None, batch_lines: int = BATCH_LINES,
                 progress: Callable[[int], None] | None = None) -> Iterator[list[tuple[int, Any]]]:
    """Yield batches of ``(line, payload)``: payload is raw bytes (JSONL), a dict (CSV/Parquet) or a LineError.

    ``progress`` is called with the number of bytes (JSONL/CSV) or rows (Parquet) consumed since the last call.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"input not found: {path}")
    kind = detect_format(path, fmt)
    if kind == "parquet":
        yield from _parquet_batches(path, batch_lines, progress)
        return
    if path.is_dir():
        raise InputError(f"{path} is a folder; only Parquet input may be a folder of files")
    reader = _jsonl_records if kind == "jsonl" else _csv_records
    batch: list[tuple[int, Any]] = []
    any_line = False
    with open(path, "rb") as fh:
        for rec in reader(fh, progress):
            any_line = True
            batch.append(rec)
            if len(batch) >= batch_lines:
                yield batch
                batch = []
    if batch:
        yield batch
    if not any_line:
        yield [(0, LineError(0, None, "input is empty: no records to screen"))]


def _open_text_lines(fh, progress) -> Iterator[tuple[int, bytes | str]]:
    """Physical lines as bytes (UTF-8 files) or str (UTF-16 files, decoded; bad bytes become surrogates)."""
    head = fh.read(4)
    fh.seek(0)
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        text = io.TextIOWrapper(fh, encoding="utf-16", errors="surrogateescape", newline="")
        for n, line in enumerate(text, 1):
            if progress:
                progress(len(line) * 2)
            yield n, line
        text.detach()
        return
    for n, line in enumerate(fh, 1):
        if progress:
            progress(len(line))
        if n == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        yield n, line


def _jsonl_records(fh, progress) -> Iterator[tuple[int, Any]]:
    for n, line in _open_text_lines(fh, progress):
        if isinstance(line, bytes):
            if not line.strip():
                continue
            yield n, line
        else:
            if not line.strip():
                continue
            yield n, line.encode("utf-8", "surrogateescape")


def _csv_records(fh, progress) -> Iterator[tuple[int, Any]]:
    lines = _open_text_lines(fh, progress)
    state = {"line": 0}

    def text_lines() -> Iterator[str]:
        for n, line in lines:
            state["line"] = n
            yield line.decode("utf-8", "surrogateescape") if isinstance(line, bytes) else line

    reader = csv.reader(text_lines())
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield 1, LineError(1, None, f"CSV header cannot be read: {exc}")
        return
    header = [h.strip() for h in header]
    if "id" not in header or "text" not in header:
        yield 1, LineError(1, None, "CSV header must name the columns id and text (got: "
                                    f"{', '.join(header) or 'nothing'})")
        return
    width = len(header)
    while True:
        start = state["line"] + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, LineError(start, None, f"malformed CSV record: {exc}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) > width:
            yield start, LineError(start, None, f"CSV record has {len(row)} fields, the header has {width}")
            continue
        yield start, _csv_record(dict(zip(header, row)))


def _csv_record(row: dict[str, str]) -> dict:
    """A CSV row in the JSON input shape: ``author`` may be a JSON cell or ``author.is_asn``/``author_role``."""
    rec: dict[str, Any] = {k: (v if v != "" else None) for k, v in row.items() if k in CSV_FIELDS}
    author: dict[str, Any] | None = None
    cell = row.get("author")
    if cell:
        try:
            author = json.loads(cell)
        except ValueError:
            rec["author"] = cell  # reported by validation as "author must be an object"
            author = None
        else:
            rec["author"] = author
    flat = {}
    for key in ("is_asn", "role"):
        for col in (f"author.{key}", f"author_{key}"):
            if row.get(col) not in (None, ""):
                flat[key] = row[col]
    if flat:
        merged = dict(author) if isinstance(author, dict) else {}
        merged.update(flat)
        rec["author"] = merged
    return rec


def _parquet_batches(path: Path, batch_lines: int, progress) -> Iterator[list[tuple[int, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise InputError("reading Parquet needs pyarrow (pip install pyarrow)") from None
    files = sorted(p for p in path.rglob("*.parquet")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"no .parquet files under {path}")
    row = 0
    any_row = False
    for f in files:
        try:
            pf = pq.ParquetFile(f)
        except Exception as exc:
            raise InputError(f"{f}: not a readable Parquet file ({exc})") from None
        names = set(pf.schema_arrow.names)
        if "id" not in names or "text" not in names:
            raise InputError(f"{f}: Parquet columns must include id and text (got {', '.join(sorted(names))})")
        cols = [c for c in pf.schema_arrow.names if c in CSV_FIELDS or c.startswith("author")]
        for rb in pf.iter_batches(batch_size=batch_lines, columns=cols):
            batch = []
            for rec in rb.to_pylist():
                row += 1
                any_row = True
                if "author" not in rec or rec.get("author") is None:
                    flat = {k.split(".", 1)[-1].split("_", 1)[-1]: v for k, v in rec.items()
                            if k in ("author.is_asn", "author_is_asn", "author.role", "author_role")}
                    if flat:
                        rec["author"] = flat
                elif isinstance(rec.get("author"), str):
                    try:
                        rec["author"] = json.loads(rec["author"])
                    except ValueError:
                        pass
                for key in ("created_at",):
                    v = rec.get(key)
                    if v is not None and not isinstance(v, str):
                        rec[key] = v.isoformat() if hasattr(v, "isoformat") else str(v)
                batch.append((row, {k: v for k, v in rec.items() if k in CSV_FIELDS}))
            if progress:
                progress(len(batch))
            yield batch
    if not any_row:
        yield [(0, LineError(0, None, "input is empty: no records to screen"))]


def read_jsonl(fh) -> Iterator[tuple[int, Item | LineError]]:
    """Each record of a JSON Lines file (an open binary file) as ``(physical line, Item or LineError)``: the one
    reader for every JSON Lines input (``netra screen``, ``netra queue import``, the queue's upload form)."""
    for line, payload in _jsonl_records(fh, None):
        yield line, decode_record(line, payload)


# --- screening a batch (runs in-process or on a dask worker) -----------------------------------------------
def decode_record(line: int, payload: Any) -> Item | LineError:
    if isinstance(payload, LineError):
        return payload
    if isinstance(payload, (bytes, bytearray)):
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            return LineError(line, None, f"line is not valid UTF-8 (byte 0x{payload[exc.start]:02x} at "
                                         f"position {exc.start})")
        try:
            payload = json.loads(text)
        except ValueError as exc:
            return LineError(line, None, f"malformed JSON: {exc.msg} (column {exc.colno})")
    try:
        return Item.from_dict(payload)
    except ItemError as exc:
        item_id = payload.get("id") if isinstance(payload, dict) else None
        if isinstance(item_id, str):  # undecodable bytes in the id: report them escaped, e.g. "\udc80x"
            item_id = item_id.encode("utf-8", "backslashreplace").decode("utf-8")
        return LineError(line, item_id if isinstance(item_id, str) else None, str(exc))
    except RecursionError:
        return LineError(line, None, "record is nested too deeply")


Row = tuple[int, "str | None", "str | None", "dict | None", bool]


def screen_batch(batch: list[tuple[int, Any]], screener) -> list[Row]:
    """Validate and screen one batch (the valid items together: ``Screener.screen_batch``).

    One row per record: ``(line, id, output JSON line or None, error dict or None, violation)``.
    """
    with cyclic_gc_paused():  # decoding and writing a batch make no reference cycles either (see engine)
        return _screen_batch(batch, screener)


def _screen_batch(batch: list[tuple[int, Any]], screener) -> list[Row]:
    decoded = [(line, decode_record(line, payload)) for line, payload in batch]
    valid = [item for _, item in decoded if not isinstance(item, LineError)]
    try:
        results = iter(screener.screen_batch(valid))
    except Exception:  # a bug must not lose the other lines: screen one by one to report it on its own line
        results = None
    out: list[Row] = []
    for line, item in decoded:
        if isinstance(item, LineError):
            out.append((line, item.id, None, item.to_dict(), False))
            continue
        if results is not None:
            result = next(results)
        else:
            try:
                result = screener.screen(item)
            except Exception as exc:
                err = LineError(line, item.id, f"internal error: {exc!r}").to_dict()
                out.append((line, item.id, None, err, False))
                continue
        out.append((line, item.id, result.to_json(), None, result.violation))
    return out


# --- ordered output -----------------------------------------------------------------------------------------
class SeenIds:
    """Distinct ids seen so far -> first line; an open-addressing table of 64-bit digests (16 bytes a slot)."""

    def __init__(self, capacity: int = 1 << 14):
        self._cap = capacity
        self._keys = array("Q", bytes(8 * capacity))
        self._lines = array("q", bytes(8 * capacity))
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @staticmethod
    def _digest(item_id: str) -> int:
        d = hashlib.blake2b(item_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return int.from_bytes(d, "little") | 1  # never 0: 0 marks an empty slot

    def add(self, item_id: str, line: int) -> int | None:
        """Record ``item_id`` at ``line``; return the first line if it was already seen."""
        h = self._digest(item_id)
        keys = self._keys
        mask = self._cap - 1
        i = h & mask
        while True:
            k = keys[i]
            if k == 0:
                keys[i] = h
                self._lines[i] = line
                self._n += 1
                if self._n * 2 > self._cap:
                    self._grow()
                return None
            if k == h:
                return self._lines[i]
            i = (i + 1) & mask

    def _grow(self) -> None:
        old_keys, old_lines = self._keys, self._lines
        self._cap *= 2
        self._keys = array("Q", bytes(8 * self._cap))
        self._lines = array("q", bytes(8 * self._cap))
        mask = self._cap - 1
        keys, lines = self._keys, self._lines
        for k, ln in zip(old_keys, old_lines):
            if k:
                i = k & mask
                while keys[i]:
                    i = (i + 1) & mask
                keys[i] = k
                lines[i] = ln


@dataclass
class Summary:
    screened: int = 0
    violations: int = 0
    errors: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


class OrderedWriter:
    """Writes results (already in input order) and errors; drops duplicate ids as errors."""

    def __init__(self, out, errors=None, on_error: Callable[[LineError], None] | None = None):
        self.out = out
        self.errors = errors
        self.on_error = on_error
        self.seen = SeenIds()
        self.summary = Summary()

    def write(self, rows: Iterable[Row]) -> None:
        for line, item_id, result, error, violation in rows:
            if error is None and item_id is not None:
                first = self.seen.add(item_id, line)
                if first is not None:
                    error = LineError(line, item_id, f"duplicate id {item_id!r} (first on line {first})").to_dict()
                    result = None
            if error is not None:
                self.summary.errors += 1
                if self.errors is not None:
                    self.errors.write(json.dumps(error, ensure_ascii=False) + "\n")
                if self.on_error is not None:
                    self.on_error(LineError(error["line"], error.get("id"), error["error"]))
                continue
            self.summary.screened += 1
            if violation:
                self.summary.violations += 1
            self.out.write(result + "\n")


class _AtomicText:
    """A text file written to ``<path>.tmp`` and renamed on success."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".tmp")

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.tmp, "w", encoding="utf-8", newline="\n")
        return self.fh

    def __exit__(self, exc_type, exc, tb):
        self.fh.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
        return False


def run(input_path: str | Path, output_path: str | Path, *, errors_path: str | Path | None = None,
        screener=None, fmt: str | None = None, engine: str = "local", scheduler: str | None = None,
        screener_config: dict | None = None, on_error: Callable[[LineError], None] | None = None,
        progress: Callable[[int], None] | None = None, batch_lines: int = BATCH_LINES) -> Summary:
    """Screen a whole file; returns counts (``exit_code`` is 1 when any line failed).

    ``engine="dask"`` sends batches to the dask.distributed scheduler at ``scheduler`` (see ``distributed.py``);
    workers build their screener from ``screener_config`` (paths), so they must see the same files.
    """
    batches = read_batches(input_path, fmt, batch_lines, progress)
    errors_cm = _AtomicText(errors_path) if errors_path else None
    with _AtomicText(output_path) as out:
        err_fh = errors_cm.__enter__() if errors_cm else None
        try:
            writer = OrderedWriter(out, err_fh, on_error)
            if engine == "local":
                if screener is None:
                    from netra.screening.distributed import screener_from_config

                    screener = screener_from_config(screener_config or {})
                for batch in batches:
                    writer.write(screen_batch(batch, screener))
            elif engine == "dask":
                from netra.screening.distributed import dask_results

                for rows in dask_results(batches, scheduler, screener_config or {}):
                    writer.write(rows)
            else:
                raise InputError(f"unknown engine {engine!r} (use local or dask)")
        except BaseException as exc:
            if errors_cm:
                errors_cm.__exit__(type(exc), exc, exc.__traceback__)
            raise
        if errors_cm:
            errors_cm.__exit__(None, None, None)
    return writer.summary
