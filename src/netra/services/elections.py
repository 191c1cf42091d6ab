"""The elections a report or case can belong to, from the calendars in force (packaged plus those an administrator
added, see reference_data). A case's election kind (its legal clocks) comes from the same calendar
(netra.elections.calendar.Calendar.kind), which refuses an unknown id."""

from __future__ import annotations

from netra.services import reference_data
from netra.storage.database import Database


def election_choices(db: Database) -> dict[str, str]:
    """Election id -> Indonesian name."""
    return {e.id: e.name.id for e in reference_data.elections(db)}
