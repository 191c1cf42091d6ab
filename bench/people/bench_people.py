"""Benchmark: importing the national civil-servant register and looking a person up by NIP.

    .venv/bin/python bench/people/bench_people.py                      # 4,300,000 rows (about 10 min on 2 cores)
    .venv/bin/python bench/people/bench_people.py --rows 200000        # a quick look

Starts a throwaway PostgreSQL server with fsync on (durable, as production runs), migrates, loads the regions,
generates a register file (generate.py) in a temporary folder and measures, in the same run:

* ``netra import (PostgreSQL)``: netra.services.people.register.import_register, the code behind
  ``netra people import``: parse and validate every row, COPY into a staging table, set-based merge. Target: the
  whole file in under 15 minutes;
* ``netra re-import, 1% changed (PostgreSQL)``: the same file with one row in a hundred moved to a new position:
  every row compared, changed fields written to the history;
* ``baseline: ORM row by row (PostgreSQL)``: a --baseline-rows slice imported the naive way (look the NIP up, add
  or update an ORM object, flush, per row), extrapolated to the full file;
* ``netra import (SQLite)``: the batched path on the same slice;
* NIP lookups: ``--lookups`` random NIPs through netra.services.people.register.find_by_nip (p50/p95/max, target
  p95 < 20 ms) against the same lookup with the index defeated (``nip || '' = :nip``, a sequential scan).

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, DownloadColumn, Progress, TaskProgressColumn, TimeElapsedColumn  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from netra.accounts.roles import Role  # noqa: E402
from netra.people import read_register  # noqa: E402
from netra.services.accounts import create_account  # noqa: E402
from netra.services.people.register import find_by_nip, import_register  # noqa: E402
from netra.services.reference import load_regions  # noqa: E402
from netra.storage.database import Database  # noqa: E402
from netra.storage.tables import CivilServantRow, RegionRow  # noqa: E402

IMPORT_TARGET_S = 15 * 60
LOOKUP_TARGET_MS = 20
console = Console()


def prepared(url: str) -> tuple[Database, object]:
    db = Database(url)
    db.migrate()
    load_regions(db)
    return db, create_account(db, "bkn.bench", "BKN Bench", "kata-sandi-bench-01", Role.BKN, ("11",))


def server_cpu(server) -> float:
    """CPU-seconds used so far by every process of the PostgreSQL server (postmaster and its children)."""
    import os

    main = int((server.datadir / "postmaster.pid").read_text().split()[0])
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == main or int(fields[1]) == main:
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def timed_import(db, account, path: Path, reason: str, server=None) -> tuple[float, object]:
    columns = [BarColumn(), TaskProgressColumn(), DownloadColumn(), TimeElapsedColumn()]
    with Progress("{task.description}", *columns, console=console, transient=True) as bar:
        task = bar.add_task(f"import {path.name}", total=None)
        started, cpu = time.perf_counter(), time.process_time()
        pg_cpu = server_cpu(server) if server else None
        result = import_register(db, account, path, reason, progress=lambda d, t: bar.update(task, completed=d, total=t),
                                 phase=lambda _: bar.update(task, description=f"merge {path.name}"))
        seconds = time.perf_counter() - started
        client = time.process_time() - cpu
        pg = server_cpu(server) - pg_cpu if server else 0.0
        if server:
            console.print(f"  CPU-seconds: {client:,.1f} netra (read, check, COPY) + {pg:,.1f} PostgreSQL = "
                          f"{client + pg:,.1f}; the rest of the {seconds:,.1f} s wall time is disk and other jobs")
        return seconds, result


def naive_import(db, path: Path) -> tuple[float, int]:
    """The obvious ORM loop: one lookup, one object and one flush per row."""
    with db.transaction() as session:
        regions = set(session.scalars(select(RegionRow.code)))
    started, n = time.perf_counter(), 0
    with db.transaction() as session:
        for person in read_register(path, regions):
            if not hasattr(person, "nip"):
                continue
            row = session.scalar(select(CivilServantRow).where(CivilServantRow.nip == person.nip))
            if row is None:
                row = CivilServantRow(nip=person.nip)
                session.add(row)
            for key, value in {"name_key": person.name_key, **person.fields()}.items():
                setattr(row, key, value)
            session.flush()
            n += 1
    return time.perf_counter() - started, n


def lookups(db, nips: list[str], sql: str | None = None) -> list[float]:
    times = []
    with db.transaction() as session:
        for nip in nips:
            started = time.perf_counter()
            found = (session.execute(text(sql), {"nip": nip}).first() if sql else find_by_nip(session, nip))
            times.append((time.perf_counter() - started) * 1000)
            assert found is not None, nip
    return times


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"p50 {statistics.median(values):8.2f} ms   p95 {p95:8.2f} ms   max {values[-1]:8.2f} ms"


def changed_copy(source: Path, target: Path, every: int = 100) -> int:
    changed = 0
    with source.open(encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i and i % every == 0:
                parts = line.split(";")
                parts[2] = "Kepala Seksi Pindahan"
                line, changed = ";".join(parts), changed + 1
            out.write(line)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4_300_000)
    parser.add_argument("--baseline-rows", type=int, default=50_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--no-reimport", action="store_true", help="skip the 1%%-changed re-import")
    parser.add_argument("--no-baseline", action="store_true", help="skip the row-by-row ORM baseline")
    args = parser.parse_args()
    from tests.support.postgres import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        sys.exit("PostgreSQL binaries not found (apt-get install postgresql)")
    failed = False
    with tempfile.TemporaryDirectory(prefix="netra-people-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        full = generate.write(folder / "register.csv", args.rows)
        console.print(f"generated {args.rows:,} rows ({full.stat().st_size / 2**20:,.0f} MiB) in "
                      f"{time.perf_counter() - started:,.0f} s")
        with full.open(encoding="utf-8") as f:
            head = [next(f) for _ in range(min(args.rows, args.baseline_rows) + 1)]
        slice_path = folder / "slice.csv"
        slice_path.write_text("".join(head), encoding="utf-8")
        server = PostgresServer(bindir, durable=True).start()
        try:
            for name in ("netra_pg", "baseline_pg"):
                server.execute(f"CREATE DATABASE {name}")
            db, account = prepared(server.url("netra_pg"))
            seconds, result = timed_import(db, account, full, "bench: first import", server)
            rate = result.rows / seconds
            console.print(f"netra import (PostgreSQL)      {result.rows:>10,} rows  {seconds:8.1f} s  "
                          f"{rate:10,.0f} rows/s  added {result.added:,}  errors {result.error_count:,}")
            failed |= seconds > IMPORT_TARGET_S or result.added != args.rows
            if not args.no_reimport:
                changed = changed_copy(full, folder / "register-2.csv")
                seconds2, again = timed_import(db, account, folder / "register-2.csv", "bench: re-import", server)
                console.print(f"netra re-import, 1% changed    {again.rows:>10,} rows  {seconds2:8.1f} s  "
                              f"{again.rows / seconds2:10,.0f} rows/s  updated {again.updated:,} (changed "
                              f"{changed:,})  unchanged {again.unchanged:,}")
                failed |= again.updated != changed
            if not args.no_baseline:
                base_db, _ = prepared(server.url("baseline_pg"))
                base_s, base_n = naive_import(base_db, slice_path)
                console.print(f"baseline: ORM row by row (PG)  {base_n:>10,} rows  {base_s:8.1f} s  "
                              f"{base_n / base_s:10,.0f} rows/s  -> {args.rows / (base_n / base_s) / 60:,.0f} min "
                              f"for {args.rows:,} rows; netra is {rate / (base_n / base_s):,.1f}x faster")
                base_db.dispose()
            sqlite_db, sqlite_account = prepared(f"sqlite:///{folder / 'netra.sqlite3'}")
            sq_s, sq = timed_import(sqlite_db, sqlite_account, slice_path, "bench: sqlite")
            console.print(f"netra import (SQLite)          {sq.rows:>10,} rows  {sq_s:8.1f} s  "
                          f"{sq.rows / sq_s:10,.0f} rows/s")
            sqlite_db.dispose()
            with db.transaction() as session:
                total = session.scalar(text("SELECT count(*) FROM civil_servants"))
                session.execute(text("ANALYZE civil_servants"))
            rng = random.Random(7)
            with full.open(encoding="utf-8") as f:
                next(f)
                sample = [line.split(";", 1)[0] for i, line in enumerate(f) if rng.random() < args.lookups / args.rows]
            nips = sample[: args.lookups]
            lookups(db, nips[:50])  # warm the connection pool and the index pages a real server keeps in cache
            netra_times = lookups(db, nips)
            slow = lookups(db, nips[:10], "SELECT id FROM civil_servants WHERE nip || '' = :nip")
            with db.transaction() as session:
                plans = [session.execute(text("EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM civil_servants "
                                              "WHERE nip = :nip"), {"nip": nip}).scalar()[0] for nip in nips[:100]]
            inside = [plan["Execution Time"] for plan in plans]
            console.print(f"NIP lookup, inside PostgreSQL  {len(inside):>6} lookups ({plans[0]['Plan']['Node Type']})"
                          f"            {ms(inside)}")
            p95 = sorted(netra_times)[int(len(netra_times) * 0.95)]
            console.print(f"NIP lookup, netra (index)      {len(nips):>6} lookups in {total:,} rows  {ms(netra_times)}")
            console.print(f"NIP lookup, baseline (no index){len(slow):>6} lookups in {total:,} rows  {ms(slow)}")
            failed |= p95 > LOOKUP_TARGET_MS
            db.dispose()
        finally:
            server.stop()
    console.print(f"load average during the run (1/5/15 min): {' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}")
    console.print("targets: import < 15 min, lookup p95 < 20 ms: " + ("MISSED" if failed else "met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
