"""A civil servant asks "Bolehkah?" in Chromium (with HTMX, and with JavaScript off), browses the rules and
prints the guideline. Needs the guidance router registered in app.py (`netra run` serves these pages)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    return errors


def test_asking_with_htmx_swaps_in_the_answer(reading_server, page):
    csp = _csp_errors(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(reading_server.url + "/bolehkah")
    page.evaluate("window.__sameDocument = true")
    page.fill("textarea[name=q]", "boleh gak sih PNS nge-like postingan paslon?")
    page.get_by_role("button", name="Tanyakan").click()
    answer = page.get_by_test_id("guidance-answer")
    answer.wait_for()
    assert page.get_by_test_id("verdict").inner_text() == "Tidak boleh"
    assert "skb2022.disiplin.6" in page.get_by_test_id("rules").inner_text()
    assert page.get_by_test_id("basis").inner_text().strip()
    assert page.evaluate("window.__sameDocument === true"), "HTMX should swap the answer in, not reload the page"

    page.fill("textarea[name=q]", "ASN boleh datang ke TPS nyoblos?")
    page.get_by_role("button", name="Tanyakan").click()
    page.wait_for_selector("[data-verdict=allowed]")
    assert page.get_by_test_id("verdict").inner_text() == "Boleh"

    page.fill("textarea[name=q]", "Can a civil servant vote?")
    page.get_by_role("button", name="Tanyakan").click()
    error = page.get_by_test_id("guidance-error")
    error.wait_for()
    assert "bahasa Indonesia" in error.inner_text()
    assert not csp, csp


def test_asking_works_without_javascript(reading_server, browser):
    context = browser.new_context(locale="id-ID", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(reading_server.url + "/bolehkah")
        page.fill("textarea[name=q]", "guru PPPK ikut foto salam dua jari sama cagub")
        page.click("summary")
        page.fill("input[name=when]", "2024-10-10")
        page.get_by_role("button", name="Tanyakan").click()
        page.wait_for_load_state()
        assert page.get_by_test_id("verdict").inner_text() == "Tidak boleh"
        assert "skb2022.disiplin.7" in page.get_by_test_id("rules").inner_text()
        assert "Masa kampanye" in page.get_by_test_id("guidance-answer").inner_text()
    finally:
        context.close()


def test_browsing_the_rules(reading_server, page):
    csp = _csp_errors(page)
    page.goto(reading_server.url + "/aturan")
    page.select_option("select[name=family]", "social_media")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url("**/aturan?family=social_media*")
    rows = page.locator("tr[data-rule]")
    ids = {rows.nth(i).get_attribute("data-rule") for i in range(rows.count())}
    assert "skb2022.etik.4" in ids and "pp94.5n.4" not in ids
    page.get_by_role("link", name="skb2022.disiplin.6").click()
    assert page.get_by_test_id("rule-id").inner_text() == "skb2022.disiplin.6"

    page.goto(reading_server.url + "/aturan/skb2022.disiplin.8")
    assert "diperselisihkan" in page.get_by_test_id("disputed-note").inner_text()

    response = page.goto(reading_server.url + "/aturan/tidak.ada")
    assert response.status == 404
    assert "Aturan tidak ditemukan" in page.get_by_test_id("rule-not-found").inner_text()
    assert not csp, csp


def test_the_guideline_prints_clean_and_downloads_as_pdf(reading_server, page):
    page.goto(reading_server.url + "/pedoman")
    assert page.locator("body > header").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("body > header").is_visible()
    assert not page.get_by_test_id("pdf-link").is_visible()
    assert page.locator("#skb2022\\.disiplin\\.12").is_visible()
    pdf = page.request.get(reading_server.url + "/pedoman.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:5] == b"%PDF-"
