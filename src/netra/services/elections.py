"""The elections a report or case can belong to, from the calendars in force (packaged plus those an administrator
added, see reference_data), and the election kind that picks a case's legal clocks."""

from __future__ import annotations

from netra.services import reference_data
from netra.storage.database import Database


def election_choices(db: Database) -> dict[str, str]:
    """Election id -> Indonesian name."""
    return {e.id: e.name.id for e in reference_data.elections(db)}


def election_kind(session, election_id: str) -> str:
    """"pemilu" or "pilkada" for the election's clocks (pilkada, the usual case, for an unknown id)."""
    election = reference_data.elections_in(session).get(election_id)
    return election.kind.value if election is not None else "pilkada"
