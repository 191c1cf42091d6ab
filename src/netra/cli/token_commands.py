"""`netra tokens`: API tokens for machine clients, created by an administrator for one role and region scope."""

from __future__ import annotations

import typer
from rich.table import Table

from netra.cli.context import account_named, clean_errors, console, fail, open_database

app = typer.Typer(help="API tokens for machine clients (monitoring imports, the screening API).",
                  no_args_is_help=True)
BY = typer.Option(..., "--by", help="Username of the administrator.")


@app.command("create")
@clean_errors
def create(
    ctx: typer.Context,
    name: str = typer.Option(..., help="Who or what uses the token, e.g. 'pemantau-medsos Jepara'."),
    role: str = typer.Option(..., help="bawaslu, bkn, ppk or viewer."),
    region: list[str] = typer.Option(..., help="Region code in scope (repeatable)."),
    by: str = BY,
) -> None:
    """Create a token and print it ONCE: only its hash is kept."""
    from netra.services.api_tokens import TokenError, create as make

    db = open_database(ctx.obj, migrate=True)
    try:
        token, info = make(db, account_named(db, by), name, role, region)
    except TokenError as exc:
        fail(str(exc))
    console.print(f"Token #{info.id} '{info.name}' ({info.role}, {', '.join(info.scope)}). Copy it now; it is not "
                  "shown again:")
    print(token)


@app.command("list")
@clean_errors
def list_tokens(ctx: typer.Context) -> None:
    """Every token: its start, role, scope, who created it, when it was last used, and whether it is revoked."""
    from netra.services.api_tokens import listed

    table = Table("id", "name", "starts", "role", "scope", "created (UTC)", "last used (UTC)", "revoked (UTC)")
    for t in listed(open_database(ctx.obj, migrate=True)):
        when = lambda v: f"{v:%Y-%m-%d %H:%M}" if v else "—"  # noqa: E731
        table.add_row(str(t.id), t.name, t.prefix + "…", t.role, ", ".join(t.scope), when(t.created_at),
                      when(t.last_used_at), when(t.revoked_at))
    console.print(table)


@app.command("revoke")
@clean_errors
def revoke(ctx: typer.Context, token_id: int = typer.Argument(..., min=1, max=2**31 - 1), by: str = BY) -> None:
    """Revoke a token at once, on every server."""
    from netra.services.api_tokens import TokenError, revoke as cancel

    db = open_database(ctx.obj, migrate=True)
    try:
        info = cancel(db, account_named(db, by), token_id)
    except TokenError as exc:
        fail(str(exc))
    console.print(f"Token #{info.id} '{info.name}' revoked.")
