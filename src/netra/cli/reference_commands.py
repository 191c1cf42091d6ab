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


def _day(text: str | None):
    from datetime import date

    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        fail(f"--from {text!r}: expected a date as YYYY-MM-DD.")


@rules_app.command("propose")
@clean_errors
def propose(
    ctx: typer.Context,
    rule_id: str = typer.Argument(..., help="e.g. skb2022.disiplin.8"),
    field: str = typer.Argument(..., help="sanction.level, sanction.kind, sanction.consists_of.id or explanation.id"),
    value: str = typer.Argument(..., help="The new value, e.g. sedang."),
    by: str = typer.Option(..., "--by", help="Username of the national administrator proposing it."),
    reason: str = typer.Option(..., "--reason", help="Why."),
    source: str = typer.Option(..., "--source", help="The source cited (regulation and article, publication)."),
    start: str = typer.Option(None, "--from", help="In force from this day (YYYY-MM-DD, WIB); default today."),
) -> None:
    """Propose a correction of one rule field; it holds once another national administrator approves it
    (`netra rules decide`)."""
    from netra.services.reference_changes import propose_rule
    from netra.services.reference_data import ReferenceDataError, national_today

    db = open_database(ctx.obj, migrate=True)
    try:
        proposal = propose_rule(db, account_named(db, by), rule_id, field, value, _day(start) or national_today(),
                                reason, source)
    except ReferenceDataError as exc:
        fail(str(exc))
    console.print(f"Proposal #{proposal} recorded; it needs another national administrator's approval.")


@rules_app.command("decide")
@clean_errors
def decide(
    ctx: typer.Context,
    proposal_id: int = typer.Argument(..., help="The proposal number (`netra rules proposals`)."),
    by: str = typer.Option(..., "--by", help="Username of a national administrator other than the proposer."),
    approve: bool = typer.Option(..., "--approve/--reject", help="Approve or reject the proposal."),
    reason: str = typer.Option(..., "--reason", help="Why."),
) -> None:
    """Approve or reject a proposed rule correction or election (two people: never the proposer)."""
    from netra.services.reference_changes import decide as decide_proposal
    from netra.services.reference_data import ReferenceDataError

    db = open_database(ctx.obj, migrate=True)
    try:
        decide_proposal(db, account_named(db, by), proposal_id, approve, reason)
    except ReferenceDataError as exc:
        fail(str(exc))
    console.print(f"Proposal #{proposal_id} {'approved' if approve else 'rejected'}.")


@rules_app.command("proposals")
@clean_errors
def list_proposals(ctx: typer.Context) -> None:
    """Proposals waiting for a decision."""
    from netra.services.reference_changes import pending

    table = Table("#", "what", "value", "from", "by", "reason", "source")
    for p in pending(open_database(ctx.obj, migrate=True)):
        what = f"{p.rule_id} {p.field}" if p.kind == "rule" else f"election {p.value.get('id')}"
        table.add_row(str(p.id), what, json.dumps(p.value, ensure_ascii=False, default=str)[:60],
                      p.effective_from.isoformat(), p.proposed_by, p.reason, p.source)
    console.print(table)


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


@elections_app.command("propose")
@clean_errors
def propose_election(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="YAML in the packaged calendars' format."),
    by: str = typer.Option(..., "--by", help="Username of the national administrator proposing it."),
    reason: str = typer.Option(..., "--reason", help="Why."),
    source: str = typer.Option(..., "--source", help="The source cited (e.g. the KPU decree on the stages)."),
    start: str = typer.Option(None, "--from", help="In force from this day (YYYY-MM-DD, WIB); default today."),
) -> None:
    """Propose an election and its stages (validated as the packaged calendars are); in force once another
    national administrator approves it (`netra rules decide`)."""
    from netra.services.reference_changes import propose_election as propose
    from netra.services.reference_data import ReferenceDataError, national_today

    db = open_database(ctx.obj, migrate=True)
    try:
        data = json.loads(json.dumps(yaml.safe_load(file.read_text(encoding="utf-8")), default=str))
    except yaml.YAMLError as exc:
        fail(f"{file}: not valid YAML ({exc}).")
    if not isinstance(data, dict):
        fail(f"{file}: expected one election as a mapping.")
    try:
        proposal = propose(db, account_named(db, by), data, _day(start) or national_today(), reason, source)
    except ReferenceDataError as exc:
        fail(str(exc))
    console.print(f"Proposal #{proposal} (election '{data.get('id')}') recorded; it needs another national "
                  "administrator's approval.")


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
