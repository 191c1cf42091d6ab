"""`netra people`: the civil-servant register from agencies' CSV/XLSX exports."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from netra.cli.context import account_named, clean_errors, console, fail, open_database, settings_from
from netra.web.formatting import number

app = typer.Typer(help="The civil-servant register (PNS and PPPK).", no_args_is_help=True)
SHOWN_ERRORS = 20


@app.command("import")
@clean_errors
def import_file(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="CSV or XLSX export."),
    by: str = typer.Option(..., "--by", help="Username of the administrator or BKN officer importing."),
    reason: str = typer.Option(..., "--reason", help="Why, with the source and date of the export."),
) -> None:
    """Add and update register entries; bad rows are listed by line and change nothing."""
    from netra.services.people.register import ImportRefused, import_register

    db = open_database(settings_from(ctx), migrate=True)
    account = account_named(db, by)
    unit = "rows" if file.suffix.lower() in (".xlsx", ".xlsm") else "bytes"
    columns = [TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
               *([DownloadColumn()] if unit == "bytes" else []), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("Membaca dan memeriksa", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        def phase(name: str) -> None:
            bar.update(task, completed=bar.tasks[0].total)
            bar.add_task("Menggabungkan ke daftar pegawai", total=None)

        try:
            result = import_register(db, account, file, reason, progress=progress, phase=phase)
        except ImportRefused as exc:
            fail(str(exc))
    for error in result.errors[:SHOWN_ERRORS]:
        console.print(f"[yellow]{error}[/]", highlight=False)
    if result.error_count > SHOWN_ERRORS:
        console.print(f"... dan {number(result.error_count - SHOWN_ERRORS)} kesalahan lain (lihat impor "
                      f"#{result.import_id}).", highlight=False)
    console.print(f"Impor #{result.import_id}: {number(result.rows)} baris, {number(result.added)} ditambahkan, "
                  f"{number(result.updated)} diperbarui, {number(result.unchanged)} tetap, "
                  f"{number(result.error_count)} salah ({number(result.seconds)} detik).", highlight=False)
