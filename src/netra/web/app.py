"""Builds the FastAPI application around one Database and the Settings."""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager
from http import HTTPStatus
from importlib import resources

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

import netra
from netra.config import Settings
from netra.services.throttle import Limit
from netra.storage import audit_log
from netra.storage.database import Database
from netra.web import (
    routes_admin, routes_analytics, routes_api, routes_audit, routes_auth, routes_case_facts, routes_cases,
    routes_guidance, routes_monitoring, routes_notifications, routes_pages, routes_people, routes_prevention,
    routes_report, routes_tokens, routes_users, routes_worklist,
)
from netra.web.screening_pool import ScreeningPool
from netra.web.rendering import cache_compiled_templates, render, wants_html
from netra.web.security import LoginRequired, SecurityHeaders, verify_csrf

log = logging.getLogger("netra.web")


DEFAULT_BODY_LIMIT = 1024 * 1024  # every route: forms and JSON; upload routes set their own, larger limit


@asynccontextmanager
async def _lifespan(app: FastAPI):
    # The statistics are warmed in the background: every other page is served at once, and the first statistics
    # request finds them ready (or waits only for the rest of the warm-up, not for a catch-up of its own). The
    # guidance engine is not warmed here: building it beside the statistics warm-up made the first /statistik take
    # 4-5 s instead of 0.2-0.4 s (bench_pages, 7 Dec); the "Bolehkah?" form starts it instead (routes_guidance).
    threading.Thread(target=_warm_statistics, args=(app.state.db,), name="netra-warm-statistics", daemon=True).start()
    yield


def _warm_statistics(db: Database) -> None:
    from datetime import date

    from netra import formatting
    from netra.services import analytics, reference_data
    from netra.storage.repositories import RegionRepository
    from netra.web.rendering import compile_templates

    started = time.perf_counter()
    try:
        compile_templates("stats_page.html", "dashboard_page.html")  # once, with their base and macros
        for lang in ("id", "en"):  # Babel reads its locale data on first use
            formatting.day(date(2024, 1, 1), lang), formatting.number(1234, lang)
        with db.transaction() as session:  # the region filters' lists
            RegionRepository(session).within(("33",))
        reference_data.elections(db)  # the filters' election and stage choices
        analytics.warm(db)
    except Exception:  # a request will do the same work and report any error itself
        log.exception("statistics warm-up failed")
    else:
        log.info("statistics warm", extra={"ms": round((time.perf_counter() - started) * 1000, 1)})


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    db = db or Database(settings.database_url)
    if db.audit_key is None:
        db.audit_key = settings.audit_key()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        checkpoints = AuditCheckpoints(db, settings)
        checkpoints.start()
        async with _lifespan(app):
            yield
        app.state.screening.close()
        checkpoints.stop()

    app = FastAPI(
        title="Netra",
        version=netra.__version__,
        description="API Netra: netralitas ASN dalam Pemilu dan Pilkada.",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(verify_csrf)],
        # Counted while the body streams in, chunked or not, so an oversized body never sits in memory (issue 14,
        # finding 9); routes that take files raise it for themselves.
        max_body_size=DEFAULT_BODY_LIMIT,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    cache_compiled_templates(settings.data_dir / "cache" / "templates")
    app.state.report_limit = Limit.parse("report", settings.report_rate)
    app.state.screen_limit = Limit.parse("screen", settings.screen_rate)
    app.state.screening = ScreeningPool(settings.screen_processes, db.engine.url.render_as_string(hide_password=False))

    static_dir = resources.files("netra.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    app.include_router(routes_pages.router)
    app.include_router(routes_auth.router)
    app.include_router(routes_api.router)
    app.include_router(routes_report.router)
    app.include_router(routes_people.router)  # before routes_cases: /perkara/berulang is not a case id
    app.include_router(routes_worklist.router)  # before routes_cases: /perkara and /perkara/massal
    app.include_router(routes_cases.router)
    app.include_router(routes_case_facts.router)
    app.include_router(routes_guidance.router)
    app.include_router(routes_monitoring.router)
    app.include_router(routes_analytics.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_tokens.router)
    app.include_router(routes_users.router)
    app.include_router(routes_audit.router)
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
    app.add_middleware(SecurityHeaders, secure_cookies=settings.secure_cookies)

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


class AuditCheckpoints:
    """Writes a signed audit checkpoint (netra.storage.audit_log.write_checkpoint) at start, every
    `checkpoint_seconds` while the trail grows, and at shutdown, in a thread of its own."""

    def __init__(self, db: Database, settings: Settings):
        self.db, self.settings = db, settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audit-checkpoints", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.write()

    def _run(self) -> None:
        self.write()
        while not self._stop.wait(max(1, self.settings.checkpoint_seconds)):
            self.write()

    def write(self) -> None:
        try:
            with self.db.transaction() as session:
                audit_log.write_checkpoint(session, self.settings.audit_key(), self.settings.checkpoint_file)
        except Exception:  # a full disk or a lost database must not take the server down; the next try may work
            log.warning("audit checkpoint not written", exc_info=True)


def app_from_environment() -> FastAPI:
    """For `netra serve --workers N`: each worker process builds its app from NETRA_* variables."""
    return create_app(Settings.from_env())


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired):
        if wants_html(request):
            return RedirectResponse(f"/masuk?next={request.url.path}", status_code=303)
        return JSONResponse({"detail": "Silakan masuk terlebih dahulu."}, status_code=401)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        key = {403: "error.forbidden", 404: "error.not_found", 413: "error.too_large"}.get(exc.status_code)
        if exc.detail == "csrf":
            key = "error.csrf"
        if wants_html(request):
            # A reason the handler wrote (not the status's stock phrase) is shown under the general message.
            stock = exc.detail in (None, "csrf") or exc.detail == HTTPStatus(exc.status_code).phrase
            return render(request, "error.html", {"message_key": key or "error.server",
                                                  "detail": None if key and stock else exc.detail},
                          status_code=exc.status_code)
        return JSONResponse({"detail": exc.detail if not key or exc.detail != "csrf" else "CSRF token missing or invalid"},
                            status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if wants_html(request):
            # On pages the only validated parameters are ids in the path: one that cannot exist is "not found".
            in_path = any(e["loc"][:1] == ("path",) for e in exc.errors())
            return render(request, "error.html", {"message_key": "error.not_found" if in_path else "error.invalid",
                                                  "detail": None}, status_code=404 if in_path else 422)
        errors = [{"field": ".".join(str(p) for p in e["loc"][1:]), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse({"detail": "Masukan tidak valid.", "errors": errors}, status_code=422)

    async def refused_by_database(request: Request, exc: Exception):
        # A value the database cannot hold (a NUL character, a number beyond 64 bits) that no check caught: the
        # transaction rolled back, so it is the input that is wrong, not the server.
        log.warning("input refused by the database", exc_info=True, extra={"path": request.url.path})
        if wants_html(request):
            return render(request, "error.html", {"message_key": "error.invalid", "detail": None}, status_code=422)
        return JSONResponse({"detail": "Masukan tidak valid; data tidak berubah."}, status_code=422)

    app.add_exception_handler(DataError, refused_by_database)
    app.add_exception_handler(OverflowError, refused_by_database)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error", extra={"path": request.url.path})
        if wants_html(request):
            return render(request, "error.html", {"message_key": "error.server", "detail": None}, status_code=500)
        return JSONResponse({"detail": "Kesalahan server; data tidak berubah."}, status_code=500)
