"""The public statistics (/statistik, /api/public/stats/v1): the dashboard's tables, national or for one province,
without free-text fields (agency, PPK) and with small cells suppressed so that none can be worked out.

What is published, seen as tables with totals
---------------------------------------------
A public view is the nation or one province (the region filter) within a slice (the election, stage and family
filters). Each breakdown (where cases stand, family, channel, origin, position group, week, overdue clock, rules)
is published for the nation and, through the region filter, for every province: together, a table of provinces by
category whose row totals are the province counts, whose column totals are the national figures and whose grand
total is the national total; and the regencies add up to their province. So the suppression of a slice is
decided once, for every province together (``netra.analytics.suppression``):

1. regencies within provinces within the nation: which provinces and regencies are shown;
2. each breakdown as a two-way table of provinces by category, with the province and national totals fixed by
   step 1. A province whose total is hidden has its whole row withheld (its page shows no figure), which keeps
   the breakdowns from narrowing its total down;
3. the current statuses within each group of where cases stand: a two-way table per group, its row totals and
   grand total fixed by step 2 (same rule);
4. the funnel is derived from step 2's groups (``standing.reached``): a step is shown when the visible groups
   give its count, otherwise hidden; a median only over at least 5 cases.

The national page and each province's page read their rows from those same decisions, so one cannot be played
against the other. All views of a slice come from one computation, kept until the audit log moves (any case or
reference change) or a deadline cut-off passes.

Not covered: different slices are decided separately (comparing one election with all elections may narrow a
hidden cell down), and different breakdowns are not related to each other beyond their shared totals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Hashable

from netra.analytics import THRESHOLD, Cell, Filters, protect, standing, suppressed_value
from netra.analytics.suppression import PRIMARY, WITHHELD, bounds, primary
from netra.regions.model import province_of
from netra.services import analytics as charts, reference_data
from netra.services.analytics import Table, snapshots
from netra.storage.database import Database

SCHEMA_VERSION = 1
PUBLIC_CHARTS = ("summary", "status_group", "status", "family", "channel", "origin", "position", "province",
                 "regency", "week", "funnel", "overdue_clock", "overdue_province", "rules")
# Breakdowns whose categories partition a province's cases: their row totals are the province counts.
PARTITIONS = ("status_group", "family", "channel", "origin", "position", "week")
NATION = None


# ------------------------------------------------------------------------------------------------ two-way tables


def _two_way(rows: dict[str, dict[str, int]], columns: list[str], *, row_totals: dict[str, Cell] | None = None,
             grand: Cell | None = None, withheld_rows=()) -> dict[tuple, Cell]:
    """Suppress a table of provinces (rows) by category (columns) published with its margins. Keys: (province,
    key), (province, None) row totals, (None, key) column totals, (None, None) grand total. `row_totals` and
    `grand`, when given, were decided elsewhere; the rows in `withheld_rows` are hidden whole."""
    values: dict[Hashable, int] = {}
    for p, counts in rows.items():
        for c in columns:
            values[(p, c)] = int(counts.get(c, 0))
        values[(p, None)] = sum(values[(p, c)] for c in columns)
    for c in columns:
        values[(NATION, c)] = sum(values[(p, c)] for p in rows)
    values[(NATION, None)] = sum(values[(p, None)] for p in rows)
    relations = [((p, None), [(p, c) for c in columns]) for p in rows]
    relations += [((NATION, c), [(p, c) for p in rows]) for c in columns]
    relations.append(((NATION, None), [(p, None) for p in rows]))
    fixed: dict[Hashable, Cell] = {}
    for p, cell in (row_totals or {}).items():
        if p in rows:
            fixed[(p, None)] = cell
    if grand is not None:
        fixed[(NATION, None)] = grand
    hidden_rows = set(withheld_rows) | {p for p in rows if (p, None) in fixed and fixed[(p, None)].suppressed}
    withheld = [(p, c) for p in hidden_rows if p in rows for c in columns]
    withheld += [(p, None) for p in hidden_rows if p in rows and (p, None) not in fixed]
    return _protected(values, relations, fixed, withheld, [((NATION, None), [(NATION, c) for c in columns])])


def _protected(values, relations, fixed, withheld=(), implied=()) -> dict[Hashable, Cell]:
    """protect(), or everything hidden when nothing less will do: a total under the threshold hides all under it,
    and so does a table too small for any pattern to protect its cells (a few cases in all)."""
    total = next((c for c in fixed.values() if c.key == (NATION, None) or c.key == ("grand",)), None)
    if total is None or not (total.suppressed and total.reason == PRIMARY):
        try:
            return protect(values, relations, THRESHOLD, fixed, withheld, implied)
        except ValueError:
            pass
    return {k: fixed.get(k) or _hidden(k, v) for k, v in values.items()}


def _rekey(cell: Cell, key) -> Cell:
    return Cell(key, cell.count, cell.suppressed, cell.reason)


def _hidden(key, value: int) -> Cell:
    if value == 0:
        return Cell(key, 0)
    return Cell(key, None, True, PRIMARY if primary(value) else WITHHELD)


# ------------------------------------------------------------------------------------------------ one slice


@dataclass
class _Slice:
    """Everything needed to render any public view of one slice: true tables and suppression decisions."""

    national: dict[str, Table]
    provinces: dict[str, dict[str, Table]]
    cells: dict[str, dict[tuple, Cell]]  # breakdown -> (province or None, key) -> Cell
    regencies: dict[str, Cell]
    status_cells: dict[tuple, Cell]  # (province or None, "group:status") -> Cell


def _tables(session, f: Filters, now: datetime) -> dict[str, Table]:
    workforce = reference_data.workforce_in(session)
    tables = [*charts.summary_tables(session, f, None), *charts.region_tables(session, f, None, workforce),
              charts.trend_table(session, f, None), charts.funnel_table(session, f, None),
              *charts.overdue_tables(session, f, None, now, include_ppk=False), charts.rules_table(session, f, None, limit=None)]
    return {t.name: t for t in tables}


def _province_tables(session, f: Filters, now: datetime, national: dict[str, Table]) -> dict[str, dict[str, Table]]:
    """The same tables for every province, each chart one query grouped by province (not one per province)."""
    summary = charts.summary_tables(session, f, None, split=True)
    trend = charts.trend_table(session, f, None, split=True)
    funnel = charts.funnel_table(session, f, None, split=True)
    overdue = charts.overdue_tables(session, f, None, now, include_ppk=False, split=True)
    rules = charts.rules_table(session, f, None, limit=None, split=True)
    out = {}
    for p in sorted(summary):  # in code order: the same data gives the same decisions, whatever order SQL returns
        tables = [*summary[p], *_regions_of(national, p), trend[p], funnel[p],
                  *overdue.get(p, charts._overdue({}, {}, {}, False, reference_data.deadlines_in(session))), rules.get(p, charts._rules({}, {}, None))]
        out[p] = {t.name: t for t in tables}
    return out


def _regions_of(national: dict[str, Table], province: str) -> list[Table]:
    """A province's map tables: its own row, and its regencies."""
    mine = _copy(national["province"])
    mine.rows = [r for r in mine.rows if r["key"] == province]
    regencies = _copy(national["regency"])
    regencies.rows = [r for r in regencies.rows if r["province"] == province]
    points = regencies.meta.get("points")
    if points is not None:
        regencies.meta["points"] = {k: v for k, v in points.items() if province_of(k) == province}
    return [mine, regencies]


def _counts(table: Table, column: str = "count") -> dict[str, int]:
    return {r["key"]: int(r.get(column) or 0) for r in table.rows}


def _compute(session, f: Filters, now: datetime) -> _Slice:
    national = _tables(session, f, now)
    province_counts = _counts(national["province"])
    provinces = _province_tables(session, f, now, national)
    grand_total = national["summary"].rows[0]["count"]
    grand = _hidden((NATION, None), grand_total) if primary(grand_total) else Cell((NATION, None), grand_total)

    # 1. regencies within provinces within the nation
    regency_rows = national["regency"].rows
    values = {("grand",): grand_total, **{("p", p): n for p, n in province_counts.items()},
              **{("r", r["key"]): int(r["count"]) for r in regency_rows}}
    relations = [(("grand",), [("p", p) for p in province_counts])]
    relations += [(("p", p), [("r", r["key"]) for r in regency_rows if r["province"] == p]) for p in province_counts]
    hierarchy = _protected(values, relations, {("grand",): _rekey(grand, ("grand",))})
    row_totals = {p: hierarchy[("p", p)] for p in province_counts}
    cells: dict[str, dict[tuple, Cell]] = {"province": {(p, None): c for p, c in row_totals.items()}}
    cells["province"][(NATION, None)] = grand

    # 2. each partition of the cases as provinces by category
    for name in PARTITIONS:
        columns = [r["key"] for r in national[name].rows]
        rows = {p: _counts(t[name]) for p, t in provinces.items()}
        cells[name] = _two_way(rows, columns, row_totals=row_totals, grand=grand)

    # 3. current statuses within each group
    status_cells: dict[tuple, Cell] = {}
    groups = cells["status_group"]
    for group in standing.IDS:
        keys = [r["key"] for r in national["status"].rows if r["group"] == group]
        if not keys:
            continue
        rows = {p: {k: v for k, v in _counts(t["status"]).items() if k in keys} for p, t in provinces.items()}
        rows = {p: r for p, r in rows.items() if (p, group) in groups and _counts(provinces[p]["status_group"]).get(group)}
        if len(keys) == 1:  # one status: its cells are the group's cells, and so are the decisions
            status_cells.update({(p, keys[0]): groups[(p, group)] for p in [*rows, NATION]})
            continue
        decided = _two_way(rows, keys, row_totals={p: groups[(p, group)] for p in rows}, grand=groups[(NATION, group)])
        status_cells.update({k: c for k, c in decided.items() if k[1] is not None})

    # 5. overdue by clock and rules: their own margins; a hidden province's row is withheld
    hidden_provinces = {p for p, c in row_totals.items() if c.suppressed}
    overdue = {p: _counts(t["overdue_clock"]) for p, t in provinces.items()}
    cells["overdue_clock"] = _two_way(overdue, sorted({k for r in overdue.values() for k in r}),
                                      withheld_rows=hidden_provinces)
    for column in ("recommended", "sanctioned"):
        rules = {p: {k: v for k, v in _counts(t["rules"], column).items() if v} for p, t in provinces.items()}
        cells[f"rules.{column}"] = _two_way(rules, sorted({k for r in rules.values() for k in r}),
                                            withheld_rows=hidden_provinces)
    regencies = {r["key"]: hierarchy[("r", r["key"])] for r in regency_rows}
    return _Slice(national, provinces, cells, regencies, status_cells)


# ------------------------------------------------------------------------------------------------ one view


def _mark(row: dict, column: str, cell: Cell | None) -> None:
    """Write a decision into a table row: the count, or None with `<column>_suppressed` and the reason."""
    suppressed = bool(cell and cell.suppressed)
    row[column] = None if suppressed else row.get(column)
    row[f"{column}_suppressed"] = suppressed
    row[f"{column}_suppression"] = cell.reason if suppressed else None


def _add_columns(table: Table, *columns: str) -> None:
    for c in columns:
        for extra in (f"{c}_suppressed", f"{c}_suppression"):
            if extra not in table.columns:
                table.columns.append(extra)


def _copy(table: Table) -> Table:
    return Table(table.name, list(table.columns), [dict(r) for r in table.rows], dict(table.meta))


def _view(sl: _Slice, region: str | None) -> dict[str, Table]:
    where = NATION if region is None else region
    source = sl.national if region is None else sl.provinces[region]
    out = {name: _copy(t) for name, t in source.items() if name in PUBLIC_CHARTS}
    total_cell = sl.cells["province"][(where, None)]
    _mark(out["summary"].rows[0], "count", total_cell)
    _add_columns(out["summary"], "count")
    for name in PARTITIONS:
        for r in out[name].rows:
            _mark(r, "count", sl.cells[name].get((where, r["key"])))
        _add_columns(out[name], "count")
    for r in out["status"].rows:
        _mark(r, "count", sl.status_cells.get((where, r["key"])) or _parent_hidden(sl, where, r["group"]))
    _add_columns(out["status"], "count")
    for r in out["province"].rows:
        cell = sl.cells["province"][(r["key"], None)]
        _mark(r, "count", cell)
        if cell.suppressed and "per_10k" in r:  # the rate and the head count would give the count away
            r["per_10k"] = None
    _add_columns(out["province"], "count")
    for r in out["regency"].rows:
        cell = sl.regencies[r["key"]]
        _mark(r, "count", cell)
        if cell.suppressed and "per_10k" in r:
            r["per_10k"] = None
    _add_columns(out["regency"], "count")
    for r in out["overdue_clock"].rows:
        _mark(r, "count", sl.cells["overdue_clock"].get((where, r["key"])))
    _add_columns(out["overdue_clock"], "count")
    out["overdue_province"] = _overdue_province(sl, region)
    for column in ("recommended", "sanctioned"):
        for r in out["rules"].rows:
            _mark(r, column, sl.cells[f"rules.{column}"].get((where, r["key"])) if r[column] else None)
        _add_columns(out["rules"], column)
    out["funnel"] = _funnel(out["funnel"], out["status_group"], out["origin"], total_cell)
    return {name: out[name] for name in PUBLIC_CHARTS}


def _parent_hidden(sl: _Slice, where, group: str) -> Cell | None:
    parent = sl.cells["status_group"].get((where, group))
    return Cell(group, None, True, WITHHELD) if parent is not None and parent.suppressed else None


def _overdue_province(sl: _Slice, region: str | None) -> Table:
    names = charts._region_names()
    decided = sl.cells["overdue_clock"]
    rows = []
    for (p, key), cell in sorted(decided.items(), key=lambda kv: str(kv[0])):
        if key is None and p is not None and (region is None or p == region):
            value = sum(_counts(sl.provinces[p]["overdue_clock"]).values())
            row = {"key": p, "name": names.get(p, (p,))[0], "count": value}
            _mark(row, "count", cell)
            rows.append(row)
    table = Table("overdue_province", ["key", "name", "count"], rows)
    _add_columns(table, "count")
    return table


def _funnel(funnel: Table, groups: Table, origin: Table, total: Cell) -> Table:
    """Steps reached, from the visible groups: a step is the sum of the groups that reached it, or the total minus
    the others; hidden when neither is visible (labelled hidden, never "<5": a sum's label would add a bound the
    groups' suppression did not allow for), with the range the shown figures and labels already imply
    (`count_range`: e.g. 2,865 to 2,868 when only a "<5" group is unknown). Registration is timed on reports only:
    its number of timed cases is the registered minus the findings, shown when both are."""
    shown = {r["key"]: r["count"] for r in groups.rows if not r["count_suppressed"]}
    bound = {r["key"]: bounds(r["count_suppression"]) for r in groups.rows if r["count_suppressed"]}
    every = [r["key"] for r in groups.rows]
    order = {step: i for i, step in enumerate(standing.FUNNEL)}
    counts: dict[str, int | None] = {}
    ranges: dict[str, list | None] = {}
    for step in standing.FUNNEL:
        inside = [g for g in every if order[standing.BY_ID[g].reached] >= order[step]]
        outside = [g for g in every if g not in inside]
        low = sum(shown.get(g, 0) + bound.get(g, (0, 0))[0] for g in inside)
        high = sum(shown.get(g, 0) + bound.get(g, (0, 0))[1] for g in inside)
        if not total.suppressed:  # or the total less what the other groups can hold
            low = max(low, total.count - sum(shown.get(g, 0) + bound.get(g, (0, 0))[1] for g in outside))
            high = min(high, total.count - sum(shown.get(g, 0) + bound.get(g, (0, 0))[0] for g in outside))
        counts[step] = low if low == high else None
        # What the published figures already tell about a hidden step (no more): shown as a range on the page.
        ranges[step] = None if low == high or (low == 0 and high == float("inf")) else \
            [int(low), None if high == float("inf") else int(high)]
    finding = next((r for r in origin.rows if r["key"] == "finding"), None)
    findings = 0 if finding is None else None if finding["count_suppressed"] else finding["count"]
    out = _copy(funnel)
    for r in out.rows:
        n = counts[r["key"]]
        r["count"], r["count_suppressed"], r["count_suppression"] = n, n is None, WITHHELD if n is None else None
        r["count_range"] = ranges[r["key"]]
        timed = r["timed_cases"]
        r["median_suppressed"] = timed is not None and int(timed) < THRESHOLD
        if timed is not None:
            r["median_days"] = suppressed_value(r["median_days"], int(timed))
            if r["key"] != "registered":
                r["timed_cases"] = n  # every recommended (sanctioned) case times its step
            elif n is not None and findings is not None and not primary(n - findings):
                r["timed_cases"] = n - findings
            else:
                r["timed_cases"] = None
    out.columns = ["key", "label_id", "label_en", "count", "count_suppressed", "count_suppression", "count_range",
                   "median_days", "median_suppressed", "timed_cases"]
    return out


def _plain(tables: dict[str, Table]) -> dict[str, Table]:
    """A view with nothing to hide (a province without cases in the slice): the suppression columns, all false."""
    out = {name: _copy(t) for name, t in tables.items() if name in PUBLIC_CHARTS}
    out["overdue_province"] = Table("overdue_province", ["key", "name", "count"], [])
    for t in out.values():
        columns = [c for c in ("count", "recommended", "sanctioned") if c in t.columns]
        for r in t.rows:
            for c in columns:
                _mark(r, c, None)
        _add_columns(t, *columns)
    for r in out["funnel"].rows:
        r["median_suppressed"], r["count_range"] = False, None
    out["funnel"].columns = ["key", "label_id", "label_en", "count", "count_suppressed", "count_suppression",
                             "count_range", "median_days", "median_suppressed", "timed_cases"]
    return {name: out[name] for name in PUBLIC_CHARTS}


# ------------------------------------------------------------------------------------------------ cache


_slices = snapshots.ViewCache(size=32)


def public_tables(db: Database, f: Filters, now: datetime | None = None, cached: bool = True) -> dict[str, Table]:
    """The public view of `f`: national, or one province's with `f.region`. Every view of the slice is computed
    at once and kept per data version (snapshots.py) unless `cached` is False; the tables returned are shared and
    must not be changed."""
    now = now or datetime.now(timezone.utc)
    charts.sync(db)
    with charts.reading(db) as session:
        f = charts._with_windows(f, session)
        national = replace(f, region=None)

        def compute() -> dict[str, dict[str, Table]]:
            sl = _compute(session, national, now)
            return {"": _view(sl, None), **{p: _view(sl, p) for p in sl.provinces}}
        if cached:
            question = json.dumps(["public", national.as_dict()])
            views = _slices.get(db, session, question, snapshots.data_version(session, now), compute)
        else:
            views = compute()
        if (f.region or "") not in views:  # a province without cases in this slice: nothing to hide
            return _plain(_tables(session, f, now))
    return views[f.region or ""]


def public_document(tables: dict[str, Table], f: Filters, generated_at: datetime) -> dict[str, Any]:
    """The stable JSON of /api/public/stats/v1 (see PublicStats in routes_analytics for the schema)."""
    return {
        "schema": f"netra.public-stats/{SCHEMA_VERSION}",
        "version": SCHEMA_VERSION,
        "generated_at": generated_at.isoformat(),
        "filters": f.as_dict(),
        "suppression": {"threshold": THRESHOLD, "rule": (
            "Counts from 1 to 4 are withheld (null, <column>_suppressed true, <column>_suppression \"primary\"). "
            "So are other cells wherever a withheld count could otherwise be worked out from the published cells "
            "and totals (<column>_suppression \"secondary\": at least 5 cases; \"withheld\": part of a breakdown "
            "whose total is withheld). Medians over fewer than 5 cases are withheld.")},
        "tables": {name: t.as_json() for name, t in tables.items()},
    }


__all__ = ["PUBLIC_CHARTS", "SCHEMA_VERSION", "public_document", "public_tables"]
