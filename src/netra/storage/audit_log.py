"""Writing and verifying the audit chain inside the caller's transaction, and its checkpoints outside the database.

Format (documented in the README): each row of `audit_log` holds seq, at, actor, action, entity, detail, prev_hash
and hash, where hash = HMAC-SHA256(audit key, canonical JSON of the other fields) from `audit_head.keyed_from` on
(plain SHA-256 before it). An entry that changes cases carries detail["states"] = {case id: digest of the case's
rows} (netra.audit.rows). Checkpoints are JSON lines {seq, hash, keyed_from, at, mac} in a file in the data
directory, each signed with the same key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netra.audit.chain import AuditEntry, ChainBreak, Checkpoint, entry_hash, verify_chain, verify_checkpoints
from netra.audit.rows import case_digest
from netra.storage.evidence_store import fsync_directory
from netra.storage.tables import AuditHeadRow, AuditRow, CaseEventRow, CaseRow, EvidenceRow, ReportRow

STATES_PER_ENTRY = 2000  # case digests in one entry: a bulk load or a seal is split over several entries
_CASE_TABLES = ((CaseRow.__table__, "id"), (ReportRow.__table__, "case_id"), (CaseEventRow.__table__, "case_id"),
                (EvidenceRow.__table__, "case_id"))


def append(session: Session, actor: str, action: str, entity: str, detail: dict | None = None,
           at: datetime | None = None, covers: Iterable[int] = ()) -> AuditEntry:
    """Add one entry; commits with the change it records, or not at all. An entity "case:N" and the ids in
    `covers` get the digest of their rows as this transaction leaves them."""
    key = session.info.get("audit_key")
    if key is not None:
        _seal_if_due(session, key)
    ids = set(covers)
    if entity.startswith("case:") and entity[5:].isdigit():
        ids.add(int(entity[5:]))
    return _write(session, key, actor, action, entity, dict(detail or {}), at, ids)


def record_states(session: Session, actor: str, action: str, entity: str, case_ids: Iterable[int],
                  detail: dict | None = None, at: datetime | None = None) -> AuditEntry:
    """For bulk writes (demo data): the digests of many cases, over as many entries as they need; the last."""
    ids = sorted(set(case_ids))
    for start in range(0, max(len(ids), 1), STATES_PER_ENTRY):
        entry = append(session, actor, action, entity, detail, at, covers=ids[start:start + STATES_PER_ENTRY])
    return entry


def _write(session: Session, key: bytes | None, actor: str, action: str, entity: str, detail: dict,
           at: datetime | None, ids: set[int]) -> AuditEntry:
    session.flush()  # the digests read the rows this transaction wrote
    # Bumping the head first takes the write lock (row lock on PostgreSQL, database lock on SQLite), so two
    # writers can never chain onto the same previous entry.
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=AuditHeadRow.seq + 1))
    head = session.execute(select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)).one()
    if ids:
        detail["states"] = {str(i): d for i, d in sorted(case_states(session, ids).items())}
    at = (at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    entry = AuditEntry(seq=head.seq, at=at, actor=actor, action=action, entity=entity, detail=detail,
                       prev_hash=head.hash)
    digest = entry_hash(entry, key)
    session.add(AuditRow(seq=entry.seq, at=at.isoformat(timespec="microseconds"), actor=actor, action=action,
                         entity=entity, detail=entry.detail, prev_hash=entry.prev_hash, hash=digest))
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(hash=digest))
    session.flush()
    return AuditEntry(**{**vars(entry), "hash": digest})


def _seal_if_due(session: Session, key: bytes) -> None:
    """The first keyed entries of an installation that had entries before its key: the digests of every case as it
    stands, so rows written before row digests existed are covered from here on. Only ever at keyed_from."""
    # Write first (the head row's lock), then read: on SQLite a transaction that read first may not write later.
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=AuditHeadRow.seq))
    seq, keyed_from = session.execute(select(AuditHeadRow.seq, AuditHeadRow.keyed_from)
                                      .where(AuditHeadRow.id == 1)).one()
    if seq + 1 != keyed_from or keyed_from == 1:
        return
    ids = list(session.scalars(select(CaseRow.id).order_by(CaseRow.id)))
    parts = max(1, -(-len(ids) // STATES_PER_ENTRY))
    for n in range(parts):
        _write(session, key, "system", "seal", "audit", {"part": n + 1, "of": parts},
               None, set(ids[n * STATES_PER_ENTRY:(n + 1) * STATES_PER_ENTRY]))


def case_states(session: Session, case_ids: Iterable[int]) -> dict[int, str]:
    """Digest of each case's rows (a missing case has the digest of no rows)."""
    ids = sorted(set(case_ids))
    rows: dict[int, dict[str, list[dict]]] = {i: {} for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for table, column in _CASE_TABLES:
            for r in session.execute(select(table).where(table.c[column].in_(chunk))).mappings():
                rows[r[column]].setdefault(table.name, []).append(dict(r))
    return {i: case_digest(rows[i]) for i in ids}


def _entries(session: Session, batch: int = 5000):
    last = 0
    while True:
        rows = session.scalars(select(AuditRow).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)).all()
        if not rows:
            return
        for r in rows:
            yield AuditEntry(r.seq, datetime.fromisoformat(r.at), r.actor, r.action, r.entity, r.detail,
                             r.prev_hash, r.hash)
        last = rows[-1].seq


def verify(session: Session, key: bytes | None = None,
           checkpoints: list[tuple[int, Checkpoint | None]] | None = None) -> tuple[int, list[ChainBreak]]:
    """(entries checked, breaks): the chain (keyed with `key`, by default the key of the session's Database), its
    head row, the seal, the signed checkpoints, and the rows of every case against the newest digest the trail
    holds for it."""
    key = key if key is not None else session.info.get("audit_key")
    head = session.get(AuditHeadRow, 1)
    wanted = {cp.seq for _, cp in checkpoints or [] if cp is not None}
    hashes: dict[int, str] = {}
    states: dict[int, tuple[int, str]] = {}  # case id → (seq of the newest entry naming it, digest)
    breaks: list[ChainBreak] = []
    sealing = head.keyed_from > 1 and key is not None

    def observed(entries):
        nonlocal sealing
        for e in entries:
            if e.seq in wanted:
                hashes[e.seq] = e.hash
            for case_id, digest in (e.detail.get("states") or {}).items() if isinstance(e.detail, dict) else ():
                states[int(case_id)] = (e.seq, digest)
            if key is not None and e.seq >= head.keyed_from:
                if e.seq == head.keyed_from and head.keyed_from > 1 and e.action != "seal":
                    breaks.append(ChainBreak(e.seq, "the first keyed entry is not the seal of the older entries"))
                if e.action == "seal" and not sealing:
                    breaks.append(ChainBreak(e.seq, "a seal where none belongs (the head row was edited)"))
                sealing = sealing and e.action == "seal"
            yield e

    checked, chain_breaks = verify_chain(observed(_entries(session)), key, head.keyed_from)
    breaks = chain_breaks + breaks
    last = session.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
    if head.seq != (last.seq if last else 0) or head.hash != (last.hash if last else head.hash):
        breaks.append(ChainBreak(head.seq, "the newest entries were deleted (head does not match the log)"))
    if checkpoints is not None and key is not None:
        breaks += verify_checkpoints(checkpoints, key, last.seq if last else 0, head.keyed_from, hashes.get)
    breaks += _check_rows(session, states)
    return checked, breaks


def _check_rows(session: Session, states: dict[int, tuple[int, str]]) -> list[ChainBreak]:
    problems = []
    live = set(session.scalars(select(CaseRow.id)))
    for case_id in sorted(live - set(states)):
        problems.append(ChainBreak(0, f"case {case_id} has no audit entry recording its rows (written outside "
                                      "Netra)"))
    recorded = sorted(states)
    for start in range(0, len(recorded), 2000):
        chunk = recorded[start:start + 2000]
        for case_id, digest in case_states(session, chunk).items():
            seq, expected = states[case_id]
            if digest != expected:
                problems.append(ChainBreak(seq, f"case {case_id}: its rows (case, reports, history or evidence) "
                                                f"changed after entry {seq}, outside the audit trail"))
    return problems


# ---------------------------------------------------------------------------------------------------- checkpoints
def write_checkpoint(session: Session, key: bytes, path: Path, now: datetime | None = None) -> Checkpoint | None:
    """Append a signed checkpoint of the current head to `path` (fsynced), unless the last one already has it."""
    head = session.get(AuditHeadRow, 1)
    last = read_checkpoints(path, tail=True)
    if last and last[-1][1] is not None and last[-1][1].seq == head.seq:
        return None
    at = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds")
    checkpoint = Checkpoint(head.seq, head.hash, head.keyed_from, at).signed(key)
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (checkpoint.line() + "\n").encode())  # one write: lines from several workers never interleave
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_directory(path.parent)
    return checkpoint


def read_checkpoints(path: Path, tail: bool = False) -> list[tuple[int, Checkpoint | None]]:
    """(line number, checkpoint or None when the line cannot be read), or only the last line with `tail`."""
    try:
        with open(path, "rb") as fh:
            if tail:  # the last line is within the file's last few kilobytes: no need to read a year of lines
                fh.seek(max(0, os.fstat(fh.fileno()).st_size - 4096))
            lines = fh.read().decode("utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if tail:
        numbered = numbered[-1:]
    out = []
    for n, line in numbered:
        try:
            out.append((n, Checkpoint.parse(line)))
        except (ValueError, KeyError, TypeError):
            out.append((n, None))
    return out

