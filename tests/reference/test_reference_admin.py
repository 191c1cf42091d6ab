"""National administrators correct disputed rulebook values and add elections without editing code, two people
each time (one proposes, another approves or rejects with a reason); every change is recorded with who, when and
why, applied everywhere from its day, and refused cleanly when invalid or asked for by a regional administrator."""

from datetime import timedelta

import pytest
import yaml
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services import reference_data
from netra.services.accounts import create_account
from netra.services.reference_changes import decide, pending, propose_election, propose_rule
from netra.services.reference_data import ReferenceDataError, national_today
from netra.storage import audit_log
from netra.storage.tables import AddedElectionRow, AuditRow, ReferenceProposalRow, RuleOverrideRow
from tests.support.cli import netra
from tests.support.scopes import NATIONAL

NEW_ELECTION = {
    "id": "pilkada2029uji", "kind": "pilkada",
    "name": {"id": "Pemilihan Serentak 2029 (uji)", "en": "2029 simultaneous local elections (test)"},
    "legal_basis": ["UU 10/2016"], "sources": ["uji"], "applies_to": {"regions": "all"},
    "stages": [
        {"id": "registration", "name": {"id": "Pendaftaran", "en": "Registration"}, "start": "2029-08-01", "end": "2029-08-03"},
        {"id": "candidates_set", "name": {"id": "Penetapan", "en": "Candidates set"}, "start": "2029-09-01"},
        {"id": "campaign", "name": {"id": "Kampanye", "en": "Campaign"}, "start": "2029-09-05", "end": "2029-11-20"},
        {"id": "voting", "name": {"id": "Pemungutan suara", "en": "Voting"}, "start": "2029-11-25"},
    ],
}


@pytest.fixture
def admin(db):
    return create_account(db, "admin.pusat", "", "kata-sandi-panjang", Role.ADMIN, NATIONAL)


@pytest.fixture
def second(db):
    return create_account(db, "admin.pusat2", "", "kata-sandi-panjang", Role.ADMIN, NATIONAL)


def count(db, table) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def correct(db, proposer, approver, rule_id, field, value, reason="alasan", day=None):
    """Propose and approve: the two-person path every correction takes."""
    proposal = propose_rule(db, proposer, rule_id, field, value, day or national_today(), reason, "PP 94/2021")
    decide(db, approver, proposal, True, "sesuai sumber")
    return proposal


def test_a_correction_holds_only_once_another_national_admin_approves_it(db, admin, second):
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"
    proposal = propose_rule(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(),
                            "Tribun 2023: tingkat sedang", "PP 94/2021 Pasal 8")
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"  # not yet
    assert reference_data.rulebook_version(db) == 1
    with pytest.raises(ReferenceDataError, match="administrator nasional lain, bukan pengusulnya"):
        decide(db, admin, proposal, True, "saya sendiri")
    assert count(db, RuleOverrideRow) == 0
    decide(db, second, proposal, True, "sumber resmi dicek")
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "sedang"
    assert reference_data.rulebook_version(db) == 2
    assert reference_data.rulebook_at(db, 1)["skb2022.disiplin.8"].sanction.level.value == "berat"
    with pytest.raises(ReferenceDataError, match="sudah diputuskan"):
        decide(db, second, proposal, False, "lagi")
    with db.transaction() as s:
        row = s.scalars(select(RuleOverrideRow)).one()
        assert (row.by_user, row.field, row.proposal_id) == ("admin.pusat", "sanction", proposal)
        # the level moves with the text of that level, so the rule never reads "sedang" above a "berat" text
        assert row.value["value"]["level"] == "sedang"
        assert row.value["value"]["consists_of"]["id"].startswith("Hukuman disiplin sedang")
        entries = {e.action: e for e in s.scalars(select(AuditRow).where(AuditRow.entity == f"proposal:{proposal}"))}
        assert entries["propose"].actor == f"user:{admin.id}" and entries["approve"].actor == f"user:{second.id}"
        assert entries["approve"].detail["from"] == "berat" and entries["approve"].detail["to"] == "sedang"
        assert entries["approve"].detail["reason"] == "sumber resmi dicek"
        assert audit_log.verify(s)[1] == []


def test_a_rejected_proposal_changes_nothing(db, admin, second):
    proposal = propose_rule(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(), "a", "b")
    with pytest.raises(ReferenceDataError, match="alasan keputusan"):
        decide(db, second, proposal, False, "  ")
    decide(db, second, proposal, False, "sumber tidak mendukung")
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"
    assert count(db, RuleOverrideRow) == 0 and pending(db) == []
    with db.transaction() as s:
        assert s.get(ReferenceProposalRow, proposal).status == "rejected"


def test_a_correction_takes_effect_from_its_stated_day(db, admin, second, monkeypatch):
    tomorrow = national_today() + timedelta(days=1)
    correct(db, admin, second, "skb2022.disiplin.8", "sanction.level", "sedang", day=tomorrow)
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"
    assert reference_data.rulebook_version(db) == 1
    monkeypatch.setattr(reference_data, "national_today", lambda now=None: tomorrow)
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "sedang"
    assert reference_data.rulebook_version(db) == 2


@pytest.mark.parametrize("rule_id,field,value,message", [
    ("skb2022.tidak.ada", "sanction.level", "sedang", "skb2022.tidak.ada"),
    ("skb2022.disiplin.8", "sanction.tidak_ada", "x", "Pilih kolom"),
    ("skb2022.disiplin.8", "sanction.level", "sangat-berat", "sangat-berat"),
    ("skb2022.disiplin.8", "sanction.level", "berat", "sama dengan nilai yang berlaku"),
])
def test_invalid_proposals_are_refused_and_nothing_is_stored(db, admin, rule_id, field, value, message):
    with pytest.raises(ReferenceDataError, match=message):
        propose_rule(db, admin, rule_id, field, value, national_today(), "alasan", "sumber")
    with pytest.raises(ReferenceDataError, match="sebelum hari ini"):
        propose_rule(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang",
                     national_today() - timedelta(days=1), "alasan", "sumber")
    with pytest.raises(ReferenceDataError, match="sumber"):
        propose_rule(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(), "alasan", " ")
    assert count(db, ReferenceProposalRow) == 0 and count(db, RuleOverrideRow) == 0


def test_regional_administrators_and_officers_cannot_propose_or_decide(db, admin):
    jepara = create_account(db, "admin.jepara", "", "kata-sandi-panjang", Role.ADMIN, ["33.20"])
    province = create_account(db, "admin.jateng", "", "kata-sandi-panjang", Role.ADMIN, ["33"])
    officer = create_account(db, "bawaslu.x", "", "kata-sandi-panjang", Role.BAWASLU, NATIONAL)
    for who in (jepara, province, officer):
        with pytest.raises(ReferenceDataError, match="cakupan nasional"):
            propose_rule(db, who, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(), "x", "y")
        with pytest.raises(ReferenceDataError, match="cakupan nasional"):
            propose_election(db, who, NEW_ELECTION, national_today(), "x", "y")
    proposal = propose_rule(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang", national_today(), "x", "y")
    with pytest.raises(ReferenceDataError, match="cakupan nasional"):
        decide(db, jepara, proposal, True, "setuju")
    with pytest.raises(ReferenceDataError, match="nasional"):
        reference_data.set_deadlines(db, jepara, "x: 1", "alasan")
    assert count(db, RuleOverrideRow) == 0
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"


def test_a_proposed_election_is_in_force_once_approved_and_bad_ones_refused(db, admin, second):
    proposal = propose_election(db, admin, NEW_ELECTION, national_today(), "jadwal KPU", "PKPU 2029")
    assert reference_data.elections(db).get("pilkada2029uji") is None
    with pytest.raises(ReferenceDataError, match="sudah diusulkan"):
        propose_election(db, second, NEW_ELECTION, national_today(), "lagi", "PKPU 2029")
    decide(db, second, proposal, True, "sesuai PKPU")
    election = reference_data.elections(db)["pilkada2029uji"]
    assert [s.id for s in election.stages][:2] == ["registration", "candidates_set"]
    with pytest.raises(ReferenceDataError, match="sudah ada"):
        propose_election(db, admin, NEW_ELECTION, national_today(), "lagi", "PKPU 2029")
    broken = {**NEW_ELECTION, "id": "rusak2029", "stages": [
        {**NEW_ELECTION["stages"][0], "start": "2029-08-05", "end": "2029-08-01"}, *NEW_ELECTION["stages"][1:]]}
    with pytest.raises(ReferenceDataError):
        propose_election(db, admin, broken, national_today(), "x", "y")
    assert count(db, AddedElectionRow) == 1


@pytest.mark.long
def test_cli_proposes_and_decides(db, admin, second, tmp_path, database_url):
    cmd = ["--data-dir", str(tmp_path), "--database-url", database_url]
    run = lambda *args: netra(*cmd, *args, env={"COLUMNS": "200"})  # noqa: E731
    ok = run("rules", "propose", "skb2022.disiplin.9", "sanction.level", "berat", "--by", "admin.pusat",
             "--reason", "satu sumber menggabungkan butir 9-10 sebagai berat", "--source", "Tribun 2023")
    assert ok.returncode == 0 and "Proposal #1" in ok.stdout, ok.stderr
    assert "skb2022.disiplin.9" in run("rules", "proposals").stdout
    own = run("rules", "decide", "1", "--by", "admin.pusat", "--approve", "--reason", "x")
    assert own.returncode == 1 and "bukan pengusulnya" in own.stderr and "Traceback" not in own.stderr
    assert run("rules", "decide", "1", "--by", "admin.pusat2", "--approve", "--reason", "dicek").returncode == 0
    assert reference_data.rulebook(db)["skb2022.disiplin.9"].sanction.level.value == "berat"
    assert "skb2022.disiplin.9" in run("rules", "overrides").stdout
    source = tmp_path / "e.yaml"
    source.write_text(yaml.safe_dump(NEW_ELECTION, allow_unicode=True))
    added = run("elections", "propose", str(source), "--by", "admin.pusat", "--reason", "KPU", "--source", "PKPU")
    assert added.returncode == 0, added.stderr
    assert run("rules", "decide", "2", "--by", "admin.pusat2", "--approve", "--reason", "dicek").returncode == 0
    assert "pilkada2029uji" in run("elections", "list").stdout
