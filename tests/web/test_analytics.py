"""Statistics pages and APIs: login and scope, no personal data in public, CSV equal to JSON, OpenAPI, PDF."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.storage.tables import CaseRow, ReportRow
from netra.web.app import create_app
from netra.storage.database import Database
from tests.web.conftest import login
from tests.support.scopes import NATIONAL


@pytest.fixture
def app(settings, demo_cases):
    db = Database(settings.database_url)
    demo_cases(db, 300, settings.data_dir)  # signed with the key the app finds in its data folder
    return create_app(settings, db)


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _as_csv_value(value) -> str:
    return "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value))


def test_dashboard_needs_sign_in(client):
    assert client.get("/dasbor", follow_redirects=False).status_code == 303
    assert client.get("/api/stats").status_code == 401
    assert client.get("/api/stats/status.csv").status_code == 401


def test_officer_sees_only_their_scope(client, make_account, app):
    make_account("bawaslu.jepara", Role.BAWASLU, ("33.20",))
    login(client, "bawaslu.jepara")
    page = client.get("/dasbor")
    assert page.status_code == 200 and 'id="stats-data"' in page.text
    data = client.get("/api/stats").json()
    assert {r["key"] for r in data["tables"]["regency"]["rows"]} == {"33.20"}
    with app.state.db.transaction() as s:
        expected = len(s.scalars(select(CaseRow.id).where(CaseRow.region_code == "33.20",
                                                           CaseRow.merged_into_id.is_(None))).all())
    assert data["tables"]["summary"]["rows"][0]["count"] == expected
    assert client.get("/api/stats?region=64.02").json()["tables"]["summary"]["rows"][0]["count"] == expected


def test_public_page_has_no_names_nips_or_reporters(client, app):
    with app.state.db.transaction() as s:
        names = [c.reported_name for c in s.scalars(select(CaseRow)).all()][:50]
        reporters = [r.reporter_name for r in s.scalars(select(ReportRow)).all()][:50]
        s.execute(CaseRow.__table__.update().where(CaseRow.id == s.scalar(select(CaseRow.id).limit(1)))
                  .values(reported_nip="198001012005011001"))
    for url in ("/statistik", "/api/public/stats/v1", "/api/public/stats/v1/regency.csv", "/statistik?region=33"):
        body = client.get(url).text
        assert "Terlapor Fiktif" not in body and "Warga Fiktif" not in body and "198001012005011001" not in body
        assert not any(n in body for n in names + reporters)
    doc = client.get("/api/public/stats/v1").json()
    assert doc["schema"] == "netra.public-stats/1" and doc["suppression"]["threshold"] == 5
    assert "overdue_agency" not in doc["tables"] and "overdue_ppk" not in doc["tables"]


@pytest.mark.parametrize("table", ["status", "province", "regency", "week", "funnel", "rules", "family"])
def test_public_csv_equals_json(client, table):
    doc = client.get(f"/api/public/stats/v1/{table}?election=pilkada2024").json()
    rows = _csv_rows(client.get(f"/api/public/stats/v1/{table}.csv?election=pilkada2024").text)
    assert [list(r.keys()) for r in rows[:1]] == [doc["columns"]][:len(rows[:1])]
    assert rows == [{c: _as_csv_value(r.get(c)) for c in doc["columns"]} for r in doc["rows"]]


def test_dashboard_csv_equals_json(client, make_account):
    make_account("bkn.jateng", Role.BKN, ("33",))
    login(client, "bkn.jateng")
    for chart in ("status", "funnel", "overdue_agency", "overdue_ppk", "rules", "week", "position"):
        doc = client.get(f"/api/stats/{chart}?election=pilkada2024").json()
        rows = _csv_rows(client.get(f"/api/stats/{chart}.csv?election=pilkada2024").text)
        assert rows == [{c: _as_csv_value(r.get(c)) for c in doc["columns"]} for r in doc["rows"]], chart


def test_public_api_is_documented(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/public/stats/v1" in paths and "/api/public/stats/v1/{table}.csv" in paths


def test_unknown_filter_values_are_ignored_not_fatal(client):
    assert client.get("/statistik?region=99&election=nope&stage=zzz").status_code == 200
    assert client.get("/api/public/stats/v1/nope").status_code == 404


def test_pdf_report_for_a_region_and_period(client, make_account):
    make_account("ppk.jepara", Role.PPK, ("33.20",))
    login(client, "ppk.jepara")
    response = client.get("/dasbor/laporan.pdf?region=33.20&date_from=2024-09-01&date_to=2024-12-16")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Laporan Statistik" in text and "Kabupaten Jepara" in text and "2024-09-01" in text
    assert "Terlapor Fiktif" not in text
    assert "Per 10.000" in text and "336097" in text and "PNS 2023" in text  # Jawa Tengah's civil servants, with source


def test_rates_per_10000_follow_the_installed_table_and_hide_with_small_counts(client, app, make_account):
    from netra.services.reference_data import install_workforce

    packaged = {r["key"]: r for r in client.get("/api/public/stats/v1").json()["tables"]["province"]["rows"]}
    jateng = packaged["33"]
    assert jateng["workforce"] == 336_097 and jateng["per_10k"] == round(jateng["count"] * 10_000 / 336_097, 2)
    assert all(r["per_10k"] is None for r in packaged.values() if r["count_suppressed"])
    admin = make_account("admin.wf", Role.ADMIN, NATIONAL)  # the table is national reference data
    install_workforce(app.state.db, admin, "label: {id: ASN uji, en: test ASN}\nas_of: '2024'\nsource: uji\n"
                      "counts: {'33': 400000, '33.20': 20000}\n", "uji")
    doc = client.get("/api/public/stats/v1?region=33").json()["tables"]
    assert doc["province"]["meta"]["workforce"]["label_id"] == "ASN uji"
    jepara = next(r for r in doc["regency"]["rows"] if r["key"] == "33.20")
    assert jepara["per_10k"] == (None if jepara["count_suppressed"] else round(jepara["count"] / 2, 2))
    assert all(r["per_10k"] is None for r in doc["regency"]["rows"] if r["key"] != "33.20")
    page = client.get("/statistik?region=33").text
    assert 'data-testid="workforce-regency-33.20" data-value="20000"' in page  # the regency table shows the rate
