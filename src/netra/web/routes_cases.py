"""Officers' case pages: worklist, case detail, reporter identity on explicit request, evidence download.

What a role sees comes cut from netra.services.case_queries (netra.accounts.policy decides); what it may do comes
from the workflow table and the policy's capabilities. Handlers are plain functions: FastAPI runs them in its
thread pool, so the database, fsyncs and PDF rendering never block the event loop.
"""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.policy import Capability, case_view, may
from netra.cases import DESTINATIONS, TRANSITIONS, IncompleteCase, WorkflowError, allowed_actions, local_text
from netra.intake.evidence import MAX_FILE_BYTES, MAX_FILES, EvidenceRejected
from netra.intake.metadata import Malformed
from netra.intake.metadata import strip as strip_metadata
from netra.services import reference_data
from netra.services.case_documents import NoRecommendation, case_summary, decided_under, recommendation_letter
from netra.services.case_exports import export_rows, to_csv, to_xlsx
from netra.services.case_queries import VIEWS, evidence_view, get_case, worklist as read_worklist
from netra.services.case_workflow import CaseNotFound, clocks_for, link_cases, related_cases, take_step
from netra.services.unit_of_work import unit_of_work
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import EvidenceRow
from netra.web.case_page import page_context
from netra.web.forms import form_data, text, uploads
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)


def _view(view: str) -> str:
    return view if view in VIEWS else "all"


@router.get("/ekspor/perkara.{fmt}")
def export_cases(fmt: str, request: Request, status: str | None = None, view: str = "all",
                 account: Account = Depends(require_account)):
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    if not may(account.role, Capability.EXPORT_CASES):
        raise HTTPException(403)
    db = request.app.state.db
    rows = export_rows(db, account, read_worklist(db, account, _view(view), status, per_page=None),
                       {"status": status, "view": view})
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
        "destinations": DESTINATIONS, **page_context(db, account, detail),
        "documents": case_view(account.role).documents,
        "related": related_cases(db, account, detail.summary.id) if may(account.role, Capability.LINK_CASES) else [],
    }, status_code=status_code)


def _refused(request: Request, account: Account, case_id: int, error: str):
    detail = get_case(request.app.state.db, account, case_id)
    if detail is None:
        raise HTTPException(404)
    return _detail(request, account, detail, error=error, status_code=409)


@router.post("/perkara/{case_id}/gabung")
def link(case_id: RowId, request: Request, form: FormData = Depends(form_data),
         account: Account = Depends(require_account)):
    other, version = form_int(text(form, "other_id")), form_int(text(form, "expected_version"))
    try:
        if other is None or version is None:
            raise CaseNotFound(case_id)
        survivor = link_cases(request.app.state.db, account, case_id, other, version, text(form, "reason"))
    except CaseNotFound:
        raise HTTPException(404) from None
    except WorkflowError as exc:
        return _refused(request, account, case_id, str(exc))
    return RedirectResponse(f"/perkara/{survivor}?ok=link", status_code=303)


@router.post("/perkara/{case_id}/langkah", max_body_size=MAX_FILES * MAX_FILE_BYTES + 1024 * 1024)  # documents
def take_action(case_id: RowId, request: Request, form: FormData = Depends(form_data),
                account: Account = Depends(require_account)):
    action = text(form, "action")
    payload: dict = {}
    if rule_ids := [str(v) for v in form.getlist("rule_ids") if str(v).strip()]:
        payload["rule_ids"] = rule_ids
    for key in ("destination", "ppk", "rule_id"):
        if text(form, key):
            payload[key] = text(form, key)
    kind, _, level = text(form, "sanction").partition("/")  # one choice: "discipline/berat" (case_actions.html)
    if kind or text(form, "sanction_description"):
        payload["sanction"] = {"kind": kind, "level": level, "description": text(form, "sanction_description")}
    settings = request.app.state.settings
    version = form_int(text(form, "expected_version")) or 0
    try:
        take_step(request.app.state.db, EvidenceStore(settings.data_dir / "evidence"), account, case_id, action,
                  version, reason=text(form, "reason"), public_reason=text(form, "public_reason"), payload=payload,
                  documents=uploads(form, "documents"), now=datetime.now(timezone.utc))
    except CaseNotFound:
        raise HTTPException(404) from None
    except (WorkflowError, EvidenceRejected) as exc:
        return _refused(request, account, case_id, str(exc))
    return RedirectResponse(f"/perkara/{case_id}?ok={action}", status_code=303)


@router.get("/perkara/{case_id}/{document}.pdf")
def case_document(case_id: RowId, document: str, request: Request, account: Account = Depends(require_account)):
    makers = {"surat-rekomendasi": recommendation_letter, "ringkasan": case_summary}
    db = request.app.state.db
    detail = get_case(db, account, case_id)
    if detail is None or document not in makers:
        raise HTTPException(404)
    if document not in case_view(account.role).documents:
        raise HTTPException(403)
    try:
        # cited as in force when the case was decided (the letter: when it was recommended), not as corrected since
        pinned = decided_under(detail, "recommend" if document == "surat-rekomendasi" else None)
        pdf = makers[document](detail, rulebook=reference_data.rulebook_at(db, pinned))
    except NoRecommendation:
        raise HTTPException(404) from None
    except IncompleteCase as exc:
        return _refused(request, account, case_id, str(exc))
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
    if not any(r.id == report_id and r.confidential and r.reporter is not None for r in detail.reports):
        raise HTTPException(403)
    return _detail(request, account, detail)


@router.get("/perkara/{case_id}/bukti/{evidence_id}")
def download_evidence(case_id: RowId, evidence_id: RowId, request: Request, account: Account = Depends(require_account)):
    """Bawaslu gets the original, byte for byte (legal evidence, cited by its SHA-256); every other role gets a copy
    without metadata under a neutral name, or nothing for types that have no safe copy (issue 14, finding 2)."""
    db = request.app.state.db
    with unit_of_work(db) as uow:
        row = uow.session.get(EvidenceRow, evidence_id)
        if row is None or row.case_id != case_id or uow.cases.find(case_id, account) is None:
            raise HTTPException(404)
        evidence = evidence_view(account, row)
    content = EvidenceStore(request.app.state.settings.data_dir / "evidence").read(evidence.sha256)
    headers = {"x-evidence-sha256": evidence.sha256}
    if not evidence.original:
        try:
            content = strip_metadata(content, evidence.media_type)
        except Malformed:
            content = None
        if content is None:
            raise HTTPException(403, "Berkas ini hanya dapat diunduh petugas Bawaslu: salinan tanpa metadata "
                                     "tidak dapat dibuat dengan aman.")
        headers = {"x-evidence-of-sha256": evidence.sha256}  # the original's hash: a copy has its own bytes
    # Audited once the download is certain to be served (a refused copy is not a download).
    with db.transaction() as session:
        audit_log.append(session, f"user:{account.id}", "download", f"evidence:{evidence.sha256}",
                         {"case_id": case_id, "copy": "original" if evidence.original else "without metadata"})
    return Response(content, media_type=evidence.media_type,
                    headers={**headers, "content-disposition": f'attachment; filename="{evidence.filename}"'})
