"""Sign-in and sign-out."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from netra.services.accounts import authenticate, lockout_remaining, record_login
from netra.web.rendering import render
from netra.web.security import sign_in, sign_out

router = APIRouter(include_in_schema=False)
log = logging.getLogger("netra.auth")


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/wilayah"


@router.get("/masuk")
def login_form(request: Request, next: str | None = None):
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/masuk")
def login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/wilayah")):
    db = request.app.state.db
    ip = request.client.host if request.client else "unknown"
    locked = lockout_remaining(db, username, ip)
    if locked is not None:
        minutes = max(1, round(locked.total_seconds() / 60))
        log.info("login refused: locked out")
        return render(request, "login.html", {"next": _safe_next(next), "error": "login.locked",
                                              "minutes": minutes, "account": None}, status_code=429)
    account = authenticate(db, username, password) if username and password else None
    record_login(db, username, ip, success=account is not None)
    if account is None:
        log.info("login failed")  # never the username or password: either can be a typo of the other
        return render(request, "login.html", {"next": _safe_next(next), "error": "login.failed", "account": None},
                      status_code=401)
    sign_in(request, account)
    log.info("login", extra={"account_id": account.id})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/keluar")
def logout(request: Request):
    sign_out(request)
    return RedirectResponse("/?keluar=1", status_code=303)
