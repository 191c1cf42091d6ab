"""Load and crash benchmark for the public report form (issue 7).

    .venv/bin/python bench/load/bench_load.py [--reports 5000] [--clients 100] [--crash-after 2000]

Starts a throwaway PostgreSQL and the real server (`netra serve`, uvicorn on 127.0.0.1), submits the reports with
one evidence photo each from concurrent clients, then SIGKILLs the server in a second run mid-load, restarts it,
and checks every acknowledged report. Prints throughput, p50/p95 latency, acknowledged vs stored. Loopback only,
bounded in count and time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from netra.storage.database import Database  # noqa: E402
from netra.storage.evidence_store import EvidenceStore  # noqa: E402
from tests.support.checks import check_reports  # noqa: E402
from tests.support.load import run_load  # noqa: E402
from tests.support.postgres import PostgresServer, find_bindir  # noqa: E402
from tests.support.server import LiveServer  # noqa: E402

UNLIMITED = {"NETRA_REPORT_RATE": "100000000/60"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--crash-after", type=int, default=2000, help="stored reports before the SIGKILL")
    args = parser.parse_args()
    pg = PostgresServer(find_bindir()).start()
    work = Path(tempfile.mkdtemp(prefix="netra-load-"))
    try:
        pg.execute("CREATE DATABASE load")
        url = pg.url("load")
        server = LiveServer(work / "data", url, command="serve", env=UNLIMITED)
        result = run_load(server.url, args.reports, args.clients, deadline_seconds=1800)
        server.stop()
        db = Database(url)
        check = check_reports(db, EvidenceStore(work / "data" / "evidence"), result.acks)
        print(f"load: {args.reports} reports from {args.clients} clients in {result.seconds:.1f} s "
              f"= {len(result.acks) / result.seconds:.1f} reports/s; latency p50 {result.p(0.5) * 1000:.0f} ms, "
              f"p95 {result.p(0.95) * 1000:.0f} ms; acknowledged {check['acknowledged']}, stored {check['stored']}, "
              f"unique codes {check['unique_codes']}, duplicates {len(check['duplicates'])}, "
              f"failures {len(result.failures)}, problems {len(check['problems'])}")

        pg.execute("CREATE DATABASE crash")
        url = pg.url("crash")
        server = LiveServer(work / "crash", url, command="serve", env=UNLIMITED)
        stop, box = threading.Event(), {}
        runner = threading.Thread(target=lambda: box.setdefault(
            "r", run_load(server.url, args.reports, args.clients, stop=stop, deadline_seconds=1800)))
        runner.start()
        while server.output().count('"report stored"') < args.crash_after and runner.is_alive():
            time.sleep(0.1)
        server.kill()
        stop.set()
        runner.join()
        server.start()
        db = Database(url)
        check = check_reports(db, EvidenceStore(work / "crash" / "evidence"), box["r"].acks)
        server.stop()
        print(f"crash: SIGKILL after ~{args.crash_after} stored; acknowledged {check['acknowledged']}, "
              f"present after restart {check['acknowledged'] - sum('not stored' in p for p in check['problems'])}, "
              f"stored {check['stored']} (stored but never acknowledged: {check['stored'] - check['acknowledged']}), "
              f"duplicates {len(check['duplicates'])}, problems {len(check['problems'])}")
        for problem in check["problems"][:10]:
            print("  ", problem)
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
