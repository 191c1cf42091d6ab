"""storage.scope.within: the half-open range it uses for "under this code" selects exactly the rows the
definition selects (netra.regions.model.covers; before issue 13's fix: `code = c OR code LIKE 'c.%'`), on both
databases, for codes sharing prefixes ("33" / "330" / "33.2" / "33.20" / "33.200"), and on PostgreSQL also in a
column whose collation orders punctuation as a language does (ICU, punctuation ignored: "33.20.01" sorts after
"33.20/" there)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import Column, Integer, MetaData, String, Table, or_, select, text

from netra.regions.model import covers
from netra.storage.scope import within

SEGMENTS = st.sampled_from(["3", "33", "330", "2", "20", "200", "01", "1", "2001", "0"])
CODES = st.lists(SEGMENTS, min_size=1, max_size=4).map(".".join)


def _probe(db, collation: str | None) -> Table:
    """A table of codes (created once per database: hypothesis runs every example on the same one)."""
    table = Table("scope_probe", MetaData(), Column("id", Integer, primary_key=True),
                  Column("code", String(40, collation=collation)), Column("province", String(40)))
    with db.engine.begin() as conn:
        if collation == "punct_ignored":
            conn.execute(text("CREATE COLLATION IF NOT EXISTS punct_ignored (provider = icu, locale = 'en-u-ka-shifted')"))
        table.create(conn, checkfirst=True)
    return table


def _old(codes, column):
    """The definition before the range: equality or a LIKE on "code."."""
    return or_(*[or_(column == c, column.startswith(c + ".", autoescape=True)) for c in codes])


def _check(db, table, stored: list[str], scope: list[str]) -> None:
    with db.engine.begin() as conn:
        conn.execute(table.delete())
        conn.execute(table.insert(), [{"id": i, "code": c, "province": c.split(".", 1)[0]} for i, c in enumerate(stored)])
        got = {r for r, in conn.execute(select(table.c.code).where(within(scope, table.c.code)))}
        with_province = {r for r, in conn.execute(select(table.c.code).where(
            within(scope, table.c.code, table.c.province)))}
        old = {r for r, in conn.execute(select(table.c.code).where(_old(scope, table.c.code)))}
    expected = {c for c in stored if any(covers(s, c) for s in scope)}
    assert got == old == expected
    # With a province column, a province entry is answered by it (equal here, as codes start with their province).
    assert with_province == expected


@pytest.mark.parametrize("collation", [None, "punct_ignored"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=st.lists(CODES, min_size=1, max_size=25), scope=st.lists(CODES, min_size=1, max_size=3))
def test_within_selects_what_covers_selects(db, collation, stored, scope):
    if collation and db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no language collations")
    _check(db, _probe(db, collation), stored, scope)


@pytest.mark.parametrize("collation", [None, "punct_ignored"])
def test_prefix_sharing_codes(db, collation):
    if collation and db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no language collations")
    stored = ["33", "330", "330.20", "33.2", "33.20", "33.20.01", "33.20.01.2001", "33.200", "33.201", "33.2.0",
              "33.20/", "33.20-", "3", "34.20"]
    table = _probe(db, collation)
    for scope in (["33"], ["33.20"], ["33.2"], ["3"], ["33.20", "34"], ["330"]):
        _check(db, table, stored, scope)
