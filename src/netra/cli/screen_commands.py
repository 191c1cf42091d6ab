"""`netra screen` and `netra model`: screening files against the neutrality rules, measuring, retraining.

Register in ``netra/cli/main.py``::

    app.add_typer(screen_commands.screen_app, name="screen")
    app.add_typer(screen_commands.model_app, name="model")

``netra screen INPUT --out OUT`` is the default command of the group (``netra screen run INPUT --out OUT`` is the
same); ``netra screen eval FILE`` prints precision, recall and F1 for ``violation`` and accuracy for ``family``;
``netra model train`` retrains from the dev corpus plus reviewer decisions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn
from typer.core import TyperGroup

console = Console()
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class _DefaultRun(TyperGroup):
    """`netra screen INPUT ...` runs the `run` command; `netra screen eval ...` the named subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


screen_app = typer.Typer(
    cls=_DefaultRun,
    help="Screen texts for civil-servant neutrality violations (JSON Lines or CSV in, JSON Lines out).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
model_app = typer.Typer(
    help="The learned stage of the screener: retrain and measure.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]Error:[/] {message}")
    raise typer.Exit(code)


def _lab():
    """The training and evaluation code (``lab/screening`` in a source checkout): not part of the installed
    runtime, which ships only what screening runs (code, lexicon, model weights)."""
    import importlib

    try:
        return importlib.import_module("lab.screening")
    except ImportError:
        pass
    repo = Path(__file__).resolve().parents[3]
    if (repo / "lab" / "screening" / "__init__.py").is_file():
        sys.path.insert(0, str(repo))
        return importlib.import_module("lab.screening")
    _fail("training and evaluation need a Netra source checkout (the lab/screening folder); "
          "the installed package ships only the screener itself")


def _screener_config(model: Path | None, candidates: Path | None, threshold: float | None) -> dict:
    return {"model": str(model) if model else None, "candidates": str(candidates) if candidates else None,
            "threshold": threshold}


def _build_screener(config: dict):
    from netra.screening.candidates import CandidateRegistryError
    from netra.screening.distributed import screener_from_config

    try:
        return screener_from_config(config)
    except CandidateRegistryError as exc:
        _fail(f"candidate registry: {exc}")
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"cannot load the screener: {exc}")


@screen_app.command("run")
def run(
    input: Path = typer.Argument(..., metavar="INPUT",
                                 help="JSON Lines (.jsonl), CSV (.csv) or Parquet (.parquet or a folder)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write one JSON result per input record."),
    errors: Path = typer.Option(None, "--errors", help="JSONL file for bad lines (default: OUT.errors.jsonl "
                                                      "when there are any)."),
    fmt: str = typer.Option(None, "--format", help="jsonl, csv or parquet (default: from the file name)."),
    engine: str = typer.Option("local", "--engine", help="local (this process) or dask."),
    scheduler: str = typer.Option(None, "--scheduler", help="dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    model: Path = typer.Option(None, "--model", help="Model file (default: the packaged one)."),
    candidates: Path = typer.Option(None, "--candidates", help="Candidate registry CSV (default: demo registry)."),
    threshold: float = typer.Option(None, "--threshold", min=0.0, max=1.0, help="Violation threshold (0.5)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no per-line errors on stderr."),
) -> None:
    """Screen INPUT and write one result per record, in input order. Exit 1 when any line failed."""
    from netra.screening.distributed import SchedulerError
    from netra.screening.runner import InputError, detect_format, run as run_file

    if engine not in ("local", "dask"):
        _fail(f"--engine must be local or dask, got {engine!r}", 2)
    if engine == "dask" and not scheduler:
        _fail("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)", 2)
    if not input.exists():
        _fail(f"input not found: {input}")
    try:
        kind = detect_format(input, fmt)
    except InputError as exc:
        _fail(str(exc), 2)
    config = _screener_config(model, candidates, threshold)
    screener = _build_screener(config) if engine == "local" else None
    errors_path = errors or out.with_name(out.name + ".errors.jsonl")

    def on_error(e) -> None:
        if not quiet:
            where = f"line {e.line}" if e.line else "input"
            ident = f" (id {e.id})" if e.id else ""
            err_console.print(f"{input.name}: {where}{ident}: {e.error}", markup=False)

    total = _size(input, kind)
    progress = Progress(TextColumn("[bold]screening"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                        TransferSpeedColumn() if kind != "parquet" else TextColumn(""), TimeElapsedColumn(),
                        console=err_console, disable=quiet or not err_console.is_terminal, transient=True)
    try:
        with progress:
            task = progress.add_task("screen", total=total)
            summary = run_file(input, out, errors_path=errors_path, screener=screener, fmt=kind, engine=engine,
                               scheduler=scheduler, screener_config=config, on_error=on_error,
                               progress=lambda n: progress.advance(task, n))
    except (InputError, SchedulerError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.strerror or exc}: {exc.filename or ''}")
    if summary.errors == 0 and errors is None:
        errors_path.unlink(missing_ok=True)
    msg = f"Screened {summary.screened} record(s): {summary.violations} violation(s). Output: {out}"
    if summary.errors:
        msg += f". {summary.errors} line(s) failed, see {errors_path}"
    err_console.print(msg, markup=False)
    raise typer.Exit(summary.exit_code)


def _size(path: Path, kind: str) -> int | None:
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
            return sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        return path.stat().st_size
    except Exception:
        return None


@screen_app.command("eval")
def eval_(
    file: Path = typer.Argument(..., metavar="FILE",
                                help="Labelled JSON Lines: the input fields plus violation (and family)."),
    as_asn: bool = typer.Option(False, "--as-asn", help="Read every text as written by an ASN (is_asn=true)."),
    model: Path = typer.Option(None, "--model", help="Model file (default: the packaged one)."),
    candidates: Path = typer.Option(None, "--candidates", help="Candidate registry CSV (default: demo registry)."),
    threshold: float = typer.Option(None, "--threshold", min=0.0, max=1.0),
    show_errors: int = typer.Option(0, "--show-errors", help="Print up to N misclassified items."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Print precision, recall and F1 for `violation` and accuracy for `family` on FILE."""
    from netra.screening.items import Item, ItemError

    Metrics = _lab().evaluate.Metrics  # noqa: N806

    if not file.is_file():
        _fail(f"file not found: {file}")
    screener = _build_screener(_screener_config(model, candidates, threshold))
    metrics = Metrics()
    bad = 0
    with open(file, "rb") as fh, Progress(TextColumn("[bold]evaluating"), BarColumn(), TimeElapsedColumn(),
                                           console=err_console, transient=True,
                                           disable=not err_console.is_terminal) as progress:
        task = progress.add_task("eval", total=file.stat().st_size)
        for n, raw in enumerate(fh, 1):
            progress.advance(task, len(raw))
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
                if not isinstance(rec, dict):
                    raise ValueError("expected a JSON object")
                if not isinstance(rec.get("violation"), bool):
                    raise ValueError("violation must be true or false")
                fields = {k: rec.get(k) for k in ("id", "text", "source", "author", "created_at", "region")}
                if as_asn:
                    fields["author"] = {"is_asn": True, "role": None}
                if fields.get("source") not in (None, "post", "report", "news"):
                    fields["source"] = None  # e.g. a file name: not a source kind
                item = Item.from_dict(fields)
            except (ValueError, ItemError) as exc:
                bad += 1
                err_console.print(f"{file.name}: line {n}: {exc}", markup=False)
                continue
            metrics.add(rec, screener.screen(item))
    if as_json:
        console.print_json(json.dumps(metrics.to_dict()))
    else:
        for line in metrics.lines():
            console.print(line, markup=False, highlight=False)
    for e in metrics.errors[:show_errors]:
        console.print(f"- [{e['what']}] {e['id']}: gold {e['gold_violation']}/{e['gold_family']}, got "
                      f"{e['violation']}/{e['family']} ({e['score']}): {e['text']}", markup=False, highlight=False)
    if bad:
        err_console.print(f"{bad} line(s) could not be evaluated.")
        raise typer.Exit(1)


@model_app.command("train")
def train(
    extra: Path = typer.Option(None, "--extra", help="Reviewer decisions (JSONL: id, text, violation, family, act)."),
    out: Path = typer.Option(None, "--out", help="Where to write the model (default: the packaged model file)."),
    corpus: Path = typer.Option(None, "--corpus", help="Labelled corpus JSONL (default: lab/screening/corpus)."),
    folds: int = typer.Option(5, "--folds", min=2, max=10, help="Cross-validation folds for the dev figures."),
    blind: bool = typer.Option(False, "--blind", help="Also score the blind split (only after the lead's first "
                                                      "blind measurement)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Train and report, but write nothing."),
) -> None:
    """Retrain on the corpus, the dev-labelled real posts and reviewer decisions; print the dev figures before
    (without the decisions) and after (with them); write the model."""
    from netra.screening.model import MODEL_PATH
    _lab()
    from lab.screening.training import read_decisions, train_model

    decisions: list[dict] = []
    if extra is not None:
        if not extra.is_file():
            _fail(f"file not found: {extra}")
        decisions, bad = read_decisions(extra)
        for b in bad:
            err_console.print(f"{extra.name}: {b}", markup=False)
        if bad:
            _fail(f"{len(bad)} reviewer decision(s) could not be read; nothing was trained")
    if corpus is not None and not corpus.is_file():
        _fail(f"file not found: {corpus}")
    target = None if dry_run else (out or MODEL_PATH)
    with Progress(TextColumn("[bold]training[/] {task.description}"), TimeElapsedColumn(), console=err_console,
                  transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task("starting", total=None)
        try:
            report = train_model(extra=decisions, corpus_path=corpus, out_path=target, folds=folds, blind=blind,
                                 progress=lambda msg: progress.update(task, description=msg))
        except (ValueError, OSError) as exc:
            _fail(f"training failed: {exc}")
    console.print(f"Trained on {report.train_items} item(s), {report.extra_items} of them reviewer decisions; "
                  f"corpus items held out: {report.heldout_items}.", markup=False)
    sets = [("real", "real posts (dev, cross-validated)"), ("corpus", "corpus held-out split")]
    for name, figures in (("before", report.before), ("after", report.after)):
        if figures is None:
            console.print(f"{name:6}  (no reviewer decisions: nothing to compare)", markup=False)
            continue
        for key, label in sets:
            m = figures[key]
            console.print(f"{name:6}  {label:34} precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
                          f"F1 {m['f1']:.3f}  family accuracy {m['family_accuracy']:.3f}", markup=False,
                          highlight=False)
    for name, m in (("before", report.blind_before), ("after", report.blind_after)):
        if m is not None:
            console.print(f"{name:6}  {'blind split':34} precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
                          f"F1 {m['f1']:.3f}", markup=False, highlight=False)
    console.print(f"Model written to {report.written_to}" if report.written_to else "Dry run: nothing written.",
                  markup=False)


def main() -> None:  # pragma: no cover - `python -m netra.cli.screen_commands` before main.py registers it
    app = typer.Typer()
    app.add_typer(screen_app, name="screen")
    app.add_typer(model_app, name="model")
    app(prog_name="netra")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
