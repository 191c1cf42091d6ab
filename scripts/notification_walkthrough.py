"""Issue 15's closing note: one fictional report walked through to a sanction, and every message each role receives,
as the real worker delivers them to an SMTP server and a webhook receiver on loopback.

    .venv/bin/python scripts/notification_walkthrough.py [--out docs/notifications-walkthrough.md]

Runs on a fresh SQLite database in a temporary folder with fictional people in a real region (Kabupaten Jepara),
through the services the web pages call: the report with a reporter email (confirmed by the link in the email that
arrives), the reported person's facts completed, each workflow step by the role that takes it, the worker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the loopback SMTP server and webhook receiver the tests use (tests/notifications)

from sqlalchemy import func, select  # noqa: E402

from netra.accounts.roles import Role  # noqa: E402
from netra.config import Settings  # noqa: E402
from netra.intake.report import ReportDraft  # noqa: E402
from netra.services.accounts import create_account  # noqa: E402
from netra.services.case_workflow import amend_case, take_step  # noqa: E402
from netra.services.intake import submit_report  # noqa: E402
from netra.services.notifications import subscriptions, webhooks, worker  # noqa: E402
from netra.services.reference import load_regions  # noqa: E402
from netra.storage.database import Database  # noqa: E402
from netra.storage.evidence_store import EvidenceStore  # noqa: E402
from netra.storage.tables import CaseRow, EmailMessageRow, WebhookDeliveryRow  # noqa: E402
from tests.notifications.receiver import Receiver  # noqa: E402
from tests.notifications.smtp import SmtpServer, body  # noqa: E402

T0 = datetime(2024, 10, 1, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
PASSWORD = "walkthrough-kata-sandi"
# Fictional people only.
REPORTER = dict(reporter_name="Sekar Pelapor Fiktif", reporter_id_number="3320015506920002",
                reporter_address="Jl. Kenanga Fiktif 12, Jepara", reporter_contact="0812-0000-1515")
REPORTER_EMAIL = "sekar.pelapor@contoh.id"
REPORTED = dict(reported_name="Darto Terlapor Fiktif", reported_nip="197001012000031001",
                reported_position="Camat", reported_agency="Pemerintah Kabupaten Jepara", reported_status="pns")
INTERNAL = "Catatan internal: saksi kunci Wulan Fiktif, jangan dibuka ke pelapor"
OFFICERS = {  # username: (role, scope, who they are in the note)
    "bawaslu.jepara": (Role.BAWASLU, ("33.20",), "Bawaslu Kabupaten Jepara"),
    "bawaslu.jateng": (Role.BAWASLU, ("33",), "Bawaslu Provinsi Jawa Tengah (covers Jepara)"),
    "bkn.jepara": (Role.BKN, ("33.20",), "BKN (Kantor Regional, Jepara in scope)"),
    "ppk.jepara": (Role.PPK, ("33.20",), "PPK (Pejabat Pembina Kepegawaian) of Kabupaten Jepara"),
}
ADMIN = "admin.jepara"
HOOK_KINDS = ("case_opened", "case_step")
# (who, action, payload, public reason): the path to a sanction, one step a day.
PATH = [
    ("bawaslu.jepara", "register", {}, "Laporan diregistrasi: syarat formal dan materiel terpenuhi."),
    ("bawaslu.jepara", "start_review", {}, "Laporan mulai dikaji."),
    ("bawaslu.jepara", "recommend", {"rule_ids": ["skb2022.disiplin.6"]},
     "Hasil kajian: terdapat dugaan pelanggaran netralitas; direkomendasikan ke BKN."),
    ("bkn.jepara", "verify", {}, "Rekomendasi diverifikasi BKN."),
    ("bawaslu.jepara", "validate", {}, "Rekomendasi divalidasi."),
    ("bkn.jepara", "send_to_ppk", {"ppk": "Bupati Jepara"}, "Rekomendasi diteruskan kepada PPK."),
    ("ppk.jepara", "impose_sanction", {"rule_id": "skb2022.disiplin.6", "sanction": {
        "kind": "discipline", "level": "berat", "description": "Penurunan jabatan setingkat lebih rendah"}},
     "PPK menjatuhkan hukuman disiplin."),
    ("bkn.jepara", "close", {}, "Perkara selesai."),
]


@dataclass
class Walk:
    case_id: int
    tracking_code: str
    steps: list[tuple[str, str, str]]  # (time, who, action)
    mail: dict[str, list[tuple[str, str]]]  # address -> [(subject, plain text)] in arrival order
    posts: list[tuple[dict, dict]]  # (headers, JSON body) in arrival order
    figures: dict[str, int]


def walk(workdir: Path) -> Walk:
    smtp, receiver = SmtpServer().start(), Receiver().start()
    try:
        return _walk(workdir, smtp, receiver)
    finally:
        smtp.stop()
        receiver.stop()


def _walk(workdir: Path, smtp: SmtpServer, receiver: Receiver) -> Walk:
    base = Settings.from_env(data_dir=workdir / "data", database_url=f"sqlite:///{workdir / 'netra.sqlite3'}")
    settings = replace(base, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none",
                       mail_from="Netra <netra@bawaslu.example.id>", public_url="https://netra.example.id",
                       webhook_allow_private=True)  # the receiver listens on loopback
    settings.ensure_data_dir()
    db = Database(settings.database_url, audit_key=settings.audit_key())
    db.migrate()
    load_regions(db)
    store = EvidenceStore(settings.data_dir / "evidence")
    people = {name: create_account(db, name, f"Petugas Fiktif {i}", PASSWORD, role, scope)
              for i, (name, (role, scope, _)) in enumerate(OFFICERS.items(), 1)}
    for name, account in people.items():
        subscriptions.set_contact(db, account.id, f"{name}@contoh.go.id")
    admin = create_account(db, ADMIN, "Admin Fiktif", PASSWORD, Role.ADMIN, ("33.20",))
    for kind in HOOK_KINDS:
        webhooks.register(db, admin, "33.20", kind, receiver.url, settings, now=T0)

    def send() -> None:
        mailer = worker.SmtpMailer(settings)
        while worker.deliver_due(db, mailer).sent + webhooks.deliver_due(db, settings).sent:
            pass

    draft = ReportDraft(description="Camat mengumpulkan ASN kecamatan dalam apel pagi dan mengajak memilih "
                                    "pasangan calon nomor urut 2 pada Pilkada.",
                        region_code="33.20", election_id="pilkada2024", event_date=date(2024, 9, 30),
                        event_place="Kantor Kecamatan (fiktif)", reported_name=REPORTED["reported_name"],
                        confidential=True, declaration=True, **REPORTER)
    receipt = submit_report(db, store, draft, [], "walkthrough-" + "t" * 24, settings.secret_key(), {"pilkada2024"},
                            now=T0, notify_email=REPORTER_EMAIL)
    send()  # the confirmation email: the reporter opens its link
    confirmation = body(smtp.inbox.snapshot()[-1][1], "plain")
    token = re.search(r"/lapor/email/(\S+)", confirmation).group(1)
    assert subscriptions.confirm(db, token, now=T0 + timedelta(minutes=30)) == receipt.tracking_code
    with db.transaction() as s:
        case_id = s.scalar(select(CaseRow.id))
    at = T0 + timedelta(hours=2)
    version = amend_case(db, people["bawaslu.jepara"], case_id, 1, {k: v for k, v in REPORTED.items()
                                                                   if k != "reported_name"},
                         "Data terlapor dilengkapi dari BKD (fiktif).", now=at)
    steps = [(T0, "reporter", "report filed on /lapor"), (at, "bawaslu.jepara", "reported person completed")]
    for day, (who, action, payload, public) in enumerate(PATH, 1):
        at = T0 + timedelta(days=day)
        version = take_step(db, store, people[who], case_id, action, version, reason=INTERNAL, public_reason=public,
                            payload=payload, now=at).version
        steps.append((at, who, action))
    send()

    mail: dict[str, list[tuple[str, str]]] = {}
    received = smtp.inbox.snapshot()
    for rcpts, message in received:
        for rcpt in rcpts:
            mail.setdefault(rcpt, []).append((str(message["Subject"]), body(message, "plain")))
    posts = [(headers, json.loads(raw)) for headers, raw in receiver.snapshot()]
    with db.transaction() as s:
        queued = s.scalar(select(func.count()).select_from(EmailMessageRow)) + \
            s.scalar(select(func.count()).select_from(WebhookDeliveryRow))
    distinct = len({m["Message-ID"] for _, m in received}) + len({h["idempotency-key"] for h, _ in posts})
    raw = len(received) + len(posts)
    db.dispose()
    from netra.formatting import moment

    return Walk(case_id, receipt.tracking_code, [(moment(t, "WIB"), who, what) for t, who, what in steps], mail,
                posts, {"queued": queued, "delivered": distinct, "duplicates": raw - distinct,
                        "lost": queued - distinct})


def _mask(text: str) -> str:
    return re.sub(r"/lapor/email/\S+", "/lapor/email/<token>", text)  # the confirmation link is a secret


def markdown(w: Walk) -> str:
    out = ["# Notifications walk-through (issue 15)", "",
           "Generated by `scripts/notification_walkthrough.py` (fresh SQLite database, fictional people, a real "
           "region). One confidential report from Kabupaten Jepara with a reporter email, walked through to a "
           "sanction by the services the web pages call; the real worker delivered every message to an SMTP server "
           "and a webhook receiver on loopback. What each role received, in order, is below exactly as it arrived "
           "(plain-text part; each email also has an HTML part). Only the confirmation link's token is masked.", "",
           f"Report {w.tracking_code}, case #{w.case_id}.", "", "## Steps", "", "| When | Who | What |",
           "|---|---|---|"]
    out += [f"| {when} | {who} | {what} |" for when, who, what in w.steps]
    sections = [(f"Reporter ({REPORTER_EMAIL})", REPORTER_EMAIL)]
    sections += [(f"{label} — {name}", f"{name}@contoh.go.id") for name, (_, _, label) in OFFICERS.items()]
    for title, address in sections:
        messages = w.mail.get(address, [])
        out += ["", f"## {title}", "", f"{len(messages)} email(s)."]
        for i, (subject, text) in enumerate(messages, 1):
            out += ["", f"### {i}. {subject}", "", "```text", _mask(text).rstrip(), "```"]
    out += ["", f"## Admin webhook ({', '.join(HOOK_KINDS)} for Kabupaten Jepara)", "",
            f"{len(w.posts)} POST(s), each signed (X-Netra-Signature) and carrying Idempotency-Key."]
    for i, (headers, payload) in enumerate(w.posts, 1):
        out += ["", f"### {i}. {headers['x-netra-event']} (Idempotency-Key: {headers['idempotency-key']})", "",
                "```json", json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True), "```"]
    f = w.figures
    out += ["", "## Figures", "", "| queued | delivered | duplicates | lost |", "|---|---|---|---|",
            f"| {f['queued']} | {f['delivered']} | {f['duplicates']} | {f['lost']} |", "",
            "Queued: email rows and webhook deliveries written with the changes. Delivered: distinct Message-IDs "
            "and Idempotency-Keys that arrived. Duplicates: arrivals beyond those. Lost: queued but never arrived.",
            ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "notifications-walkthrough.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netra-walk-") as tmp:
        result = walk(Path(tmp))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(result), encoding="utf-8")
    f = result.figures
    print(f"{args.out}: queued={f['queued']} delivered={f['delivered']} duplicates={f['duplicates']} "
          f"lost={f['lost']}")


if __name__ == "__main__":
    main()
