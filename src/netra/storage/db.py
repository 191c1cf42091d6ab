"""Engine creation with clear errors for bad URLs and unreachable servers."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, Integer, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from netra.config import ConfigError

SUPPORTED = ("sqlite", "postgresql")


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            "NETRA_DATABASE_URL is not a valid database URL "
            "(expected sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user@host/dbname)."
        ) from exc
    if parsed.get_backend_name() not in SUPPORTED:
        raise ConfigError(
            f"Database '{parsed.get_backend_name()}' is not supported; use SQLite or PostgreSQL."
        )
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we ship
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise ConfigError(f"The folder for the SQLite database does not exist: {folder}.")
    try:
        # hide_parameters: an error's text (which reaches logs) never carries the values of a statement, which
        # can be a reporter's name, NIK or contact.
        engine = create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    except NoSuchModuleError as exc:
        raise ConfigError(f"No driver for database URL scheme '{parsed.drivername}'.") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database not in (None, "", ":memory:"):
            event.listen(engine, "connect", lambda *_: _owner_only(Path(parsed.database)))
    return engine


def _owner_only(path: Path) -> None:
    """The database file readable by its owner only (0600). SQLite gives its -wal and -shm files the mode of the
    database file, so they follow; databases created by older versions (0644) are tightened on first use."""
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if name.stat().st_mode & 0o077:
                os.chmod(name, 0o600)
        except FileNotFoundError:
            pass


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a report is on disk before its tracking code is shown
    # A writer waits up to 60 s for the lock rather than failing: the statistics warm-up after a start holds it for
    # seconds, longer on a busy machine (CI saw "database is locked" at 10 s).
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def check_connection(engine: Engine) -> None:
    """Raise ConfigError with one sentence when the database cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "unknown error"
        raise ConfigError(f"Cannot connect to the database at {engine.url.render_as_string()}: {reason}") from exc


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def resync_id_sequences(session: Session, tables) -> None:
    """After inserting rows with explicit ids, move PostgreSQL's id sequences past them (SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        column = table.columns.get("id")
        if column is not None and isinstance(column.type, Integer) and column.autoincrement is not False:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
