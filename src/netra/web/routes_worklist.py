"""The officers' worklist (/perkara): search, sort, pages, the "menunggu saya" view and Bawaslu's bulk actions;
and the case page's handling part (assignee, internal comments, evidence previews), loaded into the case page.

Query parameters arrive as text and are checked here: a bad one is named in an Indonesian message (400) and the
list shows with the defaults, never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.policy import Capability, case_view, may
from netra.cases import WorkflowError, local_text
from netra.services import case_assignment, case_bulk
from netra.services.case_queries import (
    CASE_STATUSES, PAGE_SIZE, PAGE_SIZES, SORTS, VIEWS, BadSearch, get_case, worklist as read_worklist,
)
from netra.services.case_workflow import CaseNotFound
from netra.services.evidence_previews import preview_png, previewable
from netra.services.people.follow_up import follow_up_label, latest_acts
from netra.services.people.person import repeat_counts
from netra.storage.evidence_store import EvidenceStore
from netra.web.forms import form_data, text
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
MAX_PAGE = 10**6


@dataclass
class Params:
    view: str = "all"
    status: str = ""
    search: str = ""
    sort: str = ""
    descending: bool = False
    page: int = 1
    per_page: int = PAGE_SIZE
    errors: list[str] = field(default_factory=list)

    def link(self, **changes) -> str:
        """The worklist URL with these filters (and `changes`), for page and sort links that keep the filters."""
        values = {"view": self.view, "status": self.status, "cari": self.search, "urut": self.sort,
                  "arah": "turun" if self.descending else "",
                  "per": self.per_page if self.per_page != PAGE_SIZE else "",
                  "halaman": self.page}
        values.update(changes)
        return "/perkara?" + urlencode({k: v for k, v in values.items() if v not in ("", None, 1) or k == "view"})


def parse(query) -> Params:
    p = Params()
    view = query.get("view") or "all"
    if view in VIEWS:
        p.view = view
    else:
        p.errors.append(f"Tampilan '{view[:40]}' tidak dikenal; yang tersedia: {', '.join(VIEWS)}.")
    status = query.get("status") or ""
    if status and status not in CASE_STATUSES:
        p.errors.append(f"Status '{status[:40]}' tidak dikenal.")
    else:
        p.status = status
    p.search = " ".join((query.get("cari") or "").split())[:100]
    sort = query.get("urut") or ""
    if sort and sort not in SORTS:
        p.errors.append(f"Urutan '{sort[:40]}' tidak dikenal; pilih: {', '.join(SORTS)}.")
    else:
        p.sort = sort
    direction = query.get("arah") or "naik"
    if direction not in ("naik", "turun"):
        p.errors.append("Arah urutan harus 'naik' atau 'turun'.")
    p.descending = direction == "turun"
    page = query.get("halaman") or "1"
    number = form_int(page)
    if number is None or number < 1:
        p.errors.append(f"Nomor halaman '{page[:40]}' tidak sah: gunakan bilangan bulat mulai 1.")
    else:
        p.page = min(number, MAX_PAGE)
    per = query.get("per") or str(PAGE_SIZE)
    if form_int(per) in PAGE_SIZES:
        p.per_page = int(per)
    else:
        p.errors.append(f"Jumlah baris per halaman '{per[:40]}' tidak sah; pilih: "
                        f"{', '.join(str(s) for s in PAGE_SIZES)}.")
    return p


def _page_numbers(page: int, pages: int) -> list[int]:
    """First, last and a window around the current page."""
    return sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})


@router.get("/perkara")
def worklist(request: Request, account: Account = Depends(require_account)):
    return _list(request, account, parse(request.query_params))


def _list(request: Request, account: Account, p: Params, outcome: case_bulk.BulkOutcome | None = None,
          error: str = "", status_code: int = 200):
    db = request.app.state.db
    try:
        found = read_worklist(db, account, p.view, p.status or None, page=p.page, per_page=p.per_page,
                              search=p.search, sort=p.sort, descending=p.descending)
    except BadSearch as exc:
        p.errors.append(str(exc))
        p.search = ""
        found = read_worklist(db, account, p.view, p.status or None, page=p.page, per_page=p.per_page,
                              sort=p.sort, descending=p.descending)
    p.page = found.page
    ids = [c.id for c in found.cases]
    return render(request, "cases_list.html", {
        "account": account, "worklist": found, "cases": found.cases, "clocks": found.clocks, "p": p,
        "status": p.status, "statuses": CASE_STATUSES, "view": p.view, "views": VIEWS, "sorts": SORTS,
        "page_sizes": PAGE_SIZES, "page_numbers": _page_numbers(found.page, found.pages), "local_text": local_text,
        "bulk": may(account.role, Capability.LINK_CASES), "outcome": outcome, "error": error,
        "acts": latest_acts(db, ids) if p.view == "gap" else {},
        "follow_up_label": follow_up_label, "repeated": repeat_counts(db, ids)},
        status_code=400 if p.errors else status_code)


def _selection(form: FormData) -> dict[int, int]:
    """Checked rows arrive as "<case id>:<version shown>"."""
    chosen = {}
    for value in form.getlist("pilih"):
        case_id, _, version = str(value).partition(":")
        case_id, version = form_int(case_id), form_int(version)
        if case_id and version:
            chosen[case_id] = version
    return chosen


@router.post("/perkara/massal")
def bulk(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    p = parse({k: text(form, k) for k in ("view", "status", "cari", "urut", "arah", "halaman", "per")})
    p.errors.clear()  # the list the officer came from; its filters were checked when it was shown
    chosen, action = _selection(form), text(form, "tindakan")
    try:
        if not chosen:
            raise WorkflowError("Belum ada perkara yang dipilih.")
        if action == "register":
            outcome = case_bulk.register(request.app.state.db, account, chosen,
                                         public_reason=text(form, "public_reason"))
        elif action == "link":
            outcome = case_bulk.link(request.app.state.db, account, chosen, reason=text(form, "reason"))
        else:
            raise WorkflowError("Tindakan massal tidak dikenal: pilih registrasi atau penggabungan.")
    except WorkflowError as exc:
        return _list(request, account, p, error=str(exc), status_code=409)
    return _list(request, account, p, outcome=outcome, status_code=200 if outcome.done else 409)


# ---------------------------------------------------------------- the case page's handling part


@router.get("/perkara/{case_id}/penanganan")
def handling(case_id: RowId, request: Request, account: Account = Depends(require_account), error: str = ""):
    db = request.app.state.db
    detail = get_case(db, account, case_id)
    if detail is None:
        raise HTTPException(404)
    data_dir = request.app.state.settings.data_dir
    store = EvidenceStore(data_dir / "evidence")
    allowed = case_view(account.role).evidence_previews
    shown = [e for e in detail.evidence if previewable(e.media_type)] if allowed else []
    return render(request, "case_handling.html", {
        "account": account, "case": detail, "error": error[:300],
        "partial": request.headers.get("hx-request") == "true",
        "assignee": case_assignment.assignee_name(db, account, case_id),
        "officers": case_assignment.assignable(db, account, case_id),
        "comments": case_assignment.comments(db, account, case_id),
        # Made (or read from the cache) now, so a file that cannot be drawn gets a sentence, not a broken image.
        "previews": [(e, preview_png(store, data_dir / "previews", e.sha256, e.media_type) is not None)
                     for e in shown]})


def _back(case_id: int, error: str = "") -> RedirectResponse:
    query = "?" + urlencode({"error": error}) if error else ""
    return RedirectResponse(f"/perkara/{case_id}/penanganan{query}" if error else f"/perkara/{case_id}", 303)


@router.post("/perkara/{case_id}/tugas")
def assign(case_id: RowId, request: Request, form: FormData = Depends(form_data),
           account: Account = Depends(require_account)):
    wanted = text(form, "assignee_id")
    assignee = form_int(wanted) if wanted else None
    try:
        if wanted and not assignee:
            raise WorkflowError("Pilih petugas dari daftar.")
        case_assignment.assign(request.app.state.db, account, case_id, assignee)
    except CaseNotFound:
        raise HTTPException(404) from None
    except WorkflowError as exc:
        return _back(case_id, str(exc))
    return _back(case_id)


@router.post("/perkara/{case_id}/komentar")
def add_comment(case_id: RowId, request: Request, form: FormData = Depends(form_data),
                account: Account = Depends(require_account)):
    try:
        case_assignment.comment(request.app.state.db, account, case_id, str(form.get("body") or ""))
    except CaseNotFound:
        raise HTTPException(404) from None
    except WorkflowError as exc:
        return _back(case_id, str(exc))
    return _back(case_id)


@router.get("/perkara/{case_id}/bukti/{evidence_id}/pratinjau.png")
def evidence_preview(case_id: RowId, evidence_id: RowId, request: Request,
                     account: Account = Depends(require_account)):
    """A small PNG of an image (from its metadata-free copy) or of a PDF's first page, made once and cached."""
    detail = get_case(request.app.state.db, account, case_id)
    evidence = next((e for e in detail.evidence if e.id == evidence_id), None) if detail else None
    if evidence is None or not case_view(account.role).evidence_previews or not previewable(evidence.media_type):
        raise HTTPException(404)
    data_dir = request.app.state.settings.data_dir
    png = preview_png(EvidenceStore(data_dir / "evidence"), data_dir / "previews", evidence.sha256,
                      evidence.media_type)
    if png is None:
        raise HTTPException(404)
    return Response(png, media_type="image/png", headers={"cache-control": "private, max-age=86400"})
