"""Administrators' account pages (/admin/pengguna) and the one-time password link (/akun/sandi/{token}).

services/user_admin decides and records; this module reads the forms, shows a refusal in Indonesian with the form
kept as typed, and shows a new link once (rendered, never redirected: the token must not sit in a URL the browser
keeps in its history as a location it was sent to, and no page is stored: Cache-Control no-store).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.passwords import WeakPassword
from netra.accounts.policy import Capability, is_national, may
from netra.accounts.roles import Role
from netra.services import user_admin
from netra.services.accounts import AccountError
from netra.storage.repositories import RegionRepository
from netra.web.forms import form_data, text
from netra.web.params import RowId, form_int
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
PAGE = "/admin/pengguna"
NATIONAL = "nasional"  # the form's choice for every province
ROLES = [r for r in Role if r is not Role.ADMIN] + [Role.ADMIN]  # an officer first: the usual account


def _admin(account: Account = Depends(require_account)) -> Account:
    if not may(account.role, Capability.MANAGE_USERS):
        raise HTTPException(403)
    return account


def _regions(request: Request, account: Account):
    with request.app.state.db.transaction() as session:
        return RegionRepository(session).within(account.scope)


def _link(request: Request, raw: str) -> str:
    return str(request.base_url).rstrip("/") + f"/akun/sandi/{raw}"


def _chosen(form: FormData) -> list[str]:
    codes = [str(c) for c in form.getlist("regions")]
    return list(user_admin.national_scope()) if NATIONAL in codes else codes


def _values(form: FormData) -> dict:
    return {"username": text(form, "username"), "full_name": text(form, "full_name"), "role": text(form, "role"),
            "regions": [str(c) for c in form.getlist("regions")], "reason": text(form, "reason")}


def _list_page(request: Request, account: Account, *, created=None, error: str | None = None,
               values: dict | None = None, status_code: int = 200):
    search = request.query_params.get("cari", "")[:100]
    listing = user_admin.listed(request.app.state.db, account, search, form_int(request.query_params.get("halaman")) or 1)
    return render(request, "admin_users.html", {
        "account": account, "listing": listing, "search": search, "roles": ROLES, "created": created,
        "regions": _regions(request, account), "national": is_national(account.scope), "error": error,
        "values": values or {}, "national_choice": NATIONAL,
    }, status_code=status_code)


@router.get(PAGE)
def users_page(request: Request, account: Account = Depends(_admin)):
    return _list_page(request, account)


@router.post(PAGE)
def create_user(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    values = _values(form)
    try:
        created, raw = user_admin.create_officer(request.app.state.db, account, values["username"],
                                                 values["full_name"], values["role"], _chosen(form), values["reason"])
    except AccountError as exc:
        return _list_page(request, account, error=str(exc), values=values, status_code=422)
    return _list_page(request, account, created={"account": created, "link": _link(request, raw)})


def _user_page(request: Request, account: Account, target: Account, *, error: str | None = None,
               values: dict | None = None, link: str | None = None, status_code: int = 200):
    return render(request, "admin_user.html", {
        "account": account, "target": target, "roles": ROLES, "regions": _regions(request, account),
        "national": is_national(account.scope), "target_national": is_national(target.scope), "error": error,
        "values": values or {}, "link": link, "national_choice": NATIONAL, "ok": request.query_params.get("ok"),
    }, status_code=status_code)


def _target(request: Request, account: Account, user_id: int) -> Account:
    target = user_admin.find(request.app.state.db, account, user_id)
    if target is None:  # outside the administrator's scope: it does not exist for them
        raise HTTPException(404)
    return target


@router.get(PAGE + "/{user_id}")
def user_page(user_id: RowId, request: Request, account: Account = Depends(_admin)):
    return _user_page(request, account, _target(request, account, user_id))


@router.post(PAGE + "/{user_id}")
def change_user(user_id: RowId, request: Request, form: FormData = Depends(form_data),
                account: Account = Depends(_admin)):
    target = _target(request, account, user_id)
    values = _values(form)
    try:
        user_admin.change(request.app.state.db, account, target.id, values["role"], _chosen(form), values["reason"])
    except AccountError as exc:
        return _user_page(request, account, target, error=str(exc), values=values, status_code=422)
    return RedirectResponse(f"{PAGE}/{target.id}?ok=ubah", status_code=303)


@router.post(PAGE + "/{user_id}/status")
def set_status(user_id: RowId, request: Request, form: FormData = Depends(form_data),
               account: Account = Depends(_admin)):
    from netra.services.accounts import set_active

    target = _target(request, account, user_id)
    active = text(form, "active") == "1"
    try:
        set_active(request.app.state.db, account, target.username, active, text(form, "status_reason"))
    except AccountError as exc:
        return _user_page(request, account, target, error=str(exc),
                          values={"status_reason": text(form, "status_reason")}, status_code=422)
    return RedirectResponse(f"{PAGE}/{target.id}?ok={'aktif' if active else 'nonaktif'}", status_code=303)


@router.post(PAGE + "/{user_id}/tautan")
def new_link(user_id: RowId, request: Request, form: FormData = Depends(form_data),
             account: Account = Depends(_admin)):
    target = _target(request, account, user_id)
    try:
        raw = user_admin.password_link(request.app.state.db, account, target.id, text(form, "link_reason"))
    except AccountError as exc:
        return _user_page(request, account, target, error=str(exc),
                          values={"link_reason": text(form, "link_reason")}, status_code=422)
    return _user_page(request, account, target, link=_link(request, raw))


# ------------------------------------------------------------------------------------------- the one-time link


@router.get("/akun/sandi/{token}")
def link_page(token: str, request: Request):
    username = user_admin.link_account(request.app.state.db, token)
    if username is None:
        return render(request, "password_link.html", {"error": user_admin.LINK_REFUSED, "username": None},
                      status_code=404)
    return render(request, "password_link.html", {"username": username, "token": token})


@router.post("/akun/sandi/{token}")
def set_password_by_link(token: str, request: Request, form: FormData = Depends(form_data)):
    db = request.app.state.db
    username = user_admin.link_account(db, token)
    if username is None:
        return render(request, "password_link.html", {"error": user_admin.LINK_REFUSED, "username": None},
                      status_code=404)
    try:
        user_admin.redeem_link(db, token, str(form.get("password") or ""), str(form.get("repeat") or ""))
    except (AccountError, WeakPassword) as exc:
        return render(request, "password_link.html", {"username": username, "token": token, "error": str(exc)},
                      status_code=422)
    return RedirectResponse("/masuk", status_code=303)
