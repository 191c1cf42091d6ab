"""A bounded load driver for the public report form: N reports from C concurrent clients, loopback only.

Each client does what a browser does: GET /lapor (session cookie, CSRF token, one-time submission token), then
POST the multipart form with one evidence photo. Every acknowledged report comes back with its tracking code,
secret and the SHA-256 of the photo, so a checker can prove it was stored exactly once and intact.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


@dataclass(frozen=True)
class Ack:
    tracking_code: str
    secret: str
    evidence_sha256: str


@dataclass
class LoadResult:
    acks: list[Ack] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def p(self, q: float) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] if data else float("nan")


def _one(client: httpx.Client, base: str, n: int) -> tuple[Ack, float]:
    page = client.get(base + "/lapor").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    photo = JPEG_HEAD + f"load-test photo {n} {token}".encode() * 20
    started = time.perf_counter()
    response = client.post(base + "/lapor", data={
        "csrf_token": csrf, "submission_token": token, "election_id": "pilkada2024", "region_code": "33.20",
        "description": f"Uji beban nomor {n}: seorang ASN mengunggah dukungan untuk paslon nomor urut 2.",
        "reported_name": "Terlapor Fiktif", "event_date": "2024-10-01", "declaration": "on",
    }, files=[("evidence", (f"bukti-{n}.jpg", photo, "image/jpeg"))])
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    code = re.search(r'data-testid="tracking-code">([^<]+)<', response.text).group(1)
    secret = re.search(r'data-testid="secret">([^<]+)<', response.text).group(1)
    return Ack(code, secret, hashlib.sha256(photo).hexdigest()), elapsed


def run_load(base: str, reports: int, clients: int, stop: threading.Event | None = None,
             deadline_seconds: float = 600) -> LoadResult:
    assert base.startswith(("http://127.", "http://localhost")), "load tests target loopback only"
    result, lock = LoadResult(), threading.Lock()
    counter = iter(range(reports))
    started = time.perf_counter()

    def worker() -> None:
        with httpx.Client(timeout=30) as client:
            for n in counter:
                if (stop and stop.is_set()) or time.perf_counter() - started > deadline_seconds:
                    return
                try:
                    ack, elapsed = _one(client, base, n)
                except Exception as exc:  # a killed server shows up here: not acknowledged, not counted
                    with lock:
                        result.failures.append(f"{n}: {type(exc).__name__}")
                    if stop and stop.is_set():
                        return
                    continue
                with lock:
                    result.acks.append(ack)
                    result.latencies.append(elapsed)

    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(worker)
    result.seconds = time.perf_counter() - started
    return result
