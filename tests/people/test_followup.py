"""BKN's follow-up acts: what may be recorded when."""

from datetime import date

import pytest

from netra.people.followup import FollowUp, FollowUpKind, FollowUpRefused, check_follow_up, is_blocked

TODAY = date(2024, 12, 10)
BLOCK = FollowUp(FollowUpKind.SIASN_BLOCK, date(2024, 12, 1), "B-1")


def test_block_then_lift():
    act = check_follow_up("siasn_block", date(2024, 12, 1), " B-1 ", "", [], TODAY, "not_followed_up")
    assert act.document_number == "B-1" and is_blocked([act])
    lifted = check_follow_up("siasn_unblock", date(2024, 12, 9), "B-2", "", [act], TODAY, "sanction_imposed")
    assert not is_blocked([act, lifted])


@pytest.mark.parametrize("kind, on, number, earlier, status, message", [
    ("siasn_block", date(2024, 12, 1), "B-1", [], "sent_to_ppk", "tidak ditindaklanjuti PPK"),
    ("siasn_block", date(2024, 12, 1), "B-1", [], "under_review", "setelah rekomendasi dikirim"),
    ("siasn_block", date(2024, 12, 2), "B-2", [BLOCK], "personnel_data_blocked", "sudah diblokir"),
    ("siasn_unblock", date(2024, 12, 2), "B-2", [], "sanction_imposed", "Tidak ada blokir"),
    ("siasn_unblock", date(2024, 11, 30), "B-2", [BLOCK], "sanction_imposed", "sebelum tanggal blokir"),
    ("reprimand_ppk", date(2024, 12, 11), "T-1", [], "sent_to_ppk", "setelah hari ini"),
    ("reprimand_ppk", None, "T-1", [], "sent_to_ppk", "Tanggal tindakan wajib"),
    ("reprimand_ppk", date(2024, 12, 1), "  ", [], "sent_to_ppk", "Nomor surat"),
    ("reprimand_ppk", date(2024, 12, 1), "T-1", [], "sanction_imposed", "belum ditindaklanjuti"),
    ("hapus_data", date(2024, 12, 1), "T-1", [], "sent_to_ppk", "tidak dikenal"),
])
def test_refusals_say_why(kind, on, number, earlier, status, message):
    with pytest.raises(FollowUpRefused, match=message):
        check_follow_up(kind, on, number, "", earlier, TODAY, status)
