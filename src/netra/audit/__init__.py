"""The audit trail: an append-only, hash-chained record of every create, change, view of reporter identity,
download and export."""

from netra.audit.chain import GENESIS, AuditEntry, ChainBreak, entry_hash, verify_chain

__all__ = ["GENESIS", "AuditEntry", "ChainBreak", "entry_hash", "verify_chain"]
