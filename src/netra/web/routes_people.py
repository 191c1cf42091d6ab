"""The civil-servant register on the web: import (administrators, BKN), NIP lookup, the person page, who a case is
about (link, unlink, suggestions), repeat offenders, and BKN's follow-up acts and export."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from netra.accounts.model import Account
from netra.accounts.policy import PERSONAL
from netra.accounts.roles import Role
from netra.intake.evidence import MAX_FILE_BYTES, EvidenceRejected
from netra.people.followup import FollowUpKind, FollowUpRefused
from netra.services import reference_data
from netra.services.case_exports import to_csv, to_xlsx
from netra.services.case_queries import case_ids
from netra.services.case_workflow import CaseNotFound
from netra.services.people.follow_up import BKN_COLUMNS, bkn_rows, record_follow_up
from netra.services.people.links import LINKERS, LinkRefused, case_link, link_person
from netra.services.people.person import person_page, register_size, repeats, visible_person_by_nip
from netra.services.people.register import IMPORTERS, ImportRefused, import_register
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import RegisterImportRow
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
MAX_UPLOAD = 200 * 1024 * 1024  # larger registers go through `netra people import`
GAP = ("recommended_to_bkn", "verified_by_bkn", "validated_by_bawaslu", "sent_to_ppk", "not_followed_up",
       "personnel_data_blocked")


def _importer(account: Account = Depends(require_account)) -> Account:
    if account.role not in IMPORTERS:
        raise HTTPException(403)
    return account


def _import_page(request: Request, account: Account, result=None, error: str | None = None, reason: str = "",
                 status_code: int = 200):
    db = request.app.state.db
    with db.transaction() as session:
        imports = session.scalars(select(RegisterImportRow).order_by(RegisterImportRow.id.desc()).limit(20)).all()
    return render(request, "people_import.html", {
        "account": account, "result": result, "error": error, "reason": reason, "imports": imports,
        "size": register_size(db)}, status_code=status_code)


@router.get("/pegawai/impor")
def import_form(request: Request, account: Account = Depends(_importer)):
    return _import_page(request, account)


@router.post("/pegawai/impor", max_body_size=MAX_UPLOAD + 1024 * 1024)  # the whole app is capped at 1 MiB
async def import_upload(request: Request, account: Account = Depends(_importer)):
    form = await request.form()
    upload, reason = form.get("file"), str(form.get("reason") or "")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _import_page(request, account, error="Pilih berkas CSV atau XLSX.", reason=reason, status_code=422)
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".txt"):
        return _import_page(request, account, error="Berkas harus CSV atau XLSX.", reason=reason, status_code=422)
    with tempfile.TemporaryDirectory(prefix="netra-register-") as folder:
        path = Path(folder) / f"upload{suffix}"
        size = 0
        with path.open("wb") as out:
            while chunk := await upload.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    return _import_page(request, account, reason=reason, status_code=413, error=(
                        "Berkas lebih dari 200 MB; impor lewat perintah `netra people import`."))
                out.write(chunk)
        try:  # parsing and merging block: off the event loop
            result = await run_in_threadpool(import_register, request.app.state.db, account, path, reason,
                                             filename=upload.filename)
        except ImportRefused as exc:
            return _import_page(request, account, error=str(exc), reason=reason, status_code=422)
    return _import_page(request, account, result=result)


@router.get("/pegawai")
def lookup(request: Request, nip: str = "", account: Account = Depends(require_account)):
    if account.role not in PERSONAL:
        raise HTTPException(403)
    from netra.people.nip import clean_nip

    wanted = clean_nip(nip)
    person_id = visible_person_by_nip(request.app.state.db, account, wanted) if wanted else None
    if person_id is not None:
        return RedirectResponse(f"/pegawai/{person_id}", status_code=303)
    return render(request, "people_lookup.html", {"account": account, "nip": nip, "searched": bool(wanted)},
                  status_code=404 if wanted else 200)


@router.get("/pegawai/{person_id}")
def person(person_id: RowId, request: Request, account: Account = Depends(require_account)):
    page = person_page(request.app.state.db, account, person_id)
    if page is None:
        raise HTTPException(404)
    return render(request, "person_page.html", {"account": account, "page": page, "kinds": FollowUpKind})


def _election(request: Request, chosen: str | None) -> tuple[str | None, dict[str, str]]:
    choices = {e.id: e.name.id for e in reference_data.elections(request.app.state.db)}
    return (chosen if chosen in choices else None), choices


@router.get("/perkara/berulang")
def repeat_offenders(request: Request, election: str | None = None, account: Account = Depends(require_account)):
    chosen, choices = _election(request, election)
    people, offices = repeats(request.app.state.db, account, chosen)
    return render(request, "people_repeats.html", {
        "account": account, "people": people, "offices": offices, "election": chosen or "", "elections": choices})


@router.get("/dasbor/berulang")
def repeat_widget(request: Request, election: str | None = None, account: Account = Depends(require_account)):
    """The dashboard's repeat-offender panel (HTMX partial)."""
    chosen, _ = _election(request, election)
    people, offices = repeats(request.app.state.db, account, chosen, limit=5)
    return render(request, "people_repeats_widget.html", {"account": account, "people": people, "offices": offices,
                                                          "election": chosen or ""})


@router.get("/perkara/{case_id}/pegawai")
def case_person_panel(case_id: RowId, request: Request, account: Account = Depends(require_account),
                      error: str | None = None, status_code: int = 200):
    """Who the case is about (HTMX partial of the case page, also a page of its own without script)."""
    try:
        link = case_link(request.app.state.db, account, case_id)
    except CaseNotFound:
        raise HTTPException(404) from None
    return render(request, "case_person.html", {
        "account": account, "case_id": case_id, "link": link, "error": error, "may_link": account.role in LINKERS,
        "personal": account.role in PERSONAL, "kinds": list(FollowUpKind),
        "partial": request.headers.get("hx-request") == "true"}, status_code=status_code)


@router.post("/perkara/{case_id}/pegawai")
async def link(case_id: RowId, request: Request, account: Account = Depends(require_account)):
    form = await request.form()
    raw = str(form.get("person_id") or "")
    try:
        await run_in_threadpool(link_person, request.app.state.db, account, case_id,
                                # empty: unlink; anything typed that is no row id finds no one (never unlinks)
                                (form_int(raw) or 0) if raw.strip() else None, str(form.get("reason") or ""))
    except CaseNotFound:
        raise HTTPException(404) from None
    except LinkRefused as exc:
        return case_person_panel(case_id, request, account, error=str(exc), status_code=409)
    return RedirectResponse(f"/perkara/{case_id}?ok={'link_person' if raw else 'unlink_person'}", status_code=303)


@router.post("/perkara/{case_id}/tindak-lanjut-bkn", max_body_size=MAX_FILE_BYTES + 1024 * 1024)  # one document
async def follow_up(case_id: RowId, request: Request, account: Account = Depends(require_account)):
    form = await request.form()
    upload = form.get("document")
    document = (upload.filename, await upload.read()) if isinstance(upload, UploadFile) and upload.filename else None
    try:
        on = date.fromisoformat(str(form.get("on_date") or "")) if form.get("on_date") else None
    except ValueError:
        on = None
    store = EvidenceStore(request.app.state.settings.data_dir / "evidence")
    try:
        await run_in_threadpool(record_follow_up, request.app.state.db, store, account, case_id,
                                str(form.get("kind") or ""), on, str(form.get("document_number") or ""),
                                str(form.get("note") or ""), document)
    except CaseNotFound:
        raise HTTPException(404) from None
    except (FollowUpRefused, EvidenceRejected) as exc:
        return case_person_panel(case_id, request, account, error=str(exc), status_code=409)
    return RedirectResponse(f"/perkara/{case_id}?ok=bkn_follow_up", status_code=303)


@router.get("/ekspor/tindak-lanjut-bkn.{fmt}")
def export_follow_up(fmt: str, request: Request, account: Account = Depends(require_account)):
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    if account.role is not Role.BKN:
        raise HTTPException(403)
    db = request.app.state.db
    statuses = GAP + ("sanction_imposed", "closed")
    ids = case_ids(db, account, statuses)
    rows = bkn_rows(db, account, ids)
    body, media = (to_csv(rows, BKN_COLUMNS), "text/csv; charset=utf-8") if fmt == "csv" else (
        to_xlsx(rows, BKN_COLUMNS, "Tindak lanjut BKN"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="tindak-lanjut-bkn.{fmt}"'})
