"""netra.text: the one informal-Indonesian normaliser (issue 19 item 3) that screening and guidance both use."""

from __future__ import annotations

import csv

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from netra.text import EMOJI, HAND, HASHTAG, NUM, SYMBOL, ZERO_PADDED, Normaliser, TextLexicon, default_lexicon
from netra.text.normaliser import LEXICON_PATH
from tests.support.shared_data import shared_data


@pytest.fixture(scope="module")
def norm():
    return Normaliser(known_words={"ektp", "nonasn", "pilihan", "coblos"})


@pytest.mark.parametrize("raw,expected", [
    ("yg", ["yang"]), ("gak", ["tidak"]), ("Yukkk", ["ayo"]), ("mantappp", ["mantap"]), ("bangettt", ["banget"]),
    ("tmn2", ["teman"]), ("bagi-bagi", ["bagi"]), ("nge-like", ["like"]), ("e-KTP", ["ektp"]), ("non-ASN", ["nonasn"]),
    ("yel-yel", ["yelyel"]), ("pilihannya", ["pilihan"]), ("masalah", ["masalah"]), ("dua belas", ["12"]),
    ("bolehkah", ["bolehkah"]),
    ("tiga puluh", ["30"]), ("loro", ["2"]), ("P3K", ["pppk"]), ("ｙｇ", ["yang"]),
    # chains in the table end in one form, whichever spelling was used
    ("kepdes", ["kepaladesa"]), ("kades", ["kepaladesa"]), ("Kadisdik", ["kepaladinas"]),
])
def test_spellings(norm, raw, expected):
    assert norm.words(raw) == expected


def test_jakarta_style_verbs_fold_to_a_known_root():
    norm = Normaliser(known_words={"lapor", "pasang", "kirim", "tanda"})
    words = norm.words("ngelaporin dilaporin ngelapor masangin ngirimin")
    assert words == ["lapor", "lapor", "lapor", "pasang", "kirim"]
    # unknown roots and bare n-/m- words (names) stay as written
    assert norm.words("Nanda ngomongin Nurdin") == ["nanda", "ngomongin", "nurdin"]


def test_hyphenated_names_stay_two_words(norm):
    tk = norm.tokens("Hendra-Wulan menang")
    assert tk.norm == ["hendra", "wulan", "menang"]
    assert tk.text[tk.start[1]:tk.end[1]] == "Wulan"


def test_hashtags_split_with_offsets(norm):
    text = "ayo #PilihPaslon02 #pilihcoblos"
    tk = norm.tokens(text)
    assert tk.norm == ["ayo", "pilih", "paslon", "2", "pilih", "coblos"]
    assert [text[s:e] for s, e in zip(tk.start, tk.end)] == ["ayo", "Pilih", "Paslon", "02", "pilih", "coblos"]
    assert tk.flags[3] & (HASHTAG | NUM | ZERO_PADDED) == HASHTAG | NUM | ZERO_PADDED
    assert tk.hashtags == 2


def test_emoji_read_as_their_words_or_kept_as_symbols(norm):
    text = "gas ✌🏻 👍 🔥"
    tk = norm.tokens(text)
    assert tk.norm == ["gas", "salam", "2", "jari", "jempol", "🔥"]
    assert tk.nums[2] == 2 and tk.flags[2] & HAND and tk.flags[1] & EMOJI
    assert tk.flags[-1] & SYMBOL
    assert norm.words(text) == ["gas", "salam", "2", "jari", "jempol"]  # symbols are not words


def test_urls_and_mentions_are_counted_not_read(norm):
    text = "RT @kpu_ri: cek https://example.org/a?b=1 ya"
    tk = norm.tokens(text)
    assert tk.norm == ["rt", "cek", "ya"]
    assert tk.urls == 1 and tk.mentions == 1 and tk.mention_spans == [(3, 10)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aAbyg2-_ #@.✌️🏻İ👍ｙ:/x") + ["nyoblos", "Kades", "http://", "dua ", "belas"]),
                max_size=40).map("".join))
def test_offsets_always_point_into_the_original(text):
    tk = Normaliser().tokens(text)
    assert len(tk.norm) == len(tk.start) == len(tk.end) == len(tk.flags) == len(tk.nums)
    for s, e in zip(tk.start, tk.end):
        assert 0 <= s < e <= len(text)
    assert tk.start == sorted(tk.start)


def test_one_spelling_table_for_the_product():
    """Screening and guidance keep their vocabularies, but neither has a slang table of its own any more."""
    from netra.guidance.text import Lexicon as GuidanceLexicon
    from netra.screening.analysis import Analyzer
    from netra.screening.lexicon import LEXICON_PATH as SCREENING_LEXICON, Lexicon as ScreeningLexicon
    from netra.guidance.text import DATA_DIR as GUIDANCE_DATA

    for path in (SCREENING_LEXICON, GUIDANCE_DATA / "lexicon.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not {"slang", "numbers", "hand_signs", "emoji"} & set(data), path
    guidance = GuidanceLexicon.load()
    screening = Analyzer(ScreeningLexicon.load())
    assert guidance.normaliser.lexicon is default_lexicon() is screening.normaliser.lexicon
    # the same informal spelling means the same word on both sides
    for raw in ("nyoblos", "kades", "yg", "ngeshare", "mantappp"):
        assert guidance.normaliser.words(raw) == screening.normaliser.words(raw)


def test_slang_is_applied_once_and_stems_only_on_request():
    lex = TextLexicon.load(LEXICON_PATH)
    assert lex.slang["bikin"] == "buat" and lex.slang["buat"] == "untuk"
    plain, stemming = Normaliser(lex), Normaliser(lex, stem=True)
    assert plain.words("bikin") == ["buat"]  # "make", not "for": one step only
    assert plain.words("memilih postingan") == ["memilih", "postingan"]  # guidance compares words as written
    assert stemming.words("memilih postingan") == ["pilih", "posting"]  # the screener matches act phrases
    assert stemming.words("aplot komenin") == ["unggah", "komentar"]  # slang first, then the stem


def test_coverage_of_a_public_slang_list():
    """How much of a public informal->standard list (CC BY-NC-SA, read at test time, never shipped) our own
    table normalises to the same words. Measured 2026-12: 4.0% of 15,166 pairs by type; the list is long-tailed
    (most entries are one-off misspellings), so the figure guards against regressions rather than claims breadth."""
    path = shared_data() / "id_slang_normalisation.csv"
    norm = Normaliser()
    same = total = 0
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                continue
            total += 1
            same += norm.words(row[0].strip()) == norm.words(row[1].strip())
    print(f"slang list coverage: {same} of {total} ({same / total:.1%})")
    assert total > 15_000
    assert same / total >= 0.038
