"""`netra stats`: maintenance of the statistics summary table."""

from __future__ import annotations

import typer

from netra.cli.context import clean_errors, console, open_database

app = typer.Typer(help="Statistics (dashboard and public figures).", no_args_is_help=True)


@app.command("rebuild")
@clean_errors
def rebuild(ctx: typer.Context) -> None:
    """Rebuild the case_stats summary from the cases. Run once after migrating a large existing database, so the
    first statistics request does not have to."""
    from netra.services.analytics import facts

    db = open_database(ctx.obj, migrate=True)
    with console.status("Rebuilding statistics…"), db.transaction() as session:
        facts.rebuild(session)
    console.print("Statistics rebuilt.")
