"""What a phone shows at 390 px: every page a role's navigation offers fits the screen (no sideways scrolling of
the whole page; a wide table scrolls inside its own box)."""

from __future__ import annotations

import pytest

from tests.browser.test_demo_roles import demo_usernames, sign_in

pytestmark = pytest.mark.browser

PATIENCE_MS = 120_000
PUBLIC = ["/", "/lapor", "/lapor/status", "/bolehkah", "/aturan", "/pedoman", "/statistik", "/masuk"]
# Elements wider than the screen whose no ancestor scrolls them: what makes the whole page scroll sideways.
OVERFLOWING = """w => {
  const scrolls = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > w + 1 && !scrolls(e))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '')
      + ': ' + (e.textContent || '').trim().slice(0, 50));
}"""


def _fits(page, url: str) -> list[str]:
    page.goto(url, timeout=PATIENCE_MS)
    page.wait_for_load_state("networkidle", timeout=PATIENCE_MS)  # HTMX partials (dashboard widgets) are in
    if page.evaluate("document.documentElement.scrollWidth") <= 390:
        return []
    return [url] + page.evaluate(OVERFLOWING, 390)


@pytest.mark.parametrize("reading_server", ["sqlite"], indirect=True)
def test_every_public_page_fits_a_phone(reading_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    problems = [p for path in PUBLIC if (p := _fits(page, reading_server.url + path))]
    assert problems == [], "\n".join(" | ".join(p[:3]) for p in problems)


@pytest.mark.parametrize("reading_server", ["sqlite"], indirect=True)
@pytest.mark.parametrize("username", demo_usernames())
def test_every_page_of_every_role_fits_a_phone(reading_server, page, username):
    page.set_viewport_size({"width": 390, "height": 844})
    credentials = reading_server.credentials()
    assert set(credentials) == set(demo_usernames())  # no demo account left out of the parameters above
    sign_in(page, reading_server.url, username, credentials[username])
    page.wait_for_url("**/wilayah", timeout=PATIENCE_MS)
    links = page.eval_on_selector_all(
        "header nav a[href^='/']", "as => [...new Set(as.map(a => a.getAttribute('href')))]")
    assert len(links) >= 3, (username, links)
    problems = []
    for path in links:
        if path.startswith("/keluar") or path.endswith((".pdf", ".csv", ".xlsx")):
            continue
        if found := _fits(page, reading_server.url + path):
            problems.append([username] + found)
    assert problems == [], "\n".join(" | ".join(p[:3]) for p in problems)
