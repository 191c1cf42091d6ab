"""The set-based rebuild of case_stats and case_rollup gives exactly the rows of the row-by-row definition.

facts.rebuild reads cases by ranges of ids, writes with COPY on PostgreSQL and counts case_rollup in memory from the
rows it computes. The reference here is the plain definition: each live case loaded on its own through the ORM with
its whole history, its row made by facts._row (what the case pages' clocks use), and case_rollup counted by
rollup.counts from the stored case_stats rows. A mixed data set: the demo cases, a case merged away, a
recommendation naming several rules (case_stats_rules), a sanctioned case closed afterwards, a finding.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from netra.accounts.roles import Role
from netra.demo.cases import DEMO_TODAY
from netra.services import analytics, reference_data
from netra.services.accounts import create_account
from netra.services.analytics import facts, rollup
from netra.services.case_workflow import take_step
from netra.storage import bulk
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import (
    CaseEventRow, CaseRollupRow, CaseRow, CaseStatsRow, CaseStatsRuleRow, RegionRow,
)

NOW = DEMO_TODAY


def _plain(value):
    """Times as UTC without zone, as either database returns them (SQLite keeps no zone)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _row_by_row(db):
    """case_stats and case_stats_rules as the definition makes them: one case at a time, ORM objects."""
    rows, extras = {}, set()
    with db.transaction() as s:
        kind_of, rules = reference_data.calendar_in(s).kind, reference_data.deadlines_in(s)
        for case, zone in s.execute(select(CaseRow, RegionRow.timezone)
                                    .join(RegionRow, RegionRow.code == CaseRow.region_code)
                                    .where(CaseRow.merged_into_id.is_(None))):
            events = [(e.action, e.to_status, facts._aware(e.at), e.payload) for e in s.scalars(
                select(CaseEventRow).where(CaseEventRow.case_id == case.id)
                .order_by(CaseEventRow.at, CaseEventRow.id))]
            row, more = facts._row(case, zone, events, kind_of, rules)
            rows[case.id] = {k: _plain(v) for k, v in row.items()}
            extras |= {(e["case_id"], e["rule_id"]) for e in more}
    return rows, extras


def _stored(db):
    with db.transaction() as s:
        rows = {r["case_id"]: {k: _plain(v) for k, v in r.items()}
                for r in s.execute(select(CaseStatsRow.__table__)).mappings()}
        extras = {tuple(r) for r in s.execute(select(CaseStatsRuleRow.case_id, CaseStatsRuleRow.rule_id))}
        stored = Counter({tuple(r[:7]): r[7] for r in s.execute(select(
            CaseRollupRow.measure, CaseRollupRow.stage, CaseRollupRow.province_code, CaseRollupRow.election_id,
            CaseRollupRow.k1, CaseRollupRow.k2, CaseRollupRow.day, CaseRollupRow.n)
            .where(CaseRollupRow.measure != rollup.FINGERPRINT))})
        counted = +rollup.counts(s)  # the counts' definition, over the stored rows
    return rows, extras, stored, counted


@pytest.fixture
def mixed_db(db, tmp_path, demo_cases):
    demo_cases(db, 300)
    with db.transaction() as s:
        cases = s.execute(select(CaseRow.id, CaseRow.status, CaseRow.version, CaseRow.region_code)
                          .order_by(CaseRow.id)).all()
    provinces = tuple(sorted({c.region_code[:2] for c in cases}))
    bawaslu = create_account(db, "bawaslu.rebuild", "", "kata-sandi-uji-coba", Role.BAWASLU, provinces)
    store = EvidenceStore(tmp_path / "ev")
    reviewing = [c for c in cases if c.status == "under_review"]
    take_step(db, store, bawaslu, reviewing[0].id, "recommend", reviewing[0].version, reason="Terbukti.",
              payload={"rule_ids": ["skb2022.disiplin.2", "skb2022.disiplin.8", "skb2022.disiplin.2"]}, now=NOW)
    with db.transaction() as s:  # a case merged into another (what link_cases leaves): it has no row of its own
        s.execute(update(CaseRow).where(CaseRow.id == cases[1].id).values(merged_into_id=cases[0].id))
    return db


def test_fast_rebuild_equals_the_row_by_row_definition(mixed_db, monkeypatch):
    # Small steps so a few hundred cases take several id ranges, and PostgreSQL's COPY path runs.
    monkeypatch.setattr(facts, "REBUILD_CHUNK", 37)
    monkeypatch.setattr(bulk, "COPY_FROM", 5)
    with mixed_db.transaction() as s:
        written = facts.rebuild(s)
    expected_rows, expected_extras = _row_by_row(mixed_db)
    rows, extras, stored, counted = _stored(mixed_db)
    assert written == len(expected_rows) == len(rows)
    differences = {case_id: {c: (v, expected_rows[case_id][c]) for c, v in row.items() if v != expected_rows[case_id][c]}
                   for case_id, row in rows.items() if row != expected_rows.get(case_id)}
    assert differences == {}
    assert rows == expected_rows
    assert extras == expected_extras and extras  # the several-rule recommendation is there
    assert stored == counted
    # The mix holds what the rows must tell apart.
    statuses = Counter(r["status"] for r in rows.values())
    assert statuses["closed"] and statuses["under_review"] and statuses["sent_to_ppk"] + statuses["not_followed_up"], statuses
    assert any(r["sanctioned_at"] and r["status"] == "closed" for r in rows.values())
    assert any(r["origin"] == "finding" for r in rows.values()) and any(r["clock_due_at"] for r in rows.values())
    with mixed_db.transaction() as s:
        merged = s.scalars(select(CaseRow.id).where(CaseRow.merged_into_id.isnot(None))).all()
    assert merged and not set(merged) & set(rows)


def test_an_incremental_refresh_of_every_case_equals_the_rebuild(mixed_db):
    with mixed_db.transaction() as s:
        facts.rebuild(s)
    rebuilt = _stored(mixed_db)
    with mixed_db.transaction() as s:
        facts.refresh(s, s.scalars(select(CaseRow.id)).all())
    assert _stored(mixed_db) == rebuilt
    assert analytics.dashboard(mixed_db, analytics.Filters(), None, NOW, cached=False)["summary"].rows[0]["count"] \
        == len(rebuilt[0])
