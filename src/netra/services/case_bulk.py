"""Bulk registration and bulk linking from the worklist (Bawaslu).

Each selected case still goes through the domain (netra.cases.apply, netra.cases.merge) and is refused on its own,
with the domain's reason; the allowed ones are written in ONE transaction, so an error while writing leaves every
case as it was (nothing half-done). The officer's page showed each case at a version; a case changed since is
refused like any other (optimistic lock), never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.cases import ConcurrentChange, RoleNotAllowed, WorkflowError, apply, can_merge, merge
from netra.services.case_workflow import LINK_PUBLIC_REASON
from netra.services.unit_of_work import unit_of_work
from netra.storage.database import Database

NOT_FOUND = "Perkara tidak ditemukan di wilayah Anda, atau sudah digabungkan ke perkara lain."
MAX_SELECTION = 200  # one worklist page


@dataclass
class BulkOutcome:
    done: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (case id, reason in Indonesian)
    survivor: int | None = None  # bulk linking: the case the others were joined into


def _checked(uow, account: Account, selection: dict[int, int], outcome: BulkOutcome):
    """The selected live cases in scope at the version the officer saw; the others refused with a reason."""
    if len(selection) > MAX_SELECTION:
        raise WorkflowError(f"Terlalu banyak perkara dipilih: paling banyak {MAX_SELECTION} sekaligus.")
    rows = uow.cases.find_many(selection, account)
    fit = {}
    for case_id, version in selection.items():
        row = rows.get(case_id)
        if row is None or row.merged_into_id is not None:
            outcome.refused.append((case_id, NOT_FOUND))
        elif row.version != version:
            outcome.refused.append((case_id, str(ConcurrentChange(row.version, version))))
        else:
            fit[case_id] = row
    return fit, uow.cases.states(list(fit.values()))


def register(db: Database, account: Account, selection: dict[int, int], public_reason: str = "",
             now: datetime | None = None) -> BulkOutcome:
    """Register every selected report the workflow allows; `selection` maps case id to the version shown."""
    now = now or datetime.now(timezone.utc)
    outcome = BulkOutcome()
    with unit_of_work(db) as uow:
        rows, states = _checked(uow, account, selection, outcome)
        for case_id, row in rows.items():
            try:
                state, record = apply(states[case_id], "register", account, now, expected_version=row.version,
                                      rules=uow.deadlines)
            except WorkflowError as exc:
                outcome.refused.append((case_id, str(exc)))
                continue
            uow.cases.step(row, state, record, expected_version=row.version, actor=account,
                           public_reason=public_reason)
            outcome.done.append(case_id)
    return outcome


def link(db: Database, account: Account, selection: dict[int, int], reason: str = "",
         now: datetime | None = None) -> BulkOutcome:
    """Join the selected cases into one: each in turn with the case that survives so far (the domain picks the
    survivor); a case the domain will not join is refused with its reason and stays as it was."""
    now = now or datetime.now(timezone.utc)
    if not may(account.role, Capability.LINK_CASES):
        raise RoleNotAllowed(f"Peran {account.role.value} tidak berwenang menggabungkan perkara.")
    if len(selection) < 2:
        raise WorkflowError("Pilih sedikitnya dua perkara untuk digabungkan.")
    outcome = BulkOutcome()
    with unit_of_work(db) as uow:
        rows, states = _checked(uow, account, selection, outcome)
        survivor = None
        for case_id in rows:
            if survivor is None:
                survivor = states[case_id]
                continue
            check = can_merge(survivor, states[case_id])
            if not check:
                outcome.refused.append((case_id, f"Tidak dapat digabungkan dengan perkara {survivor.id}: "
                                                 f"{check.reason}"))
                continue
            merged = merge(survivor, states[case_id])
            absorbed = case_id if merged.id == survivor.id else survivor.id
            uow.cases.link(rows[merged.id], rows[absorbed], merged, actor=account, reason=reason.strip(),
                           public_reason=LINK_PUBLIC_REASON, now=now)
            outcome.done.append(absorbed)
            survivor = merged
        if outcome.done:
            outcome.survivor = survivor.id
    return outcome
