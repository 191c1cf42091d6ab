"""A flagged post goes from the monitoring queue to a finding case, in real Chromium."""

import json

import pytest

pytestmark = pytest.mark.browser


def test_flagged_post_becomes_a_finding(live_server, page, tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in [
        {"id": "b1", "text": "Sbg guru PNS, coblos no 2 ✌️ #PilihBudiSari", "created_at": "2024-10-10"},
        {"id": "b2", "text": "Ayo ke TPS tanggal 27 November!", "created_at": "2024-10-10"},
    ]) + "\n")
    page.goto(live_server.url + "/masuk")
    page.fill("input[name=username]", "bawaslu.jepara")
    page.fill("input[name=password]", live_server.credentials()["bawaslu.jepara"])
    page.click("button[type=submit]")
    page.wait_for_url("**/wilayah")
    page.goto(live_server.url + "/antrean")
    page.click("text=Impor unggahan untuk disaring")
    page.set_input_files("input[name=file]", str(posts))
    page.select_option("select[name=election_id]", "pilkada2024")
    page.click("text=Saring dan masukkan ke antrean")
    assert "1 masuk antrean" in page.get_by_test_id("queue-message").inner_text()
    page.get_by_test_id("take-batch").click()
    item = page.locator("[data-testid^=item-]").first
    assert item.locator("mark").count() >= 1  # the evidence span is highlighted
    assert "skb2022." in item.inner_text()
    item.locator("input[name=reason]").fill("Akun milik guru PNS di Jepara.")
    item.locator("[data-testid^=confirm-]").click()
    page.wait_for_url("**/perkara/*")
    assert page.get_by_test_id("case-status").inner_text() == "Diregistrasi"
    assert "Temuan dari pemantauan" in page.get_by_test_id("history").inner_text()
