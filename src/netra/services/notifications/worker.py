"""The worker: sends queued emails over SMTP, each at most once per successful hand-over, retrying with backoff; in
the same loop it posts webhook deliveries (netra.services.notifications.webhooks) and, every minute, gives the
legal-clock warnings and daily digests that came due (`chores`).

Sharing and crashes (netra.services.notifications.claims): each message is claimed (FOR UPDATE SKIP LOCKED, then
status "sending" committed) before it is sent, and marked sent in its own commit as soon as the SMTP server said
250, before QUIT. Several workers on one PostgreSQL take different messages; a killed worker's claims return to the
queue at once. SQLite has no row locks: run one worker there (`netra worker` takes a lock file so a second one
refuses to start).

The one window left: the SMTP server accepted the message and the worker died before that commit. The message is
then sent again with the same Message-ID (derived from the row), so a receiving system can drop the copy; the crash
test counts how often that happens.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from netra.config import Settings
from netra.services.notifications import bounces, claims
from netra.services.notifications.messages import URL_MARK
from netra.storage.database import Database
from netra.storage.tables import EmailMessageRow

log = logging.getLogger("netra.worker")

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
MAX_ATTEMPTS = 24  # about a day of an unreachable server before a message is marked failed for an administrator


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 30 s, 1 min, 2 min ... at most an hour."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


class SmtpMailer:
    def __init__(self, settings: Settings):
        self.settings = settings

    def message(self, row: EmailMessageRow) -> EmailMessage:
        s = self.settings
        mail = EmailMessage()
        mail["From"] = s.mail_from
        mail["To"] = row.to_address
        mail["Subject"] = row.subject
        mail["Date"] = formatdate(localtime=False)
        domain = (parseaddr(s.mail_from)[1].rpartition("@")[2] or "localhost")
        # The same row always carries the same id: a copy sent again after a crash can be recognised.
        mail["Message-ID"] = f"<netra.{row.id}.{int(_aware(row.created_at).timestamp())}@{domain}>"
        mail["X-Netra-Message"] = str(row.id)
        mail.set_content(row.text.replace(URL_MARK, s.public_url))
        mail.add_alternative(row.html.replace(URL_MARK, s.public_url), subtype="html")
        return mail

    def send(self, row: EmailMessageRow, accepted: Callable[[], object] = lambda: None) -> None:
        """Hand the message over; `accepted` runs as soon as the server took it (250), before QUIT, so the sent
        mark is committed as early as it can be. A failed QUIT after that changes nothing."""
        s = self.settings
        if not s.smtp_host:
            raise OSError("NETRA_SMTP_HOST is not set")
        context = ssl.create_default_context(cafile=s.smtp_ca_file or None)
        if s.smtp_security == "tls":
            client = smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=30, context=context)
        else:
            client = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=30)
        try:
            if s.smtp_security == "starttls":
                client.starttls(context=context)
            if s.smtp_username:
                client.login(s.smtp_username, s.smtp_password)
            client.send_message(self.message(row))
        except BaseException:
            client.close()
            raise
        accepted()
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()


@dataclass
class Counts:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def settle_failure(attempts: int, at: datetime, permanent: bool, counts: Counts) -> dict:
    """After a failed attempt at an email or a webhook delivery, the row's new values: failed for good (a permanent
    refusal, or the last attempt), or queued again after its backoff."""
    if permanent or attempts >= MAX_ATTEMPTS:
        counts.failed += 1
        return {"status": "failed"}
    counts.retried += 1
    return {"status": "queued", "next_attempt_at": at + backoff(attempts)}


def deliver_due(db: Database, mailer, now: datetime | None = None, limit: int = 100,
                worker: claims.Worker | None = None) -> Counts:
    """Send what is due, one message per claim, until nothing is due or `limit` were tried. `worker`: the
    identity of a long-running worker (`run`); without one, this call gets its own."""
    counts = Counts()
    with nullcontext(worker) if worker else claims.Worker(db) as me:
        me.release_orphans(now or datetime.now(timezone.utc))
        for _ in range(limit):
            at = now or datetime.now(timezone.utc)
            with db.transaction() as session:
                row = claims.take(session, EmailMessageRow, me, at)
                if row is None:
                    break
                if bounces.bounced(session, row.to_address) is not None:
                    row.status, row.last_error = "failed", "alamat ditandai bounce: tidak dikirim"
                    row.claimed_by = row.lease_until = None
                    counts.failed += 1
                    continue
            marked = []
            try:
                mailer.send(row, lambda: marked.append(claims.settle(
                    db, EmailMessageRow, row.id, me, status="sent", sent_at=at, last_error="")))
            except (smtplib.SMTPException, OSError) as exc:
                error = f"{type(exc).__name__}: {exc}"[:1000]
                # Only the address or this message being refused is final; anything else (server down, our
                # credentials or TLS settings refused) is retried until an operator fixes it.
                permanent = isinstance(exc, smtplib.SMTPRecipientsRefused) or (
                    isinstance(exc, smtplib.SMTPDataError) and 500 <= exc.smtp_code < 600)
                with db.transaction() as session:
                    if permanent and isinstance(exc, smtplib.SMTPRecipientsRefused):
                        bounces.record(session, row.to_address, error, "smtp", at)  # nothing more to it
                    claims.settle_in(session, EmailMessageRow, row.id, me, last_error=error,
                                     **settle_failure(row.attempts, at, permanent, counts))
                log.warning("email %s attempt %s failed: %s", row.id, row.attempts, error)
                if not permanent:
                    break  # the server is down or refusing: the rest waits for the next round, not a timeout each
                continue
            if not marked[0]:
                log.warning("email %s was sent after its claim had been released", row.id)
            counts.sent += 1
    return counts


CHORES_SECONDS = 60.0  # how often a worker looks for legal-clock warnings and digests that became due


def chores(db: Database, now: datetime | None = None) -> None:
    """What the clock brings: legal-clock warnings, then the daily digests (which include warnings held for them).
    Both are once-only by their keys, so every worker may run them."""
    from netra.services.notifications import clock_warnings, digest

    now = now or datetime.now(timezone.utc)
    clock_warnings.warn(db, now)
    digest.send_due(db, now)


def run(db: Database, mailer, stop: threading.Event, poll_seconds: float = 2.0) -> None:
    """Deliver emails and webhooks until `stop` is set, polling when nothing is due; every CHORES_SECONDS, the
    clock warnings and digests."""
    from netra.services.notifications import webhooks

    next_chores = 0.0
    with claims.Worker(db) as me:
        while not stop.is_set():
            sent = 0
            try:
                if time.monotonic() >= next_chores:
                    next_chores = time.monotonic() + CHORES_SECONDS
                    chores(db)
                sent = deliver_due(db, mailer, worker=me).sent
                sent += webhooks.deliver_due(db, mailer.settings, worker=me).sent
            except Exception:  # a lost database connection must not end the worker: log it and try again later
                log.exception("notification worker round failed")
            if not sent:
                stop.wait(poll_seconds)


def status(session: Session) -> tuple[dict[str, int], list[EmailMessageRow]]:
    """Messages per status, and the failed or retrying ones (newest first) for an administrator."""
    totals = dict(session.execute(select(EmailMessageRow.status, func.count()).group_by(EmailMessageRow.status)).all())
    troubled = list(session.scalars(select(EmailMessageRow).where(EmailMessageRow.last_error != "",
                                                                   EmailMessageRow.status != "sent")
                                    .order_by(EmailMessageRow.id.desc()).limit(50)))
    return totals, troubled


def retry_failed(session: Session, now: datetime | None = None) -> int:
    """Put failed messages back in the queue (after the address or the server was fixed)."""
    return session.execute(update(EmailMessageRow).where(EmailMessageRow.status == "failed").values(
        status="queued", attempts=0, next_attempt_at=now or datetime.now(timezone.utc))).rowcount


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class WorkerRunning(RuntimeError):
    pass


def sqlite_lock(settings: Settings):
    """On SQLite, the lock file that keeps a second worker from starting (no row locks to share the work);
    None on PostgreSQL, where workers share the queue. Raises WorkerRunning when another worker holds it."""
    if not settings.database_url.startswith("sqlite"):
        return None
    import fcntl

    settings.ensure_data_dir()
    handle = open(settings.data_dir / "worker.lock", "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise WorkerRunning("Another notification worker is running on this SQLite database; SQLite allows one.")
    return handle  # the lock lives as long as this file stays open


def start_background(db: Database, settings: Settings) -> tuple[threading.Thread, threading.Event]:
    """The worker as a daemon thread beside the web server (`netra run`)."""
    lock = sqlite_lock(settings)
    stop = threading.Event()

    def work() -> None:
        try:
            run(db, SmtpMailer(settings), stop)
        finally:
            if lock is not None:
                lock.close()

    thread = threading.Thread(target=work, name="netra-notification-worker", daemon=True)
    thread.start()
    return thread, stop
