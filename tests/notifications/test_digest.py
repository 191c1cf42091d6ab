"""The daily digest at 07:00 in each officer's zone (a fixed clock at 06:59 and 07:00 in WIB and WIT), what it says
(overdue, due today, due soon on the clocks the officer's role owns, and what they chose to hear of in the
digest), once per officer and local day even with several workers; legal-clock warnings once per threshold.
Each test runs on SQLite and PostgreSQL."""

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.services.notifications import clock_warnings, digest, preferences
from netra.storage.tables import DigestRunRow, EmailMessageRow, NotificationRow, RegionRow
from tests.notifications.test_planner import REPORTED, REPORTER, T0, file_report, store  # noqa: F401
from tests.notifications.test_preferences import make

WIB, WIT = timezone(timedelta(hours=7)), timezone(timedelta(hours=9))


def digests(db):
    with db.transaction() as s:
        return list(s.scalars(select(EmailMessageRow).where(EmailMessageRow.kind == "digest")
                              .order_by(EmailMessageRow.id)))


def test_digest_goes_at_0700_local_in_wib_and_in_wit(db, store):
    jepara, jayapura = make(db, "bawaslu.jepara"), make(db, "bawaslu.jayapura", scope=("91.71",))
    make(db, "bkn.jepara", Role.BKN)  # no clock of BKN's runs: nothing to tell, nothing sent
    jepara_case, _ = file_report(db, store)  # received 1 Oct 09.00 WIB: Bawaslu has 3 days
    jayapura_case, _ = file_report(db, store, region_code="91.71", token="tok-" + "p" * 20)
    # 4 Oct: Jepara's clock is due today; in Jayapura too. 06:59 WIT is 04:59 WIB: nobody yet.
    assert digest.send_due(db, datetime(2024, 10, 4, 6, 59, tzinfo=WIT)) == []
    sent = digest.send_due(db, datetime(2024, 10, 4, 7, 0, tzinfo=WIT))
    assert [(s.username, str(s.local_day), s.zone, s.items) for s in sent] == [
        ("bawaslu.jayapura", "2024-10-04", "WIT", 1)]
    assert digest.send_due(db, datetime(2024, 10, 4, 6, 59, tzinfo=WIB)) == []
    sent = digest.send_due(db, datetime(2024, 10, 4, 7, 0, tzinfo=WIB))
    assert [(s.username, s.zone, s.items) for s in sent] == [("bawaslu.jepara", "WIB", 1), ("bkn.jepara", "WIB", 0)]
    assert digest.send_due(db, datetime(2024, 10, 4, 18, 0, tzinfo=WIB)) == []  # once a day
    papua, java = digests(db)
    assert (papua.to_address, java.to_address) == ("bawaslu.jayapura@contoh.go.id", "bawaslu.jepara@contoh.go.id")
    assert papua.subject == ("Ringkasan harian Netra, 4 Oktober 2024: 0 lewat tenggat, 1 jatuh tempo hari ini, "
                             "0 segera jatuh tempo")
    assert (f"Jatuh tempo hari ini (1):\n- #{jayapura_case} (Kota Jayapura): Tindak lanjut laporan oleh Bawaslu, "
            "tenggat 4 Oktober 2024 pukul 23.59 WIT") in papua.text
    assert f"#{jepara_case} (Kabupaten Jepara)" in java.text and "WIB" in java.text
    assert f"#{jepara_case}" not in papua.text and f"#{jayapura_case}" not in java.text  # each their own scope
    for secret in (*REPORTER.values(), REPORTED):
        assert secret not in papua.text + java.text
    with db.transaction() as s:  # the digest is also in the app
        assert s.scalar(select(NotificationRow.title).where(NotificationRow.kind == "digest",
                                                            NotificationRow.user_id == jepara.id)) == java.subject


def test_the_digest_carries_what_was_held_for_it_and_then_not_again(db, store):
    officer = make(db, "bawaslu.jepara")
    preferences.choose(db, officer.id, {"case_queue": "digest"})
    case_id, _ = file_report(db, store)
    sent = digest.send_due(db, datetime(2024, 10, 2, 7, 0, tzinfo=WIB))  # due in 2 days: not yet soon
    assert [s.items for s in sent] == [1]
    [mail] = digests(db)
    assert mail.subject.endswith("0 lewat tenggat, 0 jatuh tempo hari ini, 0 segera jatuh tempo")
    assert (f"Pemberitahuan sejak ringkasan terakhir (1):\n- Perkara #{case_id} menunggu tindakan Bawaslu: "
            "Diterima") in mail.text
    sent = digest.send_due(db, datetime(2024, 10, 3, 7, 0, tzinfo=WIB))  # next day: the clock is due soon
    assert [s.items for s in sent] == [1]
    later = digests(db)[1]
    assert "Segera jatuh tempo (1):" in later.text and "Pemberitahuan sejak" not in later.text


def test_several_workers_send_one_digest_per_officer_and_day(db, store):
    for i in range(4):
        make(db, f"bawaslu{i}.jepara")
    file_report(db, store)
    at = datetime(2024, 10, 4, 7, 0, tzinfo=WIB)
    if db.engine.dialect.name == "postgresql":
        results = []
        threads = [threading.Thread(target=lambda: results.append(digest.send_due(db, at))) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(s.username for r in results for s in r) == [f"bawaslu{i}.jepara" for i in range(4)]
    else:  # one worker on SQLite; a restart runs it again
        assert len(digest.send_due(db, at)) == 4
    assert digest.send_due(db, at + timedelta(hours=3), force=True) == []  # `digest --now` after a restart
    assert sorted(m.to_address for m in digests(db)) == [f"bawaslu{i}.jepara@contoh.go.id" for i in range(4)]
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(DigestRunRow)) == 4


def test_an_officer_over_several_zones_gets_it_at_0700_in_the_westernmost(db):
    with db.transaction() as s:
        provinces = list(s.scalars(select(RegionRow.code).where(RegionRow.parent_code.is_(None))))
    cases = {("33", "91"): "WIB", ("64.02", "91.71"): "WITA", ("91.71",): "WIT", tuple(provinces): "WIB"}
    accounts = [create_account(db, f"user{i}", "", "kata-sandi-panjang", Role.BAWASLU, scope)
                for i, scope in enumerate(cases)]
    with db.transaction() as s:
        assert [digest.zone_of(s, a).value for a in accounts] == list(cases.values())


def test_clock_warnings_once_per_threshold_to_the_owning_role(db, store):
    bawaslu, bkn = make(db, "bawaslu.jepara"), make(db, "bkn.jepara", Role.BKN)
    kukar = make(db, "bawaslu.kukar", scope=("64.02",))
    case_id, _ = file_report(db, store)
    assert clock_warnings.warn(db, T0 + timedelta(hours=1)) == 0
    soon = datetime(2024, 10, 3, 8, 0, tzinfo=WIB)
    assert clock_warnings.warn(db, soon) == 1 and clock_warnings.warn(db, soon + timedelta(minutes=1)) == 0
    late = datetime(2024, 10, 5, 8, 0, tzinfo=WIB)
    assert clock_warnings.warn(db, late) == 1 and clock_warnings.warn(db, late + timedelta(hours=5)) == 0
    with db.transaction() as s:
        rows = s.execute(select(NotificationRow.user_id, NotificationRow.title, NotificationRow.body)
                         .where(NotificationRow.kind == "clock_warning").order_by(NotificationRow.id)).all()
        mails = list(s.scalars(select(EmailMessageRow.to_address).where(EmailMessageRow.kind == "clock_warning")))
    assert [(r.user_id, r.title) for r in rows] == [
        (bawaslu.id, f"Perkara #{case_id}: tenggat segera berakhir"),
        (bawaslu.id, f"Perkara #{case_id}: tenggat terlewati")]
    assert rows[1].body == (f"Tenggat hukum terlewati: #{case_id} (Kabupaten Jepara): Tindak lanjut laporan oleh "
                            "Bawaslu, tenggat 4 Oktober 2024 pukul 23.59 WIB, lewat 1 hari")
    assert mails == ["bawaslu.jepara@contoh.go.id"] * 2 and bkn.id not in {r.user_id for r in rows}
    assert kukar.id not in {r.user_id for r in rows}


def test_a_warning_moved_to_the_digest_arrives_in_it(db, store):
    officer = make(db, "bawaslu.jepara")
    preferences.choose(db, officer.id, {"clock_warning": "digest", "case_queue": "never"})
    case_id, _ = file_report(db, store)
    from netra.services.notifications.worker import chores
    chores(db, datetime(2024, 10, 3, 7, 0, tzinfo=WIB))  # warnings first, then the digest
    [mail] = digests(db)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).where(EmailMessageRow.kind == "clock_warning")) == 0
    assert f"- Perkara #{case_id}: tenggat segera berakhir" in mail.text
    assert f"Segera jatuh tempo (1):\n- #{case_id} (Kabupaten Jepara)" in mail.text
    with pytest.raises(Exception):
        preferences.choose(db, officer.id, {"clock_warning": "never"})
