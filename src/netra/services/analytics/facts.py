"""case_stats: the flattened, per-case table the statistics read, kept in step with the cases.

How it stays correct when cases change
--------------------------------------
Every change to a case is recorded in the audit log in the same transaction (intake: ``create``/``change`` on
``case:<id>``; workflow steps: ``transition``; linking: ``change`` with ``detail.linked``; the demo loader:
``demo:cases``), and audit sequence numbers are handed out under a lock, so they follow commit order with no gaps.
The audit log is therefore a complete, ordered change feed. ``sync`` reads the entries after the last one applied
(the highest ``case_stats.audit_seq``) and recomputes the rows of the cases they name from ``cases`` and
``case_events`` — the same computation as a full ``rebuild``, which ``sync`` runs when it meets the demo loader's
entry or finds the table empty while cases exist. Every statistics read calls ``sync`` first, inside its own
transaction, so a figure never lags a committed change; between changes ``sync`` costs two indexed lookups.
The same transaction moves the rewritten rows' counts in ``case_rollup`` (see rollup.py), so the two tables never
disagree. Rows also depend on the packaged deadline rules and calendars: a release that changes them is noticed by
``rules_fingerprint`` and rebuilds both tables on the first read.

A row holds what the filters and charts need: region, election, event date, status, family, channel, origin,
position group (netra.analytics.positions), agency; from the history, the first time the case was opened,
registered, recommended and sanctioned, the rules named, the PPK it was sent to, and the legal clock running in its
current state with its start, whether it was extended and its due instant (the same values ``netra.cases.status``
uses, so the overdue lists agree with each case page).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import cache
from importlib import resources

from sqlalchemy import delete, func, insert, or_, select, text

from netra.analytics.positions import position_group
from netra.cases import CaseState, default_rules, due_at
from netra.regions.model import TimeZone
from netra.services import reference_data
from netra.services.analytics import rollup
from netra.storage.tables import (
    AuditRow, CaseEventRow, CaseRollupRow, CaseRow, CaseStatsRow, CaseStatsRuleRow, RegionRow,
)

DEMO_MARKER = "demo:cases"
CHUNK = 2000
_LOCK_KEY = 7_460_001  # pg_advisory_xact_lock key: one sync at a time


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _kinds(session) -> dict[str, str]:
    return {e.id: e.kind.value for e in reference_data.elections_in(session)}


def _tenths(start: datetime | None, end: datetime | None) -> int | None:
    """Elapsed time in tenths of a day, rounded down (the unit of the funnel's median step times)."""
    if start is None or end is None:
        return None
    return math.floor((end - start).total_seconds() / 8640)


def _row(case: CaseRow, zone: str, events: list[tuple], kinds: dict[str, str], rules, seq: int):
    """The case_stats row and extra rule rows of one case, from its row and its history (chronological)."""
    first: dict[str, datetime] = {}
    recommended_rules: list[str] = []
    sanction_rule = None
    ppk = ""
    for action, _to, at, payload in events:
        first.setdefault(action, at)
        payload = payload or {}
        if action == "recommend" and not recommended_rules:
            recommended_rules = [str(r) for r in payload.get("rule_ids") or []]
        elif action == "impose_sanction" and sanction_rule is None and payload.get("rule_id"):
            sanction_rule = str(payload["rule_id"])
        elif action == "send_to_ppk":
            ppk = str(payload.get("ppk") or "")
    kind = kinds.get(case.election_id, "pilkada")
    clock = started = due = None
    extended = False
    if events:
        state = CaseState.from_events([(a, s, at) for a, s, at, _ in events], id=case.id, version=case.version,
                                      election_kind=kind, tz_name=TimeZone(zone).zoneinfo.key, origin=case.origin)
        rule = rules.clock_for(state.state, kind)
        if rule is not None:
            starts = [state.entered[s] for s in rule.start_states if s in state.entered]
            started = min(starts) if starts else state.state_since
            done = state.performed.get(rule.extension_action) if rule.extension_action else None
            extended = done is not None and done >= started
            clock = f"{kind}:{rule.id}"
            due = due_at(started, rule, state.tz_name, extended=extended, calendar=rules.calendar)
    opened = first.get("submit") or first.get("record_finding")
    registered = first.get("register") or first.get("record_finding")
    recommended, sanctioned = first.get("recommend"), first.get("impose_sanction")
    tz = TimeZone(zone).zoneinfo
    row = dict(
        case_id=case.id, audit_seq=seq, province_code=case.region_code.split(".", 1)[0], region_code=case.region_code,
        election_id=case.election_id, event_date=case.event_date, status=case.status, family=case.family,
        channel=case.channel, origin=case.origin, position_group=position_group(case.reported_position),
        agency=(case.reported_agency or "").strip()[:200],
        opened_at=opened, registered_at=registered, recommended_at=recommended, sanctioned_at=sanctioned,
        # Findings are registered when recorded, so only reports time the registration step.
        registered_tenths=_tenths(opened, registered) if case.origin == "report" else None,
        recommended_tenths=_tenths(registered, recommended), sanctioned_tenths=_tenths(recommended, sanctioned),
        recommended_rule=recommended_rules[0][:60] if recommended_rules else None,
        sanction_rule=sanction_rule[:60] if sanction_rule else None,
        clock=clock, clock_zone=zone if clock else None, clock_started_at=started if clock else None,
        clock_extended=extended, ppk=ppk.strip()[:200],
        clock_start_day=started.astimezone(tz).date() if clock else None, clock_due_at=due,
    )
    extras = [dict(case_id=case.id, rule_id=r[:60]) for r in dict.fromkeys(recommended_rules[1:])]
    return row, extras


def refresh(session, case_ids: Iterable[int], seq: int) -> int:
    """Recompute the rows of `case_ids` (deleting those of cases merged away or gone); returns rows written."""
    ids = sorted(set(case_ids))
    written = 0
    kinds, rules = _kinds(session), default_rules()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        delta = rollup.counts(session, chunk, sign=-1)  # the old rows' share of the rollup goes ...
        session.execute(delete(CaseStatsRuleRow).where(CaseStatsRuleRow.case_id.in_(chunk)))
        session.execute(delete(CaseStatsRow).where(CaseStatsRow.case_id.in_(chunk)))
        written += _insert(session, select(CaseRow, RegionRow.timezone).join(RegionRow, RegionRow.code == CaseRow.region_code)
                           .where(CaseRow.id.in_(chunk), CaseRow.merged_into_id.is_(None)), chunk, kinds, rules, seq)
        delta.update(rollup.counts(session, chunk))  # ... and the new rows' comes in, in the same transaction
        rollup.apply(session, delta)
    return written


def _insert(session, case_query, chunk_ids, kinds, rules, seq) -> int:
    cases = session.execute(case_query).all()
    if not cases:
        return 0
    history: dict[int, list[tuple]] = defaultdict(list)
    live = [c.id for c, _ in cases]
    for case_id, action, to_status, at, payload in session.execute(
            select(CaseEventRow.case_id, CaseEventRow.action, CaseEventRow.to_status, CaseEventRow.at,
                   CaseEventRow.payload)
            .where(CaseEventRow.case_id.in_(live)).order_by(CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.id)):
        history[case_id].append((action, to_status, _aware(at), payload))
    rows, extras = [], []
    for case, zone in cases:
        row, more = _row(case, zone, history.get(case.id, []), kinds, rules, seq)
        rows.append(row)
        extras += more
    session.execute(insert(CaseStatsRow), rows)
    if extras:
        session.execute(insert(CaseStatsRuleRow), extras)
    return len(rows)


def rebuild(session, seq: int | None = None, progress=None) -> int:
    """Recompute the whole table from cases and case_events (first use, demo load, or on demand)."""
    if seq is None:
        seq = session.scalar(select(func.max(AuditRow.seq))) or 0
    session.execute(delete(CaseStatsRuleRow))
    session.execute(delete(CaseStatsRow))
    session.execute(delete(CaseRollupRow))
    kinds, rules = _kinds(session), default_rules()
    written, last = 0, 0
    while True:
        ids = list(session.scalars(select(CaseRow.id).where(CaseRow.id > last).order_by(CaseRow.id).limit(CHUNK * 5)))
        if not ids:
            break
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            written += _insert(session, select(CaseRow, RegionRow.timezone)
                               .join(RegionRow, RegionRow.code == CaseRow.region_code)
                               .where(CaseRow.id.in_(chunk), CaseRow.merged_into_id.is_(None)), chunk, kinds, rules, seq)
        last = ids[-1]
        if progress:
            progress(written)
    rollup.rebuild(session, rules_fingerprint())
    return written


# Bumped when what case_rollup counts changes (2: "standing" replaced "status" and "reached").
ROLLUP_FORMAT = 2


@cache
def rules_fingerprint() -> str:
    """What the stored rows were computed with besides the cases: the packaged deadline rules (which clock runs)
    and calendars (which stage a date is in), and the rollup's format. A release that changes any of them rebuilds
    the tables on first read. Elections an administrator adds are new ids, so they never change existing rows."""
    digest = hashlib.sha256(f"rollup {ROLLUP_FORMAT}\0".encode())
    for package, folder in (("netra.cases", "data"), ("netra.elections", "data")):
        for entry in sorted(resources.files(package).joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:32]


def _case_ids(entity: str, detail) -> list[int]:
    ids = []
    if entity.startswith("case:") and entity[5:].isdigit():
        ids.append(int(entity[5:]))
    if isinstance(detail, dict) and str(detail.get("linked", "")).isdigit():
        ids.append(int(detail["linked"]))
    return ids


def sync(session) -> int:
    """Bring case_stats up to date with every case change committed so far; returns rows recomputed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    applied = session.scalar(select(func.max(CaseStatsRow.audit_seq)))
    if applied is None:  # empty: first use after the migration, or no cases at all
        if session.scalar(select(CaseRow.id).limit(1)) is None:
            return 0
        return rebuild(session)
    if rollup.stored_fingerprint(session) != rules_fingerprint():
        return rebuild(session)  # new deadline rules or corrected calendars: clocks and stage keys are recomputed
    entries = session.execute(
        select(AuditRow.seq, AuditRow.entity, AuditRow.detail)
        .where(AuditRow.seq > applied, or_(AuditRow.entity.startswith("case:"), AuditRow.entity == DEMO_MARKER))
        .order_by(AuditRow.seq)).all()
    if not entries:
        return 0
    last = entries[-1].seq
    if any(e.entity == DEMO_MARKER for e in entries):
        return rebuild(session, last)
    ids = {i for e in entries for i in _case_ids(e.entity, e.detail)}
    return refresh(session, ids, last)


__all__ = ["DEMO_MARKER", "rebuild", "refresh", "rules_fingerprint", "sync"]
