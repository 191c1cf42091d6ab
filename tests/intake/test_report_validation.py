from datetime import date, timedelta

from netra.intake.report import ReportDraft, completeness, validation_errors

TODAY = date(2024, 10, 10)
REGIONS = {"33.20", "64.02"}
ELECTIONS = {"pilkada-2024"}


def draft(**kw):
    base = dict(description="Seorang camat ikut deklarasi pasangan calon nomor urut 2 di lapangan desa.",
                region_code="33.20", election_id="pilkada-2024")
    return ReportDraft(**{**base, **kw}).normalised()


def test_minimal_report_is_valid_but_incomplete():
    d = draft()
    assert validation_errors(d, TODAY, REGIONS, ELECTIONS) == {}
    missing = {r.key for r in completeness(d, TODAY, evidence_count=0) if not r.met}
    assert missing == {"reporter_identity", "reporter_address", "within_deadline", "declaration", "time_and_place",
                       "evidence", "reported_party"}


def test_complete_report_meets_every_requirement():
    d = draft(reporter_name="Warga Demo", reporter_id_number="3320014508900001", reporter_address="Jl. Contoh 1",
              declaration=True, event_date=TODAY - timedelta(days=2), event_place="Lapangan Desa",
              reported_name="Pejabat Fiktif", reported_position="Camat", links=("https://example.org/p/1",))
    assert all(r.met for r in completeness(d, TODAY, evidence_count=0))


def test_late_report_is_flagged_with_the_deadline():
    d = draft(event_date=TODAY - timedelta(days=9))
    late = next(r for r in completeness(d, TODAY, 0) if r.key == "within_deadline")
    assert not late.met and (TODAY - timedelta(days=2)).isoformat() in late.missing
    on_time = next(r for r in completeness(draft(event_date=TODAY - timedelta(days=7)), TODAY, 0)
                   if r.key == "within_deadline")
    assert on_time.met


def test_bad_input_is_named_per_field():
    d = draft(description="pendek", region_code="99.99", election_id="x", reported_nip="123",
              event_date=TODAY + timedelta(days=1), links=("javascript:alert(1)",), reporter_name="x" * 201)
    errors = validation_errors(d, TODAY, REGIONS, ELECTIONS)
    assert set(errors) == {"description", "region_code", "election_id", "reported_nip", "event_date", "links",
                           "reporter_name"}
    assert errors["event_date"] == "Tanggal tidak boleh di masa depan."


def test_known_date_before_event_is_refused():
    errors = validation_errors(draft(event_date=TODAY, known_date=TODAY - timedelta(days=1)), TODAY, REGIONS, ELECTIONS)
    assert "known_date" in errors
