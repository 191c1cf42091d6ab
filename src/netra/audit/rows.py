"""Digests of a case's stored rows, so the audit trail covers what the case tables hold (issue 14, finding 6).

Every audit entry that changes a case records `states`: for each case it touched, a digest of that case's rows as
they were committed (the case, its reports, its history, its evidence). `netra audit verify` recomputes the digests
from the tables: a row changed, added or removed outside Netra no longer matches the newest entry that names its
case, and the entry itself is under the chain's MAC, so the two cannot both be rewritten.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from typing import Any

TABLES = ("cases", "reports", "case_events", "evidence")  # in this order inside a digest


def canonical(value: Any) -> Any:
    """One spelling of a value on every backend: SQLite hands back naive UTC times, PostgreSQL aware ones."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def case_digest(rows: dict[str, list[dict]]) -> str:
    """rows: table name → that case's rows as column → value (any order; sorted here by id)."""
    body = [[table, sorted(({k: canonical(v) for k, v in r.items()} for r in rows.get(table, ())),
                           key=lambda r: r.get("id", 0))] for table in TABLES]
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                                     default=str).encode()).hexdigest()
