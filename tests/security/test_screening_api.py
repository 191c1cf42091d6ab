"""POST /api/screen (issue 14, finding 1) and the API tokens machine clients use for it and for queue imports.

Before: anyone could post 1,000 items of 20 KB; the work ran in the server's thread pool and starved /health.
Now: a bawaslu session or a bawaslu API token, caps on items, text and body, a per-account rate limit, and
screening in a bounded process pool (the responsiveness under load is tested against a real server in
test_deployment.py)."""

from __future__ import annotations

import asyncio
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.services import api_tokens
from netra.services.accounts import create_account
from netra.storage.database import Database
from netra.storage.tables import AuditRow, ScreenedItemRow
from netra.web import screening_pool
from netra.web.app import create_app
from netra.web.screening_pool import Busy, ScreeningPool
from tests.web.conftest import PASSWORD, login

POST = {"id": "p1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"}


@pytest.fixture
def app(settings):
    # Screening in a thread here: the process pool is exercised against the real server.
    return create_app(replace(settings, screen_processes=0, screen_rate="3/60"), Database(settings.database_url))


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def token_for(app, role: Role, scope=("33.20",)) -> tuple[str, int]:
    admin = create_account(app.state.db, f"admin.{role.value}", "", PASSWORD, Role.ADMIN, ["33"])
    token, info = api_tokens.create(app.state.db, admin, f"mesin {role.value}", role.value, list(scope))
    return token, info.id


def test_anonymous_and_other_roles_are_refused_before_any_screening(client, app):
    refused = client.post("/api/screen", json={"items": [POST]})
    assert refused.status_code == 401 and "masuk" in refused.json()["detail"]
    create_account(app.state.db, "viewer.api", "", PASSWORD, Role.VIEWER, ["33.20"])
    login(client, "viewer.api")
    assert client.post("/api/screen", json={"items": [POST]}).status_code == 403


def test_a_bawaslu_session_screens_and_the_caps_hold(client, app):
    create_account(app.state.db, "bawaslu.api", "", PASSWORD, Role.BAWASLU, ["33.20"])
    login(client, "bawaslu.api")
    long_text = {"id": "long", "text": "coblos nomor 2 " * 700}  # 10,500 characters
    result = client.post("/api/screen", json={"items": [POST, long_text]})
    assert result.status_code == 200
    first, second = result.json()["results"]
    assert first["id"] == "p1" and first["violation"] and second == {"id": "long",
                                                                     "error": "text longer than 10000 characters"}
    assert client.post("/api/screen", json={"items": [POST] * 1001}).status_code == 422
    big = client.post("/api/screen", content=b'{"items": [' + b'{"id": "x", "text": "' + b"a" * (1024 * 1024) + b'"}]}',
                      headers={"content-type": "application/json"})
    assert big.status_code == 413
    # 3 per minute and per account; refused bodies (422, 413) never reached the counter.
    assert [client.post("/api/screen", json={"items": [POST]}).status_code for _ in range(2)] == [200, 200]
    limited = client.post("/api/screen", json={"items": [POST]})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_api_tokens_act_for_their_role_only_on_the_api_and_die_when_revoked(client, app):
    token, token_id = token_for(app, Role.BAWASLU)
    bearer = {"authorization": f"Bearer {token}"}
    assert client.post("/api/screen", json={"items": [POST]}, headers=bearer).status_code == 200
    # Not a way into the pages: a token is for machine clients of /api/.
    assert client.get("/perkara", headers=bearer, follow_redirects=False).status_code == 303
    assert client.post("/api/screen", json={"items": [POST]},
                       headers={"authorization": "Bearer ntr_" + "x" * 48}).status_code == 401
    admin = create_account(app.state.db, "admin.cabut", "", PASSWORD, Role.ADMIN, ["33"])
    api_tokens.revoke(app.state.db, admin, token_id)
    assert client.post("/api/screen", json={"items": [POST]}, headers=bearer).status_code == 401
    viewer_token, _ = token_for(app, Role.VIEWER)
    assert client.post("/api/screen", json={"items": [POST]},
                       headers={"authorization": f"Bearer {viewer_token}"}).status_code == 403
    with app.state.db.transaction() as s:
        entries = s.execute(select(AuditRow.actor, AuditRow.action, AuditRow.entity, AuditRow.detail)
                            .where(AuditRow.entity == f"api_token:{token_id}").order_by(AuditRow.seq)).all()
    assert [(e.action, e.detail.get("role"), e.detail.get("revoked")) for e in entries] == [
        ("create", "bawaslu", None), ("change", None, True)]
    assert all(e.actor.startswith("user:") for e in entries)


def test_token_queue_import_stays_inside_the_token_scope(client, app):
    token, _ = token_for(app, Role.BAWASLU, scope=("33.20",))
    items = [{"id": "a", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"},
             {"id": "b", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10",
              "region": "64.02"}]
    response = client.post("/api/antrean/impor", headers={"authorization": f"Bearer {token}"},
                           json={"election_id": "pilkada2024", "region_code": "33.20", "batch": "mesin-1",
                                 "items": items})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["queued"] == 1 and body["rejected"] == ["baris 2 (id b): wilayah 64.02 di luar cakupan Anda"]
    with app.state.db.transaction() as s:
        assert set(s.scalars(select(ScreenedItemRow.region_code))) == {"33.20"}
    outside = client.post("/api/antrean/impor", headers={"authorization": f"Bearer {token}"},
                          json={"election_id": "pilkada2024", "region_code": "64.02", "batch": "b", "items": items})
    assert outside.status_code == 422


def test_the_screening_pool_answers_busy_instead_of_queueing_without_end(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(screening_pool, "screen_records", lambda records, url: release.wait() and [])
    pool = ScreeningPool(0, "sqlite://", waiting=0)  # one worker: room for two requests in flight

    async def scenario():
        running = [asyncio.create_task(pool.screen([])) for _ in range(pool.capacity)]
        await asyncio.sleep(0)  # let them take their places (a yield, not a wait for time)
        with pytest.raises(Busy):
            await pool.screen([])
        release.set()
        return await asyncio.gather(*running)

    # A thread of its own: in a worker where the browser tests already ran, Playwright's session-wide loop is
    # running in the main thread, and asyncio.run refuses to start there.
    try:
        with ThreadPoolExecutor(1) as runner:
            assert runner.submit(asyncio.run, scenario()).result() == [[], []]
    finally:
        release.set()
        pool.close()


def test_admin_token_page_shows_a_new_token_once(client, app):
    create_account(app.state.db, "admin.token", "", PASSWORD, Role.ADMIN, ["33"])
    login(client, "admin.token")
    page = client.get("/admin/token")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    refused = client.post("/admin/token", data={"csrf_token": csrf, "name": "pemantau", "role": "admin",
                                                "scope": "33.20"})
    assert refused.status_code == 422 and "Peran token" in refused.text and 'value="pemantau"' in refused.text
    created = client.post("/admin/token", data={"csrf_token": csrf, "name": "pemantau Jepara", "role": "bawaslu",
                                                "scope": "33.20"})
    token = re.search(r'data-testid="new-token">([^<]+)<', created.text).group(1)
    assert created.headers["cache-control"] == "no-store"
    assert client.post("/api/screen", json={"items": [POST]},
                       headers={"authorization": f"Bearer {token}"}).status_code == 200
    listed = client.get("/admin/token").text
    assert token not in listed and token[:10] in listed and "pemantau Jepara" in listed
    with app.state.db.transaction() as s:
        stored = s.scalar(select(api_tokens.ApiTokenRow.token_hash))
    assert stored != token and token not in stored
    token_id = re.search(r'data-testid="revoke-(\d+)"', listed).group(1)
    assert client.post(f"/admin/token/{token_id}/cabut", data={"csrf_token": csrf}).status_code == 200
    assert client.post("/api/screen", json={"items": [POST]},
                       headers={"authorization": f"Bearer {token}"}).status_code == 401
