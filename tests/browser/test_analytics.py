"""The statistics pages in real Chromium against the run command (demo data), on a desk (1366 px) and a phone
(390 px): numbers on the page equal to the database, charts drawn with no two labels overlapping, numbers written
the Indonesian way on axes and bars, the whole country on the map and the chosen province zoomed in, no page wider
than the screen, no CSP violation. Every wait is on something the page shows (no fixed sleep), with a generous
upper bound for a busy machine. Screenshots go to $NETRA_SCREENS (default /tmp/netra-screens/)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

import netra.regions
from netra.storage.database import Database
from netra.storage.tables import CaseRow

pytestmark = pytest.mark.browser
SCREENS = Path(os.environ.get("NETRA_SCREENS", "/tmp/netra-screens"))
PATIENCE_MS = 120_000  # an upper bound for a busy machine, not a wait: every wait ends when the page shows it

# Every text ECharts drew, with its box on the canvas: axis labels, bar labels, legends.
CHART_TEXTS = """() => Array.from(document.querySelectorAll('[data-chart][data-drawn]')).map(el => {
  const chart = window.echarts.getInstanceByDom(el);
  const texts = [];
  chart.getZr().storage.getDisplayList(true).forEach(d => {
    if ((d.type !== 'text' && d.type !== 'tspan') || d.invisible || !d.style || !d.style.text || d.style.opacity === 0) { return; }
    const box = d.getBoundingRect().clone();
    box.applyTransform(d.getComputedTransform());
    if (box.width > 0 && box.height > 0) { texts.push([String(d.style.text), box.x, box.y, box.width, box.height]); }
  });
  return [el.getAttribute('data-chart'), texts];
})"""


@pytest.fixture
def stats_server(reading_server):
    return reading_server  # both tests only read: one installation per backend for the module


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


def _open(page, url: str) -> None:
    page.goto(url, timeout=PATIENCE_MS)
    page.wait_for_selector("[data-chart=map][data-ready]", timeout=PATIENCE_MS)
    page.wait_for_selector("[data-chart=week][data-drawn]", timeout=PATIENCE_MS)


def _check_readable(page, width: int, thousands_expected: bool = True) -> None:
    """No chart label overlaps another; thousands are written 1.234, never 1,234; the page fits the screen."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("[data-chart][data-error]").count() == 0
    drawn = page.evaluate(CHART_TEXTS)
    assert len(drawn) >= 8
    thousands = 0
    for chart, texts in drawn:
        for i, (a, ax, ay, aw, ah) in enumerate(texts):
            assert not re.search(r"\d,\d{3}\b", a), (chart, a)  # English thousands separator
            thousands += bool(re.search(r"\d\.\d{3}\b", a))
            for b, bx, by, bw, bh in texts[i + 1:]:
                overlap_x = min(ax + aw, bx + bw) - max(ax, bx)
                overlap_y = min(ay + ah, by + bh) - max(ay, by)
                assert overlap_x <= 1 or overlap_y <= 1, f"{chart}: labels {a!r} and {b!r} overlap at {width} px"
    assert thousands or not thousands_expected, "some chart shows a number of a thousand or more, Indonesian format"


def test_public_statistics_page(stats_server, page):
    problems = _watch_csp(page)
    SCREENS.mkdir(parents=True, exist_ok=True)
    url = stats_server.database_url
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        _open(page, stats_server.url + "/statistik")
        assert _value(page, "kpi-total") == _count(url)
        assert page.get_by_test_id("kpi-total").inner_text().strip() == f"{_count(url):,}".replace(",", ".")
        assert page.locator("[data-chart][data-drawn]").count() >= 8
        assert page.get_attribute("[data-chart=map]", "data-zoomed") is None  # the whole country
        _check_readable(page, width)
        page.screenshot(path=str(SCREENS / f"statistik-{width}-{stats_server.backend}.png"), full_page=True)
        page.locator("[data-chart=map]").screenshot(path=str(SCREENS / f"statistik-map-national-{stats_server.backend}.png"))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.select_option("[data-testid=filter-region]", "33")
    page.select_option("[data-testid=filter-election]", "pilkada2024")
    page.click("[data-testid=apply-filters]")
    page.wait_for_url("**/statistik?*region=33*", timeout=PATIENCE_MS)
    page.wait_for_selector("[data-chart=map][data-zoomed='33'][data-ready]", timeout=PATIENCE_MS)  # zoomed in
    expected = _count(url, CaseRow.region_code.startswith("33."), CaseRow.election_id == "pilkada2024")
    assert _value(page, "kpi-total") == expected
    jepara = _count(url, CaseRow.region_code == "33.20", CaseRow.election_id == "pilkada2024")
    cell = page.get_by_test_id("count-regency-33.20")
    if cell.get_attribute("data-value"):
        assert cell.get_attribute("data-value") == str(jepara)
    else:  # hidden: "<5" only when it really is under 5
        assert (cell.inner_text() == "<5") == (0 < jepara < 5)
    assert "Terlapor Fiktif" not in page.content()
    # The map's rate per 10,000 civil servants: Jawa Tengah's cases over the packaged PNS count, and a dot per regency.
    pns = yaml.safe_load((Path(netra.regions.__file__).parent / "data" / "workforce.yaml").read_text())["counts"]["33"]
    assert float(page.get_by_test_id("per_10k-province-33").get_attribute("data-value")) == round(expected * 10_000 / pns, 2)
    page.click("[data-testid=map-mode-rate]")
    page.wait_for_selector("[data-chart=map][data-mode=rate]", timeout=PATIENCE_MS)
    data = json.loads(page.locator("#stats-data").text_content())
    assert set(data["tables"]["regency"]["meta"]["points"]) == {r["key"] for r in data["tables"]["regency"]["rows"]}
    assert not problems, problems
    page.screenshot(path=str(SCREENS / f"statistik-33-{stats_server.backend}.png"), full_page=True)
    page.locator("[data-chart=map]").screenshot(path=str(SCREENS / f"statistik-map-{stats_server.backend}.png"))


def test_dashboard_with_filters(stats_server, page):
    problems = _watch_csp(page)
    credentials = stats_server.credentials()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(stats_server.url + "/masuk", timeout=PATIENCE_MS)
    page.fill("input[name=username]", "bkn.kukar")
    page.fill("input[name=password]", credentials["bkn.kukar"])
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah", timeout=PATIENCE_MS)
    url = stats_server.database_url
    SCREENS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        _open(page, stats_server.url + "/dasbor")
        assert _value(page, "kpi-total") == _count(url, CaseRow.region_code == "64.02")
        assert page.get_attribute("[data-chart=map]", "data-zoomed") == "64"  # the officer's own province
        _check_readable(page, width, thousands_expected=False)  # one regency: fewer than 1,000 cases
        page.screenshot(path=str(SCREENS / f"dasbor-{width}-{stats_server.backend}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.select_option("[data-testid=filter-election]", "pilkada2024")
    page.select_option("[data-testid=filter-family]", "social_media")
    page.click("[data-testid=apply-filters]")
    page.wait_for_url("**/dasbor?*family=social_media*", timeout=PATIENCE_MS)
    page.wait_for_selector("[data-chart=week][data-drawn]", timeout=PATIENCE_MS)
    expected = _count(url, CaseRow.region_code == "64.02", CaseRow.election_id == "pilkada2024",
                      CaseRow.family == "social_media")
    assert expected > 0 and _value(page, "kpi-total") == expected
    assert int(page.get_by_test_id("count-regency-64.02").get_attribute("data-value")) == expected
    assert page.get_by_test_id("report-pdf").get_attribute("href").startswith("/dasbor/laporan.pdf?")
    assert not problems, problems
