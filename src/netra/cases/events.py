"""What happened to a case, as other parts of Netra hear it (statistics now, notifications later).

The case repository records one of these in the outbox in the same transaction as the change itself, so a
consumer never misses a committed change and never sees one that was rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping


class EventKind(StrEnum):
    OPENED = "case_opened"  # a public report or a finding opened a case
    STEP = "case_step"  # a workflow step (payload: action, from, to, role)
    LINKED = "case_linked"  # two cases were joined (one event for the survivor, one for the absorbed case)
    SUPPLEMENTED = "case_supplemented"  # the reporter added missing parts
    NOTED = "case_noted"  # a history entry that does not move the case (payload: action)
    ASSIGNED = "case_assigned"  # payload: assignee_user_id (None: unassigned), by_user_id
    COMMENTED = "case_commented"  # an internal comment (payload: comment_id, author_user_id; never the text)
    LOADED = "case_loaded"  # bulk-loaded data (the demo): counted by statistics, announced to nobody


@dataclass(frozen=True)
class CaseEvent:
    kind: EventKind
    case_id: int
    region_code: str
    payload: Mapping[str, Any] = field(default_factory=dict)
