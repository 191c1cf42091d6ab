"""Case lists as CSV and XLSX, with personal data cut to what the viewer may see, and every export audited."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import ClockStatus, label
from netra.services.case_queries import CaseSummary
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import CaseRow, ReportRow

COLUMNS = ("perkara", "status", "wilayah", "kode_wilayah", "pemilihan", "terlapor", "nip", "jabatan", "instansi",
           "tanggal_kejadian", "pelapor", "tenggat", "lewat_tenggat_hari", "diperbarui")
HIDDEN = "(dirahasiakan)"


def export_rows(db: Database, account: Account, cases: Sequence[CaseSummary],
                clocks: dict[int, ClockStatus | None], filters: dict) -> list[dict]:
    """Viewers get no names; reporter identities appear only when the reporter did not ask for confidentiality
    (a confidential identity is revealed one report at a time, on the case page, never in bulk)."""
    names_allowed = account.role is not Role.VIEWER
    ids = [c.id for c in cases]
    with db.transaction() as session:
        nips = dict(session.execute(select(CaseRow.id, CaseRow.reported_nip).where(CaseRow.id.in_(ids))).all())
        reporters: dict[int, list[str]] = {}
        for case_id, name, confidential in session.execute(
            select(ReportRow.case_id, ReportRow.reporter_name, ReportRow.confidential).where(ReportRow.case_id.in_(ids))
        ):
            shown = name if (names_allowed and not confidential) else HIDDEN if name else ""
            reporters.setdefault(case_id, []).append(shown)
        audit_log.append(session, f"user:{account.id}", "export", "cases", {"filters": filters, "rows": len(cases)})
    rows = []
    for c in cases:
        clock = clocks.get(c.id)
        rows.append({
            "perkara": c.id, "status": label(c.status).id, "wilayah": c.region_name, "kode_wilayah": c.region_code,
            "pemilihan": c.election_id,
            "terlapor": c.reported_name if names_allowed else (HIDDEN if c.reported_name else ""),
            "nip": nips.get(c.id, "") if names_allowed else (HIDDEN if nips.get(c.id) else ""),
            "jabatan": c.reported_position, "instansi": c.reported_agency,
            "tanggal_kejadian": c.event_date.isoformat() if c.event_date else "",
            "pelapor": "; ".join(r for r in reporters.get(c.id, []) if r),
            "tenggat": clock.due_at.isoformat(timespec="minutes") if clock else "",
            "lewat_tenggat_hari": clock.days_overdue if clock and clock.overdue else 0,
            "diperbarui": c.updated_at.isoformat(timespec="minutes"),
        })
    return rows


def _cell(value):
    # Spreadsheet programs run cells starting with these as formulas (CSV injection); a quote keeps them text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[dict], columns: Sequence[str] = COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 correctly


def to_xlsx(rows: list[dict], columns: Sequence[str] = COLUMNS, title: str = "Perkara") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(list(columns))
    for row in rows:
        sheet.append([_cell(row[c]) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
