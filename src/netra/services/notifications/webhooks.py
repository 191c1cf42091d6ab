"""Webhooks: an administrator registers a URL for one event kind in one region (covering its regencies); every such
event writes a delivery in the transaction of the change, and the worker POSTs it, signed, retrying with the
emails' backoff.

What a POST carries: the event kind, the case number, its region, its state and the time, and a link: never a
name, a reason or a note (a gateway relays it to a chat room, outside netra.accounts.policy's reach).

Idempotency: Idempotency-Key (and X-Netra-Delivery) name the delivery, the same on every retry, so a receiver
drops a copy sent again after a worker died between the receiver's answer and the worker's commit.

Signature: X-Netra-Signature is "sha256=" + hex HMAC-SHA256 under the webhook's secret of
"<X-Netra-Timestamp>.<body>" (the timestamp in Unix seconds), so a receiver can refuse forged and replayed posts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.request
from contextlib import nullcontext
from datetime import datetime, timezone

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.cases import EventKind, label
from netra.config import Settings
from netra.formatting import moment
from netra.notifications.preferences import CLOCK
from netra.notifications.webhook_urls import UnsafeUrl, checked_url, masked
from netra.regions.model import covers
from netra.services.notifications import claims
from netra.services.notifications.messages import URL_MARK
from netra.services.notifications.worker import Counts, settle_failure
from netra.storage import audit_log
from netra.storage.database import Database
from netra.storage.scope import within
from netra.storage.tables import CaseRow, RegionRow, WebhookDeliveryRow, WebhookRow

log = logging.getLogger("netra.worker")

# Events a webhook may be registered for: the case events people act on, and legal-clock warnings.
KINDS = (EventKind.OPENED.value, EventKind.STEP.value, EventKind.LINKED.value, EventKind.SUPPLEMENTED.value,
         EventKind.ASSIGNED.value, EventKind.COMMENTED.value, CLOCK)
TIMEOUT_SECONDS = 10


class WebhookRefused(ValueError):
    """The message is Indonesian, for the administrator."""


def register(db: Database, admin: Account, region_code: str, kind: str, url: str, settings: Settings,
             now: datetime | None = None) -> tuple[int, str]:
    """A new webhook; its id and secret (shown once). WebhookRefused / UnsafeUrl: nothing stored."""
    if kind not in KINDS:
        raise WebhookRefused(f"Jenis peristiwa \"{kind[:40]}\" tidak dikenal; pilih salah satu: {', '.join(KINDS)}.")
    url = checked_url(url, [settings.public_url], settings.webhook_allow_private)
    secret = secrets.token_hex(32)
    with db.transaction() as session:
        if session.get(RegionRow, region_code) is None:
            raise WebhookRefused(f"Wilayah \"{region_code[:13]}\" tidak dikenal.")
        if not admin.may_see(region_code):
            raise WebhookRefused(f"Wilayah {region_code} di luar cakupan Anda.")
        now = now or datetime.now(timezone.utc)
        row = WebhookRow(region_code=region_code, kind=kind, url=url, secret=secret, active=True,
                         created_by=admin.actor, created_at=now)
        session.add(row)
        session.flush()
        audit_log.append(session, admin.actor, "create", f"webhook:{row.id}",
                         {"region_code": region_code, "kind": kind, "url": masked(url)}, at=now)  # never the secret
        return row.id, secret


def enqueue(session: Session, kind: str, case_id: int, region_code: str, now: datetime,
            extra: dict | None = None) -> int:
    """Write a delivery for every active webhook of `kind` covering `region_code`, in the caller's transaction."""
    hooks = [w for w in session.scalars(select(WebhookRow).where(WebhookRow.kind == kind, WebhookRow.active.is_(True)))
             if covers(w.region_code, region_code)]
    if not hooks:
        return 0
    region = session.get(RegionRow, region_code)
    state = session.scalar(select(CaseRow.status).where(CaseRow.id == case_id))
    body = json.dumps({
        "event": kind, "case_id": case_id, "region_code": region_code, "region": region.name,
        "state": state, "state_label": label(state).id if state else None,
        "at": now.astimezone(timezone.utc).isoformat(), "at_local": moment(now, region.timezone),
        "link": f"{URL_MARK}/perkara/{case_id}", **(extra or {})}, ensure_ascii=False, sort_keys=True)
    session.execute(insert(WebhookDeliveryRow), [dict(
        webhook_id=w.id, kind=kind, body=body, status="queued", attempts=0, next_attempt_at=now, response_code=None,
        last_error="", created_at=now) for w in hooks])
    return len(hooks)


def idempotency_key(delivery_id: int) -> str:
    """The same on every retry of one delivery: a receiver that saw it already drops the copy."""
    return f"netra-delivery-{delivery_id}"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect could lead anywhere, past the URL check
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(hook: WebhookRow, delivery: WebhookDeliveryRow, settings: Settings, at: datetime) -> int:
    """POST one delivery; the HTTP status. Raises UnsafeUrl (the URL now resolves inside) or OSError."""
    checked_url(hook.url, [settings.public_url], settings.webhook_allow_private)
    body = delivery.body.replace(URL_MARK, settings.public_url).encode()
    stamp = int(at.timestamp())
    request = urllib.request.Request(hook.url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "Netra-Webhook/1",
        "X-Netra-Event": delivery.kind, "X-Netra-Delivery": str(delivery.id), "X-Netra-Timestamp": str(stamp),
        "Idempotency-Key": idempotency_key(delivery.id),
        "X-Netra-Signature": signature(hook.secret, stamp, body)})
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def deliver_due(db: Database, settings: Settings, now: datetime | None = None, limit: int = 100,
                worker: claims.Worker | None = None) -> Counts:
    """POST what is due, one delivery per claim (as the emails: netra.services.notifications.claims); deliveries
    of a deactivated webhook are never posted."""
    counts = Counts()
    active = WebhookDeliveryRow.webhook_id.in_(select(WebhookRow.id).where(WebhookRow.active.is_(True)))
    with nullcontext(worker) if worker else claims.Worker(db) as me:
        me.release_orphans(now or datetime.now(timezone.utc))
        for _ in range(limit):
            at = now or datetime.now(timezone.utc)
            with db.transaction() as session:
                delivery = claims.take(session, WebhookDeliveryRow, me, at, active)
                if delivery is None:
                    break
                hook = session.get(WebhookRow, delivery.webhook_id)
            permanent, code = False, None
            try:
                code = post(hook, delivery, settings, datetime.now(timezone.utc))
                error = "" if 200 <= code < 300 else f"HTTP {code}"
            except UnsafeUrl as exc:
                error, permanent = str(exc), True
            except (OSError, ValueError) as exc:
                error = f"{type(exc).__name__}: {exc}"
            if not error:  # marked sent at once, as the emails
                claims.settle(db, WebhookDeliveryRow, delivery.id, me, status="sent", sent_at=at, last_error="",
                              response_code=code)
                counts.sent += 1
                continue
            claims.settle(db, WebhookDeliveryRow, delivery.id, me, last_error=error[:1000], response_code=code,
                          **settle_failure(delivery.attempts, at, permanent, counts))
            log.warning("webhook delivery %s attempt %s failed: %s", delivery.id, delivery.attempts, error)
    return counts


def set_active(db: Database, admin: Account, hook_id: int, active: bool, reason: str,
               now: datetime | None = None) -> int:
    """Deactivate (or reactivate) a webhook, with a reason, audited. A deactivated webhook gets no new delivery and
    its queued ones are cancelled (one being posted at that moment completes). The number cancelled.
    WebhookRefused (nothing changed): no reason, an unknown webhook, or one already in that state."""
    reason = (reason or "").strip()[:500]
    if not reason:
        raise WebhookRefused("Tuliskan alasan " + ("pengaktifan kembali." if active else "penonaktifan."))
    now = now or datetime.now(timezone.utc)
    with db.transaction() as session:
        hook = session.get(WebhookRow, hook_id, with_for_update=True)
        if hook is None or not admin.may_see(hook.region_code):  # another region's hook is not told to exist
            raise WebhookRefused(f"Webhook #{hook_id} tidak ada.")
        if hook.active == active:
            raise WebhookRefused(f"Webhook #{hook_id} sudah {'aktif' if active else 'nonaktif'}.")
        hook.active, hook.active_reason, hook.active_changed_by, hook.active_changed_at = (
            active, reason, admin.actor, now)
        cancelled = 0
        if not active:
            cancelled = session.execute(update(WebhookDeliveryRow).where(
                WebhookDeliveryRow.webhook_id == hook_id, WebhookDeliveryRow.status == "queued").values(
                status="cancelled", last_error="webhook dinonaktifkan")).rowcount
        audit_log.append(session, admin.actor, "change", f"webhook:{hook_id}",
                         {"active": active, "reason": reason, "deliveries_cancelled": cancelled}, at=now)
        return cancelled


def overview(session: Session, admin: Account | None = None, limit: int = 50
             ) -> tuple[list[WebhookRow], dict[str, int], list[WebhookDeliveryRow]]:
    """The webhooks, deliveries per status, and the latest deliveries: of the administrator's regions (a hook's URL
    can carry a gateway token), or all of them for the operator's CLI (`admin` None)."""
    query = select(WebhookRow).order_by(WebhookRow.id)
    if admin is not None:
        query = query.where(within(admin, WebhookRow.region_code))
    hooks = list(session.scalars(query))
    mine = WebhookDeliveryRow.webhook_id.in_([h.id for h in hooks])
    totals = dict(session.execute(select(WebhookDeliveryRow.status, func.count()).where(mine)
                                  .group_by(WebhookDeliveryRow.status)).all())
    latest = list(session.scalars(select(WebhookDeliveryRow).where(mine)
                                  .order_by(WebhookDeliveryRow.id.desc()).limit(limit)))
    return hooks, totals, latest
