"""scripts/notification_walkthrough.py on SQLite: the closing note's walk-through is generated from what really
arrives, and holds what each role may read and nothing more."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "notification_walkthrough.py"
REPORTER = ("Sekar Pelapor Fiktif", "3320015506920002", "Jl. Kenanga Fiktif 12", "0812-0000-1515")
REPORTED = ("Darto Terlapor Fiktif", "197001012000031001")
INTERNAL = ("Catatan internal", "Wulan Fiktif")


def sections(doc: str) -> dict[str, str]:
    parts = re.split(r"^## ", doc, flags=re.M)[1:]
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] for p in parts}


def test_the_walkthrough_shows_each_role_what_it_may_read(tmp_path):
    out = tmp_path / "walk.md"
    run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    doc = out.read_text()
    parts = sections(doc)
    reporter = next(v for k, v in parts.items() if k.startswith("Reporter"))
    bawaslu = [v for k, v in parts.items() if k.startswith("Bawaslu")]
    others = [v for k, v in parts.items() if k.startswith(("BKN", "PPK", "Admin webhook"))]
    assert len(bawaslu) == 2 and len(others) == 3

    # the reporter: the confirmation, then every change of status with its public reason only
    subjects = re.findall(r"^### \d+\. (.+)$", reporter, flags=re.M)
    assert subjects[0].startswith("Konfirmasi email untuk laporan NTR-")
    assert [s.split(": ", 1)[1] for s in subjects[1:]] == [
        "Diregistrasi", "Dalam kajian", "Direkomendasikan ke BKN", "Diverifikasi BKN", "Divalidasi Bawaslu",
        "Dikirim ke PPK", "Sanksi dijatuhkan", "Ditutup"]
    assert "Alasan: PPK menjatuhkan hukuman disiplin." in reporter
    for hidden in (*INTERNAL, *REPORTED, "Bupati Jepara", "Petugas Fiktif"):
        assert hidden not in reporter, hidden
    # the confidential reporter's identity: nowhere but (at most) in messages to the handling Bawaslu officers
    for part in [reporter, *others]:
        for secret in REPORTER:
            assert secret not in part, secret
    # officers hear when the case enters their role's queue; the PPK once, when it is sent to them
    assert "menunggu tindakan PPK: Dikirim ke PPK" in others[1]
    assert all("menunggu tindakan Bawaslu" in b for b in bawaslu)
    assert "menunggu tindakan BKN: Direkomendasikan ke BKN" in others[0]
    for part in parts.values():
        for hidden in INTERNAL:
            assert hidden not in part, hidden
    # the webhook: one POST per registered event, no names
    assert '"event": "case_opened"' in others[2] and others[2].count('"event": "case_step"') == 8
    # every time shown carries its zone
    times = re.findall(r"pukul \d{2}\.\d{2}( WIB| WITA| WIT)?", doc)
    assert len(times) > 20 and all(times), times
    # the figures: everything queued arrived once
    queued, delivered, duplicates, lost = map(int, re.search(
        r"\| (\d+) \| (\d+) \| (\d+) \| (\d+) \|", parts["Figures"]).groups())
    assert queued == delivered > 20 and duplicates == 0 and lost == 0
    assert f"queued={queued} delivered={delivered} duplicates=0 lost=0" in run.stdout
