"""`netra regions`, `netra users`, `netra demo`: reference data, accounts and demo data."""

from __future__ import annotations

import typer
from rich.progress import track
from rich.table import Table

from netra.accounts.passwords import WeakPassword
from netra.accounts.roles import Role
from netra.cli.context import clean_errors, console, fail, open_database
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
