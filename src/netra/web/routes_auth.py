"""Sign-in and sign-out, and the signed-in person's account page: their sessions (each can be ended) and a password
change (which ends every other session)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.passwords import WeakPassword
from netra.services import sessions
from netra.services.accounts import AccountError, change_own_password, sign_in_attempt
from netra.web.forms import form_data, text
from netra.web.rendering import account_time, render
from netra.web.security import client_address, require_account, sign_in, sign_out

router = APIRouter(include_in_schema=False)
log = logging.getLogger("netra.auth")


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/wilayah"


@router.get("/masuk")
def login_form(request: Request, next: str | None = None):
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/masuk")
def login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/wilayah")):
    attempt = sign_in_attempt(request.app.state.db, username, password, client_address(request))
    if attempt.locked_for is not None:
        minutes = max(1, round(attempt.locked_for.total_seconds() / 60))
        log.info("login refused: locked out")
        return render(request, "login.html", {"next": _safe_next(next), "error": "login.locked",
                                              "minutes": minutes, "account": None}, status_code=429)
    if attempt.account is None:
        log.info("login failed")  # never the username or password: either can be a typo of the other
        return render(request, "login.html", {"next": _safe_next(next), "error": "login.failed", "account": None},
                      status_code=401)
    sign_in(request, attempt.account)
    log.info("login", extra={"account_id": attempt.account.id})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/keluar")
def logout(request: Request):
    sign_out(request)  # the server forgets the session: a copy of the cookie no longer signs anyone in
    return RedirectResponse("/?keluar=1", status_code=303)


def _account_page(request: Request, account: Account, *, message: str | None = None, error: str | None = None,
                  status_code: int = 200):
    raw = request.session.get("sid")
    listed = sessions.listed(request.app.state.db, account.id)
    return render(request, "account.html", {
        "account": account, "sessions": [(s, sessions.is_current(s, raw)) for s in listed],
        "when": account_time(request, account), "message": message, "error": error,
    }, status_code=status_code)


@router.get("/akun")
def account_page(request: Request, account: Account = Depends(require_account)):
    return _account_page(request, account, message=request.query_params.get("pesan"))


@router.post("/akun/sesi")
def end_session(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    target = text(form, "session")
    db = request.app.state.db
    if target == "others":
        with db.transaction() as session:
            ended = sessions.end_all(session, account.id, keep_raw=request.session.get("sid"))
        return RedirectResponse(f"/akun?pesan={ended}+sesi+lain+diakhiri", status_code=303)
    if not sessions.end_one(db, account.id, target):
        return _account_page(request, account, error="Sesi itu tidak ditemukan (mungkin sudah berakhir).",
                             status_code=404)
    return RedirectResponse("/akun?pesan=Sesi+diakhiri", status_code=303)


@router.post("/akun/sandi")
def change_password(request: Request, form: FormData = Depends(form_data),
                    account: Account = Depends(require_account)):
    # A plain function: hashing the password must not hold up the event loop.
    current, new, again = (str(form.get(k) or "") for k in ("current", "new", "again"))
    if new != again:
        return _account_page(request, account, error="Kata sandi baru dan ulangannya tidak sama.", status_code=422)
    try:
        ended = change_own_password(request.app.state.db, account, current, new, request.session.get("sid"))
    except (AccountError, WeakPassword) as exc:
        return _account_page(request, account, error=str(exc), status_code=422)
    log.info("password changed", extra={"account_id": account.id, "sessions_ended": ended})
    return RedirectResponse(f"/akun?pesan=Kata+sandi+diganti;+{ended}+sesi+lain+diakhiri", status_code=303)
