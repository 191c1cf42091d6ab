"""Benchmark: the officers' worklist (/perkara) with 10,000 cases in scope, on SQLite and PostgreSQL.

    .venv/bin/python bench/cases/bench_worklist.py                       # both backends, 30 timed runs each
    .venv/bin/python bench/cases/bench_worklist.py --backends sqlite --runs 50 --cases 10000

For each backend (SQLite in a temporary folder; PostgreSQL: a throwaway server, as the tests start) it migrates a
fresh database, loads the regions, stores N fictional cases in the 35 regencies and cities of Central Java
(province 33) through the case repository, each with its history walked through the workflow and one public
report with a tracking code, brings the statistics tables (the stored clocks) up to date, and signs in a Bawaslu
officer with the whole province in scope. Then, in turn, ``--runs`` times each:

- the full page, in process (FastAPI TestClient: routing, session, query, template), for: the default view,
  a search by name, a search by tracking code, a sort by deadline, and page 50 (rows 2,451-2,500);
- baselines measured in the same run: /health through the same client (what the framework and the client cost
  on their own), and a plain SELECT of the default page's 50 rows (cases joined to regions, newest change
  first, LIMIT/OFFSET), no scope, no clocks, no template.

Prints p50/p95 in milliseconds. Target: p95 < 200 ms for every worklist view; exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from netra.accounts.model import Account  # noqa: E402
from netra.accounts.roles import Role  # noqa: E402
from netra.cases import ReportedPerson, apply, open_case  # noqa: E402
from netra.config import Settings  # noqa: E402
from netra.services import analytics  # noqa: E402
from netra.services.accounts import create_account  # noqa: E402
from netra.services.reference import load_regions  # noqa: E402
from netra.services.unit_of_work import unit_of_work  # noqa: E402
from netra.storage.case_repository import LoadedCase, NewCase  # noqa: E402
from netra.storage.database import Database  # noqa: E402
from netra.storage.tables import RegionRow  # noqa: E402
from netra.web.app import create_app  # noqa: E402
from tests.support.postgres import PostgresServer, find_bindir  # noqa: E402

P95_MS = 200
PASSWORD = "kata-sandi-bench-123"
ACTORS = {r: Account(id=0, username=r.value, full_name=r.value, role=r) for r in Role}
PATH = [("register", Role.BAWASLU, {}, ""), ("start_review", Role.BAWASLU, {}, ""),
        ("recommend", Role.BAWASLU, {"rule_ids": ["skb2022.disiplin.2"]}, "Terbukti."),
        ("verify", Role.BKN, {}, ""), ("validate", Role.BAWASLU, {}, ""),
        ("send_to_ppk", Role.BKN, {"ppk": "Bupati"}, "")]
FIRST = ("Agus", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari")
LAST = ("Santoso", "Wibowo", "Rahayu", "Saputra", "Lestari", "Nugroho", "Kusuma", "Hidayat", "Pratama", "Wijaya")


def fill(db: Database, n: int, seed: int = 12) -> str:
    """Store n cases in province 33; returns one tracking code to search for."""
    rng = random.Random(seed)
    with db.transaction() as s:
        regions = list(s.scalars(select(RegionRow.code).where(RegionRow.code.startswith("33."),
                                                              RegionRow.kind != "province")))
        regions = [r for r in regions if r.count(".") == 1]
    now = datetime.now(timezone.utc)
    loaded, code = [], ""
    for i in range(1, n + 1):
        at = now - timedelta(days=rng.uniform(0, 60))
        name, nip = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", f"19{rng.randrange(10**16):016d}"
        person = ReportedPerson(nip=nip, name=name, agency="Dinas Pendidikan", position="Kepala Seksi", status="pns")
        case, first = open_case("report", at, "pilkada", "Asia/Jakarta", case_id=i, subject=person)
        history = [first]
        for k, (action, role, payload, reason) in enumerate(PATH[:rng.randint(0, len(PATH))], start=1):
            case, record = apply(case, action, ACTORS[role], at + timedelta(hours=k), reason=reason,
                                 payload=payload, expected_version=case.version)
            history.append(record)
        tracking = f"NTR-{i // 10**4:04d}-{i % 10**4:04d}"  # unique, and a valid code
        code = code or tracking
        region = rng.choice(regions)
        loaded.append(LoadedCase(i, NewCase(
            "report", region, "pilkada2024", reported_name=name,
            reported_nip=nip, reported_position="Kepala Seksi",
            reported_agency="Dinas Pendidikan", event_date=date(2024, 10, 1)), case, history, report=dict(
            tracking_code=tracking, submission_token=f"{i:064d}", secret_hash="0" * 64, region_code=region,
            election_id="pilkada2024", description="Laporan uji beban.", submitted_at=at, event_date=date(2024, 10, 1),
            known_date=date(2024, 10, 1))))
    for start in range(0, n, 2000):
        with unit_of_work(db) as uow:
            uow.cases.load(loaded[start:start + 2000], "bench:worklist", {})
    return code


def timed(call, runs: int) -> tuple[float, float]:
    call()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def bench(url: str, data_dir: Path, n: int, runs: int) -> list[tuple[str, float, float]]:
    db = Database(url)
    db.migrate()
    load_regions(db)
    started = time.perf_counter()
    code = fill(db, n)
    analytics.sync(db)
    if url.startswith("postgresql"):
        with db.transaction() as session:
            session.execute(text("ANALYZE"))  # what autovacuum does after a bulk load; planner statistics
    print(f"  stored {n:,} cases and synced statistics in {time.perf_counter() - started:.1f} s", flush=True)
    app = create_app(Settings.from_env(data_dir=data_dir, database_url=url), db)
    create_account(db, "bawaslu.jateng", "Petugas Bawaslu Jawa Tengah", PASSWORD, Role.BAWASLU, ("33",))
    results = []
    with TestClient(app) as client:
        form = client.get("/masuk").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        client.post("/masuk", data={"username": "bawaslu.jateng", "password": PASSWORD, "csrf_token": token})
        views = {"default view": "/perkara", "search by name": "/perkara?cari=wibowo",
                 "search by tracking code": f"/perkara?cari={code}", "sort by deadline": "/perkara?urut=deadline",
                 "page 50": "/perkara?halaman=50"}  # 50 rows a page by default
        for label, path in views.items():
            page = client.get(path)
            assert page.status_code == 200 and "data-case-id" in page.text, (label, page.status_code)
            shown = re.search(r"([\d.]+) perkara; ditampilkan", page.text).group(1)
            p50, p95 = timed(lambda: client.get(path), runs)
            results.append((f"{label} ({shown} in view)", p50, p95))
        p50, p95 = timed(lambda: client.get("/health"), runs)
        results.append(("baseline: /health through the same client", p50, p95))
        with db.transaction() as session:
            plain = text("SELECT c.*, r.name FROM cases c JOIN regions r ON r.code = c.region_code "
                         "ORDER BY c.updated_at DESC, c.id DESC LIMIT 50 OFFSET 0")
            p50, p95 = timed(lambda: session.execute(plain).all(), runs)
        results.append(("baseline: plain SELECT of the default page", p50, p95))
    db.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    missed = False
    for backend in args.backends:
        with tempfile.TemporaryDirectory() as tmp:
            server = None
            if backend == "sqlite":
                url = f"sqlite:///{tmp}/netra.sqlite3"
            else:
                server = PostgresServer(find_bindir()).start()
                server.execute("CREATE DATABASE bench")
                url = server.url("bench")
            try:
                print(f"{backend}:", flush=True)
                for label, p50, p95 in bench(url, Path(tmp) / "data", args.cases, args.runs):
                    flag = "" if label.startswith("baseline") or p95 < P95_MS else "  MISSED"
                    missed |= bool(flag)
                    print(f"  {label:58s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms{flag}", flush=True)
            finally:
                if server is not None:
                    server.stop()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
