"""The one guard against CSV/formula injection for every export (case lists, statistics tables).

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return, which some of them skip
before looking) as a formula; a leading quote keeps it text. Only text is touched: numbers stay numbers.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
