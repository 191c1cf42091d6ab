"""The worklist as officers use it: search, sort, pages that keep the filters, "menunggu saya", clear messages
for bad parameters, and the name column holding names."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta, timezone

from netra.accounts.roles import Role
from netra.intake.report import ReportDraft
from netra.services.intake import submit_report
from netra.services.unit_of_work import unit_of_work
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow
from tests.web.conftest import login
from tests.web.worklist_support import NOW, load


def rows(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-case-id="(\d+)"', html)]


def column(html: str, name: str) -> list[str]:
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", v)).strip()
            for v in re.findall(rf'<td data-col="{name}">(.*?)</td>', html, re.S)]


def test_search_by_name_nip_and_tracking_code(client, app, make_account):
    db = app.state.db
    # A public report first (loaded cases take explicit ids, which PostgreSQL's sequence does not see).
    receipt = submit_report(db, EvidenceStore(app.state.settings.data_dir / "evidence"), ReportDraft(
        description="Camat mengunggah foto bersama pasangan calon di media sosial.", region_code="33.20",
        election_id="pilkada2024", event_date=date(2024, 10, 1)), [], "tok-cari-" + "x" * 20, "k", {"pilkada2024"})
    with db.transaction() as s:
        reported = max(s.query(CaseRow.id).all())[0]
    ids = load(db, [dict(name="Sutrisno Wibowo", nip="197001011990031001"), dict(name="Ani Rahayu"),
                    dict(name="Budi Santoso", nip="198512122010011002")])
    make_account("bawaslu.cari", Role.BAWASLU)
    login(client, "bawaslu.cari")
    assert rows(client.get("/perkara?cari=wibowo").text) == [ids[0]]
    assert rows(client.get("/perkara?cari=19851212").text) == [ids[2]]  # NIP prefix
    assert rows(client.get(f"/perkara?cari={receipt.tracking_code.lower()}").text) == [reported]
    page = client.get("/perkara?cari=tidak+ada+orang+ini")
    assert page.status_code == 200 and 'data-testid="no-cases"' in page.text


def test_viewer_cannot_search_by_name_but_by_tracking_code(client, app, make_account):
    load(app.state.db, [dict(name="Sutrisno Wibowo")])
    make_account("pemantau", Role.VIEWER)
    login(client, "pemantau")
    page = client.get("/perkara?cari=wibowo")
    assert page.status_code == 400 and "kode pelacakan" in page.text
    assert "Sutrisno" not in page.text


def test_sort_by_region_received_and_status(client, app, make_account):
    db = app.state.db
    early, late = NOW - timedelta(days=3), NOW - timedelta(hours=2)
    ids = load(db, [dict(region="33.20", at=late, state="under_review"),
                    dict(region="33.74", at=early, state="received"),
                    dict(region="33.20", at=early, state="registered")])
    make_account("bawaslu.jateng", Role.BAWASLU, scope=("33",))
    login(client, "bawaslu.jateng")
    regions = column(client.get("/perkara?urut=region").text, "region")
    assert regions == sorted(regions) and len(set(regions)) == 2
    assert column(client.get("/perkara?urut=region&arah=turun").text, "region") == sorted(regions, reverse=True)
    assert rows(client.get("/perkara?urut=status").text) == [ids[1], ids[2], ids[0]]  # in workflow order
    received = rows(client.get("/perkara?urut=received").text)
    by_date = rows(client.get("/perkara?urut=received&arah=turun").text)
    assert received[-1] == by_date[0] and received != by_date


def test_sort_by_deadline_puts_the_most_urgent_first(client, app, make_account):
    db = app.state.db
    # Two days (not one) between the recent cases: the 3-day clock ends at the end of a local (WIB) day, and
    # between 00:00 and 02:00 WIB "2 hours ago" and "1 day ago" fall on the same day and tie.
    ids = load(db, [dict(at=NOW - timedelta(hours=2)), dict(at=NOW - timedelta(days=10)),
                    dict(at=NOW - timedelta(days=2))])
    make_account("bawaslu.tenggat", Role.BAWASLU)
    login(client, "bawaslu.tenggat")
    page = client.get("/perkara?urut=deadline").text
    assert rows(page) == [ids[1], ids[2], ids[0]]
    assert 'data-testid="overdue"' in page.split(f'data-case-id="{ids[1]}"')[1].split("</tr>")[0]


def test_pages_keep_filters_and_show_totals(client, app, make_account):
    db = app.state.db
    load(db, [dict(name=f"Pegawai Desa {n}") for n in range(60)] + [dict(name="Lain")])
    make_account("bawaslu.halaman", Role.BAWASLU)
    login(client, "bawaslu.halaman")
    first = client.get("/perkara?cari=pegawai+desa&per=25&urut=received").text
    assert "60 perkara; ditampilkan 1–25." in first and len(rows(first)) == 25
    links = re.findall(r'href="(/perkara\?[^"]+)" data-testid="page-3"', first)
    assert links and "cari=pegawai+desa" in links[0] and "per=25" in links[0] and "urut=received" in links[0]
    third = client.get(links[0].replace("&amp;", "&")).text
    assert "60 perkara; ditampilkan 51–60." in third and len(rows(third)) == 10
    seen = set(rows(first)) | set(rows(third)) | set(rows(client.get(
        "/perkara?cari=pegawai+desa&per=25&urut=received&halaman=2").text))
    assert len(seen) == 60
    past = client.get("/perkara?cari=pegawai+desa&per=25&halaman=99").text
    assert "ditampilkan 51–60" in past  # a page past the last shows the last


def test_bad_parameters_get_an_indonesian_message_not_a_server_error(client, app, make_account):
    load(app.state.db, [dict()])
    make_account("bawaslu.salah", Role.BAWASLU)
    login(client, "bawaslu.salah")
    for query, words in (("halaman=abc", "Nomor halaman 'abc' tidak sah"), ("halaman=-1", "tidak sah"),
                         ("halaman=" + "9" * 40, "tidak sah"), ("urut=gaji", "Urutan 'gaji' tidak dikenal"),
                         ("per=7", "Jumlah baris per halaman '7' tidak sah"), ("arah=miring", "Arah urutan"),
                         ("view=rahasia", "Tampilan 'rahasia' tidak dikenal"), ("status=x", "Status 'x'")):
        page = client.get(f"/perkara?{query}")
        assert page.status_code == 400, query
        assert words in html.unescape(page.text) and 'data-testid="param-error"' in page.text, query
        assert len(rows(page.text)) == 1  # the list still shows, with the defaults


def test_name_column_holds_the_reported_persons_name(client, app, make_account):
    load(app.state.db, [dict(name="Sutrisno Wibowo")])
    make_account("bawaslu.nama", Role.BAWASLU)
    login(client, "bawaslu.nama")
    page = client.get("/perkara").text
    headers = re.findall(r"<th>(.*?)</th>", page)
    assert "Nama terlapor" in headers and "Wilayah" in headers and "Nama" not in headers
    assert headers.index("Wilayah") < headers.index("Nama terlapor")
    assert column(page, "name")[0].startswith("Sutrisno Wibowo")
    assert column(page, "region")[0] == "Kabupaten Jepara" or "Jepara" in column(page, "region")[0]
    assert "WIB" in column(page, "received")[0]


def test_waiting_for_me_per_role(client, app, make_account):
    db = app.state.db
    ids = dict(zip(("received", "recommended_to_bkn", "validated_by_bawaslu", "sent_to_ppk", "verified_by_bkn"),
                   load(db, [dict(state=s) for s in ("received", "recommended_to_bkn", "validated_by_bawaslu",
                                                     "sent_to_ppk", "verified_by_bkn")])))
    expected = {Role.BAWASLU: {ids["received"], ids["verified_by_bkn"]},
                Role.BKN: {ids["recommended_to_bkn"], ids["validated_by_bawaslu"]},
                Role.PPK: {ids["sent_to_ppk"]}}
    for role, wanted in expected.items():
        make_account(f"{role.value}.saya", role)
        login(client, f"{role.value}.saya")
        page = client.get("/perkara?view=mine")
        assert page.status_code == 200 and set(rows(page.text)) == wanted, role
        assert 'aria-current="page" data-testid="view-mine"' in page.text and "Menunggu saya" in page.text
        client.cookies.clear()  # sign the next role in afresh
    # A case assigned to another officer waits for them, not for me.
    other = make_account("bawaslu.lain", Role.BAWASLU)
    with unit_of_work(db) as uow:
        row = uow.cases.find(ids["received"])
        uow.cases.assign(row, other, actor=other, now=datetime.now(timezone.utc))
    login(client, "bawaslu.saya")
    assert set(rows(client.get("/perkara?view=mine").text)) == {ids["verified_by_bkn"]}
