"""The pages people see: the reporter's optional email on /lapor (refused when invalid, confirmed by the link in
the email that arrives), the in-app list with its badge, marking read and an officer's own email."""

import re
from dataclasses import replace

import pytest

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.services.notifications import bounces, subscriptions, webhooks, worker
from netra.storage.tables import CaseRow, ReportSubscriptionRow
from tests.notifications.smtp import body
from tests.web.conftest import app, client, csrf_of, login, make_account  # noqa: F401  (fixtures)
from tests.web.test_report_form import form_fields, stored_reports


def test_reporter_email_refused_then_confirmed_from_the_email_that_arrives(client, app, smtp, settings):
    data = form_fields(client) | {"notify_email": "pelapor at contoh"}
    page = client.post("/lapor", data=data)
    error = re.search(r'data-testid="error-notify_email">([^<]+)<', page.text).group(1)
    assert page.status_code == 422 and error == "Alamat email &#34;pelapor at contoh&#34; tidak valid. " \
        "Tulis seperti nama@contoh.go.id."
    assert 'value="pelapor at contoh"' in page.text  # kept for correction
    assert stored_reports(app) == 0
    page = client.post("/lapor", data=form_fields(client) | {"notify_email": "pelapor@contoh.id"})
    assert page.status_code == 200 and stored_reports(app) == 1
    mailer = worker.SmtpMailer(replace(settings, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none",
                                       public_url="http://testserver"))
    assert worker.deliver_due(app.state.db, mailer).sent == 1
    [(rcpt, message)] = smtp.inbox.snapshot()
    assert rcpt == ["pelapor@contoh.id"] and message["Subject"].startswith("Konfirmasi email untuk laporan NTR-")
    link = re.search(r"http://testserver(/lapor/email/\S+)", body(message, "plain")).group(1)
    confirmed = client.get(link)
    assert confirmed.status_code == 200 and "Email Anda terkonfirmasi" in confirmed.text
    with app.state.db.transaction() as s:
        assert s.scalar(select(ReportSubscriptionRow.confirmed_at)) is not None


def test_officer_sees_badge_list_marks_read_and_sets_email(client, app, make_account):
    make_account("bawaslu.jepara", Role.BAWASLU)
    client.post("/lapor", data=form_fields(client))  # lands in Bawaslu Jepara's queue
    with app.state.db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id))
    login(client, "bawaslu.jepara")
    page = client.get("/notifikasi")
    assert 'data-testid="unread-badge"' in page.text and "1 belum dibaca" in page.text
    assert f"Perkara #{case_id} menunggu tindakan Bawaslu: Diterima" in page.text
    assert f'href="/perkara/{case_id}"' in page.text
    done = client.post("/notifikasi/baca", data={"csrf_token": csrf_of(page.text)}, follow_redirects=True)
    assert "0 belum dibaca" in done.text and 'data-testid="unread-badge"' not in done.text
    bad = client.post("/notifikasi/email", data={"csrf_token": csrf_of(done.text), "email": "petugas@", "language": "en"})
    assert bad.status_code == 422 and "tidak valid" in bad.text
    good = client.post("/notifikasi/email", data={"csrf_token": csrf_of(done.text), "email": "petugas@bawaslu.go.id",
                                                   "language": "en"})
    assert good.status_code == 200 and "Tersimpan." in good.text and 'value="petugas@bawaslu.go.id"' in good.text


def test_admin_sees_failing_emails_with_their_error_others_are_refused(client, app, make_account, settings):
    from tests.notifications.smtp import free_port
    from tests.notifications.test_worker import enqueue, mail_settings

    enqueue(app.state.db, 2)
    worker.deliver_due(app.state.db, worker.SmtpMailer(mail_settings(settings, free_port())))  # nobody listens
    make_account("admin.pusat", Role.ADMIN, ("33",))
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    assert client.get("/admin/notifikasi").status_code == 403
    client.cookies.clear()
    login(client, "admin.pusat")
    page = client.get("/admin/notifikasi")
    assert page.status_code == 200 and "Menunggu: 2 · Sedang dikirim: 0 · Terkirim: 0 · Gagal: 0" in page.text
    row = re.search(r'<table data-testid="troubled">.*?</table>', page.text, re.S).group(0)
    assert "petugas0@contoh.go.id" in row and "Connection refused" in row and " WIB</td>" in row


@pytest.mark.parametrize("region, zone", [("64.02", "WITA"), ("91.71", "WIT")])
def test_admin_pages_show_times_in_the_readers_zone(client, app, make_account, settings, region, zone):
    """The failing emails, the bounces, the webhooks' deliveries and one's own bounced address: every time in the
    reader's zone (their first region), named."""
    from tests.notifications.smtp import free_port
    from tests.notifications.test_worker import enqueue, mail_settings

    db = app.state.db
    admin = make_account("admin.zona", Role.ADMIN, (region,))
    enqueue(db, 1)
    worker.deliver_due(db, worker.SmtpMailer(mail_settings(settings, free_port())))  # nobody listens: a retry
    subscriptions.set_contact(db, admin.id, "admin.zona@contoh.go.id")
    with db.transaction() as s:
        bounces.record(s, "admin.zona@contoh.go.id", "550 mailbox unavailable", "smtp")
    hook_id, _ = webhooks.register(db, admin, region, "case_opened", f"http://127.0.0.1:{free_port()}/x",
                                   replace(settings, webhook_allow_private=True))
    webhooks.set_active(db, admin, hook_id, False, "uji zona")
    webhooks.set_active(db, admin, hook_id, True, "uji zona lagi")
    client.post("/lapor", data={**form_fields(client), "region_code": region})  # a delivery for the webhook
    login(client, "admin.zona")
    for path, tables in (("/admin/notifikasi", ("troubled", "bounces")), ("/admin/webhook", ("webhooks", "deliveries")),
                         ("/notifikasi", ())):
        page = client.get(path).text
        for table in tables:
            assert f'data-testid="{table}"' in page, (path, table)
        times = re.findall(r"pukul \d{2}\.\d{2}(?: (\w+))?", page)
        assert len(times) >= max(len(tables), 1) and set(times) == {zone}, (path, times)
