"""The case page's handling part in real Chromium: it loads into the case page, an officer takes the case and
leaves an internal comment; the worklist then shows who handles it."""

import pytest

from tests.browser.test_case_workflow import sign_in

pytestmark = pytest.mark.browser


def test_take_a_case_and_comment(live_server, page):
    creds = live_server.credentials()
    base = live_server.url
    sign_in(page, base, "bawaslu.jepara", creds["bawaslu.jepara"])
    page.goto(base + "/perkara?view=mine")
    page.get_by_test_id("view-mine").wait_for()
    page.locator("[data-testid=cases] tbody tr a").first.click()
    case_url = page.url
    handling = page.get_by_test_id("case-handling")
    handling.wait_for()  # swapped in by HTMX
    options = page.get_by_test_id("assignee-select").locator("option")
    officer = options.all_inner_texts()[1]  # the first officer after "(nobody)"
    page.get_by_test_id("assignee-select").select_option(label=officer)
    page.get_by_test_id("assign").click()
    page.wait_for_url(case_url)
    page.get_by_test_id("case-handling").wait_for()
    assert page.get_by_test_id("assignee").inner_text() == officer.rsplit(" (", 1)[0]
    page.get_by_test_id("comment-body").fill("Minta klarifikasi camat minggu ini.")
    page.get_by_test_id("comment-send").click()
    page.get_by_test_id("comment").first.wait_for()
    assert "Minta klarifikasi camat minggu ini." in page.get_by_test_id("comments").inner_text()
    case_id = case_url.rstrip("/").rsplit("/", 1)[-1]
    page.goto(base + "/perkara?view=mine")
    row = page.locator(f"tr[data-case-id='{case_id}'] td[data-col=assignee]")
    assert row.inner_text() == officer.rsplit(" (", 1)[0]
