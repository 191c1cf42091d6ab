"""The administrators' reference data page in real Chromium against the run command (demo data): the demo
administrator installs a civil-servant table through the form and the statistics map rates cases by it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SCREENS = Path(os.environ.get("NETRA_SCREENS", "/tmp/netra-screens"))
# Jawa Tengah keeps the packaged PNS count, so the change is harmless to anything checking the packaged rate.
TABLE = """label: {id: ASN uji, en: test civil servants}
as_of: "2025"
source: BKN, tabel uji peramban
counts:
  "33": 336097
  "33.20": 20000
  "64": 72301
"""


def test_admin_installs_a_workforce_table_and_the_map_uses_it(live_server, page):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/masuk")
    page.fill("input[name=username]", "admin.nasional")
    page.fill("input[name=password]", live_server.credentials()["admin.nasional"])
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah")
    page.click("[data-testid=nav-admin]")
    page.wait_for_url("**/admin/referensi")
    assert page.get_by_test_id("workforce-label").inner_text() == "PNS 2023"

    form = page.get_by_test_id("form-workforce")
    form.locator("textarea[name=workforce_yaml]").fill(TABLE.replace('"64"', '"99"'))
    form.locator("input[name=reason]").fill("uji peramban")
    form.get_by_test_id("submit-workforce").click()
    assert "99" in page.get_by_test_id("error-workforce").inner_text()
    assert page.get_by_test_id("workforce-label").inner_text() == "PNS 2023"
    assert problems == ["Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]
    problems.clear()

    form = page.get_by_test_id("form-workforce")
    assert form.locator("input[name=reason]").input_value() == "uji peramban"  # kept
    form.locator("textarea[name=workforce_yaml]").fill(TABLE)
    form.get_by_test_id("submit-workforce").click()
    page.wait_for_url("**/admin/referensi?ok=pegawai*")
    assert page.get_by_test_id("admin-ok").inner_text() == "Tabel pegawai dipasang dan sudah berlaku."
    assert page.get_by_test_id("workforce-label").inner_text() == "ASN uji"
    assert page.get_by_test_id("workforce-regions").inner_text() == "3"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"admin-referensi-{live_server.backend}.png"), full_page=True)

    page.goto(live_server.url + "/statistik")
    page.wait_for_selector("[data-chart=map][data-ready]")
    assert page.get_by_test_id("map-mode-rate").inner_text() == "Per 10.000 ASN uji"
    page.click("[data-testid=map-mode-rate]")
    page.wait_for_selector("[data-chart=map][data-mode=rate]")
    assert not problems, problems
