"""The case workflow: which role may move a case from which state, and what each step must carry.

The rules live in `table.TRANSITIONS` (data); this module only enforces them. Every step returns a new
CaseState and the TransitionRecord to append to the case's history, so nothing happens without a trace.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any, Collection, Iterable, Mapping

from netra.cases import deadlines
from netra.cases.errors import (
    ActionNotAllowed, AlreadyDone, ConcurrentChange, DeadlineNotPassed, MissingRequirement, RoleNotAllowed,
    UnknownAction,
)
from netra.cases.labels import label
from netra.cases import substance
from netra.accounts.model import Account
from netra.formatting import day as format_day, moment as format_moment
from netra.cases.model import BAWASLU, CaseState, ReportedPerson, State, TransitionRecord, require_aware
from netra.cases.table import (
    ACTIONS, DESTINATIONS, OPENING_ACTIONS, TRANSITIONS, Requirement, Transition, rows_for,
)

def local_text(moment: datetime, tz_name: str) -> str:
    """'17 Agustus 2024 pukul 23.59 WIB': how officers read a deadline."""
    return format_moment(moment, tz_name)


def local_date(day: date) -> str:
    """'17 Agustus 2024'."""
    return format_day(day)


def allowed_actions(state: State | str, role: str) -> tuple[str, ...]:
    """Actions `role` may take on a case in `state`, in table order (for buttons and worklists)."""
    state = State(state)
    return tuple(dict.fromkeys(t.action for t in TRANSITIONS if state in t.from_states and t.role == role))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _missing(action: str, what: str) -> MissingRequirement:
    return MissingRequirement(f"{what} wajib diisi untuk tindakan '{label(action).id}'.")


def _check(requirement: Requirement, case: CaseState, action: str, when: datetime, reason: str,
           payload: Mapping[str, Any], out: dict[str, Any], rules, known_rule_ids, rule_facts) -> None:
    """Check one requirement; normalised payload values go into `out` so the record holds clean data."""
    R = Requirement
    if requirement is R.REASON:
        if not reason:
            raise _missing(action, "Alasan")
    elif requirement is R.RULE_IDS:
        raw = payload.get("rule_ids")
        ids = [_text(v) for v in raw] if isinstance(raw, (list, tuple)) else []
        if not ids or not all(ids):
            raise _missing(action, "Daftar ketentuan yang dilanggar (rule_ids)")
        _known(ids, known_rule_ids)
        if rule_facts is not None:
            substance.check_rules(ids, case, rule_facts)
        out["rule_ids"] = list(dict.fromkeys(ids))
    elif requirement is R.RULE_ID:
        rule_id = _text(payload.get("rule_id"))
        if not rule_id:
            raise _missing(action, "Ketentuan dasar sanksi (rule_id)")
        _known([rule_id], known_rule_ids)
        out["rule_id"] = rule_id
    elif requirement is R.DESTINATION:
        wanted = _text(payload.get("destination")).casefold()
        match = next((d for d in DESTINATIONS if d.casefold() == wanted), None)
        if match is None:
            raise MissingRequirement(f"Instansi tujuan harus salah satu dari: {', '.join(DESTINATIONS)}.")
        out["destination"] = match
    elif requirement is R.PPK:
        if not _text(payload.get("ppk")):
            raise _missing(action, "PPK tujuan (ppk)")
        out["ppk"] = _text(payload["ppk"])
    elif requirement is R.SANCTION:
        sanction = payload.get("sanction")
        parts = {k: _text(sanction.get(k)) for k in ("kind", "level", "description")} if isinstance(
            sanction, Mapping) else {}
        if not parts or not all(parts.values()):
            raise _missing(action, "Sanksi (jenis, tingkat dan uraian)")
        if rule_facts is not None:
            substance.check_sanction(out.get("rule_id", ""), parts["kind"], parts["level"], case, rule_facts)
        out["sanction"] = parts
    elif requirement is R.SUBSTANCE:
        substance.require_complete(case.subject, "melakukan tindakan '" + label(action).id + "'")
    elif requirement is R.ONCE:
        if action in case.performed:
            raise AlreadyDone(f"Tindakan '{label(action).id}' hanya dapat dilakukan satu kali untuk setiap perkara.")
    elif requirement is R.CLOCK_OVERDUE:
        clock = deadlines.status(case, when, rules)
        if clock is None:
            raise DeadlineNotPassed(f"Tidak ada batas waktu yang berjalan pada status '{label(case.state).id}'.")
        if not clock.overdue:
            raise DeadlineNotPassed(f"Batas waktu '{clock.rule.label.id}' belum lewat: jatuh tempo "
                                    f"{local_text(clock.due_at, case.tz_name)}.")
    else:  # pragma: no cover - a Requirement added to the table without a check here
        raise NotImplementedError(requirement)


def _known(ids: Iterable[str], known_rule_ids: Collection[str] | None) -> None:
    unknown = [i for i in ids if known_rule_ids is not None and i not in known_rule_ids]
    if unknown:
        raise MissingRequirement(f"Ketentuan tidak dikenal dalam buku aturan: {', '.join(unknown)}.")


def _find_row(case: CaseState, action: str, role: str) -> Transition:
    if action not in ACTIONS:
        raise UnknownAction(f"Tindakan '{action}' tidak dikenal.")
    rows = rows_for(action, case.state)
    if not rows:
        raise ActionNotAllowed(f"Tindakan '{label(action).id}' tidak dapat dilakukan pada perkara berstatus "
                               f"'{label(case.state).id}'.")
    row = next((t for t in rows if t.role == role), None)
    if row is None:
        owners = ", ".join(sorted({t.role for t in rows}))
        raise RoleNotAllowed(f"Peran {role} tidak berwenang melakukan tindakan '{label(action).id}' pada status "
                             f"'{label(case.state).id}' (hanya: {owners}).")
    return row


def apply(case: CaseState, action: str, actor: Account, when: datetime, reason: str = "",
          payload: Mapping[str, Any] | None = None, documents: Iterable[str] = (), *, expected_version: int,
          rules: "deadlines.DeadlineRules | None" = None,
          known_rule_ids: Collection[str] | None = None,
          rule_facts: "Mapping[str, substance.RuleFacts] | None" = None) -> tuple[CaseState, TransitionRecord]:
    """Take one step. Checks, in order: the version the officer saw, that the action leaves the current state,
    the actor's role, then each requirement of the row. Raises a WorkflowError and changes nothing on refusal.

    `rules` are the legal clocks (default: packaged deadlines.yaml); `known_rule_ids`, when given, refuses rule
    ids absent from the rulebook; `rule_facts`, when given, refuses rules that do not bind the reported person or
    the case's election, sanctions not based on a recommended rule and sanctions the rule does not carry.
    """
    require_aware(when)
    if case.version != expected_version:
        raise ConcurrentChange(case.version, expected_version)
    role = str(actor.role)
    row = _find_row(case, action, role)
    reason, payload = (reason or "").strip(), dict(payload or {})
    clean: dict[str, Any] = {}
    for requirement in row.requires:
        _check(requirement, case, action, when, reason, payload, clean, rules, known_rule_ids, rule_facts)
    entered = dict(case.entered)
    if row.to_state != case.state:
        entered[row.to_state] = when
    new = replace(case, state=row.to_state, version=case.version + 1, entered=entered,
                  performed={**case.performed, action: when},
                  recommended_rule_ids=tuple(clean.get("rule_ids", case.recommended_rule_ids)))
    record = TransitionRecord(who=actor, role=role, when=when, from_state=case.state, to_state=row.to_state,
                              action=action, reason=reason, payload={**payload, **clean},
                              documents=tuple(str(d) for d in documents))
    return new, record


def open_case(origin: str, when: datetime, election_kind: str, tz_name: str, *, case_id: int | str | None = None,
              actor: Account | None = None, subject: ReportedPerson = ReportedPerson(), event_date: date | None = None,
              reason: str = "", documents: Iterable[str] = ()) -> tuple[CaseState, TransitionRecord]:
    """A report from the public starts at `received`; a finding (temuan) by Bawaslu supervisors starts at
    `registered`, since supervisors register their own findings."""
    require_aware(when)
    if origin not in OPENING_ACTIONS:
        raise ValueError(f"origin must be one of {tuple(OPENING_ACTIONS)}, got {origin!r}")
    action, state = OPENING_ACTIONS[origin]
    if origin == "finding" and (actor is None or str(actor.role) != BAWASLU):
        role = "publik" if actor is None else actor.role
        raise RoleNotAllowed(f"Peran {role} tidak berwenang melakukan tindakan '{label(action).id}' (hanya: bawaslu).")
    case = CaseState(id=case_id, state=state, version=1, election_kind=election_kind, tz_name=tz_name,
                     origin=origin, entered={state: when}, performed={action: when}, subject=subject,
                     event_date=event_date)
    record = TransitionRecord(who=actor, role=str(actor.role) if actor else "public", when=when, from_state=None,
                              to_state=state, action=action, reason=(reason or "").strip(),
                              documents=tuple(str(d) for d in documents))
    return case, record


__all__ = ["TRANSITIONS", "Transition", "Requirement", "allowed_actions", "apply", "local_date", "local_text",
           "open_case"]
