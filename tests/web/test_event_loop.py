"""A slow request never blocks the others: handlers that store, screen, fsync or render are plain functions that
FastAPI runs in its thread pool. Before, /lapor and friends were `async def` and did their blocking work on the
event loop, so one 20 MB screening import stalled every request of the worker, /health included."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
import uvicorn

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.storage.database import Database
from netra.web import routes_monitoring, routes_report
from netra.web.app import create_app
from tests.support.server import free_port

PASSWORD = "kata-sandi-lambat"
GENEROUS = 60  # seconds: only a broken build waits this long; a working one answers at once


@pytest.fixture
def server(settings):
    app = create_app(settings, Database(settings.database_url))
    create_account(app.state.db, "bawaslu.lambat", "", PASSWORD, Role.BAWASLU, ["33.20"])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=GENEROUS) as client:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the test server did not start")
            thread.join(0.05)
        yield client
    server.should_exit = True
    thread.join(GENEROUS)


def blocking(started: threading.Event, release: threading.Event):
    def slow(*args, **kwargs):
        started.set()
        assert release.wait(GENEROUS), "the test never released the slow request"
        raise RuntimeError("released")
    return slow


@pytest.mark.parametrize("route", ["report", "queue import"])
def test_health_answers_while_a_slow_request_runs(server, monkeypatch, route):
    started, release = threading.Event(), threading.Event()
    token = re.search(r'name="csrf_token" value="([^"]+)"', server.get("/lapor").text).group(1)
    if route == "report":
        monkeypatch.setattr(routes_report, "submit_report", blocking(started, release))
        call = lambda: server.post("/lapor", data={  # noqa: E731
            "csrf_token": token, "submission_token": "t" * 24, "description": "x" * 30})
    else:
        server.post("/masuk", data={"username": "bawaslu.lambat", "password": PASSWORD, "csrf_token": token})
        token = re.search(r'name="csrf_token" value="([^"]+)"', server.get("/antrean").text).group(1)
        monkeypatch.setattr(routes_monitoring, "screen_and_queue", blocking(started, release))
        call = lambda: server.post("/antrean/impor", data={  # noqa: E731
            "csrf_token": token, "election_id": "pilkada2024", "region_code": "33.20"},
            files={"file": ("a.jsonl", b'{"id": "1", "text": "x"}\n')})
    outcome = {}
    slow = threading.Thread(target=lambda: outcome.setdefault("response", call()))
    slow.start()
    try:
        assert started.wait(GENEROUS), "the slow request never reached its handler"
        health = server.get("/health")  # while the slow handler is still blocked
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert not outcome  # the slow one is indeed still running
    finally:
        release.set()
        slow.join(GENEROUS)
    assert outcome["response"].status_code == 500
