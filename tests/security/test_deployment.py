"""The server as an operator runs it (issue 14, findings 1, 9, 13, 15): a real `netra serve` process.

Before: the data folder and the SQLite file with its WAL were world-readable (13); X-Forwarded-For was believed
from loopback without being asked to (15); a 600 MB chunked body raised the server's memory by 600 MB before the
answer (9); 45 screening requests made /health wait 37 s (1). In-process checks of the headers (no-store, Secure)
are at the end."""

from __future__ import annotations

import re
import select
import socket
import stat
import threading
from dataclasses import replace

import httpx
import pytest
from fastapi.testclient import TestClient

from netra.accounts.roles import Role
from netra.storage.database import Database
from netra.web.app import create_app
from tests.support.server import LiveServer
from tests.web.conftest import csrf_of, login

ADMIN_PASSWORD = "sandi-operator-0001"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One SQLite server in its own data folder, with an administrator and a bawaslu API token."""
    data = tmp_path_factory.mktemp("deploy") / "data"
    live = LiveServer(data, command="serve", env={"NETRA_SCREEN_RATE": "1000/60", "NETRA_REPORT_RATE": "1000/60"})
    made = live.cli("users", "create-admin", "--username", "admin.op", "--password", ADMIN_PASSWORD,
                    "--region", "33.20")
    assert made.returncode == 0, made.stderr
    token = live.cli("tokens", "create", "--name", "pemantau uji", "--role", "bawaslu", "--region", "33.20",
                     "--by", "admin.op")
    assert token.returncode == 0, token.stderr
    live.token = token.stdout.strip().splitlines()[-1]
    yield live
    live.stop()


def mode(path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def test_the_data_folder_and_everything_in_it_is_private(server):
    with httpx.Client() as browser:  # a report: the database, its WAL and an evidence file get written
        page = browser.get(server.url + "/lapor").text
        browser.post(server.url + "/lapor", data={
            "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
            "submission_token": re.search(r'name="submission_token" value="([^"]+)"', page).group(1),
            "election_id": "pilkada2024", "region_code": "33.20",
            "description": "Kepala desa mengajak warga memilih paslon nomor urut 1 di masjid."},
            files=[("evidence", ("f.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"z" * 300, "image/jpeg"))])
    data = server.data_dir
    assert mode(data) == "0o700"
    for name in ("netra.sqlite3", "netra.sqlite3-wal", "secret_key", "audit_key", "audit-checkpoints.jsonl"):
        assert mode(data / name) == "0o600", name
    evidence = [p for p in (data / "evidence").rglob("*")]
    assert evidence and all(mode(p) == ("0o700" if p.is_dir() else "0o600") for p in evidence)


def test_x_forwarded_for_is_not_believed_unless_the_proxy_is_named(server, tmp_path):
    forged = {"x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https"}

    def seen_address(base: str) -> str:
        with httpx.Client(headers={"x-forwarded-for": forged["x-forwarded-for"]}) as browser:
            page = browser.get(base + "/masuk").text
            response = browser.post(base + "/masuk", data={"csrf_token": csrf_of(page), "username": "admin.op",
                                                           "password": ADMIN_PASSWORD}, follow_redirects=False)
            assert response.status_code == 303
            return browser.get(base + "/akun").text

    def cookie_over_tls(base: str) -> str:
        return httpx.get(base + "/masuk", headers=forged).headers["set-cookie"].lower()

    page = seen_address(server.url)
    assert "127.0.0.1" in page and "203.0.113.7" not in page
    assert "; secure" not in cookie_over_tls(server.url)  # a client's claim of TLS is not believed either
    proxied = LiveServer(server.data_dir, command="serve", env={"NETRA_TRUSTED_PROXIES": "127.0.0.1"})
    try:
        page, cookie = seen_address(proxied.url), cookie_over_tls(proxied.url)
    finally:
        proxied.stop()
    assert "203.0.113.7" in page and "; secure" in cookie  # behind a named TLS proxy: its word, and Secure cookies


def vm_peak_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as fh:
        return int(re.search(r"VmHWM:\s+(\d+) kB", fh.read()).group(1))


def chunked_post(base: str, path: str, content_type: str, head: bytes, limit: int) -> tuple[int, int]:
    """Send a chunked body of up to `limit` bytes until the server answers; (status, bytes sent)."""
    host, port = base.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        chunk = head + b"a" * (MB - len(head))
        try:
            while sent < limit and not select.select([conn], [], [], 0)[0]:
                conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
                chunk = b"a" * MB
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while b"\r\n" not in answer:
            part = conn.recv(4096)
            if not part:
                break
            answer += part
    return int(answer.split(b" ")[1]) if answer else 0, sent


def test_an_oversized_chunked_body_is_refused_while_it_streams(server):
    baseline = vm_peak_kb(server.process.pid)
    status, sent = chunked_post(server.url, "/masuk", "application/x-www-form-urlencoded", b"username=x&password=",
                                600 * MB)
    assert status == 413 and sent < 64 * MB
    boundary = "batas"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nlaporan\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"v.mp4\"\r\n"
            "Content-Type: video/mp4\r\n\r\n").encode()
    status, sent = chunked_post(server.url, "/lapor", f"multipart/form-data; boundary={boundary}", head, 600 * MB)
    assert status == 413 and sent < 400 * MB  # read to the 101 MB cap, then dropped up to 256 MB, then cut
    growth_mb = (vm_peak_kb(server.process.pid) - baseline) / 1024
    assert growth_mb < 100, f"peak memory grew by {growth_mb:.0f} MB"


def test_screening_load_leaves_health_and_the_report_form_answering(server):
    """45 heavy /api/screen requests at once: a few are screened one after another in the screening process, the
    rest are told at once that it is busy (503), and /health and /lapor answer before the first screening ends."""
    items = [{"id": str(n), "text": ("Sebagai guru PNS saya ajak warga coblos paslon nomor urut 2. " * 130)[:8000]}
             for n in range(110)]  # about 900 KB: seconds of screening each
    bearer = {"authorization": f"Bearer {server.token}"}
    finished: list[tuple[str, int]] = []
    lock = threading.Lock()

    def screen():
        status = httpx.post(server.url + "/api/screen", json={"items": items}, headers=bearer, timeout=600).status_code
        with lock:
            finished.append(("screen", status))

    workers = [threading.Thread(target=screen) for _ in range(45)]
    for w in workers:
        w.start()
    with httpx.Client(timeout=600) as probe:
        answers = [probe.get(server.url + path).status_code for path in ("/health", "/lapor") * 3]
    with lock:
        screened_before = [s for kind, s in finished if s == 200]
    for w in workers:
        w.join()
    statuses = sorted(s for _, s in finished)
    assert answers == [200] * 6 and screened_before == []
    assert statuses.count(200) >= 1 and statuses.count(503) >= 30 and set(statuses) <= {200, 503}


# ------------------------------------------------------------------------------------------------ in-process headers
def test_identity_reveals_exports_evidence_and_receipts_are_never_cached(client, app, make_account):
    page = client.get("/lapor").text
    receipt = client.post("/lapor", data={
        "csrf_token": csrf_of(page), "submission_token": re.search(r'name="submission_token" value="([^"]+)"',
                                                                   page).group(1),
        "election_id": "pilkada2024", "region_code": "33.20", "reporter_name": "Pelapor Rahasia", "confidential": "on",
        "description": "Camat mengajak ASN memilih paslon nomor urut 2 dalam rapat dinas."},
        files=[("evidence", ("f.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"q" * 300, "image/jpeg"))])
    assert receipt.headers["cache-control"] == "no-store"
    make_account("bawaslu.cache", Role.BAWASLU)
    login(client, "bawaslu.cache")
    case_page = client.get("/perkara").text
    case_id = re.search(r'href="/perkara/(\d+)"', case_page).group(1)
    detail = client.get(f"/perkara/{case_id}").text
    report_id = re.search(rf'/perkara/{case_id}/identitas/(\d+)', detail).group(1)
    evidence_id = re.search(rf'/perkara/{case_id}/bukti/(\d+)', detail).group(1)
    reveal = client.post(f"/perkara/{case_id}/identitas/{report_id}", data={"csrf_token": csrf_of(detail)})
    assert "Pelapor Rahasia" in reveal.text
    for response in (reveal, client.get("/ekspor/perkara.csv"), client.get(f"/perkara/{case_id}/bukti/{evidence_id}")):
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    assert client.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_cookies_are_secure_over_https_or_when_told(settings):
    for secure_setting, base, expected in ((False, "http://testserver", False), (False, "https://testserver", True),
                                          (True, "http://testserver", True)):
        app = create_app(replace(settings, secure_cookies=secure_setting), Database(settings.database_url))
        with TestClient(app, base_url=base) as browser:
            response = browser.get("/masuk")
            cookie = response.headers["set-cookie"].lower()
            assert ("; secure" in cookie) is expected, (secure_setting, base)
            assert ("strict-transport-security" in response.headers) is base.startswith("https")
