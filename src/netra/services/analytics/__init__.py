"""Statistics over stored cases: the queries behind the dashboard (/dasbor), the public statistics (/statistik),
their CSV/JSON exports and the printable report.

Every query reads ``case_stats`` (one flattened row per live case, see ``facts``) narrowed by the same filters
(``_filtered``): an officer sees only the regions in scope (``netra.storage.scope.within``), the public sees
everything but only through ``public_tables`` (small-cell suppression). Each chart is one grouped query on that
single table; Python only rolls regencies up to provinces and days up to weeks. Every entry point first calls
``sync`` so the table reflects every committed change. Measured at a million cases in bench/analytics.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select, text, tuple_

from netra.accounts.model import Account
from netra.analytics import (
    FUNNEL, Filters, cutoffs, median_of_tenths, positions, stage_windows, standing,
)
from netra.cases import State, label as case_label
from netra.regions.model import province_of
from netra.regions.points import load_regency_points
from netra.regions.workforce import Workforce
from netra.rulebook import load_rulebook
from netra.services import reference_data
from netra.services import case_clocks
from netra.services.csv_safety import safe_cell
from netra.services.analytics import facts, rollup, snapshots
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import CaseRollupRow, CaseStatsRow, CaseStatsRuleRow

UNKNOWN = "unknown"


# ------------------------------------------------------------------------------------------------ filtering

S = CaseStatsRow
R = CaseRollupRow


def _filtered(query: Select, f: Filters, account: Account | None) -> Select:
    """Apply scope and filters to a query over case_stats. `account` None means the public, national view.
    Scope and the region filter are netra.storage.scope's rule: a province covers its regencies and cities."""
    if account is not None:
        query = query.where(within(account, S.region_code, S.province_code))
    if f.election:
        query = query.where(S.election_id == f.election)
    if f.region:
        query = query.where(within([f.region], S.region_code, S.province_code))
    if f.stage:
        windows = f.windows if f.windows is not None else stage_windows(f.stage, f.election)
        query = query.where(or_(*[and_(S.election_id == w.election, S.event_date >= w.start, S.event_date <= w.end)
                                  for w in windows]) if windows else false())
    for name in ("family", "channel", "origin"):
        if getattr(f, name):
            query = query.where(getattr(S, name) == getattr(f, name))
    if f.position:
        query = query.where(S.position_group == f.position)
    if f.date_from:
        query = query.where(S.event_date >= f.date_from)
    if f.date_to:
        query = query.where(S.event_date <= f.date_to)
    return query


def _grouped(session, column, f: Filters, account: Account | None) -> dict[Any, int]:
    query = _filtered(select(column.label("k"), func.count().label("n")).select_from(S), f, account)
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
            writer.writerow(["" if row.get(c) is None else safe_cell(_text(row.get(c))) for c in self.columns])
        return buffer.getvalue()


def _text(value: Any) -> Any:
    """Booleans as true/false; numbers stay numbers (the injection guard leaves them alone); the rest as text."""
    if isinstance(value, bool):
        return str(value).lower()
    return value if isinstance(value, (int, float)) else str(value)


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
    **{g.id: (g.label.id, g.label.en) for g in standing.GROUPS},
    "reported": ("Dilaporkan/ditemukan", "Reported or found"), "registered": ("Diregistrasi", "Registered"),
    "recommended": ("Direkomendasikan ke BKN", "Recommended to BKN"),
}


def _simple(key: str) -> tuple[str, str]:
    if key in _SIMPLE_LABELS:
        return _SIMPLE_LABELS[key]
    lab = case_label(key)
    return (lab.id, lab.en)


# ------------------------------------------------------------------------------------------------ charts


def _standing_dims():
    """The columns ``standing.standing`` needs, for grouping case_stats."""
    return (S.status, S.registered_at.isnot(None), S.recommended_at.isnot(None), S.sanctioned_at.isnot(None))


def _by(split: bool, column):
    """The extra leading group-by column of a split query (one result per province), or none."""
    return (column,) if split else ()


def _splits(split: bool, factory):
    """Accumulators keyed by province when split, else by None (the one scope asked about)."""
    return defaultdict(factory)


def _out(split: bool, built: dict):
    return built if split else built[None]


def summary_tables(session, f: Filters, account: Account | None, split: bool = False):
    """Counts by where cases stand (group, and current status within it), family, channel, origin and position
    group, from one grouped scan (or the rollup). With split, a list of tables for each province of the scope."""
    acc = _splits(split, lambda: [defaultdict(int) for _ in range(5)])
    if not split:
        acc[None]  # an empty scope still has its (zero) tables
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        by = _by(split, R.province_code)
        for *where, group, status, n in rollup.summed(session, "standing", rolled, account, *by, R.k1, R.k2):
            acc[where[0] if split else None][0][(group, status)] += int(n)
        for i, measure in enumerate(("family", "channel", "origin", "position"), start=1):
            for *where, key, n in rollup.summed(session, measure, rolled, account, *by, R.k1):
                acc[where[0] if split else None][i][key or UNKNOWN] += int(n)
    for scan in scans:
        dims = (*_by(split, S.province_code), *_standing_dims(), S.family, S.channel, S.origin, S.position_group)
        query = _filtered(select(*dims, func.count()).select_from(S), scan, account).group_by(*dims)
        for *where, st, registered, recommended, sanctioned, fa, ch, og, po, n in session.execute(query):
            stood, fam, chan, orig, pos = acc[where[0] if split else None]
            stood[(standing.standing(str(st), bool(registered), bool(recommended), bool(sanctioned)), str(st))] += n
            fam[fa or UNKNOWN] += n
            chan[ch or UNKNOWN] += n
            orig[str(og)] += n
            pos[str(po)] += n
    return _out(split, {where: _summary(*counts) for where, counts in acc.items()})


def _summary(stood, fam, chan, orig, pos) -> list[Table]:
    groups: dict[str, int] = defaultdict(int)
    for (group, _), n in stood.items():
        groups[group] += n
    total = sum(groups.values())
    return [
        Table("summary", ["key", "label_id", "label_en", "count"],
              [{"key": "total", "label_id": "Jumlah perkara", "label_en": "Cases", "count": total}]),
        _labelled("status_group", dict(groups), list(standing.IDS), _simple),
        _status_table(stood),
        _labelled("family", dict(fam), [x.id.value for x in load_rulebook().families] + [UNKNOWN], _family_label),
        _labelled("channel", dict(chan), ["social_media", "offline", UNKNOWN], _simple),
        _labelled("origin", dict(orig), ["report", "finding"], _simple),
        _labelled("position", dict(pos), list(positions.IDS), lambda k: (positions.label(k).id, positions.label(k).en)),
    ]


def _status_table(stood: dict[tuple[str, str], int]) -> Table:
    """Current statuses within each group: key "group:status" (a closed case is in the group it ended in)."""
    rows = []
    for group, status in [*standing.STATUSES, *sorted(k for k in stood if k not in standing.STATUSES)]:
        if (group, status) in stood:
            lab, within = case_label(status), standing.label(group)
            rows.append({"key": standing.status_key(group, status), "group": group, "status": status,
                         "label_id": f"{within.id} — {lab.id}", "label_en": f"{within.en} — {lab.en}",
                         "count": stood[(group, status)]})
    return Table("status", ["key", "group", "status", "label_id", "label_en", "count"], rows)


def region_tables(session, f: Filters, account: Account | None, workforce: Workforce | None = None) -> list[Table]:
    """Counts by province and by regency/city (regencies rolled up to their province in Python); with a workforce
    table, also its civil servants and the cases per 10,000 of them where it has a count."""
    by_code: dict[str, int] = defaultdict(int)
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        for code, n in rollup.summed(session, "region", rolled, account, R.k1):
            by_code[code] += int(n)
    for scan in scans:
        for code, n in _grouped(session, S.region_code, scan, account).items():
            by_code[code] += n
    names = _region_names()
    provinces: dict[str, int] = defaultdict(int)
    regency_rows = []
    for code, n in sorted(by_code.items()):
        province = province_of(code)
        provinces[province] += n
        regency_rows.append({"key": code, "name": names.get(code, (code,))[0], "province": province, "count": n})
    province_rows = [{"key": p, "name": names.get(p, (p,))[0], "count": n} for p, n in sorted(provinces.items())]
    points = load_regency_points()  # where the map draws each regency: its seat, in the province map's coordinates
    tables = [Table("province", ["key", "name", "count"], province_rows),
              Table("regency", ["key", "name", "province", "count"], regency_rows,
                    meta={"points": {r["key"]: points[r["key"]] for r in regency_rows if r["key"] in points}})]
    if workforce is not None:
        for table in tables:
            table.columns += ["workforce", "per_10k"]
            table.meta["workforce"] = workforce.as_json()
            for row in table.rows:
                row["workforce"] = workforce.counts.get(row["key"])
                row["per_10k"] = workforce.rate(row["key"], row["count"])
    return tables


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def trend_table(session, f: Filters, account: Account | None, split: bool = False):
    """Cases by week of the event date (Monday first); the election stages go along as meta for the time axis.
    With split, a table for each province of the scope."""
    acc = _splits(split, lambda: defaultdict(int))
    if not split:
        acc[None]
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        for *where, day, n in rollup.summed(session, "day", rolled, account, *_by(split, R.province_code), R.k1):
            acc[where[0] if split else None][date.fromisoformat(day) if day else None] += int(n)
    dims = (*_by(split, S.province_code), S.event_date)
    for scan in scans:
        for *where, day, n in session.execute(_filtered(select(*dims, func.count()).select_from(S), scan, account)
                                              .group_by(*dims)):
            acc[where[0] if split else None][day] += n
    stages = [{"election": e.id, "stage": s.id, "name_id": s.name.id, "name_en": s.name.en,
               "start": s.start.isoformat(), "end": s.end.isoformat()}
              for e in reference_data.elections_in(session) if not f.election or e.id == f.election
              for s in e.stages]
    return _out(split, {where: _weeks(by_day, stages) for where, by_day in acc.items()})


def _weeks(by_day: dict, stages: list[dict]) -> Table:
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
    return Table("week", ["key", "count"], [{"key": k, "count": weeks[k]} for k in keys], meta={"stages": stages})


STEP_TENTHS = {"registered": S.registered_tenths, "recommended": S.recommended_tenths,
               "sanctioned": S.sanctioned_tenths}


def funnel_table(session, f: Filters, account: Account | None, split: bool = False):
    """Cases that reached each step (from where they stand: ``standing.reached``), and the median days each step
    took: registration is timed from the report (findings are registered when recorded, so they are not timed),
    recommendation from registration, sanction from recommendation. Durations count in tenths of a day
    (case_stats.*_tenths); medians are exact on those. With split, a table for each province of the scope."""
    acc = _splits(split, lambda: (defaultdict(int), {step: defaultdict(int) for step in STEP_TENTHS}))
    if not split:
        acc[None]
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        by = _by(split, R.province_code)
        for *where, group, n in rollup.summed(session, "standing", rolled, account, *by, R.k1):
            acc[where[0] if split else None][0][group] += int(n)
        for *where, step, tenths, n in rollup.summed(session, "step_tenths", rolled, account, *by, R.k1, R.k2):
            acc[where[0] if split else None][1][step][int(tenths)] += int(n)
    for scan in scans:  # one scan: where each case stands and how long its steps took, grouped
        by, standing_dims, tenths = _by(split, S.province_code), _standing_dims(), tuple(STEP_TENTHS.values())
        query = _filtered(select(*by, *standing_dims, *tenths, func.count()).select_from(S), scan, account)
        if session.get_bind().dialect.name == "postgresql":
            # Each grouping on its own (GROUPING SETS): grouping by all of them at once multiplies the groups by
            # the durations' combinations, which at a million cases cost more than the scan. A row of one set has
            # NULL in the others' columns (status is never NULL in its own set).
            query = query.group_by(func.grouping_sets(tuple_(*by, *standing_dims), *(tuple_(*by, t) for t in tenths)))
        else:
            query = query.group_by(*by, *standing_dims, *tenths)
        for *where, st, registered, recommended, sanctioned, t1, t2, t3, n in session.execute(query):
            groups, histograms = acc[where[0] if split else None]
            if st is not None:
                groups[standing.standing(str(st), bool(registered), bool(recommended), bool(sanctioned))] += n
            for step, value in zip(STEP_TENTHS, (t1, t2, t3)):
                if value is not None:
                    histograms[step][int(value)] += n
    return _out(split, {where: _funnel(standing.reached(groups), histograms)
                        for where, (groups, histograms) in acc.items()})


def _funnel(reached: dict[str, int], histograms: dict[str, dict[int, int]]) -> Table:
    rows = []
    for step in FUNNEL:
        histogram = histograms.get(step)
        rows.append({"key": step, "label_id": _simple(step)[0], "label_en": _simple(step)[1], "count": reached[step],
                     "median_days": median_of_tenths(histogram) if histogram is not None else None,
                     "timed_cases": sum(histogram.values()) if histogram is not None else None})
    return Table("funnel", ["key", "label_id", "label_en", "count", "median_days", "timed_cases"], rows)


def _overdue_rollup_condition(now: datetime, rules):
    """The overdue cut-offs (netra.analytics.clocks) on case_rollup, which counts clocks by local start day: a clock
    is overdue when that day is on or before the last overdue start day of its clock, zone and extension."""
    return _rollup_condition(tuple(cutoffs(now, rules)))


@lru_cache(maxsize=8)
def _rollup_condition(cuts: tuple):
    """(the clock keys that have a cut-off, for the undated totals; the dated rows of those keys started after
    their cut-off), or None when no clock can be overdue. Overdue = the first minus the second."""
    if not cuts:
        return None
    keys, recent = [], []
    for cut in cuts:
        key = rollup.clock_key(f"{cut.rule.election_kind}:{cut.rule.id}", cut.zone, cut.extended)
        keys.append(key)
        recent.append(and_(R.k1 == key, R.day > cut.last_day.isoformat()))
    earliest = min(cut.last_day for cut in cuts).isoformat()  # a range ix_case_rollup_day answers
    return R.k1.in_(keys), and_(R.day > earliest, or_(*recent))


def _overdue_rolled(session, rolled: Filters, account, now: datetime, rules, split: bool, include_ppk: bool, acc):
    """The rollup's part of the overdue lists: per measure, all clocks of a key minus those not yet overdue."""
    condition = _overdue_rollup_condition(now, rules)
    if condition is None:
        return
    keys, recent = condition
    by = _by(split, R.province_code)
    for i, measure, column in ((0, "clock", R.k1), (1, "clock_agency", R.k2), (2, "clock_ppk", R.k2)):
        if i == 2 and not include_ppk:
            continue
        late: dict[tuple, int] = defaultdict(int)
        for sign, name, where in ((1, measure + rollup.TOTAL, keys), (-1, measure, recent)):
            for *scope, key, n in rollup.summed(session, name, rolled, account, *by, column, where=where):
                late[(scope[0] if split else None, key)] += sign * int(n)
        for (scope, key), n in late.items():
            if n:
                acc[scope][i][_clock_id(key.split("|", 1)[0]) if i == 0 else key or UNKNOWN] += n


def _clock_id(clock: str) -> str:
    return clock.split(":", 1)[1]  # "<election kind>:<clock id>"


def overdue_tables(session, f: Filters, account: Account | None, now: datetime | None = None,
                   include_ppk: bool = True, split: bool = False):
    """Cases whose running legal clock has expired, by clock, by agency of the reported person and by PPK (the
    `ppk` of the send_to_ppk step). Agrees with ``netra.cases.status`` case by case (tests check it). With split,
    the tables for each province of the scope."""
    now = now or datetime.now(timezone.utc)
    rules = reference_data.deadlines_in(session)
    acc = _splits(split, lambda: [defaultdict(int) for _ in range(3)])  # by clock, agency, PPK
    if not split:
        acc[None]
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        _overdue_rolled(session, rolled, account, now, rules, split, include_ppk, acc)
    for scan in scans:
        late = case_clocks.overdue(now)
        dims = (*_by(split, S.province_code), S.clock, S.agency, S.ppk)
        query = _filtered(select(*dims, func.count()).select_from(S).where(late), scan, account)
        for *where, clock, agency, ppk, n in session.execute(query.group_by(*dims)):
            by_clock, by_agency, by_ppk = acc[where[0] if split else None]
            by_clock[_clock_id(clock)] += n
            by_agency[agency or UNKNOWN] += n
            if ppk:
                by_ppk[ppk] += n
    return _out(split, {where: _overdue(*counts, include_ppk, rules) for where, counts in acc.items()})


def _overdue(by_clock, by_agency, by_ppk, include_ppk: bool, rules) -> list[Table]:
    labels = {r.id: (r.label.id, r.label.en) for r in rules.clocks}
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


def rules_table(session, f: Filters, account: Account | None, limit: int | None = 15, split: bool = False):
    """Rules most often violated: cases recommended on each rule (every rule id of the `recommend` step) and cases
    sanctioned on it (rule_id of `impose_sanction`). With split, a table for each province of the scope."""
    acc = _splits(split, lambda: (defaultdict(int), defaultdict(int)))  # recommended, sanctioned
    if not split:
        acc[None]
    rolled, scans = rollup.plan(f, account)
    if rolled is not None:
        by = _by(split, R.province_code)
        for i, measure in ((0, "rule_rec"), (1, "rule_sanc")):
            for *where, rule, n in rollup.summed(session, measure, rolled, account, *by, R.k1):
                acc[where[0] if split else None][i][rule] += int(n)
    for scan in scans:
        by = _by(split, S.province_code)
        queries = (
            (0, select(*by, S.recommended_rule, func.count()).select_from(S).where(S.recommended_rule.isnot(None)),
             S.recommended_rule),
            (0, select(*by, CaseStatsRuleRow.rule_id, func.count()).select_from(S)
             .join(CaseStatsRuleRow, CaseStatsRuleRow.case_id == S.case_id), CaseStatsRuleRow.rule_id),
            (1, select(*by, S.sanction_rule, func.count()).select_from(S).where(S.sanction_rule.isnot(None)),
             S.sanction_rule))
        for i, query, key in queries:
            for *where, rule, n in session.execute(_filtered(query, scan, account).group_by(*by, key)):
                acc[where[0] if split else None][i][rule] += n
    return _out(split, {where: _rules(*counts, limit) for where, counts in acc.items()})


def _rules(recommended, sanctioned, limit: int | None) -> Table:
    book = load_rulebook()
    keys = sorted(set(recommended) | set(sanctioned), key=lambda k: (-recommended.get(k, 0), -sanctioned.get(k, 0), k))
    rows = []
    for k in keys[:limit] if limit else keys:
        rule = book.get(k)
        rows.append({"key": k, "title_id": rule.title.id if rule else k, "title_en": rule.title.en if rule else k,
                     "family": rule.family.value if rule else "", "recommended": recommended.get(k, 0),
                     "sanctioned": sanctioned.get(k, 0)})
    return Table("rules", ["key", "title_id", "title_en", "family", "recommended", "sanctioned"], rows)


# ------------------------------------------------------------------------------------------------ whole views

CHARTS = ("summary", "status_group", "status", "family", "channel", "origin", "position", "province", "regency",
          "week", "funnel", "overdue_clock", "overdue_agency", "overdue_ppk", "rules")


_syncing = threading.Lock()


def sync(db: Database) -> int:
    """Catch case_stats up with every committed case change (see facts.py). A read-only look first: most reads
    find nothing new and take no lock. Then its own short transaction, one at a time in this process: a second
    caller waits and then finds nothing left to do (on SQLite, two writers racing could fail; PostgreSQL also
    takes an advisory lock across processes)."""
    with db.transaction() as session:
        if not facts.behind(session):
            return 0
    with _syncing, db.transaction() as session:
        return facts.sync(session)


def warm(db: Database) -> None:
    """What the first statistics request would otherwise pay for: catching up (after a start or an upgrade), the
    reference data the charts label with, and the national public view (cached in public.py)."""
    load_rulebook()
    _region_names()
    load_regency_points()
    public_tables(db, Filters())  # syncs first


def _with_windows(f: Filters, session) -> Filters:
    """The stage filter's date windows in the calendars in force (the rollup's stage keys come from the same)."""
    if f.stage and f.windows is None:
        return replace(f, windows=tuple(stage_windows(f.stage, f.election, reference_data.elections_in(session))))
    return f


@contextmanager
def reading(db: Database):
    """A read transaction for statistics. On PostgreSQL: without JIT compilation (at a million cases it cost about
    200 ms a query, more than it saved), and planned for the filter values at hand: psycopg prepares a statement
    run five times, and PostgreSQL's generic plan for a date range then scanned five times longer (bench/analytics)."""
    with db.transaction() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SET LOCAL jit = off"))
            session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        yield session


def chart(db: Database, name: str, f: Filters, account: Account | None, now: datetime | None = None) -> Table:
    """One chart's table (what the per-chart CSV and JSON endpoints serve)."""
    sync(db)
    with reading(db) as session:
        f = _with_windows(f, session)
        if name in ("summary", "status_group", "status", "family", "channel", "origin", "position"):
            return {t.name: t for t in summary_tables(session, f, account)}[name]
        if name in ("province", "regency"):
            return {t.name: t for t in region_tables(session, f, account, reference_data.workforce_in(session))}[name]
        if name == "week":
            return trend_table(session, f, account)
        if name == "funnel":
            return funnel_table(session, f, account)
        if name in ("overdue_clock", "overdue_agency", "overdue_ppk"):
            return {t.name: t for t in overdue_tables(session, f, account, now)}[name]
        if name == "rules":
            return rules_table(session, f, account)
    raise KeyError(name)


_dashboards = snapshots.ViewCache()


def dashboard(db: Database, f: Filters, account: Account | None, now: datetime | None = None,
              cached: bool = True) -> dict[str, Table]:
    """Every chart for a scope (an account's regions; None: the whole country) and filters. Kept per data version
    (snapshots.py) unless `cached` is False; the tables returned are shared and must not be changed."""
    now = now or datetime.now(timezone.utc)
    sync(db)
    with reading(db) as session:
        f = _with_windows(f, session)

        def compute():
            tables = [*summary_tables(session, f, account),
                      *region_tables(session, f, account, reference_data.workforce_in(session)),
                      trend_table(session, f, account), funnel_table(session, f, account),
                      *overdue_tables(session, f, account, now), rules_table(session, f, account)]
            return {t.name: t for t in tables}
        if not cached:
            return compute()
        question = json.dumps(["dashboard", sorted(account.scope) if account else None, f.as_dict()])
        return _dashboards.get(db, session, question, snapshots.data_version(session, now), compute)


# The public view (suppressed) lives in public.py; imported last, as it builds on the charts above.
from netra.services.analytics.public import PUBLIC_CHARTS, SCHEMA_VERSION, public_document, public_tables  # noqa: E402,F401
