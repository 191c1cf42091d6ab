"""The signed-in account's notifications (list, unread count, marking read, its email and language) and the
reporter's email confirmation link."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.notifications import InvalidAddress
from netra.notifications.preferences import KINDS, MANDATORY, PreferenceRefused
from netra.notifications.webhook_urls import UnsafeUrl
from netra.services.notifications import bounces, inbox, preferences, subscriptions, webhooks, worker
from netra.web.forms import form_data, text
from netra.web.i18n import pick_language, translate
from netra.web.params import RowId
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)


def _page(request: Request, account: Account, error: str = "", saved: bool = False, status_code: int = 200,
          email: str | None = None, lang: str | None = None):
    db = request.app.state.db
    stored_email, stored_lang = subscriptions.contact(db, account.id)
    with db.transaction() as session:
        bounce = bounces.bounced(session, stored_email)
        bounced_at = bounce.created_at if bounce else None
    return render(request, "notifications.html", {
        "account": account, "items": inbox.latest(db, account), "unread": inbox.unread(db, account),
        "email": stored_email if email is None else email, "message_lang": lang or stored_lang,
        "bounced_at": bounced_at, "error": error, "saved": saved}, status_code=status_code)


@router.get("/notifikasi")
def notifications(request: Request, account: Account = Depends(require_account)):
    return _page(request, account)


@router.post("/notifikasi/baca")
def mark_read(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    which = text(form, "id")
    inbox.mark_read(request.app.state.db, account, int(which) if which.isdigit() else None)
    return RedirectResponse("/notifikasi", status_code=303)


@router.post("/notifikasi/email")
def set_email(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    address, lang = text(form, "email")[:300], text(form, "language")
    try:
        subscriptions.set_contact(request.app.state.db, account.id, address, lang)
    except InvalidAddress as exc:
        return _page(request, account, error=str(exc), status_code=422, email=address, lang=lang)
    return _page(request, account, saved=True)


def _settings_page(request: Request, account: Account, chosen: dict, error: str = "", saved: bool = False,
                   status_code: int = 200):
    return render(request, "notification_settings.html", {
        "account": account, "kinds": KINDS, "mandatory": MANDATORY, "chosen": chosen, "error": error,
        "saved": saved}, status_code=status_code)


@router.get("/notifikasi/pengaturan")
def settings_page(request: Request, account: Account = Depends(require_account)):
    return _settings_page(request, account, preferences.choices(request.app.state.db, account.id))


@router.post("/notifikasi/pengaturan")
def choose(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    wanted = {kind: text(form, kind)[:20] for kind in KINDS}
    try:
        chosen = preferences.choose(request.app.state.db, account.id, wanted)
    except PreferenceRefused as exc:  # nothing stored; the page keeps what was chosen for correction
        return _settings_page(request, account, wanted, error=str(exc), status_code=422)
    return _settings_page(request, account, chosen, saved=True)


@router.get("/lapor/email/{token}")
def confirm_email(request: Request, token: str):
    code = subscriptions.confirm(request.app.state.db, token)
    if code is None:
        raise HTTPException(404)
    return render(request, "notification_confirmed.html", {"code": code})


@router.get("/admin/notifikasi")
def email_queue(request: Request, account: Account = Depends(require_account)):
    """For administrators: emails per status and the ones failing, with their last error (`netra notifications
    status` shows the same)."""
    if not may(account.role, Capability.ADMINISTER):
        raise HTTPException(403)
    with request.app.state.db.transaction() as session:
        totals, troubled = worker.status(session)
        bounced = bounces.latest(session)
        session.expunge_all()
    return render(request, "notification_queue.html", {"account": account, "totals": totals, "troubled": troubled,
                                                       "bounced": bounced})


def _require_admin(account: Account) -> None:
    if not may(account.role, Capability.ADMINISTER):
        raise HTTPException(403)


def _webhooks_page(request: Request, account: Account, error: str = "", form: dict | None = None,
                   secret: str = "", notice: str = "", status_code: int = 200):
    with request.app.state.db.transaction() as session:
        hooks, totals, latest = webhooks.overview(session, account)
        session.expunge_all()
    return render(request, "notification_webhooks.html", {
        "account": account, "hooks": hooks, "totals": totals, "deliveries": latest, "kinds": webhooks.KINDS,
        "error": error, "form": form or {}, "secret": secret, "notice": notice}, status_code=status_code)


@router.get("/admin/webhook")
def webhooks_page(request: Request, account: Account = Depends(require_account)):
    """For administrators: the webhooks, a form to register one, and every delivery with its status."""
    _require_admin(account)
    return _webhooks_page(request, account)


@router.post("/admin/webhook")
def add_webhook(request: Request, form: FormData = Depends(form_data), account: Account = Depends(require_account)):
    _require_admin(account)
    typed = {"region_code": text(form, "region_code")[:13], "kind": text(form, "kind")[:40],
             "url": text(form, "url")[:2000]}
    try:
        _, secret = webhooks.register(request.app.state.db, account, typed["region_code"], typed["kind"],
                                      typed["url"], request.app.state.settings)
    except (UnsafeUrl, webhooks.WebhookRefused) as exc:
        return _webhooks_page(request, account, error=str(exc), form=typed, status_code=422)
    return _webhooks_page(request, account, secret=secret)


@router.post("/admin/webhook/{hook_id}/status")
def set_webhook_status(request: Request, hook_id: RowId, form: FormData = Depends(form_data),
                       account: Account = Depends(require_account)):
    """Deactivate or reactivate a webhook, with a reason (audited)."""
    _require_admin(account)
    active = text(form, "active") == "1"
    try:
        cancelled = webhooks.set_active(request.app.state.db, account, hook_id, active, text(form, "reason"))
    except webhooks.WebhookRefused as exc:
        return _webhooks_page(request, account, error=str(exc), status_code=422)
    lang = pick_language(request.cookies.get("lang"))
    notice = (translate(lang, "notif.webhook_activated", id=hook_id) if active else
              translate(lang, "notif.webhook_deactivated", id=hook_id, n=cancelled))
    return _webhooks_page(request, account, notice=notice)
