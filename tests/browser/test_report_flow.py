"""A member of the public files a report in Chromium, gets a tracking code, and follows the status."""

import pytest

pytestmark = pytest.mark.browser

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"bukti" * 100


def test_public_report_round_trip(live_server, page, tmp_path):
    photo = tmp_path / "tangkapan-layar.jpg"
    photo.write_bytes(JPEG)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(live_server.url + "/lapor")
    page.select_option("select[name=election_id]", index=1)
    page.select_option("select[name=region_code]", "64.02")
    page.fill("input[name=event_date]", "2024-10-01")
    page.fill("input[name=event_place]", "Grup WhatsApp warga")
    page.fill("textarea[name=description]", "Kepala desa membagikan stiker calon nomor urut 3 kepada warga.")
    page.fill("input[name=reported_name]", "Kades Fiktif")
    page.fill("input[name=reported_position]", "Kepala Desa")
    page.set_input_files("input[name=evidence]", str(photo))
    page.check("input[name=declaration]")
    page.click("button[type=submit]")
    code = page.get_by_test_id("tracking-code").inner_text()
    secret = page.get_by_test_id("secret").inner_text()
    assert code.startswith("NTR-")

    page.goto(live_server.url + "/lapor/status")
    page.fill("input[name=tracking_code]", code.lower())
    page.fill("input[name=secret]", secret)
    page.click("button[type=submit]")
    assert page.get_by_test_id("status").inner_text() == "Diterima"
    requirements = page.get_by_test_id("requirements").inner_text()
    assert "✘ Identitas pelapor" in requirements and "✔ Bukti" in requirements
