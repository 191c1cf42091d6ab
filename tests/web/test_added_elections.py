"""An election an administrator adds is used everywhere the packaged ones are: the report and import forms offer
it, its cases run on its kind's legal clocks, and the statistics filter on its stages."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.analytics import Filters, clean_filters
from netra.intake.report import ReportDraft
from netra.services import analytics, reference_data
from netra.services.unit_of_work import unit_of_work
from netra.services.elections import election_choices
from netra.services.intake import submit_report
from tests.support.reference import approved_election
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow

PEMILU_2029 = {
    "id": "pemilu2029uji", "kind": "pemilu",
    "name": {"id": "Pemilu 2029 (uji)", "en": "2029 general election (test)"},
    "legal_basis": ["UU 7/2017"], "sources": ["uji"], "applies_to": {"regions": "all"},
    "stages": [
        {"id": "registration", "name": {"id": "Pendaftaran", "en": "Registration"}, "start": "2028-07-01",
         "end": "2028-07-20"},
        {"id": "candidates_set", "name": {"id": "Penetapan", "en": "Candidates set"}, "start": "2028-11-13"},
        {"id": "campaign", "name": {"id": "Kampanye", "en": "Campaign"}, "start": "2028-11-28", "end": "2029-02-10"},
        {"id": "voting", "name": {"id": "Pemungutan suara", "en": "Voting"}, "start": "2029-02-14"},
    ],
}


def test_an_added_election_is_offered_clocked_and_counted(app, client, make_account):
    db = app.state.db
    admin = make_account("admin.kalender", Role.ADMIN, ("33",))
    assert "pemilu2029uji" not in client.get("/lapor").text
    approved_election(db, PEMILU_2029)
    assert "pemilu2029uji" in election_choices(db)
    assert 'value="pemilu2029uji"' in client.get("/lapor").text
    when = datetime(2029, 1, 10, 3, tzinfo=timezone.utc)
    draft = ReportDraft(description="Guru SD membagikan materi kampanye calon anggota DPR di grup WhatsApp sekolah.",
                        region_code="33.20", election_id="pemilu2029uji", event_date=date(2029, 1, 8))
    submit_report(db, EvidenceStore(app.state.settings.data_dir / "evidence"), draft, [], "tok-" + "p" * 24, "k",
                  set(election_choices(db)), now=when)
    with unit_of_work(db) as uow:
        case = uow.session.scalar(select(CaseRow).where(CaseRow.election_id == "pemilu2029uji"))
        assert uow.cases.state(case).election_kind == "pemilu"  # its clocks are the pemilu ones, not pilkada's
    f = clean_filters({"election": "pemilu2029uji", "stage": "campaign"}, families=[],
                      elections=reference_data.elections(db))
    assert f.stage == "campaign" and [w.election for w in f.windows] == ["pemilu2029uji"]
    assert analytics.chart(db, "summary", f, None).rows[0]["count"] == 1
    assert analytics.chart(db, "summary", Filters(election="pemilu2029uji", stage="voting"), None,
                           ).rows[0]["count"] == 0
    stages = analytics.chart(db, "week", Filters(election="pemilu2029uji"), None).meta["stages"]
    assert [s["stage"] for s in stages] == ["registration", "candidates_set", "campaign", "voting"]
    page = client.get("/statistik?election=pemilu2029uji&stage=campaign").text
    assert 'value="pemilu2029uji" selected' in page
