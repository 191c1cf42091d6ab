"""Loading reference data (regions) into the database."""

from __future__ import annotations

from dataclasses import dataclass

from netra.regions import load_reference_regions
from netra.storage.database import Database
from netra.storage.repositories import RegionRepository


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    total: int


def load_regions(db: Database, progress=None) -> LoadResult:
    """The regions, and with them each region's government and standard offices (the agency register's seed)."""
    from netra.services.prevention import ensure_agencies

    regions = load_reference_regions()
    with db.transaction() as session:
        added, updated = RegionRepository(session).upsert_all(progress(regions) if progress else regions)
        ensure_agencies(session, regions)
    return LoadResult(added, updated, len(regions))
