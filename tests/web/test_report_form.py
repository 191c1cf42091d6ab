"""The public report form over HTTP: stored before the receipt, bad input answered in Indonesian, no duplicates."""

import re

from sqlalchemy import func, select

from netra.storage.tables import ReportRow
from tests.web.conftest import csrf_of

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"bukti" * 100


def form_fields(client):
    page = client.get("/lapor").text
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    election = re.search(r'<option value="([a-z0-9-]+)"', page).group(1)
    return {
        "csrf_token": csrf_of(page), "submission_token": token, "election_id": election, "region_code": "33.20",
        "description": "Seorang guru PNS mengunggah ajakan memilih calon bupati nomor urut 2 di Facebook.",
        "reported_name": "Guru Fiktif", "reported_position": "Guru SD Negeri", "event_date": "2024-10-01",
        "event_place": "Facebook", "links": "https://example.org/post/1", "declaration": "on",
    }


def stored_reports(app):
    with app.state.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(ReportRow))


def test_report_is_stored_then_receipt_and_status_shown(client, app):
    data = form_fields(client)
    page = client.post("/lapor", data=data, files=[("evidence", ("bukti.jpg", JPEG, "image/jpeg"))])
    assert page.status_code == 200, page.text
    code = re.search(r'data-testid="tracking-code">([^<]+)<', page.text).group(1)
    secret = re.search(r'data-testid="secret">([^<]+)<', page.text).group(1)
    assert stored_reports(app) == 1
    status = client.post("/lapor/status", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                                "secret": secret})
    assert status.status_code == 200 and "Diterima" in status.text and "bukti.jpg" in status.text
    receipt = client.post("/lapor/tanda-terima", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                                       "secret": secret})
    assert receipt.headers["content-disposition"].startswith("attachment") and code in receipt.text
    # Jepara is on WIB: the page, the status history and the receipt file say so, never UTC (issue 12).
    assert re.search(r'data-testid="receipt-when">\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB<', page.text)
    assert re.search(r"\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB — Diterima", status.text)
    assert re.search(r"Diterima +: \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB", receipt.text) and "UTC" not in receipt.text


def test_double_submission_stores_one_report(client, app):
    data = form_fields(client)
    first = client.post("/lapor", data=data)
    second = client.post("/lapor", data=data)
    code = lambda r: re.search(r'data-testid="tracking-code">([^<]+)<', r.text).group(1)  # noqa: E731
    assert code(first) == code(second)
    assert stored_reports(app) == 1


def test_bad_input_keeps_values_and_stores_nothing(client, app):
    data = form_fields(client) | {"reported_nip": "12345", "event_date": "2999-01-01"}
    page = client.post("/lapor", data=data)
    assert page.status_code == 422
    assert "NIP harus 18 angka." in page.text and "Tanggal tidak boleh di masa depan." in page.text
    assert "Guru Fiktif" in page.text  # what the reporter typed is kept
    assert stored_reports(app) == 0


def test_disguised_upload_is_refused(client, app):
    data = form_fields(client)
    page = client.post("/lapor", data=data,
                       files=[("evidence", ("foto.jpg", b"<svg onload=alert(1)><script>x</script></svg>", "image/jpeg"))])
    assert page.status_code == 422 and "foto.jpg" in page.text and stored_reports(app) == 0


def test_script_in_report_is_rendered_as_text(client):
    data = form_fields(client) | {"reported_name": "<script>alert('x')</script>", "reported_nip": "1"}
    page = client.post("/lapor", data=data)
    assert "<script>alert('x')</script>" not in page.text and "&lt;script&gt;" in page.text


def test_wrong_status_credentials_are_refused_plainly(client):
    token = csrf_of(client.get("/lapor/status").text)
    page = client.post("/lapor/status", data={"csrf_token": token, "tracking_code": "NTR-0000-0000", "secret": "x"})
    assert page.status_code == 404 and "Kode pelacakan atau kode rahasia salah." in page.text


def test_form_without_csrf_is_refused(client, app):
    data = form_fields(client)
    data.pop("csrf_token")
    assert client.post("/lapor", data=data).status_code == 403
    assert stored_reports(app) == 0


def test_reporter_completes_a_report_from_the_status_page(client, app):
    data = form_fields(client) | {"declaration": ""}
    data.pop("declaration")
    page = client.post("/lapor", data=data)
    code = re.search(r'data-testid="tracking-code">([^<]+)<', page.text).group(1)
    secret = re.search(r'data-testid="secret">([^<]+)<', page.text).group(1)
    status = client.post("/lapor/status", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                                "secret": secret})
    assert 'data-testid="supplement-form"' in status.text and 'name="declaration"' in status.text
    bad = client.post("/lapor/lengkapi", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                               "secret": secret, "reported_nip": "99"})
    assert bad.status_code == 422 and "NIP harus 18 angka." in bad.text
    done = client.post("/lapor/lengkapi", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                                "secret": secret, "declaration": "on", "reporter_name": "Warga"},
                       files=[("evidence", ("b.jpg", JPEG, "image/jpeg"))])
    assert done.status_code == 200 and 'data-testid="supplemented"' in done.text
    assert "✔ Pernyataan kebenaran" in done.text
    wrong = client.post("/lapor/lengkapi", data={"csrf_token": data["csrf_token"], "tracking_code": code,
                                                 "secret": "salah", "declaration": "on"})
    assert wrong.status_code == 404
