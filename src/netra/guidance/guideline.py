"""The printable guideline ("pedoman rinci"): the whole rulebook grouped by family, with examples and sanctions.

``guideline_outline`` gives the structure the HTML page renders; ``guideline_pdf`` renders the same content as a
PDF with reportlab (pure pip install) and the Bitstream Vera TrueType fonts that ship inside the reportlab
package (Bitstream Vera licence: free redistribution and embedding), so any character in the rulebook prints.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from netra.rulebook import FamilyInfo, Rule, Rulebook
from netra.yaml_data import safe_load

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Section:
    family: FamilyInfo
    rules: tuple[Rule, ...]

    @property
    def anchor(self) -> str:
        return f"keluarga-{self.family.id.value}"


def guideline_outline(book: Rulebook) -> tuple[Section, ...]:
    """Families in rulebook order, each with its rules in rulebook order (families without rules are left out)."""
    return tuple(Section(f, book.by_family(f.id)) for f in book.families if book.by_family(f.id))


class Labels:
    """Localised labels for rule fields (``data/labels.yaml``)."""

    def __init__(self, lang: str = "id"):
        self.lang = "en" if lang == "en" else "id"
        self.raw = _labels()

    def __call__(self, group: str, key: str, **values) -> str:
        entry = self.raw.get(group, {}).get(key)
        if entry is None:
            return key
        text = entry[self.lang]
        return text.format(**values) if values else text

    def text(self, key: str, **values) -> str:
        return self("text", key, **values)

    def sanction(self, rule: Rule) -> str:
        s = rule.sanction
        return f"{self('kinds', s.kind.value)}: {self('levels', s.level.value)}"

    def penalty_range(self, rule: Rule) -> list[str]:
        s = rule.sanction
        out = []
        if s.prison_months is not None:
            out.append(self.text("prison", min=_n(s.prison_months.min, self), max=_n(s.prison_months.max, self)))
        if s.fine_rupiah is not None:
            out.append(self.text("fine", min=_money(s.fine_rupiah.min, self), max=_money(s.fine_rupiah.max, self)))
        return out


@lru_cache(maxsize=1)
def _labels() -> dict:
    with open(DATA_DIR / "labels.yaml", encoding="utf-8") as fh:
        return safe_load(fh)


def _n(value: int | None, labels: Labels) -> str:
    return labels.text("unknown") if value is None else str(value)


def _money(value: int | None, labels: Labels) -> str:
    return labels.text("unknown") if value is None else f"{value:,}".replace(",", ".")


# --- PDF -----------------------------------------------------------------------------------------------------------
_FONT = "NetraVera"


@lru_cache(maxsize=1)
def _register_fonts() -> str:
    """Register Vera from the reportlab package; fall back to Helvetica if a build ever lacks the files."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    files = {"": "Vera.ttf", "-Bold": "VeraBd.ttf", "-Italic": "VeraIt.ttf", "-BoldItalic": "VeraBI.ttf"}
    if not all(os.path.exists(os.path.join(folder, f)) for f in files.values()):
        return "Helvetica"
    for suffix, name in files.items():
        pdfmetrics.registerFont(TTFont(_FONT + suffix, os.path.join(folder, name)))
    addMapping(_FONT, 0, 0, _FONT)
    addMapping(_FONT, 1, 0, _FONT + "-Bold")
    addMapping(_FONT, 0, 1, _FONT + "-Italic")
    addMapping(_FONT, 1, 1, _FONT + "-BoldItalic")
    return _FONT


def guideline_pdf(book: Rulebook, lang: str = "id") -> bytes:
    """The guideline as PDF bytes (A4), in Indonesian (default) or English."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    font = _register_fonts()
    bold = font + "-Bold" if font == _FONT else "Helvetica-Bold"
    L = Labels(lang)
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#333333"))
    cell_key = ParagraphStyle("key", parent=small, fontName=bold)
    title = ParagraphStyle("title", fontName=bold, fontSize=18, leading=23, alignment=TA_CENTER, spaceAfter=8)
    subtitle = ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, textColor=colors.HexColor("#555555"))
    h1 = ParagraphStyle("h1", fontName=bold, fontSize=14, leading=18, spaceBefore=6, spaceAfter=6)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4)
    h3 = ParagraphStyle("h3", fontName=bold, fontSize=9.5, leading=12, spaceBefore=4, spaceAfter=2)
    flag = ParagraphStyle("flag", parent=small, textColor=colors.HexColor("#9a3412"))

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(escape(text), style)

    def bullets(items: list[str]) -> ListFlowable:
        return ListFlowable([ListItem(Paragraph(t, body), leftIndent=10) for t in items], bulletType="bullet",
                            start="•", leftIndent=12, bulletFontName=font)

    sections = guideline_outline(book)
    story: list = [
        Spacer(1, 2 * cm), Paragraph(escape(L.text("title")), title),
        p(L.text("subtitle", version=book.version), subtitle), Spacer(1, 0.8 * cm),
        p(L.text("intro")), Spacer(1, 0.3 * cm), p(L.text("sources_note"), small), Spacer(1, 0.5 * cm),
        Paragraph(escape(L.text("contents")), h2),
    ]
    for n, section in enumerate(sections, start=1):
        story.append(p(f"{n}. {section.family.label.get(lang)} — {L.text('rules_count', count=len(section.rules))}"))
    story += [Spacer(1, 0.4 * cm), Paragraph(escape(L.text("instruments")), h2)]
    for inst in book.instruments:
        story.append(p(f"{inst.title.get(lang)}: {inst.citation}", small))
        story.append(Spacer(1, 2))

    for n, section in enumerate(sections, start=1):
        story += [PageBreak(), Paragraph(escape(f"{n}. {section.family.label.get(lang)}"), h1),
                  p(section.family.description.get(lang), small)]
        for rule in section.rules:
            head = [Paragraph(escape(f"{rule.id} — {rule.title.get(lang)}"), h2)]
            flags = []
            if rule.disputed is not None:
                flags.append(f"{L.text('disputed')}: {rule.disputed.note.get(lang)}")
            if not rule.verified:
                flags.append(L.text("unverified"))
            head += [p(f, flag) for f in flags]
            head.append(p(rule.explanation.get(lang)))
            sanction = L.sanction(rule)
            if rule.disputed is not None and rule.disputed.field.startswith("sanction"):
                sanction += f" ({L.text('disputed').lower()})"
            rows = [
                (L.text("binds"), ", ".join(L("subjects", s.value) for s in rule.subjects)),
                (L.text("period"), L("periods", rule.period.value)),
                (L.text("sanction"), "\n".join([sanction, rule.sanction.consists_of.get(lang), *L.penalty_range(rule)])),
            ]
            if rule.sanction.imposed_by is not None:
                rows.append((L.text("imposed_by"), rule.sanction.imposed_by.get(lang)))
            rows.append((L.text("legal_basis"), "\n".join(rule.legal_basis)))
            if rule.disputed is not None:
                rows.append((L.text("disputed"), "\n".join(
                    L.text("alternative", value=a.value, sources="; ".join(a.sources))
                    for a in rule.disputed.alternatives)))
            if rule.note is not None:
                rows.append((L.text("note"), rule.note.get(lang)))
            if rule.related:
                rows.append((L.text("related"), ", ".join(rule.related)))
            table = Table(
                [[Paragraph(escape(k), cell_key), Paragraph(escape(v).replace("\n", "<br/>"), small)] for k, v in rows],
                colWidths=[3.4 * cm, 12.6 * cm],
            )
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]))
            forbidden = bullets([escape(e.text) for e in rule.examples.forbidden])
            allowed = bullets([escape(e.text) + (f" <i>({escape(e.why)})</i>" if e.why else "")
                               for e in rule.examples.allowed])
            story += [KeepTogether(head + [table]), Paragraph(escape(L.text("forbidden")), h3), forbidden,
                      Paragraph(escape(L.text("allowed")), h3), allowed, Spacer(1, 0.3 * cm)]

    footer = L.text("footer", version=book.version)

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, L.text("page", n=doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=L.text("title"), author="Netra",
                            subject=L.text("subtitle", version=book.version), invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
