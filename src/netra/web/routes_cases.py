"""Officers' case pages: worklist, case detail, reporter identity on explicit request, evidence download."""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from starlette.datastructures import UploadFile

from netra.accounts.model import Account
from netra.cases import DESTINATIONS, TRANSITIONS, State, WorkflowError, allowed_actions, local_text
from netra.intake.evidence import MAX_FILE_BYTES, MAX_FILES, EvidenceRejected, download_name
from netra.intake.metadata import Malformed
from netra.intake.metadata import strip as strip_metadata
from netra.services import reference_data
from netra.services.case_documents import NoRecommendation, case_summary, recommendation_letter
from netra.services.case_exports import export_rows, to_csv, to_xlsx
from netra.services.case_queries import get_case, in_scope, list_cases, may_download_original
from netra.services.case_workflow import CaseNotFound, clocks_for, link_cases, related_cases, take_step
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, EvidenceRow
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)

CASE_STATUSES = tuple(s.value for s in State)
# Recommended but not (yet) sanctioned: the follow-up gap leaders must see (Pilkada 2024: 1,158 suspected, 19 sanctioned).
FOLLOW_UP_GAP = ("recommended_to_bkn", "verified_by_bkn", "validated_by_bawaslu", "sent_to_ppk", "not_followed_up",
                 "personnel_data_blocked")
VIEWS = ("all", "overdue", "due_soon", "gap")


def _filtered(request: Request, account: Account, status: str | None, view: str, limit: int = 200):
    db = request.app.state.db
    statuses = FOLLOW_UP_GAP if view == "gap" else ((status,) if status in CASE_STATUSES else None)
    cases = list_cases(db, account, statuses=statuses, limit=limit)
    clocks = clocks_for(db, [c.id for c in cases])
    if view == "overdue":
        cases = [c for c in cases if clocks.get(c.id) and clocks[c.id].overdue]
    elif view == "due_soon":
        cases = [c for c in cases if clocks.get(c.id) and clocks[c.id].due_soon and not clocks[c.id].overdue]
    return cases, clocks


@router.get("/perkara")
def worklist(request: Request, status: str | None = None, view: str = "all",
             account: Account = Depends(require_account)):
    cases, clocks = _filtered(request, account, status, view)
    return render(request, "cases_list.html", {
        "account": account, "cases": cases, "status": status or "", "statuses": CASE_STATUSES, "clocks": clocks,
        "view": view if view in VIEWS else "all", "views": VIEWS, "local_text": local_text})


@router.get("/ekspor/perkara.{fmt}")
def export_cases(fmt: str, request: Request, status: str | None = None, view: str = "all",
                 account: Account = Depends(require_account)):
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    cases, clocks = _filtered(request, account, status, view, limit=100_000)
    rows = export_rows(request.app.state.db, account, cases, clocks, {"status": status, "view": view})
    body, media = (to_csv(rows), "text/csv; charset=utf-8") if fmt == "csv" else (
        to_xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="perkara-netra.{fmt}"'})


@router.get("/perkara/{case_id}")
def case_page(case_id: RowId, request: Request, account: Account = Depends(require_account)):
    detail = get_case(request.app.state.db, account, case_id)
    if detail is None:
        raise HTTPException(404)
    return _detail(request, account, detail)


def _detail(request: Request, account: Account, detail, error: str | None = None, status_code: int = 200):
    db = request.app.state.db
    actions = allowed_actions(detail.summary.status, account.role.value)
    requires = {t.action: {r.value for r in t.requires} for t in TRANSITIONS}
    return render(request, "case_detail.html", {
        "account": account, "case": detail, "actions": actions, "requires": requires, "error": error,
        "clock": clocks_for(db, [detail.summary.id]).get(detail.summary.id), "local_text": local_text,
        "rules": list(reference_data.rulebook(db)), "destinations": DESTINATIONS,
        "related": related_cases(db, account, detail.summary.id) if account.role.value == "bawaslu" else [],
    }, status_code=status_code)


@router.post("/perkara/{case_id}/gabung")
async def link(case_id: RowId, request: Request, account: Account = Depends(require_account)):
    form = await request.form()
    other, version = form_int(form.get("other_id")), form_int(form.get("expected_version"))
    db = request.app.state.db
    try:
        if other is None or version is None:
            raise CaseNotFound(case_id)
        survivor = link_cases(db, account, case_id, other, version, str(form.get("reason") or ""))
    except CaseNotFound:
        raise HTTPException(404) from None
    except WorkflowError as exc:
        detail = get_case(db, account, case_id)
        if detail is None:
            raise HTTPException(404) from None
        return _detail(request, account, detail, error=str(exc), status_code=409)
    return RedirectResponse(f"/perkara/{survivor}?ok=link", status_code=303)


@router.post("/perkara/{case_id}/langkah", max_body_size=MAX_FILES * MAX_FILE_BYTES + 1024 * 1024)  # documents
async def take_action(case_id: RowId, request: Request, account: Account = Depends(require_account)):
    form = await request.form()
    text = lambda name: str(form.get(name) or "").strip()  # noqa: E731
    action = text("action")
    payload: dict = {}
    if rule_ids := [str(v) for v in form.getlist("rule_ids") if str(v).strip()]:
        payload["rule_ids"] = rule_ids
    for key in ("destination", "ppk", "rule_id"):
        if text(key):
            payload[key] = text(key)
    if text("sanction_level") or text("sanction_description"):
        payload["sanction"] = {"kind": text("sanction_kind"), "level": text("sanction_level"),
                               "description": text("sanction_description")}
    documents = [(f.filename or "", await f.read()) for f in form.getlist("documents")
                 if isinstance(f, UploadFile) and f.filename]
    settings = request.app.state.settings
    version = form_int(text("expected_version")) or 0
    try:
        take_step(request.app.state.db, EvidenceStore(settings.data_dir / "evidence"), account, case_id, action,
                  version, reason=text("reason"), public_reason=text("public_reason"), payload=payload,
                  documents=documents, now=datetime.now(timezone.utc))
    except CaseNotFound:
        raise HTTPException(404) from None
    except (WorkflowError, EvidenceRejected) as exc:
        detail = get_case(request.app.state.db, account, case_id)
        if detail is None:
            raise HTTPException(404) from None
        return _detail(request, account, detail, error=str(exc), status_code=409)
    return RedirectResponse(f"/perkara/{case_id}?ok={action}", status_code=303)


@router.get("/perkara/{case_id}/{document}.pdf")
def case_document(case_id: RowId, document: str, request: Request, account: Account = Depends(require_account)):
    makers = {"surat-rekomendasi": recommendation_letter, "ringkasan": case_summary}
    db = request.app.state.db
    detail = get_case(db, account, case_id)
    if detail is None or document not in makers:
        raise HTTPException(404)
    try:
        pdf = makers[document](detail, rulebook=reference_data.rulebook(db))
    except NoRecommendation:
        raise HTTPException(404) from None
    with db.transaction() as session:
        audit_log.append(session, f"user:{account.id}", "download", f"case:{case_id}", {"document": document})
    return Response(pdf, media_type="application/pdf",
                    headers={"content-disposition": f'attachment; filename="{document}-{case_id}.pdf"'})


@router.post("/perkara/{case_id}/identitas/{report_id}")
def reveal_identity(case_id: RowId, report_id: RowId, request: Request, account: Account = Depends(require_account)):
    """Showing a confidential reporter's identity is a deliberate, audited act."""
    detail = get_case(request.app.state.db, account, case_id, reveal_report_id=report_id)
    if detail is None:
        raise HTTPException(404)
    if not any(r.id == report_id and r.identity_visible for r in detail.reports):
        raise HTTPException(403)
    return _detail(request, account, detail)


@router.get("/perkara/{case_id}/bukti/{evidence_id}")
def download_evidence(case_id: RowId, evidence_id: RowId, request: Request, account: Account = Depends(require_account)):
    """Bawaslu gets the original, byte for byte (legal evidence, cited by its SHA-256); every other role gets a copy
    without metadata under a neutral name, or nothing for types that have no safe copy (issue 14, finding 2)."""
    db = request.app.state.db
    original = may_download_original(account)
    with db.transaction() as session:
        allowed = session.scalar(in_scope(select(CaseRow.id), account).where(CaseRow.id == case_id))
        row = session.scalar(select(EvidenceRow).where(EvidenceRow.id == evidence_id, EvidenceRow.case_id == case_id))
        if allowed is None or row is None:
            raise HTTPException(404)
        media_type, filename, digest = row.media_type, row.filename, row.sha256
    content = EvidenceStore(request.app.state.settings.data_dir / "evidence").read(digest)
    headers = {"x-evidence-sha256": digest}
    if original:
        name = download_name(filename, media_type)
    else:
        try:
            content = strip_metadata(content, media_type)
        except Malformed:
            content = None
        if content is None:
            raise HTTPException(403, "Berkas ini hanya dapat diunduh petugas Bawaslu: salinan tanpa metadata "
                                     "tidak dapat dibuat dengan aman.")
        name = download_name(f"bukti-{evidence_id}", media_type)
        headers = {"x-evidence-of-sha256": digest}  # the original's hash: a copy has its own bytes
    with db.transaction() as session:
        audit_log.append(session, account.actor, "download", f"evidence:{digest}",
                         {"case_id": case_id, "copy": "original" if original else "without metadata"})
    return Response(content, media_type=media_type,
                    headers={**headers, "content-disposition": f'attachment; filename="{name}"'})
