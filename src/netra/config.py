"""Runtime settings, read from the environment once and passed down explicitly."""

from __future__ import annotations

import functools
import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A setting is unusable; the message is one sentence meant for the operator."""


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}.") from None


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    session_max_age_seconds: int = 8 * 60 * 60
    secure_cookies: bool = False  # also Secure on any request that came over HTTPS
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
    # Webhooks may post to loopback/private addresses only when an operator says so (tests; an internal gateway).
    webhook_allow_private: bool = False
    screen_rate: str = "30/60"  # /api/screen requests per account or token: count/seconds
    screen_processes: int = 1  # processes screening /api/screen requests, per server worker (0: a thread)
    trusted_proxies: str = ""  # addresses of reverse proxies whose X-Forwarded-For/-Proto are believed
    checkpoint_seconds: int = 60  # how often a server writes an audit checkpoint when the trail has grown

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
            webhook_allow_private=os.environ.get("NETRA_WEBHOOK_ALLOW_PRIVATE", "") == "1",
            screen_rate=os.environ.get("NETRA_SCREEN_RATE", "30/60"),
            screen_processes=_int("NETRA_SCREEN_PROCESSES", 1),
            trusted_proxies=os.environ.get("NETRA_TRUSTED_PROXIES", "").strip(),
            checkpoint_seconds=_int("NETRA_AUDIT_CHECKPOINT_SECONDS", 60),
        )

    def ensure_data_dir(self) -> None:
        """The data folder, readable by the server's own user only (0700): it holds the database, the keys and
        the evidence."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.data_dir.stat().st_mode & 0o077:
                os.chmod(self.data_dir, 0o700)
        except OSError as exc:
            raise ConfigError(f"Cannot create the data directory {self.data_dir}: {exc.strerror}.") from exc

    def _key_file(self, name: str) -> str:
        """A secret created once per data directory (0600) and kept out of the code and the database."""
        self.ensure_data_dir()
        path = self.data_dir / name
        if not path.exists():
            # Written whole under a temporary name, then linked into place: a worker starting at the same moment
            # either makes the file or reads the complete one the other made, never a half-written one.
            tmp = self.data_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        value = path.read_text().strip()
        if not value:
            raise ConfigError(f"{path} is empty; restore it from a backup of the data directory.")
        return value

    @functools.cache
    def secret_key(self) -> str:
        """The session-signing key."""
        return self._key_file("secret_key")

    @functools.cache
    def audit_key(self) -> bytes:
        """The key of the audit chain's MACs and checkpoints. Outside the database on purpose: whoever can write the
        database cannot forge entries without it. Every server of one installation needs the same file."""
        return self._key_file("audit_key").encode()

    @property
    def checkpoint_file(self) -> Path:
        return self.data_dir / "audit-checkpoints.jsonl"
