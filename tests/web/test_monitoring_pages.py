"""The monitoring queue in the web UI and the screening API."""

import json
import re

from sqlalchemy import select

from netra.accounts.roles import Role
from netra.storage.tables import CaseRow, ScreenedItemRow
from tests.web.conftest import csrf_of, login

POSTS = [
    {"id": "w1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"},
    {"id": "w2", "text": "Ayo ke TPS 27 November, gunakan hak pilihmu!", "created_at": "2024-10-10"},
    {"id": "w3", "text": "Camat kami ikut deklarasi paslon nomor urut 1, mantappp", "created_at": "2024-10-11"},
]


def test_screening_api_returns_one_result_per_item_in_order(client, make_account):
    make_account("bawaslu.api", Role.BAWASLU)
    login(client, "bawaslu.api")
    response = client.post("/api/screen", json={"items": POSTS + [{"text": "tanpa id"}]})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r.get("id") for r in results[:3]] == ["w1", "w2", "w3"] and "error" in results[3]
    first = results[0]
    assert first["violation"] and first["rules"] and all(
        POSTS[0]["text"][e["start"]:e["end"]] == e["text"] for e in first["evidence"])
    assert results[1]["violation"] is False
    assert client.post("/api/screen", json={"items": [{"id": str(i), "text": "x"} for i in range(1001)]}).status_code == 422


def test_officer_imports_takes_and_decides(client, app, make_account):
    make_account("bawaslu.jepara", Role.BAWASLU)
    login(client, "bawaslu.jepara")
    page = client.get("/antrean").text
    token = csrf_of(page)
    upload = "\n".join(json.dumps(p) for p in POSTS) + "\n{rusak\n"
    imported = client.post("/antrean/impor", data={"csrf_token": token, "election_id": "pilkada2024",
                                                  "region_code": "33.20"},
                           files=[("file", ("posts.jsonl", upload.encode(), "application/jsonl"))])
    assert imported.status_code == 200 and "2 masuk antrean" in imported.text and "baris 4: bukan JSON yang sah" in imported.text
    taken = client.post("/antrean/ambil", data={"csrf_token": token})
    assert taken.status_code == 200 and "<mark>" in taken.text  # evidence spans are highlighted
    scores = re.findall(r"skor (\S+?)(?:<| )", taken.text)
    assert scores and all(re.fullmatch(r"\d+,\d{1,2}", s) for s in scores), scores  # Indonesian decimal comma
    ids = [int(i) for i in re.findall(r'data-testid="item-(\d+)"', taken.text)]
    confirmed = client.post(f"/antrean/{ids[0]}/putuskan", data={"csrf_token": token, "decision": "confirm",
                                                                 "reason": "Akun resmi guru."}, follow_redirects=False)
    assert confirmed.status_code == 303 and confirmed.headers["location"].startswith("/perkara/")
    case_page = client.get(confirmed.headers["location"]).text
    assert "Temuan dari pemantauan" in case_page
    refused = client.post(f"/antrean/{ids[1]}/putuskan", data={"csrf_token": token, "decision": "dismiss"})
    assert refused.status_code == 409 and "alasan" in refused.text
    with app.state.db.transaction() as s:
        statuses = {r.external_id: r.status for r in s.scalars(select(ScreenedItemRow))}
        assert sorted(statuses.values()) == ["confirmed", "pending"]
        assert s.scalar(select(CaseRow.origin).order_by(CaseRow.id.desc())) == "finding"
    # the officer says why a flag is wrong: here the act is partisan but the actor is not bound
    assert "Pelaku tidak terikat netralitas" in taken.text and f'data-testid="dismiss-kind-{ids[1]}"' in taken.text
    dismissed = client.post(f"/antrean/{ids[1]}/putuskan", data={
        "csrf_token": token, "decision": "dismiss", "reason": "Akun relawan, bukan camat.", "dismiss_kind": "wrong_actor"})
    assert dismissed.status_code == 200
    with app.state.db.transaction() as s:
        row = s.scalar(select(ScreenedItemRow).where(ScreenedItemRow.id == ids[1]))
        assert (row.status, row.dismiss_kind) == ("dismissed", "wrong_actor")


def test_other_roles_cannot_use_the_queue(client, make_account):
    make_account("bkn.jepara", Role.BKN)
    login(client, "bkn.jepara")
    assert client.get("/antrean").status_code == 403
