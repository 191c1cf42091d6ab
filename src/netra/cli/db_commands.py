"""`netra db`: schema migrations."""

from __future__ import annotations

import typer

from netra.cli.context import clean_errors, console, open_database

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
@clean_errors
def upgrade(ctx: typer.Context) -> None:
    """Create or migrate the database schema to the newest version."""
    db = open_database(ctx.obj, migrate=True)
    console.print(f"Database schema is up to date ({db.engine.url.get_backend_name()}).")
