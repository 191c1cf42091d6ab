"""Entry point of the `netra` command."""

from __future__ import annotations

from pathlib import Path

import typer

from netra.cli import (
    audit_commands, backup_commands, candidates_commands, db_commands, guidance_commands, notify_commands,
    people_commands, queue_commands, reference_commands, screen_commands, serve_commands, setup_commands, stats_commands,
    token_commands,
)
from netra.cli.context import clean_errors
from netra.config import Settings

app = typer.Typer(
    name="netra",
    help="Netra: civil-servant neutrality in Indonesian elections.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Path = typer.Option(None, envvar="NETRA_DATA_DIR", help="Folder for the SQLite file, secrets and evidence (default: ./var)."),
    database_url: str = typer.Option(None, envvar="NETRA_DATABASE_URL", help="SQLAlchemy URL; SQLite under the data folder by default."),
) -> None:
    ctx.obj = Settings.from_env(data_dir=data_dir, database_url=database_url)


app.add_typer(db_commands.app, name="db")
app.add_typer(audit_commands.app, name="audit")
app.add_typer(queue_commands.app, name="queue")
app.add_typer(stats_commands.app, name="stats")
app.add_typer(people_commands.app, name="people")
app.add_typer(reference_commands.rules_app, name="rules")
app.add_typer(reference_commands.elections_app, name="elections")
app.add_typer(reference_commands.deadlines_app, name="deadlines")
app.add_typer(screen_commands.screen_app, name="screen")
app.add_typer(screen_commands.model_app, name="model")
app.add_typer(candidates_commands.app, name="candidates")
setup_commands.regions_app.command("workforce")(clean_errors(reference_commands.regions_workforce))
app.add_typer(setup_commands.regions_app, name="regions")
app.add_typer(setup_commands.users_app, name="users")
app.add_typer(setup_commands.demo_app, name="demo")
app.add_typer(token_commands.app, name="tokens")
app.command("serve")(serve_commands.serve)
app.command("run")(serve_commands.run)
app.command("backup")(backup_commands.backup)
app.command("bolehkah")(guidance_commands.ask)
app.command("pedoman")(guidance_commands.pedoman)
app.command("restore")(backup_commands.restore)
app.command("worker")(notify_commands.worker)
app.add_typer(notify_commands.app, name="notifications")

if __name__ == "__main__":
    app()
