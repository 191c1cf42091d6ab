"""Each account's choice per kind, honoured by the planner: now (in the app and by email), the digest (in the app,
held for the digest) or never; legal-clock warnings cannot be turned off. "Assigned to you" notices from a
case_assigned event written through the outbox. Each test runs on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.cases import CaseEvent, EventKind
from netra.notifications.preferences import PreferenceRefused
from netra.services.accounts import create_account
from netra.services.notifications import preferences, subscriptions
from netra.services.notifications.planner import on_case_events
from netra.storage import audit_log, outbox
from netra.storage.tables import EmailMessageRow, NotificationRow
from tests.notifications.test_planner import T0, file_report, store  # noqa: F401  (fixture)


def make(db, name, role=Role.BAWASLU, scope=("33.20",)):
    account = create_account(db, name, f"Petugas {name}", "kata-sandi-panjang", role, scope)
    subscriptions.set_contact(db, account.id, f"{name}@contoh.go.id")
    return account


def told(db, account):
    with db.transaction() as s:
        notes = [(n.kind, n.for_digest) for n in s.scalars(select(NotificationRow).where(
            NotificationRow.user_id == account.id))]
        mails = list(s.scalars(select(EmailMessageRow.kind).where(
            EmailMessageRow.to_address == f"{account.username}@contoh.go.id")))
    return notes, mails


def test_clock_warnings_cannot_be_turned_off_and_nothing_is_stored(db):
    officer = make(db, "bawaslu.jepara")
    preferences.choose(db, officer.id, {"case_queue": "digest"})
    with pytest.raises(PreferenceRefused) as refused:
        preferences.choose(db, officer.id, {"case_queue": "never", "clock_warning": "never"})
    assert str(refused.value) == ("Peringatan tenggat hukum tidak dapat dimatikan; Anda hanya dapat memindahkannya "
                                  "ke ringkasan harian.")
    assert preferences.choices(db, officer.id) == {"case_queue": "digest", "case_assigned": "now",
                                                   "clock_warning": "now"}
    with pytest.raises(PreferenceRefused, match="tidak dikenal"):
        preferences.choose(db, officer.id, {"case_queue": "kadang"})
    assert preferences.choose(db, officer.id, {"clock_warning": "digest"})["clock_warning"] == "digest"


def test_the_planner_honours_now_digest_and_never(db, store):
    now_, digest_, never_ = (make(db, n) for n in ("segera.jepara", "ringkas.jepara", "diam.jepara"))
    preferences.choose(db, digest_.id, {"case_queue": "digest"})
    preferences.choose(db, never_.id, {"case_queue": "never"})
    file_report(db, store)  # lands in Bawaslu Jepara's queue
    assert told(db, now_) == ([("case_queue", False)], ["case_queue"])
    assert told(db, digest_) == ([("case_queue", True)], [])  # in the app now, by email in the digest
    assert told(db, never_) == ([], [])


def test_assigned_to_you_from_a_case_assigned_event_in_the_outbox(db, store):
    case_id, _ = file_report(db, store)
    lead, assignee = make(db, "ketua.jepara"), make(db, "staf.jepara")
    outsider = make(db, "staf.kukar", scope=("64.02",))
    for who in (assignee, outsider):
        event = CaseEvent(EventKind.ASSIGNED, case_id, "33.20", {"assignee_user_id": who.id, "by_user_id": lead.id})
        with db.transaction() as s:  # what the case repository does for every change
            entry = audit_log.append(s, lead.actor, "assign", f"case:{case_id}", {}, at=T0 + timedelta(hours=1))
            outbox.add(s, entry, [event])
            on_case_events(s, lead, [event], "", T0 + timedelta(hours=1))
    with db.transaction() as s:
        rows = s.execute(select(NotificationRow.user_id, NotificationRow.title, NotificationRow.body)
                         .where(NotificationRow.kind == "case_assigned")).all()
        mail = s.scalars(select(EmailMessageRow).where(EmailMessageRow.kind == "case_assigned")).one()
        kinds = list(s.scalars(select(outbox.OutboxRow.kind).order_by(outbox.OutboxRow.id)))
    assert kinds[-2:] == ["case_assigned", "case_assigned"]
    # The assignee hears it (with the time in WIB); the lead who assigned does not; an account outside the case's
    # region does not either.
    assert rows == [(assignee.id, f"Perkara #{case_id} ditugaskan kepada Anda",
                     f"Perkara #{case_id} (Kabupaten Jepara, \"Diterima\") ditugaskan kepada Anda pada "
                     "1 Oktober 2024 pukul 10.00 WIB.")]
    assert mail.to_address == "staf.jepara@contoh.go.id" and "Petugas" not in mail.text
