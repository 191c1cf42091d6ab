"""The audit trail: an append-only, keyed hash chain of every create, change, view of reporter identity, download
and export, with signed checkpoints outside the database and digests of the case rows each entry changed."""

from netra.audit.chain import (
    GENESIS, AuditEntry, ChainBreak, Checkpoint, entry_hash, verify_chain, verify_checkpoints,
)
from netra.audit.rows import case_digest

__all__ = ["GENESIS", "AuditEntry", "ChainBreak", "Checkpoint", "case_digest", "entry_hash", "verify_chain",
           "verify_checkpoints"]
