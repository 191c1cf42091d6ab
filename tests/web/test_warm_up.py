"""The warm-up (statistics, then the guidance engine) an app runs when it starts (tests/conftest.py skips it in every other in-process app)."""

from __future__ import annotations

import logging
import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from netra.demo.cases import ensure_demo_cases
from netra.services import reference_data
from netra.services.analytics import facts
from netra.storage.database import Database
from netra.storage.tables import StatsSnapshotRow
from netra.web.app import create_app


@pytest.mark.warm_statistics
def test_a_starting_app_catches_statistics_up_before_any_request(settings, caplog):
    db = Database(settings.database_url)
    ensure_demo_cases(db, count=40)
    with db.transaction() as session:
        assert facts.behind(session)  # the cases are not counted yet
    caplog.set_level(logging.INFO, logger="netra.web")
    with TestClient(create_app(settings, db)):
        for thread in threading.enumerate():
            if thread.name == "netra-warm-up":
                thread.join(timeout=300)
        with db.transaction() as session:
            assert not facts.behind(session)  # caught up with no statistics request made
            assert session.scalar(select(func.count()).select_from(StatsSnapshotRow)) >= 1  # national view kept
    messages = [r.getMessage() for r in caplog.records if r.name == "netra.web"]
    assert "statistics warm" in messages and "statistics warm-up failed" not in messages
    # the guidance engine over this database's reference data is built: the first question does not pay for it
    assert "guidance warm" in messages and "guidance warm-up failed" not in messages
    assert reference_data._engines and next(iter(reference_data._engines.values())) is reference_data.guidance_engine(db)
    db.dispose()
