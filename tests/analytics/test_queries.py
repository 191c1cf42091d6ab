"""Every statistic checked against the stored cases and history, on SQLite and PostgreSQL."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from netra.accounts.roles import Role
from netra.analytics import Filters, position_group
from netra.demo.cases import DEMO_TODAY
from netra.services import analytics
from netra.services.accounts import create_account
from netra.intake.report import ReportDraft
from netra.services.case_workflow import clocks_for, take_step
from netra.services.intake import submit_report
from netra.services.monitoring import check_out, decide, screen_and_queue
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseEventRow, CaseRollupRow, CaseRow, CaseStatsRow

NOW = DEMO_TODAY


@pytest.fixture
def demo_db(db, demo_cases):
    demo_cases(db, 400)
    return db


def _cases(db, prefix=""):
    with db.transaction() as s:
        return [c for c in s.scalars(select(CaseRow).where(CaseRow.merged_into_id.is_(None)))
                if c.region_code == prefix or c.region_code.startswith(prefix)]


def _events(db):
    with db.transaction() as s:
        return s.execute(select(CaseEventRow.case_id, CaseEventRow.action, CaseEventRow.payload)
                         .order_by(CaseEventRow.at, CaseEventRow.id)).all()


def _rows(table, key="key", value="count"):
    return {r[key]: r[value] for r in table.rows}


def test_counts_match_the_cases(demo_db):
    tables = analytics.dashboard(demo_db, Filters(), None, NOW)
    cases = _cases(demo_db)
    assert tables["summary"].rows[0]["count"] == len(cases)
    assert Counter(r["status"] for r in tables["status"].rows for _ in range(r["count"])) == Counter(
        c.status for c in cases)
    assert _rows(tables["family"]) == dict(Counter(c.family or "unknown" for c in cases))
    assert _rows(tables["channel"]) == dict(Counter(c.channel or "unknown" for c in cases))
    assert _rows(tables["origin"]) == dict(Counter(c.origin for c in cases))
    assert _rows(tables["position"]) == dict(Counter(position_group(c.reported_position) for c in cases))
    assert _rows(tables["regency"]) == dict(Counter(c.region_code for c in cases))
    assert _rows(tables["province"]) == dict(Counter(c.region_code.split(".")[0] for c in cases))
    weeks = Counter((c.event_date - timedelta(days=c.event_date.weekday())).isoformat() for c in cases)
    assert {k: v for k, v in _rows(tables["week"]).items() if v} == dict(weeks)


def test_funnel_and_rules_match_the_history(demo_db):
    tables = analytics.dashboard(demo_db, Filters(election="pilkada2024"), None, NOW)
    ids = {c.id for c in _cases(demo_db) if c.election_id == "pilkada2024"}
    reached = {a: set() for a in ("register", "record_finding", "recommend", "impose_sanction")}
    recommended, sanctioned = Counter(), Counter()
    for case_id, action, payload in _events(demo_db):
        if case_id in ids and action in reached:
            if case_id not in reached[action]:
                if action == "recommend":
                    recommended.update(payload["rule_ids"])
                if action == "impose_sanction":
                    sanctioned[payload["rule_id"]] += 1
            reached[action].add(case_id)
    funnel = _rows(tables["funnel"])
    assert funnel == {"reported": len(ids), "registered": len(reached["register"] | reached["record_finding"]),
                      "recommended": len(reached["recommend"]), "sanctioned": len(reached["impose_sanction"])}
    assert all(r["median_days"] is not None and r["median_days"] > 0 for r in tables["funnel"].rows[1:])
    assert {r["key"]: r["recommended"] for r in tables["rules"].rows} == {
        k: recommended[k] for k in {r["key"] for r in tables["rules"].rows}}
    assert {r["key"]: r["sanctioned"] for r in tables["rules"].rows if r["sanctioned"]} == {
        k: v for k, v in sanctioned.items() if k in {r["key"] for r in tables["rules"].rows}}


def test_overdue_matches_each_case_clock(demo_db):
    tables = analytics.dashboard(demo_db, Filters(), None, NOW)
    cases = {c.id: c for c in _cases(demo_db)}
    clocks = clocks_for(demo_db, list(cases), NOW)
    late = [i for i, clock in clocks.items() if clock is not None and clock.overdue]
    assert late, "the demo data has overdue cases"
    assert sum(_rows(tables["overdue_clock"]).values()) == len(late)
    assert _rows(tables["overdue_clock"]) == dict(Counter(clocks[i].rule.id for i in late))
    assert _rows(tables["overdue_agency"]) == dict(Counter(cases[i].reported_agency for i in late))
    assert sum(_rows(tables["overdue_ppk"]).values()) == sum(1 for i in late if clocks[i].rule.id == "ppk_followup")


def test_an_officer_sees_only_the_regions_in_scope(demo_db):
    officer = create_account(demo_db, "dasbor.jateng", "", "kata-sandi-uji-coba", Role.BAWASLU, ("33",))
    tables = analytics.dashboard(demo_db, Filters(), officer, NOW)
    assert set(_rows(tables["province"])) == {"33"}
    assert tables["summary"].rows[0]["count"] == len(_cases(demo_db, "33."))
    narrow = create_account(demo_db, "dasbor.jepara", "", "kata-sandi-uji-coba", Role.BAWASLU, ("33.20",))
    assert set(_rows(analytics.dashboard(demo_db, Filters(region="33.19"), narrow, NOW)["regency"])) == set()
    assert set(_rows(analytics.dashboard(demo_db, Filters(), narrow, NOW)["regency"])) == {"33.20"}


def test_filters_narrow_every_chart(demo_db):
    f = Filters(election="pilkada2024", stage="campaign", family="social_media", position="functional")
    tables = analytics.dashboard(demo_db, f, None, NOW)
    expected = [c for c in _cases(demo_db) if c.election_id == "pilkada2024" and c.family == "social_media"
                and position_group(c.reported_position) == "functional"
                and str(c.event_date) >= "2024-09-25" and str(c.event_date) <= "2024-11-23"]
    assert tables["summary"].rows[0]["count"] == len(expected) > 0
    assert sum(_rows(tables["regency"]).values()) == len(expected)


def test_stats_follow_a_workflow_step_at_once(demo_db, tmp_path):
    bawaslu = create_account(demo_db, "bawaslu.uji", "", "kata-sandi-uji-coba", Role.BAWASLU, ("33", "64", "12"))
    analytics.sync(demo_db)
    case = next(c for c in _cases(demo_db) if c.status == "under_review" and bawaslu.may_see(c.region_code))
    before = _rows(analytics.chart(demo_db, "status", Filters(), None, NOW))
    take_step(demo_db, EvidenceStore(tmp_path / "ev"), bawaslu, case.id, "recommend", case.version,
              reason="Terbukti.", payload={"rule_ids": ["skb2022.disiplin.2", "skb2022.disiplin.6"]}, now=NOW)
    after = _rows(analytics.chart(demo_db, "status", Filters(), None, NOW))
    assert after.get("with_bawaslu:under_review", 0) == before["with_bawaslu:under_review"] - 1
    assert after["with_bkn:recommended_to_bkn"] == before.get("with_bkn:recommended_to_bkn", 0) + 1
    with demo_db.transaction() as s:
        row = s.get(CaseStatsRow, case.id)
        assert row.recommended_rule == "skb2022.disiplin.2" and row.clock == "pilkada:bkn_verification"
    rules = {r["key"]: r["recommended"] for r in analytics.chart(demo_db, "rules", Filters(region=case.region_code),
                                                                   None, NOW).rows}
    assert rules.get("skb2022.disiplin.6", 0) >= 1  # the second rule counts too


def test_a_finding_confirmed_from_the_queue_counts_at_once(db, tmp_path):
    """Statistics used to replay audit entries named case:N; a finding confirmed from the queue was audited as
    queue_item:N, so with 20 cases stored the dashboard showed 20 until something else touched the new case."""
    store = EvidenceStore(tmp_path / "ev")
    for n in range(20):
        submit_report(db, store, ReportDraft(
            description="Guru PNS mengajak murid memilih paslon nomor urut 1 di kelas.", region_code="33.20",
            election_id="pilkada2024", event_date=date(2024, 10, 1)), [], f"tok-q-{n:02d}-" + "q" * 20, "k",
            now=datetime(2024, 10, 2, 3, tzinfo=timezone.utc))
    officer = create_account(db, "bawaslu.antrean", "", "kata-sandi-uji-coba", Role.BAWASLU, ("33.20",))
    assert analytics.dashboard(db, Filters(), officer)["summary"].rows[0]["count"] == 20
    screen_and_queue(db, [{"id": "t1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"}],
                     "b1", "pilkada2024", "33.20", account=officer)
    [item] = check_out(db, officer, 1)
    case_id = decide(db, officer, item, "confirm", "Akun guru PNS terverifikasi.")
    tables = analytics.dashboard(db, Filters(), officer)
    assert tables["summary"].rows[0]["count"] == 21
    assert _rows(tables["origin"]) == {"report": 20, "finding": 1}
    with db.transaction() as s:
        assert s.get(CaseStatsRow, case_id).status == "registered"


def _tenths(a, b):
    return math.floor((b - a).total_seconds() / 8640)


def test_funnel_medians_match_the_history(demo_db):
    """Median step times recomputed from case_events (tenths of a day, rounded down, as documented)."""
    with demo_db.transaction() as s:
        cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.merged_into_id.is_(None)))}
        firsts: dict[int, dict] = {}
        for case_id, action, at in s.execute(select(CaseEventRow.case_id, CaseEventRow.action, CaseEventRow.at)
                                             .order_by(CaseEventRow.at, CaseEventRow.id)):
            firsts.setdefault(case_id, {}).setdefault(action, at)
    steps = {"registered": [], "recommended": [], "sanctioned": []}
    for case_id, case in cases.items():
        first = firsts.get(case_id, {})
        opened = first.get("submit") or first.get("record_finding")
        registered = first.get("register") or first.get("record_finding")
        if case.origin == "report" and opened and registered:
            steps["registered"].append(_tenths(opened, registered))
        if registered and first.get("recommend"):
            steps["recommended"].append(_tenths(registered, first["recommend"]))
        if first.get("recommend") and first.get("impose_sanction"):
            steps["sanctioned"].append(_tenths(first["recommend"], first["impose_sanction"]))
    funnel = {r["key"]: r for r in analytics.chart(demo_db, "funnel", Filters(), None, NOW).rows}
    for step, values in steps.items():
        assert values, step
        assert funnel[step]["timed_cases"] == len(values)
        assert funnel[step]["median_days"] == round(statistics.median(values) / 10, 1), step


def _without_rollup(monkeypatch):
    monkeypatch.setattr(analytics.rollup, "plan", lambda f, account: (None, [f]))


def test_rollup_and_case_stats_give_the_same_charts(demo_db, monkeypatch):
    """Every chart the rollup answers is the same when read from case_stats row by row."""
    officer = create_account(demo_db, "bkn.prov", "", "kata-sandi-uji-coba", Role.BKN, ("33", "64"))
    questions = [(Filters(), None), (Filters(region="33"), None), (Filters(election="pemilu2024"), None),
                 (Filters(election="pilkada2024"), officer), (Filters(region="52"), officer),
                 (Filters(stage="campaign"), None), (Filters(election="pilkada2024", stage="voting"), officer),
                 (Filters(region="33", stage="quiet_period"), None),
                 # A family from its own keys (issue 13), alone or with a province, an election, an officer's scope
                 (Filters(family="social_media"), None), (Filters(region="33", family="campaign"), None),
                 (Filters(election="pilkada2024", family="social_media"), officer),
                 # Periods: whole months from the rollup's month keys, and the days outside them from case_stats
                 (Filters(date_from=date(2024, 10, 1), date_to=date(2024, 11, 30)), None),
                 (Filters(date_from=date(2024, 9, 17), date_to=date(2024, 12, 3)), officer),
                 (Filters(region="33", date_to=date(2024, 11, 10)), None),
                 (Filters(election="pilkada2024", date_from=date(2024, 11, 1)), None)]
    plans = [analytics.rollup.plan(f, who) for f, who in questions]
    assert all(rolled is not None for rolled, _ in plans)
    assert [len(scans) for _, scans in plans[-4:]] == [0, 2, 1, 0]
    # a family with a stage or a period, or a family no case has, reads case_stats / nothing: compared as well
    mixed = [(Filters(family="social_media", stage="campaign"), None),
             (Filters(family="campaign", date_from=date(2024, 10, 1), date_to=date(2024, 11, 30)), officer)]
    assert [analytics.rollup.plan(f, who)[0] for f, who in mixed] == [None, None]
    questions += [*mixed, (Filters(family="unknown"), None)]
    rolled = [analytics.dashboard(demo_db, f, who, NOW, cached=False) for f, who in questions]
    public = analytics.public_tables(demo_db, Filters(), NOW, cached=False)
    _without_rollup(monkeypatch)
    scanned = [analytics.dashboard(demo_db, f, who, NOW, cached=False) for f, who in questions]
    for a, b, (f, who) in zip(rolled, scanned, questions):
        assert {k: t.rows for k, t in a.items()} == {k: t.rows for k, t in b.items()}, (f, who)
    assert rolled[0]["summary"].rows[0]["count"] > rolled[1]["summary"].rows[0]["count"] > 0
    social = questions.index((Filters(family="social_media"), None))
    assert rolled[0]["summary"].rows[0]["count"] > rolled[social]["summary"].rows[0]["count"] > 0
    assert {r["key"] for r in rolled[social]["family"].rows} == {"social_media"}
    assert {k: t.rows for k, t in public.items()} == {
        k: t.rows for k, t in analytics.public_tables(demo_db, Filters(), NOW, cached=False).items()}


def _rollup_rows(db):
    with db.transaction() as s:
        return sorted(tuple(r) for r in s.execute(select(
            CaseRollupRow.measure, CaseRollupRow.stage, CaseRollupRow.province_code, CaseRollupRow.election_id,
            CaseRollupRow.k1, CaseRollupRow.k2, CaseRollupRow.day, CaseRollupRow.n)))


def test_rollup_stays_equal_to_a_rebuild_as_cases_change(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(analytics.rollup, "UPSERT_CHUNK", 97)  # several statements per rebuild, as at scale
    provinces = tuple(sorted({c.region_code[:2] for c in _cases(demo_db)}))
    bawaslu = create_account(demo_db, "bawaslu.rollup", "", "kata-sandi-uji-coba", Role.BAWASLU, provinces)
    analytics.sync(demo_db)
    store = EvidenceStore(tmp_path / "ev")
    moved = 0
    for case in [c for c in _cases(demo_db) if bawaslu.may_see(c.region_code)]:
        if case.status == "under_review":
            take_step(demo_db, store, bawaslu, case.id, "recommend", case.version, reason="Terbukti.",
                      payload={"rule_ids": ["skb2022.disiplin.2", "skb2022.disiplin.8"]}, now=NOW)
        elif case.status == "received":
            take_step(demo_db, store, bawaslu, case.id, "register", case.version, reason="Lengkap.", now=NOW)
        else:
            continue
        moved += 1
    assert moved >= 3
    analytics.sync(demo_db)
    kept = _rollup_rows(demo_db)
    with demo_db.transaction() as s:
        analytics.facts.rebuild(s)
    assert kept == _rollup_rows(demo_db)
    assert all(n > 0 for *_, n in kept)


def test_new_deadline_rules_or_calendars_rebuild_the_statistics(demo_db, monkeypatch):
    analytics.sync(demo_db)
    good = _rollup_rows(demo_db)
    with demo_db.transaction() as s:  # a stale count, as rows computed under older rules would be
        s.execute(update(CaseRollupRow).where(CaseRollupRow.measure == "standing").values(n=CaseRollupRow.n + 7))
    analytics.sync(demo_db)
    assert _rollup_rows(demo_db) != good  # same rules: nothing to recompute
    monkeypatch.setattr(analytics.facts, "rules_fingerprint", lambda session: "a-later-release")
    analytics.sync(demo_db)
    assert [r for r in _rollup_rows(demo_db) if r[0] != "_built_with"] == [r for r in good if r[0] != "_built_with"]
    with demo_db.transaction() as s:
        assert analytics.rollup.stored_fingerprint(s) == "a-later-release"
