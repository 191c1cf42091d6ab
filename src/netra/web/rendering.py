"""Template rendering with the interface language, the signed-in account and the CSRF token at hand."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemBytecodeCache, meta

from netra.accounts.model import Account
from netra.cases import label as domain_label
from netra import formatting
from netra.formatting import FILTERS
from netra.intake.report import reporting_limit_text
from netra.notifications.webhook_urls import masked
from netra.regions.model import TimeZone
from netra.services.notifications import inbox
from netra.storage.repositories import RegionRepository
from netra.web.i18n import pick_language, translate
from netra.web.security import csrf_token, current_account

templates = Jinja2Templates(directory=str(resources.files("netra.web").joinpath("templates")))
templates.env.filters.update(FILTERS)  # angka, persen, tanggal, waktu: Indonesian formats (Babel)
templates.env.filters["url_tersamar"] = masked  # a webhook URL without the path that may hold a token


def cache_compiled_templates(directory: Path) -> None:
    """Keep compiled templates on disk between starts (Jinja checks each against its source): compiling the
    statistics templates took 1.8-2.2 s of a start on a busy machine, reading them back 0.4 s."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only data folder: compile on each start, as before
        return
    templates.env.bytecode_cache = FileSystemBytecodeCache(str(directory))


def compile_templates(*names: str) -> None:
    """Compile `names` and every template they extend, include or import (Jinja compiles each on first use: the
    statistics page and its base and chart macros took 1.6 s of a first request on a busy machine)."""
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = templates.env.loader.get_source(templates.env, name)[0]
        todo += [n for n in meta.find_referenced_templates(templates.env.parse(source)) if n]
        templates.get_template(name)


def account_zone(request: Request, account: Account | None) -> str:
    """The zone a person reads times in: that of the first region in their scope (WIB for the public)."""
    if account is None or not account.scope:
        return TimeZone.WIB.value
    with request.app.state.db.transaction() as session:
        region = RegionRepository(session).get(account.scope[0])
    return (region.timezone if region else TimeZone.WIB).value


def account_time(request: Request, account: Account):
    """Formats times for this person (netra.formatting.moment): in their zone, WIB/WITA/WIT named, in the
    interface language."""
    zone, lang = account_zone(request, account), pick_language(request.cookies.get("lang"))
    return lambda at: formatting.moment(at, zone, lang)


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return not request.url.path.startswith("/api/") and "application/json" not in accept


def render(request: Request, name: str, context: dict | None = None, status_code: int = 200):
    lang = pick_language(request.cookies.get("lang"))
    account = context.get("account") if context and "account" in context else current_account(request)
    reader_zone = cache(lambda: account_zone(request, account))  # asked only by pages that show a time
    full = {
        "lang": lang,
        "t": lambda key, **kw: translate(lang, key, **kw),
        "num": lambda value: formatting.number(value, lang),  # 1.234 and 6,5 in Indonesian
        "day": lambda value: formatting.day(value, lang),
        # A time with no zone of its own (a case's region gives one) is shown in the reader's zone.
        "moment": lambda value, zone=None: formatting.moment(value, zone or reader_zone(), lang),
        "label": lambda name: getattr(domain_label(name), lang),  # states, actions, destinations
        "reporting_text": reporting_limit_text,
        "csrf_token": csrf_token(request),
        "account": account,
        # the header's badge: asked only by pages that show the account menu
        "unread_notifications": lambda: inbox.unread(request.app.state.db, account) if account else 0,
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, full, status_code=status_code)
