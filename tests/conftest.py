"""Shared fixtures: every storage test runs once on SQLite and once on a real PostgreSQL server.

The PostgreSQL server is started once per session in a temp dir. Each test gets a fresh database cloned from a
template that already holds the migrated schema and the reference regions, so tests stay independent and fast.
Set NETRA_REQUIRE_POSTGRES=1 (the README's test command does) to fail, not skip, when PostgreSQL is missing.
"""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import make_url

from netra.accounts import passwords
from netra.config import Settings
from netra.demo.cases import ensure_demo_cases
from netra.services.reference import load_regions
from netra.storage.database import Database
from netra.web import app as web_app
from tests.support.postgres import PostgresServer, find_bindir

BACKENDS = ["sqlite", "postgresql"]
_counter = itertools.count()

# Argon2id at production cost (64 MiB, 3 passes, 4 lanes) takes 0.3 s to over 1 s a hash on a busy 2-core machine,
# and the tests create and sign in accounts thousands of times. Hashes made in this process use the lowest cost;
# production cost stays tested: every server and CLI command the tests start runs with it, and
# tests/storage/test_accounts.py (fixture production_hasher) checks the parameters a stored hash carries.
PRODUCTION_HASHER = passwords._hasher
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests that share a module's fixtures
def pytest_collection_modifyitems(items):
    """Tests marked `long` first: a minute-long test that a worker starts last keeps the run going on one core
    while the other has nothing left. The sort is stable, so a module's tests stay together and in order."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def production_hasher(monkeypatch):
    """The hasher the product uses, for the tests that pin its cost."""
    passwords._dummy_hash.cache_clear()
    monkeypatch.setattr(passwords, "_hasher", PRODUCTION_HASHER)
    yield PRODUCTION_HASHER
    passwords._dummy_hash.cache_clear()


@pytest.fixture(autouse=True)
def statistics_warm_up(request, monkeypatch):
    """Apps built in this process skip the statistics warm-up unless the test is marked `warm_statistics`.

    The warm-up thread cost 0.19 s of CPU and 0.5-0.8 s of wall a test app (measured on SQLite app starts),
    and it ran beside the test, which waited on it for the GIL and the SQLite lock. It changes no result: the first
    statistics request does the same catch-up itself. Every `netra run` the browser and security tests start
    still warms, and tests/web/test_warm_up.py checks the warm-up in process.
    """
    if request.node.get_closest_marker("warm_statistics") is None:
        monkeypatch.setattr(web_app, "_warm_statistics", lambda db: None)


@pytest.fixture(scope="session")
def postgres_server():
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL binaries not found (apt-get install postgresql)"
        if os.environ.get("NETRA_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


def _prepare(url: str) -> None:
    db = Database(url)
    try:
        db.migrate()
        load_regions(db)
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    _prepare(f"sqlite:///{path}")
    return path


class DatabasePool:
    """Fresh copies of the template, each made in a background thread while the test before it runs.

    A copy (CREATE DATABASE ... TEMPLATE, STRATEGY FILE_COPY: it copies files instead of logging every block, 0.78 s
    to 0.57 s for create and drop) is work for the PostgreSQL server, so the test process used to wait for it; now it
    finds the next one ready, and drops the used one in the same thread. Each test still gets a database no other
    test has touched. One thread: copies and drops never overlap, and the template is only ever read by one copy."""

    def __init__(self, server: PostgresServer, template: str):
        self.server, self.template = server, template
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-pool")
        self.ready = self._copy()

    def _copy(self) -> Future:
        name = f"t_{os.getpid()}_{next(_counter)}"
        sql = f"CREATE DATABASE {name} TEMPLATE {self.template} STRATEGY FILE_COPY"
        return self.thread.submit(lambda: (self.server.execute(sql), name)[1])

    def take(self) -> str:
        name = self.ready.result()
        self.ready = self._copy()
        return name

    def give_back(self, name: str) -> None:
        self.thread.submit(self.server.execute, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        self.thread.shutdown(wait=True)


@pytest.fixture(scope="session")
def postgres_template(postgres_server) -> str:
    postgres_server.execute("CREATE DATABASE netra_template")
    _prepare(postgres_server.url("netra_template"))
    return "netra_template"


@pytest.fixture(scope="session")
def postgres_pool(postgres_server, postgres_template):
    pool = DatabasePool(postgres_server, postgres_template)
    yield pool
    pool.close()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A fresh, migrated database with the reference regions, on each backend in turn."""
    if request.param == "sqlite":
        path = tmp_path / "netra.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("postgres_server")
    pool = request.getfixturevalue("postgres_pool")
    name = pool.take()
    yield server.url(name)
    pool.give_back(name)


@pytest.fixture
def db(database_url):
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    return Settings.from_env(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture(scope="session")
def demo_cases(request, tmp_path_factory):
    """`demo_cases(db, count)` gives a test's fresh database the demo cases ensure_demo_cases(db, count) writes.

    The cases are built once per backend and count in this test process, into a template, and each test gets a
    copy: 48 tests of five modules each built their 150-400 cases again, on both backends. The copy holds what the
    build wrote (cases, reports, history, audit entries, ids). `data_dir` puts this session's audit key into the
    test's data folder and signs the template's entries with it, as an app on that folder would have signed them;
    without it the entries are unsigned, as ensure_demo_cases on a keyless `Database` writes them."""
    built: dict = {}
    key = secrets.token_urlsafe(48)

    def template(backend: str, count: int, signed: bool) -> str:
        if (backend, count, signed) not in built:
            if backend == "sqlite":
                path = tmp_path_factory.mktemp("demo-cases") / "template.sqlite3"
                shutil.copy(request.getfixturevalue("sqlite_template"), path)
                url = f"sqlite:///{path}"
            else:
                server, pool = request.getfixturevalue("postgres_server"), request.getfixturevalue("postgres_pool")
                path = f"demo_cases_{os.getpid()}_{len(built)}"
                # In the pool's thread: a copy of the regions template while another copy runs would fail.
                pool.thread.submit(server.execute,
                                   f"CREATE DATABASE {path} TEMPLATE {pool.template} STRATEGY FILE_COPY").result()
                url = server.url(path)
            database = Database(url, audit_key=key.encode() if signed else None)
            try:
                ensure_demo_cases(database, count=count)
            finally:
                database.dispose()
            built[backend, count, signed] = path
        return built[backend, count, signed]

    def put(db: Database, count: int, data_dir: Path | None = None) -> None:
        db.dispose()  # no connection may see the database swapped under it
        url = make_url(db.engine.url)
        source = template(url.get_backend_name(), count, data_dir is not None)
        if url.get_backend_name() == "sqlite":
            shutil.copy(source, url.database)
        else:
            server = request.getfixturevalue("postgres_server")
            server.execute(f"DROP DATABASE {url.database} WITH (FORCE)")
            server.execute(f"CREATE DATABASE {url.database} TEMPLATE {source} STRATEGY FILE_COPY")
        if data_dir is not None:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(data_dir / "audit_key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(key)

    return put
