"""`netra audit`: checking the audit trail."""

from __future__ import annotations

import typer

from netra.cli.context import clean_errors, console, err_console, open_database
from netra.storage import audit_log

app = typer.Typer(help="The append-only, hash-chained audit trail.", no_args_is_help=True)


@app.command("verify")
@clean_errors
def verify(ctx: typer.Context) -> None:
    """Recompute the hash chain; exit 1 and name every edited or deleted entry."""
    db = open_database(ctx.obj, migrate=True)
    with db.transaction() as session:
        checked, breaks = audit_log.verify(session)
    if breaks:
        for b in breaks:
            err_console.print(f"[red]entry {b.seq}:[/] {b.problem}")
        err_console.print(f"Audit trail BROKEN: {len(breaks)} problem(s) in {checked} entries.")
        raise typer.Exit(1)
    console.print(f"Audit trail intact: {checked} entries verified.")
