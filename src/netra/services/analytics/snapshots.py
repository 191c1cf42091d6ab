"""Statistics views kept between requests and across restarts.

A view (the public statistics of a filter set, a dashboard for a scope and filters) depends only on what was asked
and on the data version (``data_version``: the audit log's last entry, which every case and reference change
writes, and the deadline cut-offs in force, which move at local midnights). So it is computed once per version,
kept in memory, and written to ``stats_snapshots``: the first request after a restart reads it back instead of
recomputing (the issue measured 12 s for the first /statistik after a start). A row whose version is no longer
current (or that an earlier release of this code computed: ``code_version``) is recomputed and overwritten. Views are shared between requests: callers must not change them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from typing import Any, Callable

from sqlalchemy import func, select

from netra.analytics import cutoffs
from netra.services import reference_data
from netra.storage.database import Database
from netra.storage.tables import AuditRow, StatsSnapshotRow

log = logging.getLogger("netra.statistics")


def data_version(session, now: datetime) -> str:
    """What statistics depend on besides the question: every audited change (cases, reference data, corrected
    rules, corrected deadlines) and the deadline cut-offs in force."""
    seq = session.scalar(select(func.max(AuditRow.seq))) or 0
    return f"{seq}|" + ",".join(c.last_day.isoformat() for c in cutoffs(now, reference_data.deadlines_in(session)))


@cache
def code_version() -> str:
    """A fingerprint of the code that computes the views (the statistics domain and services): a release that
    changes what a view holds does not serve one computed by the previous release."""
    digest = hashlib.sha256()
    for package in ("netra.analytics", "netra.services.analytics"):
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:16]


def _encode(value: Any) -> Any:
    from netra.services.analytics import Table

    if isinstance(value, Table):
        return {"__table__": value.as_json()}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decode(value: Any) -> Any:
    from netra.services.analytics import Table

    if isinstance(value, dict) and "__table__" in value:
        t = value["__table__"]
        return Table(t["name"], t["columns"], t["rows"], t.get("meta") or {})
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


class ViewCache:
    """The last views computed, in memory (the `size` most recent) and in stats_snapshots."""

    def __init__(self, size: int = 64):
        self.size = size
        self.views: OrderedDict[tuple, tuple[str, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, db: Database, session, question: str, version: str, compute: Callable[[], Any]) -> Any:
        key = hashlib.sha256(question.encode()).hexdigest()
        # Compared for equality only; hashed because the data version grew past the column (VARCHAR(400)) once
        # rulebook versions and reference proposals joined it, and PostgreSQL then refused every snapshot.
        version = hashlib.sha256(f"{code_version()}|{version}".encode()).hexdigest()
        memory_key = (str(db.engine.url), key)
        with self.lock:  # one computation at a time: a second request for the same view waits and shares it
            found = self.views.get(memory_key)
            if found is not None and found[0] == version:
                self.views.move_to_end(memory_key)
                return found[1]
            row = session.get(StatsSnapshotRow, key)
            if row is not None and row.version == version:
                value = _decode(json.loads(row.payload))
            else:
                value = compute()
                self._store(db, key, version, value)
            self.views[memory_key] = (version, value)
            while len(self.views) > self.size:
                self.views.popitem(last=False)
            return value

    @staticmethod
    def _store(db: Database, key: str, version: str, value: Any) -> None:
        payload = json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))
        try:
            with db.transaction() as session:
                row = session.get(StatsSnapshotRow, key)
                if row is None:
                    session.add(StatsSnapshotRow(key=key, version=version, payload=payload,
                                                 computed_at=datetime.now(timezone.utc)))
                else:
                    row.version, row.payload, row.computed_at = version, payload, datetime.now(timezone.utc)
        except Exception:  # a cache: the view is served anyway, and the next request tries again
            log.warning("statistics snapshot not stored", exc_info=True)

    def forget(self) -> None:
        with self.lock:
            self.views.clear()


__all__ = ["ViewCache", "data_version"]
