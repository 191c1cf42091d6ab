"""Officers' case pages: worklist, case detail, reporter identity on explicit request, evidence download."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from netra.accounts.model import Account
from netra.services.case_queries import get_case, in_scope, list_cases
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, EvidenceRow
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)

CASE_STATUSES = ("received", "registered", "not_registered", "under_review", "recommended_to_bkn", "not_a_violation",
                 "forwarded", "verified_by_bkn", "validated_by_bawaslu", "sent_to_ppk", "sanction_imposed",
                 "not_followed_up", "personnel_data_blocked", "closed")


@router.get("/perkara")
def worklist(request: Request, status: str | None = None, account: Account = Depends(require_account)):
    cases = list_cases(request.app.state.db, account, status=status or None)
    return render(request, "cases_list.html", {"account": account, "cases": cases, "status": status or "",
                                               "statuses": CASE_STATUSES})


@router.get("/perkara/{case_id}")
def case_page(case_id: int, request: Request, account: Account = Depends(require_account)):
    detail = get_case(request.app.state.db, account, case_id)
    if detail is None:
        raise HTTPException(404)
    return render(request, "case_detail.html", {"account": account, "case": detail})


@router.post("/perkara/{case_id}/identitas/{report_id}")
def reveal_identity(case_id: int, report_id: int, request: Request, account: Account = Depends(require_account)):
    """Showing a confidential reporter's identity is a deliberate, audited act."""
    detail = get_case(request.app.state.db, account, case_id, reveal_report_id=report_id)
    if detail is None:
        raise HTTPException(404)
    if not any(r.id == report_id and r.identity_visible for r in detail.reports):
        raise HTTPException(403)
    return render(request, "case_detail.html", {"account": account, "case": detail})


@router.get("/perkara/{case_id}/bukti/{evidence_id}")
def download_evidence(case_id: int, evidence_id: int, request: Request, account: Account = Depends(require_account)):
    db = request.app.state.db
    with db.transaction() as session:
        allowed = session.scalar(in_scope(select(CaseRow.id), account).where(CaseRow.id == case_id))
        row = session.scalar(select(EvidenceRow).where(EvidenceRow.id == evidence_id, EvidenceRow.case_id == case_id))
        if allowed is None or row is None:
            raise HTTPException(404)
        audit_log.append(session, f"user:{account.id}", "download", f"evidence:{row.sha256}", {"case_id": case_id})
        media_type, filename, digest = row.media_type, row.filename, row.sha256
    content = EvidenceStore(request.app.state.settings.data_dir / "evidence").read(digest)
    safe_name = "".join(c if c.isalnum() or c in "._-" else "_" for c in filename)
    return Response(content, media_type=media_type, headers={
        "content-disposition": f'attachment; filename="{safe_name}"', "x-evidence-sha256": digest})
