"""The worker against a real SMTP server on loopback: what arrives (text and HTML, links, Message-ID), STARTTLS,
a server that is down for a while, permanent refusals visible to administrators, and workers sharing the queue."""

import subprocess
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from netra.config import Settings
from netra.services.notifications import worker
from netra.services.notifications.messages import Message
from netra.services.notifications.planner import queue_email
from netra.storage.tables import EmailMessageRow
from tests.notifications.smtp import SmtpServer, body, free_port

NOW = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)


def mail_settings(settings: Settings, port: int, **changes) -> Settings:
    return replace(settings, **{"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
                                "mail_from": "Netra Jepara <netra@bawaslu.example.id>",
                                "public_url": "https://netra.example.id", **changes})


def enqueue(db, count: int, prefix: str = "petugas") -> None:
    with db.transaction() as s:
        for i in range(count):
            queue_email(s, f"{prefix}{i}@contoh.go.id", "case_queue", i, Message(
                f"Perkara #{i} menunggu tindakan Bawaslu", (f"Perkara #{i} (Kabupaten Jepara).",), f"/perkara/{i}",
                "Buka perkara"), NOW)


def statuses(db) -> dict[str, int]:
    with db.transaction() as s:
        return dict(s.execute(select(EmailMessageRow.status, func.count()).group_by(EmailMessageRow.status)).all())


def test_a_message_arrives_as_text_and_html_with_its_link(db, settings, smtp):
    enqueue(db, 1)
    counts = worker.deliver_due(db, worker.SmtpMailer(mail_settings(settings, smtp.port)), now=NOW)
    assert (counts.sent, counts.retried, counts.failed) == (1, 0, 0)
    [(rcpt, message)] = smtp.inbox.snapshot()
    assert rcpt == ["petugas0@contoh.go.id"] and message["Subject"] == "Perkara #0 menunggu tindakan Bawaslu"
    assert message["From"] == "Netra Jepara <netra@bawaslu.example.id>"
    assert "Buka perkara: https://netra.example.id/perkara/0" in body(message, "plain")
    assert '<a href="https://netra.example.id/perkara/0">Buka perkara</a>' in body(message, "html")
    assert message["Message-ID"].startswith("<netra.") and message["Message-ID"].endswith("@bawaslu.example.id>")
    assert statuses(db) == {"sent": 1}


def test_smtp_down_for_a_while_loses_nothing(db, settings):
    port = free_port()  # nothing listens there yet
    mailer = worker.SmtpMailer(mail_settings(settings, port))
    enqueue(db, 5)
    counts = worker.deliver_due(db, mailer, now=NOW)
    assert (counts.sent, counts.retried) == (0, 1)  # one refused connection ends the round
    with db.transaction() as s:
        totals, troubled = worker.status(s)
    assert totals == {"queued": 5} and troubled[0].attempts == 1 and "Connection refused" in troubled[0].last_error
    assert worker.deliver_due(db, mailer, now=NOW).sent == 0  # the failed one waits for its backoff
    server = SmtpServer(port).start()
    try:
        counts = worker.deliver_due(db, mailer, now=NOW + worker.backoff(1))
        received = server.inbox.snapshot()
    finally:
        server.stop()
    assert counts.sent == 5 and statuses(db) == {"sent": 5}
    assert sorted(r[0][0] for r in received) == sorted(f"petugas{i}@contoh.go.id" for i in range(5))


def test_backoff_grows_to_an_hour():
    assert [worker.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert worker.backoff(30) == timedelta(hours=1)


def test_a_refused_recipient_fails_at_once_and_can_be_retried(db, settings):
    server = SmtpServer().start()

    async def refuse(server_, session, envelope, address, rcpt_options):
        return "550 5.1.1 mailbox unavailable" if address.startswith("petugas0@") else (
            envelope.rcpt_tos.append(address) or "250 OK")

    server.inbox.handle_RCPT = refuse
    try:
        enqueue(db, 2)
        counts = worker.deliver_due(db, worker.SmtpMailer(mail_settings(settings, server.port)), now=NOW)
    finally:
        server.stop()
    assert (counts.sent, counts.failed) == (1, 1)
    with db.transaction() as s:
        totals, troubled = worker.status(s)
        assert totals == {"sent": 1, "failed": 1} and "550" in troubled[0].last_error
        assert worker.retry_failed(s, now=NOW) == 1
    assert statuses(db) == {"sent": 1, "queued": 1}


def test_starttls_with_the_configured_certificate(db, settings, tmp_path):
    import ssl

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = SmtpServer(tls_context=context, require_starttls=True).start()
    try:
        enqueue(db, 1)
        plain = worker.deliver_due(db, worker.SmtpMailer(mail_settings(settings, server.port)), now=NOW)
        assert plain.retried == 1 and "STARTTLS" in _last_error(db)  # the server insists on encryption
        secure = mail_settings(settings, server.port, smtp_security="starttls", smtp_ca_file=str(cert))
        assert worker.deliver_due(db, worker.SmtpMailer(secure), now=NOW + timedelta(hours=1)).sent == 1
        assert len(server.inbox.snapshot()) == 1
    finally:
        server.stop()


def _last_error(db) -> str:
    with db.transaction() as s:
        return s.scalar(select(EmailMessageRow.last_error))


def test_workers_share_the_queue_without_sending_twice(db, settings, smtp):
    """PostgreSQL: three workers at once take different messages (FOR UPDATE SKIP LOCKED). SQLite: a second worker
    is refused by the lock file."""
    if db.engine.dialect.name == "sqlite":
        first = worker.sqlite_lock(settings)
        with pytest.raises(worker.WorkerRunning):
            worker.sqlite_lock(settings)
        first.close()
        assert worker.sqlite_lock(settings) is not None
        return
    enqueue(db, 120)
    mailer = worker.SmtpMailer(mail_settings(settings, smtp.port))
    sent = []
    threads = [threading.Thread(target=lambda: sent.append(worker.deliver_due(db, mailer, now=NOW, limit=500).sent))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [m["X-Netra-Message"] for _, m in smtp.inbox.snapshot()]
    assert len(ids) == 120 and len(set(ids)) == 120 and sum(sent) == 120
    assert statuses(db) == {"sent": 120}


def test_a_dead_workers_claim_returns_at_once_a_live_ones_is_left_until_its_lease_ends(db, settings, smtp):
    """The claim is committed before the send (attempts counted even if the worker dies); a killed worker's claim
    is released by the next worker (PostgreSQL: its advisory lock is gone; SQLite: one worker, so any other claim is
    a dead one's); a live worker's claim is left alone until its lease runs out."""
    from netra.services.notifications import claims

    enqueue(db, 2)
    mailer = worker.SmtpMailer(mail_settings(settings, smtp.port))
    dead, alive = claims.Worker(db).__enter__(), claims.Worker(db).__enter__()
    with db.transaction() as s:
        first = claims.take(s, EmailMessageRow, dead, NOW).id
        second = claims.take(s, EmailMessageRow, alive, NOW).id
    assert statuses(db) == {"sending": 2}
    dead.__exit__(None, None, None)  # as a SIGKILL: its connection, and its advisory lock, are gone
    if db.engine.dialect.name == "postgresql":
        assert worker.deliver_due(db, mailer, now=NOW).sent == 1  # the dead one's; the live one's stays claimed
        assert [m["X-Netra-Message"] for _, m in smtp.inbox.snapshot()] == [str(first)]
        assert worker.deliver_due(db, mailer, now=NOW + claims.LEASE + timedelta(seconds=1)).sent == 1
    else:
        assert worker.deliver_due(db, mailer, now=NOW).sent == 2
    alive.__exit__(None, None, None)
    assert sorted(m["X-Netra-Message"] for _, m in smtp.inbox.snapshot()) == sorted([str(first), str(second)])
    with db.transaction() as s:
        rows = s.scalars(select(EmailMessageRow).order_by(EmailMessageRow.id)).all()
    assert [(r.status, r.attempts, r.claimed_by) for r in rows] == [("sent", 2, None)] * 2


def test_the_sent_mark_is_committed_before_quit(db, settings, smtp):
    """What the database holds when the server receives QUIT: the message already marked sent (the window for a
    copy sent again ends at the 250, not after QUIT)."""
    from aiosmtpd.smtp import SMTP

    original, seen = SMTP.smtp_QUIT, []

    async def look_then_quit(self, arg):
        seen.append(statuses(db))
        return await original(self, arg)

    SMTP.smtp_QUIT = look_then_quit
    try:
        enqueue(db, 1)
        counts = worker.deliver_due(db, worker.SmtpMailer(mail_settings(settings, smtp.port)), now=NOW)
    finally:
        SMTP.smtp_QUIT = original
    assert counts.sent == 1 and seen == [{"sent": 1}] and len(smtp.inbox.snapshot()) == 1
