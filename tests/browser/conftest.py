"""Real headless Chromium (Debian's package) driven by Playwright, never a browser Playwright downloads."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest

from tests.support.server import LiveServer

_databases = itertools.count()
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("NETRA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("NETRA_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium not found (apt-get install chromium)")
        pytest.skip("Chromium not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def live_server(request, tmp_path):
    """`netra run` on the embedded SQLite default, and on PostgreSQL."""
    url = None
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        name = f"live_{os.getpid()}_{next(_databases)}"
        server.execute(f"CREATE DATABASE {name}")
        url = server.url(name)
    live = LiveServer(tmp_path / "data", url)
    live.backend = request.param
    live.database_url = url or f"sqlite:///{tmp_path / 'data' / 'netra.sqlite3'}"
    yield live
    live.stop()
