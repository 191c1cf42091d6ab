"""Evidence spans are exact substrings of the ORIGINAL text, at the offsets given."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lab.screening.corpus import load_dev_corpus

TRICKY = [
    "SBG GURU PNS, COBLOS NOMER LORO ✌🏻✌🏻 #PILIHPASLON02",
    "İbu lurah İSTANBUL bilang: Sebagai lurah sy dukung Budi–Sari ✌️",  # lower() changes the length of "İ"
    "Sebagai\tguru\u00a0PNS,\n\nyukkk   coblos no.2 🤟🏽 #03Menang!!!",
    "👍🏻👍🏻 Aku ASN 😂 tp hati ini buat 01 ☝🏿 wkwkwk",
]


def _check(result, text):
    assert result.evidence or not result.violation
    for span in result.evidence:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    if result.actor.start is not None:
        assert text[result.actor.start:result.actor.end] == result.actor.text


def test_spans_in_tricky_texts(screener):
    for text in TRICKY:
        r = screener.screen({"id": "t", "text": text})
        assert r.violation, text
        _check(r, text)
        assert json.loads(json.dumps(r.to_dict(), ensure_ascii=False))["evidence"][0]["text"] in text


def test_every_flag_on_the_dev_corpus_has_exact_evidence(screener):
    flagged = 0
    for rec in load_dev_corpus():
        r = screener.screen({k: rec[k] for k in ("id", "text", "source", "author", "created_at", "region")})
        _check(r, rec["text"])
        if r.violation:
            flagged += 1
            assert r.family and r.evidence
    assert flagged > 400


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_any_text_screens_without_error_and_spans_stay_exact(screener, text):
    for author in (None, {"is_asn": True}):
        _check(screener.screen({"id": "h", "text": text, "author": author}), text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Sbg", "guru", "PNS", "coblos", "no", "2", "✌️", "#PilihPaslon02", "yukkk",
                                 "Bu", "Lurah", "nomer", "loro", "Hendra–Wulan", ",", "!", "🤟🏽", "İ", "\n"]),
                min_size=1, max_size=25))
def test_random_campaign_word_soup_keeps_exact_spans(screener, words):
    text = " ".join(words)
    if text.strip():
        _check(screener.screen({"id": "w", "text": text, "author": {"is_asn": True}}), text)
