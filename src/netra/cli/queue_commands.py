"""`netra queue`: feed the monitoring queue and hand reviewer decisions back to the screener."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from netra.cli.context import account_named, clean_errors, console, err_console, fail, open_database

app = typer.Typer(help="The monitoring queue of screener-flagged items.", no_args_is_help=True)


@app.command("import")
@clean_errors
def import_items(
    ctx: typer.Context,
    input: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSON Lines in the `netra screen` input format."),
    election: str = typer.Option(..., help="Election id, e.g. pilkada2024."),
    by: str = typer.Option(..., "--by", help="Username of the Bawaslu officer importing (records must lie in "
                                            "their regions; the audit trail names them)."),
    region: str = typer.Option(None, help="Kemendagri regency/city code for items without a region."),
    batch: str = typer.Option(None, help="Batch name (default: the file name); re-importing a batch adds nothing twice."),
) -> None:
    """Screen INPUT and queue the flagged items for review. Exit 1 when any line was rejected."""
    from netra.screening.runner import read_jsonl
    from netra.services.elections import election_choices
    from netra.services.monitoring import QueueError, screen_and_queue

    db = open_database(ctx.obj, migrate=True)
    choices = election_choices(db)
    if election not in choices:
        fail(f"Unknown election '{election}'; choose one of: {', '.join(choices)}.")
    officer = account_named(db, by)
    with input.open("rb") as fh, console.status("Screening and queueing…"):
        try:
            summary = screen_and_queue(db, list(read_jsonl(fh)), batch or input.name, election,
                                       default_region=region, account=officer)
        except QueueError as exc:
            fail(str(exc))
    for problem in summary.rejected:
        err_console.print(problem, markup=False)
    console.print(f"Screened {summary.screened}, queued {summary.queued}, duplicates {summary.duplicates}, "
                  f"rejected {len(summary.rejected)}.")
    if summary.rejected:
        raise typer.Exit(1)


@app.command("labels")
@clean_errors
def labels(ctx: typer.Context, out: Path = typer.Option(..., "--out", help="JSONL for `netra model train --extra`.")) -> None:
    """Write every reviewer decision as a labelled example for retraining the screener."""
    from netra.services.monitoring import decision_labels

    rows = decision_labels(open_database(ctx.obj, migrate=True))
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    console.print(f"{len(rows)} reviewer decision(s) written to {out}.")
