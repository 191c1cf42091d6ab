"""The monitoring queue: flagged items in, a human decision out.

The screener only flags. An officer checks out a batch (nobody else can take those items until the checkout
expires), then confirms each one, which opens a finding case linked to the item, or dismisses it with a reason.
Every decision is kept as a training label for the screener.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.cases import open_case
from netra.screening import Item
from netra.screening.runner import LineError, decode_record
from netra.services import reference_data
from netra.services.unit_of_work import unit_of_work
from netra.storage import audit_log
from netra.storage.case_repository import NewCase
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import RegionRow, ScreenedItemRow

CHECKOUT_MINUTES = 30
# A small share of the items the screener does NOT flag is stored and offered to officers too, so that misses are
# seen (and become labels); chosen by a hash of batch and id, so re-importing a file picks the same ones.
UNFLAGGED_SHARE = 0.03
# Of each batch an officer takes, this share (at least one item while any is available) goes to those unflagged
# items; the rest are the flags the screener is least sure of (score nearest its threshold) first.
UNFLAGGED_IN_BATCH = 0.1
THRESHOLD = 0.5
DISMISS_KINDS = ("not_an_act", "wrong_actor")


class QueueError(ValueError):
    """An Indonesian sentence for the officer."""


@dataclass(frozen=True)
class ImportSummary:
    screened: int
    queued: int
    duplicates: int
    rejected: list[str]  # "line N: why"
    sampled: int = 0  # unflagged items stored for review (UNFLAGGED_SHARE), not counted in `queued`


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
                     account: Account, unflagged_share: float = UNFLAGGED_SHARE) -> ImportSummary:
    """Screen records (the `netra screen` input format) for `account`, an officer, and queue the flagged ones.
    A record whose region is unknown or outside the officer's scope is refused with its line number, before
    screening, and nothing of it is stored; the audit entry names the officer. Besides the flags, a random
    `unflagged_share` of the items the screener passed is stored for review (`flagged` false)."""
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
    screener = reference_data.screener(db)
    for (item, region), result in zip(items, screener.screen_many(item for item, _ in items)):
        screened += 1
        if not result.violation and not _sampled(batch, item.id, unflagged_share):
            continue
        out = result.to_dict()
        rows.append(ScreenedItemRow(
            batch=batch, external_id=item.id, source=item.source, text=item.text,
            author=json.loads(json.dumps(record_author(item))), posted_on=item.created_at, region_code=region,
            election_id=election_id, score=out["score"], flagged=result.violation, family=out["family"],
            rules=out["rules"], evidence=out["evidence"], result=out, status="pending", decision_reason="",
            imported_at=now))
    queued = sampled = duplicates = 0
    for row in rows:  # one at a time, so a duplicate skips only itself
        try:
            with db.transaction() as session:
                session.add(row)
                session.flush()
                if row.flagged:
                    queued += 1
                else:
                    sampled += 1
        except IntegrityError:
            duplicates += 1
    with db.transaction() as session:
        audit_log.append(session, f"user:{account.id}", "create", f"queue:{batch}", at=now,
                         detail={"screened": screened, "queued": queued, "sampled": sampled,
                                 "duplicates": duplicates, "rejected": len(rejected)})
    return ImportSummary(screened, queued, duplicates, rejected, sampled)


def _sampled(batch: str, external_id: str, share: float) -> bool:
    """Whether an unflagged item is kept for review: a stable pseudo-random draw from batch and id."""
    if share <= 0:
        return False
    digest = hashlib.sha1(f"{batch}\x00{external_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64 < share


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
    """Claim up to `count` free pending items in scope: the flags the screener is least sure of first, plus a
    small random share of unflagged items (UNFLAGGED_IN_BATCH). Each claim is a guarded UPDATE, so two officers
    can never hold the same item."""
    _require_officer(account)
    now = now or datetime.now(timezone.utc)
    expires = now + timedelta(minutes=CHECKOUT_MINUTES)
    claimed: list[int] = []
    with db.transaction() as session:
        free = select(ScreenedItemRow.id).where(within(account, ScreenedItemRow.region_code),
                                                ScreenedItemRow.status == "pending", _free(now))
        # uncertainty sampling: the flags nearest the threshold are the ones a decision teaches most
        flags = session.scalars(free.where(ScreenedItemRow.flagged.is_(True)).order_by(
            func.abs(ScreenedItemRow.score - THRESHOLD), ScreenedItemRow.id).limit(count * 3)).all()
        unflagged = session.scalars(free.where(ScreenedItemRow.flagged.is_(False)).order_by(func.random())
                                    .limit(count * 3)).all()
    share = min(len(unflagged), max(1, math.ceil(count * UNFLAGGED_IN_BATCH)) if count > 1 else 0)
    candidates = [*unflagged[:share], *flags, *unflagged[share:]]
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
            ScreenedItemRow.checkout_expires >= now).order_by(
                func.abs(ScreenedItemRow.score - THRESHOLD), ScreenedItemRow.id)))


def decide(db: Database, account: Account, item_id: int, decision: str, reason: str,
           now: datetime | None = None, dismiss_kind: str = "not_an_act") -> int | None:
    """Confirm (returns the new finding case id) or dismiss (returns None). The item must be checked out by
    this officer and not expired. A dismissal says why: `not_an_act` (the text takes no side) or `wrong_actor`
    (a partisan act, but not by a person bound by neutrality): only the first teaches the screener "not an act"."""
    _require_officer(account)
    now = now or datetime.now(timezone.utc)
    if decision not in ("confirm", "dismiss"):
        raise QueueError("Keputusan harus 'konfirmasi' atau 'tolak'.")
    if decision == "dismiss" and not reason.strip():
        raise QueueError("Tuliskan alasan menolak tanda dari penyaring.")
    if decision == "dismiss" and dismiss_kind not in DISMISS_KINDS:
        raise QueueError("Pilih jenis penolakan: bukan tindakan keberpihakan, atau pelakunya bukan orang yang "
                         "terikat netralitas.")
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
        item.dismiss_kind = dismiss_kind if decision == "dismiss" else None
        audit_log.append(session, f"user:{account.id}", "change", f"queue_item:{item.id}", at=now,
                         detail={"decision": decision, "case_id": case_id, "dismiss_kind": item.dismiss_kind},
                         covers=[case_id] if case_id else ())
        return case_id


def decision_labels(db: Database) -> list[dict]:
    """Every human decision as a labelled example in the screener's corpus format (see `netra model train`)."""
    with db.transaction() as session:
        rows = session.scalars(select(ScreenedItemRow).where(ScreenedItemRow.status.in_(("confirmed", "dismissed")))
                               .order_by(ScreenedItemRow.id)).all()
        return [{"id": f"review-{r.id}", "text": r.text, "source": r.source, "author": r.author or {},
                 "created_at": r.posted_on.isoformat() if r.posted_on else None, "region": r.region_code,
                 "violation": r.status == "confirmed", "family": r.family if r.status == "confirmed" else None,
                 # a wrong actor is still a partisan act: it must not teach the screener "not an act"
                 "act": r.status == "confirmed" or r.dismiss_kind == "wrong_actor",
                 "rules": r.rules if r.status == "confirmed" else [], "evidence": [],
                 "label_note": (f"reviewer decision{'' if r.flagged else ' on an unflagged item'}"
                                f"{' (wrong actor)' if r.dismiss_kind == 'wrong_actor' else ''}: "
                                f"{r.decision_reason}")[:300]} for r in rows]


__all__ = ["ImportSummary", "QueueError", "check_out", "decide", "decision_labels", "my_items", "queue_counts",
           "screen_and_queue"]
