"""A fictional civil-servant register for the demo regions (Jepara, Kutai Kartanegara), imported through the real
import, and a few demo cases linked to it by a demo officer, so the person page and the repeat-offender lists show
something. Every name is a demo case's "Terlapor Fiktif NNNNN" or "Pegawai Fiktif NNN"."""

from __future__ import annotations

import random
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from netra.demo.accounts import DEMO_REGIONS
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository
from netra.storage.tables import CaseRow, RegionRow, RegisterImportRow

REASON = "Data demo: daftar pegawai fiktif"
PEOPLE_PER_REGION = 12  # demo cases whose reported person gets a register entry
REPEATS = 3  # of those, people linked (by a demo officer) to their own case and two more; the rest stay suggestions


def _nip(rng: random.Random, used: set[str]) -> str:
    while True:
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(12_000))
        nip = f"{birth:%Y%m%d}{rng.randint(birth.year + 20, 2020)}{rng.randint(1, 12):02d}{rng.randint(1, 2)}" \
              f"{rng.randint(1, 999):03d}"
        if nip not in used:
            used.add(nip)
            return nip


def ensure_demo_register(db: Database, seed: int = 18) -> int:
    """Import the demo register once; returns the number of people added (0 when already there)."""
    from netra.services.people.links import link_person
    from netra.services.people.register import import_register

    with db.transaction() as session:
        if session.scalar(select(RegisterImportRow.id).where(RegisterImportRow.reason == REASON)):
            return 0
        accounts = AccountRepository(session)
        admin = accounts.credentials("admin.jepara")
        officers = {code: accounts.credentials(f"bawaslu.{slug}") for slug, (code, _) in DEMO_REGIONS.items()}
        names = dict(session.execute(select(RegionRow.code, RegionRow.name)).tuples().all())
        cases = {code: session.execute(select(CaseRow.id, CaseRow.reported_name, CaseRow.reported_position,
                                              CaseRow.reported_agency)
                                       .where(CaseRow.region_code == code, CaseRow.merged_into_id.is_(None))
                                       .order_by(CaseRow.id)).all() for code, _ in DEMO_REGIONS.values()}
    if admin is None or any(o is None for o in officers.values()):
        return 0
    rng, used = random.Random(seed), set()
    lines, links = ["NIP;NAMA;JABATAN;UNIT KERJA/INSTANSI;KODE WILAYAH;STATUS;GOLONGAN/PANGKAT"], []
    for code, rows in cases.items():
        place = names[code]
        people = rows[:PEOPLE_PER_REGION]
        for i, (case_id, name, position, agency) in enumerate(people):
            pppk = position.startswith("Guru") and rng.random() < 0.4
            lines.append(f"{_nip(rng, used)};{name};{position};{agency} {place};{code};"
                         f"{'PPPK' if pppk else 'PNS'};{'IX' if pppk else rng.choice(['III/a', 'III/c', 'IV/a'])}")
            if i < REPEATS:
                extra = rows[PEOPLE_PER_REGION + 2 * i: PEOPLE_PER_REGION + 2 * i + 2]
                links += [(code, other[0], name) for other in [(case_id,), *extra]]
        for n in range(1, 21):
            lines.append(f"{_nip(rng, used)};Pegawai Fiktif {code.replace('.', '')}{n:03d};Staf Pelaksana;"
                         f"Sekretariat Daerah {place};{code};PNS;II/c")
    with tempfile.TemporaryDirectory(prefix="netra-demo-register-") as folder:
        path = Path(folder) / "daftar-pegawai-demo.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = import_register(db, admin[0], path, REASON, today=date(2024, 12, 20))
    from netra.storage.tables import CivilServantRow

    with db.transaction() as session:
        ids = dict(session.execute(select(CivilServantRow.name, CivilServantRow.id)).tuples().all())
    for code, case_id, name in links:
        link_person(db, officers[code][0], case_id, ids[name],
                    "Data demo: laporan lain tentang pegawai yang sama (dicocokkan petugas).",
                    now=datetime(2024, 12, 19, 3, 0, tzinfo=timezone.utc))
    return result.added
