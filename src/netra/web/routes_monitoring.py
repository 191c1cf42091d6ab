"""The monitoring queue for Bawaslu officers, and the screening API."""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field
from starlette.datastructures import FormData, UploadFile

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.screening import Item, ItemError
from netra.screening.runner import read_jsonl
from netra.services import reference_data
from netra.services.elections import election_choices
from netra.services.monitoring import QueueError, check_out, decide, my_items, queue_counts, screen_and_queue
from netra.web.forms import form_data, text
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter()
MAX_API_ITEMS = 1000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _officer(account: Account = Depends(require_account)) -> Account:
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
def decide_item(item_id: int, request: Request, form: FormData = Depends(form_data),
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


@router.post("/antrean/impor", include_in_schema=False)
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
    items: list[dict] = Field(..., max_length=MAX_API_ITEMS,
                              description="Items in the `netra screen` input format: id, text, source, author, "
                                          "created_at, region.")


@router.post("/api/screen", tags=["screening"])
def screen_api(body: ScreenRequest, request: Request):
    """Screen up to 1,000 items; one result per item, in order (the `netra screen` output format). Items that
    are malformed come back as {"id", "error"} in their place. Nothing is stored."""
    results: list[dict] = []
    valid: list[tuple[int, Item]] = []
    for i, raw in enumerate(body.items):
        try:
            valid.append((i, Item.from_dict(raw)))
            results.append({})
        except (ItemError, TypeError, ValueError) as exc:
            results.append({"id": str(raw.get("id", "")) if isinstance(raw, dict) else "", "error": str(exc)})
    screener = reference_data.screener(request.app.state.db)
    for (i, _), result in zip(valid, screener.screen_many(item for _, item in valid)):
        results[i] = result.to_dict()
    return {"results": results, "screened_at": datetime.now(timezone.utc).isoformat()}
