"""A throwaway PostgreSQL server for the test session: initdb into a temp dir, start, stop, delete.

Uses the Debian postgresql binaries on the machine (the test command installs them when absent). When the
tests run as root, the server runs as the `postgres` system user, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg


def find_bindir() -> Path | None:
    override = os.environ.get("NETRA_PG_BINDIR")
    candidates = [override] if override else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bindir: Path, durable: bool = False):
        self.bindir = bindir
        self.durable = durable  # benchmarks that write measure with fsync on, as production runs
        self.root = Path(tempfile.mkdtemp(prefix="netra-pg-"))
        self.datadir = self.root / "data"
        self.port = _free_port()
        self.user = "netra"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> "PostgresServer":
        self._run("initdb", "-D", str(self.datadir), "-U", self.user, "-A", "trust", "-E", "UTF8", "--no-sync")
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
            "-c max_connections=200"
        )
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.root / "server.log"), "-o", options, "-w", "start")
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.admin_dsn, connect_timeout=2):
                    return self
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    @property
    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
