"""Hash chaining: each entry's hash covers its own content and the previous entry's hash, so editing or
deleting any entry breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str  # "user:12", "pelapor", "system"
    action: str  # create, change, transition, view_identity, download, export
    entity: str  # "case:12", "report:NTR-…", "evidence:<sha256>"
    detail: dict
    prev_hash: str
    hash: str = ""


def entry_hash(entry: AuditEntry) -> str:
    body = json.dumps(
        [entry.seq, entry.at.isoformat(timespec="microseconds"), entry.actor, entry.action, entry.entity,
         entry.detail, entry.prev_hash],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry]) -> tuple[int, list[ChainBreak]]:
    """(entries checked, breaks). Entries must come in seq order; a gap in seq means a deleted entry."""
    previous_hash, expected_seq, checked, breaks = GENESIS, 1, 0, []
    for e in entries:
        checked += 1
        if e.seq != expected_seq:
            breaks.append(ChainBreak(e.seq, f"entries {expected_seq}–{e.seq - 1} are missing (deleted)"))
        if e.prev_hash != previous_hash:
            breaks.append(ChainBreak(e.seq, "does not follow the previous entry (an entry was removed or edited)"))
        if entry_hash(e) != e.hash:
            breaks.append(ChainBreak(e.seq, "content does not match its hash (edited)"))
        previous_hash, expected_seq = e.hash, e.seq + 1
    return checked, breaks
