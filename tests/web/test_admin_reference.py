"""The administrators' reference data page: rulebook corrections and added elections proposed by one national
administrator and decided by another, the civil-servant table installed by a national administrator, each change
recorded and audited; refused input (or a regional administrator) gets the Indonesian reason with the input kept,
and nothing is stored."""

from __future__ import annotations

import pytest
import yaml
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services import reference_data
from netra.storage import audit_log
from netra.storage.tables import AddedElectionRow, AuditRow, RuleOverrideRow, WorkforceTableRow
from netra.services.reference_data import national_today
from netra.storage.tables import ReferenceProposalRow
from tests.support.scopes import NATIONAL
from tests.web.conftest import csrf_of, login

PAGE = "/admin/referensi"
RULE = "skb2022.disiplin.8"
ELECTION = {
    "id": "pilkada2029web", "kind": "pilkada",
    "name": {"id": "Pemilihan Serentak 2029 (uji web)", "en": "2029 simultaneous local elections (web test)"},
    "legal_basis": ["UU 10/2016"], "sources": ["uji"], "applies_to": {"regions": "all"},
    "stages": [
        {"id": "registration", "name": {"id": "Pendaftaran", "en": "Registration"}, "start": "2029-08-01",
         "end": "2029-08-03"},
        {"id": "candidates_set", "name": {"id": "Penetapan", "en": "Candidates set"}, "start": "2029-09-01"},
        {"id": "campaign", "name": {"id": "Kampanye", "en": "Campaign"}, "start": "2029-09-05", "end": "2029-11-20"},
        {"id": "voting", "name": {"id": "Pemungutan suara", "en": "Voting"}, "start": "2029-11-25"},
    ],
}
WORKFORCE = ("label: {id: ASN uji web, en: test civil servants}\nas_of: '2025'\nsource: BKN (uji)\n"
             "caveats:\n  - {id: Data uji, en: Test data}\ncounts:\n  '33': 336097\n  '33.20': 20000\n")


@pytest.fixture
def admin(client, make_account):
    account = make_account("admin.referensi", Role.ADMIN, NATIONAL)
    assert login(client, "admin.referensi").status_code == 303
    return account


def count(app, table) -> int:
    with app.state.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def audited(app, entity: str) -> list[AuditRow]:
    with app.state.db.transaction() as s:
        assert audit_log.verify(s)[1] == []
        return list(s.scalars(select(AuditRow).where(AuditRow.entity == entity)))


def post(client, path: str, data: dict, csrf: bool = True):
    token = csrf_of(client.get(PAGE).text) if csrf else None
    return client.post(PAGE + path, data={**data, **({"csrf_token": token} if csrf else {})}, follow_redirects=False)


def test_admin_sees_the_page_with_the_data_in_force(client, admin):
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Data referensi" in page.text and 'href="/admin/referensi"' in page.text  # nav link for admins
    assert f'<option value="{RULE}"' in page.text
    assert 'data-testid="workforce-label">PNS 2023<' in page.text and "Tabel bawaan" in page.text
    assert 'data-testid="workforce-total">3.732.415<' in page.text
    assert 'data-testid="overrides-empty"' in page.text and 'data-testid="elections-empty"' in page.text
    english = client.get("/bahasa/en?next=" + PAGE)
    assert english.status_code == 200 and "Rulebook corrections" in english.text


def test_other_roles_are_refused_and_anonymous_sent_to_sign_in(client, make_account):
    anonymous = client.get(PAGE, follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/masuk?next=/admin/referensi"
    make_account("bawaslu.referensi", Role.BAWASLU, ("33.20",))
    login(client, "bawaslu.referensi")
    refused = client.get(PAGE)
    assert refused.status_code == 403 and "Data referensi" not in refused.text
    assert 'href="/admin/referensi"' not in client.get("/wilayah").text
    response = post(client, "/pegawai", {"workforce_yaml": WORKFORCE, "reason": "uji"})
    assert response.status_code == 403 and count(client.app, WorkforceTableRow) == 0


def switch_to(client, username: str) -> None:
    client.post("/keluar", data={"csrf_token": csrf_of(client.get(PAGE).text)})
    assert login(client, username).status_code == 303


def test_a_rule_correction_is_proposed_approved_by_another_listed_and_audited(client, app, make_account, admin):
    make_account("admin.kedua", Role.ADMIN, NATIONAL)
    db = app.state.db
    page = client.get(PAGE).text
    assert '<option value="sanction.level">Tingkat hukuman disiplin</option>' in page  # fields by name
    assert "Buku aturan yang berlaku: versi 1" in page
    response = post(client, "/aturan", {"rule_id": RULE, "field": "sanction.level", "value": "sedang",
                                        "effective_from": national_today().isoformat(),
                                        "reason": "Tribun 2023: tingkat sedang", "source": "PP 94/2021 Pasal 8"})
    assert response.status_code == 303 and response.headers["location"].startswith(PAGE + "?ok=aturan")
    assert reference_data.rulebook(db)[RULE].value_at("sanction.level") == "berat"  # one person is not enough
    page = client.get(response.headers["location"]).text
    assert "menunggu persetujuan administrator nasional lain" in page
    with db.transaction() as s:
        proposal = s.scalars(select(ReferenceProposalRow)).one().id
    assert f'data-testid="own-proposal-{proposal}"' in page and f'data-testid="approve-{proposal}"' not in page
    own = post(client, f"/usulan/{proposal}", {"decision": "setujui", "decision_reason": "saya sendiri"})
    assert own.status_code == 422 and "bukan pengusulnya" in own.text
    switch_to(client, "admin.kedua")
    page = client.get(PAGE).text
    assert "Tribun 2023: tingkat sedang" in page and "PP 94/2021 Pasal 8" in page and "WIB" in page
    empty = post(client, f"/usulan/{proposal}", {"decision": "setujui", "decision_reason": " "})
    assert empty.status_code == 422 and "Tuliskan alasan keputusan" in empty.text
    done = post(client, f"/usulan/{proposal}", {"decision": "setujui", "decision_reason": "sesuai PP 94/2021"})
    assert done.status_code == 303
    assert reference_data.rulebook(db)[RULE].value_at("sanction.level") == "sedang"
    page = client.get(done.headers["location"]).text
    assert "Usulan disetujui" in page and "Buku aturan yang berlaku: versi 2" in page
    assert 'data-testid="decided"' in page and "sesuai PP 94/2021" in page
    entries = {e.action: e for e in audited(app, f"proposal:{proposal}")}
    assert entries["approve"].detail["from"] == "berat" and entries["approve"].detail["to"] == "sedang"


@pytest.mark.parametrize("data,message", [
    ({"rule_id": "skb2022.tidak.ada", "field": "sanction.level", "value": "sedang"}, "skb2022.tidak.ada"),
    ({"rule_id": RULE, "field": "sanction.level", "value": "sangat-berat"}, "sangat-berat"),
    ({"rule_id": RULE, "field": "subjects", "value": "x"}, "Pilih kolom aturan"),
    ({"rule_id": RULE, "field": "sanction.level", "value": "sedang", "reason": "  "}, "Tuliskan alasan"),
    ({"rule_id": RULE, "field": "sanction.level", "value": "sedang", "source": ""}, "Tuliskan sumber"),
    ({"rule_id": RULE, "field": "sanction.level", "value": "sedang", "effective_from": "kemarin"},
     "Tanggal mulai berlaku tidak sah"),
    ({"rule_id": RULE, "field": "sanction.level", "value": "sedang", "effective_from": "2020-01-01"},
     "tidak boleh sebelum hari ini"),
    ({"rule_id": RULE, "field": "sanction.level", "value": ""}, "Tuliskan nilai baru"),
])
def test_bad_rule_proposals_are_refused_with_input_kept(client, app, admin, data, message):
    data = {"effective_from": national_today().isoformat(), "reason": "alasan uji", "source": "sumber uji", **data}
    response = post(client, "/aturan", data)
    assert response.status_code == 422
    assert message in response.text and 'data-testid="error-rule"' in response.text
    assert "Perubahan ditolak; tidak ada yang disimpan." in response.text
    assert f'value="{data["reason"]}"' in response.text and f'value="{data["source"]}"' in response.text
    if data["rule_id"] == RULE:
        assert f'<option value="{RULE}" selected>' in response.text
    assert count(app, ReferenceProposalRow) == 0 and count(app, RuleOverrideRow) == 0
    assert reference_data.rulebook(app.state.db)[RULE].value_at("sanction.level") == "berat"


def test_a_regency_administrator_is_refused_national_changes(client, app, make_account):
    make_account("admin.jepara", Role.ADMIN, ("33.20",))
    login(client, "admin.jepara")
    page = client.get(PAGE).text
    assert 'data-testid="form-rule"' not in page and 'data-testid="national-only"' in page
    data = {"rule_id": RULE, "field": "sanction.level", "value": "sedang",
            "effective_from": national_today().isoformat(), "reason": "alasan jepara", "source": "sumber"}
    refused = post(client, "/aturan", data)
    assert refused.status_code == 403 and "hanya administrator dengan cakupan nasional" in refused.text
    for path, body in (("/pemilihan", {"election_yaml": yaml.safe_dump(ELECTION), "reason": "r", "source": "s"}),
                       ("/pegawai", {"workforce_yaml": WORKFORCE, "reason": "r"}),
                       ("/tenggat", {"deadlines_yaml": "x: 1", "reason": "r"}),
                       ("/usulan/1", {"decision": "setujui", "decision_reason": "r"})):
        response = post(client, path, body)
        assert response.status_code == 403 and "cakupan nasional" in response.text, path
    assert (count(app, ReferenceProposalRow), count(app, RuleOverrideRow), count(app, AddedElectionRow),
            count(app, WorkforceTableRow)) == (0, 0, 0, 0)
    assert reference_data.rulebook(app.state.db)[RULE].value_at("sanction.level") == "berat"


def test_an_election_pasted_as_yaml_is_proposed_then_approved_and_audited(client, app, make_account, admin):
    make_account("admin.kedua", Role.ADMIN, NATIONAL)
    text = yaml.safe_dump(ELECTION, allow_unicode=True, sort_keys=False)
    response = post(client, "/pemilihan", {"election_yaml": text, "effective_from": national_today().isoformat(),
                                           "reason": "jadwal KPU", "source": "PKPU 2029"})
    assert response.status_code == 303 and response.headers["location"].startswith(PAGE + "?ok=pemilihan")
    assert reference_data.elections(app.state.db).get("pilkada2029web") is None
    assert "Pemilihan baru pilkada2029web" in client.get(PAGE).text
    with app.state.db.transaction() as s:
        proposal = s.scalars(select(ReferenceProposalRow)).one().id
    switch_to(client, "admin.kedua")
    assert post(client, f"/usulan/{proposal}", {"decision": "setujui", "decision_reason": "sesuai PKPU"}
                ).status_code == 303
    election = reference_data.elections(app.state.db).get("pilkada2029web")
    assert election is not None and [s.id for s in election.stages][-1] == "voting"
    page = client.get(PAGE).text
    assert "Pemilihan Serentak 2029 (uji web)" in page and 'data-testid="elections"' in page and "<td>4</td>" in page
    again = post(client, "/pemilihan", {"election_yaml": text, "effective_from": national_today().isoformat(),
                                        "reason": "lagi", "source": "PKPU"})
    assert again.status_code == 422 and "sudah ada" in again.text and count(app, AddedElectionRow) == 1


@pytest.mark.parametrize("text,message", [
    ("id: rusak\nkind: [pilkada\nname: x\n", "bukan YAML yang sah pada baris"),
    ("", "Tuliskan data pemilihan dalam format YAML"),
    ("- satu\n- dua\n", "satu pemilihan sebagai pemetaan"),
    (yaml.safe_dump({**ELECTION, "kind": "referendum"}), "Usulan pemilihan tidak dicatat"),
    (yaml.safe_dump({**ELECTION, "id": "pilkada2024"}), "sudah ada"),
    (yaml.safe_dump({**ELECTION, "stages": [{**ELECTION["stages"][0], "end": "2029-07-01"}, *ELECTION["stages"][1:]]}),
     "Usulan pemilihan tidak dicatat"),
])
def test_bad_elections_are_refused_with_input_kept(client, app, admin, text, message):
    response = post(client, "/pemilihan", {"election_yaml": text, "effective_from": national_today().isoformat(),
                                           "reason": "r", "source": "s"})
    assert response.status_code == 422 and message in response.text
    assert 'data-testid="error-election"' in response.text
    if text:
        assert text.splitlines()[0].replace("'", "&#39;") in response.text  # the pasted text comes back
    assert count(app, AddedElectionRow) == 0 and count(app, ReferenceProposalRow) == 0


def test_a_workforce_table_is_installed_shown_and_audited(client, app, admin):
    assert reference_data.workforce(app.state.db).label_id == "PNS 2023"
    response = post(client, "/pegawai", {"workforce_yaml": WORKFORCE, "reason": "data uji dari BKN"})
    assert response.status_code == 303 and response.headers["location"].startswith(PAGE + "?ok=pegawai")
    table = reference_data.workforce(app.state.db)
    assert table.label_id == "ASN uji web" and table.counts == {"33": 336097, "33.20": 20000}
    page = client.get(response.headers["location"]).text
    assert "Tabel pegawai dipasang" in page and 'data-testid="workforce-label">ASN uji web<' in page
    assert 'data-testid="workforce-regions">2<' in page and 'data-testid="workforce-total">356.097<' in page
    assert "oleh admin.referensi" in page and "data uji dari BKN" in page and "Data uji" in page
    [entry] = audited(app, "workforce")
    assert entry.detail["regions"] == 2 and entry.detail["reason"] == "data uji dari BKN"
    rates = client.get("/api/public/stats/v1").json()["tables"]["province"]["meta"]["workforce"]
    assert rates["label_id"] == "ASN uji web"


@pytest.mark.parametrize("text,reason,message", [
    (WORKFORCE.replace("'33.20'", "'99.99'"), "r", "99.99"),
    (WORKFORCE.replace("20000", "-5"), "r", "whole number above zero"),
    (WORKFORCE, " ", "Tuliskan alasan"),
    ("label: {id: x, en: y\ncounts: {33: 1}\n", "r", "bukan YAML yang sah pada baris"),
    ("label: {id: x, en: y}\n", "r", "Tabel pegawai tidak dipasang"),
    ("", "r", "Tuliskan tabel pegawai dalam format YAML"),
    (WORKFORCE.replace("caveats:\n  - {id: Data uji, en: Test data}", "caveats: 5"), "r",
     "caveats must be a list"),
])
def test_bad_workforce_tables_are_refused_with_input_kept(client, app, admin, text, reason, message):
    response = post(client, "/pegawai", {"workforce_yaml": text, "reason": reason})
    assert response.status_code == 422 and message in response.text
    assert 'data-testid="error-workforce"' in response.text
    if text:
        assert text.splitlines()[0] in response.text.replace("&#39;", "'")
    assert count(app, WorkforceTableRow) == 0 and audited(app, "workforce") == []
    assert reference_data.workforce(app.state.db).label_id == "PNS 2023"


def test_forms_without_the_csrf_token_are_refused(client, app, admin):
    for path, data in (("/aturan", {"rule_id": RULE, "field": "sanction.level", "value": "sedang", "reason": "r",
                                    "source": "s", "effective_from": national_today().isoformat()}),
                       ("/pemilihan", {"election_yaml": yaml.safe_dump(ELECTION)}),
                       ("/pegawai", {"workforce_yaml": WORKFORCE, "reason": "r"})):
        response = post(client, path, data, csrf=False)
        assert response.status_code == 403, path
        response = client.post(PAGE + path, data={**data, "csrf_token": "salah"}, follow_redirects=False)
        assert response.status_code == 403, path
    assert (count(app, RuleOverrideRow), count(app, AddedElectionRow), count(app, WorkforceTableRow)) == (0, 0, 0)


def test_yaml_with_runaway_aliases_is_refused(client, app, admin):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    response = post(client, "/pemilihan", {"election_yaml": "\n".join(lines), "reason": "r", "source": "s",
                                           "effective_from": national_today().isoformat()})
    assert response.status_code == 422 and "terlalu besar" in response.text
    assert count(app, AddedElectionRow) == 0
