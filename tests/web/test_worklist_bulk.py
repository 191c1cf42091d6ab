"""Bawaslu's bulk registration and linking from the worklist: each case through the workflow, refusals named one
by one, and nothing half-done when a write fails."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services import case_bulk
from netra.storage.case_repository import CaseRepository
from netra.storage.tables import CaseEventRow, CaseRow, OutboxRow
from tests.web.conftest import csrf_of, login
from tests.web.worklist_support import load


def selection(page: str, ids) -> list[str]:
    return [re.search(rf'name="pilih" value="({i}:\d+)"', page).group(1) for i in ids]


def statuses(db, ids) -> dict[int, str]:
    with db.transaction() as s:
        return dict(s.execute(select(CaseRow.id, CaseRow.status).where(CaseRow.id.in_(ids))).all())


def test_bulk_registration_registers_the_allowed_and_names_each_refusal(client, app, make_account):
    db = app.state.db
    ids = load(db, [dict(), dict(), dict(state="under_review")])
    make_account("bawaslu.massal", Role.BAWASLU)
    login(client, "bawaslu.massal")
    page = client.get("/perkara").text
    assert 'data-testid="bulk-form"' in page
    stale = f"{ids[1]}:99"  # a version the officer never saw: changed since
    done = client.post("/perkara/massal", data={"csrf_token": csrf_of(page), "tindakan": "register",
                                                "pilih": [*selection(page, [ids[0], ids[2]]), stale]})
    text = html.unescape(done.text)
    assert done.status_code == 200 and "1 perkara berhasil diproses" in text
    refused = dict(re.findall(r'data-refused-id="(\d+)"><a[^>]*>\d+</a>: ([^<]+)', text))
    assert "tidak dapat dilakukan pada perkara berstatus" in refused[str(ids[2])]
    assert "diubah oleh petugas lain" in refused[str(ids[1])]
    assert statuses(db, ids) == {ids[0]: "registered", ids[1]: "received", ids[2]: "under_review"}
    with db.transaction() as s:
        steps = s.scalars(select(OutboxRow).where(OutboxRow.kind == "case_step")).all()
        assert [(e.case_id, e.payload["action"]) for e in steps] == [(ids[0], "register")]


def test_other_roles_get_no_bulk_form_and_are_refused(client, app, make_account):
    ids = load(app.state.db, [dict()])
    make_account("bkn.massal", Role.BKN)
    login(client, "bkn.massal")
    page = client.get("/perkara").text
    assert 'data-testid="bulk-form"' not in page
    done = client.post("/perkara/massal", data={"csrf_token": csrf_of(page), "tindakan": "register",
                                                "pilih": [f"{ids[0]}:1"]})
    assert done.status_code == 409 and "Peran bkn tidak berwenang" in html.unescape(done.text)
    assert statuses(app.state.db, ids) == {ids[0]: "received"}


def test_nothing_is_half_done_when_a_write_fails(app, make_account, monkeypatch):
    db = app.state.db
    ids = load(db, [dict(), dict(), dict()])
    officer = make_account("bawaslu.gagal", Role.BAWASLU)
    real, calls = CaseRepository.step, []

    def failing(self, row, *args, **kwargs):
        calls.append(row.id)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(self, row, *args, **kwargs)

    monkeypatch.setattr(CaseRepository, "step", failing)
    with pytest.raises(OSError):
        case_bulk.register(db, officer, {i: 1 for i in ids})
    assert statuses(db, ids) == {i: "received" for i in ids}
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(CaseEventRow).where(CaseEventRow.action == "register")) == 0


def test_bulk_linking_joins_the_same_person_and_refuses_another(client, app, make_account):
    db = app.state.db
    ids = load(db, [dict(name="Sutrisno Wibowo", nip="197001011990031001", event_date=date(2024, 10, 1)),
                    dict(name="Sutrisno Wibowo", nip="197001011990031001", event_date=date(2024, 10, 2)),
                    dict(name="Ani Rahayu", nip="198001011990032002", event_date=date(2024, 10, 1))])
    make_account("bawaslu.gabung", Role.BAWASLU)
    login(client, "bawaslu.gabung")
    page = client.get("/perkara").text
    done = client.post("/perkara/massal", data={"csrf_token": csrf_of(page), "tindakan": "link",
                                                "reason": "Laporan ganda.", "pilih": selection(page, ids)})
    text = html.unescape(done.text)
    assert done.status_code == 200 and "Perkara digabungkan ke perkara" in text
    assert re.search(rf'data-refused-id="{ids[2]}".*Terlapor tidak sama', text)
    with db.transaction() as s:
        merged = dict(s.execute(select(CaseRow.id, CaseRow.merged_into_id).where(CaseRow.id.in_(ids))).all())
    survivor = ids[0] if merged[ids[0]] is None else ids[1]
    assert merged[ids[2]] is None and {merged[ids[0]], merged[ids[1]]} == {None, survivor}
    assert set(re.findall(r'<tr data-case-id="(\d+)"', text)) == {str(ids[2]), str(survivor)}
