"""JSON API: health and reference data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

import netra
from netra.config import ConfigError
from netra.storage.repositories import RegionRepository

router = APIRouter()


class Health(BaseModel):
    status: str
    database: str
    version: str


class RegionOut(BaseModel):
    code: str
    name: str
    kind: str
    timezone: str
    parent_code: str | None


@router.get("/health", response_model=Health, tags=["system"])
def health(request: Request):
    try:
        request.app.state.db.check()
    except ConfigError:
        return JSONResponse({"status": "error", "database": "unreachable", "version": netra.__version__}, status_code=503)
    return Health(status="ok", database="ok", version=netra.__version__)


@router.get("/api/regions", response_model=list[RegionOut], tags=["reference"])
def regions(request: Request, parent: str | None = None):
    """Provinces (no `parent`) or the regencies/cities of one province, with Kemendagri codes and time zones."""
    with request.app.state.db.transaction() as session:
        everything = RegionRepository(session).all()
    return [RegionOut(**vars(r)) for r in everything if r.parent_code == parent]
