"""Civil servants per region, the denominator of the map's cases per 10,000: the packaged table checks out, an
administrator's table replaces it (recorded and audited), and a bad table is refused with nothing stored."""

import pytest
import yaml
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.regions import load_reference_regions
from netra.regions.workforce import WorkforceError, load_workforce, parse_workforce
from netra.services import reference_data
from netra.services.accounts import create_account
from netra.services.reference_data import ReferenceDataError, install_workforce
from netra.storage.tables import AuditRow, WorkforceTableRow
from tests.support.cli import netra
from tests.support.scopes import NATIONAL

CODES = {r.code for r in load_reference_regions()}
OFFICIAL = {"label": {"id": "ASN Juni 2024 (uji)", "en": "ASN June 2024 (test)"}, "as_of": "2024-06",
            "source": "uji", "counts": {"33": 400_000, "33.20": 20_000}}


def test_the_packaged_table_covers_every_province_with_its_source():
    table = load_workforce(None, CODES)
    provinces = {r.code for r in load_reference_regions() if r.parent_code is None}
    assert set(table.counts) == provinces and len(provinces) == 38
    assert sum(table.counts.values()) == 3_732_415  # the article's rows; it states 3,732,428 (see the caveats)
    assert "BPS" in table.source and table.caveats
    assert table.rate("33", 336_097) == 10_000.0 and table.rate("33", None) is None and table.rate("99", 5) is None


@pytest.mark.parametrize("change,message", [
    ({"counts": {"99": 5}}, "unknown region code"),
    ({"counts": {"33": 0}}, "above zero"),
    ({"counts": {"33": "banyak"}}, "whole number"),
    ({"counts": {"33": True}}, "whole number"),
    ({"source": " "}, "source is required"),
    ({"label": {"id": "x"}}, "label needs"),
    ({"counts": {}}, "counts must map"),
    ({"caveats": 5}, "caveats must be a list"),
    ({"caveats": ["teks"]}, "each caveat needs"),
])
def test_bad_tables_are_refused_with_the_reason(change, message):
    with pytest.raises(WorkforceError, match=message):
        parse_workforce(yaml.safe_dump({**OFFICIAL, **change}), CODES)
    with pytest.raises(WorkforceError, match="not valid YAML"):
        parse_workforce("counts: [", CODES)


def test_an_installed_table_is_recorded_and_used_by_the_statistics(db):
    admin = create_account(db, "admin.wf", "", "kata-sandi-panjang", Role.ADMIN, NATIONAL)
    viewer = create_account(db, "viewer.wf", "", "kata-sandi-panjang", Role.VIEWER, ["33"])
    with pytest.raises(ReferenceDataError):
        install_workforce(db, viewer, yaml.safe_dump(OFFICIAL), "uji")
    with pytest.raises(ReferenceDataError, match="alasan"):
        install_workforce(db, admin, yaml.safe_dump(OFFICIAL), " ")
    with pytest.raises(ReferenceDataError, match="unknown region"):
        install_workforce(db, admin, yaml.safe_dump({**OFFICIAL, "counts": {"99": 1}}), "uji")
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(WorkforceTableRow)) == 0
    assert reference_data.workforce(db).label_id == "PNS 2023"
    install_workforce(db, admin, yaml.safe_dump(OFFICIAL), "data resmi BKN (uji)")
    assert reference_data.workforce(db).counts == {"33": 400_000, "33.20": 20_000}
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity == "workforce")) == 1


def test_cli_shows_and_installs_a_table(db, tmp_path, database_url):
    create_account(db, "admin.pusat", "", "kata-sandi-panjang", Role.ADMIN, NATIONAL)
    cmd = ["--data-dir", str(tmp_path), "--database-url", database_url]
    shown = netra(*cmd, "regions", "workforce")
    assert shown.returncode == 0 and "38 regions" in shown.stdout and "3,732,415" in shown.stdout, shown.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({**OFFICIAL, "counts": {"33": -1}}))
    refused = netra(*cmd, "regions", "workforce", str(bad), "--by", "admin.pusat", "--reason", "uji")
    assert refused.returncode == 1 and "above zero" in refused.stderr and "Traceback" not in refused.stderr
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(OFFICIAL))
    installed = netra(*cmd, "regions", "workforce", str(good), "--by", "admin.pusat", "--reason", "uji")
    assert installed.returncode == 0 and "2 regions" in installed.stdout, installed.stderr
