"""Runtime settings, read from the environment once and passed down explicitly."""

from __future__ import annotations

import functools
import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A setting is unusable; the message is one sentence meant for the operator."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    session_max_age_seconds: int = 8 * 60 * 60
    secure_cookies: bool = False
    report_rate: str = "20/3600"  # public reports per client address: count/seconds
    # Email (issue 15). No host: messages wait in the queue (visible in `netra notifications status`).
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls, tls (implicit, usually port 465) or none (loopback relays only)
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_ca_file: str = ""  # a CA bundle to trust besides the system's (a private relay's certificate)
    mail_from: str = "Netra <netra@localhost>"
    public_url: str = "http://127.0.0.1:8000"  # where links in messages point

    @classmethod
    def from_env(cls, data_dir: str | Path | None = None, database_url: str | None = None) -> "Settings":
        root = Path(data_dir or os.environ.get("NETRA_DATA_DIR") or "var").resolve()
        url = database_url or os.environ.get("NETRA_DATABASE_URL") or f"sqlite:///{root / 'netra.sqlite3'}"
        return cls(
            data_dir=root,
            database_url=url,
            secure_cookies=os.environ.get("NETRA_SECURE_COOKIES", "") == "1",
            report_rate=os.environ.get("NETRA_REPORT_RATE", "20/3600"),
            smtp_host=os.environ.get("NETRA_SMTP_HOST", ""),
            smtp_port=int(os.environ.get("NETRA_SMTP_PORT") or 587),
            smtp_security=os.environ.get("NETRA_SMTP_SECURITY", "starttls"),
            smtp_username=os.environ.get("NETRA_SMTP_USERNAME", ""),
            smtp_password=os.environ.get("NETRA_SMTP_PASSWORD", ""),
            smtp_ca_file=os.environ.get("NETRA_SMTP_CA_FILE", ""),
            mail_from=os.environ.get("NETRA_MAIL_FROM", "Netra <netra@localhost>"),
            public_url=os.environ.get("NETRA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
        )

    def ensure_data_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"Cannot create the data directory {self.data_dir}: {exc.strerror}.") from exc

    @functools.cache
    def secret_key(self) -> str:
        """The session-signing key, created once per data directory and kept out of the code."""
        self.ensure_data_dir()
        path = self.data_dir / "secret_key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
        return path.read_text().strip()
