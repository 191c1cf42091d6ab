"""The public report form under rejection and bad input (issue 14, findings 3, 4, 12, 14).

Every rejection keeps what was typed and never turns "confidential" off (4); a NUL character or an overlong
submission token is a 422, a failed store keeps the form, and the log never holds SQL parameters (3); the
submission token is stored hashed and a replay from another session learns nothing (12); out-of-range numbers and
NUL in other forms are 404/422, never 500 (14)."""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select

from netra.accounts.roles import Role
from netra.intake.tracking import token_digest
from netra.logs import JsonFormatter
from netra.storage.database import Database
from netra.storage.tables import ReportRow
from netra.web.app import create_app
from tests.web.conftest import csrf_of, login

REPORTER = "Sitirahasia Pelaporwati"
REPORTED = "Terlapor Rahasiawan"
NIP = "198001012005011001"
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def typed(client) -> dict:
    page = client.get("/lapor").text
    return {"csrf_token": csrf_of(page),
            "submission_token": re.search(r'name="submission_token" value="([^"]+)"', page).group(1),
            "election_id": "pilkada2024", "region_code": "33.20", "event_date": "2024-10-01",
            "description": "Kepala dinas mengajak pegawai memilih paslon nomor urut 2 dalam apel pagi.",
            "reporter_name": REPORTER, "reporter_id_number": "3320014508900001", "reported_name": REPORTED,
            "reported_nip": NIP, "confidential": "on", "declaration": "on"}


def stored(app) -> int:
    with app.state.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(ReportRow))


def assert_kept(page, confidential: bool = True):
    """The form came back as typed: text fields filled, the box as the reporter left it."""
    assert f'value="{REPORTER}"' in page and f'value="{REPORTED}"' in page and f'value="{NIP}"' in page
    assert "Kepala dinas mengajak pegawai" in page
    box = re.search(r'<input type="checkbox" name="confidential"([^>]*)>', page).group(1)
    assert ("checked" in box) is confidential


def test_total_over_the_limit_is_413_with_the_form_kept(client, app):
    """Four 16 MB videos: each under the 20 MB cap, together over the 60 MB total."""
    video = MP4_HEAD + bytes(16 * 1024 * 1024)
    page = client.post("/lapor", data=typed(client),
                       files=[("evidence", (f"v{i}.mp4", video, "video/mp4")) for i in range(4)])
    assert page.status_code == 413 and "paling banyak 60 MB" in page.text
    assert_kept(page.text)
    assert 'data-testid="retype-files"' in page.text and stored(app) == 0


def test_a_body_over_the_cap_is_cut_and_the_typed_text_still_kept(client, app):
    """Six 20 MB files: past the most any report can carry, so the server stops reading the files."""
    video = MP4_HEAD + bytes(20 * 1024 * 1024 - len(MP4_HEAD))
    page = client.post("/lapor", data=typed(client),
                       files=[("evidence", (f"v{i}.mp4", video, "video/mp4")) for i in range(6)])
    assert page.status_code == 413
    assert_kept(page.text)
    assert stored(app) == 0


def test_too_many_reports_is_429_with_the_form_kept(settings):
    app = create_app(replace(settings, report_rate="1/3600"), Database(settings.database_url))
    with TestClient(app) as client:
        assert client.post("/lapor", data=typed(client)).status_code == 200
        again = client.post("/lapor", data=typed(client))
        assert again.status_code == 429 and "Terlalu banyak laporan" in again.text
        assert_kept(again.text)


def test_an_expired_form_is_403_with_the_form_kept_and_a_fresh_token(client, app):
    data = typed(client)
    with TestClient(app) as later:  # the session (and its CSRF token) is gone: another browser session
        page = later.post("/lapor", data=data)
        assert page.status_code == 403 and "kedaluwarsa" in page.text
        assert_kept(page.text)
        fresh = csrf_of(page.text)
        assert fresh != data["csrf_token"]
        assert later.post("/lapor", data={**data, "csrf_token": fresh}).status_code == 200
    assert stored(app) == 1


def test_an_unticked_confidential_box_stays_unticked_and_a_ticked_one_ticked(client):
    data = typed(client)
    bad = {**data, "reported_nip": "123"}
    assert_kept(client.post("/lapor", data=bad).text.replace('value="123"', f'value="{NIP}"'), confidential=True)
    del bad["confidential"]
    page = client.post("/lapor", data=bad)
    assert page.status_code == 422
    assert_kept(page.text.replace('value="123"', f'value="{NIP}"'), confidential=False)


def test_nul_characters_and_overlong_tokens_are_422_and_store_nothing(client, app):
    for field in ("description", "reported_name", "region_code", "event_date"):
        data = typed(client)
        data[field] = data[field][:10] + "\x00" + data[field][10:]
        page = client.post("/lapor", data=data)
        assert page.status_code == 422, (field, page.status_code)
    page = client.post("/lapor", data={**typed(client), "submission_token": "t" * 65})
    assert page.status_code == 422 and "Formulir tidak lengkap" in page.text
    assert_kept(page.text)
    assert stored(app) == 0


def test_a_failed_store_keeps_the_form_and_logs_no_identity(client, app, caplog, monkeypatch):
    """SQLite: a writer holds the lock past the busy timeout. PostgreSQL: a value the database refuses, with the
    form's own checks bypassed (a stand-in for any database error)."""
    db = app.state.db
    if db.engine.dialect.name == "sqlite":
        db.engine.dispose()
        event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout=200"))
        blocker = sqlite3.connect(db.engine.url.database)
        blocker.execute("BEGIN EXCLUSIVE")
        data = typed(client)
    else:
        blocker = None
        monkeypatch.setattr("netra.services.intake.validation_errors", lambda *a: {})
        data = {**typed(client), "event_place": "Kantor\x00Dinas"}
    with caplog.at_level(logging.DEBUG):
        page = client.post("/lapor", data=data)
    if blocker:
        blocker.rollback()
        blocker.close()
    assert page.status_code == 503 and "BELUM tersimpan" in page.text
    assert_kept(page.text)
    assert stored(app) == 0
    lines = [JsonFormatter().format(r) for r in caplog.records if r.name.startswith(("netra", "sqlalchemy"))]
    assert any("report not stored" in line for line in lines)
    for secret in (REPORTER, REPORTED, NIP, "3320014508900001", data["submission_token"]):
        assert not [line for line in lines if secret in line], secret


def test_the_submission_token_is_stored_hashed_and_a_replay_elsewhere_learns_nothing(client, app):
    data = typed(client)
    first = client.post("/lapor", data=data)
    code = re.search(r'data-testid="tracking-code">([^<]+)<', first.text).group(1)
    with app.state.db.transaction() as s:
        row = s.scalar(select(ReportRow))
    assert row.submission_token == token_digest(data["submission_token"]) != data["submission_token"]
    again = client.post("/lapor", data=data)  # the same browser session: its own double click
    assert code in again.text
    with TestClient(app) as other:
        replay = other.post("/lapor", data={**data, "csrf_token": csrf_of(other.get("/lapor").text)})
    assert replay.status_code == 409 and "sudah diterima" in replay.text
    assert code not in replay.text and 'data-testid="secret"' not in replay.text
    assert stored(app) == 1


def test_the_supplement_form_keeps_what_was_typed(client, app):
    data = typed(client)
    data.pop("reporter_name")
    receipt = client.post("/lapor", data=data).text
    code = re.search(r'data-testid="tracking-code">([^<]+)<', receipt).group(1)
    secret = re.search(r'data-testid="secret">([^<]+)<', receipt).group(1)
    supplement = {"tracking_code": code, "secret": secret, "reporter_name": "Nama Tambahan", "event_place": "Pendopo"}
    with TestClient(app) as later:
        expired = later.post("/lapor/lengkapi", data={**supplement, "csrf_token": "kedaluwarsa"})
    assert expired.status_code == 403 and 'value="Nama Tambahan"' in expired.text
    bad = client.post("/lapor/lengkapi", data={**supplement, "csrf_token": data["csrf_token"],
                                               "links": "bukan-tautan"})
    assert bad.status_code == 422 and "Tautan harus diawali" in bad.text
    assert 'value="Nama Tambahan"' in bad.text and ">bukan-tautan</textarea>" in bad.text


@pytest.mark.parametrize("method, path, form", [
    ("GET", "/perkara/99999999999999999999", None),
    ("GET", "/perkara/1/bukti/99999999999999999999", None),
    ("POST", "/perkara/1/langkah", {"action": "register", "expected_version": "9" * 5000}),
    ("POST", "/perkara/1/gabung", {"other_id": "99999999999999999999", "expected_version": "1"}),
    ("POST", "/perkara/99999999999999999999/identitas/1", {}),
    ("POST", "/antrean/99999999999999999999/putuskan", {"decision": "confirm"}),
    ("POST", "/lapor/status", {"tracking_code": "NTR-AB\x00C-DEFG", "secret": "x\x00"}),
    ("POST", "/lapor/lengkapi", {"tracking_code": "NTR-\x00", "secret": "x"}),
])
def test_numbers_beyond_64_bits_and_nul_are_answered_never_500(client, app, make_account, method, path, form):
    make_account("bawaslu.angka")
    login(client, "bawaslu.angka")
    if method == "GET":
        response = client.get(path, follow_redirects=False)
    else:
        token = csrf_of(client.get("/lapor").text)
        response = client.post(path, data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code in (404, 409, 422), (path, response.status_code)
