"""Shared CLI plumbing: settings from options or environment, and one-sentence errors instead of tracebacks."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import typer
from rich.console import Console

from netra.config import ConfigError, Settings
from netra.storage.database import Database

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def clean_errors(fn: Callable) -> Callable:
    """Turn ConfigError (and Ctrl-C) into a clear sentence and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ConfigError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            err_console.print("Interrupted.")
            sys.exit(130)

    return wrapper


def settings_from(ctx: typer.Context) -> Settings:
    return ctx.obj


def open_database(settings: Settings, migrate: bool = False) -> Database:
    settings.ensure_data_dir()
    db = Database(settings.database_url, audit_key=settings.audit_key())
    if migrate:  # schema and reference regions together: every command that writes needs both
        from netra.services.reference import load_regions

        db.migrate()
        loaded = load_regions(db)
        if loaded.added or loaded.updated:
            console.print(f"Regions: {loaded.added} added, {loaded.updated} updated ({loaded.total} in the source).")
    else:
        db.check()
    return db


def account_named(db: Database, username: str):
    """The account with this username, or a one-sentence error: every `--by USER` option resolves here."""
    from netra.storage.repositories import AccountRepository

    with db.transaction() as session:
        found = AccountRepository(session).credentials(username.strip().lower())
    if found is None:
        fail(f"No account '{username}'.")
    return found[0]
