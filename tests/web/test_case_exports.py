"""Case exports follow the current filters and the viewer's rights, and are audited."""

import csv
import io
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AuditRow
from tests.web.conftest import login


def file_report(app, region, confidential, reporter, token):
    draft = ReportDraft(description="Sekdes mengumpulkan fotokopi KTP warga untuk calon perseorangan.",
                        region_code=region, election_id="pilkada2024", reporter_name=reporter,
                        confidential=confidential, reported_name="=HYPERLINK(\"http://x\")",
                        reported_nip="198001012005011001", event_date=date(2024, 8, 20))
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [],
                  token + "-" * 20, "k", {"pilkada2024"})


def rows_of(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_respects_scope_confidentiality_and_formula_injection(client, app, make_account):
    file_report(app, "33.20", True, "Pelapor Rahasia", "a")
    file_report(app, "33.20", False, "Pelapor Terbuka", "b")
    file_report(app, "64.02", False, "Pelapor Kukar", "c")
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    rows = rows_of(client.get("/ekspor/perkara.csv"))
    assert len(rows) == 2 and {r["kode_wilayah"] for r in rows} == {"33.20"}
    assert sorted(r["pelapor"] for r in rows) == ["(dirahasiakan)", "Pelapor Terbuka"]
    assert all(r["terlapor"].startswith("'=") for r in rows) and rows[0]["nip"] == "198001012005011001"
    with app.state.db.transaction() as s:
        exports = s.scalars(select(AuditRow).where(AuditRow.action == "export")).all()
    assert len(exports) == 1 and exports[0].detail["rows"] == 2


def test_viewer_export_has_no_names(client, app, make_account):
    file_report(app, "33.20", False, "Pelapor Terbuka", "d")
    make_account("viewer.jepara", Role.VIEWER)
    login(client, "viewer.jepara")
    (row,) = rows_of(client.get("/ekspor/perkara.csv"))
    assert row["pelapor"] == row["terlapor"] == row["nip"] == "(dirahasiakan)"


def test_xlsx_has_the_same_rows_and_filters_apply(client, app, make_account):
    file_report(app, "33.20", False, "Pelapor Terbuka", "e")
    make_account("bkn.jepara", Role.BKN)
    login(client, "bkn.jepara")
    book = load_workbook(io.BytesIO(client.get("/ekspor/perkara.xlsx").content))
    sheet = book["Perkara"]
    assert sheet.max_row == 2 and sheet.cell(1, 1).value == "perkara"
    assert len(rows_of(client.get("/ekspor/perkara.csv?view=gap"))) == 0
    assert client.get("/ekspor/perkara.pdf").status_code == 404
