"""Administrators' API token page: create a token for one role and region scope (shown once), list, revoke.

The same service as `netra tokens` does the checking, storing and auditing."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.services import api_tokens
from netra.services.api_tokens import TokenError
from netra.web.forms import form_data, text
from netra.web.params import RowId
from netra.web.rendering import account_time, render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)
PAGE = "/admin/token"


def _admin(account: Account = Depends(require_account)) -> Account:
    if not may(account.role, Capability.ADMINISTER):
        raise HTTPException(403)
    return account


def _page(request: Request, account: Account, *, created: tuple[str, api_tokens.TokenInfo] | None = None,
          error: str | None = None, values: dict | None = None, status_code: int = 200):
    return render(request, "admin_tokens.html", {
        "account": account, "tokens": api_tokens.listed(request.app.state.db), "created": created, "error": error,
        "values": values or {}, "roles": [r.value for r in api_tokens.TOKEN_ROLES], "when": account_time(request, account),
        "ok": request.query_params.get("ok"),
    }, status_code=status_code)


@router.get(PAGE)
def tokens_page(request: Request, account: Account = Depends(_admin)):
    return _page(request, account)


@router.post(PAGE)
def create_token(request: Request, form: FormData = Depends(form_data), account: Account = Depends(_admin)):
    values = {k: text(form, k) for k in ("name", "role", "scope")}
    try:
        created = api_tokens.create(request.app.state.db, account, values["name"], values["role"],
                                    values["scope"].replace(",", " ").split())
    except TokenError as exc:
        return _page(request, account, error=str(exc), values=values, status_code=422)
    # Rendered, not redirected: the token must not travel in a URL, and this page is not stored (no-store).
    return _page(request, account, created=created)


@router.post(PAGE + "/{token_id}/cabut")
def revoke_token(token_id: RowId, request: Request, account: Account = Depends(_admin)):
    try:
        api_tokens.revoke(request.app.state.db, account, token_id)
    except TokenError as exc:
        return _page(request, account, error=str(exc), status_code=404)
    return RedirectResponse(f"{PAGE}?ok=cabut", status_code=303)
