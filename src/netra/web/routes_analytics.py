"""Statistics: the dashboard for signed-in officers (/dasbor, /api/stats/...) and the public statistics page and API
(/statistik, /api/public/stats/v1/...). Every chart's rows are also served as CSV and JSON; the dashboard prints as
a PDF report for a region and period.

Charts are drawn in the browser by the vendored Apache ECharts from a JSON block the page carries
(<script type="application/json">, never executed) and the same numbers are in the page's tables, so the page works
and reads without JavaScript and under the strict CSP.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from netra.accounts.model import Account
from netra.analytics import CHANNELS, ORIGINS, Filters, clean_filters, positions, stage_options
from netra.regions.model import province_of
from netra.rulebook import load_rulebook
from netra.services import analytics, reference_data
from netra.services.analytics.report import dashboard_pdf
from netra.storage.repositories import RegionRepository
from netra.web.rendering import render
from netra.web.security import require_account

router = APIRouter()
PUBLIC_FILTERS = ("election", "region", "stage", "family")  # coarse only: fewer ways to difference small cells


def _families() -> list[str]:
    return [f.id.value for f in load_rulebook().families]


def _filters(request: Request, regions: list[str] | None, allowed: tuple[str, ...] | None = None) -> Filters:
    raw = {k: v for k, v in request.query_params.items() if allowed is None or k in allowed}
    return clean_filters(raw, families=_families(), region_codes=regions,
                         elections=reference_data.elections(request.app.state.db))


def _scope_regions(request: Request, account: Account):
    with request.app.state.db.transaction() as session:
        return RegionRepository(session).within(account.scope)


def _provinces(request: Request):
    with request.app.state.db.transaction() as session:
        return RegionRepository(session).provinces()


def _choices(request: Request, regions) -> dict[str, Any]:
    book = load_rulebook()
    elections = reference_data.elections(request.app.state.db)
    return {
        "elections": [(e.id, e.name.id, e.name.en) for e in elections],
        "regions": [(r.code, r.name, r.parent_code) for r in regions],
        "stages": stage_options(elections),
        "families": [(f.id.value, f.label.id, f.label.en) for f in book.families],
        "channels": [(c, *analytics._simple(c)) for c in CHANNELS],
        "origins": [(o, *analytics._simple(o)) for o in ORIGINS],
        "positions": [(g.id, g.label.id, g.label.en) for g in positions.GROUPS],
    }


def _zoom(f: Filters, account: Account | None) -> str | None:
    """The province the map zooms to: the one filtered on, or the only one an officer's regions lie in."""
    if f.region:
        return province_of(f.region)
    provinces = {province_of(code) for code in (account.scope if account else ())}
    return provinces.pop() if len(provinces) == 1 else None


def _query_string(f: Filters) -> str:
    from urllib.parse import urlencode

    return urlencode(f.as_dict())


def _csv(table: analytics.Table, filename: str) -> Response:
    return Response("\ufeff" + table.csv(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


# ---------------------------------------------------------------------------------------------- signed in


@router.get("/dasbor", include_in_schema=False)
def dashboard_page(request: Request, account: Account = Depends(require_account)):
    regions = _scope_regions(request, account)
    f = _filters(request, [r.code for r in regions])
    tables = analytics.dashboard(request.app.state.db, f, account)
    return render(request, "dashboard_page.html", {
        "account": account, "filters": f, "tables": tables, "choices": _choices(request, regions),
        "query": _query_string(f), "public": False, "csv_base": "/api/stats/",
        "data": {"public": False, "zoom": _zoom(f, account), "tables": {n: t.as_json() for n, t in tables.items()}},
    })


@router.get("/dasbor/laporan.pdf", include_in_schema=False)
def dashboard_report(request: Request, account: Account = Depends(require_account)):
    regions = _scope_regions(request, account)
    f = _filters(request, [r.code for r in regions])
    now = datetime.now(timezone.utc)
    tables = analytics.dashboard(request.app.state.db, f, account, now)
    names = {r.code: r.name for r in regions}
    pdf = dashboard_pdf(tables, f, account, now, region_name=names.get(f.region or "", ""))
    return Response(pdf, media_type="application/pdf",
                    headers={"content-disposition": 'attachment; filename="laporan-statistik-netra.pdf"'})


class TableOut(BaseModel):
    name: str
    columns: list[str]
    rows: list[dict[str, Any]]
    meta: dict[str, Any] | None = None


class DashboardOut(BaseModel):
    generated_at: str
    filters: dict[str, str]
    tables: dict[str, TableOut]


@router.get("/api/stats", response_model=DashboardOut, tags=["statistics"])
def dashboard_api(request: Request, account: Account = Depends(require_account)):
    """Every chart of the dashboard for the signed-in account's regions, with the dashboard's filters as query
    parameters (election, region, stage, family, channel, origin, position, date_from, date_to)."""
    regions = _scope_regions(request, account)
    f = _filters(request, [r.code for r in regions])
    tables = analytics.dashboard(request.app.state.db, f, account)
    return {"generated_at": datetime.now(timezone.utc).isoformat(), "filters": f.as_dict(),
            "tables": {n: t.as_json() for n, t in tables.items()}}


@router.get("/api/stats/{chart}.csv", tags=["statistics"], response_class=Response)
def chart_csv(chart: str, request: Request, account: Account = Depends(require_account)):
    """One chart's data as CSV (UTF-8 with BOM, for spreadsheets): the same rows as the JSON."""
    return _csv(_chart(chart, request, account), f"netra-{chart}.csv")


@router.get("/api/stats/{chart}", response_model=TableOut, tags=["statistics"])
def chart_json(chart: str, request: Request, account: Account = Depends(require_account)):
    """One chart's data as JSON."""
    return _chart(chart, request, account).as_json()


def _chart(chart: str, request: Request, account: Account) -> analytics.Table:
    """One chart of the dashboard within the account's regions and the request's filters; 404 for an unknown one."""
    if chart not in analytics.CHARTS:
        raise HTTPException(404)
    regions = _scope_regions(request, account)
    return analytics.chart(request.app.state.db, chart, _filters(request, [r.code for r in regions]), account)


# ---------------------------------------------------------------------------------------------- public


class PublicTable(BaseModel):
    """A published table. Count columns are null where withheld; `<column>_suppressed` says so."""

    name: str
    columns: list[str]
    rows: list[dict[str, Any]]
    meta: dict[str, Any] | None = None


class Suppression(BaseModel):
    threshold: int = Field(description="Counts from 1 to threshold-1 are withheld.")
    rule: str


class PublicStats(BaseModel):
    """Version 1 of the public statistics document. Field names are stable within a version; a change that
    renames or removes a field comes as /api/public/stats/v2."""

    schema_: str = Field(alias="schema", description='Always "netra.public-stats/1" in this version.')
    version: int
    generated_at: str
    filters: dict[str, str]
    suppression: Suppression
    tables: dict[str, PublicTable]


def _public(request: Request, provinces=None) -> tuple[Filters, dict[str, analytics.Table], datetime]:
    f = _filters(request, [p.code for p in provinces or _provinces(request)], PUBLIC_FILTERS)
    now = datetime.now(timezone.utc)
    return f, analytics.public_tables(request.app.state.db, f, now), now


@router.get("/statistik", include_in_schema=False)
def public_page(request: Request):
    provinces = _provinces(request)
    f, tables, now = _public(request, provinces)
    return render(request, "stats_page.html", {
        "filters": f, "tables": tables, "choices": _choices(request, provinces),
        "query": _query_string(f),
        "public": True, "csv_base": "/api/public/stats/v1/", "generated_at": now,
        "data": {"public": True, "zoom": _zoom(f, None), "tables": {n: t.as_json() for n, t in tables.items()}},
    })


@router.get("/api/public/stats/v1", response_model=PublicStats, response_model_by_alias=True, tags=["public statistics"])
def public_api(request: Request):
    """National statistics without personal data; filters: election, region (a province code), stage, family.
    Every table withholds groups of fewer than 5 cases (and the cells that would reveal them)."""
    f, tables, now = _public(request)
    return analytics.public_document(tables, f, now)


@router.get("/api/public/stats/v1/{table}.csv", tags=["public statistics"], response_class=Response)
def public_csv(table: str, request: Request):
    """One public table as CSV: the same rows and columns as in the JSON (withheld counts are empty)."""
    if table not in analytics.PUBLIC_CHARTS:
        raise HTTPException(404)
    _, tables, _ = _public(request)
    return _csv(tables[table], f"netra-statistik-{table}.csv")


@router.get("/api/public/stats/v1/{table}", response_model=PublicTable, tags=["public statistics"])
def public_table(table: str, request: Request):
    """One public table as JSON."""
    if table not in analytics.PUBLIC_CHARTS:
        raise HTTPException(404)
    _, tables, _ = _public(request)
    return tables[table].as_json()
