"""Bounces: a permanent refusal at RCPT from a real SMTP server on loopback, or an operator's `netra notifications
bounce ADDRESS`, marks the address; nothing more is queued or sent to it; its owner and administrators see it.
Each test runs on SQLite and PostgreSQL."""

from sqlalchemy import select

from netra.services.notifications import bounces, worker
from netra.services.notifications.messages import Message
from netra.services.notifications.planner import queue_email
from netra.services.notifications.subscriptions import set_contact
from netra.storage.tables import EmailMessageRow
from tests.notifications.smtp import SmtpServer
from tests.notifications.test_worker import NOW, enqueue, mail_settings, statuses

NOTE = Message("Perkara #1 menunggu tindakan Bawaslu", ("Perkara #1.",), "/perkara/1", "Buka perkara")


def test_a_5xx_at_rcpt_marks_the_address_and_nothing_more_is_sent(db, settings):
    server = SmtpServer().start()

    async def refuse(server_, session, envelope, address, rcpt_options):
        return "550 5.1.1 mailbox unavailable" if address.startswith("petugas0@") else (
            envelope.rcpt_tos.append(address) or "250 OK")

    server.inbox.handle_RCPT = refuse
    mailer = worker.SmtpMailer(mail_settings(settings, server.port))
    try:
        enqueue(db, 2)
        assert worker.deliver_due(db, mailer, now=NOW).failed == 1
        with db.transaction() as s:
            mark = bounces.bounced(s, "Petugas0@Contoh.go.id")
            assert mark.source == "smtp" and "550" in mark.reason
            assert queue_email(s, "petugas0@contoh.go.id", "case_queue", 1, NOTE, NOW) is False  # not queued
            s.add(EmailMessageRow(to_address="petugas0@contoh.go.id", kind="case_queue", subject="x", text="x",
                                  html="x", status="queued", attempts=0, next_attempt_at=NOW, last_error="",
                                  created_at=NOW))  # queued before the bounce was known
        assert worker.deliver_due(db, mailer, now=NOW).failed == 1
        received = server.inbox.snapshot()
    finally:
        server.stop()
    assert [r[0] for r in received] == [["petugas1@contoh.go.id"]]  # the bounced address was not tried again
    assert statuses(db) == {"sent": 1, "failed": 2}
    with db.transaction() as s:
        assert s.scalar(select(EmailMessageRow.last_error).order_by(EmailMessageRow.id.desc())) == \
            "alamat ditandai bounce: tidak dikirim"


def test_a_new_address_clears_the_mark_the_same_one_does_not(db):
    from netra.services.accounts import create_account
    from netra.accounts.roles import Role

    officer = create_account(db, "bawaslu.jepara", "", "kata-sandi-panjang", Role.BAWASLU, ("33.20",))
    set_contact(db, officer.id, "lama@contoh.go.id")
    with db.transaction() as s:
        bounces.record(s, "lama@contoh.go.id", "dicatat operator", "operator")
    set_contact(db, officer.id, "lama@contoh.go.id", "en")  # only the language changed
    with db.transaction() as s:
        assert bounces.bounced(s, "lama@contoh.go.id") is not None
        bounces.record(s, "baru@contoh.go.id", "dicatat operator", "operator")
    set_contact(db, officer.id, "baru@contoh.go.id")
    with db.transaction() as s:
        assert bounces.bounced(s, "baru@contoh.go.id") is None
