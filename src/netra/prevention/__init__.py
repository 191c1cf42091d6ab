"""Prevention: the agencies (instansi) of each region, the neutrality socialisation events they hold and the
neutrality pledges (ikrar netralitas) their staff sign, with the rules for reading them from CSV/XLSX files.

Pure domain code: no web, storage or SQLAlchemy imports. Storing, scoping and coverage figures live in
``netra.services.prevention``.
"""

from netra.prevention.model import (
    AUDIENCE_GROUPS, KINDS, AgencyRecord, EventRecord, ImportProblem, PledgeRecord, seed_agencies,
)
from netra.prevention.imports import COLUMNS, parse_rows, read_table

__all__ = ["AUDIENCE_GROUPS", "COLUMNS", "KINDS", "AgencyRecord", "EventRecord", "ImportProblem", "PledgeRecord",
           "parse_rows", "read_table", "seed_agencies"]
