"""One report walks from the public form through every role to "sanction imposed", in real Chromium."""

import pytest

pytestmark = pytest.mark.browser


def sign_in(page, base, username, password):
    page.goto(base + "/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah")


def sign_out(page):
    page.click("[data-testid=account-menu]")
    page.click("text=Keluar")
    page.wait_for_url("**/?keluar=1")


def step(page, action, fill=None, select=None):
    page.get_by_test_id(f"action-{action}").click()
    form = page.get_by_test_id(f"form-{action}")
    for name, value in (fill or {}).items():
        form.locator(f"[name={name}]").fill(value)
    for name, value in (select or {}).items():
        form.locator(f"select[name={name}]").select_option(value)
    form.get_by_test_id(f"submit-{action}").click()
    page.get_by_test_id("action-ok").wait_for()


def test_report_to_sanction(live_server, page):
    creds = live_server.credentials()
    base = live_server.url
    page.goto(base + "/lapor")
    page.select_option("select[name=election_id]", "pilkada2024")
    page.select_option("select[name=region_code]", "33.20")
    page.fill("textarea[name=description]", "Seorang camat mengunggah ajakan memilih paslon nomor urut 2 di Facebook.")
    page.fill("input[name=reported_name]", "Camat Fiktif")
    page.fill("input[name=reported_position]", "Camat")
    page.click("button[type=submit]")
    code, secret = page.get_by_test_id("tracking-code").inner_text(), page.get_by_test_id("secret").inner_text()

    sign_in(page, base, "bawaslu.jepara", creds["bawaslu.jepara"])
    page.goto(base + "/perkara")
    page.locator("[data-testid=cases] tbody tr a").first.click()
    case_url = page.url
    step(page, "register", fill={"public_reason": "Laporan diregistrasi."})
    step(page, "start_review")
    step(page, "recommend", fill={"reason": "Unggahan terbukti milik terlapor."},
         select={"rule_ids": ["skb2022.disiplin.2"]})
    sign_out(page)

    sign_in(page, base, "bkn.jepara", creds["bkn.jepara"])
    page.goto(case_url)
    step(page, "verify")
    sign_out(page)

    sign_in(page, base, "bawaslu.jepara", creds["bawaslu.jepara"])
    page.goto(case_url)
    step(page, "validate")
    sign_out(page)

    sign_in(page, base, "bkn.jepara", creds["bkn.jepara"])
    page.goto(case_url)
    step(page, "send_to_ppk", fill={"ppk": "Bupati Jepara"})
    sign_out(page)

    sign_in(page, base, "ppk.jepara", creds["ppk.jepara"])
    page.goto(case_url)
    step(page, "impose_sanction", fill={"sanction_description": "Penurunan jabatan setingkat selama 12 bulan"},
         select={"rule_id": "skb2022.disiplin.2", "sanction_kind": "discipline", "sanction_level": "berat"})
    assert page.get_by_test_id("case-status").inner_text() == "Sanksi dijatuhkan"
    history = page.get_by_test_id("history").inner_text()
    for who in ("bawaslu", "bkn", "ppk"):
        assert f"({who} #" in history
    sign_out(page)

    # Officers outside Jepara cannot open it; the reporter sees the outcome but no internal notes.
    sign_in(page, base, "bawaslu.kukar", creds["bawaslu.kukar"])
    response = page.goto(case_url)
    assert response.status == 404
    sign_out(page)
    page.goto(base + "/lapor/status")
    page.fill("input[name=tracking_code]", code)
    page.fill("input[name=secret]", secret)
    page.click("button[type=submit]")
    assert page.get_by_test_id("status").inner_text() == "Sanksi dijatuhkan"
    status_text = page.get_by_test_id("report-status").inner_text()
    assert "Laporan diregistrasi." in status_text and "Unggahan terbukti milik terlapor" not in status_text
