"""What must hold after any load or crash: each acknowledged report stored once, intact, nothing half-written."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from netra.intake.tracking import secret_matches
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, EvidenceRow, ReportRow


def check_reports(db: Database, store: EvidenceStore, acks) -> dict:
    with db.transaction() as s:
        rows = {r.tracking_code: r for r in s.scalars(select(ReportRow))}
        evidence = {}
        for e in s.scalars(select(EvidenceRow).where(EvidenceRow.report_id.is_not(None))):
            evidence.setdefault(e.report_id, []).append(e)
        cases = s.scalar(select(func.count()).select_from(CaseRow))
        tokens = Counter(s.scalars(select(ReportRow.submission_token)))
    problems = []
    for ack in acks:
        row = rows.get(ack.tracking_code)
        if row is None:
            problems.append(f"{ack.tracking_code}: acknowledged but not stored")
            continue
        if not secret_matches(ack.secret, row.secret_hash):
            problems.append(f"{ack.tracking_code}: secret does not match")
        files = evidence.get(row.id, [])
        if [e.sha256 for e in files] != [ack.evidence_sha256] or not store.verify(ack.evidence_sha256):
            problems.append(f"{ack.tracking_code}: evidence missing or altered")
    for row in rows.values():  # every stored report, acknowledged or not, must be whole
        for e in evidence.get(row.id, []):
            if not store.verify(e.sha256):
                problems.append(f"{row.tracking_code}: stored evidence file missing or altered")
    duplicates = [t for t, n in tokens.items() if n > 1]
    return {"stored": len(rows), "cases": cases, "acknowledged": len(acks),
            "unique_codes": len({a.tracking_code for a in acks}), "duplicates": duplicates, "problems": problems}
