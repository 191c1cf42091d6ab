"""Statistics views are kept per data version: reused across restarts, recomputed after any change."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from netra.analytics import Filters
from netra.demo.cases import DEMO_TODAY
from netra.services import analytics
from netra.services.analytics import public
from netra.storage import audit_log
from netra.storage.tables import StatsSnapshotRow

NOW = DEMO_TODAY


@pytest.fixture
def demo_db(db, demo_cases):
    demo_cases(db, 150)
    return db


def _json(tables) -> str:
    return json.dumps({k: t.as_json() for k, t in tables.items()}, sort_keys=True)


def _restart():
    """What a new process starts with: no view in memory."""
    analytics._dashboards.forget()
    public._slices.forget()


def test_a_restart_reads_the_stored_views_and_a_change_recomputes_them(demo_db, monkeypatch):
    first = analytics.public_tables(demo_db, Filters(), NOW)
    board = analytics.dashboard(demo_db, Filters(election="pilkada2024"), None, NOW)
    with demo_db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(StatsSnapshotRow)) == 2
    _restart()
    computed = []
    real_public, real_overdue = public._compute, analytics.overdue_tables

    def overdue(*a, **k):  # the dashboard asks for the PPK list too; the public view never does
        if k.get("include_ppk", True):
            computed.append("dashboard")
        return real_overdue(*a, **k)
    monkeypatch.setattr(public, "_compute", lambda *a: computed.append("public") or real_public(*a))
    monkeypatch.setattr(analytics, "overdue_tables", overdue)
    again = analytics.public_tables(demo_db, Filters(), NOW)
    board_again = analytics.dashboard(demo_db, Filters(election="pilkada2024"), None, NOW)
    assert computed == []  # read back, not recomputed
    assert _json(again) == _json(first) and _json(board_again) == _json(board)  # what pages and the API serve
    region = analytics.public_tables(demo_db, Filters(region="33"), NOW)  # a province's view came with it
    assert computed == [] and region["summary"].rows[0]["count"] is not None

    with demo_db.transaction() as s:  # any audited change moves the data version
        audit_log.append(s, "system", "change", "reference:test", {"note": "a change"})
    analytics.public_tables(demo_db, Filters(), NOW)
    analytics.dashboard(demo_db, Filters(election="pilkada2024"), None, NOW)
    assert computed == ["public", "dashboard"]
    _restart()
    analytics.public_tables(demo_db, Filters(), NOW)
    assert computed == ["public", "dashboard"]  # the recomputed view was stored in turn


def test_the_next_day_recomputes_the_overdue_figures(demo_db, monkeypatch):
    from datetime import timedelta

    analytics.public_tables(demo_db, Filters(), NOW)
    computed = []
    real = public._compute
    monkeypatch.setattr(public, "_compute", lambda *a: computed.append(a[2]) or real(*a))
    analytics.public_tables(demo_db, Filters(), NOW + timedelta(hours=1))
    assert computed == []  # same cut-offs
    analytics.public_tables(demo_db, Filters(), NOW + timedelta(days=2))
    assert len(computed) == 1  # the deadline cut-offs moved
