"""A unit of work: one transaction, the reference data in force for it, and the case repository writing in it.

    with unit_of_work(db) as uow:
        row = uow.cases.find(case_id, account)
        ...
        uow.cases.step(row, state, record, ...)

Everything stored inside commits together (the case change, its history, its audit entry and its outbox events)
or, on any exception, not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from netra.cases import DeadlineRules
from netra.elections.calendar import Calendar
from netra.services import reference_data
from netra.storage.case_repository import CaseRepository
from netra.storage.database import Database


@dataclass
class UnitOfWork:
    session: Session
    calendar: Calendar
    deadlines: DeadlineRules
    cases: CaseRepository


@contextmanager
def unit_of_work(db: Database) -> Iterator[UnitOfWork]:
    with db.transaction() as session:
        calendar, deadlines = reference_data.calendar_in(session), reference_data.deadlines_in(session)
        yield UnitOfWork(session, calendar, deadlines, CaseRepository(session, calendar, deadlines))
