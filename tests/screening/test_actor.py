"""Who acted: author.is_asn, or the text ("sebagai guru PNS", "Kepala Dinas", camat, lurah, NIP, kades ...)."""

from __future__ import annotations

import pytest

BOUND_IN_TEXT = [
    ("Sebagai guru PNS saya dukung paslon 2, programnya jelas!", "Sebagai guru PNS"),
    ("Kepala Dinas Pendidikan mengumpulkan kepala sekolah dan minta semua memilih paslon 01.", "Kepala Dinas"),
    ("Pak Camat ikut naik panggung kampanye akbar paslon nomor 3.", "Pak Camat"),
    ("Bu Lurah bagi2 kaos Budi–Sari ke warga tadi pagi.", "Bu Lurah"),
    ("NIP sy 19850312 201001 1 004, tapi pilihan tetap Hendra–Wulan ☝️", "NIP sy 19850312 201001 1 004"),
    ("Lapor: Kades kami pasang baliho paslon 02 di balai desa.", "Kades kami"),
    ("Mohon ditindak, perangkat desa tempel stiker nomor 3 di rumah2 warga.", "perangkat desa"),
]


@pytest.mark.parametrize("text,actor", BOUND_IN_TEXT)
def test_a_bound_actor_named_in_the_text_makes_a_violation(screener, text, actor):
    r = screener.screen({"id": "t", "text": text, "source": "report"})
    assert r.violation is True, r.reason
    assert r.actor.bound is True and r.actor.basis == "text"
    assert r.actor.text == actor
    assert text[r.actor.start:r.actor.end] == actor
    assert any(e.text == actor for e in r.evidence), "the actor phrase is part of the evidence"


UNBOUND_IN_TEXT = [
    "Mohon Bawaslu cek, mantan kades yg sudah purna bagi sembako titipan Pak Hendra ke warga.",
    "Tolong dicek, anak Pak Camat upload foto pose ✌️ bareng calon nomor 02.",
    "Sdh pensiun dari PNS th lalu, skrg bebas bilang: sy dukung Budi–Sari nomor 2 ✌️",
    "Sy sudah resmi mundur dari PNS sejak Agustus, sekarang fokus sebagai calon bupati nomor 1. Mohon doanya",
]


@pytest.mark.parametrize("text", UNBOUND_IN_TEXT)
def test_former_officials_and_relatives_are_not_bound(screener, text):
    r = screener.screen({"id": "u", "text": text})
    assert r.violation is False, r.reason
    assert r.actor.bound is False


def test_no_actor_named_means_no_violation(screener):
    r = screener.screen({"id": "n", "text": "Coblos nomor urut 02 ya, pasti menang ✌️"})
    assert r.violation is False
    assert r.actor.basis == "none" and r.actor.text is None
    assert r.score < 0.5


def test_a_report_judges_the_actor_from_the_text_not_the_reporter(screener):
    # the reporter is an ASN, but the person who acted is a neighbour
    r = screener.screen({"id": "r", "text": "Info: tetangga sy pasang spanduk paslon 02 di depan rumah.",
                         "source": "report", "author": {"is_asn": True}})
    assert r.violation is False


def test_author_role_gives_the_subject_kind(screener):
    r = screener.screen({"id": "k", "text": "Warga desa, ayo coblos Budi–Sari nomor 2 ✌️",
                         "author": {"is_asn": True, "role": "Kepala Desa"}})
    assert r.violation is True
    assert r.actor.kind == "village" and r.actor.basis == "author.is_asn" and r.actor.text == "Kepala Desa"
