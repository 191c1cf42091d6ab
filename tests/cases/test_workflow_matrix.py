"""Every (action, state, role) combination, generated from the transition table itself."""

from __future__ import annotations

import itertools

import pytest

from netra.cases import (
    ACTIONS, ROLES, TRANSITIONS, ActionNotAllowed, RoleNotAllowed, State, allowed_actions, apply,
)
from netra.cases.table import rows_for

from tests.cases.support import ACTORS, LATER, VALID_INPUTS, case_in

MATRIX = list(itertools.product(ACTIONS, list(State), ROLES))
ALLOWED = [(a, s, r) for a, s, r in MATRIX if any(t.role == r for t in rows_for(a, s))]
REFUSED = [(a, s, r) for a, s, r in MATRIX if (a, s, r) not in set(ALLOWED)]


def test_matrix_size():
    assert len(ACTIONS) == 16 and len(State) == 14 and len(ROLES) == 5
    assert len(MATRIX) == 16 * 14 * 5 == 1120
    assert len(TRANSITIONS) == 17  # `close` has one row for Bawaslu's outcomes and one for BKN's
    assert len(ALLOWED) == sum(len(t.from_states) for t in TRANSITIONS) == 22
    assert len(REFUSED) == 1098


def test_every_action_is_covered_by_the_inputs():
    assert set(VALID_INPUTS) == set(ACTIONS)


def test_admin_and_viewer_own_no_step():
    assert not [t for t in TRANSITIONS if t.role in ("admin", "viewer")]


@pytest.mark.parametrize("action,state,role", ALLOWED, ids=lambda v: str(v))
def test_allowed(action, state, role):
    case = case_in(state)
    reason, payload = VALID_INPUTS[action]
    new, record = apply(case, action, ACTORS[role], LATER, reason, payload, ["dok-1"], expected_version=3)
    (row,) = [t for t in rows_for(action, state) if t.role == role]
    assert new.state == row.to_state and new.version == 4
    assert new.performed[action] == LATER
    assert new.entered[row.to_state] == (case.entered[state] if row.to_state == state else LATER)
    assert (record.who, record.role, record.when, record.action) == (ACTORS[role], role, LATER, action)
    assert (record.from_state, record.to_state, record.documents) == (state, row.to_state, ("dok-1",))
    assert action in allowed_actions(state, role)


@pytest.mark.parametrize("action,state,role", REFUSED, ids=lambda v: str(v))
def test_refused(action, state, role):
    case = case_in(state)
    reason, payload = VALID_INPUTS[action]
    if rows_for(action, state):  # the step exists here, but belongs to another role
        with pytest.raises(RoleNotAllowed, match=f"^Peran {role} tidak berwenang"):
            apply(case, action, ACTORS[role], LATER, reason, payload, expected_version=3)
    else:
        with pytest.raises(ActionNotAllowed, match="tidak dapat dilakukan pada perkara berstatus"):
            apply(case, action, ACTORS[role], LATER, reason, payload, expected_version=3)
    assert action not in allowed_actions(state, role)
