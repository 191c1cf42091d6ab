"""A live server for the statistics browser tests: the README's `netra run` (demo data included)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.server import LiveServer, free_port


class AnalyticsLiveServer(LiveServer):
    def __init__(self, data_dir: Path, database_url: str | None = None):  # noqa: D107 - same as LiveServer
        import os

        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, NETRA_DATA_DIR=str(data_dir))
        if database_url:
            env["NETRA_DATABASE_URL"] = database_url
        self.log = open(data_dir.parent / f"server-{self.port}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.analytics.live_app", "run", "--port", str(self.port)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2],
        )
        self._wait(timeout=180)
