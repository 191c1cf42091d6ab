"""case_rollup: live-case counts per province and election for each measure the national and provincial charts need.

Why: at a million cases, a chart scanning case_stats costs 0.2–1 s on two cores (bench/analytics). Most charts'
counts per (province, election, key) are a few thousand rows, so a chart over the whole country adds those up.

What: each case_stats row contributes 1 to one key of every measure (MEASURES), once with stage "" and once more
for each stage of its election's calendar that holds its event date, so a stage filter reads rows of its own, once
under its event month ("month:2024-10"), so a period reads the months it covers in full, and once under its
violation family ("family:social_media"), so a family filter reads rows of its own. The family is a key of the
stage column rather than a column of its own: a family column crossed with every stage and month would multiply
the rows (issue 13: at 1M cases the family keys took case_rollup from 1.52M to 2.30M rows).
`day` holds the local start date of a running legal clock, so the overdue lists apply the same per-clock cut-off
dates as netra.analytics.clocks (these measures are the large ones: a key per agency or PPK and start day).

How it stays correct: facts.refresh takes the old rows' contributions away (``counts(sign=-1)``) before it rewrites
a case's case_stats row and adds the new ones after, then ``apply``s the difference, all in the sync transaction;
facts.rebuild rebuilds it whole. Tests compare it with a rebuild after workflow steps, on both databases.

When: only for whole provinces: no regency, channel, origin or position filter, and a family filter without a
stage or period (``plan``); anything narrower reads case_stats, which is indexed by region and small once
narrowed. A period adds the rollup's whole months to case_stats' edge days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from netra.accounts.model import Account
from netra.analytics import Filters, standing
from netra.services import reference_data
from netra.storage.bulk import insert_rows
from netra.storage.scope import within
from netra.storage.tables import CaseRollupRow, CaseStatsRow, CaseStatsRuleRow

S = CaseStatsRow
R = CaseRollupRow
CHUNK = 20_000
UPSERT_CHUNK = 4_000  # 8 parameters a row: under SQLite's 32,766 and PostgreSQL's 65,535 per statement

# measure -> what k1 (and k2) hold. "" stands for no value (shown as "unknown").
MEASURES = {
    "standing": "where the case stands (netra.analytics.standing); k2: its current status", "family": "family", "channel": "channel", "origin": "origin", "position": "position group",
    "step_tenths": "funnel step; k2: its duration in tenths of a day",
    "rule_rec": "a rule the recommendation named", "rule_sanc": "the rule of the sanction",
    "clock": "running clock|zone|extended; day: local start date",
    "clock_agency": "as clock; k2: agency of the reported person",
    "clock_ppk": "as clock; k2: PPK the case was sent to",
    # The same three without the day: overdue = all the clocks of a key minus those started after its cut-off day,
    # which are few (the recent ones) and found through ix_case_rollup_day; summing the dated rows whose day is on
    # or before each cut-off read nearly every row (issue 13: 0.7-1.2 s for the national overdue lists).
    "clock_total": "as clock, without the day", "clock_agency_total": "as clock_agency, without the day",
    "clock_ppk_total": "as clock_ppk, without the day",
    "region": "region code (regency or city) of the case", "day": "event date (ISO), \"\" when unknown",
}

_COLUMNS = (S.case_id, S.province_code, S.region_code, S.election_id, S.event_date, S.status, S.family, S.channel, S.origin,
            S.position_group, S.agency, S.ppk, S.registered_at, S.recommended_at, S.sanctioned_at, S.registered_tenths,
            S.recommended_tenths, S.sanctioned_tenths, S.recommended_rule, S.sanction_rule, S.clock, S.clock_zone,
            S.clock_extended, S.clock_start_day)

TOTAL = "_total"  # suffix of a clock measure counted without its day
FIELDS = ("measure", "stage", "province_code", "election_id", "k1", "k2", "day")  # a count's key, in order


def clock_key(clock: str, zone: str, extended: bool) -> str:
    return f"{clock}|{zone}|{int(bool(extended))}"


def _keys(row) -> Iterable[tuple[str, str, str, str, str, str]]:
    """(measure, province, election, k1, k2, day) of each measure a case_stats row (a mapping) counts in."""
    p, e = row["province_code"], row["election_id"]
    group = standing.standing(row["status"], row["registered_at"] is not None, row["recommended_at"] is not None,
                              row["sanctioned_at"] is not None)
    yield ("standing", p, e, group, row["status"], "")
    yield ("family", p, e, row["family"] or "", "", "")
    yield ("channel", p, e, row["channel"] or "", "", "")
    yield ("origin", p, e, row["origin"], "", "")
    yield ("position", p, e, row["position_group"], "", "")
    yield ("region", p, e, row["region_code"], "", "")
    yield ("day", p, e, "" if row["event_date"] is None else str(row["event_date"]), "", "")  # a date or its ISO text
    for step, tenths in (("registered", row["registered_tenths"]), ("recommended", row["recommended_tenths"]),
                         ("sanctioned", row["sanctioned_tenths"])):
        if tenths is not None:
            yield ("step_tenths", p, e, step, str(tenths), "")
    if row["recommended_rule"]:
        yield ("rule_rec", p, e, row["recommended_rule"], "", "")
    if row["sanction_rule"]:
        yield ("rule_sanc", p, e, row["sanction_rule"], "", "")
    if row["clock"] and row["clock_start_day"] is not None:
        k1, day = clock_key(row["clock"], row["clock_zone"], row["clock_extended"]), row["clock_start_day"].isoformat()
        for suffix, when in (("", day), (TOTAL, "")):
            yield ("clock" + suffix, p, e, k1, "", when)
            yield ("clock_agency" + suffix, p, e, k1, row["agency"] or "", when)
            if row["ppk"]:
                yield ("clock_ppk" + suffix, p, e, k1, row["ppk"], when)


def _stages_of(session):
    """(election id, event date) -> the stage ids whose window holds the date, in the calendars in force (the same
    windows as netra.analytics.stage_windows, which the case_stats reading filters on)."""
    windows: dict[str, list[tuple]] = {}
    for election in reference_data.elections_in(session):
        windows[election.id] = [(s.id, s.start, s.end) for s in election.stages]

    @lru_cache(maxsize=None)
    def stages(election_id: str, day) -> tuple[str, ...]:
        """"" (every case), the stages holding `day` and its month."""
        if day is None:
            return ("",)
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        return ("", *(stage for stage, start, end in windows.get(election_id, ()) if start <= day <= end),
                f"{MONTH}{day:%Y-%m}")
    return stages


def counts(session, case_ids: Sequence[int] | None = None, sign: int = 1) -> Counter:
    """Contributions of the case_stats rows of `case_ids` (all rows when None), times `sign`."""
    out: Counter = Counter()
    stages_of = _stages_of(session)
    query = select(*_COLUMNS)
    extra = select(S.province_code, S.election_id, S.event_date, S.family, CaseStatsRuleRow.rule_id).join(
        CaseStatsRuleRow, CaseStatsRuleRow.case_id == S.case_id)
    if case_ids is not None:
        query, extra = query.where(S.case_id.in_(case_ids)), extra.where(S.case_id.in_(case_ids))
    for row in session.execute(query.execution_options(yield_per=CHUNK)):
        _add(out, row._mapping, stages_of, sign)
    for province, election, day, family, rule in session.execute(extra):
        _add_rule(out, province, election, day, family, rule, stages_of, sign)
    return out


def _slices(stages_of, election, day, family) -> tuple[str, ...]:
    """The stage keys a case counts under: "", its stages and month (``_stages_of``), its family."""
    stages = stages_of(election, day)
    return (*stages, f"{FAMILY}{family}") if family else stages


def _add(out: Counter, row, stages_of, sign: int) -> None:
    stages = _slices(stages_of, row["election_id"], row["event_date"], row["family"])
    for measure, *rest in _keys(row):
        for stage in stages:
            out[(measure, stage, *rest)] += sign


def _add_rule(out: Counter, province, election, day, family, rule, stages_of, sign: int) -> None:
    """A further rule of a recommendation (case_stats_rules) counts under rule_rec like the first."""
    for stage in _slices(stages_of, election, day, family):
        out[("rule_rec", stage, province, election, rule, "", "")] += sign


class Counts:
    """The same counts as ``counts``, gathered from case_stats rows as a rebuild computes them (dicts with the
    table's columns; rule rows: case_id, rule_id), so the rebuild need not read the table back."""

    def __init__(self, session):
        self.total: Counter = Counter()
        self._stages_of = _stages_of(session)

    def add(self, rows: Sequence[dict], extras: Sequence[dict]) -> None:
        for row in rows:
            _add(self.total, row, self._stages_of, 1)
        if extras:
            by_case = {row["case_id"]: row for row in rows}
            for extra in extras:
                row = by_case[extra["case_id"]]
                _add_rule(self.total, row["province_code"], row["election_id"], row["event_date"],
                          row["family"], extra["rule_id"], self._stages_of, 1)


def apply(session, delta: Counter) -> None:
    """Add `delta` to the stored counts (upsert), then drop keys that reached zero."""
    # In key order: a rebuild then lays each measure's rows out together on disk, so reading one is a short scan.
    changes = [dict(zip(FIELDS, k), n=n) for k, n in sorted(delta.items()) if n]
    if not changes:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # One statement run over many parameter sets (compiled once, batched by the driver layer): a VALUES list of
    # thousands of rows took SQLAlchemy longer to compile than the database took to run it.
    stmt = insert(R.__table__)
    stmt = stmt.on_conflict_do_update(index_elements=[R.__table__.c[name] for name in FIELDS],
                                      set_={"n": R.__table__.c.n + stmt.excluded.n})
    connection = session.connection()
    for i in range(0, len(changes), UPSERT_CHUNK):
        connection.execute(stmt, changes[i:i + UPSERT_CHUNK])
    session.execute(delete(R).where(R.n == 0))


FINGERPRINT = "_built_with"  # a bookkeeping row (measure), never summed: what the rows were computed with


def rebuild(session, fingerprint: str = "", counted: Counter | None = None) -> None:
    """Replace every count with `counted` (by default: ``counts`` of the stored case_stats rows)."""
    session.execute(delete(R))
    if counted is None:
        counted = counts(session)
    # In key order, so each measure's rows lie together on disk; into an empty table, so a plain insert (COPY on
    # PostgreSQL) instead of apply's upsert.
    insert_rows(session, R.__table__, [dict(zip(FIELDS, k), n=n) for k, n in sorted(counted.items()) if n])
    session.add(R(measure=FINGERPRINT, stage="", province_code="", election_id="", k1=fingerprint[:80], k2="",
                  day="", n=1))
    session.flush()


def stored_fingerprint(session) -> str | None:
    return session.scalar(select(R.k1).where(R.measure == FINGERPRINT))


MONTH = "month:"  # stage key of the counts by event month (``_stages_of``): "month:2024-10"
FAMILY = "family:"  # stage key of the counts by violation family (``_slices``): "family:social_media" (a family
# has at most 20 characters, so the key fits the stage column)


def plan(f: Filters, account: Account | None) -> tuple[Filters | None, list[Filters]]:
    """(what the rollup answers, what case_stats must answer) for a question; their counts add up.

    The rollup holds whole provinces only, so a regency, a channel, origin or position filter or an account with
    regencies in scope reads case_stats. A family is read from its own key, alone: with a stage or a period it
    reads case_stats (stage, month and family are the same key column). A period is the months it covers in full,
    read from the rollup's month keys, plus the days at either end outside them, read from case_stats (a stage
    filter with a period reads case_stats, for the same reason)."""
    if any((f.channel, f.origin, f.position)) or (f.region and "." in f.region) or (
            account is not None and any("." in code for code in account.scope)):
        return None, [f]
    if f.family and (f.stage or f.date_from or f.date_to):
        return None, [f]
    if not (f.date_from or f.date_to):
        return f, []
    if f.stage:
        return None, [f]
    start, end = f.date_from, f.date_to
    first = start if start is None or start.day == 1 else _month_after(start)
    last = end if end is None or _month_after(end) - timedelta(days=1) == end else end.replace(day=1) - timedelta(days=1)
    if first is not None and last is not None and first > last:
        return None, [f]
    edges = []
    if start is not None and first != start:
        edges.append(replace(f, date_to=first - timedelta(days=1)))
    if end is not None and last != end:
        edges.append(replace(f, date_from=last + timedelta(days=1)))
    return replace(f, date_from=first, date_to=last), edges


def _month_after(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _stage_condition(f: Filters):
    if f.family:  # alone (see plan)
        return R.stage == f"{FAMILY}{f.family}"
    if f.date_from or f.date_to:  # whole months (see plan)
        low = f"{MONTH}{f.date_from:%Y-%m}" if f.date_from else MONTH
        high = f"{MONTH}{f.date_to:%Y-%m}" if f.date_to else f"{MONTH}~"
        return R.stage.between(low, high)
    return R.stage == (f.stage or "")


def summed(session, measure: str, f: Filters, account: Account | None, *group, where=None) -> list[tuple]:
    """(group columns..., n) of `measure` within the scope and the province/election filters (and `where`)."""
    query = select(*group, func.coalesce(func.sum(R.n), 0)).where(R.measure == measure, _stage_condition(f))
    if where is not None:
        query = query.where(where)
    if account is not None:  # whole provinces only (see plan)
        query = query.where(within(account, province=R.province_code))
    if f.region:
        query = query.where(R.province_code == f.region)
    if f.election:
        query = query.where(R.election_id == f.election)
    return session.execute(query.group_by(*group) if group else query).all()


__all__ = ["FAMILY", "MEASURES", "MONTH", "TOTAL", "Counts", "apply", "plan", "clock_key", "counts", "rebuild", "stored_fingerprint", "summed"]
