"""case_stats: the flattened, per-case table the statistics read, kept in step with the cases.

How it stays correct when cases change
--------------------------------------
Every change to a case goes through the case repository, which records a domain event in the outbox in the same
transaction (netra.storage.outbox; opened, workflow step, linked, supplemented, bulk-loaded). Statistics are one
consumer of that outbox (``CONSUMER``): ``sync`` locks the consumer's position, recomputes the rows of the cases
named by the events after it from ``cases`` and ``case_events`` — the same computation as a full ``rebuild`` — and
moves the position on, all in one transaction, so each event is applied once. ``sync`` rebuilds instead the first
time (no position yet). Every statistics read, and every worklist that reads the stored clocks, calls ``sync``
first (netra.services.analytics.sync), so a figure never lags a committed change; between changes that costs two
indexed lookups and no write. The same transaction moves the rewritten rows' counts in ``case_rollup`` (see
rollup.py), so the two tables never disagree. Rows also depend on the deadline rules and calendars: a change of
them (a release, or an administrator's correction) is noticed by ``rules_fingerprint`` and rebuilds both tables on
the first read.

A row holds what the filters and charts need: region, election, event date, status, family, channel, origin,
position group (netra.analytics.positions), agency; from the history, the first time the case was opened,
registered, recommended and sanctioned, the rules named, the PPK it was sent to, and the legal clock running in its
current state with its start, whether it was extended and its due instant (netra.cases.running_clock and
due_at, as each case page computes them, so the overdue lists agree with the case pages).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import cache, lru_cache
from importlib import resources

from sqlalchemy import case, delete, null, select

from netra.analytics.positions import position_group
from netra.cases import CaseState, due_at, running_clock
from netra.regions.model import TimeZone, province_of
from netra.services import reference_data
from netra.services.analytics import rollup
from netra.storage import outbox
from netra.storage.bulk import insert_rows
from netra.storage.tables import CaseEventRow, CaseRollupRow, CaseRow, CaseStatsRow, CaseStatsRuleRow, RegionRow

CONSUMER = "statistics"  # this module's position in the outbox
CHUNK = 2000  # cases per step of an incremental refresh
REBUILD_CHUNK = 20_000  # cases per step of a rebuild (a range of ids)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _kinds(session):
    """Election id -> kind, from the calendar in force; an unknown id raises UnknownElection."""
    return reference_data.calendar_in(session).kind


def _tenths(start: datetime | None, end: datetime | None) -> int | None:
    """Elapsed time in tenths of a day, rounded down (the unit of the funnel's median step times)."""
    if start is None or end is None:
        return None
    return math.floor((end - start).total_seconds() / 8640)


@lru_cache(maxsize=8192)
def _position_group(position: str | None) -> str:
    return position_group(position)  # positions repeat a lot across a million cases


def _row(case, zone: str, events: list[tuple], kind_of, rules):
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
    kind = kind_of(case.election_id)
    tz = TimeZone(zone).zoneinfo
    running = None
    if events:
        running = running_clock(CaseState.from_events(
            [(a, s, at) for a, s, at, _ in events], id=case.id, version=case.version, election_kind=kind,
            tz_name=tz.key, origin=case.origin), rules)
    clock = f"{kind}:{running.rule.id}" if running else None
    started, extended = (running.started_at, running.extended) if running else (None, False)
    # Stored in UTC: SQLite keeps no zone, and a local end of day stored as is compared hours off with `now`.
    due = due_at(started, running.rule, tz.key, extended=extended,
                 calendar=rules.calendar).astimezone(timezone.utc) if running else None
    opened = first.get("submit") or first.get("record_finding")
    registered = first.get("register") or first.get("record_finding")
    recommended, sanctioned = first.get("recommend"), first.get("impose_sanction")
    row = dict(
        case_id=case.id, province_code=province_of(case.region_code), region_code=case.region_code,
        election_id=case.election_id, event_date=case.event_date, status=case.status, family=case.family,
        channel=case.channel, origin=case.origin, position_group=_position_group(case.reported_position),
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


def refresh(session, case_ids: Iterable[int]) -> int:
    """Recompute the rows of `case_ids` (deleting those of cases merged away or gone); returns rows written."""
    ids = sorted(set(case_ids))
    written = 0
    kind_of, rules = _kinds(session), reference_data.deadlines_in(session)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        delta = rollup.counts(session, chunk, sign=-1)  # the old rows' share of the rollup goes ...
        session.execute(delete(CaseStatsRuleRow).where(CaseStatsRuleRow.case_id.in_(chunk)))
        session.execute(delete(CaseStatsRow).where(CaseStatsRow.case_id.in_(chunk)))
        rows, extras = _compute(session, CaseRow.id.in_(chunk), CaseEventRow.case_id.in_(chunk), kind_of, rules)
        insert_rows(session, CaseStatsRow.__table__, rows)
        insert_rows(session, CaseStatsRuleRow.__table__, extras)
        written += len(rows)
        delta.update(rollup.counts(session, chunk))  # ... and the new rows' comes in, in the same transaction
        rollup.apply(session, delta)
    return written


# What a row needs of a case: plain columns, not ORM objects (at a million cases, building the objects and
# flushing them row by row took most of a rebuild).
_CASE_COLUMNS = (CaseRow.id, CaseRow.version, CaseRow.region_code, CaseRow.election_id, CaseRow.event_date,
                 CaseRow.status, CaseRow.family, CaseRow.channel, CaseRow.origin, CaseRow.reported_position,
                 CaseRow.reported_agency, RegionRow.timezone)
_PAYLOAD_ACTIONS = ("recommend", "impose_sanction", "send_to_ppk")  # the only steps whose payload a row reads


def _compute(session, case_filter, event_filter, kind_of, rules) -> tuple[list[dict], list[dict]]:
    """The case_stats rows and rule rows of the live cases matching `case_filter`, from their history
    (`event_filter` selects at least those cases' events)."""
    cases = session.execute(select(*_CASE_COLUMNS).join(RegionRow, RegionRow.code == CaseRow.region_code)
                            .where(case_filter, CaseRow.merged_into_id.is_(None)).order_by(CaseRow.id)).all()
    if not cases:
        return [], []
    history: dict[int, list[tuple]] = defaultdict(list)
    payload = case((CaseEventRow.action.in_(_PAYLOAD_ACTIONS), CaseEventRow.payload), else_=null())
    for case_id, action, to_status, at, data in session.execute(
            select(CaseEventRow.case_id, CaseEventRow.action, CaseEventRow.to_status, CaseEventRow.at, payload)
            .where(event_filter).order_by(CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.id)):
        history[case_id].append((action, to_status, _aware(at), data))
    rows, extras = [], []
    for c in cases:
        row, more = _row(c, c.timezone, history.get(c.id, []), kind_of, rules)
        rows.append(row)
        extras += more
    return rows, extras


def rebuild(session, progress=None) -> int:
    """Recompute the whole table from cases and case_events (first use, new rules, or on demand), and move the
    statistics' outbox position to the newest event: every change up to it is in the rebuilt rows.

    Set-based: cases are read by ranges of ids with their history (one ordered scan each), rows are computed in
    Python (the clocks need the calendars), written with COPY on PostgreSQL, and case_rollup is counted from the
    same rows in memory and written once, instead of read back and upserted (rollup.counts defines the same
    counts over stored rows; tests/analytics check that both agree)."""
    outbox.lock(session, CONSUMER)
    latest = outbox.latest_id(session)  # read before the cases: every event up to it is committed and seen below
    session.execute(delete(CaseStatsRuleRow))
    session.execute(delete(CaseStatsRow))
    session.execute(delete(CaseRollupRow))
    kind_of, rules = _kinds(session), reference_data.deadlines_in(session)
    counter = rollup.Counts(session)
    written, last = 0, 0
    while True:
        ids = list(session.scalars(select(CaseRow.id).where(CaseRow.id > last).order_by(CaseRow.id)
                                   .limit(REBUILD_CHUNK)))
        if not ids:
            break
        first, last = ids[0], ids[-1]
        rows, extras = _compute(session, CaseRow.id.between(first, last), CaseEventRow.case_id.between(first, last),
                                kind_of, rules)
        insert_rows(session, CaseStatsRow.__table__, rows)
        insert_rows(session, CaseStatsRuleRow.__table__, extras)
        counter.add(rows, extras)
        written += len(rows)
        if progress:
            progress(written)
    rollup.rebuild(session, rules_fingerprint(session), counter.total)
    outbox.advance(session, CONSUMER, latest)
    return written


# Bumped when what case_stats or case_rollup hold changes (2: "standing" replaced "status" and "reached";
# 3: clock_due_at stored in UTC, which SQLite had kept as local time without its zone; 4: counts by event month;
# 5: counts by region and by event day, for the regions and trend charts; 6: counts by violation family).
ROLLUP_FORMAT = 6


def rules_fingerprint(session) -> str:
    """What the stored rows were computed with besides the cases: the deadline rules in force (which clock runs),
    the packaged calendars (which stage a date is in) and the rollup's format. A release or an administrator's
    correction that changes any of them rebuilds the tables on first read. Elections an administrator adds are new
    ids, so they never change the rows of existing cases."""
    return _fingerprint(reference_data.deadlines_in(session).digest)


@cache
def _fingerprint(deadlines_digest: str) -> str:
    digest = hashlib.sha256(f"rollup {ROLLUP_FORMAT}\0{deadlines_digest}".encode())
    for entry in sorted(resources.files("netra.elections").joinpath("data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:32]


def behind(session) -> bool:
    """Lock-free look: has a case changed, or have the rules, since the rows were computed?"""
    return outbox.pending(session, CONSUMER) or rollup.stored_fingerprint(session) != rules_fingerprint(session)


def sync(session) -> int:
    """Bring case_stats up to date with every case change committed so far; returns rows recomputed."""
    position = outbox.lock(session, CONSUMER)  # one sync at a time; the next waits, then finds nothing to do
    if position == outbox.NEW_CONSUMER or rollup.stored_fingerprint(session) != rules_fingerprint(session):
        return rebuild(session)
    events = outbox.events_after(session, position)
    if not events:
        return 0
    written = refresh(session, {e.case_id for e in events})
    outbox.advance(session, CONSUMER, events[-1].id)
    return written


__all__ = ["CONSUMER", "behind", "rebuild", "refresh", "rules_fingerprint", "sync"]
