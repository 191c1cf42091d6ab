"""Region scope in SQL: the one translation of netra.regions.model.covers (a province covers its regencies and
cities) that every query restricting rows to an account's regions uses."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, String, and_, false, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from netra.accounts.model import Account
from netra.regions.model import province_of


class _Bytewise(ColumnElement[str]):
    """A code column compared in byte order, whatever the database's collation: under a language collation
    (en_US.UTF-8) PostgreSQL skips the dots when ordering, so "33.20.01" would fall outside ["33.20.", "33.20/").
    region codes on the hot tables are stored COLLATE "C" (migration 0140), so their indexes serve this range."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]
    type = String()

    def __init__(self, column):
        self.column = column


@compiles(_Bytewise)
def _plain(element, compiler, **kw):  # SQLite compares text bytewise (BINARY) unless told otherwise
    return compiler.process(element.column, **kw)


@compiles(_Bytewise, "postgresql")
def _c_collation(element, compiler, **kw):
    return f'{compiler.process(element.column, **kw)} COLLATE "C"'


def below(region, code: str) -> ColumnElement[bool]:
    """`region` is a code under `code` ("33.20.01" under "33.20", not "33.200"): a half-open range in byte order,
    which a B-tree index answers (a LIKE 'code.%' made PostgreSQL scan the table). Codes are digits and dots, and
    "/" is the character right after "." in byte order, so the range holds exactly the codes starting "code."."""
    column = _Bytewise(region)
    return and_(column >= code + ".", column < code + "/")


def within(scope: Account | Iterable[str], region=None, province=None) -> ColumnElement[bool]:
    """Rows whose region lies in `scope` (an account, or region codes). `region` is the column holding the
    region code; tables that also keep the province code may pass it as `province`, which then answers the
    province entries of the scope (an indexed equality instead of a range) and leads the regency entries' range
    (case_stats' index starts with the province). A table with only a province column answers province entries
    only: regency entries match nothing there."""
    codes = scope.scope if isinstance(scope, Account) else tuple(scope)
    conditions = []
    for code in codes:
        if "." not in code and province is not None:
            conditions.append(province == code)
        elif region is not None:
            inside = or_(region == code, below(region, code))
            conditions.append(and_(province == province_of(code), inside) if province is not None else inside)
    return or_(*conditions) if conditions else false()
