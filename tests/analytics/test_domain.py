"""Pure analytics domain: position groups, suppression (primary and secondary), overdue cut-offs."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netra.analytics import THRESHOLD, cutoffs, position_group, suppress, suppress_hierarchy
from netra.cases import CaseState, default_rules, status


@pytest.mark.parametrize("position, group", [
    ("Guru SD Negeri 3", "functional"), ("Perawat Puskesmas", "functional"), ("Penyuluh Pertanian", "functional"),
    ("Kepala Sekolah SMP", "functional"), ("Kepala Dinas Pendidikan", "senior"), ("Kepala Bidang Anggaran", "senior"),
    ("Sekretaris Daerah", "senior"), ("Sekda Kabupaten", "senior"), ("Camat Tahunan", "camat_lurah"),
    ("Lurah Kauman", "camat_lurah"), ("Sekretaris Camat", "camat_lurah"), ("Staf Kecamatan", "other"),
    ("Staf Kelurahan", "other"), ("Kepala Desa Bategede", "village"), ("Sekretaris Desa", "village"),
    ("Kaur Keuangan Desa", "village"), ("Kepala Dusun", "village"), ("Staf Pelaksana", "other"), ("", "other"),
])
def test_position_groups(position, group):
    assert position_group(position) == group


def _recoverable(counts, cells):
    """Could a suppressed cell be pinned to a value in 1..THRESHOLD-1 from the total and the visible cells?"""
    hidden = [k for k, c in cells.items() if c.suppressed]
    if not hidden:
        return False
    rest = sum(counts[k] for k in hidden)
    return len(hidden) == 1 or rest < THRESHOLD


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(0, 30), min_size=1))
def test_no_small_cell_leaks_and_none_can_be_recovered(counts):
    cells = suppress(counts)
    for k, c in cells.items():
        if 0 < counts[k] < THRESHOLD:
            assert c.suppressed and c.count is None
        if not c.suppressed:
            assert c.count == counts[k]
    hidden = [k for k, c in cells.items() if c.suppressed]
    if hidden and len([k for k in counts if counts[k]]) > len(hidden):
        assert not _recoverable(counts, cells)


def test_secondary_suppression_hides_a_second_cell():
    cells = suppress({"a": 3, "b": 10, "c": 40})
    assert cells["a"].reason == "primary" and cells["b"].reason == "secondary" and not cells["c"].suppressed


def test_hierarchy_protects_children_through_their_parent():
    parents, children = suppress_hierarchy({"33.01": 2, "33.02": 20, "35.01": 3, "35.02": 1},
                                           {"33.01": "33", "33.02": "33", "35.01": "35", "35.02": "35"})
    assert parents["35"].suppressed  # 4 cases
    assert children["33.01"].suppressed and children["33.02"].suppressed  # 2 alone would be 22 - 20
    assert children["35.01"].suppressed and children["35.02"].suppressed


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 60 * 24 * 40), st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
       st.sampled_from(["received", "recommended_to_bkn", "verified_by_bkn", "sent_to_ppk"]), st.booleans())
def test_cutoffs_agree_with_the_case_clock(minutes_before, tz_name, state, clarified):
    """started < cut-off  <=>  netra.cases.status(...).overdue, for every clock, zone and extension."""
    now = datetime(2024, 12, 20, 10, 0, tzinfo=timezone.utc)
    started = now - timedelta(minutes=minutes_before)
    performed = {"request_clarification": started + timedelta(hours=1)} if clarified and state == "received" else {}
    case = CaseState(id=1, state=state, version=1, election_kind="pilkada", tz_name=tz_name, entered={state: started},
                     performed=performed)
    clock = status(case, now)
    zone = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}[tz_name]
    cut = next(c for c in cutoffs(now, default_rules()) if c.rule.election_kind == "pilkada" and c.zone == zone
               and c.rule == clock.rule and c.extended == clock.extended)
    assert (started < cut.before) == clock.overdue
    assert (started.astimezone(ZoneInfo(tz_name)).date() <= cut.last_day) == clock.overdue  # the rollup's test
