from datetime import date, datetime, timedelta, timezone

from netra.cases import reporting_window
from netra.intake.report import ReportDraft, completeness, validation_errors

TODAY = date(2024, 10, 10)
REGIONS = {"33.20", "64.02"}
ELECTIONS = {"pilkada-2024"}


def draft(**kw):
    base = dict(description="Seorang camat ikut deklarasi pasangan calon nomor urut 2 di lapangan desa.",
                region_code="33.20", election_id="pilkada-2024")
    return ReportDraft(**{**base, **kw}).normalised()


SUBMITTED = datetime(2024, 10, 10, 3, 0, tzinfo=timezone.utc)  # 10:00 WIB on TODAY


def window(d, zone="Asia/Jakarta"):
    return reporting_window(d.known_date, "pilkada", zone, SUBMITTED) if d.known_date else None


def test_minimal_report_is_valid_but_incomplete():
    d = draft()
    assert validation_errors(d, TODAY, REGIONS, ELECTIONS) == {}
    missing = {r.key for r in completeness(d, 0, window(d)) if not r.met}
    assert missing == {"reporter_identity", "reporter_address", "within_deadline", "declaration", "time_and_place",
                       "evidence", "reported_party"}


def test_complete_report_meets_every_requirement():
    d = draft(reporter_name="Warga Demo", reporter_id_number="3320014508900001", reporter_address="Jl. Contoh 1",
              declaration=True, event_date=TODAY - timedelta(days=2), event_place="Lapangan Desa",
              reported_name="Pejabat Fiktif", reported_position="Camat", links=("https://example.org/p/1",))
    assert all(r.met for r in completeness(d, 0, window(d)))


def test_late_report_is_flagged_with_the_known_date_and_the_deadline_in_the_regions_zone():
    d = draft(event_date=TODAY - timedelta(days=9))
    late = next(r for r in completeness(d, 0, window(d)) if r.key == "within_deadline")
    assert not late.met and late.label == "Dilaporkan paling lambat 7 hari sejak diketahui"
    assert late.missing == ("Batas lapor terlewati: paling lambat 7 hari sejak diketahui (1 Oktober 2024): "
                            "8 Oktober 2024 pukul 23.59 WIB.")
    in_wita = next(r for r in completeness(d, 0, window(d, "Asia/Makassar")) if r.key == "within_deadline")
    assert in_wita.missing.endswith("8 Oktober 2024 pukul 23.59 WITA.")
    on_time = draft(event_date=TODAY - timedelta(days=7))
    assert next(r for r in completeness(on_time, 0, window(on_time)) if r.key == "within_deadline").met


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
