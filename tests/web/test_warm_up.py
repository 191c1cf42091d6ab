"""The statistics warm-up an app runs when it starts (tests/conftest.py skips it in every other in-process app)."""

from __future__ import annotations

import logging
import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from netra.demo.cases import ensure_demo_cases
from netra.services.analytics import facts
from netra.storage.database import Database
from netra.storage.tables import StatsSnapshotRow
from netra.web.app import create_app
from tests.support.reference import approved_correction


@pytest.mark.warm_statistics
def test_a_starting_app_catches_statistics_up_before_any_request(settings, caplog):
    db = Database(settings.database_url)
    ensure_demo_cases(db, count=40)
    with db.transaction() as session:
        assert facts.behind(session)  # the cases are not counted yet
    caplog.set_level(logging.INFO, logger="netra.web")
    with TestClient(create_app(settings, db)):
        for thread in threading.enumerate():
            if thread.name == "netra-warm-statistics":
                thread.join(timeout=300)
        with db.transaction() as session:
            assert not facts.behind(session)  # caught up with no statistics request made
            assert session.scalar(select(func.count()).select_from(StatsSnapshotRow)) >= 1  # national view kept
    messages = [r.getMessage() for r in caplog.records if r.name == "netra.web"]
    assert "statistics warm" in messages and "statistics warm-up failed" not in messages
    db.dispose()


def test_opening_the_guidance_form_builds_the_engine_while_the_question_is_typed(client):
    from netra.services import reference_data

    reference_data._engines.clear()  # as after a start: no engine built yet
    page = client.get("/bolehkah")
    assert page.status_code == 200 and 'name="q"' in page.text
    _join_engine_build()
    assert reference_data._engines  # built with no question asked
    answer = client.get("/bolehkah", params={"q": "Bolehkah PNS menyukai unggahan kampanye calon bupati?"})
    assert answer.status_code == 200 and 'data-testid="guidance-error"' not in answer.text


def test_opening_the_form_after_a_rule_correction_rebuilds_the_engine_of_the_rules_in_force(app, client):
    """Once an engine was built, the form used to skip the build, so the first question after a correction waited
    for the whole rebuild."""
    from netra.services import reference_data

    db = app.state.db
    client.get("/bolehkah")
    _join_engine_build()
    before = set(reference_data._engines)
    approved_correction(db, "skb2022.disiplin.2", "sanction.level", "sedang")
    client.get("/bolehkah")
    _join_engine_build()
    assert set(reference_data._engines) == {reference_data._build(db)[2]} != before


def _join_engine_build():
    for thread in threading.enumerate():
        if thread.name == "netra-guidance-engine":
            thread.join(timeout=300)
