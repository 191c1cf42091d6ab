"""`netra audit`: checking the audit trail and writing its checkpoints."""

from __future__ import annotations

from pathlib import Path

import typer

from netra.cli.context import clean_errors, console, err_console, open_database
from netra.storage import audit_log

app = typer.Typer(help="The append-only, keyed hash chain of the audit trail.", no_args_is_help=True)


@app.command("verify")
@clean_errors
def verify(
    ctx: typer.Context,
    checkpoints: Path = typer.Option(None, "--checkpoints", dir_okay=False,
                                     help="Checkpoint file to check against (default: the data directory's; "
                                          "give a copy shipped elsewhere to check against that)."),
) -> None:
    """Recompute the keyed chain, check it against the signed checkpoints and every case's rows against the
    trail; exit 1 and name every problem."""
    from netra.services.audit_trail import verify as verify_trail

    settings = ctx.obj
    db = open_database(settings, migrate=True)
    check = verify_trail(db, settings.audit_key(), checkpoints or settings.checkpoint_file)  # as /admin/audit does
    if check.breaks:
        for b in check.breaks:
            err_console.print(f"[red]entry {b.seq}:[/] {b.problem}", highlight=False)
        err_console.print(f"Audit trail BROKEN: {len(check.breaks)} problem(s) in {check.checked} entries.")
        raise typer.Exit(1)
    note = (f", {check.checkpoints} checkpoint(s) in {check.path}" if check.checkpoints
            else f"; no checkpoints in {check.path} yet")
    console.print(f"Audit trail intact: {check.checked} entries verified{note}.", highlight=False)


@app.command("checkpoint")
@clean_errors
def checkpoint(ctx: typer.Context) -> None:
    """Append a signed checkpoint of the chain's head to the checkpoint file (the server also does so every
    minute while the trail grows). Ship the file elsewhere (e.g. by cron) so that it outlives the server."""
    settings = ctx.obj
    db = open_database(settings, migrate=True)
    with db.transaction() as session:
        written = audit_log.write_checkpoint(session, settings.audit_key(), settings.checkpoint_file)
    if written is None:
        console.print("The last checkpoint already covers the chain's head; nothing written.")
    else:
        console.print(f"Checkpoint at entry {written.seq} written to {settings.checkpoint_file}.", highlight=False)
