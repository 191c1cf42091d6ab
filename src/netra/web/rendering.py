"""Template rendering with the interface language, the signed-in account and the CSRF token at hand."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates

from netra.accounts.model import Account
from netra.cases import label as domain_label
from netra.cases import local_text
from netra.regions.model import TimeZone
from netra.storage.repositories import RegionRepository
from netra.web.i18n import pick_language, translate
from netra.web.security import csrf_token, current_account

templates = Jinja2Templates(directory=str(resources.files("netra.web").joinpath("templates")))


def account_time(request: Request, account: Account):
    """Formats times for this person: in the time zone of the first region in their scope, with WIB/WITA/WIT."""
    with request.app.state.db.transaction() as session:
        region = RegionRepository(session).get(account.scope[0]) if account.scope else None
    zone = (region.timezone if region else TimeZone.WIB).zoneinfo.key

    def shown(moment: datetime | None) -> str:
        if moment is None:
            return "—"
        return local_text(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc), zone)

    return shown


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return not request.url.path.startswith("/api/") and "application/json" not in accept


def render(request: Request, name: str, context: dict | None = None, status_code: int = 200):
    lang = pick_language(request.cookies.get("lang"))
    account = context.get("account") if context and "account" in context else current_account(request)
    full = {
        "lang": lang,
        "t": lambda key, **kw: translate(lang, key, **kw),
        "label": lambda name: getattr(domain_label(name), lang),  # states, actions, destinations
        "csrf_token": csrf_token(request),
        "account": account,
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, full, status_code=status_code)
