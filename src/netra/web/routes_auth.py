"""Sign-in and sign-out."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from netra.services.accounts import authenticate
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
    account = authenticate(request.app.state.db, username, password) if username and password else None
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
