"""Issue 16 in real Chromium against the run command (demo data): a national administrator proposes a rule
correction, a second one approves it and /aturan's changelog shows it; the regency administrator is refused; the
users page creates an officer whose one-time link sets a password that signs them in; the audit trail page checks
the chain."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.test_demo_roles import sign_in

pytestmark = pytest.mark.browser
SCREENS = Path(os.environ.get("NETRA_SCREENS", "/tmp/netra-screens"))
RULE = "skb2022.disiplin.8"


def signed_in(page, live_server, username: str) -> None:
    sign_in(page, live_server.url, username, live_server.credentials()[username])
    page.wait_for_url("**/wilayah")


def sign_out(page) -> None:
    page.click("[data-testid=account-menu]")
    page.click("text=Keluar")
    page.wait_for_url("**/?keluar=1")


def test_two_national_admins_correct_a_rule_and_the_regency_admin_is_refused(live_server, page):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "admin.jepara")
    page.goto(live_server.url + "/admin/referensi")
    assert page.get_by_test_id("form-rule").count() == 0
    assert "hanya administrator dengan cakupan nasional" in page.get_by_test_id("national-only").first.inner_text()
    sign_out(page)

    signed_in(page, live_server, "admin.nasional")
    page.click("[data-testid=nav-admin]")
    page.wait_for_url("**/admin/referensi")
    form = page.get_by_test_id("form-rule")
    form.locator("select[name=rule_id]").select_option(RULE)
    form.locator("select[name=field]").select_option(label="Tingkat hukuman disiplin")
    form.locator("input[name=value]").fill("sedang")
    form.locator("input[name=reason]").fill("Tribun 2023: tingkat sedang")
    form.locator("input[name=source]").fill("PP 94/2021 Pasal 8 ayat (3)")
    form.get_by_test_id("submit-rule").click()
    page.wait_for_url("**/admin/referensi?ok=aturan*")
    assert "menunggu persetujuan" in page.get_by_test_id("admin-ok").inner_text()
    proposal = page.locator("[data-testid^=own-proposal-]").first
    assert proposal.is_visible()  # the proposer cannot approve their own proposal
    sign_out(page)

    signed_in(page, live_server, "admin.nasional2")
    page.goto(live_server.url + "/admin/referensi#usulan")
    decide = page.locator("form[data-testid^=form-decide-]").first
    decide.locator("input[name=decision_reason]").fill("sesuai PP 94/2021")
    page.screenshot(path=str(SCREENS / f"admin-usulan-{live_server.backend}.png"), full_page=True)
    decide.locator("button[value=setujui]").click()
    page.wait_for_url("**/admin/referensi?ok=disetujui*")
    assert "Usulan disetujui" in page.get_by_test_id("admin-ok").inner_text()

    page.goto(live_server.url + "/aturan")
    assert "versi 2" in page.get_by_test_id("rulebook-version").inner_text()
    change = page.get_by_test_id("change-1").inner_text()
    for shown in (RULE, "Tingkat hukuman disiplin", "sedang", "admin.nasional / admin.nasional2", "WIB",
                  "Tribun 2023: tingkat sedang", "PP 94/2021 Pasal 8 ayat (3)"):
        assert shown in change, shown
    page.get_by_test_id("changelog").screenshot(path=str(SCREENS / f"aturan-perubahan-{live_server.backend}.png"))
    page.goto(live_server.url + f"/aturan/{RULE}")
    sanction = page.get_by_test_id("sanction").inner_text()
    assert "Sedang" in sanction and "berat" not in sanction.lower()
    assert "PP 94/2021 Pasal 8 ayat (3)" in page.get_by_test_id("corrected").inner_text()


def test_users_page_creates_an_officer_whose_link_sets_a_password_that_signs_in(live_server, page, browser):
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "admin.jepara")
    page.click("[data-testid=account-menu]")
    page.click("[data-testid=nav-users]")
    page.wait_for_url("**/admin/pengguna")
    form = page.get_by_test_id("user-form")
    form.locator("input[name=username]").fill("bawaslu.kedung")
    form.locator("input[name=full_name]").fill("Petugas Kedung")
    form.locator("select[name=role]").select_option("bawaslu")
    assert form.locator("select[name=regions] option").all_inner_texts() == ["33.20 · Kabupaten Jepara"]
    form.locator("select[name=regions]").select_option("33.20")
    form.locator("input[name=reason]").fill("pengawas kecamatan Kedung")
    form.get_by_test_id("create-user").click()
    link = page.get_by_test_id("password-link").inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/akun/sandi/[\w-]+", link)
    page.screenshot(path=str(SCREENS / f"admin-pengguna-{live_server.backend}.png"), full_page=True)

    context = browser.new_context(locale="id-ID")
    officer = context.new_page()
    officer.goto(link)
    assert "bawaslu.kedung" in officer.content()
    officer.fill("input[name=password]", "sandi-kedung-panjang")
    officer.fill("input[name=repeat]", "sandi-kedung-panjang")
    officer.get_by_test_id("set-password").click()
    officer.wait_for_url("**/masuk")
    sign_in(officer, live_server.url, "bawaslu.kedung", "sandi-kedung-panjang")
    officer.wait_for_url("**/wilayah")
    assert officer.get_by_test_id("who").inner_text() == "bawaslu.kedung"
    officer.goto(link)
    assert "tidak berlaku" in officer.get_by_test_id("link-error").inner_text()  # used once
    context.close()


def test_audit_page_checks_the_chain(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in(page, live_server, "admin.nasional")
    page.goto(live_server.url + "/admin/audit")
    page.get_by_test_id("check-chain").click()
    assert "Rantai audit utuh" in page.get_by_test_id("check-intact").inner_text()
    assert int(page.get_by_test_id("audit-count").inner_text().split()[0].replace(".", "")) > 0
    page.screenshot(path=str(SCREENS / f"admin-audit-{live_server.backend}.png"), full_page=False)
