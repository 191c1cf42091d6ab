"""Public pages and the signed-in home."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from netra.accounts.model import Account
from netra.storage.repositories import RegionRepository
from netra.web.i18n import LANGUAGES
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter(include_in_schema=False)

# The home page's map of the product; a capability gets its link when its pages exist.
CAPABILITIES = [
    {"key": "cap.report", "href": "/lapor"},
    {"key": "cap.guidance", "href": "/bolehkah"},
    {"key": "cap.rules", "href": "/aturan"},
    {"key": "cap.screening", "href": "/antrean"},
    {"key": "cap.cases", "href": "/perkara"},
    {"key": "cap.stats", "href": "/statistik"},
]


@router.get("/")
def home(request: Request):
    return render(request, "home.html", {"capabilities": CAPABILITIES})


@router.get("/wilayah")
def my_regions(request: Request, account: Account = Depends(require_account)):
    with request.app.state.db.transaction() as session:
        regions = RegionRepository(session).within(account.scope)
    return render(request, "regions.html", {"account": account, "regions": regions})


@router.get("/bahasa/{lang}")
def switch_language(lang: str, request: Request, next: str = "/"):
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if lang in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response
