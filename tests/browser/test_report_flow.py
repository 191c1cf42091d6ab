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


def test_an_expired_form_comes_back_as_typed_with_confidential_still_ticked(live_server, page, tmp_path):
    """Issue 14, finding 4: after an expired session the form came back empty with "confidential" unticked."""
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(JPEG)
    page.goto(live_server.url + "/lapor")
    page.select_option("select[name=election_id]", index=1)
    page.select_option("select[name=region_code]", "33.20")
    page.fill("textarea[name=description]", "Camat memakai seragam dinas saat berkampanye untuk paslon nomor 2.")
    page.fill("input[name=reporter_name]", "Warga Fiktif Pelapor")
    page.fill("input[name=reporter_contact]", "0812-0000-1111")
    assert page.is_checked("input[name=confidential]")
    page.set_input_files("input[name=evidence]", str(photo))
    page.context.clear_cookies()  # the session ran out while the reporter was typing
    page.click("button[type=submit]")
    assert "kedaluwarsa" in page.get_by_test_id("form-errors").inner_text()
    assert page.input_value("input[name=reporter_name]") == "Warga Fiktif Pelapor"
    assert page.input_value("input[name=reporter_contact]") == "0812-0000-1111"
    assert "Camat memakai seragam" in page.input_value("textarea[name=description]")
    assert page.is_checked("input[name=confidential]")
    assert page.get_by_test_id("retype-files").is_visible()
    page.set_input_files("input[name=evidence]", str(photo))
    page.click("button[type=submit]")  # the same form, sent again, is stored
    assert page.get_by_test_id("tracking-code").inner_text().startswith("NTR-")
