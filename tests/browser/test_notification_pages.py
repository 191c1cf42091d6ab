"""Issue 15's pages in real Chromium against the run command (demo data), on both databases: the in-app list (the
unread count in the account menu goes down when an item is marked read, its link opens the case), the preferences
page (a legal-clock warning cannot be set to "never"; the form keeps the other choices), the administrator's webhook
page (a loopback URL refused, a webhook registered then deactivated with a reason); each also at 390 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from netra.config import Settings
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from tests.browser.test_admin_governance import signed_in
from tests.browser.test_phone_width import _fits
from tests.notifications.test_planner import file_report

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def fits_a_phone(page, url: str) -> None:
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    assert _fits(page, url) == []
    page.set_viewport_size(size)


def test_in_app_list_count_goes_down_and_the_link_opens_the_case(live_server, page):
    settings = Settings.from_env(data_dir=live_server.data_dir, database_url=live_server.database_url)
    db = Database(settings.database_url, audit_key=settings.audit_key())  # the server's audit key: its chain holds
    try:  # two reports from the public form's service: Bawaslu Jepara hears of both
        cases = [file_report(db, EvidenceStore(live_server.data_dir / "evidence"), token=f"tok-browser-{i}" + "b" * 16,
                             reported_name=f"Terlapor Fiktif Peramban {i}")[0] for i in range(2)]
    finally:
        db.dispose()
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "bawaslu.jepara")
    badge = page.get_by_test_id("unread-badge")
    before = int(badge.inner_text().replace(".", ""))
    assert before >= 2
    page.click("[data-testid=account-menu]")
    page.click("[data-testid=nav-notifications]")
    page.wait_for_url("**/notifikasi")
    newest = page.locator("[data-testid=notifications] li", has_text=f"Perkara #{cases[1]} ")
    expect(newest).to_have_attribute("data-unread", "1")
    newest.get_by_role("button", name="Tandai dibaca").click()
    expect(page.get_by_test_id("unread-badge")).to_have_text(f"{before - 1:,}".replace(",", "."))
    expect(page.get_by_test_id("unread")).to_have_text(f"{before - 1:,} belum dibaca".replace(",", "."))
    expect(page.locator("[data-testid=notifications] li", has_text=f"Perkara #{cases[1]} ")).not_to_have_attribute(
        "data-unread", "1")
    fits_a_phone(page, live_server.url + "/notifikasi")
    page.locator("[data-testid=notifications] li", has_text=f"Perkara #{cases[0]} ").get_by_role(
        "link", name="Buka perkara").click()
    page.wait_for_url(f"**/perkara/{cases[0]}")
    assert "Terlapor Fiktif Peramban 0" in page.content()


def test_preferences_refuse_never_for_clock_warnings_and_keep_the_choices(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "bkn.jepara")
    page.goto(live_server.url + "/notifikasi/pengaturan")
    fits_a_phone(page, live_server.url + "/notifikasi/pengaturan")
    clock = page.get_by_test_id("pref-clock_warning")
    assert "never" not in clock.locator("option").evaluate_all("os => os.map(o => o.value)")  # not offered
    page.get_by_test_id("pref-case_queue").select_option("digest")
    page.get_by_test_id("pref-case_assigned").select_option("never")
    # a request that asks for it anyway (an old page, a hand-made form) is refused with the Indonesian message
    clock.evaluate("s => s.add(new Option('Tidak pernah', 'never'))")
    clock.select_option("never")
    page.get_by_test_id("preferences").get_by_role("button", name="Simpan").click()
    expect(page.get_by_test_id("error")).to_have_text(
        "Peringatan tenggat hukum tidak dapat dimatikan; Anda hanya dapat memindahkannya ke ringkasan harian.")
    assert page.get_by_test_id("pref-case_queue").input_value() == "digest"
    assert page.get_by_test_id("pref-case_assigned").input_value() == "never"
    page.get_by_test_id("pref-clock_warning").select_option("digest")
    page.get_by_test_id("preferences").get_by_role("button", name="Simpan").click()
    expect(page.get_by_test_id("saved")).to_have_text("Tersimpan.")
    page.goto(live_server.url + "/notifikasi/pengaturan")
    assert [page.get_by_test_id(f"pref-{k}").input_value() for k in ("case_queue", "case_assigned",
                                                                      "clock_warning")] == ["digest", "never", "digest"]


def test_admin_webhook_page_refuses_loopback_registers_and_deactivates(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "admin.jepara")
    page.goto(live_server.url + "/admin/webhook")
    form = page.get_by_test_id("webhook-form")
    form.locator("input[name=region_code]").fill("33.20")
    form.locator("select[name=kind]").select_option("case_step")
    form.locator("input[name=url]").fill("http://127.0.0.1:9000/hook")
    form.get_by_role("button").click()
    expect(page.get_by_test_id("error")).to_contain_text(
        "mengarah ke alamat loopback, link-local atau jaringan privat")
    form = page.get_by_test_id("webhook-form")
    assert form.locator("input[name=url]").input_value() == "http://127.0.0.1:9000/hook"  # kept for correction
    assert page.get_by_test_id("webhooks").count() == 0
    form.locator("input[name=url]").fill("https://93.184.216.34/netra")  # a public address: accepted
    form.get_by_role("button").click()
    expect(page.get_by_test_id("secret")).to_contain_text("X-Netra-Signature")
    row = page.locator("[data-testid^=hook-]").filter(has_text="https://93.184.216.34/…")  # the path may hold a token
    expect(row).to_contain_text("Aktif")
    assert "/netra" not in row.inner_text()
    fits_a_phone(page, live_server.url + "/admin/webhook")
    row = page.locator("[data-testid^=hook-]").filter(has_text="https://93.184.216.34/…")
    row.locator("input[name=reason]").fill("Gateway WhatsApp kantor diganti")
    row.get_by_role("button", name="Nonaktifkan").click()
    expect(page.get_by_test_id("notice")).to_contain_text("dinonaktifkan")
    row = page.locator("[data-testid^=hook-]").filter(has_text="https://93.184.216.34/…")
    expect(row).to_contain_text("Nonaktif")
    expect(row).to_contain_text("Gateway WhatsApp kantor diganti")
    expect(row.get_by_role("button", name="Aktifkan kembali")).to_be_visible()
    assert "WIB" in row.inner_text()  # admin.jepara reads Jepara's zone
    fits_a_phone(page, live_server.url + "/admin/notifikasi")
