"""The public report form (no login), the receipt, and the reporter's status page."""

from __future__ import annotations

import logging
import time
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse
from starlette.datastructures import FormData

from netra.intake.evidence import MAX_FILES, MAX_TOTAL_BYTES, EvidenceRejected
from netra.intake.report import ReportDraft, reporting_limit_text
from netra.intake.tracking import new_submission_token
from netra.services.elections import election_choices
from netra.services.intake import ReportInvalid, report_status, reporting_limits, submit_report, supplement_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.repositories import RegionRepository
from netra.web.forms import form_data, uploads
from netra.web.i18n import pick_language
from netra.web.rendering import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger("netra.intake")

TEXT_FIELDS = ("description", "region_code", "election_id", "reporter_name", "reporter_address", "reporter_contact",
               "reporter_id_number", "reported_name", "reported_nip", "reported_position", "reported_agency",
               "event_place")


_REGION_CACHE_SECONDS = 300


def _regions_by_province(request: Request):
    """Reference data for the form's region picker, cached briefly: it changes only when regions are reloaded."""
    cached = getattr(request.app.state, "region_choices", None)
    if cached and time.monotonic() - cached[0] < _REGION_CACHE_SECONDS:
        return cached[1]
    with request.app.state.db.transaction() as session:
        regions = RegionRepository(session).all()
    provinces = [r for r in regions if r.parent_code is None]
    choices = [(p, [r for r in regions if r.parent_code == p.code]) for p in provinces]
    request.app.state.region_choices = (time.monotonic(), choices)
    return choices


def _form(request: Request, values: dict, errors: dict | None = None, status_code: int = 200):
    return render(request, "report_form.html", {
        "values": values, "errors": errors or {}, "regions": _regions_by_province(request),
        "elections": election_choices(request.app.state.db), "max_files": MAX_FILES,
        "reporting_limits": reporting_limits(request.app.state.db),
        "max_mb": MAX_TOTAL_BYTES // (1024 * 1024),
        "today": date.today().isoformat(),
    }, status_code=status_code)


@router.get("/lapor")
def report_form(request: Request):
    return _form(request, {"submission_token": new_submission_token(), "confidential": True})


def _date(value: str, field: str, errors: dict) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[field] = "Tanggal tidak valid (format TTTT-BB-HH)."
        return None


@router.post("/lapor")
def submit(request: Request, form: FormData = Depends(form_data)):
    wait = request.app.state.report_limiter.retry_after(request.client.host if request.client else "unknown")
    if wait is not None:
        minutes = max(1, round(wait / 60))
        return _form(request, {"submission_token": new_submission_token()},
                     {"form": f"Terlalu banyak laporan dari alamat ini. Coba lagi dalam {minutes} menit."}, 429)
    if int(request.headers.get("content-length") or 0) > MAX_TOTAL_BYTES + 1024 * 1024:
        return _form(request, {"submission_token": new_submission_token()},
                     {"evidence": f"Ukuran kiriman lebih dari {MAX_TOTAL_BYTES // (1024 * 1024)} MB."}, 413)
    values = {k: str(form.get(k) or "") for k in TEXT_FIELDS}
    values.update(submission_token=str(form.get("submission_token") or ""),
                  links=str(form.get("links") or ""), event_date=str(form.get("event_date") or ""),
                  known_date=str(form.get("known_date") or ""),
                  confidential=form.get("confidential") == "on", declaration=form.get("declaration") == "on")
    errors: dict[str, str] = {}
    if len(values["submission_token"]) < 16:
        values["submission_token"] = new_submission_token()
        errors["form"] = "Formulir tidak lengkap; silakan kirim ulang."
    values["channel"] = str(form.get("channel") or "")
    values["notify_email"] = str(form.get("notify_email") or "")[:300]
    draft = ReportDraft(
        **{k: values[k] for k in TEXT_FIELDS}, channel=values["channel"],
        confidential=values["confidential"], declaration=values["declaration"],
        event_date=_date(values["event_date"], "event_date", errors),
        known_date=_date(values["known_date"], "known_date", errors),
        links=tuple(values["links"].split()),
    )
    files = uploads(form, "evidence")
    if errors:
        return _form(request, values, errors, 422)
    settings = request.app.state.settings
    try:
        receipt = submit_report(
            request.app.state.db, EvidenceStore(settings.data_dir / "evidence"), draft, files,
            values["submission_token"], settings.secret_key(), set(election_choices(request.app.state.db)),
            notify_email=values["notify_email"], lang=pick_language(request.cookies.get("lang")),
        )
    except ReportInvalid as exc:
        return _form(request, values, exc.errors, 422)
    except EvidenceRejected as exc:
        return _form(request, values, {"evidence": str(exc)}, 422)
    log.info("report stored", extra={"duplicate": receipt.duplicate})  # no identity, no code, no secret
    return render(request, "report_receipt.html", {"receipt": receipt})


@router.post("/lapor/tanda-terima")
def receipt_download(request: Request, form: FormData = Depends(form_data)):
    code, secret = str(form.get("tracking_code") or ""), str(form.get("secret") or "")
    status = report_status(request.app.state.db, code, secret)
    if status is None:
        return render(request, "report_status.html", {"status": None, "error": True, "code": code}, status_code=404)
    text = (
        "TANDA TERIMA LAPORAN DUGAAN PELANGGARAN NETRALITAS ASN\n"
        f"Kode pelacakan : {status.tracking_code}\n"
        f"Kode rahasia   : {secret.strip().lower()}\n"
        f"Diterima       : {status.submitted_at.isoformat(timespec='seconds')}\n"
        + (f"Batas lapor    : {reporting_limit_text(status.reporting)}"
           + (" (TERLAMBAT)" if status.reporting.late else "") + "\n" if status.reporting else "")
        + "\nSimpan kode rahasia ini. Dengan kode pelacakan dan kode rahasia Anda dapat melihat status laporan\n"
        "di halaman /lapor/status. Petugas tidak akan pernah menanyakan kode rahasia Anda.\n"
        "Bukti yang dilampirkan (SHA-256):\n" + "".join(f"  {n}: {h}\n" for n, h in status.evidence)
    )
    return PlainTextResponse(text, headers={
        "content-disposition": f'attachment; filename="tanda-terima-{status.tracking_code}.txt"'})


@router.get("/lapor/status")
def status_form(request: Request):
    return render(request, "report_status.html", {"status": None, "error": False, "code": ""})


@router.post("/lapor/status")
def status_lookup(request: Request, form: FormData = Depends(form_data)):
    code, secret = str(form.get("tracking_code") or ""), str(form.get("secret") or "")
    status = report_status(request.app.state.db, code, secret)
    return render(request, "report_status.html", {"status": status, "error": status is None, "code": code,
                                                  "secret": secret, "errors": {}},
                  status_code=200 if status else 404)


@router.post("/lapor/lengkapi")
def supplement(request: Request, form: FormData = Depends(form_data)):
    """The reporter adds what the completeness check says is missing."""
    code, secret = str(form.get("tracking_code") or ""), str(form.get("secret") or "")
    errors: dict[str, str] = {}
    fields = {k: str(form.get(k) or "") for k in ("reporter_name", "reporter_address", "reporter_contact",
                                                  "reporter_id_number", "reported_name", "reported_nip",
                                                  "reported_position", "reported_agency", "event_place")}
    additions = ReportDraft(description="", region_code="", election_id="", **fields,
                            event_date=_date(str(form.get("event_date") or ""), "event_date", errors),
                            links=tuple(str(form.get("links") or "").split()),
                            declaration=form.get("declaration") == "on")
    files = uploads(form, "evidence")
    db = request.app.state.db
    if not errors:
        settings = request.app.state.settings
        try:
            status = supplement_report(db, EvidenceStore(settings.data_dir / "evidence"), code, secret, additions,
                                       files, set(election_choices(request.app.state.db)))
        except ReportInvalid as exc:
            errors = exc.errors
        except EvidenceRejected as exc:
            errors = {"evidence": str(exc)}
        else:
            if status is None:
                return render(request, "report_status.html", {"status": None, "error": True, "code": code},
                              status_code=404)
            return render(request, "report_status.html", {"status": status, "error": False, "code": code,
                                                          "secret": secret, "errors": {}, "supplemented": True})
    status = report_status(db, code, secret)
    if status is None:
        return render(request, "report_status.html", {"status": None, "error": True, "code": code}, status_code=404)
    return render(request, "report_status.html", {"status": status, "error": False, "code": code, "secret": secret,
                                                  "errors": errors}, status_code=422)
