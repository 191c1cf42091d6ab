"""The account page in Chromium (issue 14, finding 8): an officer signed in on two browsers sees both sessions
(times with their zone), ends the other one from the page, and the other browser is signed out at once."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_demo_roles import sign_in

pytestmark = pytest.mark.browser


def test_ending_the_other_session_signs_the_other_browser_out(live_server, browser):
    username = "bawaslu.jepara"
    password = live_server.credentials()[username]
    office, phone = (browser.new_context(locale="id-ID") for _ in range(2))
    try:
        here, there = office.new_page(), phone.new_page()
        for page in (here, there):
            sign_in(page, live_server.url, username, password)
            page.wait_for_url("**/wilayah")
        here.click("[data-testid=account-menu]")
        here.click("text=Akun & sesi")
        here.wait_for_url("**/akun")
        rows = here.locator("[data-testid=session-row]")
        assert rows.count() == 2
        texts = rows.all_inner_texts()
        assert sum("Sesi ini" in t for t in texts) == 1
        assert all(re.search(r"pukul \d{2}\.\d{2} WIB", t) for t in texts), texts  # Jepara is WIB

        here.click("[data-testid=end-others]")
        assert here.get_by_test_id("account-message").inner_text() == "1 sesi lain diakhiri"
        assert here.locator("[data-testid=session-row]").count() == 1

        there.goto(live_server.url + "/perkara")  # the other browser's cookie no longer signs anyone in
        there.wait_for_url("**/masuk**")
        assert there.get_by_test_id("who").count() == 0
        here.goto(live_server.url + "/perkara")  # this one still works
        assert here.get_by_test_id("who").inner_text() == username
    finally:
        office.close()
        phone.close()
