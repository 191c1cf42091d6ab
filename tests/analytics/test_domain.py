"""Pure analytics domain: position groups, overdue cut-offs (suppression: test_suppression.py)."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netra.analytics import cutoffs, position_group
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
