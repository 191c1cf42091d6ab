"""The rulebook, election calendars, legal clocks and civil-servant table in force: the packaged data plus what
administrators recorded.

Administrators correct disputed values (e.g. a sanction level, or a deadline, the sources disagree on) and add
elections without editing code; each change is validated, stored with who, when and why, written to the audit
trail, and applied on top of the packaged data everywhere the service layer hands out a rulebook, a calendar or
deadline rules.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from functools import cache
from typing import Any

import yaml
from sqlalchemy import func, select

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.cases import DeadlineDataError, DeadlineRules, default_rules, parse_rules
from netra.cases.deadlines import DATA_FILE as DEADLINES_FILE
from netra.elections import ElectionDataError, Elections, election_from_dict, load_elections
from netra.elections.calendar import Calendar
from netra.guidance import GuidanceEngine
from netra.rulebook import Override, Rulebook, RulebookError, load_rulebook
from netra.storage import audit_log
from netra.storage.database import Database
from netra.regions import load_reference_regions
from netra.regions.workforce import Workforce, WorkforceError, load_workforce, parse_workforce
from netra.storage.tables import AddedElectionRow, DeadlineVersionRow, RuleOverrideRow, WorkforceTableRow

_lock = threading.Lock()
_cache: dict[tuple, Any] = {}


class ReferenceDataError(ValueError):
    """A refused change; the message names what is wrong."""


def _version(session) -> tuple:
    """Changes only when an override or an election is added: a cheap key for the caches below."""
    return (session.scalar(select(func.max(RuleOverrideRow.id))) or 0,
            session.scalar(select(func.max(AddedElectionRow.id))) or 0)


def _build(db: Database) -> tuple[Rulebook, Elections, tuple]:
    with db.transaction() as session:
        return _build_in(session)


def _build_in(session) -> tuple[Rulebook, Elections, tuple]:
    key = (id(session.get_bind()), *_version(session))
    with _lock:
        if key in _cache:
            return _cache[key]
    overrides = [Override(r.rule_id, r.field, r.value["value"], r.by_user, r.at, r.reason)
                 for r in session.scalars(select(RuleOverrideRow).order_by(RuleOverrideRow.id))]
    added = [r.data for r in session.scalars(select(AddedElectionRow).order_by(AddedElectionRow.id))]
    rulebook = load_rulebook().with_overrides(overrides) if overrides else load_rulebook()
    elections = load_elections()
    for data in added:
        elections = elections.with_election(data)
    with _lock:
        _cache.clear()  # only the newest version is ever needed
        _cache[key] = (rulebook, elections, key)
    return rulebook, elections, key


def elections_in(session) -> Elections:
    """The calendars in force, read within an open transaction."""
    return _build_in(session)[1]


def calendar_in(session) -> Calendar:
    """The calendar in force (which election, stage and period applies), within an open transaction."""
    return Calendar(elections_in(session))


def calendar(db: Database) -> Calendar:
    return Calendar(elections(db))


_deadlines: dict[tuple, DeadlineRules] = {}


def _deadline_row(session) -> DeadlineVersionRow | None:
    return session.scalars(select(DeadlineVersionRow).order_by(DeadlineVersionRow.id.desc()).limit(1)).first()


def deadlines_in(session) -> DeadlineRules:
    """The legal clocks in force, within an open transaction: the latest administrator's version, else the packaged
    deadlines.yaml. Every clock Netra computes (workflow, case pages, worklists, statistics, the reporting limit)
    comes from here."""
    key = (id(session.get_bind()), session.scalar(select(func.max(DeadlineVersionRow.id))) or 0)
    with _lock:
        if key in _deadlines:
            return _deadlines[key]
    row = _deadline_row(session)
    rules = parse_rules(row.data, f"koreksi administrator #{row.id}") if row else default_rules()
    with _lock:
        _deadlines.clear()
        _deadlines[key] = rules
    return rules


def deadlines(db: Database) -> DeadlineRules:
    with db.transaction() as session:
        return deadlines_in(session)


def deadlines_document(db: Database) -> tuple[str, dict | None]:
    """The rules in force as YAML for editing (the packaged file, comments and all, until the first correction),
    and who changed them last ({"by", "at", "reason"} or None)."""
    with db.transaction() as session:
        row = _deadline_row(session)
        if row is None:
            return DEADLINES_FILE.read_text(encoding="utf-8"), None
        return (yaml.safe_dump(row.data, allow_unicode=True, sort_keys=False, width=110),
                {"by": row.by_user, "at": row.at, "reason": row.reason})


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted paths to values; clocks are keyed by their id, so a diff names "pilkada.clocks.ppk_followup.days"."""
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _flat(value, f"{prefix}{key}.").items()}
    if isinstance(data, list) and data and all(isinstance(v, dict) and "id" in v for v in data):
        return {k: v for item in data
                for k, v in _flat({x: y for x, y in item.items() if x != "id"}, f"{prefix}{item['id']}.").items()}
    return {prefix.rstrip("."): data}


def set_deadlines(db: Database, account: Account, text: str, reason: str, now: datetime | None = None) -> DeadlineRules:
    """Put corrected legal clocks in force (YAML as deadlines.yaml). Refused, storing nothing, when the YAML or the
    rules are invalid or nothing changes; the audit entry lists every changed value, from and to."""
    _require_admin(account)
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise ReferenceDataError("Tuliskan alasan dan sumber perubahan.")
    try:
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as ISO text, anchors expanded
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"Tenggat waktu bukan YAML yang sah: {exc}") from exc
    try:
        rules = parse_rules(data, "<administrator>")
    except DeadlineDataError as exc:
        raise ReferenceDataError(str(exc)) from exc
    with db.transaction() as session:
        row = _deadline_row(session)
        current = row.data if row else json.loads(json.dumps(yaml.safe_load(DEADLINES_FILE.read_text("utf-8")),
                                                             default=str))
        before, after = _flat(current), _flat(data)
        changes = [{"path": p, "from": before.get(p), "to": after.get(p)} for p in sorted(set(before) | set(after))
                   if before.get(p) != after.get(p)]
        if not changes:
            raise ReferenceDataError("Tidak ada nilai yang berubah dari tenggat waktu yang berlaku.")
        session.add(DeadlineVersionRow(data=data, by_user=account.username, at=now, reason=reason.strip()))
        audit_log.append(session, f"user:{account.id}", "change", "deadlines", at=now,
                         detail={"changes": changes[:100], "reason": reason.strip()})
    return rules


def rulebook(db: Database) -> Rulebook:
    return _build(db)[0]


def elections(db: Database) -> Elections:
    return _build(db)[1]


_engines: dict[tuple, GuidanceEngine] = {}


def guidance_engine(db: Database) -> GuidanceEngine:
    book, cal, key = _build(db)
    with _lock:
        if key not in _engines:
            _engines.clear()
            _engines[key] = GuidanceEngine(book, cal)
        return _engines[key]


def _require_admin(account: Account) -> None:
    if not may(account.role, Capability.ADMINISTER):
        raise ReferenceDataError("Hanya administrator yang dapat mengubah aturan atau kalender pemilihan.")


def add_override(db: Database, account: Account, rule_id: str, field: str, value: Any, reason: str,
                 now: datetime | None = None) -> Rulebook:
    """Correct one rulebook value. Refused (nothing stored) when the rule, the field or the value is invalid."""
    _require_admin(account)
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise ReferenceDataError("Tuliskan alasan dan sumber perubahan.")
    current = rulebook(db)
    try:
        changed = current.with_overrides(Override(rule_id, field, value, account.username, now, reason.strip()))
    except RulebookError as exc:
        raise ReferenceDataError(str(exc)) from exc
    with db.transaction() as session:
        session.add(RuleOverrideRow(rule_id=rule_id, field=field, value={"value": value}, by_user=account.username,
                                    at=now, reason=reason.strip()))
        audit_log.append(session, f"user:{account.id}", "change", f"rule:{rule_id}", at=now,
                         detail={"field": field, "from": current[rule_id].value_at(field), "to": value,
                                 "reason": reason.strip()})
    return changed


def add_election(db: Database, account: Account, data: dict, now: datetime | None = None) -> Elections:
    _require_admin(account)
    now = now or datetime.now(timezone.utc)
    current = elections(db)
    try:
        election = election_from_dict(data, source="<administrator>")
        if current.get(election.id) is not None:
            raise ReferenceDataError(f"Pemilihan '{election.id}' sudah ada.")
        changed = current.with_election(data)
    except ElectionDataError as exc:
        raise ReferenceDataError(str(exc)) from exc
    with db.transaction() as session:
        session.add(AddedElectionRow(election_id=election.id, data=data, by_user=account.username, at=now))
        audit_log.append(session, f"user:{account.id}", "create", f"election:{election.id}", at=now,
                         detail={"stages": len(election.stages)})
    return changed


# ------------------------------------------------------------------------------------------------ workforce


@cache
def _region_codes() -> set[str]:
    return {r.code for r in load_reference_regions()}


def workforce(db: Database) -> Workforce:
    """The civil-servant counts in force: the latest table an administrator installed, else the packaged one."""
    with db.transaction() as session:
        return workforce_in(session)


def workforce_in(session) -> Workforce:
    """The same, read within an open transaction."""
    data = session.scalars(select(WorkforceTableRow.data).order_by(WorkforceTableRow.id.desc()).limit(1)).first()
    if data:
        return parse_workforce(json.dumps(data), _region_codes(), "installed workforce table")
    return _packaged_workforce()


@cache
def _packaged_workforce() -> Workforce:
    return load_workforce(None, _region_codes())


def install_workforce(db: Database, account: Account, text: str, reason: str, now: datetime | None = None) -> Workforce:
    """Put a civil-servant table in force (YAML as data/workforce.yaml). Refused, storing nothing, when invalid."""
    _require_admin(account)
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise ReferenceDataError("Tuliskan alasan dan sumber perubahan.")
    try:
        table = parse_workforce(text, _region_codes())
    except WorkforceError as exc:
        raise ReferenceDataError(str(exc)) from exc
    data = {"label": {"id": table.label_id, "en": table.label_en}, "as_of": table.as_of, "source": table.source,
            "caveats": [{"id": i, "en": e} for i, e in table.caveats], "counts": table.counts}
    with db.transaction() as session:
        session.add(WorkforceTableRow(data=data, by_user=account.username, at=now, reason=reason.strip()))
        audit_log.append(session, f"user:{account.id}", "change", "workforce", at=now,
                         detail={"label": table.label_en, "as_of": table.as_of, "regions": len(table.counts),
                                 "reason": reason.strip()})
    return table
