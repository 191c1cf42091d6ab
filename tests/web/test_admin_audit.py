"""/admin/audit (issue 16): the audit trail filtered by who, what, case, region and period, a page at a time and
as CSV (through csv_safety), cut to the reader's scope (a regency administrator reads entries on cases and
accounts of their regions; national entries only national administrators), and "Periksa rantai" running the same
check as `netra audit verify`, with its result in Indonesian."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services import audit_trail
from netra.services.intake import submit_report
from netra.services.reference_changes import propose_rule
from netra.services.reference_data import national_today
from netra.storage import audit_log
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow
from tests.support.scopes import NATIONAL
from tests.web.conftest import csrf_of, login

PAGE = "/admin/audit"


def file_case(app, region: str, token: str) -> int:
    draft = ReportDraft(description="Camat mengajak warga memilih paslon nomor urut 2 dalam rapat desa.",
                        region_code=region, election_id="pilkada2024", event_date=date(2024, 10, 1))
    submit_report(app.state.db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [],
                  token + "-" + "a" * 20, "k", {"pilkada2024"})
    with app.state.db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()))


@pytest.fixture
def world(app, make_account):
    national = make_account("admin.pusat", Role.ADMIN, NATIONAL)
    jepara_case, kukar_case = file_case(app, "33.20", "jepara"), file_case(app, "64.02", "kukar")
    propose_rule(app.state.db, national, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(),
                 "alasan nasional", "sumber")
    return {"national": national, "jepara_case": jepara_case, "kukar_case": kukar_case}


def shown_entities(html: str) -> set[str]:
    import re

    return set(re.findall(r'<td>(?:<a href="[^"]*">)?((?:case|proposal|account):\d+)', html))


def test_a_regency_admin_reads_the_entries_of_their_regions_only(client, app, make_account, world):
    make_account("admin.jepara", Role.ADMIN, ("33.20",))
    login(client, "admin.jepara")
    page = client.get(PAGE).text
    seen = shown_entities(page)
    assert f"case:{world['jepara_case']}" in seen and f"case:{world['kukar_case']}" not in seen
    assert not any(e.startswith("proposal:") for e in seen)  # national entries: national admins only
    assert "Entri nasional" in page
    export = client.get(PAGE + ".csv").content.decode("utf-8-sig")
    assert f"case:{world['kukar_case']}" not in export and "proposal:" not in export
    assert f"case:{world['jepara_case']}" in export


def test_a_national_admin_reads_everything_and_filters(client, app, make_account, world):
    login(client, "admin.pusat")
    seen = shown_entities(client.get(PAGE).text)
    assert {f"case:{world['jepara_case']}", f"case:{world['kukar_case']}", "proposal:1"} <= seen
    assert shown_entities(client.get(PAGE, params={"siapa": "admin.pusat"}).text) == {"proposal:1"}
    assert shown_entities(client.get(PAGE, params={"tindakan": "propose"}).text) == {"proposal:1"}
    by_case = client.get(PAGE, params={"perkara": str(world["kukar_case"])}).text
    assert shown_entities(by_case) == {f"case:{world['kukar_case']}"}
    assert shown_entities(client.get(PAGE, params={"wilayah": "64"}).text) == {f"case:{world['kukar_case']}"}
    today = national_today()
    assert "proposal:1" in shown_entities(client.get(PAGE, params={"dari": today.isoformat(),
                                                                    "sampai": today.isoformat()}).text)
    assert shown_entities(client.get(PAGE, params={"sampai": (today - timedelta(days=1)).isoformat()}).text) == set()
    bad = client.get(PAGE, params={"dari": "kemarin", "perkara": "abc"})
    assert bad.status_code == 422 and ("Tanggal tidak sah" in bad.text or "harus berupa angka" in bad.text)
    page = client.get(PAGE).text
    assert "WIB" in page and "mengusulkan" in page


def test_pages_of_fifty(client, app, world):
    with app.state.db.transaction() as s:
        for n in range(60):
            audit_log.append(s, f"user:{world['national'].id}", "download", f"case:{world['jepara_case']}",
                             {"document": f"ringkasan-{n}"})
    login(client, "admin.pusat")
    first = client.get(PAGE).text
    assert "ringkasan-59" in first and "ringkasan-5;" not in first and 'data-testid="audit-next"' in first
    second = client.get(PAGE, params={"halaman": "2"}).text
    assert "ringkasan-5;" in second and "ringkasan-59" not in second


def test_csv_export_keeps_formulas_as_text_and_is_audited(client, app, make_account, world):
    login(client, "admin.pusat")
    made = client.post("/admin/pengguna", data={
        "username": "petugas.rumus", "role": "viewer", "regions": ["33.20"], "reason": '=HYPERLINK("http://x")',
        "csrf_token": csrf_of(client.get("/admin/pengguna").text)})
    assert made.status_code == 200
    export = client.get(PAGE + ".csv", params={"tindakan": "create"})
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == ["urutan", "waktu", "pelaku", "tindakan", "objek", "alasan", "rincian"]
    [created] = [r for r in rows[1:] if r[4].startswith("account:")]
    assert created[2] == "admin.pusat" and created[3] == "membuat" and "WIB" in created[1]
    assert created[5] == "'=HYPERLINK(\"http://x\")"  # csv_safety: text, not a formula
    with app.state.db.transaction() as s:
        assert s.scalar(select(audit_log.AuditRow).where(audit_log.AuditRow.entity == "audit_log")) is not None


def test_check_the_chain_runs_the_cli_check_and_reports_in_indonesian(client, app, make_account, world):
    login(client, "admin.pusat")
    intact = client.post(PAGE + "/periksa", data={"csrf_token": csrf_of(client.get(PAGE).text)})
    assert intact.status_code == 200 and "Rantai audit utuh" in intact.text
    with app.state.db.transaction() as s:  # someone edits a case beside the trail
        s.execute(text("UPDATE cases SET reported_name = 'diubah diam-diam' WHERE id = :id"),
                  {"id": world["kukar_case"]})
    broken = client.post(PAGE + "/periksa", data={"csrf_token": csrf_of(client.get(PAGE).text)}).text
    assert "Rantai audit RUSAK: 1 masalah" in broken
    assert f"baris perkara {world['kukar_case']} (perkara, laporan, riwayat atau bukti) berubah" in broken
    settings = app.state.settings
    cli = audit_trail.verify(app.state.db, settings.audit_key(), settings.checkpoint_file)
    assert [b.seq for b in cli.breaks] and len(cli.breaks) == 1  # the same check the command runs
    make_account("admin.jepara", Role.ADMIN, ("33.20",))
    client.post("/keluar", data={"csrf_token": csrf_of(client.get(PAGE).text)})
    login(client, "admin.jepara")
    regional = client.post(PAGE + "/periksa", data={"csrf_token": csrf_of(client.get(PAGE).text)}).text
    assert "Rantai audit RUSAK" in regional and "baris perkara" not in regional  # details for national admins


def test_other_roles_are_refused(client, make_account):
    make_account("bawaslu.audit", Role.BAWASLU, ("33.20",))
    login(client, "bawaslu.audit")
    assert client.get(PAGE).status_code == 403 and client.get(PAGE + ".csv").status_code == 403


def test_times_are_shown_in_the_readers_zone(client, app, make_account, world):
    """A Kutai Kartanegara administrator reads the trail in WITA, a Jepara one in WIB (the reader's first region)."""
    import re

    for username, region, zone, other in (("admin.kukar", "64.02", "WITA", "WIB"),
                                          ("admin.jepara2", "33.20", "WIB", "WITA")):
        make_account(username, Role.ADMIN, (region,))
        login(client, username)
        times = re.findall(r"pukul \d{2}\.\d{2} (\w+)", client.get(PAGE).text)
        assert times and set(times) == {zone}, (username, times)
        client.post("/keluar", data={"csrf_token": csrf_of(client.get("/akun").text)})
