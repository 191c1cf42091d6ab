"""`netra serve` and `netra run`: the web UI and API."""

from __future__ import annotations

import errno
import os
import socket

import typer

from netra.cli.context import clean_errors, console, fail, open_database
from netra.logs import configure_logging


def _check_port(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                fail(f"Port {port} on {host} is already in use; stop the other program or pass --port.")
            fail(f"Cannot listen on {host}:{port}: {exc.strerror}.")


def _serve(settings, db, host: str, port: int, workers: int) -> None:
    import uvicorn

    from netra.web.app import create_app

    _check_port(host, port)
    configure_logging()
    console.print(f"Netra is running at [bold]http://{host}:{port}[/] (API docs at /docs). Ctrl-C stops it.")
    # X-Forwarded-For/-Proto are believed only from the proxies the operator names: uvicorn's own default trusts
    # them from loopback, which let any local client pick the address rate limits key on (issue 14, finding 15).
    proxies = {"proxy_headers": bool(settings.trusted_proxies),
               "forwarded_allow_ips": settings.trusted_proxies or None}
    if workers > 1:
        # Each worker process builds its own app from the environment; sessions, lockouts and rate limits live in
        # the database, so they hold across workers.
        os.environ.update(NETRA_DATA_DIR=str(settings.data_dir), NETRA_DATABASE_URL=settings.database_url)
        db.dispose()
        uvicorn.run("netra.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                    log_config=None, access_log=False, **proxies)
        return
    uvicorn.run(create_app(settings, db), host=host, port=port, log_config=None, access_log=False, **proxies)


HOST = typer.Option("127.0.0.1", help="Address to listen on.")
PORT = typer.Option(8000, min=1, max=65535, help="Port to listen on.")
WORKERS = typer.Option(1, min=1, max=64, help="Server processes (each with its own screening process).")


def _prepare_and_serve(settings, host: str, port: int, demo: bool, workers: int = 1) -> None:
    from netra.cli.setup_commands import load_demo

    os.umask(0o077)  # the database, its WAL, keys, evidence and checkpoints: readable by this user only
    _check_port(host, port)  # before the slow part, so a busy port fails at once
    db = open_database(settings, migrate=True)  # also loads the reference regions
    if demo:
        load_demo(db, settings)
        _start_worker(settings, db)
    _serve(settings, db, host, port, workers)


def _start_worker(settings, db) -> None:
    """`netra run` sends notifications beside the web server (production runs `netra worker` on its own)."""
    from netra.services.notifications.worker import WorkerRunning, start_background

    try:
        start_background(db, settings)
    except WorkerRunning as exc:
        console.print(f"{exc} Notifications are left to it.")
        return
    console.print(f"Notification worker started (SMTP: {settings.smtp_host or 'not set; emails wait in the queue'}).")


@clean_errors
def serve(ctx: typer.Context, host: str = HOST, port: int = PORT, workers: int = WORKERS) -> None:
    """Migrate, make sure the reference regions are loaded, and serve the web UI and API (no demo data)."""
    _prepare_and_serve(ctx.obj, host, port, demo=False, workers=workers)


@clean_errors
def run(ctx: typer.Context, host: str = HOST, port: int = PORT) -> None:
    """Migrate, load reference and demo data (idempotent), print the demo accounts, and serve."""
    _prepare_and_serve(ctx.obj, host, port, demo=True)
