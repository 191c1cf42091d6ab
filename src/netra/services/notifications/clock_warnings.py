"""Legal-clock warnings: when a case's running clock becomes due soon, and again when it runs out, the officers of
the role that owns the clock (netra.cases.deadlines: `owner`) in the case's region are told, once per threshold:
the warning's primary key (case, clock, its start, threshold) is written with the notifications, so neither a
second worker nor the next tick repeats it. A new clock (the case moved on) warns afresh.

The cases come from the stored clocks the worklist filters on (netra.services.case_clocks), so a warning, the
digest and the worklist's overdue and due-soon views always agree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.notifications.preferences import CLOCK
from netra.services import analytics, case_clocks, reference_data
from netra.services.notifications import messages, preferences, webhooks
from netra.services.notifications.messages import ClockItem
from netra.services.notifications.planner import tell
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import CaseRow, CaseStatsRow, ClockWarningRow, RegionRow

S = CaseStatsRow
OVERDUE, SOON = "overdue", "soon"


def running_late(session: Session, now: datetime, threshold: str, scope: Account | None = None):
    """(ClockItem, ClockStatus) of live cases whose clock is overdue (OVERDUE) or due soon (SOON) at `now`, oldest
    clock first; within `scope` when given. The caller synced the stored clocks (analytics.sync)."""
    rules = reference_data.deadlines_in(session)
    condition = case_clocks.overdue(now) if threshold == OVERDUE else case_clocks.due_soon(now, rules)
    query = (select(CaseRow.id, CaseRow.region_code, RegionRow.name, S.clock, S.clock_zone, S.clock_started_at,
                    S.clock_extended)
             .join(S, S.case_id == CaseRow.id).join(RegionRow, RegionRow.code == CaseRow.region_code)
             .where(condition, CaseRow.merged_into_id.is_(None)).order_by(S.clock_started_at, CaseRow.id))
    if scope is not None:
        query = query.where(within(scope, CaseRow.region_code))
    found = []
    for case_id, region_code, region, clock, zone, started, extended in session.execute(query):
        status = case_clocks.status_of(clock, zone, started, extended, now, rules)
        if status is not None:
            found.append((ClockItem(case_id, region, zone, status.rule.label, status.due_at, status.days_overdue),
                          status, region_code, clock))
    return found


def warn(db: Database, now: datetime) -> int:
    """Warn of every clock that crossed a threshold since the last look; the number of warnings given."""
    analytics.sync(db)
    given = 0
    with db.transaction() as session:
        insert_ = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)
        for threshold in (OVERDUE, SOON):
            for item, status, region_code, clock in running_late(session, now, threshold):
                first = session.execute(insert_(ClockWarningRow).values(
                    case_id=item.case_id, clock=clock, started_at=status.started_at, threshold=threshold,
                    created_at=now).on_conflict_do_nothing().returning(ClockWarningRow.case_id)).first()
                if first is None:  # given before (rowcount is unreliable for ORM inserts on PostgreSQL)
                    continue
                heard = [a for a in preferences.active_accounts(session, [status.rule.owner])
                         if a.may_see(region_code)]
                tell(session, heard, CLOCK, item.case_id,
                     lambda a, lang: messages.clock_warning(item, threshold == OVERDUE, lang), now)
                webhooks.enqueue(session, CLOCK, item.case_id, region_code, now,
                                 {"threshold": threshold, "due_at": status.due_at.isoformat()})
                given += 1
    return given
