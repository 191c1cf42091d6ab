"""The legal clocks of many stored cases at once, from the clock columns of case_stats (kept in step with every
case change by netra.services.analytics.facts): the SQL that picks the overdue and the due-soon cases, and each
listed case's ClockStatus, without reading any history.

Overdue compares the due instant stored per row; due-soon uses the cut-offs of netra.analytics.clocks, which turn
netra.cases.status around (a clock's due instant depends only on the local day it started). Both agree with every
case page.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import ColumnElement, and_, false, or_

from netra.analytics import cutoffs
from netra.cases import ClockStatus, DeadlineRules, RunningClock, clock_status
from netra.regions.model import TimeZone
from netra.storage.tables import CaseStatsRow

S = CaseStatsRow


def _key(rule) -> str:
    return f"{rule.election_kind}:{rule.id}"  # as facts stores it in case_stats.clock


def _due_soon(now: datetime, rules: DeadlineRules) -> ColumnElement[bool]:
    conditions = []
    for cut in cutoffs(now, rules):
        same = and_(S.clock == _key(cut.rule), S.clock_zone == cut.zone, S.clock_extended.is_(cut.extended))
        conditions.append(and_(same, S.clock_start_day > cut.last_day, S.clock_start_day <= cut.soon_last_day))
    return or_(*conditions) if conditions else false()


def overdue(now: datetime) -> ColumnElement[bool]:
    """case_stats rows whose running clock is past due at `now` (each row holds its clock's due instant, computed
    as netra.cases.status computes it)."""
    return S.clock_due_at < now


def due_soon(now: datetime, rules: DeadlineRules) -> ColumnElement[bool]:
    """case_stats rows whose running clock is not overdue but due by the end of the next (working) day."""
    return _due_soon(now, rules)


def status_of(clock: str | None, zone: str | None, started_at: datetime | None, extended: bool, now: datetime,
              rules: DeadlineRules) -> ClockStatus | None:
    """One listed case's clock from its stored columns (None when no clock runs)."""
    if not clock or started_at is None:
        return None
    rule = next((r for r in rules.clocks if _key(r) == clock), None)
    if rule is None:  # rows computed under other rules are rebuilt on the next sync
        return None
    started = started_at if started_at.tzinfo else started_at.replace(tzinfo=timezone.utc)  # SQLite drops it
    return clock_status(RunningClock(rule, started, bool(extended)), TimeZone(zone).zoneinfo.key, now, rules)


__all__ = ["due_soon", "overdue", "status_of"]
