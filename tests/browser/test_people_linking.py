"""An officer confirms a register suggestion on the case page, sees the case on the person page, and unlinks it."""

import pytest
from sqlalchemy import select

from netra.cases.merging import normalise_name
from netra.storage.database import Database
from netra.storage.tables import CasePersonRow, CaseRow, CivilServantRow

pytestmark = pytest.mark.browser


def suggested_case(database_url: str) -> tuple[int, int, str]:
    """A Jepara demo case whose reported person is in the demo register but not linked (a name suggestion)."""
    db = Database(database_url)
    try:
        with db.transaction() as s:
            linked = set(s.scalars(select(CasePersonRow.case_id)))
            for person in s.scalars(select(CivilServantRow).where(CivilServantRow.region_code == "33.20")
                                    .order_by(CivilServantRow.id)):
                case = s.scalar(select(CaseRow).where(CaseRow.reported_name == person.name,
                                                      CaseRow.region_code == "33.20"))
                if case is not None and case.id not in linked and normalise_name(case.reported_name):
                    return case.id, person.id, person.name
    finally:
        db.dispose()
    raise AssertionError("the demo register has no unlinked suggestion in Jepara")


def test_officer_links_a_suggestion_and_unlinks_it(live_server, page):
    case_id, person_id, name = suggested_case(live_server.database_url)
    base = live_server.url
    page.goto(base + "/masuk")
    page.fill("input[name=username]", "bawaslu.jepara")
    page.fill("input[name=password]", live_server.credentials()["bawaslu.jepara"])
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah")
    page.goto(f"{base}/perkara/{case_id}")
    suggestion = page.get_by_test_id(f"suggestion-{person_id}")
    suggestion.wait_for()  # the panel arrives over HTMX
    assert "nama dan instansi sama" in suggestion.inner_text()
    page.get_by_test_id(f"link-reason-{person_id}").fill("Dicocokkan dengan SK jabatan")
    page.get_by_test_id(f"link-{person_id}").click()
    page.get_by_test_id("action-ok").wait_for()
    linked = page.get_by_test_id("linked-person")
    linked.wait_for()
    assert name in linked.inner_text() and "Dihubungkan oleh petugas" in linked.inner_text()
    assert "Dicocokkan dengan SK jabatan" in page.get_by_test_id("history").inner_text()
    page.goto(f"{base}/pegawai/{person_id}")
    assert page.get_by_test_id(f"person-case-{case_id}").is_visible()
    page.goto(f"{base}/perkara/{case_id}")
    page.get_by_test_id("unlink-reason").fill("Ternyata orang lain dengan nama sama")
    page.get_by_test_id("unlink").click()
    page.get_by_test_id("action-ok").wait_for()
    page.get_by_test_id("no-person").wait_for()
    assert "Petugas melepas keterkaitan" in page.get_by_test_id("no-person").inner_text()
    page.goto(f"{base}/pegawai/{person_id}")
    assert page.get_by_test_id(f"person-case-{case_id}").count() == 0
