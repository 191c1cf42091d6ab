"""Candidate pairs from KPU's lists: imported into storage, read back as the screener's registry.

An import is taken whole or not at all (every problem is listed with its row number and nothing is stored), and
replaces the pairs already stored for the same election and regions (a corrected list supersedes the old one).
Each import is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import delete, func, select

from netra.accounts.model import Account
from netra.elections.model import VOTING
from netra.regions import load_reference_regions
from netra.screening.candidates import Candidate, CandidateRegistry
from netra.screening.kpu import KpuListError, read_kpu_list
from netra.services import reference_data
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import CandidateRow


class CandidateImportError(ValueError):
    """A refused list; ``problems`` holds one line per problem ("baris N: ...")."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    election_id: str
    stored: int
    replaced: int
    regions: tuple[str, ...]


def import_kpu_list(db: Database, account: Account, path: str | Path, election_id: str, *,
                    default_region: str | None = None, data: bytes | None = None,
                    now: datetime | None = None) -> ImportResult:
    """Store a KPU list for ``election_id`` (administrators only). Raises ``CandidateImportError`` (nothing
    stored) or ``reference_data.ReferenceDataError`` for an account that may not change reference data."""
    reference_data._require_admin(account)
    now = now or datetime.now(timezone.utc)
    by = f"user:{account.id}"
    election = reference_data.elections(db).get(election_id)
    if election is None:
        choices = ", ".join(e.id for e in reference_data.elections(db))
        raise CandidateImportError([f"pemilihan {election_id!r} tidak dikenal; pilih salah satu: {choices}"])
    regions = {r.code: r.name for r in load_reference_regions()}
    if default_region is not None and default_region not in regions:
        raise CandidateImportError([f"kode wilayah {default_region!r} tidak dikenal"])
    vote_date = election.stage(VOTING).start if election.has_stage(VOTING) else None
    try:
        result = read_kpu_list(path, election_id, regions=regions, default_region=default_region,
                               vote_date=vote_date, data=data)
    except KpuListError as exc:
        raise CandidateImportError([str(exc)]) from None
    if not result.ok:
        raise CandidateImportError(list(result.errors))
    problems = [f"wilayah {c.region} tidak ikut {election_id}" for c in result.candidates
                if c.region is not None and not election.applies_to_region(c.region)]
    if problems:
        raise CandidateImportError(sorted(set(problems)))
    touched = sorted({c.region or "" for c in result.candidates})
    source = Path(path).name[:200]
    with db.transaction() as session:
        replaced = session.execute(delete(CandidateRow).where(
            CandidateRow.election_id == election_id, CandidateRow.region_code.in_(touched))).rowcount or 0
        for c in result.candidates:
            session.add(CandidateRow(election_id=election_id, region_code=c.region or "", number=c.number,
                                     name=c.name or "", aliases=list(c.aliases), hashtags=list(c.hashtags),
                                     party="; ".join(c.slogans), source_file=source, imported_by=account.username,
                                     imported_at=now))
        audit_log.append(session, by, "change", f"candidates:{election_id}", at=now,
                         detail={"file": source, "pairs": len(result.candidates), "replaced": replaced,
                                 "regions": touched})
    return ImportResult(election_id, len(result.candidates), replaced, tuple(touched))


def stored_version(session) -> tuple:
    """Changes whenever candidates are imported (a key for caches of the registry and the screener)."""
    return (session.scalar(select(func.count()).select_from(CandidateRow)) or 0,
            session.scalar(select(func.max(CandidateRow.id))) or 0)


def registry_in(session) -> CandidateRegistry | None:
    """The stored pairs as a registry, or None when nothing was imported."""
    rows = session.scalars(select(CandidateRow).order_by(CandidateRow.election_id, CandidateRow.region_code,
                                                         CandidateRow.number)).all()
    if not rows:
        return None
    elections = reference_data.elections_in(session)
    out = []
    for r in rows:
        election = elections.get(r.election_id)
        vote_date = election.stage(VOTING).start if election is not None and election.has_stage(VOTING) else None
        out.append(Candidate(election=r.election_id, region=r.region_code or None, number=r.number, name=r.name,
                             aliases=tuple(r.aliases or ()), hashtags=tuple(r.hashtags or ()),
                             slogans=tuple(p for p in (r.party or "").split("; ") if p), vote_date=vote_date))
    return CandidateRegistry(out)


def list_candidates(db: Database, election_id: str | None = None) -> list[CandidateRow]:
    with db.transaction() as session:
        query = select(CandidateRow).order_by(CandidateRow.election_id, CandidateRow.region_code, CandidateRow.number)
        if election_id:
            query = query.where(CandidateRow.election_id == election_id)
        return list(session.scalars(query))
