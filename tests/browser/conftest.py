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


# An upper bound for a busy machine, not a wait: every wait ends as soon as the page shows what it waits for.
# Playwright's own 30 s default failed a sign-in and a guidance answer at load 16 on 2 cores.
PATIENCE_MS = 120_000


def _patient(new_context):
    def patient_context(**options):
        context = new_context(**options)
        context.set_default_timeout(PATIENCE_MS)
        context.set_default_navigation_timeout(PATIENCE_MS)
        return context

    return patient_context


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
        browser.new_context = _patient(browser.new_context)  # every context a test opens, with or without `page`
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def _load_demo(data_dir, database_url: str | None) -> None:
    """What `netra run` does before it serves, done once per test process: migrate, regions, demo data."""
    from netra.cli.context import open_database
    from netra.cli.setup_commands import load_demo
    from netra.config import Settings

    settings = Settings.from_env(data_dir=data_dir, database_url=database_url)
    db = open_database(settings, migrate=True)
    try:
        load_demo(db, settings)
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, request):
    """A data folder (and, for PostgreSQL, a database) holding the demo installation, built once.

    Every live server starts on a copy, so each test still gets a private installation, but pays for the demo
    load once per test process instead of once per test (it was most of the suite's time). The server still
    runs the whole start-up on the copy: migrations, regions and the demo load, which find everything present.
    """
    built = {}

    def get(backend: str):
        if backend not in built:
            data_dir = tmp_path_factory.mktemp(f"demo-{backend}") / "data"
            name = url = None
            if backend == "postgresql":  # asked for only when a PostgreSQL test runs
                server = request.getfixturevalue("postgres_server")
                name = f"demo_{os.getpid()}"
                server.execute(f"CREATE DATABASE {name}")
                url = server.url(name)
            _load_demo(data_dir, url)
            built[backend] = (data_dir, name)
        return built[backend]

    return get


def _serve_copy(request, backend: str, folder, demo_template) -> LiveServer:
    """`netra run` on a private copy of the demo installation (data folder and, for PostgreSQL, database)."""
    template_dir, template_db = demo_template(backend)
    data_dir = folder / "data"
    shutil.copytree(template_dir, data_dir)
    url = None
    if backend == "postgresql":
        server = request.getfixturevalue("postgres_server")
        name = f"live_{os.getpid()}_{next(_databases)}"
        server.execute(f"CREATE DATABASE {name} TEMPLATE {template_db} STRATEGY FILE_COPY")
        url = server.url(name)
    live = LiveServer(data_dir, url)
    live.backend = backend
    live.database_url = url or f"sqlite:///{data_dir / 'netra.sqlite3'}"
    return live


@pytest.fixture(params=["sqlite", "postgresql"])
def live_server(request, tmp_path, demo_template):
    """`netra run` on the embedded SQLite default, and on PostgreSQL, each on a fresh copy of the demo data."""
    live = _serve_copy(request, request.param, tmp_path, demo_template)
    yield live
    live.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def reading_server(request, tmp_path_factory, demo_template):
    """Like live_server, but one server per test module and backend, for modules whose tests only read and sign in:
    none of them changes what another one looks at (cases, rules, statistics, accounts, passwords), so they can
    share an installation. A test that writes takes live_server, its own."""
    live = _serve_copy(request, request.param, tmp_path_factory.mktemp("reading"), demo_template)
    yield live
    live.stop()
