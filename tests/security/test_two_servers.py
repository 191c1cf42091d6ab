"""Sessions, lockouts and rate limits hold across server processes (issue 14, "several workers and several
servers"): two `netra serve` processes and a `netra serve --workers 2` on one PostgreSQL database.

Before, the report rate limit lived in each process's memory (the effective limit was the setting times the number
of processes) and the session was a cookie every process trusted on its own."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.support.server import LiveServer

pytestmark = pytest.mark.long  # three servers start once for the module (about 45 s)

PASSWORD = "sandi-dua-server-01"


@pytest.fixture(scope="module")
def servers(tmp_path_factory, postgres_server):
    """Three server processes (one of them with two workers) on one database and one data directory (the keys
    every server of an installation shares), started once for the tests below, which use separate accounts."""
    postgres_server.execute("DROP DATABASE IF EXISTS two_servers")
    postgres_server.execute("CREATE DATABASE two_servers")
    data = tmp_path_factory.mktemp("two") / "data"
    env = {"NETRA_REPORT_RATE": "3/3600", "NETRA_SCREEN_PROCESSES": "0"}
    started = []

    def serve(args):
        return LiveServer(data, postgres_server.url("two_servers"), command="serve", env=env, args=args)

    try:
        started.append(serve(()))  # the first migrates the empty database; the others start together after it
        with ThreadPoolExecutor(max_workers=4) as pool:
            others = [pool.submit(serve, args) for args in ((), ("--workers", "2"))]
            made = [pool.submit(started[0].cli, "users", "create-admin", "--username", username,
                                "--password", PASSWORD, "--region", "33") for username in ("admin.sesi", "admin.kunci")]
            started += [f.result() for f in others if f.exception() is None]
            for f in others + made:
                f.result()  # a server that did not start fails the module here, after the others are listed to stop
        for result in made:
            assert result.result().returncode == 0, result.result().stderr
        yield started
    finally:
        for server in started:
            server.stop()


def csrf(client: httpx.Client, url: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).text).group(1)


def sign_in(client: httpx.Client, base: str, username: str, password: str = PASSWORD) -> int:
    return client.post(base + "/masuk", data={"csrf_token": csrf(client, base + "/masuk"), "username": username,
                                              "password": password}).status_code


def test_a_session_started_on_one_server_ends_on_all(servers):
    a, b, c = servers
    with httpx.Client(follow_redirects=False) as browser:
        assert sign_in(browser, a.url, "admin.sesi") == 303
        assert browser.get(b.url + "/akun").status_code == 200  # the cookie is known to every server ...
        for _ in range(4):  # ... and to every worker of the third, whichever answers
            assert browser.get(c.url + "/akun").status_code == 200
        copied = browser.cookies.get("netra_session")
        assert browser.post(b.url + "/keluar", data={"csrf_token": csrf(browser, b.url + "/lapor")}).status_code == 303
    for server in servers:  # signed out on b: the copied cookie is dead on a and c too
        response = httpx.get(server.url + "/akun", cookies={"netra_session": copied}, follow_redirects=False)
        assert response.status_code == 303


def test_the_lockout_counts_failures_on_every_server(servers):
    with httpx.Client(follow_redirects=False) as browser:
        codes = [sign_in(browser, servers[n % 3].url, "admin.kunci", "salah-sekali-sandi") for n in range(5)]
        assert codes == [401] * 5
        for server in servers:  # five failures spread over three processes: locked everywhere, right password too
            assert sign_in(browser, server.url, "admin.kunci") == 429


def test_the_report_rate_limit_counts_reports_on_every_server(servers):
    codes = []
    for n in range(5):
        with httpx.Client() as browser:
            base = servers[n % 3].url
            page = browser.get(base + "/lapor").text
            token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
            codes.append(browser.post(base + "/lapor", data={
                "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
                "submission_token": token, "election_id": "pilkada2024", "region_code": "33.20",
                "description": f"Laporan {n}: camat berkampanye untuk paslon nomor urut 2 di balai desa."}).status_code)
    assert codes == [200, 200, 200, 429, 429]  # 3 per hour from this address, whichever server takes them
