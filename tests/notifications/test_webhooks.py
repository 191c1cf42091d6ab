"""Webhooks against a real HTTP receiver on loopback: URLs refused at registration (not http(s), the server itself,
loopback, link-local, private), each POST signed (HMAC-SHA256 over timestamp + body) and carrying no reporter's
identity, reported person or internal note, a receiver down for a while losing nothing, every delivery recorded.
Loopback is allowed by setting, in these tests only. Each test runs on SQLite and PostgreSQL."""

import hashlib
import hmac
import json
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.notifications.webhook_urls import UnsafeUrl, checked_url, masked
from netra.services.accounts import create_account
from netra.services.case_workflow import take_step
from netra.services.notifications import webhooks, worker
from netra.storage.tables import WebhookDeliveryRow
from tests.notifications.receiver import Receiver
from tests.notifications.smtp import free_port
from tests.notifications.test_planner import INTERNAL, PUBLIC, REPORTED, REPORTER, T0, file_report, store  # noqa: F401


@pytest.fixture
def admin(db):
    return create_account(db, "admin.pusat", "Admin Pusat", "kata-sandi-panjang", Role.ADMIN, ("33",))


@pytest.fixture
def loopback(settings):
    return replace(settings, webhook_allow_private=True, public_url="https://netra.example.id")


def deliveries(db):
    with db.transaction() as s:
        return [(d.kind, d.status, d.attempts, d.response_code) for d in
                s.scalars(select(WebhookDeliveryRow).order_by(WebhookDeliveryRow.id))]


@pytest.mark.parametrize("url, why", [
    ("ftp://gateway.example.id/x", "hanya alamat http:// atau https://"),
    ("javascript:alert(1)", "hanya alamat http:// atau https://"),
    ("http://127.0.0.1:9000/x", "loopback, link-local atau jaringan privat"),
    ("http://localhost/x", "loopback"),
    ("http://169.254.169.254/latest/meta-data", "link-local"),
    ("http://10.1.2.3/hook", "jaringan privat"),
    ("http://[::1]/hook", "loopback"),
    ("http://[::ffff:192.168.1.5]/hook", "jaringan privat"),
    ("https://user:sandi@gateway.example.id/x", "nama pengguna atau kata sandi"),
])
def test_unsafe_urls_are_refused_in_indonesian(url, why):
    with pytest.raises(UnsafeUrl, match=why.replace("(", r"\(")):
        checked_url(url, ["http://127.0.0.1:8000"],
                    resolve=lambda host: {"localhost": ["127.0.0.1"]}.get(host, [host.strip("[]")]))


def test_the_server_itself_is_refused_even_where_private_targets_are_allowed():
    with pytest.raises(UnsafeUrl, match="server Netra sendiri"):
        checked_url("http://127.0.0.1:8000/api", ["http://127.0.0.1:8000"], allow_private=True)
    assert checked_url(" http://127.0.0.1:8001/hook ", ["http://127.0.0.1:8000"], allow_private=True) == \
        "http://127.0.0.1:8001/hook"


def test_registration_refuses_and_stores_nothing(db, admin, settings):
    with pytest.raises(UnsafeUrl, match="ditolak"):
        webhooks.register(db, admin, "33.20", "case_opened", "http://127.0.0.1:9/x", settings)  # not allowed here
    with pytest.raises(webhooks.WebhookRefused, match="Wilayah \"99.99\" tidak dikenal"):
        webhooks.register(db, admin, "99.99", "case_opened", "http://127.0.0.1:9/x",
                          replace(settings, webhook_allow_private=True))
    with pytest.raises(webhooks.WebhookRefused, match="Jenis peristiwa"):
        webhooks.register(db, admin, "33.20", "semua", "http://127.0.0.1:9/x",
                          replace(settings, webhook_allow_private=True))
    with db.transaction() as s:
        assert webhooks.overview(s)[0] == []


def test_an_administrator_manages_and_sees_only_the_webhooks_of_their_regions(db, admin, loopback):
    jepara = create_account(db, "admin.jepara", "Admin Jepara", "kata-sandi-panjang", Role.ADMIN, ("33.20",))
    province_hook, _ = webhooks.register(db, admin, "33", "case_step", "http://127.0.0.1:9/prov?token=rahasia",
                                         loopback)
    with pytest.raises(webhooks.WebhookRefused, match="di luar cakupan"):
        webhooks.register(db, jepara, "33.21", "case_step", "http://127.0.0.1:9/x", loopback)
    with pytest.raises(webhooks.WebhookRefused, match=f"#{province_hook} tidak ada"):
        webhooks.set_active(db, jepara, province_hook, False, "bukan urusan saya")
    own, _ = webhooks.register(db, jepara, "33.20", "case_step", "http://127.0.0.1:9/jepara", loopback)
    with db.transaction() as s:
        assert [h.id for h in webhooks.overview(s, jepara)[0]] == [own]
        assert [h.id for h in webhooks.overview(s, admin)[0]] == [province_hook, own]
        assert webhooks.overview(s, admin)[0][0].active is True  # the refused deactivation changed nothing


def test_a_signed_post_arrives_without_names_or_notes(db, admin, loopback, store):
    receiver = Receiver().start()
    try:
        hook_id, secret = webhooks.register(db, admin, "33", "case_step", receiver.url, loopback)  # the province
        kaltim = create_account(db, "admin.kaltim", "Admin Kaltim", "kata-sandi-panjang", Role.ADMIN, ("64",))
        webhooks.register(db, kaltim, "64", "case_step", receiver.url, loopback)  # another province: not told
        case_id, _ = file_report(db, store, confidential=True)
        from tests.notifications.test_preferences import make
        officer = make(db, "bawaslu.jepara")
        take_step(db, store, officer, case_id, "register", 1, reason=INTERNAL, public_reason=PUBLIC,
                  now=T0 + timedelta(hours=1))
        counts = webhooks.deliver_due(db, loopback)
        posts = receiver.snapshot()
    finally:
        receiver.stop()
    assert (counts.sent, counts.retried, counts.failed) == (1, 0, 0) and len(posts) == 1
    headers, body = posts[0]
    stamp = headers["x-netra-timestamp"]
    expected = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    assert headers["x-netra-signature"] == f"sha256={expected}"
    assert headers["x-netra-event"] == "case_step" and headers["content-type"] == "application/json; charset=utf-8"
    assert json.loads(body) == {
        "event": "case_step", "case_id": case_id, "region_code": "33.20", "region": "Kabupaten Jepara",
        "state": "registered", "state_label": "Diregistrasi", "at": "2024-10-01T03:00:00+00:00",
        "at_local": "1 Oktober 2024 pukul 10.00 WIB", "link": f"https://netra.example.id/perkara/{case_id}"}
    text = body.decode()
    for secret_ in (*REPORTER.values(), REPORTED, INTERNAL, "Wawan", "Petugas"):
        assert secret_ not in text
    assert deliveries(db) == [("case_step", "sent", 1, 204)] and hook_id


def test_a_receiver_down_for_a_while_loses_nothing(db, admin, loopback, store):
    port = free_port()
    webhooks.register(db, admin, "33.20", "case_opened", f"http://127.0.0.1:{port}/netra", loopback)
    for i in range(5):
        file_report(db, store, token=f"tok-{i}" + "w" * 20, reported_name=f"Orang Fiktif {i}")
    down = webhooks.deliver_due(db, loopback, now=T0)
    assert (down.sent, down.retried) == (0, 5)  # each tried, each waiting for its backoff
    assert webhooks.deliver_due(db, loopback, now=T0).retried == 0  # not before the backoff
    receiver = Receiver(port, status=500).start()  # up, but failing: still retried, the answer recorded
    try:
        assert webhooks.deliver_due(db, loopback, now=T0 + worker.backoff(1)).retried == 5
        assert {d[3] for d in deliveries(db)} == {500}
        receiver.status = 200
        up = webhooks.deliver_due(db, loopback, now=T0 + worker.backoff(1) + worker.backoff(2))
        posts = receiver.snapshot()
    finally:
        receiver.stop()
    assert up.sent == 5 and deliveries(db) == [("case_opened", "sent", 3, 200)] * 5
    ids = [h["x-netra-delivery"] for h, _ in posts]
    assert len(posts) == 10 and len(set(ids)) == 5 and len(set(ids[5:])) == 5  # 5 answered 500, then each once
    assert sorted(json.loads(b)["case_id"] for _, b in posts[-5:]) == list(range(1, 6))


def test_workers_share_the_deliveries_without_posting_twice(db, admin, loopback):
    """PostgreSQL: three workers at once (FOR UPDATE SKIP LOCKED); SQLite: one, as `netra worker` allows."""
    import threading

    from sqlalchemy import insert

    receiver = Receiver().start()
    try:
        hook_id, _ = webhooks.register(db, admin, "33", "case_step", receiver.url, loopback)
        with db.transaction() as s:
            s.execute(insert(WebhookDeliveryRow), [dict(
                webhook_id=hook_id, kind="case_step", body=json.dumps({"case_id": i}), status="queued", attempts=0,
                next_attempt_at=T0, last_error="", created_at=T0) for i in range(60)])
        count = 3 if db.engine.dialect.name == "postgresql" else 1
        sent = []
        threads = [threading.Thread(target=lambda: sent.append(webhooks.deliver_due(db, loopback, limit=500).sent))
                   for _ in range(count)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        posts = receiver.snapshot()
    finally:
        receiver.stop()
    ids = [h["x-netra-delivery"] for h, _ in posts]
    assert len(ids) == 60 and len(set(ids)) == 60 and sum(sent) == 60
    assert deliveries(db) == [("case_step", "sent", 1, 204)] * 60


def test_a_deactivated_webhook_receives_nothing_more_and_each_change_is_audited(db, admin, loopback, store):
    from netra.storage.tables import AuditRow

    receiver = Receiver().start()
    try:
        hook_id, _ = webhooks.register(db, admin, "33.20", "case_step", receiver.url, loopback)
        case_id, _ = file_report(db, store)
        from tests.notifications.test_preferences import make
        officer = make(db, "bawaslu.jepara")
        v = take_step(db, store, officer, case_id, "register", 1, now=T0 + timedelta(hours=1)).version
        assert deliveries(db) == [("case_step", "queued", 0, None)]
        with pytest.raises(webhooks.WebhookRefused, match="Tuliskan alasan penonaktifan"):
            webhooks.set_active(db, admin, hook_id, False, "  ")
        assert webhooks.set_active(db, admin, hook_id, False, "Gateway WhatsApp diganti") == 1
        with pytest.raises(webhooks.WebhookRefused, match="sudah nonaktif"):
            webhooks.set_active(db, admin, hook_id, False, "lagi")
        v = take_step(db, store, officer, case_id, "start_review", v, now=T0 + timedelta(hours=2)).version
        assert webhooks.deliver_due(db, loopback).sent == 0 and receiver.snapshot() == []
        assert deliveries(db) == [("case_step", "cancelled", 0, None)]  # and nothing new for the second step
        webhooks.set_active(db, admin, hook_id, True, "Gateway baru siap")
        take_step(db, store, officer, case_id, "dismiss", v, reason="tidak terbukti", public_reason=PUBLIC,
                  now=T0 + timedelta(hours=3))
        assert webhooks.deliver_due(db, loopback).sent == 1
        posts = receiver.snapshot()
    finally:
        receiver.stop()
    assert [json.loads(b)["state"] for _, b in posts] == ["not_a_violation"]
    [(headers, _)] = posts
    assert headers["idempotency-key"] == f"netra-delivery-{headers['x-netra-delivery']}"
    with db.transaction() as s:
        trail = [(a.actor, a.action, a.detail) for a in s.scalars(
            select(AuditRow).where(AuditRow.entity == f"webhook:{hook_id}").order_by(AuditRow.seq))]
    assert trail == [
        (admin.actor, "create", {"region_code": "33.20", "kind": "case_step",
                                 "url": f"http://127.0.0.1:{receiver.port}/…"}),  # not the path: it can hold a token
        (admin.actor, "change", {"active": False, "reason": "Gateway WhatsApp diganti", "deliveries_cancelled": 1}),
        (admin.actor, "change", {"active": True, "reason": "Gateway baru siap", "deliveries_cancelled": 0})]


@pytest.mark.long
def test_the_cli_deactivates_and_reactivates_with_a_reason(db, admin, loopback, settings, database_url, monkeypatch):
    from tests.cli.test_cli import in_process as netra

    monkeypatch.setenv("COLUMNS", "200")  # the table on one line

    hook_id, _ = webhooks.register(db, admin, "33.20", "case_step", "http://127.0.0.1:9/x", loopback)
    args = dict(data_dir=settings.data_dir, database_url=database_url)
    refused = netra("notifications", "webhook-deactivate", str(hook_id), "--reason", " ", "--admin", "admin.pusat",
                    **args)
    assert refused.returncode == 1 and "Tuliskan alasan penonaktifan" in refused.stderr
    off = netra("notifications", "webhook-deactivate", str(hook_id), "--reason", "gateway mati", "--admin",
                "admin.pusat", **args)
    assert off.returncode == 0 and f"Webhook {hook_id} deactivated" in off.stdout, off.stderr
    listed = netra("notifications", "webhooks", **args)
    assert "gateway mati" in listed.stdout and " no " in listed.stdout
    with db.transaction() as s:
        assert webhooks.overview(s)[0][0].active is False
    on = netra("notifications", "webhook-activate", str(hook_id), "--reason", "hidup lagi", "--admin",
               "admin.pusat", **args)
    assert on.returncode == 0 and f"Webhook {hook_id} reactivated" in on.stdout
    with db.transaction() as s:
        hook = webhooks.overview(s)[0][0]
    assert hook.active is True and hook.active_reason == "hidup lagi" and hook.active_changed_by == admin.actor


@pytest.mark.parametrize("url, shown", [
    ("https://api.telegram.org/bot123:ABCsecret/sendMessage", "https://api.telegram.org/…"),
    ("https://gateway.example.id/hook?token=s3cret", "https://gateway.example.id/…"),
    ("https://gateway.example.id:8443/", "https://gateway.example.id:8443/"),
    ("https://gateway.example.id", "https://gateway.example.id")])
def test_lists_and_the_audit_trail_show_a_webhook_url_without_its_token(url, shown):
    assert masked(url) == shown
