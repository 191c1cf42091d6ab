"""The monitoring queue: flagged items in, a human decision out.

The screener only flags. An officer checks out a batch (nobody else can take those items until the checkout
expires), then confirms each one, which opens a finding case linked to the item, or dismisses it with a reason.
Every decision is kept as a training label for the screener.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.cases import open_case
from netra.screening import Item, screen_many
from netra.screening.runner import LineError, decode_record
from netra.services.unit_of_work import unit_of_work
from netra.storage import audit_log
from netra.storage.case_repository import NewCase
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import RegionRow, ScreenedItemRow

CHECKOUT_MINUTES = 30


class QueueError(ValueError):
    """An Indonesian sentence for the officer."""


@dataclass(frozen=True)
class ImportSummary:
    screened: int
    queued: int
    duplicates: int
    rejected: list[str]  # "line N: why"


def _regency_codes(session) -> set[str]:
    return set(session.scalars(select(RegionRow.code).where(RegionRow.parent_code.is_not(None))))


def _numbered(records: Iterable) -> Iterable[tuple[int, Item | LineError]]:
    """(physical line, Item or LineError) pairs as netra.screening.runner.read_jsonl gives them; plain dicts
    (tests, the API) are numbered by position."""
    for n, record in enumerate(records, start=1):
        yield record if isinstance(record, tuple) else (n, decode_record(n, record))


def _indonesian(error: str) -> str:
    """The screener's reader speaks English (its files are for engineers); the officer reads Indonesian."""
    if error.startswith("malformed JSON") or error.startswith("record is nested"):
        return f"bukan JSON yang sah ({error})"
    if error.startswith("line is not valid UTF-8"):
        return f"bukan teks UTF-8 yang sah ({error})"
    return f"data tidak sah ({error})"


def screen_and_queue(db: Database, records: Iterable, batch: str, election_id: str,
                     default_region: str | None = None, now: datetime | None = None, *,
                     account: Account) -> ImportSummary:
    """Screen records (the `netra screen` input format) for `account`, an officer, and queue the flagged ones.
    A record whose region is unknown or outside the officer's scope is refused with its line number, before
    screening, and nothing of it is stored; the audit entry names the officer."""
    _require_officer(account)
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        regencies = _regency_codes(session)
    items, rejected = [], []
    for line, item in _numbered(records):
        if isinstance(item, LineError):
            rejected.append(f"baris {line}: {_indonesian(item.error)}")
            continue
        region = item.region or default_region
        if region not in regencies:
            rejected.append(f"baris {line} (id {item.id}): kode wilayah tidak dikenal ({region or 'kosong'})")
        elif not account.may_see(region):
            rejected.append(f"baris {line} (id {item.id}): wilayah {region} di luar cakupan Anda")
        else:
            items.append((item, region))
    rows, screened = [], 0
    for (item, region), result in zip(items, screen_many(item for item, _ in items)):
        screened += 1
        if not result.violation:
            continue
        out = result.to_dict()
        rows.append(ScreenedItemRow(
            batch=batch, external_id=item.id, source=item.source, text=item.text,
            author=json.loads(json.dumps(record_author(item))), posted_on=item.created_at, region_code=region,
            election_id=election_id, score=out["score"], family=out["family"], rules=out["rules"],
            evidence=out["evidence"], result=out, status="pending", decision_reason="", imported_at=now))
    queued = duplicates = 0
    for row in rows:  # one at a time, so a duplicate skips only itself
        try:
            with db.transaction() as session:
                session.add(row)
                session.flush()
                queued += 1
        except IntegrityError:
            duplicates += 1
    with db.transaction() as session:
        audit_log.append(session, f"user:{account.id}", "create", f"queue:{batch}", at=now,
                         detail={"screened": screened, "queued": queued, "duplicates": duplicates,
                                 "rejected": len(rejected)})
    return ImportSummary(screened, queued, duplicates, rejected)


def record_author(item: Item) -> dict:
    author = item.author
    return {"is_asn": getattr(author, "is_asn", None), "role": getattr(author, "role", None)} if author else {}


def _require_officer(account: Account) -> None:
    if not may(account.role, Capability.REVIEW_QUEUE):
        raise QueueError("Hanya petugas Bawaslu yang meninjau antrean pemantauan.")


def _free(now: datetime):
    return or_(ScreenedItemRow.checked_out_by.is_(None), ScreenedItemRow.checkout_expires < now)


def queue_counts(db: Database, account: Account, now: datetime | None = None) -> dict[str, int]:
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        base = select(func.count()).select_from(ScreenedItemRow).where(within(account, ScreenedItemRow.region_code))
        return {
            "pending": session.scalar(base.where(ScreenedItemRow.status == "pending")),
            "available": session.scalar(base.where(ScreenedItemRow.status == "pending", _free(now))),
            "confirmed": session.scalar(base.where(ScreenedItemRow.status == "confirmed")),
            "dismissed": session.scalar(base.where(ScreenedItemRow.status == "dismissed")),
        }


def check_out(db: Database, account: Account, count: int = 10, now: datetime | None = None) -> list[int]:
    """Claim up to `count` free pending items in scope; each claim is a guarded UPDATE, so two officers can
    never hold the same item."""
    _require_officer(account)
    now = now or datetime.now(timezone.utc)
    expires = now + timedelta(minutes=CHECKOUT_MINUTES)
    claimed: list[int] = []
    with db.transaction() as session:
        candidates = session.scalars(
            select(ScreenedItemRow.id).where(within(account, ScreenedItemRow.region_code), ScreenedItemRow.status == "pending", _free(now))
            .order_by(ScreenedItemRow.score.desc(), ScreenedItemRow.id).limit(count * 3)).all()
    for item_id in candidates:
        if len(claimed) == count:
            break
        with db.transaction() as session:
            won = session.execute(update(ScreenedItemRow).where(
                ScreenedItemRow.id == item_id, ScreenedItemRow.status == "pending", _free(now))
                .values(checked_out_by=account.id, checkout_expires=expires)).rowcount
        if won:
            claimed.append(item_id)
    return claimed


def my_items(db: Database, account: Account, now: datetime | None = None) -> list[ScreenedItemRow]:
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        return list(session.scalars(select(ScreenedItemRow).where(
            ScreenedItemRow.checked_out_by == account.id, ScreenedItemRow.status == "pending",
            ScreenedItemRow.checkout_expires >= now).order_by(ScreenedItemRow.score.desc())))


def decide(db: Database, account: Account, item_id: int, decision: str, reason: str,
           now: datetime | None = None) -> int | None:
    """Confirm (returns the new finding case id) or dismiss (returns None). The item must be checked out by
    this officer and not expired."""
    _require_officer(account)
    now = now or datetime.now(timezone.utc)
    if decision not in ("confirm", "dismiss"):
        raise QueueError("Keputusan harus 'konfirmasi' atau 'tolak'.")
    if decision == "dismiss" and not reason.strip():
        raise QueueError("Tuliskan alasan menolak tanda dari penyaring.")
    with unit_of_work(db) as uow:
        session = uow.session
        item = session.scalar(select(ScreenedItemRow).where(ScreenedItemRow.id == item_id, within(account, ScreenedItemRow.region_code)))
        if item is None:
            raise QueueError("Item tidak ditemukan di wilayah Anda.")
        if item.status != "pending":
            raise QueueError("Item ini sudah diputuskan.")
        expires = item.checkout_expires
        if expires is not None and expires.tzinfo is None:
            expires = expires.replace(tzinfo=timezone.utc)
        if item.checked_out_by != account.id or expires is None or expires < now:
            raise QueueError("Ambil item ini terlebih dahulu; item yang diambil petugas lain tidak dapat diputuskan.")
        case_id = None
        if decision == "confirm":
            state, record = open_case(
                "finding", now, uow.calendar.kind(item.election_id), uow.cases.zone(item.region_code).zoneinfo.key,
                actor=account, event_date=item.posted_on,
                reason=f"Temuan dari pemantauan ({item.source} {item.external_id}): {item.text}\n{reason}".strip())
            record = replace(record, payload={"screened_item": item.id, "rules": item.rules,
                                              "evidence": item.evidence, "score": item.score})
            actor = item.result.get("actor") or {}
            case_id = uow.cases.open(
                NewCase(origin="finding", region_code=item.region_code, election_id=item.election_id,
                        reported_position=actor.get("text") or "", event_date=item.posted_on, family=item.family,
                        channel="social_media" if item.source == "post" else None),
                state, record, actor=account, audit_detail={"screened_item": item.id}).id
        item.status = "confirmed" if decision == "confirm" else "dismissed"
        item.decided_by, item.decided_at, item.decision_reason, item.case_id = account.id, now, reason.strip(), case_id
        audit_log.append(session, f"user:{account.id}", "change", f"queue_item:{item.id}", at=now,
                         detail={"decision": decision, "case_id": case_id}, covers=[case_id] if case_id else ())
        return case_id


def decision_labels(db: Database) -> list[dict]:
    """Every human decision as a labelled example in the screener's corpus format (see `netra model train`)."""
    with db.transaction() as session:
        rows = session.scalars(select(ScreenedItemRow).where(ScreenedItemRow.status.in_(("confirmed", "dismissed")))
                               .order_by(ScreenedItemRow.id)).all()
        return [{"id": f"review-{r.id}", "text": r.text, "source": r.source, "author": r.author or {},
                 "created_at": r.posted_on.isoformat() if r.posted_on else None, "region": r.region_code,
                 "violation": r.status == "confirmed", "family": r.family if r.status == "confirmed" else None,
                 "rules": r.rules if r.status == "confirmed" else [], "evidence": [],
                 "label_note": f"reviewer decision: {r.decision_reason}"[:300]} for r in rows]


__all__ = ["ImportSummary", "QueueError", "check_out", "decide", "decision_labels", "my_items", "queue_counts",
           "screen_and_queue"]
