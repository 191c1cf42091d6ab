"""Benchmark: /statistik and /dasbor on the demo data (3,000 cases), first request after a start and p95 after.

    .venv/bin/python bench/analytics/bench_pages.py                  # SQLite and PostgreSQL, 30 timed requests each
    .venv/bin/python bench/analytics/bench_pages.py --backends sqlite --runs 50

For each backend (SQLite in a temp folder; PostgreSQL: a throwaway server, as the tests start) it runs the real
server three times on the same data, as `make run` does, each a new process:

1. ``netra run`` on an empty data folder (migrates, loads the reference and demo data, then serves): the first
   request, /statistik, is sent the moment /health answers;
2. ``netra serve`` on that data: sign in (a demo officer of one regency, Jepara), then the first /dasbor;
3. ``netra serve`` again: the first /statistik of a plain restart; then, in turn, ``--runs`` requests each of
   /statistik, /statistik?region=33, /dasbor and /dasbor with filters as that officer, /dasbor as an officer with
   the whole country in scope, and two pages that do no statistics as the baseline measured in the same run
   (/health and the home page).

Timing is wall clock in the client over loopback, body read included. Targets: first request < 1 s, p95 < 300 ms
for the statistics pages; exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from netra.accounts.roles import Role  # noqa: E402
from netra.services.accounts import create_account  # noqa: E402
from netra.storage.database import Database  # noqa: E402
from tests.support.postgres import PostgresServer, find_bindir  # noqa: E402
from tests.support.server import LiveServer  # noqa: E402

FIRST_MS, P95_MS = 1000, 300
LEADER = ("pimpinan.nasional", "kata-sandi-bench-123")
PROVINCES = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51",
             "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92",
             "93", "94", "95", "96")


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[float, str]:
        started = time.perf_counter()
        with self.opener.open(self.base + path, timeout=120) as response:
            body = response.read().decode()
            assert response.status == 200 and urllib.parse.urlsplit(response.url).path == path.split("?")[0], \
                (path, response.status, response.url)  # not redirected to the sign-in page
        return (time.perf_counter() - started) * 1000, body

    def sign_in(self, username: str, password: str) -> None:
        _, form = self.get("/masuk")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token}).encode()
        with self.opener.open(self.base + "/masuk", data=data, timeout=60) as response:
            response.read()


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def bench(backend: str, runs: int) -> tuple[list[tuple], bool]:
    folder = Path(tempfile.mkdtemp(prefix=f"netra-bench-pages-{backend}-"))
    pg = PostgresServer(find_bindir()).start() if backend == "postgresql" else None
    url = None
    if pg:
        pg.execute("CREATE DATABASE bench_pages")
        url = pg.url("bench_pages")
    rows, ok = [], True

    def record(label: str, values: list[float], target: float | None) -> None:
        nonlocal ok
        p50, p95 = statistics.median(values), _p(values, 95)
        worst = max(values) if len(values) == 1 else p95
        met = target is None or worst < target
        ok &= met
        rows.append((backend, label, len(values), p50, p95, target, "" if target is None else ("ok" if met else "MISSED")))

    try:
        server = LiveServer(folder / "data", url, command="run")  # 1. fresh install: setup, then serve
        first, _ = Browser(server.url).get("/statistik")
        record("/statistik, first request after `netra run` (fresh data)", [first], FIRST_MS)
        credentials = server.credentials()
        server.stop()
        db = Database(url or f"sqlite:///{folder / 'data' / 'netra.sqlite3'}")
        create_account(db, LEADER[0], "", LEADER[1], Role.VIEWER, PROVINCES)
        db.dispose()

        server = LiveServer(folder / "data", url, command="serve")  # 2. restart: first /dasbor
        officer = Browser(server.url)
        officer.sign_in("bawaslu.jepara", credentials["bawaslu.jepara"])
        first, _ = officer.get("/dasbor")
        record("/dasbor (Jepara officer), first request after `netra serve`", [first], FIRST_MS)
        server.stop()

        server = LiveServer(folder / "data", url, command="serve")  # 3. restart: first /statistik, then p95
        public = Browser(server.url)
        first, _ = public.get("/statistik")
        record("/statistik, first request after `netra serve`", [first], FIRST_MS)
        officer = Browser(server.url)
        officer.sign_in("bawaslu.jepara", credentials["bawaslu.jepara"])
        leader = Browser(server.url)
        leader.sign_in(*LEADER)
        pages = [
            ("/statistik", public, "/statistik", P95_MS),
            ("/statistik?region=33", public, "/statistik?region=33", P95_MS),
            ("/dasbor (Jepara officer)", officer, "/dasbor", P95_MS),
            ("/dasbor (Jepara officer), Pilkada, social media", officer,
             "/dasbor?election=pilkada2024&family=social_media", P95_MS),
            ("/dasbor (all provinces in scope)", leader, "/dasbor", P95_MS),
            ("baseline: /health", public, "/health", None),
            ("baseline: home page /", public, "/", None),
        ]
        timings: dict[str, list[float]] = {label: [] for label, *_ in pages}
        for _ in range(runs):
            for label, who, path, _target in pages:
                timings[label].append(who.get(path)[0])
        for label, _who, _path, target in pages:
            record(label + ", repeated", timings[label], target)
        server.stop()
    finally:
        if pg:
            pg.stop()
    return rows, ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    all_ok = True
    print(f"{'backend':<11} {'page':<62} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'target':>7}")
    for backend in args.backends.split(","):
        rows, ok = bench(backend, args.runs)
        all_ok &= ok
        for backend_, label, n, p50, p95, target, verdict in rows:
            print(f"{backend_:<11} {label:<62} {n:>4} {p50:>8.0f} {p95:>8.0f} {target or '':>7} {verdict}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
