"""Runs the README's run command (`netra run`) as a real process on a free loopback port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, data_dir: Path, database_url: str | None = None, command: str = "run",
                 env: dict[str, str] | None = None, args: tuple[str, ...] = ()):
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = command
        self.args = tuple(args)  # more options for the command, e.g. ("--workers", "2")
        self.env = dict(os.environ, NETRA_DATA_DIR=str(data_dir), **(env or {}))
        if database_url:
            self.env["NETRA_DATABASE_URL"] = database_url
        self.log = open(data_dir.parent / f"server-{self.port}.log", "a")
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "netra.cli.main", self.command, "--port", str(self.port), *self.args],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wait()

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as in a power cut of the process."""
        self.process.kill()
        self.process.wait(timeout=15)

    def _wait(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"netra run exited with {self.process.returncode}: {self.output()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"netra run did not answer within {timeout}s: {self.output()}")

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        """Run another `netra` command against the same data directory and database."""
        return subprocess.run([sys.executable, "-m", "netra.cli.main", *args], env=self.env, input=input,
                              capture_output=True, text=True, timeout=300)

    def output(self) -> str:
        self.log.flush()
        return (self.data_dir.parent / f"server-{self.port}.log").read_text()

    def credentials(self) -> dict[str, str]:
        return json.loads((self.data_dir / "demo-credentials.json").read_text())

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
