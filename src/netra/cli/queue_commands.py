"""`netra queue`: feed the monitoring queue and hand reviewer decisions back to the screener."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from netra.cli.context import clean_errors, console, err_console, fail, open_database

app = typer.Typer(help="The monitoring queue of screener-flagged items.", no_args_is_help=True)


@app.command("import")
@clean_errors
def import_items(
    ctx: typer.Context,
    input: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSON Lines in the `netra screen` input format."),
    election: str = typer.Option(..., help="Election id, e.g. pilkada2024."),
    region: str = typer.Option(None, help="Kemendagri regency/city code for items without a region."),
    batch: str = typer.Option(None, help="Batch name (default: the file name); re-importing a batch adds nothing twice."),
) -> None:
    """Screen INPUT and queue the flagged items for review. Exit 1 when any line was rejected."""
    from netra.services.elections import election_choices
    from netra.services.monitoring import screen_and_queue

    db = open_database(ctx.obj, migrate=True)
    choices = election_choices(db)
    if election not in choices:
        fail(f"Unknown election '{election}'; choose one of: {', '.join(choices)}.")
    records, bad = [], []
    with input.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                    records.append(record if isinstance(record, dict) else {})
                except ValueError:
                    bad.append(f"line {n}: not valid JSON")
    with console.status("Screening and queueing…"):
        summary = screen_and_queue(db, records, batch or input.name, election, default_region=region)
    for problem in bad + summary.rejected:
        err_console.print(problem, markup=False)
    console.print(f"Screened {summary.screened}, queued {summary.queued}, duplicates {summary.duplicates}, "
                  f"rejected {len(bad) + len(summary.rejected)}.")
    if bad or summary.rejected:
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
