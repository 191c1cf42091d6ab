"""`netra worker` (sends queued notifications) and `netra notifications status|retry|email`."""

from __future__ import annotations

import signal
import threading

import typer
from rich.table import Table

from netra.cli.context import account_named, clean_errors, console, fail, open_database
from netra.logs import configure_logging

app = typer.Typer(help="Notifications: the email queue and where accounts are told.", no_args_is_help=True)


@clean_errors
def worker(ctx: typer.Context, once: bool = typer.Option(False, help="Send what is due now, then stop.")) -> None:
    """Send queued notifications over SMTP (NETRA_SMTP_*), retrying failures with backoff. Several workers may run
    on one PostgreSQL; on SQLite, one."""
    from netra.services.notifications.worker import SmtpMailer, WorkerRunning, deliver_due, run, sqlite_lock

    settings = ctx.obj
    db = open_database(settings)
    try:
        lock = sqlite_lock(settings)
    except WorkerRunning as exc:
        fail(str(exc))
    configure_logging()
    mailer = SmtpMailer(settings)
    if once:
        counts = deliver_due(db, mailer)
        console.print(f"Sent {counts.sent}, to retry {counts.retried}, failed {counts.failed}.")
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    console.print(f"Notification worker started (SMTP {settings.smtp_host or 'not configured'}).")
    run(db, mailer, stop)
    if lock is not None:
        lock.close()


@app.command("status")
@clean_errors
def status(ctx: typer.Context) -> None:
    """Emails per status, and those that failed or wait for a retry, with the last error."""
    from netra.services.notifications.worker import status as queue_status

    db = open_database(ctx.obj)
    with db.transaction() as session:
        totals, troubled = queue_status(session)
        console.print("Emails: " + ", ".join(f"{k} {totals.get(k, 0)}" for k in ("queued", "sent", "failed")))
        if troubled:
            table = Table("id", "to", "kind", "status", "attempts", "next attempt (UTC)", "last error")
            for row in troubled:
                table.add_row(str(row.id), row.to_address, row.kind, row.status, str(row.attempts),
                              f"{row.next_attempt_at:%Y-%m-%d %H:%M}", row.last_error[:80])
            console.print(table)


@app.command("retry")
@clean_errors
def retry(ctx: typer.Context) -> None:
    """Queue failed emails again (after fixing the address or the server)."""
    from netra.services.notifications.worker import retry_failed

    db = open_database(ctx.obj)
    with db.transaction() as session:
        console.print(f"{retry_failed(session)} failed emails queued again.")


@app.command("email")
@clean_errors
def email(ctx: typer.Context, username: str, address: str = typer.Argument("", help="Empty: in the app only."),
          lang: str = typer.Option("id", help="id or en")) -> None:
    """Set where an account is told by email, and in which language."""
    from netra.notifications import InvalidAddress
    from netra.services.notifications.subscriptions import set_contact

    db = open_database(ctx.obj)
    account = account_named(db, username)
    try:
        stored = set_contact(db, account.id, address, lang)
    except InvalidAddress as exc:
        fail(str(exc))
    console.print(f"{account.username}: {stored or 'in the app only'} ({lang}).")
