"""The person page and the repeat-offender lists: what the register and the cases say about one civil servant.

Personal data (name, NIP, position) is shown to BKN, Bawaslu and the person's own PPK only; every view is
audited. Cases appear through the account's case scope (netra.storage.scope.within), so nobody sees a case on a
person page that the worklist would hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases.merging import normalise_agency
from netra.services.people.links import case_person
from netra.accounts.policy import PERSONAL, may_see_person
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import (
    BknFollowUpRow, CaseEventRow, CaseRow, CivilServantChangeRow, CivilServantRow, RegionRow,
    ReportRow,
)

REPEAT_MIN = 2  # two or more cases in one election make a repeat


@dataclass(frozen=True)
class CaseEntry:
    id: int
    origin: str
    status: str
    region_name: str
    zone: str  # WIB/WITA/WIT of the case's region
    election_id: str
    event_date: date | None
    created_at: datetime
    reports: list[tuple[str, datetime]]  # tracking code, submitted at (reporters are never shown here)
    history: list[CaseEventRow]
    follow_ups: list[BknFollowUpRow]


@dataclass(frozen=True)
class PersonPage:
    person: CivilServantRow
    region_name: str
    zone: str
    changes: list[CivilServantChangeRow]
    cases: list[CaseEntry] = field(default_factory=list)


def person_page(db: Database, account: Account, person_id: int) -> PersonPage | None:
    """None when the person does not exist or the account may not see them (callers answer 404 either way)."""
    with db.transaction() as session:
        found = _visible(session, account, person_id)
        if found is None:
            return None
        person, case_rows = found
        region = session.get(RegionRow, person.region_code)
        ids = [c.id for c, _, _ in case_rows]
        reports, history, follow_ups = {}, {}, {}
        for case_id, code, at in session.execute(select(ReportRow.case_id, ReportRow.tracking_code,
                                                        ReportRow.submitted_at).where(ReportRow.case_id.in_(ids))
                                                 .order_by(ReportRow.submitted_at)):
            reports.setdefault(case_id, []).append((code, at))
        for event in session.scalars(select(CaseEventRow).where(CaseEventRow.case_id.in_(ids))
                                     .order_by(CaseEventRow.at, CaseEventRow.id)):
            history.setdefault(event.case_id, []).append(event)
        for act in session.scalars(select(BknFollowUpRow).where(BknFollowUpRow.case_id.in_(ids))
                                   .order_by(BknFollowUpRow.on_date, BknFollowUpRow.id)):
            follow_ups.setdefault(act.case_id, []).append(act)
        changes = session.scalars(select(CivilServantChangeRow).where(CivilServantChangeRow.person_id == person_id)
                                  .order_by(CivilServantChangeRow.at, CivilServantChangeRow.id)).all()
        audit_log.append(session, f"user:{account.id}", "view", f"person:{person_id}", {"cases": ids})
        return PersonPage(person, region.name if region else person.region_code,
                          region.timezone if region else "WIB", list(changes), [
            CaseEntry(c.id, c.origin, c.status, name, zone, c.election_id, c.event_date, c.created_at,
                      reports.get(c.id, []), history.get(c.id, []), follow_ups.get(c.id, []))
            for c, name, zone in case_rows])


def _visible(session, account: Account, person_id: int):
    """(person, the account's cases about them) when the account may see the person, else None."""
    linked = case_person().subquery()
    person = session.get(CivilServantRow, person_id)
    if person is None:
        return None
    case_rows = session.execute(
        select(CaseRow, RegionRow.name, RegionRow.timezone).where(within(account, CaseRow.region_code))
        .join(RegionRow, RegionRow.code == CaseRow.region_code)
        .join(linked, linked.c.case_id == CaseRow.id).where(linked.c.person_id == person_id)
        .order_by(CaseRow.created_at, CaseRow.id)).all()
    return (person, case_rows) if may_see_person(account, person.region_code, bool(case_rows)) else None


def visible_person_by_nip(db: Database, account: Account, nip: str) -> int | None:
    """The id of the register entry with this NIP when the account may see it (the lookup; not yet a view)."""
    with db.transaction() as session:
        person_id = session.scalar(select(CivilServantRow.id).where(CivilServantRow.nip == nip))
        return person_id if person_id is not None and _visible(session, account, person_id) else None


@dataclass(frozen=True)
class RepeatPerson:
    person_id: int
    name: str  # empty when the account may not see names
    nip: str
    agency: str
    region_code: str
    cases: int


@dataclass(frozen=True)
class RepeatOffice:
    agency: str
    region_name: str
    region_code: str
    cases: int
    people: int  # distinct people among them (reported names where no register entry is linked)


def repeats(db: Database, account: Account, election_id: str | None,
            limit: int = 50) -> tuple[list[RepeatPerson], list[RepeatOffice]]:
    """People with two or more cases in the election, and offices (agency + region) with two or more, in the
    account's case scope; merged cases count once (as their survivor). Names only for PERSONAL roles."""
    linked = case_person().subquery()
    with db.transaction() as session:
        query = select(CaseRow.id, CaseRow.region_code, CaseRow.reported_agency, CaseRow.reported_name,
                       linked.c.person_id).where(within(account, CaseRow.region_code)).join(
                           linked, linked.c.case_id == CaseRow.id)
        if election_id:
            query = query.where(CaseRow.election_id == election_id)
        rows = session.execute(query).all()
        per_person: dict[int, int] = {}
        offices: dict[tuple[str, str], dict] = {}
        for _id, region, agency, name, person_id in rows:
            if person_id is not None:
                per_person[person_id] = per_person.get(person_id, 0) + 1
            key = normalise_agency(agency)
            if not key:
                continue
            office = offices.setdefault((key, region), {"agency": agency, "cases": 0, "people": set()})
            office["cases"] += 1
            office["people"].add(person_id if person_id is not None else f"name:{name.casefold().strip()}")
        top = sorted(((n, pid) for pid, n in per_person.items() if n >= REPEAT_MIN), reverse=True)[:limit]
        people_rows = {p.id: p for p in session.scalars(
            select(CivilServantRow).where(CivilServantRow.id.in_([pid for _, pid in top])))}
        names = {r.code: r.name for r in session.scalars(select(RegionRow).where(
            RegionRow.code.in_({region for _, region in offices})))}
    personal = account.role in PERSONAL
    people = [RepeatPerson(pid, p.name if personal else "", p.nip if personal else "", p.agency, p.region_code, n)
              for n, pid in top for p in [people_rows[pid]]]
    office_list = sorted((RepeatOffice(o["agency"], names.get(region, region), region, o["cases"], len(o["people"]))
                          for (_, region), o in offices.items() if o["cases"] >= REPEAT_MIN),
                         key=lambda o: (-o.cases, o.agency))[:limit]
    return people, office_list


def repeat_counts(db: Database, case_ids: list[int]) -> dict[int, int]:
    """For worklists: case id -> number of live cases of the same person in the same election, where that is two
    or more. Counts only (no name), so every role may see the mark."""
    if not case_ids:
        return {}
    linked = case_person().subquery()
    with db.transaction() as session:
        mine = session.execute(select(linked.c.case_id, linked.c.person_id, CaseRow.election_id)
                               .join(CaseRow, CaseRow.id == linked.c.case_id)
                               .where(linked.c.case_id.in_(case_ids), linked.c.person_id.is_not(None))).all()
        people = {p for _, p, _ in mine}
        totals = dict(((p, e), n) for p, e, n in session.execute(
            select(linked.c.person_id, CaseRow.election_id, func.count())
            .join(CaseRow, CaseRow.id == linked.c.case_id)
            .where(linked.c.person_id.in_(people)).group_by(linked.c.person_id, CaseRow.election_id))) if people else {}
    return {c: totals[(p, e)] for c, p, e in mine if totals.get((p, e), 0) >= REPEAT_MIN}


def register_size(db: Database) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(CivilServantRow)) or 0

