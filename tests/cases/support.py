"""Shared builders for the case tests: a case sitting in any state, and inputs each action accepts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import CaseState, ReportedPerson, State

WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
JAKARTA = ZoneInfo(WIB)
T0 = datetime(2024, 10, 7, 10, 0, tzinfo=JAKARTA)  # a Monday during the Pilkada 2024 campaign
LATER = T0 + timedelta(days=60)  # after every clock has run out

ACTORS = {role: Account(id=i, username=f"petugas.{role}", full_name=f"Petugas {role}", role=Role(role))
          for i, role in enumerate(("bawaslu", "bkn", "ppk", "admin", "viewer"), start=1)}

VALID_INPUTS = {
    "register": ("", {}),
    "refuse_registration": ("Laporan melewati batas 7 hari.", {}),
    "start_review": ("", {}),
    "request_clarification": ("Mohon tautan unggahan aslinya.", {}),
    "recommend": ("Unggahan kampanye di media sosial terbukti.", {"rule_ids": ["skb2022.B2"]}),
    "dismiss": ("Terlapor bukan ASN.", {}),
    "forward": ("Dugaan politik uang.", {"destination": "Gakkumdu"}),
    "verify": ("", {}),
    "reject_recommendation": ("Bukti tidak cukup.", {}),
    "validate": ("", {}),
    "send_to_ppk": ("", {"ppk": "Bupati Bogor"}),
    "impose_sanction": ("", {"rule_id": "skb2022.B2", "sanction": {
        "kind": "disiplin", "level": "berat", "description": "Penurunan jabatan setingkat lebih rendah 12 bulan"}}),
    "correct_sanction": ("Tingkat hukuman salah ketik.", {"rule_id": "skb2022.B2", "sanction": {
        "kind": "disiplin", "level": "sedang", "description": "Pemotongan tunjangan kinerja 25% selama 6 bulan"}}),
    "mark_not_followed_up": ("", {}),
    "block_personnel_data": ("PPK tidak menindaklanjuti setelah ditegur.", {}),
    "close": ("", {}),
}


PERSON = ReportedPerson("198001012005011001", "Budi Santoso", "Dinas Pendidikan", "Kepala Seksi Kurikulum", "pns")


def case_in(state: State | str, *, kind: str = "pilkada", tz: str = WIB, since: datetime = T0, version: int = 3,
            **fields) -> CaseState:
    """A case that entered `state` at `since`, with nothing else in its history."""
    fields.setdefault("subject", PERSON)
    return CaseState(id=fields.pop("id", 1), state=State(state), version=version, election_kind=kind, tz_name=tz,
                     entered={State(state): since}, **fields)
