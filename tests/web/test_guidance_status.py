"""The "Bolehkah?" page asks for the status when it matters, re-asks with the chosen one, and counts questions
anonymously with "Apakah jawaban ini membantu?" (web, API; SQLite and PostgreSQL)."""

from __future__ import annotations

import re

from sqlalchemy import select

from netra.services import guidance_questions
from netra.storage.tables import GuidanceQuestionRow
from tests.web.conftest import csrf_of


def _rows(app):
    with app.state.db.transaction() as s:
        return list(s.scalars(select(GuidanceQuestionRow).order_by(GuidanceQuestionRow.id)))


def test_a_question_without_status_asks_then_answers_for_the_chosen_one(client, app):
    token = csrf_of(client.get("/bolehkah").text)
    r = client.post("/bolehkah", data={"q": "boleh gak like postingan paslon?", "csrf_token": token})
    assert r.status_code == 200 and 'data-verdict="needs_status"' in r.text
    assert "Anda bertanya sebagai siapa?" in r.text
    for status in ("pns", "village_head", "bpd", "asn_spouse", "citizen", "retired"):
        assert f'name="status" value="{status}"' in r.text
    assert 'data-testid="sanctions"' not in r.text  # no guessed sanction
    r = client.post("/bolehkah", data={"q": "boleh gak like postingan paslon?", "status": "citizen", "csrf_token": token})
    assert 'data-verdict="allowed"' in r.text and "Dijawab untuk: Warga yang bukan ASN (pilihan Anda)" in r.text
    r = client.get("/bolehkah", params={"q": "boleh gak like postingan paslon?", "status": "pns"})
    assert 'data-verdict="not_allowed"' in r.text and "skb2022.disiplin.6" in r.text


def test_the_api_takes_status_and_says_when_it_needs_one(client):
    r = client.get("/api/guidance", params={"q": "boleh gak like postingan paslon?"})
    body = r.json()
    assert r.status_code == 200 and body["needs_status"] is True and body["status"] is None
    assert {o["status"]: o["verdict"] for o in body["status_options"]}["pns"] == "not_allowed"
    r = client.post("/api/guidance", json={"question": "kepala desa foto bareng calon bupati", "status": "village_head"})
    body = r.json()
    assert body["status"] == "village_head" and body["verdict"] == "depends" and body["sanctions"] == []
    r = client.get("/api/guidance", params={"q": "PNS ikut kampanye", "status": "raja"})
    assert r.status_code == 422 and r.json()["code"] == "bad_subject"


def test_questions_are_counted_without_identity_and_feedback_is_taken_once(client, app):
    token = csrf_of(client.get("/bolehkah").text)
    page = client.post("/bolehkah", data={"q": "boleh gak sih PNS nge-like postingan paslon?", "csrf_token": token})
    feedback_token = re.search(r'name="token" value="([0-9a-f]+)"', page.text).group(1)
    assert "Apakah jawaban ini membantu?" in page.text
    rows = _rows(app)
    assert len(rows) == 1  # the empty page counts nothing; the answer counts once
    row = rows[-1]
    assert row.verdict == "not_allowed" and row.family == "social_media" and row.status == "pns"
    assert row.question is None and row.week.weekday() == 0  # confident: no text kept; a Monday, no time of day
    assert {c.name for c in GuidanceQuestionRow.__table__.columns}.isdisjoint({"ip", "address", "user_id", "at"})

    r = client.post("/bolehkah/umpan-balik", data={"token": feedback_token, "helpful": "tidak",
                                                   "q": "boleh gak sih PNS nge-like postingan paslon?",
                                                   "comment": "kurang jelas untuk like lama", "csrf_token": token})
    assert r.status_code == 200 and "umpan balik Anda tercatat" in r.text
    again = client.post("/bolehkah/umpan-balik", data={"token": feedback_token, "helpful": "ya", "csrf_token": token},
                        headers={"HX-Request": "true"})
    assert "sudah tercatat" in again.text
    row = _rows(app)[-1]
    assert row.helpful is False and row.comment == "kurang jelas untuk like lama" and "nge-like" in row.question
    review = guidance_questions.to_review(app.state.db)
    assert [(i.why, i.comment) for i in review] == [("unhelpful", "kurang jelas untuk like lama")]
    counts = guidance_questions.weekly_counts(app.state.db)
    assert any(c.family == "social_media" and c.verdict == "not_allowed" and c.unhelpful == 1 for c in counts)


def test_feedback_needs_csrf_and_a_known_token(client, app):
    token = csrf_of(client.get("/bolehkah").text)
    assert client.post("/bolehkah/umpan-balik", data={"token": "x", "helpful": "ya"}).status_code == 403
    r = client.post("/bolehkah/umpan-balik", data={"token": "0" * 32, "helpful": "ya", "csrf_token": token})
    assert r.status_code == 422 and "tidak dikenali" in r.text
    r = client.post("/bolehkah/umpan-balik", data={"token": "0" * 32, "helpful": "mungkin", "csrf_token": token})
    assert r.status_code == 422 and "Pilih ya atau tidak" in r.text


def test_low_confidence_questions_keep_their_text_for_review(client, app):
    client.get("/bolehkah", params={"q": "bolehkah saya makan siang di kantor?", "status": "pns"})
    row = _rows(app)[-1]
    assert row.confident is False and row.question == "bolehkah saya makan siang di kantor?"
    assert guidance_questions.to_review(app.state.db)[0].why == "low_confidence"
