"""`netra backup` and `netra restore`: database and evidence together."""

from __future__ import annotations

from pathlib import Path

import typer

from netra.cli.context import clean_errors, console, fail, open_database
from netra.storage import audit_log
from netra.storage.backup import BackupError, create_backup, restore_backup
from netra.storage.evidence_store import EvidenceStore


@clean_errors
def backup(ctx: typer.Context, target: Path = typer.Argument(..., help="File to write, e.g. netra-2024-11-27.tar.gz")) -> None:
    """Write the whole database and every evidence file into one .tar.gz."""
    settings = ctx.obj
    if target.exists():
        fail(f"{target} already exists; choose a new file name.")
    db = open_database(settings, migrate=True)
    try:
        manifest = create_backup(db, EvidenceStore(settings.data_dir / "evidence"), target)
    except BackupError as exc:
        target.unlink(missing_ok=True)
        fail(str(exc))
    rows = sum(manifest["tables"].values())
    console.print(f"Backup written to {target}: {rows} rows, {manifest['evidence_files']} evidence files.")


@clean_errors
def restore(ctx: typer.Context, source: Path = typer.Argument(..., exists=True, dir_okay=False, help="A file made by netra backup")) -> None:
    """Restore a backup into an empty database, then verify the audit chain."""
    settings = ctx.obj
    db = open_database(settings, migrate=True)
    try:
        manifest = restore_backup(db, EvidenceStore(settings.data_dir / "evidence"), source)
    except BackupError as exc:
        fail(str(exc))
    with db.transaction() as session:
        checked, breaks = audit_log.verify(session)
    console.print(f"Restored {sum(manifest['tables'].values())} rows and {manifest['evidence_files']} evidence files "
                  f"(backup from {manifest['backend']}, {manifest['created_at']}).")
    if breaks:
        fail(f"The restored audit trail does not verify ({len(breaks)} problem(s)); the backup may have been altered.")
    console.print(f"Audit trail intact: {checked} entries verified.")
