"""`netra regions`, `netra users`, `netra demo`: reference data, accounts and demo data."""

from __future__ import annotations

import typer
from rich.progress import track
from rich.table import Table

from netra.accounts.passwords import WeakPassword
from netra.accounts.roles import Role
from netra.cli.context import account_named, clean_errors, console, fail, open_database
from netra.regions.source import SOURCE, load_reference_regions
from netra.services.accounts import AccountError, create_account
from netra.services.reference import load_regions

regions_app = typer.Typer(help="Reference data: provinces and regencies/cities.", no_args_is_help=True)
users_app = typer.Typer(help="Accounts of officers and administrators.", no_args_is_help=True)
demo_app = typer.Typer(help="Demo data (fictional people in real regions).", no_args_is_help=True)


@regions_app.command("load")
@clean_errors
def regions_load(ctx: typer.Context) -> None:
    """Load every province and regency/city (idempotent)."""
    db = open_database(ctx.obj)  # schema only here: the load below is the one to report
    db.migrate()
    result = load_regions(db, progress=lambda items: track(items, description="Loading regions", console=console))
    console.print(f"Regions: {result.total} in source, {result.added} added, {result.updated} updated. Source: {SOURCE}.")


@users_app.command("create-admin")
@clean_errors
def create_admin(
    ctx: typer.Context,
    username: str = typer.Option(..., help="Login name (lowercase)."),
    full_name: str = typer.Option("", help="Full name shown in the audit trail."),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True, help="At least 10 characters."),
    region: list[str] = typer.Option(None, help="Region code in scope (repeatable); default: every province."),
) -> None:
    """Create an administrator account."""
    db = open_database(ctx.obj, migrate=True)
    scope = region or [r.code for r in load_reference_regions() if r.parent_code is None]
    try:
        account = create_account(db, username, full_name, password, Role.ADMIN, scope)
    except (AccountError, WeakPassword) as exc:
        fail(str(exc))
    console.print(f"Administrator '{account.username}' created with {len(account.scope)} region(s) in scope.")


BY = typer.Option(..., "--by", help="Username of the administrator making the change.")
REASON = typer.Option(..., "--reason", help="Why (kept in the audit trail).")


def _set_active(ctx: typer.Context, username: str, by: str, reason: str, active: bool) -> None:
    from netra.services.accounts import set_active

    db = open_database(ctx.obj, migrate=True)
    try:
        account = set_active(db, account_named(db, by), username, active, reason)
    except AccountError as exc:
        fail(str(exc))
    console.print(f"'{account.username}' is active again." if active else
                  f"'{account.username}' deactivated; its sessions are ended.")


@users_app.command("deactivate")
@clean_errors
def deactivate(ctx: typer.Context, username: str = typer.Argument(...), by: str = BY, reason: str = REASON) -> None:
    """Deactivate an account: it can no longer sign in and every session it has ends at once."""
    _set_active(ctx, username, by, reason, active=False)


@users_app.command("activate")
@clean_errors
def activate(ctx: typer.Context, username: str = typer.Argument(...), by: str = BY, reason: str = REASON) -> None:
    """Reactivate an account. Sessions from before stay ended: the person signs in again."""
    _set_active(ctx, username, by, reason, active=True)


@users_app.command("set-password")
@clean_errors
def set_password(
    ctx: typer.Context,
    username: str = typer.Argument(...),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True,
                                 help="At least 10 characters."),
) -> None:
    """Set an account's password (a forgotten one); every session of the account ends."""
    from netra.services.accounts import set_password as set_it

    db = open_database(ctx.obj, migrate=True)
    account = account_named(db, username)
    try:
        ended = set_it(db, account.id, password, "system:cli")
    except WeakPassword as exc:
        fail(str(exc))
    console.print(f"Password of '{account.username}' set; {ended} session(s) ended.")


@users_app.command("sessions")
@clean_errors
def list_sessions(ctx: typer.Context, username: str = typer.Argument(...),
                  end: bool = typer.Option(False, "--end", help="End every session of the account.")) -> None:
    """List an account's signed-in sessions (times in UTC), or end them all."""
    from netra.services import sessions

    db = open_database(ctx.obj, migrate=True)
    account = account_named(db, username)
    if end:
        with db.transaction() as session:
            ended = sessions.end_all(session, account.id)
        console.print(f"{ended} session(s) of '{account.username}' ended.")
        return
    table = Table("started (UTC)", "last active (UTC)", "expires (UTC)", "address", "browser")
    for s in sessions.listed(db, account.id):
        table.add_row(*(f"{t:%Y-%m-%d %H:%M}" for t in (s.created_at, s.last_seen_at, s.expires_at)), s.ip,
                      s.user_agent[:60])
    console.print(table)


@demo_app.command("load")
@clean_errors
def demo_load(ctx: typer.Context) -> None:
    """Load regions, demo cases and the demo accounts, then print the demo credentials (idempotent)."""
    settings = ctx.obj
    load_demo(open_database(settings, migrate=True), settings)


def load_demo(db, settings) -> None:
    from netra.demo.accounts import ensure_demo_accounts
    from netra.demo.cases import ensure_demo_cases
    from netra.demo.people import ensure_demo_register
    from netra.demo.prevention import ensure_demo_prevention
    from netra.storage.evidence_store import EvidenceStore
    from netra.services import analytics

    with console.status("Creating demo cases…"):
        added = ensure_demo_cases(db)
    console.print(f"Demo cases: {added} added." if added else "Demo cases: already present.")
    added = ensure_demo_prevention(db, EvidenceStore(settings.data_dir / "evidence"))
    console.print(f"Demo socialisation events and pledges: {added} added." if added else
                  "Demo socialisation events and pledges: already present.")
    credentials = ensure_demo_accounts(db, settings.data_dir)
    if added_people := ensure_demo_register(db):
        console.print(f"Demo civil-servant register: {added_people} people added.")
    with console.status("Preparing statistics and worklist clocks…"):  # now, not on the first page anyone opens
        analytics.warm(db)
    print_credentials(credentials)


def print_credentials(credentials) -> None:
    table = Table(title="Demo accounts (passwords are generated for this installation)")
    for column in ("username", "password", "role", "region"):
        table.add_column(column)
    for c in credentials:
        table.add_row(c.username, c.password, c.role.value, f"{c.region_name} ({c.region_code})")
    console.print(table)
