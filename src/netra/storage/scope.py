"""Region scope in SQL: the one translation of netra.regions.model.covers (a province covers its regencies and
cities) that every query restricting rows to an account's regions uses."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, false, or_

from netra.accounts.model import Account


def within(scope: Account | Iterable[str], region=None, province=None) -> ColumnElement[bool]:
    """Rows whose region lies in `scope` (an account, or region codes). `region` is the column holding the
    region code; tables that also keep the province code may pass it as `province`, which then answers the
    province entries of the scope (an indexed equality instead of a prefix match). A table with only a province
    column answers province entries only: regency entries match nothing there."""
    codes = scope.scope if isinstance(scope, Account) else tuple(scope)
    conditions = []
    for code in codes:
        if "." not in code and province is not None:
            conditions.append(province == code)
        elif region is not None:
            conditions += [region == code, region.startswith(code + ".", autoescape=True)]
    return or_(*conditions) if conditions else false()
