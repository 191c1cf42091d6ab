"""Who hears what, written with the change: officers of the role and region whose queue the case enters, a
confirmed reporter with the public reason only; no message to anyone carries a reporter's identity, the reported
person's name or an internal reason. Each test runs on SQLite and PostgreSQL."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.cases import ConcurrentChange
from netra.services.accounts import create_account
from netra.services.case_workflow import take_step
from netra.services.intake import ReportInvalid, submit_report
from netra.services.notifications import subscriptions
from netra.services.notifications.inbox import latest, mark_read, unread
from netra.storage.evidence_store import EvidenceStore
from netra.storage.tables import CaseRow, EmailMessageRow, NotificationRow, ReportRow, ReportSubscriptionRow

T0 = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
REPORTER = dict(reporter_name="Siti Pelapor Rahasia", reporter_id_number="3320014508900001",
                reporter_address="Jl. Melati Tersembunyi 7", reporter_contact="0812-9999-1234")
REPORTED = "Budi Terlapor Fiktif"
INTERNAL = "Catatan internal: saksi kunci bernama Wawan"
PUBLIC = "Laporan memenuhi syarat formal dan materiel."


@pytest.fixture
def store(tmp_path):
    return EvidenceStore(tmp_path / "evidence")


@pytest.fixture
def people(db):
    def make(name, role, scope):
        return create_account(db, name, f"Petugas {name}", "kata-sandi-panjang", role, scope)
    return {"bawaslu": make("bawaslu.jepara", Role.BAWASLU, ("33.20",)),
            "bawaslu.prov": make("bawaslu.jateng", Role.BAWASLU, ("33",)),  # a province covers its regencies
            "bkn": make("bkn.jepara", Role.BKN, ("33.20",)),
            "ppk": make("ppk.jepara", Role.PPK, ("33.20",)),
            "viewer": make("viewer.jepara", Role.VIEWER, ("33.20",)),
            "outsider": make("bawaslu.kukar", Role.BAWASLU, ("64.02",))}


def file_report(db, store, notify_email="", token="tok-" + "q" * 20, **extra):
    draft_fields = dict(description="Camat mengajak ASN kecamatan memilih paslon nomor urut 2 dalam apel pagi.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 9, 30),
                        reported_name=REPORTED, **REPORTER)
    from netra.intake.report import ReportDraft
    receipt = submit_report(db, store, ReportDraft(**(draft_fields | extra)), [], token, "k",
                            {"pilkada2024"}, now=T0, notify_email=notify_email)
    with db.transaction() as s:
        return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc())), receipt


def recipients(db, case_id):
    with db.transaction() as s:
        return sorted(s.scalars(select(NotificationRow.user_id).where(NotificationRow.case_id == case_id)))


def test_a_new_report_lands_in_the_queue_of_the_regions_bawaslu_only(db, store, people):
    case_id, _ = file_report(db, store)
    assert recipients(db, case_id) == sorted([people["bawaslu"].id, people["bawaslu.prov"].id])
    rows = latest(db, people["bawaslu"])
    assert rows[0].title == f"Perkara #{case_id} menunggu tindakan Bawaslu: Diterima"
    assert "Kabupaten Jepara" in rows[0].body and "1 Oktober 2024 pukul 09.00 WIB" in rows[0].body
    assert latest(db, people["outsider"]) == [] and latest(db, people["bkn"]) == []


def test_each_step_tells_the_role_that_acts_next_not_the_actor(db, store, people):
    case_id, _ = file_report(db, store)
    b, k = people["bawaslu"], people["bkn"]
    v = take_step(db, store, b, case_id, "register", 1, now=T0 + timedelta(hours=1)).version
    v = take_step(db, store, b, case_id, "start_review", v, now=T0 + timedelta(hours=2)).version
    with db.transaction() as s:
        before = s.scalar(select(func.max(NotificationRow.id)))
    take_step(db, store, b, case_id, "recommend", v, reason=INTERNAL, public_reason=PUBLIC,
              payload={"rule_ids": ["skb2022.disiplin.6"]}, now=T0 + timedelta(days=1))
    with db.transaction() as s:
        new = s.scalars(select(NotificationRow).where(NotificationRow.id > before)).all()
    # BKN's queue now: BKN of the region hears it; Bawaslu (who acted), the PPK and the viewer do not
    assert [(n.user_id, n.title) for n in new] == [
        (k.id, f"Perkara #{case_id} menunggu tindakan BKN: Direkomendasikan ke BKN")]


def test_a_step_that_fails_announces_nothing(db, store, people):
    case_id, _ = file_report(db, store)
    before = recipients(db, case_id)
    with pytest.raises(ConcurrentChange):
        take_step(db, store, people["bawaslu"], case_id, "register", 99, now=T0)
    assert recipients(db, case_id) == before


def test_invalid_reporter_email_is_refused_in_indonesian_and_nothing_is_stored(db, store):
    with pytest.raises(ReportInvalid) as refused:
        file_report(db, store, notify_email="pelapor@@contoh")
    assert "tidak valid" in refused.value.errors["notify_email"]
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ReportRow)) == 0
        assert s.scalar(select(func.count()).select_from(EmailMessageRow)) == 0


def test_reporter_hears_only_after_confirming_and_only_public_words(db, store, people):
    case_id, receipt = file_report(db, store, notify_email="Pelapor@Contoh.ID")
    with db.transaction() as s:
        mails = s.scalars(select(EmailMessageRow)).all()
        token = s.scalar(select(ReportSubscriptionRow.token))
    assert [(m.kind, m.to_address) for m in mails] == [("confirm_email", "Pelapor@contoh.id")]
    assert f"/lapor/email/{token}" in mails[0].text
    b = people["bawaslu"]
    v = take_step(db, store, b, case_id, "register", 1, public_reason=PUBLIC, now=T0 + timedelta(hours=1)).version
    with db.transaction() as s:  # not confirmed yet: no news
        assert s.scalar(select(func.count()).where(EmailMessageRow.kind == "report_status")) == 0
    assert subscriptions.confirm(db, token, now=T0) == receipt.tracking_code
    take_step(db, store, b, case_id, "start_review", v, reason=INTERNAL, public_reason="Laporan mulai dikaji.",
              now=T0 + timedelta(days=2, hours=7))  # 16.00 WIB
    with db.transaction() as s:
        news = s.scalars(select(EmailMessageRow).where(EmailMessageRow.kind == "report_status")).all()
    assert len(news) == 1
    assert news[0].subject == f"Laporan {receipt.tracking_code}: Dalam kajian"
    assert "Alasan: Laporan mulai dikaji." in news[0].text and "3 Oktober 2024 pukul 16.00 WIB" in news[0].text
    assert INTERNAL not in news[0].text + news[0].html


def test_no_message_to_anyone_names_the_confidential_reporter_or_the_reported_person(db, store, people):
    """One confidential report walked through to a sanction: every in-app notification and email, to every
    officer and the reporter, checked for the reporter's identity, the reported person and internal reasons."""
    for name in ("bawaslu", "bkn", "ppk"):
        subscriptions.set_contact(db, people[name].id, f"{name}@contoh.go.id")
    case_id, _ = file_report(db, store, notify_email="pelapor@contoh.id")
    with db.transaction() as s:
        token = s.scalar(select(ReportSubscriptionRow.token))
    subscriptions.confirm(db, token)
    b, k, p = people["bawaslu"], people["bkn"], people["ppk"]
    path = [(b, "register", {}), (b, "start_review", {}), (b, "recommend", {"rule_ids": ["skb2022.disiplin.6"]}),
            (k, "verify", {}), (b, "validate", {}), (k, "send_to_ppk", {"ppk": "Bupati Jepara"}),
            (p, "impose_sanction", {"rule_id": "skb2022.disiplin.6", "sanction": {
                "kind": "discipline", "level": "berat", "description": "Penurunan jabatan"}}), (k, "close", {})]
    version = 1
    for day, (who, action, payload) in enumerate(path):
        version = take_step(db, store, who, case_id, action, version, reason=INTERNAL, public_reason=PUBLIC,
                            payload=payload, now=T0 + timedelta(days=day + 1)).version
    with db.transaction() as s:
        texts = [n.title + n.body for n in s.scalars(select(NotificationRow))]
        mails = s.scalars(select(EmailMessageRow)).all()
        texts += [m.subject + m.text + m.html for m in mails]
    kinds = {(m.to_address, m.kind) for m in mails}
    assert {("bkn@contoh.go.id", "case_queue"), ("ppk@contoh.go.id", "case_queue"),
            ("bawaslu@contoh.go.id", "case_queue"), ("pelapor@contoh.id", "report_status")} <= kinds
    assert sum(m.kind == "report_status" for m in mails) == len(path)  # every step changed the state
    secrets_ = [*REPORTER.values(), REPORTED, "Wawan", "Bupati Jepara", "Petugas"]
    leaks = [(s, t[:80]) for t in texts for s in secrets_ if s in t]
    assert leaks == []
    assert len(texts) > 2 * len(path)


def test_inbox_unread_count_and_marking_read_touch_only_ones_own(db, store, people):
    case_id, _ = file_report(db, store)
    b, prov = people["bawaslu"], people["bawaslu.prov"]
    assert unread(db, b) == 1 and unread(db, prov) == 1
    assert mark_read(db, b, latest(db, prov)[0].id) == 0  # another account's notification
    assert mark_read(db, b, latest(db, b)[0].id) == 1
    assert unread(db, b) == 0 and unread(db, prov) == 1


def test_an_officer_who_chose_english_is_told_in_english_with_the_regions_zone(db, store):
    kukar = create_account(db, "bkn.kukar", "Petugas", "kata-sandi-panjang", Role.BAWASLU, ("64.02",))
    subscriptions.set_contact(db, kukar.id, "petugas@bawaslu.example.id", "en")
    case_id, _ = file_report(db, store, region_code="64.02")  # Kutai Kartanegara: WITA
    with db.transaction() as s:
        mail = s.scalars(select(EmailMessageRow)).one()
    assert mail.subject == f"Case #{case_id} awaits Bawaslu: Received"
    assert "1 October 2024 at 10:00 WITA" in mail.text and "Kabupaten Kutai Kartanegara" in mail.text
