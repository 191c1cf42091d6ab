"""The audit chain: each entry's MAC covers its own content and the previous entry's MAC, so editing, deleting or
re-ordering any entry breaks every link after it.

Keyed (issue 14, finding 6): entries from `keyed_from` on are HMAC-SHA256 under a key kept outside the database,
so someone who can write the database cannot re-hash an edited chain with the published algorithm. Entries written
before an installation had a key are plain SHA-256 and were sealed when the key arrived (see netra.storage.
audit_log). Signed checkpoints (`Checkpoint`), kept in a file outside the database, pin the chain's head at moments
in time, so deleting the newest entries (and rewinding the head row) is detected too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str  # "user:12", "token:3", "pelapor", "system"
    action: str  # create, change, transition, view_identity, download, export, seal
    entity: str  # "case:12", "report:NTR-…", "evidence:<sha256>"
    detail: dict  # may carry "states": {case id: digest of its rows} (netra.audit.rows)
    prev_hash: str
    hash: str = ""


def _body(entry: AuditEntry) -> bytes:
    return json.dumps(
        [entry.seq, entry.at.isoformat(timespec="microseconds"), entry.actor, entry.action, entry.entity,
         entry.detail, entry.prev_hash],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str,
    ).encode()


def entry_hash(entry: AuditEntry, key: bytes | None = None) -> str:
    """HMAC-SHA256 under `key`; plain SHA-256 without one (entries from before the installation had a key)."""
    if key is None:
        return hashlib.sha256(_body(entry)).hexdigest()
    return hmac.new(key, _body(entry), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """Names an audit key without revealing it (backups carry it, so a restore can tell whether it has the key
    the backup's chain was written under)."""
    return hmac.new(key, b"netra-audit-key-id", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry], key: bytes | None = None,
                 keyed_from: int = 1) -> tuple[int, list[ChainBreak]]:
    """(entries checked, breaks). Entries must come in seq order; a gap in seq means a deleted entry. Without a key
    every entry is checked as plain SHA-256, which shows accidents but not a forger who re-hashes."""
    previous_hash, expected_seq, checked, breaks = GENESIS, 1, 0, []
    for e in entries:
        checked += 1
        if e.seq != expected_seq:
            breaks.append(ChainBreak(e.seq, f"entries {expected_seq}–{e.seq - 1} are missing (deleted)"))
        if e.prev_hash != previous_hash:
            breaks.append(ChainBreak(e.seq, "does not follow the previous entry (an entry was removed or edited)"))
        keyed = key is not None and e.seq >= keyed_from
        if not hmac.compare_digest(entry_hash(e, key if keyed else None), e.hash):
            breaks.append(ChainBreak(e.seq, "content does not match its MAC (edited, or written without this "
                                            "installation's audit key)" if keyed else
                                            "content does not match its hash (edited)"))
        previous_hash, expected_seq = e.hash, e.seq + 1
    return checked, breaks


@dataclass(frozen=True)
class Checkpoint:
    """The chain's head at one moment, signed with the audit key: proof of how far the chain reached, which no one
    who can only write the database can produce or take back."""

    seq: int
    hash: str
    keyed_from: int
    at: str  # ISO time, UTC
    mac: str = ""

    def _payload(self) -> bytes:
        return json.dumps({"seq": self.seq, "hash": self.hash, "keyed_from": self.keyed_from, "at": self.at},
                          sort_keys=True, separators=(",", ":")).encode()

    def signed(self, key: bytes) -> "Checkpoint":
        mac = hmac.new(key, b"netra-audit-checkpoint\x00" + self._payload(), hashlib.sha256).hexdigest()
        return Checkpoint(self.seq, self.hash, self.keyed_from, self.at, mac)

    def valid(self, key: bytes) -> bool:
        return hmac.compare_digest(self.signed(key).mac, self.mac)

    def line(self) -> str:
        return json.dumps({"seq": self.seq, "hash": self.hash, "keyed_from": self.keyed_from, "at": self.at,
                           "mac": self.mac}, sort_keys=True)

    @classmethod
    def parse(cls, line: str) -> "Checkpoint":
        data = json.loads(line)
        return cls(int(data["seq"]), str(data["hash"]), int(data["keyed_from"]), str(data["at"]), str(data["mac"]))


def verify_checkpoints(checkpoints: Iterable[tuple[int, Checkpoint | None]], key: bytes, head_seq: int,
                       keyed_from: int, hash_at) -> list[ChainBreak]:
    """Checks the chain against signed checkpoints: (line number, checkpoint or None when unreadable). `hash_at(seq)`
    gives the stored hash of an entry (None when missing). The chain itself must verify too: then a checkpoint's
    hash vouches for every entry up to its seq."""
    breaks = []
    for number, cp in checkpoints:
        if cp is None or not cp.valid(key):
            breaks.append(ChainBreak(cp.seq if cp else 0, f"checkpoint line {number} is unreadable or not signed "
                                                           "with this installation's audit key"))
            continue
        if cp.keyed_from != keyed_from:
            breaks.append(ChainBreak(cp.seq, f"the chain says keyed from entry {keyed_from}, checkpoint line "
                                             f"{number} says {cp.keyed_from} (the head row was edited)"))
        if cp.seq > head_seq:
            breaks.append(ChainBreak(cp.seq, f"checkpoint line {number} ({cp.at}) saw entries up to {cp.seq}; the "
                                             f"chain ends at {head_seq}: the newest entries were deleted"))
        elif cp.seq > 0 and hash_at(cp.seq) != cp.hash:
            breaks.append(ChainBreak(cp.seq, f"entry {cp.seq} is not the one checkpoint line {number} ({cp.at}) "
                                             "signed: the chain was rewritten from there back"))
    return breaks
