"""Reporting on a rule or on someone else's violation, and neutral civic messages, are never violations."""

from __future__ import annotations

import pytest

from tests.screening.conftest import seeds_dir


def _seeds():
    d = seeds_dir()
    return sorted(d.glob("0*.txt")) if d else []


@pytest.mark.skipif(seeds_dir() is None, reason="seed articles not found at ../shared/seeds or /work/shared/seeds")
@pytest.mark.parametrize("path", _seeds(), ids=lambda p: p.name)
@pytest.mark.parametrize("source", ["news", "post"])
@pytest.mark.parametrize("is_asn", [None, True])
def test_the_five_seed_articles_are_not_violations(screener, path, source, is_asn):
    # however the article arrives: as news, or pasted as a post by an author known to be ASN
    text = path.read_text(encoding="utf-8")
    r = screener.screen({"id": path.name, "text": text, "source": source, "author": {"is_asn": is_asn}})
    assert r.violation is False, r.reason
    assert r.score < 0.5
    assert r.evidence == ()


# Hard negatives written as a bound author (is_asn true): partisan words, but no partisan act.
HARD_NEGATIVES = [
    # reminders, socialisation, pledges
    "Ingat ya rekan2 ASN, dilarang like, komen, atau share postingan paslon mana pun. Sanksinya berat!",
    "Sosialisasi netralitas hari ini: jangan pose salam dua jari atau tiga jari waktu foto bareng calon.",
    "Kami ASN Pemkab Jepara siap netral di Pilkada 2024, ikrar netralitas dibacakan di apel pagi tadi.",
    "Pak Camat mengingatkan kades & perangkat desa agar tidak ikut kampanye paslon nomor 1, 2 maupun 3.",
    # Bawaslu / KPU announcements
    "Bawaslu Jepara menerima laporan dugaan ASN ikut kampanye Hendra–Wulan, sedang dalam kajian.",
    "KPU Kabupaten Jepara: pengundian nomor urut paslon digelar 23 September, masa kampanye 25 September.",
    "Jadwal debat publik kedua calon bupati Kukar: Jumat 19.00 WITA, disiarkan langsung TVRI.",
    # news about someone else's violation
    "Seorang kepala desa di Pati dijatuhi sanksi setelah terbukti memasang baliho paslon nomor 2.",
    "BKN merekomendasikan sanksi untuk guru PNS yang mengunggah foto berpose dua jari bersama calon.",
    # neutral civic messages
    "Ayo nyoblos tanggal 27 November! Jangan golput, satu suara menentukan 🗳️",
    "Jari ungu 💜 sudah nyoblos, siapa pun yg menang semoga amanah.",
    "Cek nama kamu di DPT online ya, TPS buka jam 07.00 sampai 13.00.",
    # ordinary work and life with numbers and hand signs
    "Pelayanan KTP-el tetap buka selama masa kampanye, silakan datang ke kantor Disdukcapil.",
    "Antrean nomor 2 di loket 3 sudah dipanggil, mohon bersiap.",
    "Liburan ke pantai bareng keluarga ✌️😎",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_from_a_bound_author_are_not_violations(screener, text):
    r = screener.screen({"id": "n", "text": text, "author": {"is_asn": True, "role": "Staf Kecamatan"}})
    assert r.violation is False, (r.score, r.reason)


CITIZEN_POSTS = [
    "Yukkk coblos nomer loro ✌️ #PilihPaslon02",
    "Pokoknya all in Hendra–Wulan, menang satu putaran ☝️",
    "Relawan Budi–Sari siap door to door, target 70% suara!",
    "Sy Yusuf, calon bupati nomor urut 3. Terima kasih warga atas sambutannya 🤟",
]


@pytest.mark.parametrize("text", CITIZEN_POSTS)
def test_the_same_words_from_citizens_volunteers_or_candidates_are_not_violations(screener, text):
    for author in ({"is_asn": False, "role": "Pedagang"}, {"is_asn": None}):
        r = screener.screen({"id": "c", "text": text, "author": author})
        assert r.violation is False, (author, r.reason)
    flagged = screener.screen({"id": "c", "text": text, "author": {"is_asn": True, "role": "Guru SD Negeri"}})
    assert flagged.violation is True, flagged.reason


def test_is_asn_false_never_flags_even_with_a_bound_role_in_the_text(screener):
    r = screener.screen({"id": "x", "text": "Sebagai guru PNS saya dukung paslon 2, coblos no 2 ✌️",
                         "author": {"is_asn": False}})
    assert r.violation is False and r.score == 0.0
    assert r.actor.basis == "author.is_asn" and r.actor.bound is False


def test_is_asn_false_never_flags_any_corpus_text(screener):
    from lab.screening.corpus import load_dev_corpus

    for rec in load_dev_corpus():
        for source in ("post", "report", "news"):
            r = screener.screen({"id": rec["id"], "text": rec["text"], "source": source,
                                 "author": {"is_asn": False, "role": None}})
            assert r.violation is False and r.score == 0.0 and r.evidence == ()
