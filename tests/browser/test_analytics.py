"""The statistics pages in real Chromium against the run command (demo data): filters applied through the form,
numbers on the page equal to the database, charts drawn, no CSP violation. Screenshots go to /tmp/netra-screens/."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

import netra.regions
from netra.storage.database import Database
from netra.storage.tables import CaseRow

pytestmark = pytest.mark.browser
SCREENS = Path(os.environ.get("NETRA_SCREENS", "/tmp/netra-screens"))


@pytest.fixture
def stats_server(live_server):
    return live_server


def _count(url: str, *where) -> int:
    db = Database(url)
    try:
        with db.transaction() as s:
            return s.scalar(select(func.count()).select_from(CaseRow).where(CaseRow.merged_into_id.is_(None), *where))
    finally:
        db.dispose()


def _watch_csp(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def _value(page, testid: str) -> int:
    return int(page.get_by_test_id(testid).get_attribute("data-value"))


def test_public_statistics_page(stats_server, page):
    problems = _watch_csp(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(stats_server.url + "/statistik")
    page.wait_for_selector("[data-chart=map][data-ready]")
    assert _value(page, "kpi-total") == _count(stats_server.database_url)
    assert page.locator("[data-chart][data-drawn]").count() >= 8
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.locator("[data-chart=map]").screenshot(path=str(SCREENS / f"statistik-map-national-{stats_server.backend}.png"))
    page.select_option("[data-testid=filter-region]", "33")
    page.select_option("[data-testid=filter-election]", "pilkada2024")
    page.click("[data-testid=apply-filters]")
    page.wait_for_url("**/statistik?*region=33*")
    page.wait_for_selector("[data-chart=map][data-ready]")
    expected = _count(stats_server.database_url, CaseRow.region_code.startswith("33."),
                      CaseRow.election_id == "pilkada2024")
    assert _value(page, "kpi-total") == expected
    jepara = _count(stats_server.database_url, CaseRow.region_code == "33.20", CaseRow.election_id == "pilkada2024")
    cell = page.get_by_test_id("count-regency-33.20")
    assert (cell.get_attribute("data-value") == str(jepara)) if jepara >= 5 else cell.inner_text() == "<5"
    assert "Terlapor Fiktif" not in page.content()
    # The map's rate per 10,000 civil servants: Jawa Tengah's cases over the packaged PNS count, and a dot per regency.
    pns = yaml.safe_load((Path(netra.regions.__file__).parent / "data" / "workforce.yaml").read_text())["counts"]["33"]
    assert float(page.get_by_test_id("per_10k-province-33").get_attribute("data-value")) == round(expected * 10_000 / pns, 2)
    page.click("[data-testid=map-mode-rate]")
    page.wait_for_selector("[data-chart=map][data-mode=rate]")
    data = json.loads(page.locator("#stats-data").text_content())
    assert set(data["tables"]["regency"]["meta"]["points"]) == {r["key"] for r in data["tables"]["regency"]["rows"]}
    assert not problems, problems
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"statistik-{stats_server.backend}.png"), full_page=True)
    page.locator("[data-chart=map]").screenshot(path=str(SCREENS / f"statistik-map-{stats_server.backend}.png"))


def test_dashboard_with_filters(stats_server, page):
    problems = _watch_csp(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    credentials = stats_server.credentials()
    page.goto(stats_server.url + "/masuk")
    page.fill("input[name=username]", "bkn.kukar")
    page.fill("input[name=password]", credentials["bkn.kukar"])
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah")
    page.goto(stats_server.url + "/dasbor")
    page.wait_for_selector("[data-chart=map][data-ready]")
    url = stats_server.database_url
    assert _value(page, "kpi-total") == _count(url, CaseRow.region_code == "64.02")
    page.select_option("[data-testid=filter-election]", "pilkada2024")
    page.select_option("[data-testid=filter-family]", "social_media")
    page.click("[data-testid=apply-filters]")
    page.wait_for_url("**/dasbor?*family=social_media*")
    page.wait_for_selector("[data-chart=week][data-drawn]")
    expected = _count(url, CaseRow.region_code == "64.02", CaseRow.election_id == "pilkada2024",
                      CaseRow.family == "social_media")
    assert expected > 0 and _value(page, "kpi-total") == expected
    assert int(page.get_by_test_id("count-regency-64.02").get_attribute("data-value")) == expected
    assert page.get_by_test_id("report-pdf").get_attribute("href").startswith("/dasbor/laporan.pdf?")
    assert not problems, problems
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"dasbor-{stats_server.backend}.png"), full_page=True)
