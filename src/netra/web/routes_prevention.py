"""Prevention pages: the agency register, socialisation events and neutrality pledges (/pencegahan, signed in,
scoped to the account's regions), their imports, exports and documents; the coverage partial on the dashboard,
the public coverage page (/statistik/pencegahan); and what people ask "Bolehkah?" (dashboard partial for
officers, the questions to review for administrators)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.intake.evidence import MAX_FILE_BYTES
from netra.prevention import AUDIENCE_GROUPS
from netra.prevention.imports import MAX_BYTES as IMPORT_MAX_BYTES
from netra.services import guidance_questions, prevention, reference_data
from netra.services.prevention import PreventionError
from netra.storage.evidence_store import EvidenceStore
from netra.web.forms import form_data, uploads
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
PAGE = "/pencegahan"
OK_KEYS = {"acara": "prevention.ok.event", "ikrar": "prevention.ok.pledge", "impor": "prevention.ok.import",
           "instansi": "prevention.ok.agency"}
KINDS = ("instansi", "acara", "ikrar")
CHOOSERS = ("instansi-acara", "instansi-ikrar")  # the agency choosers' element ids on the page


def _store(request: Request) -> EvidenceStore:
    return EvidenceStore(request.app.state.settings.data_dir / "evidence")


def _elections(request: Request):
    return list(reference_data.elections(request.app.state.db))


def _page(request: Request, account: Account, *, ok: str | None = None, error: str | None = None,
          problems=None, form: str | None = None, values: dict | None = None, status_code: int = 200):
    db = request.app.state.db
    q = request.query_params
    region = q.get("wilayah") or None
    cov = prevention.coverage(db, q.get("pemilihan"), account, region)
    with db.transaction() as session:
        regions = sorted(prevention.visible_regions(session, account).values(), key=lambda r: r.code)
    chosen = (values or {}).get("instansi", "")
    choices, total = prevention.find_agencies(db, account, (values or {}).get("cari_instansi", ""), region,
                                              keep=form_int(chosen))  # bounded (finding 14)
    return render(request, "prevention_page.html", {
        "account": account, "cov": cov, "regions": regions, "elections": _elections(request),
        "agencies": prevention.agencies(db, account, region, active_only=False) if region else [],
        "choices": choices, "total": total, "groups": AUDIENCE_GROUPS,
        "ok_key": OK_KEYS.get(ok or ""), "error": error, "problems": problems or [], "form": form,
        "values": values or {}, "may_record": account.role in prevention.RECORDERS,
        "is_admin": account.role is Role.ADMIN, "today": date.today().isoformat(),
    }, status_code=status_code)


@router.get(PAGE)
def prevention_page(request: Request, account: Account = Depends(require_account)):
    return _page(request, account, ok=request.query_params.get("ok"))


@router.get(PAGE + "/instansi-cari")
def agency_choices(request: Request, account: Account = Depends(require_account)):
    """The agency chooser's options for what was typed (HTMX swaps them into the event and pledge forms)."""
    q = request.query_params
    field = q.get("field") if q.get("field") in CHOOSERS else CHOOSERS[0]
    choices, total = prevention.find_agencies(request.app.state.db, account, q.get("cari_instansi", ""),
                                              q.get("wilayah") or None)
    return render(request, "prevention_agency_options.html", {
        "choices": choices, "total": total, "field": field, "query": q.get("cari_instansi", ""), "chosen": ""})


def _form(form: FormData):
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    files = uploads(form, "berkas")
    return values, (files[0] if files else None)


def _int(values: dict, key: str, what: str) -> int:
    raw = (values.get(key) or "").strip().replace(".", "")
    if not raw:
        return 0
    number = form_int(raw)  # bounded: a 5,000-digit count is a message, not a server error (issue 14, finding 14)
    if number is None:
        raise PreventionError(f"{what} harus bilangan bulat tidak negatif.")
    return number


def _date(values: dict, key: str) -> date:
    try:
        return date.fromisoformat((values.get(key) or "").strip())
    except ValueError:
        raise PreventionError("Tanggal tidak valid (format TTTT-BB-HH).") from None


def _refused(request, account, form, exc: PreventionError, values):
    forbidden = isinstance(exc, prevention.PreventionForbidden) or account.role not in prevention.RECORDERS
    return _page(request, account, error=exc.message, problems=exc.problems, form=form, values=values,
                 status_code=403 if forbidden else 422)


@router.post(PAGE + "/acara", max_body_size=MAX_FILE_BYTES + 1024 * 1024)  # one document
def add_event(request: Request, account: Account = Depends(require_account),
        form: FormData = Depends(form_data)):
    values, file = _form(form)
    try:
        prevention.add_event(
            request.app.state.db, _store(request), account, agency_id=_int(values, "instansi", "Instansi"),
            election_id=values.get("pemilihan", ""), held_on=_date(values, "tanggal"),
            place=values.get("tempat", ""), topic=values.get("topik", ""),
            audience={g: _int(values, f"peserta_{g}", "Jumlah peserta") for g in AUDIENCE_GROUPS}, material=file)
    except PreventionError as exc:
        return _refused(request, account, "acara", exc, values)
    return RedirectResponse(f"{PAGE}?ok=acara#catat", status_code=303)


@router.post(PAGE + "/ikrar", max_body_size=MAX_FILE_BYTES + 1024 * 1024)  # one document
def add_pledge(request: Request, account: Account = Depends(require_account),
        form: FormData = Depends(form_data)):
    values, file = _form(form)
    try:
        prevention.add_pledge(
            request.app.state.db, _store(request), account, agency_id=_int(values, "instansi", "Instansi"),
            election_id=values.get("pemilihan", ""), signed_on=_date(values, "tanggal"),
            signed=_int(values, "tanda_tangan", "Jumlah penanda tangan"),
            total=_int(values, "pegawai", "Jumlah pegawai"), document=file)
    except PreventionError as exc:
        return _refused(request, account, "ikrar", exc, values)
    return RedirectResponse(f"{PAGE}?ok=ikrar#catat", status_code=303)


@router.post(PAGE + "/impor", max_body_size=IMPORT_MAX_BYTES + 1024 * 1024)
def import_records(request: Request, account: Account = Depends(require_account),
        form: FormData = Depends(form_data)):
    values, file = _form(form)
    try:
        if values.get("jenis") not in KINDS:
            raise PreventionError("Pilih jenis data yang diimpor.")
        if not file or not file[1]:
            raise PreventionError("Pilih berkas CSV atau XLSX.")
        prevention.import_file(request.app.state.db, account, values["jenis"], file[0], file[1])
    except PreventionError as exc:
        return _refused(request, account, "impor", exc, values)
    return RedirectResponse(f"{PAGE}?ok=impor#impor", status_code=303)


@router.post(PAGE + "/instansi")
def add_agency(request: Request, account: Account = Depends(require_account),
        form: FormData = Depends(form_data)):
    values, _ = _form(form)
    try:
        prevention.add_agency(request.app.state.db, account, values.get("wilayah", ""), values.get("nama", ""),
                              values.get("jenis", "office"))
    except PreventionError as exc:
        return _refused(request, account, "instansi", exc, values)
    return RedirectResponse(f"{PAGE}?ok=instansi&wilayah={values.get('wilayah', '')}#instansi", status_code=303)


@router.post(PAGE + "/instansi/{agency_id}")
def change_agency(agency_id: RowId, request: Request, account: Account = Depends(require_account),
        form: FormData = Depends(form_data)):
    values, _ = _form(form)
    try:
        prevention.update_agency(request.app.state.db, account, agency_id, values.get("nama", ""),
                                 values.get("aktif") == "ya")
    except PreventionError as exc:
        return _refused(request, account, "instansi", exc, values)
    return RedirectResponse(f"{PAGE}?ok=instansi&wilayah={values.get('wilayah', '')}#instansi", status_code=303)


@router.get(PAGE + "/ekspor/{kind}.{fmt}")
def export_records(kind: str, fmt: str, request: Request, account: Account = Depends(require_account)):
    if kind not in KINDS or fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    data = prevention.export_file(request.app.state.db, account, kind, fmt)
    media = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(data, media_type=media,
                    headers={"content-disposition": f'attachment; filename="netra-{kind}.{fmt}"'})


@router.get(PAGE + "/dokumen/{kind}/{record_id}")
def download_document(kind: str, record_id: RowId, request: Request, account: Account = Depends(require_account)):
    if kind not in ("acara", "ikrar"):
        raise HTTPException(404)
    try:
        name, content = prevention.document(request.app.state.db, _store(request), account, kind, record_id)
    except PreventionError:
        raise HTTPException(404) from None
    return Response(content, media_type="application/pdf",
                    headers={"content-disposition": f'attachment; filename="{name.replace(chr(34), "")}"'})


# ---------------------------------------------------------------------------------------------- coverage views


@router.get("/dasbor/pencegahan")
def dashboard_coverage(request: Request, account: Account = Depends(require_account)):
    cov = prevention.coverage(request.app.state.db, request.query_params.get("pemilihan"), account)
    return render(request, "prevention_coverage.html", {"cov": cov, "public": False, "elections": _elections(request)})


@router.get("/statistik/pencegahan")
def public_coverage(request: Request):
    cov = prevention.coverage(request.app.state.db, request.query_params.get("pemilihan"), None)
    return render(request, "prevention_public.html", {"cov": cov, "public": True, "elections": _elections(request)})


@router.get("/dasbor/pertanyaan")
def dashboard_questions(request: Request, account: Account = Depends(require_account)):
    return render(request, "guidance_counts.html", {
        "counts": guidance_questions.weekly_counts(request.app.state.db), "account": account})


@router.get("/admin/pertanyaan")
def review_questions(request: Request, account: Account = Depends(require_account)):
    if account.role is not Role.ADMIN:
        raise HTTPException(403)
    return render(request, "guidance_review.html", {
        "items": guidance_questions.to_review(request.app.state.db),
        "counts": guidance_questions.weekly_counts(request.app.state.db), "account": account})
