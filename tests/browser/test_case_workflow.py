"""One report walks from the public form through every role to "sanction imposed", in real Chromium: through the
substance gate, the completion of the facts, the sanction the rulebook allows and its correction (issue 12)."""

import pytest

from tests.browser.test_phone_width import _fits

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


def refuse(page, action, fill=None, select=None, opened=False):
    """Submit a step the server refuses: the page comes back with the message and the form."""
    if not opened:
        page.get_by_test_id(f"action-{action}").click()
    form = page.get_by_test_id(f"form-{action}")
    for name, value in (fill or {}).items():
        form.locator(f"[name={name}]").fill(value)
    for name, value in (select or {}).items():
        form.locator(f"select[name={name}]").select_option(value)
    form.get_by_test_id(f"submit-{action}").click()
    page.get_by_test_id("action-error").wait_for()


def amend(page, fill, select, reason):
    """Complete or correct the case's facts on its page."""
    form = page.get_by_test_id("form-amend")
    if not form.is_visible():
        page.get_by_test_id("amend-open").click()
    for name, value in fill.items():
        form.locator(f"[name={name}]").fill(value)
    for name, value in select.items():
        form.locator(f"select[name={name}]").select_option(value)
    form.locator("[name=reason]").fill(reason)
    form.get_by_test_id("amend-submit").click()
    page.get_by_test_id("action-ok").wait_for()


@pytest.mark.long
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
    # The substance gate: no recommendation while the case does not say who the civil servant is.
    refuse(page, "recommend", fill={"reason": "Unggahan terbukti milik terlapor."},
           select={"rule_ids": ["skb2022.disiplin.2"]})
    assert "status terlapor (PNS, PPPK, kepala desa, ...) belum diisi" in page.get_by_test_id("action-error").inner_text()
    assert "uu7_2017.280" not in page.get_by_test_id("form-recommend").inner_text()  # a Pemilu article: not offered
    amend(page, {"reported_nip": "197901012006041002", "reported_agency": "Kecamatan Tahunan"},
          {"reported_status": "pns"}, "Identitas dari SIASN.")
    facts = page.get_by_test_id("case-facts").inner_text()
    assert "197901012006041002" in facts and "PNS" in facts and "belum diisi" not in facts
    step(page, "recommend", fill={"reason": "Unggahan terbukti milik terlapor."},
         select={"rule_ids": ["skb2022.disiplin.2"]})
    sign_out(page)

    sign_in(page, base, "bkn.jepara", creds["bkn.jepara"])
    page.goto(case_url)
    # BKN corrects the civil-service facts, not the report's.
    assert page.get_by_test_id("form-amend").locator("[name=description]").count() == 0
    amend(page, {"reported_position": "Camat Tahunan"}, {}, "Jabatan menurut SIASN.")
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
    page.get_by_test_id("action-impose_sanction").click()
    form = page.get_by_test_id("form-impose_sanction")
    assert form.locator("select[name=rule_id]").input_value() == "skb2022.disiplin.2"  # what BKN got recommended
    assert form.locator("select[name=sanction] option").all_inner_texts() == ["Hukuman disiplin berat"]
    page.get_by_test_id("action-impose_sanction").click()  # closed again: `step` opens it
    step(page, "impose_sanction", fill={"sanction_description": "Penurunan jabatan setingkat selama 12 bulan"})
    assert page.get_by_test_id("case-status").inner_text() == "Sanksi dijatuhkan"
    # The correction step: refused without a reason (the server says so), then kept in the history with it.
    page.get_by_test_id("action-correct_sanction").click()
    page.get_by_test_id("form-correct_sanction").locator("[name=reason]").evaluate("e => e.removeAttribute('required')")
    refuse(page, "correct_sanction", fill={"sanction_description": "Pembebasan dari jabatan 12 bulan"}, opened=True)
    assert "Alasan wajib diisi" in page.get_by_test_id("action-error").inner_text()
    step(page, "correct_sanction", fill={"sanction_description": "Pembebasan dari jabatan 12 bulan",
                                         "reason": "Isi sanksi salah tulis."})
    history = page.get_by_test_id("history").inner_text()
    for who in ("(Bawaslu)", "(BKN)", "(PPK)"):
        assert who in history
    assert "Koreksi sanksi" in history and "Isi sanksi salah tulis." in history
    assert "Sanksi: Hukuman disiplin berat — Pembebasan dari jabatan 12 bulan" in history
    assert "WIB" in history and "rule_ids" not in history and "#" not in history
    page.set_viewport_size({"width": 390, "height": 844})
    assert _fits(page, case_url) == []
    page.set_viewport_size({"width": 1280, "height": 800})
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
