"""Who a case is about: the register entry with the case's NIP, unless an officer decided otherwise.

A NIP is an identifier, so a case whose NIP is in the register belongs to that entry without anyone linking it.
A name and agency are not: entries that share them are only suggested, and an officer confirms (links) or
refuses them. Linking and unlinking need a reason and go into the case history and the audit log.

Case-touching code: reads go through the scope helper (netra.storage.scope.within), and the two writes below store
history through the case repository (CaseRepository.note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases.merging import normalise_agency, normalise_name
from netra.people.nip import clean_nip
from netra.services.case_workflow import CaseNotFound
from netra.services.unit_of_work import unit_of_work
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import CasePersonRow, CaseRow, CivilServantRow, ReportRow

LINKERS = (Role.BAWASLU, Role.BKN)
MAX_SUGGESTIONS = 10


class LinkRefused(ValueError):
    """The message is Indonesian."""


def case_person() -> Select:
    """(case_id, person_id) of every live case: the confirmed entry, or the entry with the case's NIP when no
    officer decided; person_id is NULL when neither. Every people query starts here."""
    by_nip = and_(CasePersonRow.case_id.is_(None), CaseRow.reported_nip != "",
                  CivilServantRow.nip == CaseRow.reported_nip)
    return (select(CaseRow.id.label("case_id"),
                   func.coalesce(CasePersonRow.person_id, CivilServantRow.id).label("person_id"))
            .select_from(CaseRow)
            .outerjoin(CasePersonRow, CasePersonRow.case_id == CaseRow.id)
            .outerjoin(CivilServantRow, by_nip)
            .where(CaseRow.merged_into_id.is_(None)))


def person_of(session: Session, case_id: int) -> int | None:
    linked = case_person().subquery()
    return session.scalar(select(linked.c.person_id).where(linked.c.case_id == case_id))


@dataclass(frozen=True)
class Candidate:
    person: CivilServantRow
    why: str  # "nip" (the NIP of the case or one of its reports) or "name_agency" (a suggestion to confirm)


@dataclass(frozen=True)
class CaseLink:
    person: CivilServantRow | None
    confirmed: bool  # an officer linked it (else it follows the NIP)
    refused: bool  # an officer unlinked the NIP's entry
    candidates: list[Candidate]


def case_link(db: Database, account: Account, case_id: int) -> CaseLink:
    with db.transaction() as session:
        case = session.scalar(select(CaseRow).where(CaseRow.id == case_id, within(account, CaseRow.region_code)))
        if case is None:
            raise CaseNotFound(case_id)
        decision = session.get(CasePersonRow, case_id)
        person_id = person_of(session, case_id)
        person = session.get(CivilServantRow, person_id) if person_id else None
        candidates = [] if person else _candidates(session, case)
        return CaseLink(person, decision is not None and decision.person_id is not None,
                        decision is not None and decision.person_id is None, candidates)


def _candidates(session: Session, case: CaseRow) -> list[Candidate]:
    """Register entries with a NIP of the case or its reports, then entries with the same name and agency."""
    reports = session.execute(select(ReportRow.reported_nip, ReportRow.reported_name, ReportRow.reported_agency)
                              .where(ReportRow.case_id == case.id)).all()
    nips = {clean_nip(n) for n in [case.reported_nip, *(r[0] for r in reports)] if clean_nip(n)}
    found = [Candidate(p, "nip") for p in session.scalars(
        select(CivilServantRow).where(CivilServantRow.nip.in_(nips)).order_by(CivilServantRow.nip))] if nips else []
    people = [(case.reported_name, case.reported_agency), *((r[1], r[2]) for r in reports)]
    for name, agency in dict.fromkeys(people):
        key, agency_key = normalise_name(name), normalise_agency(agency)
        if not key or not agency_key:
            continue
        for p in session.scalars(select(CivilServantRow).where(CivilServantRow.name_key == key)
                                 .order_by(CivilServantRow.nip).limit(100)):
            theirs = normalise_agency(p.agency)
            if (agency_key in theirs or theirs in agency_key) and all(c.person.id != p.id for c in found):
                found.append(Candidate(p, "name_agency"))
    return found[:MAX_SUGGESTIONS]


def link_person(db: Database, account: Account, case_id: int, person_id: int | None, reason: str,
                now: datetime | None = None) -> None:
    """Confirm `person_id` as the person of the case, or (None) record that the NIP's entry is not them."""
    if account.role not in LINKERS:
        raise LinkRefused("Hanya petugas Bawaslu atau BKN yang dapat menghubungkan perkara dengan daftar pegawai.")
    if not reason.strip():
        raise LinkRefused("Alasan wajib diisi.")
    now = now or datetime.now(timezone.utc)
    with unit_of_work(db) as uow:
        session, case = uow.session, uow.cases.find(case_id, account)
        if case is None or case.merged_into_id is not None:
            raise CaseNotFound(case_id)
        person = session.get(CivilServantRow, person_id) if person_id is not None else None
        if person_id is not None and person is None:
            raise LinkRefused("Pegawai tidak ditemukan dalam daftar.")
        current = person_of(session, case_id)
        if person_id is None and current is None:
            raise LinkRefused("Perkara ini belum terhubung dengan pegawai mana pun.")
        if person_id is not None and current == person_id:
            raise LinkRefused("Perkara ini sudah terhubung dengan pegawai tersebut.")
        previous = session.get(CivilServantRow, current) if current else None
        decision = session.get(CasePersonRow, case_id)
        if decision is None:
            session.add(CasePersonRow(case_id=case_id, person_id=person_id, by_user_id=account.id, at=now,
                                      reason=reason.strip()))
        else:
            decision.person_id, decision.by_user_id, decision.at, decision.reason = (
                person_id, account.id, now, reason.strip())
        shown = person or previous
        action = "link_person" if person else "unlink_person"
        uow.cases.note(case, action, actor=account, now=now, reason=reason.strip(),
                       payload={"nip": shown.nip, "nama": shown.name},
                       audit={action: shown.id, "reason": reason.strip()})
