"""Fictional socialisation events and neutrality pledges in Kabupaten Jepara and Kabupaten Kutai Kartanegara, so
the coverage views show something meaningful. Places are generic, numbers invented, no person is named; the two
material PDFs say they are demo documents."""

from __future__ import annotations

import io
from datetime import date

from sqlalchemy import func, select

from netra.prevention import AUDIENCE_GROUPS
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import AgencyRow, AuditRow, NeutralityPledgeRow, SocialisationEventRow

MARKER = "demo:prevention"
DISTRICTS = {"33.20": ["Kecamatan Jepara", "Kecamatan Tahunan", "Kecamatan Pecangaan"],
             "64.02": ["Kecamatan Tenggarong", "Kecamatan Loa Kulu"]}
# (region, agency, day, place, topic, audience by group)
EVENTS = [
    ("33.20", "Badan Kesatuan Bangsa dan Politik", date(2023, 8, 30), "Aula Setda (demo)",
     "Pembinaan netralitas ASN menjelang Pemilu 2024", "pemilu2024", {"pns": 180, "pppk": 40, "non_asn": 25}),
    ("33.20", "Sekretariat Daerah", date(2024, 8, 14), "Aula Setda (demo)", "Netralitas ASN dalam Pilkada 2024",
     "pilkada2024", {"pns": 210, "pppk": 55, "non_asn": 30}),
    ("33.20", "Dinas Pendidikan", date(2024, 9, 12), "Aula Dinas Pendidikan (demo)",
     "Guru dan media sosial selama pilkada", "pilkada2024", {"pns": 320, "pppk": 140, "non_asn": 60}),
    ("33.20", "Kecamatan Tahunan", date(2024, 9, 26), "Pendopo Kecamatan (demo)",
     "Netralitas kepala desa dan perangkat desa", "pilkada2024",
     {"village_head": 15, "village_official": 88, "bpd": 40, "pns": 12}),
    ("33.20", "Dinas Kesehatan", date(2024, 10, 17), "Aula Dinas Kesehatan (demo)",
     "Tenaga kesehatan dan kampanye pilkada", "pilkada2024", {"pns": 150, "pppk": 70, "non_asn": 45}),
    ("64.02", "Sekretariat Daerah", date(2024, 8, 20), "Ruang rapat Setda (demo)", "Netralitas ASN dalam Pilkada 2024",
     "pilkada2024", {"pns": 160, "pppk": 35}),
    ("64.02", "Kecamatan Tenggarong", date(2024, 10, 2), "Aula Kecamatan (demo)",
     "Netralitas kepala desa selama masa kampanye", "pilkada2024",
     {"village_head": 12, "village_official": 60, "bpd": 30}),
]
# (region, agency, day, signed, total)
PLEDGES = [
    ("33.20", "Pemerintah Kabupaten Jepara", date(2024, 8, 14), 1850, 1900),
    ("33.20", "Sekretariat Daerah", date(2024, 8, 14), 240, 246),
    ("33.20", "Dinas Pendidikan", date(2024, 9, 12), 4100, 4420),
    ("33.20", "Dinas Kesehatan", date(2024, 9, 19), 980, 1010),
    ("33.20", "Badan Kesatuan Bangsa dan Politik", date(2024, 8, 14), 38, 38),
    ("33.20", "Inspektorat", date(2024, 9, 3), 52, 55),
    ("33.20", "Kecamatan Tahunan", date(2024, 9, 26), 41, 44),
    ("64.02", "Pemerintah Kabupaten Kutai Kartanegara", date(2024, 8, 20), 2300, 2460),
    ("64.02", "Sekretariat Daerah", date(2024, 8, 20), 310, 330),
    ("64.02", "Kecamatan Tenggarong", date(2024, 10, 2), 36, 40),
]


def _pdf(title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setFont("Helvetica", 14)
    page.drawString(72, 760, "Materi sosialisasi (data demo Netra)")
    page.setFont("Helvetica", 11)
    page.drawString(72, 735, title)
    page.drawString(72, 710, "Dokumen contoh fiktif; bukan materi resmi instansi mana pun.")
    page.save()
    return buffer.getvalue()


def ensure_demo_prevention(db: Database, store: EvidenceStore) -> int:
    """Create the demo records once; returns how many events and pledges were added (0 when present)."""
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity == MARKER)):
            return 0
        for region, names in DISTRICTS.items():
            for name in names:
                if not session.scalar(select(AgencyRow.id).where(AgencyRow.region_code == region, AgencyRow.name == name)):
                    session.add(AgencyRow(region_code=region, name=name, kind="district", active=True, source="admin"))
        session.flush()
        agency = {(a.region_code, a.name): a.id for a in session.scalars(
            select(AgencyRow).where(AgencyRow.region_code.in_(list(DISTRICTS))))}
        for n, (region, name, day, place, topic, election, people) in enumerate(EVENTS):
            material = _pdf(topic) if n in (1, 3) else None
            session.add(SocialisationEventRow(
                agency_id=agency[(region, name)], region_code=region, election_id=election, held_on=day, place=place,
                topic=topic, audience={g: people.get(g, 0) for g in AUDIENCE_GROUPS},
                material_sha256=store.put(material) if material else None,
                material_name="materi-sosialisasi-demo.pdf" if material else None, created_by="demo"))
        for region, name, day, signed, total in PLEDGES:
            session.add(NeutralityPledgeRow(agency_id=agency[(region, name)], region_code=region,
                                            election_id="pilkada2024", signed_on=day, signed=signed, total=total,
                                            created_by="demo"))
        audit_log.append(session, "system", "create", MARKER, {"events": len(EVENTS), "pledges": len(PLEDGES)})
    return len(EVENTS) + len(PLEDGES)
