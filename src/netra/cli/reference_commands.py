"""`netra rules` and `netra elections`: administrators correct the rulebook and add elections without editing code."""

from __future__ import annotations

import json
from pathlib import Path

import typer
import yaml
from rich.table import Table
from sqlalchemy import select

from netra.cli.context import account_named, clean_errors, console, err_console, fail, open_database

rules_app = typer.Typer(help="The rulebook in force: packaged rules plus recorded corrections.", no_args_is_help=True)
deadlines_app = typer.Typer(help="The legal clocks in force: packaged deadlines.yaml or an administrator's correction.",
                            no_args_is_help=True)
elections_app = typer.Typer(help="Election calendars: packaged plus added by administrators.", no_args_is_help=True)


@rules_app.command("override")
@clean_errors
def override(
    ctx: typer.Context,
    rule_id: str = typer.Argument(..., help="e.g. skb2022.disiplin.8"),
    field: str = typer.Argument(..., help="Dotted path, e.g. sanction.level"),
    value: str = typer.Argument(..., help="New value (read as YAML: sedang, 12, null, [a, b])."),
    by: str = typer.Option(..., "--by", help="Username of the administrator making the change."),
    reason: str = typer.Option(..., "--reason", help="Why, with the source."),
) -> None:
    """Correct one rulebook value; recorded with who, when and why, and written to the audit trail."""
    from netra.services.reference_data import ReferenceDataError, add_override

    db = open_database(ctx.obj, migrate=True)
    try:
        book = add_override(db, account_named(db, by), rule_id, field, yaml.safe_load(value), reason)
    except (ReferenceDataError, yaml.YAMLError) as exc:
        fail(str(exc))
    console.print(f"{rule_id}: {field} is now {book[rule_id].value_at(field)!r}.")


@rules_app.command("overrides")
@clean_errors
def list_overrides(ctx: typer.Context) -> None:
    """List every recorded correction, oldest first."""
    from netra.storage.tables import RuleOverrideRow

    db = open_database(ctx.obj, migrate=True)
    table = Table("rule", "field", "value", "by", "at", "reason")
    with db.transaction() as session:
        for r in session.scalars(select(RuleOverrideRow).order_by(RuleOverrideRow.id)):
            table.add_row(r.rule_id, r.field, json.dumps(r.value["value"], ensure_ascii=False), r.by_user,
                          f"{r.at:%Y-%m-%d %H:%M}", r.reason)
    console.print(table)


@elections_app.command("add")
@clean_errors
def add(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="YAML in the packaged calendars' format."),
    by: str = typer.Option(..., "--by", help="Username of the administrator."),
) -> None:
    """Add an election and its stages (validated as the packaged calendars are)."""
    from netra.services.reference_data import ReferenceDataError, add_election

    db = open_database(ctx.obj, migrate=True)
    try:
        data = json.loads(json.dumps(yaml.safe_load(file.read_text(encoding="utf-8")), default=str))
    except yaml.YAMLError as exc:
        fail(f"{file}: not valid YAML ({exc}).")
    if not isinstance(data, dict):
        fail(f"{file}: expected one election as a mapping.")
    try:
        elections = add_election(db, account_named(db, by), data)
    except ReferenceDataError as exc:
        fail(str(exc))
    console.print(f"Election '{data.get('id')}' added; {len(list(elections))} elections in force.")


@elections_app.command("list")
@clean_errors
def list_elections(ctx: typer.Context) -> None:
    """Every election in force with its stages."""
    from netra.services.reference_data import elections

    for e in elections(open_database(ctx.obj, migrate=True)):
        console.print(f"[bold]{e.id}[/] ({e.kind}): {e.name.id}")
        for s in e.stages:
            console.print(f"  {s.id}: {s.start} – {s.end}")


def regions_workforce(
    ctx: typer.Context,
    file: Path = typer.Argument(None, exists=True, dir_okay=False,
                                help="YAML like src/netra/regions/data/workforce.yaml; omit to show the table in force."),
    by: str = typer.Option(None, "--by", help="Username of the administrator (needed to install)."),
    reason: str = typer.Option("", "--reason", help="Why, with the source."),
) -> None:
    """Civil servants per region, the denominator of the map's cases per 10,000: show or install."""
    from netra.services.reference_data import ReferenceDataError, install_workforce, workforce

    db = open_database(ctx.obj, migrate=True)
    if file is None:
        table = workforce(db)
    else:
        if not by:
            fail("Installing a table needs --by ADMIN and --reason.")
        try:
            table = install_workforce(db, account_named(db, by), file.read_text(encoding="utf-8"), reason)
        except (ReferenceDataError, UnicodeDecodeError) as exc:
            fail(str(exc))
    console.print(f"{table.label_en} ({table.as_of}): {len(table.counts)} regions, {sum(table.counts.values()):,} "
                  f"in all. Source: {table.source}")
    for _, en in table.caveats:
        console.print(f"  caveat: {en}")


@deadlines_app.command("show")
@clean_errors
def show_deadlines(ctx: typer.Context) -> None:
    """Print the legal clocks in force as YAML (a starting point for `netra deadlines set`)."""
    from netra.services.reference_data import deadlines_document

    text, changed = deadlines_document(open_database(ctx.obj, migrate=True))
    if changed:
        err_console.print(f"Corrected by {changed['by']} at {changed['at']:%Y-%m-%d %H:%M}: {changed['reason']}",
                          markup=False)
    print(text, end="")


@deadlines_app.command("set")
@clean_errors
def set_deadlines(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="YAML like src/netra/cases/data/deadlines.yaml."),
    by: str = typer.Option(..., "--by", help="Username of the administrator."),
    reason: str = typer.Option(..., "--reason", help="Why, with the source."),
) -> None:
    """Put corrected legal clocks in force: checked, recorded with who, when and why, audited, used at once."""
    from netra.services.reference_data import ReferenceDataError, set_deadlines as put

    db = open_database(ctx.obj, migrate=True)
    try:
        rules = put(db, account_named(db, by), file.read_text(encoding="utf-8"), reason)
    except (ReferenceDataError, UnicodeDecodeError) as exc:
        fail(str(exc))
    console.print(f"Deadlines in force: {len(rules.clocks)} clocks; reporting limit "
                  + ", ".join(f"{k} {r.days} {r.counting} days" for k, r in rules.reporting.items()) + ".")
