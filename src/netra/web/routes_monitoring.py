"""The monitoring queue for Bawaslu officers, and the screening API."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.services import screening_api, throttle
from netra.services.elections import election_choices
from netra.services.monitoring import QueueError, check_out, decide, my_items, queue_counts, screen_and_queue
from netra.web.params import RowId
from netra.web.rendering import render
from netra.web.screening_pool import Busy
from netra.web.security import require_account

router = APIRouter()
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_SCREEN_BODY = 1024 * 1024  # with 1,000 items at most: about 6 s of screening, the worst one request can ask


def _officer(account: Account = Depends(require_account)) -> Account:
    if account.role is not Role.BAWASLU:
        raise HTTPException(403)
    return account


def _page(request: Request, account: Account, message: str | None = None, error: str | None = None,
          status_code: int = 200):
    db = request.app.state.db
    return render(request, "monitoring_queue.html", {
        "account": account, "counts": queue_counts(db, account), "items": my_items(db, account),
        "message": message, "error": error, "elections": election_choices(request.app.state.db),
    }, status_code=status_code)


@router.get("/antrean", include_in_schema=False)
def queue_page(request: Request, account: Account = Depends(_officer)):
    return _page(request, account, message=request.query_params.get("pesan"))


@router.post("/antrean/ambil", include_in_schema=False)
def take_batch(request: Request, account: Account = Depends(_officer)):
    claimed = check_out(request.app.state.db, account, 10)
    return RedirectResponse(f"/antrean?pesan={len(claimed)}+item+diambil", status_code=303)


@router.post("/antrean/{item_id}/putuskan", include_in_schema=False)
async def decide_item(item_id: RowId, request: Request, account: Account = Depends(_officer)):
    form = await request.form()
    decision = str(form.get("decision") or "")
    try:
        case_id = decide(request.app.state.db, account, item_id, decision, str(form.get("reason") or ""))
    except QueueError as exc:
        return _page(request, account, error=str(exc), status_code=409)
    if case_id:
        return RedirectResponse(f"/perkara/{case_id}?ok=record_finding", status_code=303)
    return RedirectResponse("/antrean?pesan=Tanda+ditolak+dan+dicatat", status_code=303)


@router.post("/antrean/impor", include_in_schema=False, max_body_size=MAX_UPLOAD_BYTES + 1024 * 1024)
async def import_file(request: Request, account: Account = Depends(_officer)):
    """Upload JSON Lines in the `netra screen` input format; flagged items join the queue."""
    form = await request.form()
    upload = form.get("file")
    region, election = str(form.get("region_code") or ""), str(form.get("election_id") or "")
    if election not in election_choices(request.app.state.db):
        return _page(request, account, error="Pilih pemilihan.", status_code=422)
    if region not in account.scope and not any(region.startswith(s + ".") for s in account.scope):
        return _page(request, account, error="Wilayah bawaan harus berada dalam cakupan Anda.", status_code=422)
    if not isinstance(upload, UploadFile):
        return _page(request, account, error="Pilih berkas JSON Lines.", status_code=422)
    content = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        return _page(request, account, error="Berkas lebih dari 20 MB; gunakan `netra queue import`.", status_code=413)
    records, bad = [], []
    for n, line in enumerate(content.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError
            records.append(record)
        except ValueError:
            bad.append(n)
    summary = screen_and_queue(request.app.state.db, records, f"web:{account.username}:{upload.filename}",
                               election, default_region=region)
    message = (f"{summary.screened} disaring, {summary.queued} masuk antrean, {summary.duplicates} duplikat, "
               f"{len(summary.rejected) + len(bad)} baris ditolak"
               + (f" (baris JSON rusak: {', '.join(map(str, bad[:10]))})" if bad else ""))
    return _page(request, account, message=message)


class ScreenRequest(BaseModel):
    items: list[dict] = Field(..., max_length=screening_api.MAX_ITEMS,
                              description="Items in the `netra screen` input format: id, text (at most "
                                          f"{screening_api.MAX_TEXT:,} characters), source, author, created_at, "
                                          "region.")


def _monitor(account: Account = Depends(require_account)) -> Account:
    """Screening is Bawaslu's monitoring work: a signed-in officer or an API token with the bawaslu role."""
    if account.role is not Role.BAWASLU:
        raise HTTPException(403)
    return account


@router.post("/api/screen", tags=["screening"], max_body_size=MAX_SCREEN_BODY,
             responses={401: {"description": "Not signed in and no valid API token"},
                        403: {"description": "Not a monitoring (bawaslu) account"},
                        413: {"description": "Body over 1 MiB"},
                        429: {"description": "Too many requests from this account"},
                        503: {"description": "Every screening process is busy"}})
async def screen_api(body: ScreenRequest, request: Request, account: Account = Depends(_monitor)):
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
def import_api(body: QueueImport, request: Request, account: Account = Depends(_monitor)):
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
    records, positions, outside = [], [], []
    for n, record in enumerate(body.items, start=1):
        region = record.get("region") or body.region_code
        if not isinstance(region, str) or not account.may_see(region):
            outside.append(f"baris {n}: wilayah {str(region)[:13] or 'kosong'} di luar cakupan")
        else:
            records.append(record)
            positions.append(n)
    summary = screen_and_queue(db, records, f"api:{account.username}:{body.batch}"[:80], body.election_id,
                               default_region=body.region_code)
    # The service numbers the records it was given; name them by their place in the request instead.
    renumbered = [re.sub(r"^baris (\d+)", lambda m: f"baris {positions[int(m.group(1)) - 1]}", r)
                  for r in summary.rejected]
    return QueueImportOut(screened=summary.screened, queued=summary.queued, duplicates=summary.duplicates,
                          rejected=outside + renumbered)
