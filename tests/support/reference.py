"""Putting a national reference change in force in tests: proposed by one national administrator, approved by
another (services/reference_changes), as it happens in Netra."""

from __future__ import annotations

import itertools

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.services.reference_changes import decide, propose_election, propose_rule
from netra.services.reference_data import national_today
from tests.support.scopes import NATIONAL

_names = itertools.count(1)


def national_pair(db):
    n = next(_names)
    return tuple(create_account(db, f"admin.nasional.uji{n}{suffix}", "", "kata-sandi-panjang", Role.ADMIN, NATIONAL)
                 for suffix in ("a", "b"))


def approved_correction(db, rule_id: str, field: str, value, reason: str = "uji koreksi", day=None) -> int:
    proposer, approver = national_pair(db)
    proposal = propose_rule(db, proposer, rule_id, field, value, day or national_today(), reason, "sumber uji")
    decide(db, approver, proposal, True, "disetujui dalam uji")
    return proposal


def approved_election(db, data: dict) -> int:
    proposer, approver = national_pair(db)
    proposal = propose_election(db, proposer, data, national_today(), "uji pemilihan", "sumber uji")
    decide(db, approver, proposal, True, "disetujui dalam uji")
    return proposal
