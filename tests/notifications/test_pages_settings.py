"""The pages of part two: an officer's choices (a clock warning cannot be turned off: refused in Indonesian, the form
kept), a bounced address shown to its owner and to administrators after `netra notifications bounce`, and the
administrators' webhook page (unsafe URL refused, secret shown once, deliveries listed)."""

import re
from dataclasses import replace

import pytest

from netra.accounts.roles import Role
from netra.config import Settings
from netra.services.notifications import preferences, subscriptions
from tests.cli.test_cli import in_process as netra
from tests.web.conftest import app, client, csrf_of, login, make_account  # noqa: F401  (fixtures)
from tests.web.test_report_form import form_fields


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:  # loopback webhooks allowed: in these tests only
    return replace(Settings.from_env(data_dir=tmp_path / "data", database_url=database_url), webhook_allow_private=True)


def test_an_officer_chooses_and_cannot_turn_clock_warnings_off(client, app, make_account):
    officer = make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get("/notifikasi/pengaturan")
    assert page.status_code == 200 and "Peringatan tenggat hukum" in page.text
    clock = re.search(r'<select name="clock_warning".*?</select>', page.text, re.S).group(0)
    assert "Tidak pernah" not in clock and "Dalam ringkasan harian" in clock  # not even offered
    refused = client.post("/notifikasi/pengaturan", data={"csrf_token": csrf_of(page.text), "case_queue": "digest",
                                                          "case_assigned": "now", "clock_warning": "never"})
    assert refused.status_code == 422 and "Peringatan tenggat hukum tidak dapat dimatikan" in refused.text
    assert preferences.choices(app.state.db, officer.id)["case_queue"] == "now"  # nothing stored
    saved = client.post("/notifikasi/pengaturan", data={"csrf_token": csrf_of(page.text), "case_queue": "digest",
                                                        "case_assigned": "never", "clock_warning": "digest"})
    assert saved.status_code == 200 and "Tersimpan." in saved.text
    assert preferences.choices(app.state.db, officer.id) == {"case_queue": "digest", "case_assigned": "never",
                                                             "clock_warning": "digest"}
    assert re.search(r'<option value="digest" selected>Dalam ringkasan harian</option>', saved.text)


def test_a_bounce_recorded_by_an_operator_is_shown_to_the_owner_and_admins(client, app, make_account, settings):
    officer = make_account("bawaslu.jepara", Role.BAWASLU)
    make_account("admin.pusat", Role.ADMIN, ("33",))
    subscriptions.set_contact(app.state.db, officer.id, "petugas@bawaslu.example.id")
    done = netra("notifications", "bounce", "petugas@bawaslu.example.id", "--reason", "kotak surat penuh permanen",
                 data_dir=settings.data_dir, database_url=settings.database_url)
    assert done.returncode == 0, done.stderr
    assert "marked as bouncing" in done.stdout
    login(client, "bawaslu.jepara")
    page = client.get("/notifikasi")
    assert re.search(r'data-testid="bounced">Server penerima menolak alamat ini secara permanen sejak '
                     r'\d+ \w+ \d{4} pukul \d\d\.\d\d WIB; email tidak lagi dikirim', page.text)
    client.cookies.clear()
    login(client, "admin.pusat")
    body = client.get("/admin/notifikasi").text.split("<h1>", 1)[1]  # in the page, not in its <title>
    table = re.search(r'<table data-testid="bounces">.*?</table>', body, re.S).group(0)
    assert "petugas@bawaslu.example.id" in table and "kotak surat penuh permanen" in table


def test_admins_register_webhooks_on_their_page(client, app, make_account):
    make_account("admin.pusat", Role.ADMIN, ("33",))
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    assert client.get("/admin/webhook").status_code == 403
    client.cookies.clear()
    login(client, "admin.pusat")
    page = client.get("/admin/webhook")
    bad = client.post("/admin/webhook", data={"csrf_token": csrf_of(page.text), "region_code": "33.20",
                                              "kind": "case_opened", "url": "file:///etc/passwd"})
    assert bad.status_code == 422 and "hanya alamat http:// atau https:// yang diterima" in bad.text
    assert 'value="file:///etc/passwd"' in bad.text  # kept for correction
    good = client.post("/admin/webhook", data={"csrf_token": csrf_of(page.text), "region_code": "33.20",
                                               "kind": "case_opened", "url": "http://127.0.0.1:9/netra"})
    assert good.status_code == 200 and re.search(r'data-testid="secret">.*<code>[0-9a-f]{64}</code>', good.text)
    client.post("/lapor", data=form_fields(client))  # a report opens a case in Jepara: one delivery queued
    listed = client.get("/admin/webhook").text
    assert "http://127.0.0.1:9/…" in listed and "127.0.0.1:9/netra" not in listed  # a gateway's path can carry its token
    assert "Menunggu: 1 · Sedang dikirim: 0 · Terkirim: 0 · Gagal: 0 · Dibatalkan: 0" in listed
    assert re.search(r'<table data-testid="deliveries">.*case_opened.*Menunggu', listed, re.S)


def test_operators_send_todays_digests_now_and_never_twice(client, app, make_account, settings):
    officer = make_account("bawaslu.jepara", Role.BAWASLU)
    subscriptions.set_contact(app.state.db, officer.id, "petugas@bawaslu.example.id")
    preferences.choose(app.state.db, officer.id, {"case_queue": "digest"})
    client.post("/lapor", data=form_fields(client))  # filed now: its clock has days to run; the notice is held
    where = dict(data_dir=settings.data_dir, database_url=settings.database_url)
    first = netra("notifications", "digest", "--now", **where)
    assert first.returncode == 0, first.stderr
    assert re.search(r"bawaslu\.jepara: \d{4}-\d\d-\d\d WIB, 1 item\(s\)", first.stdout)
    assert "Digests written: 1; legal-clock warnings given: 0." in first.stdout
    again = netra("notifications", "digest", "--now", **where)
    assert "Digests written: 0; legal-clock warnings given: 0." in again.stdout
