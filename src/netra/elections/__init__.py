"""Election calendars (Pilkada 2024, Pemilu 2024) as validated data, and stage lookup by date and region.

The rulebook's periods (before/after candidates are set, campaign) are computed from these calendars:
``Election.candidates_set(day)`` and ``Election.in_campaign(day)`` feed ``Rulebook.applicable``.
Pure domain code: no web or database imports.
"""

from datetime import date

from netra.elections.calendar import Calendar, StageInfo, UnknownElection
from netra.elections.loader import DATA_DIR, add_election, election_from_dict, load_elections
from netra.elections.model import (
    AFTER_SCHEDULE,
    BEFORE_SCHEDULE,
    BETWEEN_STAGES,
    ActiveStage,
    Election,
    ElectionDataError,
    ElectionKind,
    Elections,
    RegionExclusion,
    RegionScope,
    Stage,
)


def candidates_set(day: date, election_id: str) -> bool:
    """Whether candidates of the packaged election `election_id` are formally set on `day` (on/after the date)."""
    return Calendar(load_elections()).election(election_id).candidates_set(day)


__all__ = [
    "AFTER_SCHEDULE",
    "BEFORE_SCHEDULE",
    "BETWEEN_STAGES",
    "Calendar",
    "DATA_DIR",
    "ActiveStage",
    "Election",
    "ElectionDataError",
    "ElectionKind",
    "Elections",
    "RegionExclusion",
    "RegionScope",
    "Stage",
    "StageInfo",
    "UnknownElection",
    "add_election",
    "candidates_set",
    "election_from_dict",
    "load_elections",
]
