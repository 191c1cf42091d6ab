"""The public report form (no login), the receipt, and the reporter's status page.

Every rejection of the form (bad input, too large, too many reports, an expired form, a database that could not
store it) shows the form again as it was typed (issue 14, finding 4); "confidential" is never switched off by the
server: it is unticked only when the reporter unticked it.
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import FormData

from netra import formatting
from netra.intake.evidence import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, EvidenceRejected
from netra.intake.report import TEXT_FIELDS, ReportDraft, reporting_limit_text
from netra.intake.tracking import new_submission_token, valid_submission_token
from netra.services import throttle
from netra.services.elections import election_choices
from netra.services.intake import ReportInvalid, report_status, reporting_limits, submit_report, supplement_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.repositories import RegionRepository
from netra.web.forms import BoundedForm, form_data, read_bounded_form
from netra.web.i18n import pick_language
from netra.web.rendering import render
from netra.web.security import client_address, csrf_valid

router = APIRouter(include_in_schema=False)
log = logging.getLogger("netra.intake")

# A report carries at most MAX_FILES files of MAX_FILE_BYTES: a body beyond that cannot be a valid report. Bodies
# up to it are read whole (files spool to disk), so the sizes can be checked and named with the form kept.
REPORT_BODY_CAP = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024
NO_STARLETTE_LIMIT = 2**40  # these routes cap their body themselves (netra.web.forms), keeping the typed text
MB = 1024 * 1024
OWNED_TOKENS = 5  # submission tokens a browser session remembers issuing (for re-showing its own receipt)

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


def _token_mark(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _issue_token(request: Request, token: str | None = None) -> str:
    """A submission token this browser session owns: only the session that was given a token is shown the
    receipt again when the token comes back (issue 14, finding 12)."""
    token = token or new_submission_token()
    marks = [m for m in request.session.get("report_tokens", []) if m != _token_mark(token)]
    request.session["report_tokens"] = (marks + [_token_mark(token)])[-OWNED_TOKENS:]
    return token


def _owns(request: Request, token: str) -> bool:
    return _token_mark(token) in request.session.get("report_tokens", [])


def _form(request: Request, values: dict, errors: dict | None = None, status_code: int = 200):
    if not valid_submission_token(values.get("submission_token", "")):
        values["submission_token"] = new_submission_token()
    _issue_token(request, values["submission_token"])
    try:
        elections, limits = election_choices(request.app.state.db), reporting_limits(request.app.state.db)
    except SQLAlchemyError:  # the database is down: the form still comes back with what was typed
        elections = {values["election_id"]: values["election_id"]} if values.get("election_id") else {}
        limits = []
    return render(request, "report_form.html", {
        "values": values, "errors": errors or {}, "regions": _regions_by_province(request),
        "elections": elections, "max_files": MAX_FILES, "reporting_limits": limits,
        "max_mb": MAX_TOTAL_BYTES // MB, "today": date.today().isoformat(),
        "retype_files": bool(errors) and status_code != 200,
    }, status_code=status_code)


@router.get("/lapor")
def report_form(request: Request):
    return _form(request, {"confidential": True})


def _date(value: str, field: str, errors: dict) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[field] = "Tanggal tidak valid (format TTTT-BB-HH)."
        return None


def _typed(form: BoundedForm) -> dict:
    """What the reporter typed, as the form shows it again."""
    values = {k: form.get(k) for k in TEXT_FIELDS}
    values.update(submission_token=form.get("submission_token"), links=form.get("links"),
                  notify_email=(form.get("notify_email") or "")[:300],
                  event_date=form.get("event_date"), known_date=form.get("known_date"),
                  declaration=form.get("declaration") == "on",
                  # A cut-off form may have lost the box; then it stays ticked, the safe side for the reporter.
                  confidential=form.get("confidential") == "on" or
                  (not form.complete and "confidential" not in form.text))
    return values


def _evidence_size_problem(form: BoundedForm) -> str | None:
    files = [f for name, f in form.files if name == "evidence" and (f.filename or f.size)]
    if form.too_large or sum(f.size or 0 for f in files) > MAX_TOTAL_BYTES:
        return (f"Ukuran seluruh bukti paling banyak {MAX_TOTAL_BYTES // MB} MB. Isian Anda masih ada; lampirkan "
                "berkas yang lebih kecil atau lebih sedikit, lalu kirim lagi.")
    if big := next((f for f in files if (f.size or 0) > MAX_FILE_BYTES), None):
        return f"Berkas '{(big.filename or 'berkas')[:80]}' lebih dari {MAX_FILE_BYTES // MB} MB."
    return None


async def bounded_form(request: Request):
    """The report body read under REPORT_BODY_CAP on the event loop (the one part that must be awaited); the
    handlers below are plain functions in the thread pool. Spooled files are closed after the answer."""
    form = await read_bounded_form(request, REPORT_BODY_CAP, max_files=MAX_FILES * 2)
    try:
        yield form
    finally:
        await form.close()


def _files(form: BoundedForm) -> list[tuple[str, bytes]]:
    out = []
    for name, f in form.files:
        if name == "evidence" and (f.filename or f.size):
            f.file.seek(0)
            out.append((f.filename or "", f.file.read()))
    return out


@router.post("/lapor", max_body_size=NO_STARLETTE_LIMIT)
def submit(request: Request, form: BoundedForm = Depends(bounded_form)):
    try:
        return _submit(request, form)
    except SQLAlchemyError:
        # Busy or unreachable database (a writer lock held too long, a failover): nothing was stored, the typed
        # report is shown again, and the log says what failed without saying what was typed.
        log.warning("report not stored: database error", exc_info=True)
        return _form(request, _typed(form), {"form": "Laporan BELUM tersimpan karena server sedang sibuk. Isian "
                                                     "Anda masih ada; lampirkan kembali berkas bukti lalu kirim "
                                                     "lagi."}, 503)


def _submit(request: Request, form: BoundedForm):
    values = _typed(form)
    db = request.app.state.db
    wait = throttle.take(db, request.app.state.report_limit, client_address(request))
    if wait is not None:
        return _form(request, values, {"form": f"Terlalu banyak laporan dari alamat ini. Isian Anda masih ada; "
                                               f"coba kirim lagi dalam {max(1, round(wait / 60))} menit."}, 429)
    if problem := _evidence_size_problem(form):
        return _form(request, values, {"evidence": problem}, 413)
    if not csrf_valid(request, form.get("csrf_token")):
        return _form(request, values, {"form": "Formulir sudah kedaluwarsa (sesi berakhir). Isian Anda masih ada; "
                                               "lampirkan kembali berkas bukti lalu kirim lagi."}, 403)
    if not form.complete:
        return _form(request, values, {"form": "Formulir tidak terbaca utuh; periksa isian lalu kirim lagi."}, 400)
    errors: dict[str, str] = {}
    if not valid_submission_token(values["submission_token"]):
        errors["form"] = "Formulir tidak lengkap; silakan kirim ulang."
    draft = ReportDraft(
        **{k: values[k] for k in TEXT_FIELDS},
        confidential=values["confidential"], declaration=values["declaration"],
        event_date=_date(values["event_date"], "event_date", errors),
        known_date=_date(values["known_date"], "known_date", errors),
        links=tuple(values["links"].split()),
    )
    if errors:
        return _form(request, values, errors, 422)
    settings = request.app.state.settings
    try:
        receipt = submit_report(db, EvidenceStore(settings.data_dir / "evidence"), draft, _files(form),
                                values["submission_token"], settings.secret_key(), set(election_choices(db)),
                                notify_email=values["notify_email"], lang=pick_language(request.cookies.get("lang")))
    except ReportInvalid as exc:
        return _form(request, values, exc.errors, 422)
    except EvidenceRejected as exc:
        return _form(request, values, {"evidence": str(exc)}, 422)
    log.info("report stored", extra={"duplicate": receipt.duplicate})  # no identity, no code, no secret
    if receipt.duplicate and not _owns(request, values["submission_token"]):
        # The token came back from another browser session: it proves nothing about who filed the report.
        return render(request, "report_receipt.html", {"receipt": None}, status_code=409)
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
        f"Diterima       : {formatting.moment(status.submitted_at, status.zone)}\n"
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


SUPPLEMENT_FIELDS = ("reporter_name", "reporter_address", "reporter_contact", "reporter_id_number", "reported_name",
                     "reported_nip", "reported_position", "reported_agency", "event_place")


@router.post("/lapor/lengkapi", max_body_size=NO_STARLETTE_LIMIT)
def supplement(request: Request, form: BoundedForm = Depends(bounded_form)):
    """The reporter adds what the completeness check says is missing."""
    code, secret = form.get("tracking_code"), form.get("secret")
    typed = {k: form.get(k) for k in SUPPLEMENT_FIELDS + ("event_date", "links")}
    typed["declaration"] = form.get("declaration") == "on"
    db = request.app.state.db
    errors: dict[str, str] = {}
    status_code = 422
    if not csrf_valid(request, form.get("csrf_token")):
        errors, status_code = {"form": "Formulir sudah kedaluwarsa (sesi berakhir). Isian Anda masih ada; "
                                       "lampirkan kembali berkas bukti lalu kirim lagi."}, 403
    elif problem := _evidence_size_problem(form):
        errors, status_code = {"evidence": problem}, 413
    elif not form.complete:
        errors, status_code = {"form": "Formulir tidak terbaca utuh; periksa isian lalu kirim lagi."}, 400
    additions = ReportDraft(description="", region_code="", election_id="", **{k: typed[k] for k in SUPPLEMENT_FIELDS},
                            event_date=_date(typed["event_date"], "event_date", errors),
                            links=tuple(typed["links"].split()), declaration=typed["declaration"])
    if not errors:
        settings = request.app.state.settings
        try:
            status = supplement_report(db, EvidenceStore(settings.data_dir / "evidence"), code, secret, additions,
                                       _files(form), set(election_choices(db)))
        except ReportInvalid as exc:
            errors = exc.errors
        except EvidenceRejected as exc:
            errors = {"evidence": str(exc)}
        except SQLAlchemyError:
            log.warning("supplement not stored: database error", exc_info=True)
            errors, status_code = {"form": "Tambahan BELUM tersimpan karena server sedang sibuk. Isian Anda masih "
                                           "ada; kirim lagi."}, 503
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
                                                  "errors": errors, "typed": typed}, status_code=status_code)
