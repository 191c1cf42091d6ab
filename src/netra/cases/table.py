"""The transition table as data: docs, the UI and the tests all render or walk this one tuple.

An action may appear in several rows when different roles own it from different states (`close`).
`requires` names checks that `workflow.apply` performs; the names are stable so the UI can label them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netra.cases.model import BAWASLU, BKN, PPK, State


class Requirement(StrEnum):
    REASON = "reason"  # a non-empty written reason
    RULE_IDS = "rule_ids"  # payload: non-empty list of rulebook ids the recommendation rests on
    DESTINATION = "destination"  # payload: one of DESTINATIONS
    PPK = "ppk"  # payload: the PPK (office and name) the result goes to
    RULE_ID = "rule_id"  # payload: the rulebook id the sanction rests on
    SANCTION = "sanction"  # payload: {"kind", "level", "description"}
    ONCE = "once"  # the action may be taken only once per case
    CLOCK_OVERDUE = "clock_overdue"  # the legal clock running in the current state has expired
    SUBSTANCE = "substance"  # the case states who the reported person is (substance.missing_facts is empty)


DESTINATIONS = ("KPU", "Gakkumdu", "DKPP", "other")


@dataclass(frozen=True)
class Transition:
    action: str
    from_states: tuple[State, ...]
    to_state: State
    role: str
    requires: tuple[Requirement, ...] = ()


S, R = State, Requirement
TRANSITIONS: tuple[Transition, ...] = (
    Transition("register", (S.RECEIVED,), S.REGISTERED, BAWASLU),
    Transition("refuse_registration", (S.RECEIVED,), S.NOT_REGISTERED, BAWASLU, (R.REASON,)),
    Transition("start_review", (S.REGISTERED,), S.UNDER_REVIEW, BAWASLU),
    Transition("request_clarification", (S.UNDER_REVIEW,), S.UNDER_REVIEW, BAWASLU, (R.REASON, R.ONCE)),
    Transition("recommend", (S.UNDER_REVIEW,), S.RECOMMENDED_TO_BKN, BAWASLU, (R.REASON, R.SUBSTANCE, R.RULE_IDS)),
    Transition("dismiss", (S.UNDER_REVIEW,), S.NOT_A_VIOLATION, BAWASLU, (R.REASON,)),
    Transition("forward", (S.UNDER_REVIEW,), S.FORWARDED, BAWASLU, (R.REASON, R.DESTINATION)),
    Transition("verify", (S.RECOMMENDED_TO_BKN,), S.VERIFIED_BY_BKN, BKN),
    Transition("reject_recommendation", (S.RECOMMENDED_TO_BKN,), S.NOT_A_VIOLATION, BKN, (R.REASON,)),
    Transition("validate", (S.VERIFIED_BY_BKN,), S.VALIDATED_BY_BAWASLU, BAWASLU),
    Transition("send_to_ppk", (S.VALIDATED_BY_BAWASLU,), S.SENT_TO_PPK, BKN, (R.PPK,)),
    Transition("impose_sanction", (S.SENT_TO_PPK, S.NOT_FOLLOWED_UP, S.PERSONNEL_DATA_BLOCKED), S.SANCTION_IMPOSED,
               PPK, (R.RULE_ID, R.SANCTION)),
    # A recorded sanction is corrected only by this step: the PPK again, with a reason, kept in history and audit.
    Transition("correct_sanction", (S.SANCTION_IMPOSED,), S.SANCTION_IMPOSED, PPK, (R.REASON, R.RULE_ID, R.SANCTION)),
    Transition("mark_not_followed_up", (S.SENT_TO_PPK,), S.NOT_FOLLOWED_UP, BKN, (R.CLOCK_OVERDUE,)),
    Transition("block_personnel_data", (S.NOT_FOLLOWED_UP,), S.PERSONNEL_DATA_BLOCKED, BKN, (R.REASON,)),
    Transition("close", (S.NOT_REGISTERED, S.NOT_A_VIOLATION, S.FORWARDED), S.CLOSED, BAWASLU),
    Transition("close", (S.SANCTION_IMPOSED, S.PERSONNEL_DATA_BLOCKED), S.CLOSED, BKN),
)
del S, R

ACTIONS: tuple[str, ...] = tuple(dict.fromkeys(t.action for t in TRANSITIONS))
OPENING_ACTIONS = {"report": ("submit", State.RECEIVED), "finding": ("record_finding", State.REGISTERED)}


def rows_for(action: str, state: State | None = None) -> tuple[Transition, ...]:
    return tuple(t for t in TRANSITIONS if t.action == action and (state is None or state in t.from_states))


def acting_states(role: str) -> frozenset[State]:
    """States in which `role` has a step to take: its "menunggu saya" worklist. A step that only opens once a
    legal clock has run out (BKN marking a PPK's silence) is waiting on time, not on the role."""
    return frozenset(s for t in TRANSITIONS if t.role == role and _awaited(t) for s in t.from_states)


def acting_roles(state: State | str) -> frozenset[str]:
    """Roles that have a step to take on a case in `state` (whom a case in that state may be assigned to)."""
    state = State(state)
    return frozenset(t.role for t in TRANSITIONS if state in t.from_states and _awaited(t))


def _awaited(t: Transition) -> bool:
    """A step someone is waiting for: not one that opens only when a clock runs out, and not a correction that
    leaves the case where it is (a recorded sanction may be corrected, but nobody waits on that)."""
    return Requirement.CLOCK_OVERDUE not in t.requires and t.to_state not in t.from_states


def reachable(starts, stops) -> frozenset[State]:
    """States a case can be in after entering one of `starts` and before entering one of `stops` or closing."""
    stops = set(stops) | {State.CLOSED}
    seen, todo = set(), [s for s in starts if s not in stops]
    while todo:
        state = todo.pop()
        if state in seen:
            continue
        seen.add(state)
        todo += [t.to_state for t in TRANSITIONS if state in t.from_states and t.to_state not in stops]
    return frozenset(seen)
