"""`netra bolehkah "pertanyaan"` and `netra pedoman --out FILE.pdf`: guidance from the rulebook, offline."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer
from rich.panel import Panel
from rich.table import Table

from netra.cli.context import console, fail

VERDICT_STYLE = {"allowed": ("BOLEH", "bold green"), "not_allowed": ("TIDAK BOLEH", "bold red"),
                 "depends": ("TERGANTUNG", "bold yellow")}
VERDICT_STYLE_EN = {"allowed": "ALLOWED", "not_allowed": "NOT ALLOWED", "depends": "IT DEPENDS"}


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        fail(f"Tanggal tidak valid: {value!r} (format TTTT-BB-HH, misalnya 2024-10-10).")
    return None


def ask(
    question: str = typer.Argument(..., help='Pertanyaan dalam bahasa Indonesia, misalnya "boleh gak PNS nge-like postingan paslon?"'),
    when: str = typer.Option(None, "--tanggal", "--when", help="Tanggal perbuatan (TTTT-BB-HH); tahapan diambil dari kalender pemilihan."),
    subject: str = typer.Option(None, "--status", "--subject", help="Siapa yang bertanya: pns, pppk, non_asn, retired, village_head, village_official, bpd, tni_polri, asn_spouse atau citizen (juga asn)."),
    election: str = typer.Option(None, "--pemilihan", "--election", help="Id pemilihan, misalnya pilkada2024 atau pemilu2024."),
    lang: str = typer.Option("id", "--lang", help="Bahasa jawaban: id atau en."),
    as_json: bool = typer.Option(False, "--json", help="Cetak jawaban sebagai JSON."),
) -> None:
    """Bolehkah? Jawab pertanyaan netralitas ASN: putusan, aturan, sanksi, dan dasar hukum."""
    import json

    from netra.guidance import GuidanceError, default_engine

    day = _parse_day(when)
    try:
        answer = default_engine().answer(question, when=day, subject=subject, election=election)
    except GuidanceError as exc:
        fail(exc.text(lang), code=2)
        return
    if as_json:
        console.print_json(json.dumps(answer.to_dict(lang), ensure_ascii=False))
        return
    if answer.needs_status:
        _status_choice(answer, lang)
        return
    label, style = VERDICT_STYLE[answer.verdict.value]
    if lang == "en":
        label = VERDICT_STYLE_EN[answer.verdict.value]
    body = [answer.reason.get(lang)]
    if answer.caution:
        body.append(("Mind: " if lang == "en" else "Perhatikan: ") + answer.caution.get(lang))
    body += [n.get(lang) for n in answer.notes]
    console.print(Panel("\n\n".join(body), title=f"[{style}]{label}[/]", title_align="left", border_style=style.split()[-1]))

    if answer.matches:
        related = answer.pattern is not None and answer.verdict.value == "allowed"
        titles = {("id", False): "Aturan yang paling cocok", ("en", False): "Closest rules",
                  ("id", True): "Aturan terkait (batas yang perlu dijaga)", ("en", True): "Related rules (the line not to cross)"}
        table = Table(title=titles[("en" if lang == "en" else "id", related)], show_lines=False)
        table.add_column("#", justify="right")
        table.add_column("Id")
        table.add_column("Aturan" if lang != "en" else "Rule")
        table.add_column("Skor" if lang != "en" else "Score", justify="right")
        for n, m in enumerate(answer.matches[:3], start=1):
            table.add_row(str(n), m.rule.id, m.rule.title.get(lang), f"{m.score:.2f}")
        console.print(table)
    if answer.primary:
        console.print("[bold]" + ("Sanction" if lang == "en" else "Sanksi") + "[/]")
        for rule in answer.primary:
            console.print(f"  {rule.id}: {rule.sanction.consists_of.get(lang)}", highlight=False)
    console.print("[bold]" + ("Legal basis" if lang == "en" else "Dasar hukum") + "[/]")
    for item in answer.legal_basis:
        console.print(f"  • {item}", highlight=False)
    if answer.evidence:
        console.print(f"[dim]{answer.evidence.rule_id}: “{answer.evidence.text}”[/]", highlight=False)
    console.print(f"[dim]Buku aturan {answer.rulebook_version} · /aturan untuk daftar lengkap[/]", highlight=False)


def _status_choice(answer, lang: str) -> None:
    """The question named no status and the verdict differs by status: list the statuses, never guess."""
    from netra.guidance import default_engine

    names = default_engine().messages["subjects"]
    title = "WHO ARE YOU ASKING AS?" if lang == "en" else "ANDA BERTANYA SEBAGAI SIAPA?"
    console.print(Panel(answer.reason.get(lang), title=f"[bold blue]{title}[/]", title_align="left", border_style="blue"))
    table = Table(title="Status" if lang != "en" else "Status")
    table.add_column("--status")
    table.add_column("Status")
    table.add_column("Jawaban" if lang != "en" else "Answer")
    for status, verdict in answer.status_options:
        label, style = VERDICT_STYLE[verdict.value]
        table.add_row(status, names[status]["en" if lang == "en" else "id"],
                      f"[{style}]{VERDICT_STYLE_EN[verdict.value] if lang == 'en' else label}[/]")
    console.print(table)
    console.print(("Ask again with --status, e.g. " if lang == "en" else "Ulangi dengan --status, misalnya ")
                  + f'netra bolehkah "{answer.question}" --status pns', highlight=False)


def pedoman(
    out: Path = typer.Option(..., "--out", "-o", help="Berkas PDF yang ditulis, misalnya pedoman.pdf."),
    lang: str = typer.Option("id", "--lang", help="Bahasa pedoman: id atau en."),
) -> None:
    """Tulis pedoman rinci netralitas ASN (seluruh buku aturan, per jenis perbuatan) sebagai PDF."""
    from netra.guidance.guideline import guideline_pdf
    from netra.rulebook import load_rulebook

    if out.suffix.lower() != ".pdf":
        fail(f"{out} harus berakhiran .pdf.")
    if out.parent and not out.parent.exists():
        fail(f"Folder {out.parent} tidak ada.")
    book = load_rulebook()
    data = guideline_pdf(book, lang="en" if lang == "en" else "id")
    out.write_bytes(data)
    console.print(f"Pedoman ditulis ke {out} ({len(data) // 1024} KB, {len(book)} aturan, versi {book.version}).",
                  highlight=False)
