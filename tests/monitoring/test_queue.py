"""The monitoring queue on real databases: only flags are queued, checkouts are exclusive, decisions open
finding cases and become training labels."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from netra.accounts.roles import Role
from netra.services.accounts import create_account
from netra.services.monitoring import QueueError, check_out, decide, decision_labels, my_items, queue_counts, screen_and_queue
from netra.screening import Item
from netra.storage import audit_log
from netra.storage.tables import AuditRow, CaseEventRow, CaseRow

NOW = datetime(2024, 10, 12, 3, 0, tzinfo=timezone.utc)
RECORDS = [
    {"id": "p1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"},
    {"id": "p2", "text": "Camat kami ikut deklarasi paslon nomor urut 1, mantappp", "created_at": "2024-10-11"},
    {"id": "p3", "text": "Ayo datang ke TPS tanggal 27 November, gunakan hak pilihmu!", "created_at": "2024-10-11"},
    {"id": "p4", "text": "Bawaslu Jepara mengingatkan ASN wajib netral selama Pilkada 2024.", "source": "news"},
    {"id": "p5", "text": "Kepala Dinas share poster paslon 02 di grup WA kantor #MenangBersama", "region": "64.02"},
]


@pytest.fixture
def officers(db):
    return {
        "a": create_account(db, "bawaslu.a", "", "kata-sandi-panjang", Role.BAWASLU, ["33.20"]),
        "b": create_account(db, "bawaslu.b", "", "kata-sandi-panjang", Role.BAWASLU, ["33"]),
        "kukar": create_account(db, "bawaslu.kukar", "", "kata-sandi-panjang", Role.BAWASLU, ["64.02"]),
        "bkn": create_account(db, "bkn.a", "", "kata-sandi-panjang", Role.BKN, ["33.20"]),
    }


@pytest.fixture
def national(db):
    return create_account(db, "bawaslu.ri", "", "kata-sandi-panjang", Role.BAWASLU, ["33", "64"])


def test_only_flagged_items_are_queued_once(db, officers, national):
    first = screen_and_queue(db, RECORDS + [{"text": "tanpa id"}], "batch-1", "pilkada2024", "33.20", now=NOW,
                             account=national)
    assert first.screened == 5 and first.rejected and "baris 6" in first.rejected[0]
    assert first.queued == 3  # the civic message and the news item are not flags
    again = screen_and_queue(db, RECORDS, "batch-1", "pilkada2024", "33.20", now=NOW, account=national)
    assert again.queued == 0 and again.duplicates == 3
    assert queue_counts(db, officers["a"], NOW)["pending"] == 2
    assert queue_counts(db, officers["kukar"], NOW)["pending"] == 1


def test_import_refuses_records_outside_the_officers_regions(db, officers):
    """Issue 14 finding 5: bawaslu.kukar's file with Jepara records put them in Jepara's queue, audited as system."""
    numbered = [(3, RECORDS[0] | {"region": "33.20"}), (7, RECORDS[4]), (9, RECORDS[1] | {"region": "33.20"})]
    summary = screen_and_queue(db, [(n, Item.from_dict(r)) for n, r in numbered], "kukar-1", "pilkada2024",
                               now=NOW, account=officers["kukar"])
    assert summary.rejected == ["baris 3 (id p1): wilayah 33.20 di luar cakupan Anda",
                                "baris 9 (id p2): wilayah 33.20 di luar cakupan Anda"]
    assert summary.screened == 1 and summary.queued == 1  # only the Kutai Kartanegara record
    assert queue_counts(db, officers["a"], NOW)["pending"] == 0
    with db.transaction() as s:
        entry = s.scalar(select(AuditRow).where(AuditRow.entity == "queue:kukar-1"))
        assert entry.actor == f"user:{officers['kukar'].id}" and entry.detail["rejected"] == 2
    with pytest.raises(QueueError):
        screen_and_queue(db, RECORDS, "bkn-1", "pilkada2024", "33.20", now=NOW, account=officers["bkn"])


def test_checkout_is_exclusive_until_it_expires(db, officers):
    screen_and_queue(db, RECORDS, "batch-2", "pilkada2024", "33.20", now=NOW, account=officers["b"])
    mine = check_out(db, officers["a"], 10, now=NOW)
    assert len(mine) == 2
    assert check_out(db, officers["b"], 10, now=NOW) == []
    with pytest.raises(QueueError, match="Ambil item"):
        decide(db, officers["b"], mine[0], "dismiss", "bukan ASN", now=NOW)
    later = NOW + timedelta(minutes=31)
    assert sorted(check_out(db, officers["b"], 10, now=later)) == sorted(mine)
    with pytest.raises(QueueError):
        check_out(db, officers["bkn"], 10, now=NOW)


def test_confirm_opens_a_finding_case_and_dismiss_needs_a_reason(db, officers):
    screen_and_queue(db, RECORDS, "batch-3", "pilkada2024", "33.20", now=NOW, account=officers["b"])
    first, second = check_out(db, officers["a"], 2, now=NOW)
    case_id = decide(db, officers["a"], first, "confirm", "Akun terverifikasi milik guru PNS.", now=NOW)
    with pytest.raises(QueueError, match="alasan"):
        decide(db, officers["a"], second, "dismiss", "", now=NOW)
    assert decide(db, officers["a"], second, "dismiss", "Akun parodi, bukan ASN.", now=NOW) is None
    with db.transaction() as s:
        case = s.get(CaseRow, case_id)
        event = s.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id)).one()
        assert (case.origin, case.status, case.region_code) == ("finding", "registered", "33.20")
        assert event.action == "record_finding" and event.payload["rules"] and event.payload["evidence"]
        assert audit_log.verify(s)[1] == []
    assert my_items(db, officers["a"], NOW) == []
    labels = {item["label_note"]: item["violation"] for item in decision_labels(db)}
    assert labels == {"reviewer decision: Akun terverifikasi milik guru PNS.": True,
                      "reviewer decision: Akun parodi, bukan ASN.": False}
    with pytest.raises(QueueError, match="sudah diputuskan"):
        decide(db, officers["a"], second, "confirm", "", now=NOW)


def test_cli_import_and_labels(tmp_path, database_url):
    import json

    from netra.storage.database import Database
    from tests.support.cli import netra

    source = tmp_path / "posts.jsonl"
    # A blank line and a bad one: the messages name physical lines, not record numbers.
    source.write_text("\n".join(json.dumps(r) for r in RECORDS[:2]) + "\n\n" +
                      "\n".join(json.dumps(r) for r in RECORDS[2:]) + "\nbukan json\n")
    db = Database(database_url)
    create_account(db, "bawaslu.cli", "", "kata-sandi-panjang", Role.BAWASLU, ["33", "64"])
    db.dispose()
    cmd = ["--data-dir", str(tmp_path), "--database-url", database_url]
    first = netra(*cmd, "queue", "import", str(source), "--election", "pilkada2024", "--region", "33.20",
                  "--by", "bawaslu.cli")
    assert first.returncode == 1 and "baris 7: bukan JSON yang sah" in first.stderr and "queued 3" in first.stdout
    assert "Traceback" not in first.stderr
    labels = netra(*cmd, "queue", "labels", "--out", str(tmp_path / "labels.jsonl"))
    assert labels.returncode == 0 and "0 reviewer decision(s)" in labels.stdout


def _flags(db, ids):
    from netra.storage.tables import ScreenedItemRow

    with db.transaction() as s:
        return {r.id: (r.flagged, r.score, r.external_id)
                for r in s.scalars(select(ScreenedItemRow).where(ScreenedItemRow.id.in_(ids)))}


def test_a_batch_offers_the_least_certain_flags_and_a_random_unflagged_share(db, officers):
    """Uncertainty sampling (issue 11 item 7): the flags nearest the threshold first, and a small share of the items
    the screener did not flag, stored for that purpose, so that its misses are seen."""
    summary = screen_and_queue(db, RECORDS, "batch-u", "pilkada2024", "33.20", now=NOW, account=officers["b"],
                               unflagged_share=1.0)
    # the civic message and the news item are stored unflagged; p5 (Kutai Kartanegara) is outside b's scope
    assert (summary.queued, summary.sampled) == (2, 2)
    assert queue_counts(db, officers["a"], NOW)["pending"] == 4
    taken = check_out(db, officers["a"], 2, now=NOW)
    got = _flags(db, taken)
    assert sorted(flagged for flagged, _, _ in got.values()) == [False, True]  # one unflagged in a batch of two
    flag_score = next(score for flagged, score, _ in got.values() if flagged)
    rest = check_out(db, officers["a"], 10, now=NOW)
    other_flags = [score for flagged, score, _ in _flags(db, rest).values() if flagged]
    assert other_flags and all(abs(flag_score - 0.5) <= abs(s - 0.5) for s in other_flags)
    page_order = [row.id for row in my_items(db, officers["a"], NOW)]
    scores = [abs(_flags(db, [i])[i][1] - 0.5) for i in page_order]
    assert scores == sorted(scores)
    none = screen_and_queue(db, RECORDS, "batch-n", "pilkada2024", "33.20", now=NOW, account=officers["b"],
                            unflagged_share=0.0)
    assert none.sampled == 0 and none.queued == 2


def test_a_wrong_actor_dismissal_is_not_a_not_an_act_label(db, officers, tmp_path):
    import json

    from lab.screening.training import labels as training_labels
    from lab.screening.training import read_decisions

    screen_and_queue(db, RECORDS, "batch-w", "pilkada2024", "33.20", now=NOW, account=officers["b"],
                     unflagged_share=1.0)
    taken = check_out(db, officers["a"], 10, now=NOW)
    by_external = {ext: i for i, (_, _, ext) in _flags(db, taken).items()}
    with pytest.raises(QueueError, match="jenis penolakan"):
        decide(db, officers["a"], by_external["p1"], "dismiss", "akun parodi", now=NOW, dismiss_kind="maybe")
    decide(db, officers["a"], by_external["p1"], "dismiss", "Akun milik relawan, bukan ASN.", now=NOW,
           dismiss_kind="wrong_actor")
    decide(db, officers["a"], by_external["p2"], "dismiss", "Berita, bukan dukungan.", now=NOW)
    decide(db, officers["a"], by_external["p3"], "confirm", "Terlewat: ajakan dari akun kelurahan.", now=NOW)
    got = {d["label_note"]: d for d in decision_labels(db)}
    wrong = got["reviewer decision (wrong actor): Akun milik relawan, bukan ASN."]
    assert (wrong["violation"], wrong["act"]) == (False, True)
    plain = got["reviewer decision: Berita, bukan dukungan."]
    assert (plain["violation"], plain["act"]) == (False, False)
    miss = got["reviewer decision on an unflagged item: Terlewat: ajakan dari akun kelurahan."]
    assert (miss["violation"], miss["act"], miss["family"]) == (True, True, None)
    path = tmp_path / "decisions.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in got.values()), encoding="utf-8")
    good, bad = read_decisions(path)  # what `netra model train --extra` reads
    assert bad == [] and len(good) == 3
    assert training_labels(wrong) == (True, None) and training_labels(plain) == (False, None)
