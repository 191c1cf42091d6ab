"""`netra candidates`: import KPU's candidate lists (CSV or XLSX) for the screener, and list what is stored."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from netra.cli.context import account_named, clean_errors, console, err_console, fail, open_database

app = typer.Typer(help="Candidate pairs from KPU's lists: the screener's registry per election and region.",
                  no_args_is_help=True)


@app.command("import")
@clean_errors
def import_list(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="KPU list: CSV or XLSX (Nomor Urut, Nama ...)."),
    election: str = typer.Option(..., "--election", help="Election id, e.g. pilkada2024."),
    region: str = typer.Option(None, "--region", help="Kemendagri code for every row when the list has no region "
                                                      "column (a regency's own list)."),
    by: str = typer.Option(..., "--by", help="Username of the administrator importing the list."),
) -> None:
    """Store the pairs of FILE for ELECTION, replacing those stored for the same regions. Nothing is stored when
    any row is wrong; every problem is printed with its row number. Exit 1 then."""
    from netra.services.candidates import CandidateImportError, import_kpu_list
    from netra.services.reference_data import ReferenceDataError

    db = open_database(ctx.obj, migrate=True)
    try:
        result = import_kpu_list(db, account_named(db, by), file, election, default_region=region)
    except ReferenceDataError as exc:
        fail(str(exc))
    except CandidateImportError as exc:
        for problem in exc.problems:
            err_console.print(f"{file.name}: {problem}", markup=False)
        fail(f"{len(exc.problems)} problem(s); nothing was stored.")
    regions = ", ".join(r or "nasional" for r in result.regions)
    console.print(f"{result.stored} pair(s) stored for {result.election_id} ({regions}); {result.replaced} "
                  "replaced. The screener uses them from now on.", markup=False)


@app.command("list")
@clean_errors
def list_(ctx: typer.Context, election: str = typer.Option(None, "--election", help="Only this election.")) -> None:
    """The stored pairs, by election, region and ballot number."""
    from netra.services.candidates import list_candidates

    table = Table("election", "region", "number", "name", "party or coalition", "from")
    for r in list_candidates(open_database(ctx.obj, migrate=True), election):
        table.add_row(r.election_id, r.region_code or "nasional", f"{r.number:02d}", r.name, r.party, r.source_file)
    console.print(table)
