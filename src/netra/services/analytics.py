"""Statistics over stored cases: the queries behind the dashboard (/dasbor), the public statistics (/statistik),
their CSV/JSON exports and the printable report.

Every query starts from ``cases`` narrowed by the same filters (``_filtered``): merged-away cases never count, an
officer sees only the regions in scope (``case_queries.in_scope``), the public sees everything but only through
``public_tables`` (small-cell suppression). Each chart is one grouped query; the database does the counting, Python
only rolls regencies up to provinces and days up to weeks. Event-derived figures (funnel times, PPK, rules) read
``case_events``, the append-only history, so they can never disagree with it.

Indexes that keep these queries fast at a million cases are declared at the end of ``storage/tables.py`` and
created by migration 0006; see bench/analytics.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, true
from sqlalchemy.orm import aliased

from netra.accounts.model import Account
from netra.analytics import (
    FUNNEL, STATUS_GROUPS, Filters, THRESHOLD, cutoffs, median_days, positions, stage_windows, suppress,
    suppress_hierarchy, suppressed_value,
)
from netra.cases import State, default_rules, label as case_label
from netra.elections import load_elections
from netra.rulebook import load_rulebook
from netra.services.case_queries import in_scope
from netra.storage.database import Database
from netra.storage.tables import CaseEventRow, CaseRow, RegionRow

SCHEMA_VERSION = 1
OPENING = ("submit", "record_finding")
REGISTERED = ("register", "record_finding")  # a finding is registered when it is recorded
UNKNOWN = "unknown"


# ------------------------------------------------------------------------------------------------ filtering


def position_sql(column=CaseRow.reported_position):
    """SQL twin of ``netra.analytics.positions.position_group``: the same ordered keyword table as a CASE."""
    padded = literal(" ") + func.lower(func.coalesce(column, "")) + literal(" ")
    whens = [(or_(*[padded.like(f"%{k}%") for k in g.keywords]), g.id) for g in positions.GROUPS if g.keywords]
    return case(*whens, else_=positions.OTHER)


def region_condition(code: str):
    return CaseRow.region_code == code if "." in code else or_(
        CaseRow.region_code == code, CaseRow.region_code.startswith(code + "."))


def _filtered(query: Select, f: Filters, account: Account | None) -> Select:
    """Apply scope and filters to a query over CaseRow. `account` None means the public, national view."""
    query = query.where(CaseRow.merged_into_id.is_(None))
    if account is not None:
        query = in_scope(query, account)
    if f.election:
        query = query.where(CaseRow.election_id == f.election)
    if f.region:
        query = query.where(region_condition(f.region))
    if f.stage:
        windows = stage_windows(f.stage, f.election)
        query = query.where(or_(*[and_(CaseRow.election_id == w.election, CaseRow.event_date >= w.start,
                                       CaseRow.event_date <= w.end) for w in windows]) if windows else False)
    for name in ("family", "channel", "origin"):
        if getattr(f, name):
            query = query.where(getattr(CaseRow, name) == getattr(f, name))
    if f.position:
        query = query.where(position_sql() == f.position)
    if f.date_from:
        query = query.where(CaseRow.event_date >= f.date_from)
    if f.date_to:
        query = query.where(CaseRow.event_date <= f.date_to)
    return query


def _grouped(session, column, f: Filters, account: Account | None) -> dict[Any, int]:
    query = _filtered(select(column.label("k"), func.count().label("n")).select_from(CaseRow), f, account)
    return {k: n for k, n in session.execute(query.group_by(column))}


# ------------------------------------------------------------------------------------------------ tables


@dataclass
class Table:
    """One chart's data: the same rows feed the chart, the HTML table, the CSV and the JSON API."""

    name: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "columns": self.columns, "rows": self.rows, **({"meta": self.meta} if self.meta else {})}

    def csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if row.get(c) is None else _csv_safe(row.get(c)) for c in self.columns])
        return buffer.getvalue()


def _csv_safe(value: Any) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def _labelled(name: str, counts: dict[str, int], order: list[str], labeller) -> Table:
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in order)
    rows = []
    for k in keys:
        lab = labeller(k)
        rows.append({"key": k, "label_id": lab[0], "label_en": lab[1], "count": counts[k]})
    return Table(name, ["key", "label_id", "label_en", "count"], rows)


@cache
def _region_names() -> dict[str, tuple[str, str | None]]:
    from netra.regions import load_reference_regions

    return {r.code: (r.name, r.parent_code) for r in load_reference_regions()}


def _region_name(code: str) -> str:
    return _region_names().get(code, (code, None))[0]


def _family_label(key: str) -> tuple[str, str]:
    if key == UNKNOWN:
        return ("Belum ditentukan", "Not yet decided")
    try:
        info = load_rulebook().family(key)
        return (info.label.id, info.label.en)
    except (StopIteration, ValueError):
        return (key, key)


_SIMPLE_LABELS = {
    "social_media": ("Media sosial/daring", "Social media/online"), "offline": ("Luring", "Offline"),
    "report": ("Laporan", "Report"), "finding": ("Temuan", "Finding"), UNKNOWN: ("Tidak diketahui", "Unknown"),
    "intake": ("Penanganan Bawaslu", "With Bawaslu"), "with_bkn": ("Di BKN", "With BKN"),
    "with_ppk": ("Di PPK (menunggu sanksi)", "With the PPK (awaiting sanction)"),
    "sanctioned": ("Sanksi dijatuhkan", "Sanction imposed"), "ended": ("Selesai tanpa sanksi", "Ended without sanction"),
    "reported": ("Dilaporkan/ditemukan", "Reported or found"), "registered": ("Diregistrasi", "Registered"),
    "recommended": ("Direkomendasikan ke BKN", "Recommended to BKN"),
}


def _simple(key: str) -> tuple[str, str]:
    if key in _SIMPLE_LABELS:
        return _SIMPLE_LABELS[key]
    lab = case_label(key)
    return (lab.id, lab.en)


# ------------------------------------------------------------------------------------------------ charts


def summary_tables(session, f: Filters, account: Account | None) -> list[Table]:
    """Counts by status (and status group), family, channel, origin and position group."""
    status = {str(k): n for k, n in _grouped(session, CaseRow.status, f, account).items()}
    groups = {g: sum(status.get(s, 0) for s in members) for g, members in STATUS_GROUPS.items()}
    total = sum(status.values())
    tables = [
        Table("summary", ["key", "label_id", "label_en", "count"],
              [{"key": "total", "label_id": "Jumlah perkara", "label_en": "Cases", "count": total}]),
        _labelled("status_group", {k: v for k, v in groups.items()}, list(STATUS_GROUPS), _simple),
        _labelled("status", status, [s.value for s in State], _simple),
    ]
    fam = {(k or UNKNOWN): n for k, n in _grouped(session, CaseRow.family, f, account).items()}
    tables.append(_labelled("family", fam, [x.id.value for x in load_rulebook().families] + [UNKNOWN], _family_label))
    chan = {(k or UNKNOWN): n for k, n in _grouped(session, CaseRow.channel, f, account).items()}
    tables.append(_labelled("channel", chan, ["social_media", "offline", UNKNOWN], _simple))
    orig = {str(k): n for k, n in _grouped(session, CaseRow.origin, f, account).items()}
    tables.append(_labelled("origin", orig, ["report", "finding"], _simple))
    pos = {str(k): n for k, n in _grouped(session, position_sql(), f, account).items()}
    tables.append(_labelled("position", pos, list(positions.IDS),
                            lambda k: (positions.label(k).id, positions.label(k).en)))
    return tables


def region_tables(session, f: Filters, account: Account | None) -> list[Table]:
    """Counts by province and by regency/city (regencies rolled up to their province in Python)."""
    by_code = _grouped(session, CaseRow.region_code, f, account)
    names = _region_names()
    provinces: dict[str, int] = defaultdict(int)
    regency_rows = []
    for code, n in sorted(by_code.items()):
        province = code.split(".", 1)[0]
        provinces[province] += n
        regency_rows.append({"key": code, "name": names.get(code, (code,))[0], "province": province, "count": n})
    province_rows = [{"key": p, "name": names.get(p, (p,))[0], "count": n} for p, n in sorted(provinces.items())]
    return [Table("province", ["key", "name", "count"], province_rows),
            Table("regency", ["key", "name", "province", "count"], regency_rows)]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def trend_table(session, f: Filters, account: Account | None) -> Table:
    """Cases by week of the event date (Monday first); the election stages go along as meta for the time axis."""
    by_day = _grouped(session, CaseRow.event_date, f, account)
    weeks: dict[str, int] = defaultdict(int)
    for day, n in by_day.items():
        if day is None:
            weeks[UNKNOWN] += n
        else:
            day = day if isinstance(day, date) else date.fromisoformat(str(day))
            weeks[week_start(day).isoformat()] += n
    keys = sorted(k for k in weeks if k != UNKNOWN) + ([UNKNOWN] if UNKNOWN in weeks else [])
    if keys and keys[0] != UNKNOWN:  # weeks without cases are zeros on the axis, not gaps
        first, last = date.fromisoformat(keys[0]), date.fromisoformat([k for k in keys if k != UNKNOWN][-1])
        day = first
        while day <= last:
            weeks.setdefault(day.isoformat(), 0)
            day += timedelta(days=7)
        keys = sorted(k for k in weeks if k != UNKNOWN) + ([UNKNOWN] if UNKNOWN in weeks else [])
    stages = [{"election": e.id, "stage": s.id, "name_id": s.name.id, "name_en": s.name.en,
               "start": s.start.isoformat(), "end": s.end.isoformat()}
              for e in load_elections() if not f.election or e.id == f.election for s in e.stages]
    return Table("week", ["key", "count"], [{"key": k, "count": weeks[k]} for k in keys], meta={"stages": stages})


def _seconds(delta) -> float:
    return delta.total_seconds() if hasattr(delta, "total_seconds") else float(delta)


def _aware(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def funnel_table(session, f: Filters, account: Account | None) -> Table:
    """Cases that reached each step, and the median days each step took (from the first event of the step before;
    the registration step is timed on reports only, since a finding is registered when it is recorded)."""
    e = CaseEventRow
    first = lambda actions: func.min(case((e.action.in_(actions), e.at)))  # noqa: E731
    per_case = _filtered(
        select(e.case_id.label("case_id"), CaseRow.origin.label("origin"),
               first(OPENING).label("opened"), first(("register",)).label("registered"),
               first(("record_finding",)).label("found"), first(("recommend",)).label("recommended"),
               first(("impose_sanction",)).label("sanctioned"))
        .select_from(e).join(CaseRow, CaseRow.id == e.case_id)
        .where(e.action.in_(OPENING + REGISTERED + ("recommend", "impose_sanction"))), f, account,
    ).group_by(e.case_id, CaseRow.origin)
    steps = per_case.subquery()
    if session.get_bind().dialect.name == "postgresql":
        def med(a, b, where=true()):
            seconds = func.extract("epoch", b - a) / 86400.0
            return func.percentile_cont(0.5).within_group(seconds).filter(and_(a.isnot(None), b.isnot(None), where))

        def timed(a, b, where=true()):
            return func.count().filter(and_(a.isnot(None), b.isnot(None), where))

        s = steps.c
        registered_at = func.coalesce(s.registered, s.found)
        row = session.execute(select(
            func.count(), func.count(registered_at), func.count(s.recommended), func.count(s.sanctioned),
            med(s.opened, s.registered, s.origin == "report"), timed(s.opened, s.registered, s.origin == "report"),
            med(registered_at, s.recommended), timed(registered_at, s.recommended),
            med(s.recommended, s.sanctioned), timed(s.recommended, s.sanctioned),
        ).select_from(steps)).one()
        counts = list(row[:4])
        medians = [None, *(round(float(row[i]), 1) if row[i] is not None else None for i in (4, 6, 8))]
        timed_n = [None, row[5], row[7], row[9]]
    else:
        rows = session.execute(select(steps)).all()
        counts, durations = [0, 0, 0, 0], [[], [], []]
        for _, origin, opened, registered, found, recommended, sanctioned in rows:
            opened, registered, found = _aware(opened), _aware(registered), _aware(found)
            recommended, sanctioned = _aware(recommended), _aware(sanctioned)
            reg = registered or found
            counts[0] += 1
            counts[1] += reg is not None
            counts[2] += recommended is not None
            counts[3] += sanctioned is not None
            if origin == "report" and opened and registered:
                durations[0].append(_seconds(registered - opened) / 86400)
            if reg and recommended:
                durations[1].append(_seconds(recommended - reg) / 86400)
            if recommended and sanctioned:
                durations[2].append(_seconds(sanctioned - recommended) / 86400)
        medians = [None, *(median_days(d) for d in durations)]
        timed_n = [None, *(len(d) for d in durations)]
    rows = [{"key": step, "label_id": _simple(step)[0], "label_en": _simple(step)[1], "count": counts[i],
             "median_days": medians[i], "timed_cases": timed_n[i]} for i, step in enumerate(FUNNEL)]
    return Table("funnel", ["key", "label_id", "label_en", "count", "median_days", "timed_cases"], rows)


def _overdue_cases(f: Filters, account: Account | None, now: datetime):
    """A subquery of the overdue cases: (case_id, status, agency, region_code, ppk_event_id).

    One pass over the history of the cases whose status runs a clock: per case the first entry into each clock's
    start states and the last clarification; a HAVING clause then keeps the cases past the cut-off of their clock,
    time zone and extension (netra.analytics.clocks). Returns None when no clock applies."""
    rules = default_rules()
    kinds = {e.id: e.kind.value for e in load_elections()}
    e = CaseEventRow
    start_of, ext_of, running = {}, {}, set()
    for rule in rules.clocks:
        key = tuple(sorted(s.value for s in rule.start_states))
        start_of.setdefault(key, func.min(case((e.to_status.in_(key), e.at))))
        if rule.extension_action:
            ext_of.setdefault(rule.extension_action, func.max(case((e.action == rule.extension_action, e.at))))
        running |= {s.value for s in rule.runs_in}
    conditions = []
    for cut in cutoffs(now, rules):
        rule = cut.rule
        election_ids = [i for i, k in kinds.items() if k == rule.election_kind]
        if not election_ids:
            continue
        started = start_of[tuple(sorted(s.value for s in rule.start_states))]
        before = cut.before.astimezone(timezone.utc)
        cond = [CaseRow.election_id.in_(election_ids), CaseRow.status.in_([s.value for s in rule.runs_in]),
                RegionRow.timezone == cut.zone, started < before]
        if rule.extension_action:
            last = ext_of[rule.extension_action]
            extended = and_(last.isnot(None), last >= started)
            cond.append(extended if cut.extended else ~func.coalesce(extended, False))
        conditions.append(and_(*cond))
    if not conditions:
        return None
    ppk_event = func.max(case((e.action == "send_to_ppk", e.id)))
    query = (select(CaseRow.id.label("case_id"), CaseRow.status.label("status"),
                    CaseRow.reported_agency.label("agency"), CaseRow.region_code.label("region_code"),
                    ppk_event.label("ppk_event_id"))
             .select_from(CaseRow).join(RegionRow, RegionRow.code == CaseRow.region_code)
             .join(e, e.case_id == CaseRow.id).where(CaseRow.status.in_(sorted(running))))
    query = _filtered(query, f, account).group_by(
        CaseRow.id, CaseRow.status, CaseRow.reported_agency, CaseRow.region_code, CaseRow.election_id,
        RegionRow.timezone).having(or_(*conditions))
    return query.subquery("overdue")


def _clock_of_status() -> dict[str, str]:
    return {s.value: r.id for r in default_rules().clocks for s in r.runs_in}


def overdue_tables(session, f: Filters, account: Account | None, now: datetime | None = None,
                   include_ppk: bool = True) -> list[Table]:
    """Cases whose running legal clock has expired, by clock, by agency of the reported person and by PPK (the
    `ppk` of the send_to_ppk step). Same answer as ``netra.cases.status`` per case, computed in the database."""
    now = now or datetime.now(timezone.utc)
    overdue = _overdue_cases(f, account, now)
    by_clock: dict[str, int] = defaultdict(int)
    by_agency: dict[str, int] = defaultdict(int)
    by_ppk: dict[str, int] = defaultdict(int)
    clock_of = _clock_of_status()
    if overdue is not None:
        for status, agency, n in session.execute(
                select(overdue.c.status, overdue.c.agency, func.count()).group_by(overdue.c.status, overdue.c.agency)):
            by_clock[clock_of.get(status, status)] += n
            by_agency[(agency or "").strip() or UNKNOWN] += n
        if include_ppk:
            p = aliased(CaseEventRow)
            ppk = p.payload["ppk"].as_string()
            for name, n in session.execute(
                    select(ppk, func.count()).select_from(overdue).join(p, p.id == overdue.c.ppk_event_id)
                    .group_by(ppk)):
                by_ppk[(name or "").strip() or UNKNOWN] += n
    labels = {r.id: (r.label.id, r.label.en) for r in default_rules().clocks}
    order = lambda d: sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))  # noqa: E731
    tables = [
        Table("overdue_clock", ["key", "label_id", "label_en", "count"],
              [{"key": k, "label_id": labels.get(k, (k, k))[0], "label_en": labels.get(k, (k, k))[1], "count": n}
               for k, n in order(by_clock)]),
        Table("overdue_agency", ["key", "count"], [{"key": k, "count": n} for k, n in order(by_agency)]),
    ]
    if include_ppk:
        tables.append(Table("overdue_ppk", ["key", "count"], [{"key": k, "count": n} for k, n in order(by_ppk)]))
    return tables


def rules_table(session, f: Filters, account: Account | None, limit: int | None = 15) -> Table:
    """Rules most often violated: cases recommended on each rule (payload rule_ids of `recommend`) and cases
    sanctioned on it (rule_id of `impose_sanction`)."""
    e = CaseEventRow
    query = _filtered(select(e.case_id, e.action, e.payload).select_from(e).join(CaseRow, CaseRow.id == e.case_id)
                      .where(e.action.in_(("recommend", "impose_sanction"))), f, account)
    recommended: dict[str, set] = defaultdict(set)
    sanctioned: dict[str, set] = defaultdict(set)
    if session.get_bind().dialect.name == "postgresql":
        recommended, sanctioned = _rules_pg(session, f, account)
    else:
        for case_id, action, payload in session.execute(query):
            payload = payload if isinstance(payload, dict) else json.loads(payload or "{}")
            if action == "recommend":
                for rule_id in payload.get("rule_ids") or []:
                    recommended[str(rule_id)].add(case_id)
            elif payload.get("rule_id"):
                sanctioned[str(payload["rule_id"])].add(case_id)
        recommended = {k: len(v) for k, v in recommended.items()}
        sanctioned = {k: len(v) for k, v in sanctioned.items()}
    book = load_rulebook()
    keys = sorted(set(recommended) | set(sanctioned), key=lambda k: (-recommended.get(k, 0), -sanctioned.get(k, 0), k))
    rows = []
    for k in keys[:limit] if limit else keys:
        rule = book.get(k)
        rows.append({"key": k, "title_id": rule.title.id if rule else k, "title_en": rule.title.en if rule else k,
                     "family": rule.family.value if rule else "", "recommended": recommended.get(k, 0),
                     "sanctioned": sanctioned.get(k, 0)})
    return Table("rules", ["key", "title_id", "title_en", "family", "recommended", "sanctioned"], rows)


def _rules_pg(session, f: Filters, account: Account | None) -> tuple[dict[str, int], dict[str, int]]:
    from sqlalchemy import column, text  # noqa: F401

    e = CaseEventRow
    element = func.json_array_elements_text(e.payload["rule_ids"]).table_valued("value").lateral("r")
    rec_q = _filtered(select(element.c.value, func.count(func.distinct(e.case_id)))
                      .select_from(e).join(CaseRow, CaseRow.id == e.case_id).join(element, true())
                      .where(e.action == "recommend"), f, account).group_by(element.c.value)
    sanction_rule = e.payload["rule_id"].as_string()
    san_q = _filtered(select(sanction_rule, func.count(func.distinct(e.case_id)))
                      .select_from(e).join(CaseRow, CaseRow.id == e.case_id)
                      .where(e.action == "impose_sanction", sanction_rule.isnot(None)), f, account).group_by(sanction_rule)
    return dict(session.execute(rec_q).all()), dict(session.execute(san_q).all())


# ------------------------------------------------------------------------------------------------ whole views

CHARTS = ("summary", "status_group", "status", "family", "channel", "origin", "position", "province", "regency",
          "week", "funnel", "overdue_clock", "overdue_agency", "overdue_ppk", "rules")
PUBLIC_CHARTS = ("summary", "status_group", "status", "family", "channel", "origin", "position", "province",
                 "regency", "week", "funnel", "overdue_clock", "overdue_province", "rules")


def chart(db: Database, name: str, f: Filters, account: Account | None, now: datetime | None = None) -> Table:
    """One chart's table (what the per-chart CSV and JSON endpoints serve)."""
    with db.transaction() as session:
        if name in ("summary", "status_group", "status", "family", "channel", "origin", "position"):
            return {t.name: t for t in summary_tables(session, f, account)}[name]
        if name in ("province", "regency"):
            return {t.name: t for t in region_tables(session, f, account)}[name]
        if name == "week":
            return trend_table(session, f, account)
        if name == "funnel":
            return funnel_table(session, f, account)
        if name in ("overdue_clock", "overdue_agency", "overdue_ppk"):
            return {t.name: t for t in overdue_tables(session, f, account, now)}[name]
        if name == "rules":
            return rules_table(session, f, account)
    raise KeyError(name)


def dashboard(db: Database, f: Filters, account: Account | None, now: datetime | None = None) -> dict[str, Table]:
    with db.transaction() as session:
        tables = [*summary_tables(session, f, account), *region_tables(session, f, account),
                  trend_table(session, f, account), funnel_table(session, f, account),
                  *overdue_tables(session, f, account, now), rules_table(session, f, account)]
    return {t.name: t for t in tables}


# ------------------------------------------------------------------------------------------------ public


def _suppress_column(rows: list[dict], column: str, groups: dict[str, str] | None = None,
                     total: int | None = None) -> None:
    counts = {r["key"]: int(r[column] or 0) for r in rows}
    cells = suppress(counts, THRESHOLD, groups=groups, total=total)
    for r in rows:
        cell = cells[r["key"]]
        r[column] = cell.count if not cell.suppressed else None
        r[f"{column}_suppressed"] = cell.suppressed


def public_tables(db: Database, f: Filters, now: datetime | None = None) -> dict[str, Table]:
    """The national view without personal data and with every group below THRESHOLD cases suppressed (and the
    cells that would give a suppressed one away). Free-text fields (agency, PPK) are left out: they may hold names."""
    with db.transaction() as session:
        tables = {t.name: t for t in [*summary_tables(session, f, None), *region_tables(session, f, None),
                                      trend_table(session, f, None), funnel_table(session, f, None),
                                      rules_table(session, f, None, limit=None)]}
        overdue = overdue_tables(session, f, None, now, include_ppk=False)
        overdue_ids = {t.name: t for t in overdue}
        overdue_by_province = _overdue_by_province(session, f, now)
    total = tables["summary"].rows[0]["count"]
    out: dict[str, Table] = {}
    summary = tables["summary"]
    _suppress_column(summary.rows, "count")
    out["summary"] = summary
    # Status groups partition the total; statuses partition their group: suppress as a hierarchy.
    parent = {s: g for g, members in STATUS_GROUPS.items() for s in members}
    status_counts = {r["key"]: r["count"] for r in tables["status"].rows}
    group_cells, status_cells = suppress_hierarchy(status_counts, {k: parent.get(k, "ended") for k in status_counts})
    for name, cells in (("status_group", group_cells), ("status", status_cells)):
        t = tables[name]
        for r in t.rows:
            cell = cells.get(r["key"])  # None: a group with no cases at all
            r["count"] = r["count"] if cell is None else (None if cell.suppressed else cell.count)
            r["count_suppressed"] = bool(cell and cell.suppressed)
        out[name] = t
    if total is not None and 0 < total < THRESHOLD:
        for t in (out["status_group"], out["status"]):
            for r in t.rows:
                r["count"], r["count_suppressed"] = None, True
    for name in ("family", "channel", "origin", "position", "week"):
        _suppress_column(tables[name].rows, "count", total=total)
        out[name] = tables[name]
    province_counts = {r["key"]: r["count"] for r in tables["regency"].rows}
    prov_cells, reg_cells = suppress_hierarchy(province_counts, {r["key"]: r["province"] for r in tables["regency"].rows})
    for name, cells in (("province", prov_cells), ("regency", reg_cells)):
        for r in tables[name].rows:
            cell = cells[r["key"]]
            r["count"] = None if cell.suppressed else cell.count
            r["count_suppressed"] = cell.suppressed
        out[name] = tables[name]
    funnel = tables["funnel"]
    for r in funnel.rows:
        n = int(r["count"])
        r["count_suppressed"] = 0 < n < THRESHOLD
        r["count"] = None if r["count_suppressed"] else n
        if r["median_days"] is not None or r["timed_cases"] is not None:
            r["median_days"] = suppressed_value(r["median_days"], int(r["timed_cases"] or 0))
        r["median_suppressed"] = r["timed_cases"] is not None and int(r["timed_cases"] or 0) < THRESHOLD
        r["timed_cases"] = None if r["timed_cases"] is not None and 0 < int(r["timed_cases"]) < THRESHOLD else r["timed_cases"]
    funnel.columns = ["key", "label_id", "label_en", "count", "count_suppressed", "median_days", "median_suppressed",
                      "timed_cases"]
    out["funnel"] = funnel
    oc = overdue_ids["overdue_clock"]
    _suppress_column(oc.rows, "count")
    out["overdue_clock"] = oc
    op = overdue_by_province
    _suppress_column(op.rows, "count")
    out["overdue_province"] = op
    rules = tables["rules"]
    _suppress_column(rules.rows, "recommended")
    _suppress_column(rules.rows, "sanctioned")
    rules.rows = [r for r in rules.rows if (r["recommended"] or 0) > 0 or r["recommended_suppressed"]
                  or (r["sanctioned"] or 0) > 0 or r["sanctioned_suppressed"]]
    out["rules"] = rules
    for t in out.values():
        if t.name not in ("funnel",):
            for c in [c for c in list(t.rows[0].keys()) if c.endswith("_suppressed")] if t.rows else []:
                if c not in t.columns:
                    t.columns.append(c)
            if not t.rows and "count" in t.columns and "count_suppressed" not in t.columns:
                t.columns.append("count_suppressed")
    return out


def _overdue_by_province(session, f: Filters, now: datetime | None) -> Table:
    """Overdue cases by province (for the public: no free-text agency or PPK names)."""
    overdue = _overdue_cases(f, None, now or datetime.now(timezone.utc))
    by_province: dict[str, int] = defaultdict(int)
    if overdue is not None:
        for code, n in session.execute(select(overdue.c.region_code, func.count()).group_by(overdue.c.region_code)):
            by_province[code.split(".", 1)[0]] += n
    names = _region_names()
    return Table("overdue_province", ["key", "name", "count"],
                 [{"key": p, "name": names.get(p, (p,))[0], "count": n} for p, n in sorted(by_province.items())])


def public_document(tables: dict[str, Table], f: Filters, generated_at: datetime) -> dict[str, Any]:
    """The stable JSON of /api/public/stats/v1 (see PublicStats in routes_analytics for the schema)."""
    return {
        "schema": f"netra.public-stats/{SCHEMA_VERSION}",
        "version": SCHEMA_VERSION,
        "generated_at": generated_at.isoformat(),
        "filters": f.as_dict(),
        "suppression": {"threshold": THRESHOLD, "rule": (
            "Counts from 1 to 4 are withheld (null, *_suppressed true), and so is at least one more cell of the same "
            "breakdown whenever a withheld count could be recovered from the total. Medians over fewer than 5 "
            "cases are withheld.")},
        "tables": {name: t.as_json() for name, t in tables.items()},
    }
