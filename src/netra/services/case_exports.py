"""Case lists as CSV and XLSX, with personal data cut to what the role may see, and every export audited."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from netra.accounts.model import Account
from netra.cases import label
from netra.services.case_queries import Worklist, bulk_identities
from netra.services.csv_safety import safe_cell
from netra.storage import audit_log
from netra.storage.database import Database

COLUMNS = ("perkara", "status", "wilayah", "kode_wilayah", "pemilihan", "terlapor", "nip", "jabatan", "instansi",
           "tanggal_kejadian", "pelapor", "tenggat", "lewat_tenggat_hari", "diperbarui")


def export_rows(db: Database, account: Account, worklist: Worklist, filters: dict) -> list[dict]:
    """The listed cases cut to what the role may see in bulk (netra.accounts.policy); the export is audited."""
    cases = worklist.cases
    identities = bulk_identities(db, account, [c.id for c in cases])
    with db.transaction() as session:
        audit_log.append(session, f"user:{account.id}", "export", "cases", {"filters": filters, "rows": len(cases)})
    rows = []
    for c in cases:
        clock = worklist.clocks.get(c.id)
        nip, reporters = identities[c.id]
        rows.append({
            "perkara": c.id, "status": label(c.status).id, "wilayah": c.region_name, "kode_wilayah": c.region_code,
            "pemilihan": c.election_id, "terlapor": c.reported_name, "nip": nip,
            "jabatan": c.reported_position, "instansi": c.reported_agency,
            "tanggal_kejadian": c.event_date.isoformat() if c.event_date else "",
            "pelapor": "; ".join(r for r in reporters if r),
            "tenggat": clock.due_at.isoformat(timespec="minutes") if clock else "",
            "lewat_tenggat_hari": clock.days_overdue if clock and clock.overdue else 0,
            "diperbarui": c.updated_at.isoformat(timespec="minutes"),
        })
    return rows


def to_csv(rows: list[dict], columns: Sequence[str] = COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 correctly


def to_xlsx(rows: list[dict], columns: Sequence[str] = COLUMNS, title: str = "Perkara") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(list(columns))
    for row in rows:
        sheet.append([safe_cell(row[c]) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
