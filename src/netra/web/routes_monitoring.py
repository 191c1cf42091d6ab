"""The monitoring queue for Bawaslu officers, and the screening API."""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from starlette.datastructures import FormData, UploadFile

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.screening.runner import read_jsonl
from netra.services import screening_api, throttle
from netra.services.elections import election_choices
from netra.services.monitoring import QueueError, check_out, decide, my_items, queue_counts, screen_and_queue
from netra.web.forms import form_data, text
from netra.web.params import RowId
from netra.web.rendering import render
from netra.web.screening_pool import Busy
from netra.web.security import require_account

router = APIRouter()
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_SCREEN_BODY = 1024 * 1024  # with 1,000 items at most: about 6 s of screening, the worst one request can ask


def _officer(account: Account = Depends(require_account)) -> Account:
    """Monitoring work (accounts.policy: the queue's capability): a signed-in officer, or an API token of such a
    role for /api/screen and /api/antrean/impor (issue 14, finding 1)."""
    if not may(account.role, Capability.REVIEW_QUEUE):
        raise HTTPException(403)
    return account


def _page(request: Request, account: Account, message: str | None = None, error: str | None = None,
          status_code: int = 200, rejected: list[str] | None = None):
    db = request.app.state.db
    return render(request, "monitoring_queue.html", {
        "account": account, "counts": queue_counts(db, account), "items": my_items(db, account),
        "message": message, "error": error, "elections": election_choices(request.app.state.db),
        "rejected": rejected or [],
    }, status_code=status_code)


@router.get("/antrean", include_in_schema=False)
def queue_page(request: Request, account: Account = Depends(_officer)):
    return _page(request, account, message=request.query_params.get("pesan"))


@router.post("/antrean/ambil", include_in_schema=False)
def take_batch(request: Request, account: Account = Depends(_officer)):
    claimed = check_out(request.app.state.db, account, 10)
    return RedirectResponse(f"/antrean?pesan={len(claimed)}+item+diambil", status_code=303)


@router.post("/antrean/{item_id}/putuskan", include_in_schema=False)
def decide_item(item_id: RowId, request: Request, form: FormData = Depends(form_data),
                account: Account = Depends(_officer)):
    decision = text(form, "decision")
    try:
        case_id = decide(request.app.state.db, account, item_id, decision, text(form, "reason"),
                         dismiss_kind=text(form, "dismiss_kind") or "not_an_act")
    except QueueError as exc:
        return _page(request, account, error=str(exc), status_code=409)
    if case_id:
        return RedirectResponse(f"/perkara/{case_id}?ok=record_finding", status_code=303)
    return RedirectResponse("/antrean?pesan=Tanda+ditolak+dan+dicatat", status_code=303)


@router.post("/antrean/impor", include_in_schema=False, max_body_size=MAX_UPLOAD_BYTES + 1024 * 1024)
def import_file(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_officer)):
    """Upload JSON Lines in the `netra screen` input format; flagged items join the queue."""
    upload = form.get("file")
    region, election = text(form, "region_code"), text(form, "election_id")
    if election not in election_choices(request.app.state.db):
        return _page(request, account, error="Pilih pemilihan.", status_code=422)
    if not account.may_see(region):
        return _page(request, account, error="Wilayah bawaan harus berada dalam cakupan Anda.", status_code=422)
    if not isinstance(upload, UploadFile):
        return _page(request, account, error="Pilih berkas JSON Lines.", status_code=422)
    upload.file.seek(0, 2)
    if upload.file.tell() > MAX_UPLOAD_BYTES:
        return _page(request, account, error="Berkas lebih dari 20 MB; gunakan `netra queue import`.", status_code=413)
    upload.file.seek(0)
    summary = screen_and_queue(request.app.state.db, list(read_jsonl(upload.file)),
                               f"web:{account.username}:{upload.filename}", election, default_region=region,
                               account=account)
    message = (f"{summary.screened} disaring, {summary.queued} masuk antrean (dan {summary.sampled} sampel acak "
               f"yang tidak ditandai), {summary.duplicates} duplikat, "
               f"{len(summary.rejected)} baris ditolak")
    return _page(request, account, message=message, rejected=summary.rejected)


class ScreenRequest(BaseModel):
    items: list[dict] = Field(..., max_length=screening_api.MAX_ITEMS,
                              description="Items in the `netra screen` input format: id, text (at most "
                                          f"{screening_api.MAX_TEXT:,} characters), source, author, created_at, "
                                          "region.")


@router.post("/api/screen", tags=["screening"], max_body_size=MAX_SCREEN_BODY,
             responses={401: {"description": "Not signed in and no valid API token"},
                        403: {"description": "Not a monitoring (bawaslu) account"},
                        413: {"description": "Body over 1 MiB"},
                        429: {"description": "Too many requests from this account"},
                        503: {"description": "Every screening process is busy"}})
async def screen_api(body: ScreenRequest, request: Request, account: Account = Depends(_officer)):
    """Screen up to 1,000 items (1 MiB of JSON); one result per item, in order (the `netra screen` output
    format). Items that are malformed or too long come back as {"id", "error"} in their place. Nothing is
    stored. Needs a bawaslu session or `Authorization: Bearer <API token>`; rate-limited per account."""
    wait = await run_in_threadpool(throttle.take, request.app.state.db, request.app.state.screen_limit,
                                   account.actor)
    if wait is not None:
        return JSONResponse({"detail": f"Terlalu banyak permintaan; coba lagi dalam {int(wait) + 1} detik."},
                            status_code=429, headers={"retry-after": str(int(wait) + 1)})
    try:
        results = await request.app.state.screening.screen(body.items)
    except Busy:
        return JSONResponse({"detail": "Semua proses penyaringan sedang sibuk; coba lagi sebentar lagi."},
                            status_code=503, headers={"retry-after": "5"})
    return {"results": results, "screened_at": datetime.now(timezone.utc).isoformat()}


class QueueImport(BaseModel):
    election_id: str = Field(..., max_length=40)
    region_code: str | None = Field(None, max_length=13, description="Region of items that name none.")
    batch: str = Field(..., min_length=1, max_length=60, description="Re-sending a batch adds nothing twice.")
    items: list[dict] = Field(..., max_length=screening_api.MAX_ITEMS)


class QueueImportOut(BaseModel):
    screened: int
    queued: int
    duplicates: int
    rejected: list[str]


@router.post("/api/antrean/impor", tags=["screening"], response_model=QueueImportOut,
             max_body_size=MAX_UPLOAD_BYTES + 1024 * 1024,
             responses={401: {"description": "Not signed in and no valid API token"},
                        403: {"description": "Not a monitoring (bawaslu) account"},
                        422: {"description": "Unknown election, or a region outside the caller's scope"},
                        429: {"description": "Too many requests from this account"}})
def import_api(body: QueueImport, request: Request, account: Account = Depends(_officer)):
    """Screen up to 1,000 items and queue the flagged ones for review, for machine clients with an API token
    (`Authorization: Bearer <token>`) of the bawaslu role. Items naming a region outside the token's scope are
    refused, each with its position."""
    db = request.app.state.db
    if (wait := throttle.take(db, request.app.state.screen_limit, account.actor)) is not None:
        return JSONResponse({"detail": f"Terlalu banyak permintaan; coba lagi dalam {int(wait) + 1} detik."},
                            status_code=429, headers={"retry-after": str(int(wait) + 1)})
    if body.election_id not in election_choices(db):
        return JSONResponse({"detail": "Pemilihan tidak dikenal."}, status_code=422)
    if body.region_code and not account.may_see(body.region_code):
        return JSONResponse({"detail": "Wilayah bawaan harus berada dalam cakupan token."}, status_code=422)
    # Each record outside the token's scope is refused by its line, as for an officer's import (finding 5).
    summary = screen_and_queue(db, body.items, f"api:{account.username}:{body.batch}"[:80], body.election_id,
                               default_region=body.region_code, account=account)
    return QueueImportOut(screened=summary.screened, queued=summary.queued, duplicates=summary.duplicates,
                          rejected=summary.rejected)
