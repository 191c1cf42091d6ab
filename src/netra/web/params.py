"""Numbers from paths and forms, bounded so that no typed value reaches the database as an integer it cannot
hold (a 20-digit case id is a 404, a 5,000-digit version a plain "not a number", never a server error)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path

MAX_ROW_ID = 2**31 - 1  # INTEGER columns on both databases
_DIGITS = re.compile(r"[0-9]{1,10}")

RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


def form_int(value: object) -> int | None:
    """A non-negative integer a database column can hold, or None for anything else (empty, signs, other digit
    scripts, too long)."""
    text = str(value or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= MAX_ROW_ID else None
