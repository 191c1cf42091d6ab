"""Every state where someone must decide has a legal (or, where the law is silent, an administrative) clock,
owned by a role that acts there; and "menunggu saya" comes from the same transition table."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from netra.cases import (
    BAWASLU, BKN, PPK, TRANSITIONS, CaseState, Requirement, State, acting_roles, acting_states, clock_for, status,
)


def _deciding_states() -> set[State]:
    """States where a role has a step other than closing the file (closing a decided case is a formality) or
    correcting what it recorded (correct_sanction leaves the case where it is)."""
    return {s for t in TRANSITIONS if t.action != "close" and Requirement.CLOCK_OVERDUE not in t.requires
            and t.to_state not in t.from_states for s in t.from_states}


def test_every_state_where_someone_decides_has_a_clock_owned_by_a_role_acting_there():
    assert State.VALIDATED_BY_BAWASLU in _deciding_states()
    for kind in ("pilkada", "pemilu"):
        for state in _deciding_states():
            clock = clock_for(state, kind)
            assert clock is not None, (kind, state)
            assert clock.owner in acting_roles(state), (kind, state, clock.owner)
            assert clock.legal_basis


def test_validated_case_has_bkn_clock_that_runs_out():
    entered = datetime(2024, 10, 1, 3, tzinfo=timezone.utc)  # Tuesday 1 Oct, 10.00 WIB
    case = CaseState(id=1, state=State.VALIDATED_BY_BAWASLU, version=6, election_kind="pilkada",
                     tz_name="Asia/Jakarta", entered={State.VALIDATED_BY_BAWASLU: entered})
    clock = status(case, entered + timedelta(days=1))
    assert clock.rule.id == "bkn_to_ppk" and clock.rule.owner == BKN and not clock.overdue
    assert "SILENT" in clock.rule.note  # says where the law is silent and what the figure rests on
    assert clock.due_at.date().isoformat() == "2024-10-04"  # 3 working days: Wed, Thu, Fri
    assert status(case, entered + timedelta(days=10)).overdue


def test_waiting_for_me_follows_the_transition_table():
    assert acting_states(PPK) == {State.SENT_TO_PPK, State.NOT_FOLLOWED_UP, State.PERSONNEL_DATA_BLOCKED}
    assert State.RECOMMENDED_TO_BKN in acting_states(BKN) and State.VALIDATED_BY_BAWASLU in acting_states(BKN)
    assert State.SENT_TO_PPK not in acting_states(BKN)  # BKN only waits there until the PPK's clock runs out
    assert {State.RECEIVED, State.UNDER_REVIEW, State.VERIFIED_BY_BKN} <= acting_states(BAWASLU)
    assert State.RECOMMENDED_TO_BKN not in acting_states(BAWASLU)
    assert State.SANCTION_IMPOSED not in acting_states(PPK)  # a correction is possible, but nobody waits on it
