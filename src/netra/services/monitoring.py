"""The monitoring queue: flagged items in, a human decision out.

The screener only flags. An officer checks out a batch (nobody else can take those items until the checkout
expires), then confirms each one, which opens a finding case linked to the item, or dismisses it with a reason.
Every decision is kept as a training label for the screener.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import Actor, open_case
from netra.regions.model import TimeZone
from netra.screening import Item, ItemError, screen_many
from netra.services.elections import election_kind
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.tables import CaseEventRow, CaseRow, RegionRow, ScreenedItemRow

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


def screen_and_queue(db: Database, records: Iterable[dict], batch: str, election_id: str,
                     default_region: str | None = None, now: datetime | None = None) -> ImportSummary:
    """Screen raw records (the `netra screen` input format) and queue the flagged ones."""
    now = now or datetime.now(timezone.utc)
    items, rejected = [], []
    for n, record in enumerate(records, start=1):
        try:
            items.append(Item.from_dict(record))
        except (ItemError, TypeError, ValueError) as exc:
            rejected.append(f"baris {n}: {exc}")
    with db.transaction() as session:
        regencies = _regency_codes(session)
    rows, screened = [], 0
    for item, result in zip(items, screen_many(items)):
        screened += 1
        if not result.violation:
            continue
        region = item.region or default_region
        if region not in regencies:
            rejected.append(f"id {item.id}: kode wilayah tidak dikenal ({region or 'kosong'})")
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
        audit_log.append(session, "system", "create", f"queue:{batch}", at=now,
                         detail={"screened": screened, "queued": queued, "duplicates": duplicates,
                                 "rejected": len(rejected)})
    return ImportSummary(screened, queued, duplicates, rejected)


def record_author(item: Item) -> dict:
    author = item.author
    return {"is_asn": getattr(author, "is_asn", None), "role": getattr(author, "role", None)} if author else {}


def _require_officer(account: Account) -> None:
    if account.role is not Role.BAWASLU:
        raise QueueError("Hanya petugas Bawaslu yang meninjau antrean pemantauan.")


def _scope(account: Account):
    return or_(*[or_(ScreenedItemRow.region_code == c, ScreenedItemRow.region_code.startswith(c + "."))
                 for c in account.scope]) if account.scope else ScreenedItemRow.id.is_(None)


def _free(now: datetime):
    return or_(ScreenedItemRow.checked_out_by.is_(None), ScreenedItemRow.checkout_expires < now)


def queue_counts(db: Database, account: Account, now: datetime | None = None) -> dict[str, int]:
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        base = select(func.count()).select_from(ScreenedItemRow).where(_scope(account))
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
            select(ScreenedItemRow.id).where(_scope(account), ScreenedItemRow.status == "pending", _free(now))
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
    with db.transaction() as session:
        item = session.scalar(select(ScreenedItemRow).where(ScreenedItemRow.id == item_id, _scope(account)))
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
            tz = TimeZone(session.scalar(select(RegionRow.timezone).where(RegionRow.code == item.region_code)))
            state, record = open_case("finding", now, election_kind(session, item.election_id), tz.zoneinfo.key,
                                      actor=Actor(account.id, account.full_name, "bawaslu"), event_date=item.posted_on,
                                      reason=reason)
            actor = item.result.get("actor") or {}
            case = CaseRow(origin="finding", status=state.state.value, version=state.version,
                           region_code=item.region_code, election_id=item.election_id, reported_name="",
                           reported_nip="", reported_position=actor.get("text") or "", reported_agency="",
                           event_date=item.posted_on, family=item.family,
                           channel="social_media" if item.source == "post" else None, created_at=now, updated_at=now)
            session.add(case)
            session.flush()
            session.add(CaseEventRow(
                case_id=case.id, action=record.action, from_status=None, to_status=state.state.value,
                actor_id=account.id, actor_role="bawaslu", at=now,
                reason=f"Temuan dari pemantauan ({item.source} {item.external_id}): {item.text}\n{reason}".strip(),
                public_reason="", payload={"screened_item": item.id, "rules": item.rules, "evidence": item.evidence,
                                           "score": item.score}, documents=[]))
            case_id = case.id
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
