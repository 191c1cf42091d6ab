"""Schemathesis on the guidance API alone: whatever the input, /api/guidance never answers 5xx."""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from netra.storage.database import Database
from netra.web import routes_guidance
from netra.web.app import create_app


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    path = tmp_path / "netra.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def test_guidance_api_never_answers_5xx(settings):
    app = create_app(settings, Database(settings.database_url))
    if not any(getattr(r, "path", None) == "/bolehkah" for r in app.routes):
        app.include_router(routes_guidance.router)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    operations = [op for op in operations if op.path == "/api/guidance"]
    assert len(operations) == 2
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call()
            assert response.status_code < 500, (operation.label, response.status_code, response.text[:300])

        check()
