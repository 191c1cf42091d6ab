"""Case documents as PDF: the recommendation letter to BKN and the case summary.

Both cite every evidence file by its SHA-256, so anyone holding a copy of the file can check it is the one the
decision rests on. They render a CaseDetail, already cut to what the downloading role may see
(netra.services.case_queries); a confidential reporter never appears in a document.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from netra.accounts.policy import HIDDEN_TEXT
from netra.cases import label
from netra.rulebook import Rulebook, load_rulebook
from netra.services.case_queries import CaseDetail

_styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_styles["BodyText"], fontSize=10, leading=14)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
TITLE = ParagraphStyle("title", parent=_styles["Title"], fontSize=14)
HEAD = ParagraphStyle("head", parent=_styles["Heading3"])


class NoRecommendation(LookupError):
    """The case has no recommendation yet, so there is no letter to write."""


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text or "—").replace("\n", "<br/>"), style)


def _table(rows: list[tuple[str, str]]) -> Table:
    table = Table([[_p(k, SMALL), _p(v)] for k, v in rows], colWidths=[4.5 * cm, 11.5 * cm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    return table


def _evidence(detail: CaseDetail) -> list:
    if not detail.evidence:
        return [_p("Tidak ada berkas bukti; bukti berupa tautan tercantum pada laporan.")]
    return [_p(f"{e.filename} ({e.media_type}, {e.size} bita), ditambahkan oleh {e.added_by} pada "
               f"{e.added_at:%Y-%m-%d %H:%M} UTC — SHA-256 {e.sha256}", SMALL) for e in detail.evidence]


def _build(story: list) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title="Netra", author="Netra").build(story)
    return buffer.getvalue()


def _person(detail: CaseDetail) -> list[tuple[str, str]]:
    s = detail.summary
    return [("Nama terlapor", s.reported_name), ("NIP", detail.reported_nip), ("Jabatan", s.reported_position),
            ("Instansi", s.reported_agency), ("Wilayah", f"{s.region_name} ({s.region_code})"),
            ("Pemilihan", s.election_id), ("Tanggal kejadian", s.event_date.isoformat() if s.event_date else "")]


def decided_under(detail: CaseDetail, action: str | None = None) -> int | None:
    """The rulebook version the case's latest decision (or its latest `action` step) was taken under; None for a
    case decided before versions were recorded, or not decided yet."""
    for h in reversed(detail.history):
        if (action is None or h.action == action) and h.payload.get("rulebook_version"):
            return int(h.payload["rulebook_version"])
    return None


def recommendation_letter(detail: CaseDetail, now: datetime | None = None, rulebook: Rulebook | None = None) -> bytes:
    now = now or datetime.now(timezone.utc)
    recommend = next((h for h in reversed(detail.history) if h.action == "recommend"), None)
    if recommend is None:
        raise NoRecommendation(detail.summary.id)
    rulebook = rulebook or load_rulebook()
    story = [
        _p("BADAN PENGAWAS PEMILIHAN UMUM", HEAD),
        _p(f"Rekomendasi Pelanggaran Netralitas Pegawai ASN — Perkara Netra {detail.summary.id}", TITLE),
        _p(f"Kepada: Badan Kepegawaian Negara (BKN). Tanggal: {now:%Y-%m-%d}."),
        Spacer(1, 8),
        _p("Berdasarkan hasil kajian atas laporan/temuan berikut, Bawaslu merekomendasikan agar BKN menindaklanjuti "
           "dugaan pelanggaran netralitas pegawai ASN sesuai ketentuan peraturan perundang-undangan."),
        Spacer(1, 8), _p("Terlapor", HEAD), _table(_person(detail)),
        _p("Aturan yang dilanggar", HEAD),
    ]
    for rule_id in recommend.payload.get("rule_ids", []):
        rule = rulebook.get(rule_id)
        if rule is None:
            story.append(_p(rule_id))
            continue
        story.append(_table([
            ("Aturan", f"{rule.id} — {rule.title.id}"),
            ("Dasar hukum", "; ".join(rule.legal_basis)),
            ("Sanksi", f"{rule.sanction.kind.value} / {rule.sanction.level.value}: {rule.sanction.consists_of.id}"),
        ]))
    if version := decided_under(detail, "recommend"):
        story.append(_p(f"Diputuskan berdasarkan aturan versi {version}."))
    story += [_p("Pertimbangan", HEAD), _p(recommend.reason),
              _p("Bukti", HEAD), *_evidence(detail), Spacer(1, 16),
              _p(f"Direkomendasikan pada {recommend.at:%Y-%m-%d %H:%M} UTC oleh petugas #{recommend.actor_id} "
                 f"({recommend.actor_role}). Dokumen dibuat oleh Netra pada {now:%Y-%m-%d %H:%M} UTC.", SMALL)]
    return _build(story)


def case_summary(detail: CaseDetail, now: datetime | None = None, rulebook: Rulebook | None = None) -> bytes:
    now = now or datetime.now(timezone.utc)
    s = detail.summary
    story = [_p(f"Ringkasan Perkara Netra {s.id}", TITLE),
             _p(f"Status: {label(s.status).id}. Asal: {'laporan' if s.origin == 'report' else 'temuan'}. "
                f"Dibuat {s.created_at:%Y-%m-%d}."),
             _p("Terlapor", HEAD), _table(_person(detail)), _p("Laporan", HEAD)]
    for r in detail.reports:
        reporter = HIDDEN_TEXT if r.reporter is None else r.reporter.get("name") or "—"
        story.append(_table([("Kode", r.tracking_code), ("Diterima", f"{r.submitted_at:%Y-%m-%d %H:%M} UTC"),
                             ("Pelapor", reporter), ("Uraian", r.description), ("Tautan", "\n".join(r.links))]))
    story += [_p("Bukti", HEAD), *_evidence(detail), _p("Riwayat", HEAD)]
    story.append(_table([(f"{h.at:%Y-%m-%d %H:%M}", f"{label(h.action).id} ({h.actor_role}) → {label(h.to_status).id}"
                                                     + (f": {h.reason}" if h.reason else "")) for h in detail.history]))
    story.append(_p(f"Dokumen dibuat oleh Netra pada {now:%Y-%m-%d %H:%M} UTC.", SMALL))
    return _build(story)
