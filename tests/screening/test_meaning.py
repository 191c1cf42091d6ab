"""Meaning, not words (issue 11): the kinds of posts the keyword screener got wrong, written afresh here with
fictional candidates (Hendra–Wulan, Budi–Sari ...) in the same shapes as the real posts the issue quotes."""

from __future__ import annotations

import pytest

ASN = {"is_asn": True, "role": None}


def screen(screener, text, author=None, **extra):
    return screener.screen({"id": "m", "text": text, "author": author, **extra})


@pytest.mark.parametrize("text", [
    "Sebagai PNS saya tidak mendukung paslon manapun, pilihan saya rahasia.",
    "Apakah PNS boleh pilih 02 di pilkada nanti?",
    "Sebagai ASN saya mendukung penuh program vaksinasi di kecamatan kami.",
    "Dirgahayu RI ke-79! Salam 2 jari dari kami guru PNS SD negeri ✌️",
    "Pak Kades, jangan lupa coblos nomor 1 ya besok!",
    "Pak Lurah cawe-cawe terus biar anaknya jadi cawapres",
    "Letjen TNI (Purn) Joko Susilo resmi mendukung Hendra–Wulan di pilkada Jepara",
])
def test_no_bound_actor_acting_for_a_side_means_no_flag(screener, text):
    """Authors unknown (the normal monitoring case): negation, questions, causes that are not an election, a role
    spoken to or asked about, a nickname, a retired officer."""
    r = screen(screener, text)
    assert r.violation is False, (r.actor, r.reason)


@pytest.mark.parametrize("text", [
    "Sebagai PNS saya tidak mendukung paslon manapun, pilihan saya rahasia.",
    "Apakah PNS boleh pilih 02 di pilkada nanti?",
    "Mau marah tapi aku takut",
    "Sukses sll",
    "Dari Sabang sampai Merauke mari kita bersatu untuk mendukung atlet-atlet terbaik di PON",
    "Calon Bupati Jepara nomor urut 3 berjanji akan menyiapkan teknologi penyulingan air untuk desa pesisir",
    "Hendra Pasrah dengan Hasil Pilkada Jepara",
])
def test_neutral_posts_of_an_asn_author_are_not_flagged(screener, text):
    r = screen(screener, text, ASN)
    assert r.violation is False, (r.score, r.reason)


@pytest.mark.parametrize("text,side,cue", [
    ("Hendra-Wulan pilihan terbaik di pilkada ini, lanjutkan pengabdian!", "support", "ajakan memilih"),
    ("Salut untuk persiapan matang Hendra-Wulan di setiap kesempatan debat, luar biasa", "support",
     "pujian kepada paslon"),
    ("#HendraWulan2024 #HendraWulanMenang", "support", "tagar kampanye"),
    ("Pokoknya jangan pilih Budi-Sari, pembohong semua janjinya", "against", "serangan terhadap paslon"),
])
def test_partisan_posts_of_an_asn_author_are_flagged_with_their_cue(screener, text, side, cue):
    r = screen(screener, text, ASN, created_at="2024-11-01", region="33.20")
    assert r.violation is True, (r.score, r.reason)
    assert r.family == "social_media" and r.rules
    assert r.stance.side == side and cue in r.stance.cues
    assert cue in r.reason
    for span in r.evidence:  # evidence quotes the post exactly and names the rules it matched
        assert span.text == text[span.start:span.end]
    assert set(r.rules) == {rule for span in r.evidence for rule in span.rules}


@pytest.mark.parametrize("text,family", [
    ("Sebagai camat saya pakai kaos paslon nomor 2 waktu posyandu tadi pagi", "campaign_props"),
    ("Pegawai dinas di loket KTP bagi-bagi stiker Budi-Sari ke warga yang antre", "campaign_props"),
    ("Kepala dinas pakai mobil dinas plat merah antar relawan Hendra-Wulan ke kampanye", "state_resources"),
])
def test_offline_acts_land_in_their_own_family(screener, text, family):
    r = screen(screener, text, created_at="2024-11-01", region="33.20")
    assert r.violation is True, (r.score, r.reason)
    assert r.family == family
    assert r.rules and all(rule for rule in r.rules)


def test_the_actor_is_a_relation(screener):
    """Who acted, and how the text relates them to the act: author, subject (reported), audience, topic."""
    assert screen(screener, "Sebagai guru PNS saya coblos Hendra-Wulan!").actor.relation == "author"
    assert screen(screener, "Camat Jepara kampanyekan Budi-Sari di pengajian").actor.relation == "subject"
    assert screen(screener, "Pak Kades, jangan lupa coblos nomor 1 ya!").actor.relation == "audience"
    assert screen(screener, "Apakah PNS boleh like postingan paslon?").actor.relation == "topic"
    assert screen(screener, "Hidup Hendra-Wulan!", ASN).actor.relation == "author"
