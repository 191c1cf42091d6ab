"""Worklist views are computed by the database over every case in scope, not by filtering the newest rows.

The drift this pins: the overdue view filtered `list_cases(limit=200)` (sorted by last update) in the web layer;
with 400 cases in scope it showed 109 of 201 overdue ones, dropping exactly the cases nobody had touched.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import event, select

from netra.accounts.roles import Role
from netra.cases import open_case
from netra.services.case_queries import worklist
from netra.services.case_workflow import clocks_for
from netra.services.unit_of_work import unit_of_work
from netra.storage.case_repository import LoadedCase, NewCase
from netra.storage.tables import CaseRow
from tests.web.conftest import login

NOW = datetime.now(timezone.utc)


def load_cases(db, overdue: int, fresh: int) -> None:
    """`overdue` untouched reports received 10 days ago (the 3-day Pilkada follow-up clock has run out) and `fresh`
    ones received an hour ago, in Jepara."""
    loaded = []
    with db.transaction() as s:
        first = (s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()).limit(1)) or 0) + 1
    for n in range(overdue + fresh):
        at = NOW - (timedelta(days=10) if n < overdue else timedelta(hours=1))
        state, record = open_case("report", at, "pilkada", "Asia/Jakarta", case_id=first + n)
        loaded.append(LoadedCase(first + n, NewCase("report", "33.20", "pilkada2024", reported_name=f"Terlapor {n}",
                                                    event_date=date(2024, 10, 1)), state, [record]))
    with unit_of_work(db) as uow:
        uow.cases.load(loaded, "test:worklist", {})


def ids_on(html: str) -> set[int]:
    return {int(i) for i in re.findall(r'<tr data-case-id="(\d+)"', html)}


def test_every_overdue_case_in_scope_is_listed(client, app, make_account):
    db = app.state.db
    load_cases(db, overdue=201, fresh=199)
    with db.transaction() as s:
        ids = list(s.scalars(select(CaseRow.id)))
    truth = {i for i, clock in clocks_for(db, ids, NOW).items() if clock and clock.overdue}
    assert len(ids) == 400 and len(truth) == 201
    make_account("bawaslu.daftar", Role.BAWASLU)
    login(client, "bawaslu.daftar")
    first = client.get("/perkara?view=overdue&per=200").text
    assert "201 perkara; ditampilkan 1–200." in first
    second = client.get("/perkara?view=overdue&per=200&halaman=2").text
    assert "201 perkara; ditampilkan 201–201." in second
    assert ids_on(first) | ids_on(second) == truth and not ids_on(first) & ids_on(second)
    assert first.count('data-testid="overdue"') == 200
    exported = client.get("/ekspor/perkara.csv?view=overdue").content.decode("utf-8-sig").splitlines()
    assert len(exported) == 1 + 201


def test_due_soon_agrees_with_each_case_clock(app, make_account):
    db = app.state.db
    load_cases(db, overdue=3, fresh=5)
    officer = make_account("bawaslu.segera", Role.BAWASLU)
    later = NOW + timedelta(days=2)  # the fresh ones are now due by the end of tomorrow
    with db.transaction() as s:
        ids = list(s.scalars(select(CaseRow.id)))
    clocks = clocks_for(db, ids, later)
    listed = worklist(db, officer, "due_soon", now=later)
    assert {c.id for c in listed.cases} == {i for i, c in clocks.items() if c and c.due_soon and not c.overdue}
    assert listed.total == 5 and all(listed.clocks[c.id].due_soon for c in listed.cases)
    assert {c.id for c in worklist(db, officer, "overdue", now=later).cases} == {
        i for i, c in clocks.items() if c and c.overdue}


def test_a_worklist_page_costs_the_same_queries_for_few_or_many_cases(app, make_account):
    db = app.state.db
    officer = make_account("bawaslu.kueri", Role.BAWASLU)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)
    def statements_for_a_page() -> int:
        worklist(db, officer, "all", now=NOW)  # the statistics' catch-up on new cases comes first, once
        statements.clear()
        listed = worklist(db, officer, "all", now=NOW)
        assert all(listed.clocks[c.id] is not None for c in listed.cases)
        return len(statements)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        load_cases(db, overdue=5, fresh=5)
        few = statements_for_a_page()
        load_cases(db, overdue=150, fresh=150)
        many = statements_for_a_page()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert many == few <= 8, (few, many)
