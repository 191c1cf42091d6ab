"""The signed-in account's notifications (list, unread count, marking read, its email and language) and the
reporter's email confirmation link."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may
from netra.notifications import InvalidAddress
from netra.services.notifications import inbox, subscriptions, worker
from netra.web.forms import form_data, text
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)


def _page(request: Request, account: Account, error: str = "", saved: bool = False, status_code: int = 200,
          email: str | None = None, lang: str | None = None):
    db = request.app.state.db
    stored_email, stored_lang = subscriptions.contact(db, account.id)
    return render(request, "notifications.html", {
        "account": account, "items": inbox.latest(db, account), "unread": inbox.unread(db, account),
        "email": stored_email if email is None else email, "message_lang": lang or stored_lang,
        "error": error, "saved": saved}, status_code=status_code)


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
        session.expunge_all()
    return render(request, "notification_queue.html", {"account": account, "totals": totals, "troubled": troubled})
