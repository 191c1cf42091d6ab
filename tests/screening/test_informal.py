"""Informal Indonesian: slang, elongations, hashtags, every ballot-number form, hand signs in emoji and words."""

from __future__ import annotations

import pytest

from netra.screening.analysis import Analyzer
from netra.screening.candidates import CandidateRegistry
from netra.screening.lexicon import Lexicon
from netra.text import HAND, Normaliser


@pytest.fixture(scope="module")
def norm():
    return Normaliser(known_words=Lexicon.load().words())


@pytest.fixture(scope="module")
def analyzer():
    from netra.rulebook import load_rulebook

    return Analyzer(Lexicon.load(), load_rulebook(), CandidateRegistry.demo())


@pytest.mark.parametrize("raw,expected", [
    ("yg", "yang"), ("utk", "untuk"), ("gak", "tidak"), ("nggak", "tidak"), ("bgt", "banget"), ("sy", "saya"),
    ("tmn2", "teman"), ("nyoblos", "coblos"), ("nomer", "nomor"), ("no", "nomor"), ("Yukkk", "ayo"),
    ("mantappp", "mantap"), ("bangettt", "banget"), ("pilihhh", "pilih"), ("loro", "2"), ("dua", "2"),
    ("siji", "1"), ("P3K", "pppk"), ("bagi2", "bagi"),
])
def test_slang_spelling_and_elongation(norm, raw, expected):
    assert norm.tokens(raw).norm == [expected]


def test_hashtags_are_split_and_keep_their_offsets(norm):
    text = "ayo #PilihPaslon02 dan #03Menang #pilihpaslon2"
    tk = norm.tokens(text)
    assert tk.norm == ["ayo", "pilih", "paslon", "2", "dan", "3", "menang", "pilih", "paslon", "2"]
    assert [text[s:e] for s, e in zip(tk.start, tk.end)] == ["ayo", "Pilih", "Paslon", "02", "dan", "03",
                                                              "Menang", "pilih", "paslon", "2"]


def test_hand_sign_emoji_with_skin_tone_and_variation_selector_read_as_their_words(norm):
    text = "✌🏻 ☝️ 🤟 👌"
    tk = norm.tokens(text)
    assert tk.norm == ["salam", "2", "jari", "salam", "1", "jari", "salam", "3", "jari", "salam", "3", "jari"]
    assert [n for n, f in zip(tk.nums, tk.flags) if f & HAND] == [2, 1, 3, 3]
    # every word of an emoji spans the whole emoji, modifiers included
    assert [text[s:e] for s, e in zip(tk.start, tk.end)][::3] == ["✌🏻", "☝️", "🤟", "👌"]


@pytest.mark.parametrize("text,number,phrase", [
    ("coblos no 2 ya", 2, "no 2"),
    ("nomor urut 02 pasti menang", 2, "nomor urut 02"),
    ("paslon #3 paling siap", 3, "paslon #3"),
    ("Bismillah 01", 1, "01"),
    ("pilih nomer loro", 2, "nomer loro"),
    ("coblos yg ke-1", 1, "coblos yg ke-1"),
    ("salam dua jari", 2, "salam dua jari"),
    ("3 jari!", 3, "3 jari"),
    ("#03Menang", 3, "03"),
    ("nomor ✌️ di hati", 2, "✌️"),
])
def test_every_ballot_number_form(analyzer, text, number, phrase):
    a = analyzer.analyse(text)
    tk = a.tokens
    found = {(n, text[tk.start[i]:tk.end[j - 1]]) for i, j, n, _ in a.ballots}
    assert any(n == number and phrase in p for n, p in found), found


@pytest.mark.parametrize("text", ["rapat jam 02.00 siang", "lahir 02/11", "skor 02:01", "antrean 2024 orang"])
def test_times_dates_and_years_are_not_ballot_numbers(analyzer, text):
    assert analyzer.analyse(text).ballots == []


@pytest.mark.parametrize("text", [
    "Sbg guru PNS, yukkk coblos nomer loro ✌️",
    "Sbg guru PNS, #PilihPaslon02 gaspol!",
    "Sbg guru PNS, salam 3 jari 🤟 utk Pati",
    "Sbg guru PNS, pokoknya paslon #3 yg terbaik",
    "Sbg guru PNS, nomor urut 02 pasti menang bgt",
])
def test_informal_variants_are_caught(screener, text):
    r = screener.screen({"id": "v", "text": text})
    assert r.violation is True, r.reason
    assert r.family == "social_media"
    assert r.candidate is not None and r.candidate.number in ("02", "03")


def test_registry_names_aliases_and_hashtags_give_the_candidate(screener):
    r = screener.screen({"id": "c", "text": "Sbg camat sy cuma bilang: #HWMenang ☝️", "region": "33.20",
                         "created_at": "2024-11-01"})
    assert r.violation is True
    assert r.candidate.name == "Hendra Wijaya – Wulan Sari" and r.candidate.number == "01"
    assert r.candidate.election == "pilkada2024-bupati-33.20"
    assert r.stage == "pilkada2024:campaign"


def test_presidential_numbers_resolve_by_number_only(screener):
    r = screener.screen({"id": "p", "text": "Sbg ASN, coblos 02 tgl 14 Februari ✌️", "created_at": "2024-01-20"})
    assert r.violation is True
    assert r.candidate.number == "02" and r.candidate.election == "pemilu2024-presiden" and r.candidate.name is None
    assert r.stage == "pemilu2024:campaign"
