"""Administrators correct disputed rulebook values and add elections without editing code; every change is
recorded with who, when and why, applied everywhere, and refused cleanly when invalid."""

import subprocess
import sys

import pytest
import yaml
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services import reference_data
from netra.services.accounts import create_account
from netra.services.reference_data import ReferenceDataError, add_election, add_override
from netra.storage import audit_log
from netra.storage.tables import AddedElectionRow, RuleOverrideRow

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
    return create_account(db, "admin.pusat", "", "kata-sandi-panjang", Role.ADMIN, ["33"])


def test_disputed_level_is_corrected_recorded_and_applied(db, admin):
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "berat"
    add_override(db, admin, "skb2022.disiplin.8", "sanction.level", "sedang", "Tribun 2023: tingkat sedang")
    assert reference_data.rulebook(db)["skb2022.disiplin.8"].sanction.level.value == "sedang"
    answer = reference_data.guidance_engine(db).answer("bolehkah ASN mengadakan pertemuan ajakan memilih paslon?")
    assert answer is not None
    with db.transaction() as s:
        row = s.scalars(select(RuleOverrideRow)).one()
        assert (row.by_user, row.field, row.value) == ("admin.pusat", "sanction.level", {"value": "sedang"})
        assert audit_log.verify(s)[1] == []


@pytest.mark.parametrize("rule_id,field,value,message", [
    ("skb2022.tidak.ada", "sanction.level", "sedang", "skb2022.tidak.ada"),
    ("skb2022.disiplin.8", "sanction.tidak_ada", "x", "tidak_ada"),
    ("skb2022.disiplin.8", "sanction.level", "sangat-berat", "sangat-berat"),
])
def test_invalid_overrides_are_refused_and_nothing_is_stored(db, admin, rule_id, field, value, message):
    with pytest.raises(ReferenceDataError, match=message):
        add_override(db, admin, rule_id, field, value, "alasan")
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(RuleOverrideRow)) == 0


def test_only_administrators_change_reference_data(db):
    officer = create_account(db, "bawaslu.x", "", "kata-sandi-panjang", Role.BAWASLU, ["33.20"])
    with pytest.raises(ReferenceDataError, match="administrator"):
        add_override(db, officer, "skb2022.disiplin.8", "sanction.level", "sedang", "x")
    with pytest.raises(ReferenceDataError, match="administrator"):
        add_election(db, officer, NEW_ELECTION)


def test_added_election_is_in_force_and_bad_ones_refused(db, admin):
    add_election(db, admin, NEW_ELECTION)
    election = reference_data.elections(db)["pilkada2029uji"]
    assert [s.id for s in election.stages][:2] == ["registration", "candidates_set"]
    with pytest.raises(ReferenceDataError, match="sudah ada"):
        add_election(db, admin, NEW_ELECTION)
    broken = {**NEW_ELECTION, "id": "rusak2029", "stages": [
        {**NEW_ELECTION["stages"][0], "start": "2029-08-05", "end": "2029-08-01"}, *NEW_ELECTION["stages"][1:]]}
    with pytest.raises(ReferenceDataError):
        add_election(db, admin, broken)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AddedElectionRow)) == 1


def test_cli_override_and_election(db, admin, tmp_path, database_url):
    cmd = [sys.executable, "-m", "netra.cli.main", "--data-dir", str(tmp_path), "--database-url", database_url]
    ok = subprocess.run(cmd + ["rules", "override", "skb2022.disiplin.9", "sanction.level", "berat", "--by",
                               "admin.pusat", "--reason", "satu sumber menggabungkan butir 9-10 sebagai berat"],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and "'berat'" in ok.stdout, ok.stderr
    import os

    listed = subprocess.run(cmd + ["rules", "overrides"], capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "200"})
    assert "skb2022.disiplin.9" in listed.stdout
    bad = subprocess.run(cmd + ["rules", "override", "skb2022.disiplin.9", "sanction.level", "x", "--by",
                                "admin.pusat", "--reason", "r"], capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    source = tmp_path / "e.yaml"
    source.write_text(yaml.safe_dump(NEW_ELECTION, allow_unicode=True))
    added = subprocess.run(cmd + ["elections", "add", str(source), "--by", "admin.pusat"], capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    assert "pilkada2029uji" in subprocess.run(cmd + ["elections", "list"], capture_output=True, text=True).stdout
