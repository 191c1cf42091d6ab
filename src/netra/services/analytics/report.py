"""The dashboard as a printable PDF for a region and period (reportlab, as the case documents)."""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table as PdfTable, TableStyle

from netra.accounts.model import Account
from netra.analytics import Filters

_styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_styles["BodyText"], fontSize=9, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
TITLE = ParagraphStyle("title", parent=_styles["Title"], fontSize=14)
HEAD = ParagraphStyle("head", parent=_styles["Heading3"])

SECTIONS = [  # (table, heading, columns shown, at most rows)
    ("status_group", "Status perkara", ("label_id", "count"), None),
    ("funnel", "Alur: dilaporkan → diregistrasi → direkomendasikan → disanksi (median hari per langkah)",
     ("label_id", "count", "median_days", "timed_cases"), None),
    ("province", "Perkara per provinsi (dan per 10.000 pegawai)", ("key", "name", "count", "workforce", "per_10k"),
     None),
    ("regency", "Perkara per kabupaten/kota", ("key", "name", "count"), 40),
    ("family", "Jenis pelanggaran", ("label_id", "count"), None),
    ("channel", "Saluran", ("label_id", "count"), None),
    ("origin", "Asal perkara", ("label_id", "count"), None),
    ("position", "Kelompok jabatan terlapor", ("label_id", "count"), None),
    ("overdue_clock", "Perkara melewati batas waktu, per tahap", ("label_id", "count"), None),
    ("overdue_agency", "Perkara melewati batas waktu, per instansi terlapor", ("key", "count"), 20),
    ("overdue_ppk", "Perkara melewati batas waktu di PPK, per PPK", ("key", "count"), 20),
    ("rules", "Ketentuan yang paling sering dilanggar", ("key", "title_id", "recommended", "sanctioned"), 15),
]
HEADERS = {"label_id": "Uraian", "count": "Jumlah", "median_days": "Median hari", "timed_cases": "Perkara diukur",
           "key": "Kode", "name": "Nama", "title_id": "Ketentuan", "recommended": "Direkomendasikan",
           "sanctioned": "Disanksi", "workforce": "Pegawai", "per_10k": "Per 10.000"}


def _p(text, style=BODY) -> Paragraph:
    return Paragraph(escape("—" if text is None or text == "" else str(text)), style)


def _table(table, columns, limit) -> list:
    rows = table.rows[:limit] if limit else table.rows
    if not rows:
        return [_p("Tidak ada data.", SMALL)]
    data = [[_p(HEADERS.get(c, c), SMALL) for c in columns]] + [[_p(r.get(c), SMALL) for c in columns] for r in rows]
    widths = {"key": 2.6 * cm, "count": 2 * cm, "workforce": 2.2 * cm, "per_10k": 2.2 * cm, "median_days": 2.4 * cm,
              "timed_cases": 2.4 * cm,
              "recommended": 2.6 * cm, "sanctioned": 2 * cm}
    fixed = sum(widths.get(c, 0) for c in columns)
    flexible = [c for c in columns if c not in widths]
    col_widths = [widths.get(c) or (16 * cm - fixed) / max(1, len(flexible)) for c in columns]
    t = PdfTable(data, colWidths=col_widths, repeatRows=1)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    notes = [_p(f"Ditampilkan {limit} baris teratas dari {len(table.rows)}; data lengkap tersedia sebagai CSV.", SMALL)] \
        if limit and len(table.rows) > limit else []
    return [t, *notes]


def _trend(table) -> list:
    rows = [r for r in table.rows if r["key"] != "unknown"]
    if not rows:
        return []
    drawing = Drawing(16 * cm, 5 * cm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, 16 * cm - 40, 5 * cm - 30
    chart.data = [[r["count"] or 0 for r in rows]]
    chart.categoryAxis.categoryNames = [r["key"][5:] if i % max(1, len(rows) // 8) == 0 else "" for i, r in enumerate(rows)]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontSize = 6
    chart.bars[0].fillColor = colors.HexColor("#1f6feb")
    drawing.add(chart)
    return [_p("Perkara per minggu (tanggal kejadian, awal minggu Senin)", HEAD), drawing]


def dashboard_pdf(tables, f: Filters, account: Account, now: datetime, region_name: str = "") -> bytes:
    period = f"{f.date_from.isoformat() if f.date_from else 'awal'} s.d. {f.date_to.isoformat() if f.date_to else 'kini'}"
    scope = ", ".join(account.scope) or "—"
    filters = ", ".join(f"{k}={v}" for k, v in f.as_dict().items()) or "tanpa filter"
    story = [
        _p("Netra — Laporan Statistik Netralitas ASN", TITLE),
        _p(f"Wilayah: {region_name or f.region or 'seluruh wilayah kewenangan'} (kewenangan akun: {scope}). "
           f"Periode kejadian: {period}. Filter: {filters}."),
        _p(f"Dibuat {now:%Y-%m-%d %H:%M} UTC oleh {account.username}. Jumlah perkara: "
           f"{tables['summary'].rows[0]['count']}. Perkara yang digabungkan dihitung satu kali.", SMALL),
        Spacer(1, 6), *_trend(tables["week"]),
    ]
    for name, heading, columns, limit in SECTIONS:
        story += [_p(heading, HEAD), *_table(tables[name], columns, limit)]
        workforce = tables[name].meta.get("workforce") if name == "province" else None
        if workforce:
            story.append(_p(f"Penyebut per 10.000: {workforce['label_id']} — {workforce['source']} "
                            + " ".join(c["id"] for c in workforce["caveats"]), SMALL))
    story += [Spacer(1, 8), _p("Batas waktu mengikuti data/deadlines.yaml (dapat dikoreksi administrator). Laporan ini "
                               "tidak memuat nama, NIP, atau identitas pelapor.", SMALL)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title="Netra — Laporan Statistik", author="Netra").build(story)
    return buffer.getvalue()
