"""`netra worker` (sends queued notifications, clock warnings and digests) and `netra notifications status|retry|
email|digest|bounce|webhook-add|webhook-deactivate|webhook-activate|webhooks`."""

from __future__ import annotations

import signal
import threading
from datetime import datetime, timezone

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
        from netra.services.notifications import webhooks
        from netra.services.notifications.worker import chores

        chores(db)
        counts, posts = deliver_due(db, mailer), webhooks.deliver_due(db, settings)
        console.print(f"Sent {counts.sent}, to retry {counts.retried}, failed {counts.failed}; webhooks posted "
                      f"{posts.sent}, to retry {posts.retried}, failed {posts.failed}.")
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
        console.print("Emails: " + ", ".join(f"{k} {totals.get(k, 0)}"
                                             for k in ("queued", "sending", "sent", "failed")))
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


@app.command("digest")
@clean_errors
def digest(ctx: typer.Context,
           now: bool = typer.Option(False, "--now", help="Do not wait for 07:00 local time.")) -> None:
    """Send the daily digests that are due (07:00 in each officer's zone; with --now, all of today's not yet sent).
    Never twice to one officer on one local day, whoever sent the first."""
    from netra.services.notifications.clock_warnings import warn
    from netra.services.notifications.digest import send_due

    db = open_database(ctx.obj)
    at = datetime.now(timezone.utc)
    warned = warn(db, at)
    done = send_due(db, at, force=now)
    for sent in done:
        console.print(f"{sent.username}: {sent.local_day} {sent.zone}, "
                      + (f"{sent.items} item(s)" if sent.items else "nothing to tell (not sent)"))
    console.print(f"Digests written: {sum(1 for s in done if s.items)}; legal-clock warnings given: {warned}.")


@app.command("bounce")
@clean_errors
def bounce(ctx: typer.Context, address: str, reason: str = typer.Option("recorded by an operator"),
           clear: bool = typer.Option(False, "--clear", help="The mailbox works again: write to it again.")) -> None:
    """Mark an address as bouncing: nothing more is sent to it (shown to its owner and administrators)."""
    from netra.services.notifications import bounces

    db = open_database(ctx.obj)
    with db.transaction() as session:
        if clear:
            bounces.clear(session, address)
        else:
            bounces.record(session, address, reason, "operator")
    console.print(f"{address}: {'cleared' if clear else 'marked as bouncing; nothing more is sent to it'}.")


@app.command("webhook-add")
@clean_errors
def webhook_add(ctx: typer.Context, region: str, kind: str, url: str,
                admin: str = typer.Option(..., help="The administrator registering it (recorded).")) -> None:
    """Register a webhook for one event kind in one region (and the regions it covers); prints its secret once."""
    from netra.notifications.webhook_urls import UnsafeUrl
    from netra.services.notifications.webhooks import WebhookRefused, register

    db = open_database(ctx.obj)
    account = account_named(db, admin)
    try:
        hook_id, secret = register(db, account, region, kind, url, ctx.obj)
    except (UnsafeUrl, WebhookRefused) as exc:
        fail(str(exc))
    console.print(f"Webhook {hook_id} registered. Secret (shown once, for X-Netra-Signature): {secret}")


def _set_webhook(ctx: typer.Context, hook_id: int, active: bool, reason: str, admin: str) -> None:
    from netra.services.notifications.webhooks import WebhookRefused, set_active

    db = open_database(ctx.obj)
    account = account_named(db, admin)
    try:
        cancelled = set_active(db, account, hook_id, active, reason)
    except WebhookRefused as exc:
        fail(str(exc))
    console.print(f"Webhook {hook_id} reactivated." if active else
                  f"Webhook {hook_id} deactivated; {cancelled} queued deliveries cancelled.")


@app.command("webhook-deactivate")
@clean_errors
def webhook_deactivate(ctx: typer.Context, hook_id: int, reason: str = typer.Option(..., help="Why (audited)."),
                       admin: str = typer.Option(..., help="The administrator (recorded).")) -> None:
    """Stop posting to a webhook: nothing new is queued for it and its queued deliveries are cancelled."""
    _set_webhook(ctx, hook_id, False, reason, admin)


@app.command("webhook-activate")
@clean_errors
def webhook_activate(ctx: typer.Context, hook_id: int, reason: str = typer.Option(..., help="Why (audited)."),
                     admin: str = typer.Option(..., help="The administrator (recorded).")) -> None:
    """Post to a deactivated webhook again (events from now on)."""
    _set_webhook(ctx, hook_id, True, reason, admin)


@app.command("webhooks")
@clean_errors
def webhooks_list(ctx: typer.Context) -> None:
    """The webhooks and their latest deliveries, with status, HTTP code and last error."""
    from netra.notifications.webhook_urls import masked
    from netra.services.notifications.webhooks import overview

    db = open_database(ctx.obj)
    with db.transaction() as session:
        hooks, totals, latest = overview(session)
        table = Table("id", "region", "kind", "url", "active", "last change (UTC)")
        for h in hooks:
            change = (f"{h.active_changed_at:%Y-%m-%d %H:%M} {h.active_changed_by}: {h.active_reason}"
                      if h.active_changed_at else "")
            table.add_row(str(h.id), h.region_code, h.kind, masked(h.url), "yes" if h.active else "no", change)
        console.print(table)
        console.print("Deliveries: " + ", ".join(f"{k} {totals.get(k, 0)}"
                                                 for k in ("queued", "sending", "sent", "failed", "cancelled")))
        table = Table("id", "webhook", "kind", "status", "attempts", "HTTP", "last error")
        for d in latest:
            table.add_row(str(d.id), str(d.webhook_id), d.kind, d.status, str(d.attempts),
                          str(d.response_code or ""), d.last_error[:80])
        console.print(table)
