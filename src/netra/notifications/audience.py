"""Whose queue a case lands in: the roles that own a step out of its new state (netra.cases.table says which)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netra.cases.model import State
from netra.cases.table import TRANSITIONS


def awaiting_roles(state: str) -> frozenset[str]:
    """The roles that must act next on a case in `state` (none once it is closed)."""
    return frozenset(t.role for t in TRANSITIONS if State(state) in t.from_states)


def moved(kind: str, payload: Mapping[str, Any]) -> str | None:
    """The state a case event moved the case into, or None when it did not change its state (a clarification
    request, a note): only a change of state puts a case in a new queue or is news for the reporter."""
    if kind == "case_opened":
        return payload["to"]
    if kind == "case_step" and payload["from"] != payload["to"]:
        return payload["to"]
    return None
