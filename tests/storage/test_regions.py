"""Reference regions in storage: complete, correct and idempotent to load."""

from sqlalchemy import func, select

from netra.regions import RegionKind, TimeZone, load_reference_regions
from netra.services.reference import load_regions
from netra.storage.repositories import RegionRepository
from netra.storage.tables import RegionRow


def test_counts_match_the_source(db):
    source = load_reference_regions()
    with db.transaction() as s:
        counts = RegionRepository(s).count_by_kind()
    assert counts["provinsi"] == 38 == sum(r.kind is RegionKind.PROVINSI for r in source)
    assert counts["kabupaten"] + counts["kota"] == 514 == len(source) - 38
    assert counts["kota"] == sum(r.kind is RegionKind.KOTA for r in source)


def test_loading_twice_changes_nothing(db):
    with db.transaction() as s:
        before = s.scalar(select(func.count()).select_from(RegionRow))
    result = load_regions(db)  # the fixture database already holds them once
    with db.transaction() as s:
        after = s.scalar(select(func.count()).select_from(RegionRow))
    assert (result.added, result.updated) == (0, 0)
    assert before == after == 552


def test_a_changed_name_is_refreshed(db):
    with db.transaction() as s:
        s.get(RegionRow, "33.20").name = "Jepara (typo)"
    result = load_regions(db)
    assert result.updated == 1
    with db.transaction() as s:
        assert RegionRepository(s).get("33.20").name == "Kabupaten Jepara"


def test_regions_carry_parent_and_time_zone(db):
    with db.transaction() as s:
        repo = RegionRepository(s)
        jepara, kukar, jayapura = repo.get("33.20"), repo.get("64.02"), repo.get("91.71")
    assert (jepara.parent_code, jepara.timezone, jepara.kind) == ("33", TimeZone.WIB, RegionKind.KABUPATEN)
    assert (kukar.parent_code, kukar.timezone) == ("64", TimeZone.WITA)
    assert (jayapura.kind, jayapura.timezone) == (RegionKind.KOTA, TimeZone.WIT)


def test_province_scope_covers_its_regencies_only(db):
    with db.transaction() as s:
        within = RegionRepository(s).within(["64"])
    codes = {r.code for r in within}
    assert "64" in codes and "64.02" in codes
    assert all(c == "64" or c.startswith("64.") for c in codes)
    assert len(codes) == 1 + sum(1 for r in load_reference_regions() if r.parent_code == "64")
