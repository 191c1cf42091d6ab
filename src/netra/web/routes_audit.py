"""The audit trail in the browser (/admin/audit): filter, page, export CSV and check the chain.

services/audit_trail decides what the reader may see (policy.audit_limit), builds the CSV through csv_safety and
runs the same check as `netra audit verify`; this module reads the filters and shows the results in Indonesian.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from netra.accounts.model import Account
from netra.accounts.policy import Capability, audit_limit, may
from netra.services import audit_trail
from netra.storage.repositories import RegionRepository
from netra.web.params import form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
PAGE = "/admin/audit"


def _reader(account: Account = Depends(require_account)) -> Account:
    if not may(account.role, Capability.READ_AUDIT):
        raise HTTPException(403)
    return account


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        raise ValueError("Tanggal tidak sah (gunakan format TTTT-BB-HH).") from None


def _filters(request: Request) -> tuple[audit_trail.Filters, dict, str | None]:
    q = {k: request.query_params.get(k, "")[:100] for k in ("siapa", "tindakan", "perkara", "wilayah", "dari", "sampai")}
    error = None
    case_id = form_int(q["perkara"])
    if q["perkara"].strip() and case_id is None:
        error = "Nomor perkara harus berupa angka."
    try:
        since, until = _day(q["dari"]), _day(q["sampai"])
    except ValueError as exc:
        since = until = None
        error = str(exc)
    action = q["tindakan"] if q["tindakan"] in audit_trail.ACTIONS else ""
    return audit_trail.Filters(q["siapa"].strip(), action, case_id, q["wilayah"].strip(), since, until), q, error


def _page(request: Request, account: Account, check=None):
    filters, query, error = _filters(request)
    db = request.app.state.db
    listing = audit_trail.listed(db, account, filters, form_int(request.query_params.get("halaman")) or 1)
    with db.transaction() as session:
        regions = RegionRepository(session).within(account.scope)
    national = audit_limit(account) is None
    return render(request, "admin_audit.html", {
        "account": account, "listing": listing, "q": query, "error": error, "actions": audit_trail.ACTIONS,
        "regions": regions if len(regions) <= 600 else [], "national": national, "check": check,
        "problem_id": audit_trail.problem_id, "export_query": request.url.query,
    }, status_code=422 if error else 200)


@router.get(PAGE)
def audit_page(request: Request, account: Account = Depends(_reader)):
    return _page(request, account)


@router.get(PAGE + ".csv")
def audit_export(request: Request, account: Account = Depends(_reader)):
    filters, _, error = _filters(request)
    if error:
        return _page(request, account)
    text, _ = audit_trail.export_csv(request.app.state.db, account, filters)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="jejak-audit.csv"'})


@router.post(PAGE + "/periksa")
def audit_check(request: Request, account: Account = Depends(_reader)):
    settings = request.app.state.settings
    check = audit_trail.verify(request.app.state.db, settings.audit_key(), settings.checkpoint_file)
    return _page(request, account, check=check)
