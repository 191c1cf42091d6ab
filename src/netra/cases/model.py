"""The data a case workflow step reads and writes: plain, immutable values with no storage behind them.

The storage layer maps rows to these values and back; keeping them free of ORM objects is what lets the workflow
and the legal clocks be tested exhaustively without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Iterable, Mapping

from netra.accounts.model import Account
from netra.accounts.roles import Role

BAWASLU, BKN, PPK, ADMIN, VIEWER = (r.value for r in (Role.BAWASLU, Role.BKN, Role.PPK, Role.ADMIN, Role.VIEWER))
ROLES = tuple(r.value for r in Role)
ELECTION_KINDS = ("pilkada", "pemilu")
ORIGINS = ("report", "finding")  # laporan, temuan


class State(StrEnum):
    RECEIVED = "received"
    NOT_REGISTERED = "not_registered"
    REGISTERED = "registered"
    UNDER_REVIEW = "under_review"
    RECOMMENDED_TO_BKN = "recommended_to_bkn"
    NOT_A_VIOLATION = "not_a_violation"
    FORWARDED = "forwarded"
    VERIFIED_BY_BKN = "verified_by_bkn"
    VALIDATED_BY_BAWASLU = "validated_by_bawaslu"
    SENT_TO_PPK = "sent_to_ppk"
    SANCTION_IMPOSED = "sanction_imposed"
    NOT_FOLLOWED_UP = "not_followed_up"
    PERSONNEL_DATA_BLOCKED = "personnel_data_blocked"
    CLOSED = "closed"


def require_aware(value: datetime, name: str = "when") -> datetime:
    """Legal clocks run on local days of a region; a naive time cannot be placed on any of them."""
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")
    return value


@dataclass(frozen=True)
class ReportedPerson:
    """Who the case is about; NIP identifies a civil servant, name + agency is the fallback for merging.
    `status` is the person's standing as the rulebook binds it (pns, pppk, village_head, ...; "" while unknown)."""

    nip: str = ""
    name: str = ""
    agency: str = ""
    position: str = ""
    status: str = ""


@dataclass(frozen=True)
class CaseState:
    """Everything the workflow and the clocks need to know about one case.

    `entered` holds the last time the case entered each state and `performed` the last time each action was
    taken: clocks start from the former and extensions come from the latter. Treat both mappings as read-only.
    """

    id: int | str | None
    state: State
    version: int
    election_kind: str  # "pilkada" or "pemilu": selects the legal clocks
    tz_name: str  # IANA zone of the case's region: Asia/Jakarta, Asia/Makassar or Asia/Jayapura
    origin: str = "report"
    entered: Mapping[State, datetime] = field(default_factory=dict)
    performed: Mapping[str, datetime] = field(default_factory=dict)
    subject: ReportedPerson = ReportedPerson()
    event_date: date | None = None
    merged_ids: tuple[int | str, ...] = ()
    recommended_rule_ids: tuple[str, ...] = ()  # the rules of the last recommendation: what a sanction may rest on

    def __post_init__(self):
        object.__setattr__(self, "state", State(self.state))
        object.__setattr__(self, "entered", {State(k): require_aware(v, "entered") for k, v in self.entered.items()})
        object.__setattr__(self, "performed", {k: require_aware(v, "performed") for k, v in self.performed.items()})
        object.__setattr__(self, "merged_ids", tuple(self.merged_ids))
        object.__setattr__(self, "recommended_rule_ids", tuple(self.recommended_rule_ids))
        if self.election_kind not in ELECTION_KINDS:
            raise ValueError(f"election_kind must be one of {ELECTION_KINDS}, got {self.election_kind!r}")
        if self.origin not in ORIGINS:
            raise ValueError(f"origin must be one of {ORIGINS}, got {self.origin!r}")

    @property
    def state_since(self) -> datetime | None:
        return self.entered.get(self.state)

    @property
    def opened_at(self) -> datetime | None:
        return min(self.entered.values(), default=None)

    @classmethod
    def from_events(cls, events: Iterable[tuple[str, str, datetime]], **fields: Any) -> "CaseState":
        """Rebuild from stored history: (action, to_state, at) in chronological order; the last one is current.

        `fields` supplies the rest (id, version, election_kind, tz_name, origin, subject, ...).
        """
        entered: dict[State, datetime] = {}
        performed: dict[str, datetime] = {}
        state = None
        for action, to_state, at in events:
            to_state = State(to_state)
            if to_state != state:
                entered[to_state] = at
            performed[action] = at
            state = to_state
        if state is None:
            raise ValueError("a case has at least one event")
        return cls(state=state, entered=entered, performed=performed, **fields)


@dataclass(frozen=True)
class TransitionRecord:
    """One step of a case's history, ready for the append-only event log. `who` is None for a public report."""

    who: Account | None
    role: str
    when: datetime
    from_state: State | None
    to_state: State
    action: str
    reason: str = ""
    payload: Mapping[str, Any] = field(default_factory=dict)
    documents: tuple[str, ...] = ()
