"""Cases in chosen states, stored as the demo loader stores them (through the case repository)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import ReportedPerson, apply, open_case
from netra.services.unit_of_work import unit_of_work
from netra.storage.case_repository import LoadedCase, NewCase
from netra.storage.tables import CaseRow

NOW = datetime.now(timezone.utc)
ACTORS = {r: Account(id=0, username=r.value, full_name=r.value, role=r) for r in Role}
# The steps to each state from a received report, with who takes them and what they must carry.
PATH = [
    ("register", Role.BAWASLU, {}, ""),
    ("start_review", Role.BAWASLU, {}, ""),
    ("recommend", Role.BAWASLU, {"rule_ids": ["skb2022.disiplin.2"]}, "Terbukti."),
    ("verify", Role.BKN, {}, ""),
    ("validate", Role.BAWASLU, {}, ""),
    ("send_to_ppk", Role.BKN, {"ppk": "Bupati Jepara"}, ""),
]
STOPS = {"received": 0, "registered": 1, "under_review": 2, "recommended_to_bkn": 3, "verified_by_bkn": 4,
         "validated_by_bawaslu": 5, "sent_to_ppk": 6}


def walked(case_id: int, state: str, at: datetime, kind: str = "pilkada", name: str = "", nip: str = ""):
    """A case opened at `at` that took the steps to `state`, one hour apart (about a civil servant whose facts
    are complete, as the substance gate wants before a recommendation)."""
    person = ReportedPerson(nip=nip or "190001012000011001", name=name or f"Terlapor {case_id}",
                            agency="Dinas Pendidikan", position="Kepala Seksi", status="pns")
    case, first = open_case("report", at, kind, "Asia/Jakarta", case_id=case_id, subject=person)
    history = [first]
    for n, (action, role, payload, reason) in enumerate(PATH[:STOPS[state]], start=1):
        case, record = apply(case, action, ACTORS[role], at + timedelta(hours=n), reason=reason, payload=payload,
                             expected_version=case.version)
        history.append(record)
    return case, history


def load(db, specs, region: str = "33.20", election: str = "pilkada2024") -> list[int]:
    """Store one case per spec: dict(state=..., at=..., name=..., nip=...). Returns their ids in order."""
    with db.transaction() as s:
        first = (s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()).limit(1)) or 0) + 1
    loaded = []
    for n, spec in enumerate(specs):
        case, history = walked(first + n, spec.get("state", "received"), spec.get("at", NOW - timedelta(hours=8)),
                               name=spec.get("name", ""), nip=spec.get("nip", ""))
        loaded.append(LoadedCase(first + n, NewCase(
            "report", spec.get("region", region), election, reported_name=spec.get("name", f"Terlapor {first + n}"),
            reported_nip=spec.get("nip", ""), event_date=spec.get("event_date", date(2024, 10, 1))), case, history))
    with unit_of_work(db) as uow:
        uow.cases.load(loaded, "test:worklist", {})
    return [c.case_id for c in loaded]
