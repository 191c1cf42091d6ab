"""Every public figure recomputed from the raw `cases` and `case_events` tables, independently of the statistics
tables (case_stats, case_rollup) and of netra's grouping code, on SQLite and PostgreSQL.

The data: demo cases plus the edge cases the issue named: a single report whose reporter gave no channel (a rare
category of one case), cases closed after their sanction (they count as sanctioned), and a report whose event
date lies outside every stage of its election. Checked, for the national view, each province, and filtered views:
the JSON of /api/public/stats/v1 and the numbers /statistik shows agree with the recomputation wherever they are
shown; every count from 1 to 4 is hidden and only those read "<5"; and an attacker holding every published cell of
the national and all provincial pages (linear programming over their totals) can pin no hidden cell.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from netra.analytics import positions
from netra.intake.report import ReportDraft
from netra.services.case_workflow import clocks_for
from netra.services.intake import submit_report
from netra.intake.tracking import new_submission_token
from netra.storage.database import Database
from netra.storage.evidence_store import EvidenceStore
from netra.web.app import create_app
from tests.support.disclosure import derivable

NOW = datetime(2024, 12, 20, 10, 0, tzinfo=timezone.utc)
ENDED = ("not_registered", "not_a_violation", "forwarded", "closed")

# Where a case stands, written out in SQL here rather than taken from netra.analytics.standing.
STANDING_SQL = """
CASE WHEN sanctioned = 1 THEN 'sanctioned'
     WHEN status IN ('not_registered', 'not_a_violation', 'forwarded', 'closed') THEN
          CASE WHEN recommended = 1 THEN 'ended_after_recommendation'
               WHEN registered = 1 THEN 'ended_after_review' ELSE 'not_registered' END
     WHEN status = 'received' THEN 'awaiting_registration'
     WHEN status IN ('registered', 'under_review') THEN 'with_bawaslu'
     WHEN status IN ('recommended_to_bkn', 'verified_by_bkn', 'validated_by_bawaslu') THEN 'with_bkn'
     ELSE 'with_ppk' END"""
FIRST_STEP = {"awaiting_registration": 0, "not_registered": 0, "with_bawaslu": 1, "ended_after_review": 1,
              "with_bkn": 2, "with_ppk": 2, "ended_after_recommendation": 2, "sanctioned": 3}
FUNNEL = ("reported", "registered", "recommended", "sanctioned")


def _position_sql() -> str:
    """The position groups as a SQL CASE over the packaged keyword table."""
    text_ = "(' ' || lower(coalesce(reported_position, '')) || ' ')"
    arms = []
    for group in positions.GROUPS:
        if group.keywords:
            likes = " OR ".join(f"{text_} LIKE '%{k}%'" for k in group.keywords)
            arms.append(f"WHEN {likes} THEN '{group.id}'")
    return "CASE " + " ".join(arms) + " ELSE 'other' END"


def _raw_cases(db: Database) -> list[dict]:
    sql = f"""
    WITH flags AS (
      SELECT c.id, c.region_code, c.election_id, c.event_date, c.status, c.family, c.channel, c.origin,
             c.reported_position,
             CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id
                               AND e.action IN ('register', 'record_finding')) THEN 1 ELSE 0 END AS registered,
             CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'recommend')
                  THEN 1 ELSE 0 END AS recommended,
             CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'impose_sanction')
                  THEN 1 ELSE 0 END AS sanctioned
      FROM cases c WHERE c.merged_into_id IS NULL)
    SELECT id, region_code, substr(region_code, 1, 2) AS province, election_id, event_date, status, family, channel,
           origin, {STANDING_SQL} AS standing, {_position_sql()} AS position
    FROM flags"""
    with db.transaction() as s:
        rows = [dict(r._mapping) for r in s.execute(text(sql))]
    for r in rows:
        day = r["event_date"]
        day = day if isinstance(day, date) or day is None else date.fromisoformat(str(day)[:10])
        r["week"] = (day - timedelta(days=day.weekday())).isoformat() if day else "unknown"
    return rows


def _events(db: Database) -> dict[int, list[tuple]]:
    out = defaultdict(list)
    with db.transaction() as s:
        for case_id, action, at, payload in s.execute(text(
                "SELECT case_id, action, at, payload FROM case_events ORDER BY at, id")):
            at = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
            payload = json.loads(payload) if isinstance(payload, str) else payload  # SQLite's JSON is text
            out[case_id].append((action, at.replace(tzinfo=at.tzinfo or timezone.utc), payload))
    return out


def expected_figures(db: Database, cases: list[dict], now: datetime) -> dict:
    """Every public table's true counts (key -> count), from the raw rows."""
    history = _events(db)
    ids = {c["id"] for c in cases}
    by = lambda column: dict(Counter(c[column] or "unknown" for c in cases))  # noqa: E731
    groups = by("standing")
    reached = {step: sum(n for g, n in groups.items() if FIRST_STEP[g] >= i) for i, step in enumerate(FUNNEL)}
    recommended, sanctioned = Counter(), Counter()
    steps = {"registered": [], "recommended": [], "sanctioned": []}
    origin = {c["id"]: c["origin"] for c in cases}
    for case_id in ids:
        first: dict = {}
        for action, at, payload in history.get(case_id, []):
            if action not in first:
                first[action] = at
                if action == "recommend":
                    recommended.update(dict.fromkeys((payload or {}).get("rule_ids", []), 1))
                if action == "impose_sanction":
                    sanctioned[(payload or {})["rule_id"]] += 1
        opened = first.get("submit") or first.get("record_finding")
        registered = first.get("register") or first.get("record_finding")
        tenths = lambda a, b: int((b - a).total_seconds() // 8640)  # noqa: E731
        if origin[case_id] == "report" and opened and registered:
            steps["registered"].append(tenths(opened, registered))
        if registered and first.get("recommend"):
            steps["recommended"].append(tenths(registered, first["recommend"]))
        if first.get("recommend") and first.get("impose_sanction"):
            steps["sanctioned"].append(tenths(first["recommend"], first["impose_sanction"]))
    clocks = clocks_for(db, sorted(ids), now)
    late = Counter(clock.rule.id for clock in clocks.values() if clock is not None and clock.overdue)
    return {
        "summary": {"total": len(cases)},
        "status_group": groups,
        "status": dict(Counter(f"{c['standing']}:{c['status']}" for c in cases)),
        "family": by("family"), "channel": by("channel"), "origin": by("origin"), "position": by("position"),
        "province": by("province"), "regency": by("region_code"),
        "week": by("week"),
        "funnel": reached,
        "medians": {step: (round(statistics.median(v) / 10, 1) if len(v) >= 5 else None) for step, v in steps.items()},
        "overdue_clock": dict(late),
        "overdue_total": sum(late.values()),
        "rules.recommended": dict(recommended), "rules.sanctioned": dict(sanctioned),
    }


# ------------------------------------------------------------------------------------------------ the data


def _report(db, store, n: int, **fields):
    draft = ReportDraft(**{
        "reporter_name": "Warga Uji", "reporter_address": "Alamat uji", "reported_name": f"Terlapor Uji {n}",
        "reported_position": "Guru SD", "reported_agency": "Dinas Pendidikan", "event_place": "Kantor desa",
        "description": "Terlapor mengunggah ajakan memilih pasangan calon di media sosial.", "declaration": True,
        **fields})
    return submit_report(db, store, draft, [], new_submission_token(), "kunci-uji", {"pemilu2024", "pilkada2024"}, now=NOW)


@pytest.fixture
def edge_db(db, tmp_path, demo_cases):
    demo_cases(db, 300)
    store = EvidenceStore(tmp_path / "evidence")
    # One report whose reporter gave no channel: a category of one case.
    _report(db, store, 1, region_code="33.20", election_id="pilkada2024", event_date=date(2024, 10, 10), channel="")
    # A Pilkada report about a day months before the Pilkada calendar starts: outside every stage.
    _report(db, store, 2, region_code="52.71", election_id="pilkada2024", event_date=date(2024, 3, 5),
            channel="offline")
    return db


@pytest.fixture
def client(edge_db, settings):
    with TestClient(create_app(settings, edge_db)) as c:
        yield c


def _rows(doc: dict, name: str, column: str = "count") -> dict:
    return {r["key"]: r for r in doc["tables"][name]["rows"]} if column else {}


# ------------------------------------------------------------------------------------------------ checks


def _check_view(doc: dict, truth: dict) -> None:
    """Each shown count equals the truth; each hidden one is hidden for a reason its true count allows."""
    tables = doc["tables"]
    for name in ("summary", "status_group", "status", "family", "channel", "origin", "position", "province",
                 "regency", "week", "funnel", "overdue_clock"):
        expected = truth[name]
        seen = set()
        for row in tables[name]["rows"]:
            key, true = row["key"], expected.get(row["key"], 0)
            seen.add(key)
            _check_cell(name, key, row, "count", true)
        missing = {k for k, v in expected.items() if v and k not in seen}
        assert not missing, (name, missing)
    for column in ("recommended", "sanctioned"):
        for row in tables["rules"]["rows"]:
            _check_cell("rules", row["key"], row, column, truth[f"rules.{column}"].get(row["key"], 0))
    shown_rules = {r["key"] for r in tables["rules"]["rows"]}
    assert {k for k, v in truth["rules.recommended"].items() if v} <= shown_rules
    for row in tables["funnel"]["rows"]:
        if row["key"] in truth["medians"] and not row["median_suppressed"]:
            assert row["median_days"] == truth["medians"][row["key"]], row
    overdue_shown = [r for r in tables["overdue_province"]["rows"] if not r["count_suppressed"]]
    if len(overdue_shown) == len(tables["overdue_province"]["rows"]):
        assert sum(r["count"] for r in overdue_shown) == truth["overdue_total"]


def _check_cell(name, key, row, column, true):
    hidden = row[f"{column}_suppressed"]
    if hidden:
        assert row[column] is None, (name, key, row)
        reason = row[f"{column}_suppression"]
        assert reason in ("primary", "secondary", "withheld"), (name, key, row)
        if reason == "primary":
            assert 0 < true < 5, ("'<5' on a cell that is not small", name, key, true)
        if reason == "secondary":
            assert true >= 5, (name, key, true)
    else:
        assert row[column] == true, (name, key, row[column], true)
        assert not 0 < true < 5, ("small count shown", name, key, true)


def test_every_public_figure_matches_the_raw_tables(client, edge_db):
    now = datetime.now(timezone.utc)
    cases = _raw_cases(edge_db)
    assert Counter(c["channel"] or "unknown" for c in cases)["unknown"] == 1
    closed_sanctioned = [c for c in cases if c["status"] == "closed" and c["standing"] == "sanctioned"]
    assert closed_sanctioned, "the data has cases closed after a sanction"
    national = client.get("/api/public/stats/v1").json()
    truth = expected_figures(edge_db, cases, now)
    _check_view(national, truth)
    # the two errors: sanctioned cases closed afterwards count as sanctioned, the same in every table
    sanctioned = truth["status_group"]["sanctioned"]
    assert sanctioned >= len(closed_sanctioned) + 1 and truth["funnel"]["sanctioned"] == sanctioned
    assert _rows(national, "status_group")["sanctioned"]["count"] == sanctioned
    assert _rows(national, "funnel")["sanctioned"]["count"] == sanctioned
    channel = _rows(national, "channel")
    assert channel["unknown"]["count_suppression"] == "primary"
    big = [k for k in ("social_media", "offline") if channel[k]["count_suppressed"]]
    assert big == [min(("social_media", "offline"), key=lambda k: truth["channel"][k])]  # the smaller one
    assert channel[big[0]]["count_suppression"] == "secondary"
    for province in sorted(truth["province"]):
        doc = client.get(f"/api/public/stats/v1?region={province}").json()
        _check_view(doc, expected_figures(edge_db, [c for c in cases if c["province"] == province], now))
    windows = {"pilkada2024": (date(2024, 9, 25), date(2024, 11, 23)), "pemilu2024": (date(2023, 11, 28), date(2024, 2, 10))}

    def in_campaign(c):
        start, end = windows[c["election_id"]]
        day = c["event_date"] if isinstance(c["event_date"], date) else date.fromisoformat(str(c["event_date"])[:10])
        return start <= day <= end
    for query, keep in (("election=pilkada2024", lambda c: c["election_id"] == "pilkada2024"),
                        ("stage=campaign", in_campaign),
                        ("family=social_media", lambda c: c["family"] == "social_media"),  # case_rollup's family keys
                        ("region=33&family=campaign", lambda c: c["province"] == "33" and c["family"] == "campaign"),
                        ("family=social_media&stage=campaign", lambda c: c["family"] == "social_media"
                         and in_campaign(c)),  # from case_stats
                        ("region=33&election=pilkada2024", lambda c: c["province"] == "33"
                         and c["election_id"] == "pilkada2024")):
        subset = [c for c in cases if keep(c)]
        doc = client.get(f"/api/public/stats/v1?{query}").json()
        _check_view(doc, expected_figures(edge_db, subset, now))
    out_of_period = [c for c in cases if c["election_id"] == "pilkada2024" and str(c["event_date"])[:10] == "2024-03-05"]
    assert len(out_of_period) == 1
    staged = client.get("/api/public/stats/v1?stage=campaign").json()
    assert staged["tables"]["summary"]["rows"][0]["count"] == len([c for c in cases if in_campaign(c)])


def test_the_page_shows_what_the_api_publishes(client):
    doc = client.get("/api/public/stats/v1").json()
    page = client.get("/statistik").text
    cells = {(m["testid"], m["value"]): htmllib.unescape(m["text"]) for m in re.finditer(
        r'data-testid="(?P<testid>count-[a-z_]+-[^"]+)" data-value="(?P<value>[^"]*)">(?P<text>.*?)</td>', page)}
    by_id = {testid: (value, shown) for (testid, value), shown in cells.items()}
    checked = 0
    for name in ("status_group", "status", "family", "channel", "origin", "position", "province", "week",
                 "funnel", "overdue_clock", "overdue_province"):
        for row in doc["tables"][name]["rows"]:
            value, shown = by_id[f"count-{name}-{row['key']}"]
            if row["count_suppressed"]:
                assert value == ""
                assert ("&lt;5" in shown or "<5" in shown) == (row["count_suppression"] == "primary"), (name, row)
                assert ("disembunyikan" in shown) == (row["count_suppression"] != "primary"), (name, row)
            else:
                assert value == str(row["count"]), (name, row)
                assert re.sub(r"\D", "", shown) == str(row["count"]), (name, shown)
            checked += 1
    assert checked > 50
    total = doc["tables"]["summary"]["rows"][0]["count"]
    assert f'data-testid="kpi-total" data-value="{total}"' in page


def test_no_hidden_cell_can_be_pinned_from_all_pages_together(client, edge_db):
    """The national page and every province page of the default view, held together."""
    national = client.get("/api/public/stats/v1").json()["tables"]
    provinces = {p["key"]: client.get(f"/api/public/stats/v1?region={p['key']}").json()["tables"]
                 for p in national["province"]["rows"]}
    cases = _raw_cases(edge_db)
    truth_national = expected_figures(edge_db, cases, datetime.now(timezone.utc))
    truths = {p: expected_figures(edge_db, [c for c in cases if c["province"] == p], datetime.now(timezone.utc))
              for p in provinces}
    relations, published, hidden, values = [], {}, {}, {}

    def cell(key, row, column, true):
        values[key] = true
        if row is None:
            published[key] = true  # not listed: zero, or a total the reader can add up
        elif row[f"{column}_suppressed"]:
            hidden[key] = row[f"{column}_suppression"]
        else:
            published[key] = row[column]

    def rows_of(tables, name):
        return {r["key"]: r for r in tables[name]["rows"]}

    total = ("total", None)
    cell(total, national["summary"]["rows"][0], "count", truth_national["summary"]["total"])
    for p, tables in provinces.items():
        cell(("total", p), tables["summary"]["rows"][0], "count", truths[p]["summary"]["total"])
        cell(("province", p), rows_of(national, "province")[p], "count", truth_national["province"][p])
        relations.append((("total", p), [("province", p)]))  # the province page's total is the map's province
        regencies = rows_of(tables, "regency")
        for code in regencies:
            cell(("regency", code), regencies[code], "count", truths[p]["regency"].get(code, 0))
        relations.append((("total", p), [("regency", code) for code in regencies]))
    relations.append((total, [("total", p) for p in provinces]))
    for name in ("status_group", "family", "channel", "origin", "position", "week"):
        keys = set(rows_of(national, name)) | {k for t in provinces.values() for k in rows_of(t, name)}
        for k in keys:
            cell((name, k, None), rows_of(national, name).get(k), "count", truth_national[name].get(k, 0))
            for p, tables in provinces.items():
                cell((name, k, p), rows_of(tables, name).get(k), "count", truths[p][name].get(k, 0))
            relations.append(((name, k, None), [(name, k, p) for p in provinces]))
        for p in provinces:
            relations.append((("total", p), [(name, k, p) for k in keys]))
        relations.append((total, [(name, k, None) for k in keys]))
    for p in [None, *provinces]:  # statuses within each group
        tables = national if p is None else provinces[p]
        truth = truth_national if p is None else truths[p]
        statuses = rows_of(tables, "status")
        for group in rows_of(national, "status_group"):
            keys = [k for k in rows_of(national, "status") if k.startswith(group + ":")]
            for k in keys:
                cell(("status", k, p), statuses.get(k), "count", truth["status"].get(k, 0))
            relations.append((("status_group", group, p), [("status", k, p) for k in keys]))
    for k in rows_of(national, "status"):
        relations.append((("status", k, None), [("status", k, p) for p in provinces]))
    clocks = set(rows_of(national, "overdue_clock")) | {k for t in provinces.values() for k in rows_of(t, "overdue_clock")}
    overdue_total = ("overdue", None, None)
    values[overdue_total] = truth_national["overdue_total"]
    hidden[overdue_total] = "withheld"  # not published as such
    for p, tables in provinces.items():
        cell(("overdue", None, p), rows_of(national, "overdue_province").get(p), "count",
             truths[p]["overdue_total"])
        for k in clocks:
            cell(("overdue", k, p), rows_of(tables, "overdue_clock").get(k), "count", truths[p]["overdue_clock"].get(k, 0))
        relations.append((("overdue", None, p), [("overdue", k, p) for k in clocks]))
    for k in clocks:
        cell(("overdue", k, None), rows_of(national, "overdue_clock").get(k), "count",
             truth_national["overdue_clock"].get(k, 0))
        relations.append((("overdue", k, None), [("overdue", k, p) for p in provinces]))
    relations.append((overdue_total, [("overdue", None, p) for p in provinces]))
    relations.append((overdue_total, [("overdue", k, None) for k in clocks]))
    assert len(hidden) > 10, "the data exercises suppression"
    assert derivable(relations, published, hidden, values) is None
