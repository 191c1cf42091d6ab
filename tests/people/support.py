"""Register files as agencies send them, and accounts to import them with."""

from pathlib import Path

from netra.accounts.roles import Role
from netra.services.accounts import create_account

HEADER = "NIP;NAMA;JABATAN;UNIT KERJA/INSTANSI;KODE WILAYAH;STATUS;GOLONGAN/PANGKAT"
BUDI = "198001012005011001;Drs. Budi Santoso, M.Si.;Camat Mlonggo;Pemerintah Kabupaten Jepara;33.20;PNS;IV/a"
SITI = "199203152019032002;Siti Aminah;Guru SD Negeri 2 Bangsri;Dinas Pendidikan Kab. Jepara;3320;PPPK;IX"
ANI = "198507072010012003;Ani Lestari;Kepala Seksi;Dinas Kesehatan Kab. Kutai Kartanegara;64.02;PNS;III/c"


def write(tmp_path: Path, *lines: str, name: str = "pegawai.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def account(db, username="bkn.pusat", role=Role.BKN, scope=("33", "64")):
    return create_account(db, username, "Petugas Uji", "kata-sandi-uji-coba", role, scope)


def report(app_or_db, store_dir, token: str, region="33.20", nip="", name="", agency="", when=None,
           election="pilkada2024"):
    """A public report about someone; returns its case id."""
    from datetime import date, datetime, timezone

    from sqlalchemy import select

    from netra.intake.report import ReportDraft
    from netra.services.intake import submit_report
    from netra.storage.evidence_store import EvidenceStore
    from netra.storage.tables import CaseRow

    db = getattr(getattr(app_or_db, "state", None), "db", app_or_db)
    draft = ReportDraft(description="Terlapor mengunggah dukungan kepada pasangan calon di media sosial.",
                        region_code=region, election_id=election, reported_name=name, reported_nip=nip,
                        reported_agency=agency, event_date=date(2024, 10, 1))
    submit_report(db, EvidenceStore(store_dir), draft, [], token.ljust(24, "x"), "k", {election},
                  now=when or datetime(2024, 10, 2, 3, 0, tzinfo=timezone.utc))
    with db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))


def walk_to_sanction(db, store_dir, case_id, bawaslu, bkn, ppk, stop_at="impose_sanction", start=None):
    """Take a case through the legal path (times in October 2024) up to `stop_at` (inclusive)."""
    from datetime import datetime, timedelta, timezone

    from netra.services.case_workflow import take_step
    from netra.storage.evidence_store import EvidenceStore
    from tests.support.cases import complete_person

    complete_person(db, case_id)

    steps = [
        ("register", bawaslu, {}, ""), ("start_review", bawaslu, {}, ""),
        ("recommend", bawaslu, {"rule_ids": ["skb2022.disiplin.2"]}, "Unggahan dukungan terbukti."),
        ("verify", bkn, {}, ""), ("validate", bawaslu, {}, ""),
        ("send_to_ppk", bkn, {"ppk": "Bupati Jepara"}, ""),
        ("mark_not_followed_up", bkn, {}, ""),
        ("impose_sanction", ppk, {"rule_id": "skb2022.disiplin.2", "sanction": {
            "kind": "discipline", "level": "berat", "description": "Penurunan jabatan setingkat lebih rendah selama 12 bulan"}},
         "Putusan PPK"),
    ]
    at = start or datetime(2024, 10, 3, 2, 0, tzinfo=timezone.utc)
    for version, (action, who, payload, reason) in enumerate(steps, start=1):
        at += timedelta(days=40 if action == "mark_not_followed_up" else 1)
        take_step(db, EvidenceStore(store_dir), who, case_id, action, version, reason=reason, payload=payload, now=at)
        if action == stop_at:
            return at
    return at
