"""Sign-in (server-side sessions, API tokens for /api/), CSRF protection and security headers."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netra.accounts.model import Account
from netra.services import api_tokens, sessions

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# Forms that check their CSRF token themselves, after reading what was typed, so that an expired form comes back
# filled in rather than as an error page (issue 14, finding 4).
CSRF_CHECKED_BY_HANDLER = frozenset({"/lapor", "/lapor/lengkapi"})


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_valid(request: Request, sent: object) -> bool:
    expected = request.session.get("csrf")
    return bool(expected) and isinstance(sent, str) and hmac.compare_digest(expected, sent)


class CsrfError(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=403, detail="csrf")


async def verify_csrf(request: Request) -> None:
    """App-wide dependency: every state-changing request carries the session's token.

    JSON requests are exempt: a browser cannot send application/json across sites without a CORS preflight,
    which this app never grants. Everything else (forms, multipart, text) needs the token as a form field or
    header.
    """
    if request.method in SAFE_METHODS or request.url.path in CSRF_CHECKED_BY_HANDLER:
        return
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        sent = (await request.form()).get(CSRF_FIELD)
    if not csrf_valid(request, sent):
        raise CsrfError()


def client_address(request: Request) -> str:
    """The peer's address; a proxy's X-Forwarded-For is honoured only when the operator named the proxy
    (NETRA_TRUSTED_PROXIES, passed to uvicorn), never by default."""
    return request.client.host if request.client else "unknown"


_UNRESOLVED = object()


def current_account(request: Request) -> Account | None:
    """The signed-in person (a live server-side session) or, on /api/, the machine client of a bearer token.
    Looked up once per request."""
    found = getattr(request.state, "account", _UNRESOLVED)
    if found is _UNRESOLVED:
        found = request.state.account = _resolve(request)
    return found


def _resolve(request: Request) -> Account | None:
    db = request.app.state.db
    authorization = request.headers.get("authorization")
    if authorization and request.url.path.startswith("/api/"):
        scheme, _, token = authorization.partition(" ")
        return api_tokens.authenticate(db, token.strip()) if scheme.lower() == "bearer" else None
    return sessions.resolve(db, request.session.get("sid"))


def sign_in(request: Request, account: Account) -> None:
    request.session.clear()  # a fresh session on sign-in defeats session fixation
    settings = request.app.state.settings
    request.session["sid"] = sessions.start(request.app.state.db, account.id, settings.session_max_age_seconds,
                                            ip=client_address(request),
                                            user_agent=request.headers.get("user-agent", ""))
    csrf_token(request)
    request.state.account = account


def sign_out(request: Request) -> None:
    sessions.end(request.app.state.db, request.session.get("sid"))
    request.session.clear()
    request.state.account = None


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
    """Headers on every response. Besides the fixed ones: nothing but the vendored static files may be kept by a
    browser or proxy cache (pages carry identities, exports, evidence, tracking secrets: `no-store`), and every
    cookie is `Secure` whenever the request came over HTTPS (directly or through a trusted proxy) or the operator
    says Netra is behind TLS (NETRA_SECURE_COOKIES=1)."""

    def __init__(self, app: ASGIApp, secure_cookies: bool = False):
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")
        is_static = scope["path"].startswith("/static/")
        https = scope.get("scheme") == "https"
        secure = https or self.secure_cookies

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = []
                for k, v in message.get("headers", []):
                    name = k.lower()
                    if name in SECURITY_HEADERS:
                        continue
                    if name == b"set-cookie" and secure and b"; secure" not in v.lower():
                        v += b"; Secure"
                    headers.append((k, v))
                for name, value in SECURITY_HEADERS.items():
                    if is_docs and name == b"content-security-policy":
                        value = DOCS_CSP
                    headers.append((name, value))
                if not is_static and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
