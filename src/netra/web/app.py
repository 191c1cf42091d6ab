"""Builds the FastAPI application around one Database and the Settings."""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

import netra
from netra.config import Settings
from netra.storage.database import Database
from netra.web import (
    routes_admin, routes_analytics, routes_api, routes_auth, routes_cases, routes_guidance, routes_monitoring,
    routes_notifications, routes_pages, routes_people, routes_prevention, routes_report,
)
from netra.web.ratelimit import RateLimiter, parse_rate
from netra.web.rendering import render, wants_html
from netra.web.security import LoginRequired, SecurityHeaders, verify_csrf

log = logging.getLogger("netra.web")


@asynccontextmanager
async def _lifespan(app: FastAPI):
    # The statistics are warmed in the background: every other page is served at once, and the first statistics
    # request finds them ready (or waits only for the rest of the warm-up, not for a catch-up of its own).
    threading.Thread(target=_warm_statistics, args=(app.state.db,), name="netra-warm-statistics", daemon=True).start()
    yield


def _warm_statistics(db: Database) -> None:
    from netra.services import analytics
    from netra.storage.repositories import RegionRepository
    from netra.web.rendering import templates

    started = time.perf_counter()
    try:
        for name in ("stats_page.html", "dashboard_page.html"):  # compiled once, not by the first visitor
            templates.get_template(name)
        with db.transaction() as session:  # the region filters' lists
            RegionRepository(session).within(("33",))
        analytics.warm(db)
    except Exception:  # a request will do the same work and report any error itself
        log.exception("statistics warm-up failed")
    else:
        log.info("statistics warm", extra={"ms": round((time.perf_counter() - started) * 1000, 1)})


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    app = FastAPI(
        lifespan=_lifespan,
        title="Netra",
        version=netra.__version__,
        description="API Netra: netralitas ASN dalam Pemilu dan Pilkada.",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(verify_csrf)],
    )
    app.state.settings = settings
    app.state.db = db or Database(settings.database_url)
    app.state.report_limiter = RateLimiter(*parse_rate(settings.report_rate))

    static_dir = resources.files("netra.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    app.include_router(routes_pages.router)
    app.include_router(routes_auth.router)
    app.include_router(routes_api.router)
    app.include_router(routes_report.router)
    app.include_router(routes_people.router)  # before routes_cases: /perkara/berulang is not a case id
    app.include_router(routes_cases.router)
    app.include_router(routes_guidance.router)
    app.include_router(routes_monitoring.router)
    app.include_router(routes_analytics.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_prevention.router)
    app.include_router(routes_notifications.router)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Netra API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    _install_error_handlers(app)
    # Order: the outermost middleware is added last.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key(),
        session_cookie="netra_session",
        max_age=settings.session_max_age_seconds,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(SecurityHeaders)

    @app.middleware("http")
    async def request_log(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        # The path only: query strings can carry tracking secrets.
        log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired):
        if wants_html(request):
            return RedirectResponse(f"/masuk?next={request.url.path}", status_code=303)
        return JSONResponse({"detail": "Silakan masuk terlebih dahulu."}, status_code=401)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        key = {403: "error.forbidden", 404: "error.not_found"}.get(exc.status_code)
        if exc.detail == "csrf":
            key = "error.csrf"
        if wants_html(request):
            return render(request, "error.html", {"message_key": key or "error.server", "detail": None if key else exc.detail},
                          status_code=exc.status_code)
        return JSONResponse({"detail": exc.detail if not key or exc.detail != "csrf" else "CSRF token missing or invalid"},
                            status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [{"field": ".".join(str(p) for p in e["loc"][1:]), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse({"detail": "Masukan tidak valid.", "errors": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error", extra={"path": request.url.path})
        if wants_html(request):
            return render(request, "error.html", {"message_key": "error.server", "detail": None}, status_code=500)
        return JSONResponse({"detail": "Kesalahan server; data tidak berubah."}, status_code=500)
