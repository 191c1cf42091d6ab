"""Secrets and reporter identity never reach the logs; sessions expire."""

import logging
import re
from dataclasses import replace

from fastapi.testclient import TestClient

from netra.accounts.roles import Role
from netra.logs import JsonFormatter
from netra.services.accounts import create_account
from netra.storage.database import Database
from netra.web.app import create_app

PASSWORD = "sandi-rahasia-sekali-9"


def test_logs_carry_no_identity_secret_or_password(settings, caplog):
    app = create_app(settings, Database(settings.database_url))
    create_account(app.state.db, "bawaslu.log", "", PASSWORD, Role.BAWASLU, ["33.20"])
    formatter = JsonFormatter()
    with caplog.at_level(logging.DEBUG), TestClient(app) as client:
        page = client.get("/lapor").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
        receipt = client.post("/lapor", data={
            "csrf_token": csrf, "submission_token": token, "election_id": "pilkada2024", "region_code": "33.20",
            "description": "Kepala desa membagikan sembako bergambar paslon nomor urut 2 kepada warga.",
            "reporter_name": "Sitirahasia Pelaporwati", "reporter_id_number": "3320014508900001",
            "reporter_contact": "0812-0000-rahasia"}).text
        code = re.search(r'data-testid="tracking-code">([^<]+)<', receipt).group(1)
        secret = re.search(r'data-testid="secret">([^<]+)<', receipt).group(1)
        client.post("/lapor/status", data={"csrf_token": csrf, "tracking_code": code, "secret": secret})
        client.get(f"/lapor/status?tracking_code={code}&secret={secret}")
        client.post("/masuk", data={"csrf_token": csrf, "username": "bawaslu.log", "password": PASSWORD})
        client.post("/masuk", data={"csrf_token": csrf, "username": "bawaslu.log", "password": "salah-" + PASSWORD})
    # Only the server's own loggers: the test's HTTP client logs its request URLs itself.
    lines = [formatter.format(r) for r in caplog.records if r.name.startswith(("netra", "uvicorn", "sqlalchemy"))]
    assert any('"report stored"' in line for line in lines) and any('"login"' in line for line in lines)
    for needle in ("Sitirahasia", "3320014508900001", "0812-0000", secret, PASSWORD, code, "bawaslu.log"):
        assert not [line for line in lines if needle in line], needle


def test_session_cookie_expires(settings):
    short = replace(settings, session_max_age_seconds=1)
    app = create_app(short, Database(short.database_url))
    create_account(app.state.db, "viewer.sesi", "", PASSWORD, Role.VIEWER, ["33.20"])
    with TestClient(app) as client:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/masuk").text).group(1)
        client.post("/masuk", data={"csrf_token": csrf, "username": "viewer.sesi", "password": PASSWORD})
        cookie = [c for c in client.cookies.jar if c.name == "netra_session"][0]
    assert cookie.expires is not None and cookie.expires - __import__("time").time() <= 2
    import time

    time.sleep(2.2)
    # The signed cookie carries its own timestamp: replayed after max_age it is ignored by the server.
    with TestClient(app) as late:
        late.cookies.set("netra_session", cookie.value)
        assert late.get("/wilayah", follow_redirects=False).status_code == 303
