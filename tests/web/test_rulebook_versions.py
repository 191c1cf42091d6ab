"""Rulebook versions (issue 16): a case keeps the rulebook version it was decided under, its page says which and its
letter cites the rule as it was then, while cases decided after an approved correction use the corrected value;
/aturan shows the version in force and the changelog; a corrected rule page shows the corrected level, says it was
corrected (with the source) and never keeps a note naming the value used before."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services import reference_data
from netra.services.case_workflow import take_step
from netra.services.intake import submit_report
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow
from tests.support.reference import approved_correction
from tests.web.conftest import login
from tests.web.test_case_workflow_pages import pdf_text as raw_pdf_text

RULE = "skb2022.disiplin.8"  # sources dispute its level: berat in the packaged rulebook, sedang in one source


def pdf_text(content: bytes) -> str:
    return " ".join(raw_pdf_text(content).split())  # lines wrap anywhere in a table cell


def decided_case(app, officers, token: str) -> int:
    db, store = app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence")
    draft = ReportDraft(description="Kepala dinas mengadakan pertemuan dan mengajak pegawai memilih paslon 1.",
                        region_code="33.20", election_id="pilkada2024", reported_name="Kadis Fiktif",
                        event_date=date(2024, 10, 1))
    submit_report(db, store, draft, [], token + "-" + "v" * 20, "k", {"pilkada2024"})
    with db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))
    now = datetime.now(timezone.utc)
    steps = [("bawaslu", "register", {}), ("bawaslu", "start_review", {}),
             ("bawaslu", "recommend", {"reason": "Terbukti mengajak.", "payload": {"rule_ids": [RULE]}}),
             ("bkn", "verify", {}), ("bawaslu", "validate", {}),
             ("bkn", "send_to_ppk", {"payload": {"ppk": "Bupati Jepara"}}),
             ("ppk", "impose_sanction", {"payload": {"rule_id": RULE, "sanction": {
                 "kind": "discipline", "level": reference_data.rulebook(db)[RULE].sanction.level.value,
                 "description": "sesuai aturan yang berlaku"}}})]
    for version, (role, action, extra) in enumerate(steps, start=1):
        take_step(db, store, officers[role], case_id, action, version, now=now, **extra)
    return case_id


def test_a_decided_case_keeps_its_rulebook_version_while_new_cases_use_the_correction(client, app, make_account):
    officers = {role: make_account(f"{role}.versi", Role(role)) for role in ("bawaslu", "bkn", "ppk")}
    old = decided_case(app, officers, "lama")
    login(client, "bawaslu.versi")
    page = client.get(f"/perkara/{old}").text
    assert "Diputuskan berdasarkan aturan versi 1" in page
    letter = pdf_text(client.get(f"/perkara/{old}/surat-rekomendasi.pdf").content)
    assert "discipline / berat" in letter and "Diputuskan berdasarkan aturan versi 1" in letter

    approved_correction(app.state.db, RULE, "sanction.level", "sedang", reason="Tribun 2023: tingkat sedang")
    assert reference_data.rulebook(app.state.db)[RULE].sanction.level.value == "sedang"

    again = client.get(f"/perkara/{old}").text
    assert "Diputuskan berdasarkan aturan versi 1" in again and "versi 2" not in again
    letter_after = pdf_text(client.get(f"/perkara/{old}/surat-rekomendasi.pdf").content)
    assert "discipline / berat" in letter_after and "discipline / sedang" not in letter_after
    assert "penurunan jabatan" in letter_after  # the berat text, as cited when it was decided

    new = decided_case(app, officers, "baru")
    assert "Diputuskan berdasarkan aturan versi 2" in client.get(f"/perkara/{new}").text
    letter_new = pdf_text(client.get(f"/perkara/{new}/surat-rekomendasi.pdf").content)
    assert "discipline / sedang" in letter_new and "pemotongan tunjangan kinerja" in letter_new
    assert "Diputuskan berdasarkan aturan versi 2" in letter_new


def test_aturan_shows_the_version_and_changelog_and_the_rule_page_the_correction(client, app):
    listing = client.get("/aturan").text
    assert "Buku aturan yang berlaku: versi 1" in listing and 'data-testid="changelog-empty"' in listing
    before = client.get(f"/aturan/{RULE}").text
    assert "nilai yang dipakai adalah berat" in before and 'data-testid="corrected"' not in before

    approved_correction(app.state.db, RULE, "sanction.level", "sedang", reason="Tribun 2023: tingkat sedang")

    listing = client.get("/aturan").text
    assert "Buku aturan yang berlaku: versi 2" in listing
    row = listing[listing.index('data-testid="change-1"'):]
    row = row[:row.index("</tr>")]
    for shown in (RULE, "Tingkat hukuman disiplin: berat →", "<strong>sedang</strong>", "WIB",
                  "Tribun 2023: tingkat sedang", "sumber uji", "admin.nasional.uji"):
        assert shown in row, shown
    page = client.get(f"/aturan/{RULE}").text
    sanction = page[page.index('data-testid="sanction"'):]
    sanction = sanction[:sanction.index("</td>")]
    assert "Sedang" in sanction and "Berat" not in sanction and "berat" not in sanction  # level and its text agree
    assert "pemotongan tunjangan kinerja" in sanction and 'data-testid="sanction-corrected"' in sanction
    assert 'data-testid="corrected"' in page and "sumber uji" in page and "versi 2" in page
    assert "nilai yang dipakai adalah berat" not in page  # the packaged note would contradict the page
