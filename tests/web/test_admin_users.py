"""/admin/pengguna (issue 16): administrators list, search, create, change and deactivate the accounts within
their scope, and hand over a one-time password link; nobody gives more scope than their own; every change is
audited with who, when and why; refusals are Indonesian, keep the form as typed and store nothing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from netra.accounts.roles import Role
from netra.storage import audit_log
from netra.storage.tables import AuditRow, PasswordLinkRow, UserRow
from tests.support.scopes import NATIONAL
from tests.web.conftest import csrf_of, login

PAGE = "/admin/pengguna"
NEW_PASSWORD = "sandi-baru-yang-panjang"


def users(app) -> int:
    with app.state.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(UserRow))


def entries(app, entity: str) -> list[AuditRow]:
    with app.state.db.transaction() as s:
        assert audit_log.verify(s)[1] == []
        return list(s.scalars(select(AuditRow).where(AuditRow.entity == entity).order_by(AuditRow.seq)))


def post(client, path: str, data: dict, page: str = PAGE):
    return client.post(path, data={**data, "csrf_token": csrf_of(client.get(page).text)}, follow_redirects=False)


def link_of(html: str) -> str:
    return re.search(r'data-testid="password-link">https?://[^/]+(/akun/sandi/[^<]+)<', html).group(1)


@pytest.fixture
def jepara(client, make_account):
    account = make_account("admin.jepara", Role.ADMIN, ("33.20",))
    login(client, "admin.jepara")
    return account


def test_a_regency_admin_sees_and_searches_only_accounts_within_their_scope(client, app, make_account, jepara):
    make_account("bawaslu.jepara", Role.BAWASLU, ("33.20",))
    make_account("bkn.jepara", Role.BKN, ("33.20",))
    semarang = make_account("bawaslu.semarang", Role.BAWASLU, ("33.74",))
    make_account("bawaslu.jateng", Role.BAWASLU, ("33",))  # a province is wider than Jepara
    make_account("campur", Role.BAWASLU, ("33.20", "33.74"))  # partly outside: not theirs
    page = client.get(PAGE).text
    shown = set(re.findall(r'data-testid="row-([a-z0-9._-]+)"', page))
    assert shown == {"admin.jepara", "bawaslu.jepara", "bkn.jepara"}
    found = client.get(PAGE, params={"cari": "BKN"}).text
    assert set(re.findall(r'data-testid="row-([a-z0-9._-]+)"', found)) == {"bkn.jepara"}
    assert client.get(f"{PAGE}/{semarang.id}").status_code == 404  # outside: it does not exist for them
    assert post(client, f"{PAGE}/{semarang.id}/status", {"active": "0", "status_reason": "x"}).status_code == 404


def test_the_list_is_paginated(client, app, make_account):
    make_account("admin.pusat", Role.ADMIN, NATIONAL)
    for n in range(30):
        make_account(f"petugas.{n:02d}", Role.VIEWER, ("64.02",))
    login(client, "admin.pusat")
    first = client.get(PAGE).text
    assert "31 akun" in first and "Halaman 1 dari 2" in first and "petugas.00" in first and "petugas.29" not in first
    second = client.get(PAGE, params={"halaman": "2"}).text
    assert "petugas.29" in second and "petugas.00" not in second
    assert "Halaman 2 dari 2" in client.get(PAGE, params={"halaman": "99"}).text


@pytest.mark.parametrize("role,regions,message", [
    ("bawaslu", ["nasional"], "di luar cakupan Anda sendiri"),
    ("bawaslu", ["33.74"], "33.74"),  # Semarang
    ("admin", ["33"], "33"),  # an administrator above themselves
    ("bawaslu", [], "Pilih minimal satu wilayah"),
    ("raja", ["33.20"], "Pilih peran"),
])
def test_a_regency_admin_cannot_give_more_scope_than_their_own(client, app, jepara, role, regions, message):
    before = users(app)
    response = post(client, PAGE, {"username": "petugas.baru", "full_name": "Petugas Baru", "role": role,
                                   "regions": regions, "reason": "penugasan baru"})
    assert response.status_code == 422 and message in response.text
    assert 'value="petugas.baru"' in response.text and 'value="Petugas Baru"' in response.text
    assert 'value="penugasan baru"' in response.text
    assert users(app) == before


def test_create_officer_then_the_one_time_link_sets_a_password_that_signs_in(client, app, jepara):
    response = post(client, PAGE, {"username": "bawaslu.jepara2", "full_name": "Petugas Dua", "role": "bawaslu",
                                   "regions": ["33.20"], "reason": "pengawas baru kecamatan"})
    assert response.status_code == 200 and "Akun bawaslu.jepara2 dibuat" in response.text
    link = link_of(response.text)
    assert link not in client.get(PAGE).text  # shown once
    with app.state.db.transaction() as s:
        created = s.scalar(select(UserRow).where(UserRow.username == "bawaslu.jepara2"))
        stored = s.scalars(select(PasswordLinkRow.token_hash)).all()
    assert link.rsplit("/", 1)[1] not in stored  # only its hash is kept
    [entry] = entries(app, f"account:{created.id}")
    assert entry.actor == f"user:{jepara.id}" and entry.detail["reason"] == "pengawas baru kecamatan"
    assert entry.detail["scope"] == ["33.20"] and entry.detail["role"] == "bawaslu"
    with TestClient(app) as officer:
        form = officer.get(link)
        assert form.status_code == 200 and "bawaslu.jepara2" in form.text
        token = csrf_of(form.text)
        short = officer.post(link, data={"password": "pendek", "repeat": "pendek", "csrf_token": token})
        assert short.status_code == 422 and "minimal 10 karakter" in short.text
        differ = officer.post(link, data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD + "x", "csrf_token": token})
        assert differ.status_code == 422 and "tidak sama" in differ.text
        done = officer.post(link, data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD, "csrf_token": token},
                            follow_redirects=False)
        assert done.status_code == 303
        assert login(officer, "bawaslu.jepara2", NEW_PASSWORD).status_code == 303
        again = officer.get(link)
        assert again.status_code == 404 and "tidak berlaku" in again.text  # single use


def test_an_expired_link_is_refused(client, app, make_account, jepara):
    target = make_account("viewer.jepara", Role.VIEWER, ("33.20",))
    made = post(client, f"{PAGE}/{target.id}/tautan", {"link_reason": "lupa sandi"}, page=f"{PAGE}/{target.id}")
    link = link_of(made.text)
    with app.state.db.transaction() as s:
        s.execute(update(PasswordLinkRow).values(expires_at=datetime.now(timezone.utc) - timedelta(minutes=1)))
    with TestClient(app) as person:
        page = person.get(link)
        assert page.status_code == 404 and "kedaluwarsa" in page.text
        refused = person.post(link, data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD,
                                          "csrf_token": csrf_of(person.get("/masuk").text)})
        assert refused.status_code == 404
        assert login(person, "viewer.jepara", NEW_PASSWORD).status_code != 303


def test_change_role_and_regions_audited_and_deactivation_ends_sessions(client, app, make_account):
    national = make_account("admin.pusat", Role.ADMIN, NATIONAL)
    target = make_account("bawaslu.pindah", Role.BAWASLU, ("33.20",))
    login(client, "admin.pusat")
    with TestClient(app) as officer:
        login(officer, "bawaslu.pindah")
        assert officer.get("/perkara", follow_redirects=False).status_code == 200
        page = f"{PAGE}/{target.id}"
        changed = post(client, page, {"role": "bkn", "regions": ["64.02"], "reason": "mutasi ke Kukar"}, page=page)
        assert changed.status_code == 303
        assert "Peran dan wilayah diubah" in client.get(changed.headers["location"]).text
        entry = entries(app, f"account:{target.id}")[-1]
        assert entry.detail["role"] == {"from": "bawaslu", "to": "bkn"}
        assert entry.detail["scope"] == {"from": ["33.20"], "to": ["64.02"]} and entry.detail["reason"] == "mutasi ke Kukar"
        empty = post(client, f"{page}/status", {"active": "0", "status_reason": " "}, page=page)
        assert empty.status_code == 422 and "Tuliskan alasan" in empty.text
        off = post(client, f"{page}/status", {"active": "0", "status_reason": "pensiun"}, page=page)
        assert off.status_code == 303
        assert officer.get("/perkara", follow_redirects=False).status_code == 303  # signed out at once
        assert 'data-testid="user-status">Nonaktif<' in client.get(page).text
        assert entries(app, f"account:{target.id}")[-1].detail["sessions_ended"] == 1
    own = client.get(f"{PAGE}/{national.id}").text
    assert 'data-testid="own-account"' in own and 'data-testid="change-form"' not in own
    refused = post(client, f"{PAGE}/{national.id}", {"role": "viewer", "regions": ["33.20"], "reason": "x"})
    assert refused.status_code == 422 and "akun Anda sendiri" in refused.text


def test_other_roles_are_refused(client, make_account):
    make_account("bawaslu.biasa", Role.BAWASLU, ("33.20",))
    login(client, "bawaslu.biasa")
    assert client.get(PAGE).status_code == 403
    assert 'href="/admin/pengguna"' not in client.get("/wilayah").text
