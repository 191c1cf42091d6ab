"""Session sign-in, CSRF protection and security headers."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netra.accounts.model import Account
from netra.storage.repositories import AccountRepository

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


class CsrfError(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=403, detail="csrf")


async def verify_csrf(request: Request) -> None:
    """App-wide dependency: every state-changing request carries the session's token.

    JSON requests are exempt: a browser cannot send application/json across sites without a CORS preflight,
    which this app never grants. Everything else (forms, multipart, text) needs the token as a form field or
    header.
    """
    if request.method in SAFE_METHODS:
        return
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        sent = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise CsrfError()


def current_account(request: Request) -> Account | None:
    account_id = request.session.get("uid")
    if account_id is None:
        return None
    with request.app.state.db.transaction() as session:
        account = AccountRepository(session).get(account_id)
    return account if account and account.active else None


def sign_in(request: Request, account: Account) -> None:
    request.session.clear()  # a fresh session on sign-in defeats session fixation
    request.session["uid"] = account.id
    csrf_token(request)


def sign_out(request: Request) -> None:
    request.session.clear()


class LoginRequired(Exception):
    pass


def require_account(request: Request) -> Account:
    account = current_account(request)
    if account is None:
        raise LoginRequired()
    return account


SECURITY_HEADERS = {
    b"content-security-policy": (
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"same-origin",
}
# Swagger UI at /docs is served from the vendored copy but needs inline script to boot.
DOCS_CSP = b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in SECURITY_HEADERS]
                for name, value in SECURITY_HEADERS.items():
                    if is_docs and name == b"content-security-policy":
                        value = DOCS_CSP
                    headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
