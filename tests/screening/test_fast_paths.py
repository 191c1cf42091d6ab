"""The screener's fast paths give exactly what the plain definitions give (issue 11 item 9: speed, same output).

* ``PhraseIndex.scan`` (a token trie) finds the same phrases, in the same order, as comparing every phrase at
  every token;
* ``LinearModel.score_batch`` (the batch's words, word pairs and signals looked up in a few C-level passes, word
  pairs by number in a sorted key array, one sparse product per batch) counts the same features as
  ``extract_features(a)``, the definition training uses, and gives the same probabilities to within 1e-12; its
  fallback evidence words (``top_words``) are the ones ``contributions`` ranks first.

Checked on real posts (MIT tweets, blind items left out: only their ids are read, from the manifest) and on
Netra's own corpus, and on generated phrase sets.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lab.screening import realdata
from lab.screening.training import load_corpus
from netra.screening.analysis import WILD_NUM, PhraseIndex
from netra.screening.model import extract_features
from netra.text import NUM, NUMWORD, Normaliser
from tests.support.shared_data import shared_data


def _real_texts(limit: int = 4000) -> list[str]:
    blind = realdata.blind_keys()
    out = []
    with open(shared_data() / realdata.TWEETS, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if realdata.key(realdata.TWEETS, str(row["id"])) not in blind:
                out.append(row["text"])
            if len(out) >= limit:
                break
    return out


def _plain_scan(phrases: list[tuple[tuple[str, ...], tuple]], tk) -> list[tuple[int, int, tuple]]:
    """The definition: at each token, every phrase that matches there, longest first, ties in the order added."""
    by_first: dict[str, dict[tuple[str, ...], list]] = {}
    for toks, payload in phrases:
        if toks:
            by_first.setdefault(toks[0], {}).setdefault(toks[1:], []).append(payload)
    norm, flags, n = tk.norm, tk.flags, len(tk.norm)
    hits = []
    for i in range(n):
        rests = list(by_first.get(norm[i], {}).items())
        rests.sort(key=lambda kv: -len(kv[0]))
        for rest, payloads in rests:
            k = len(rest)
            if i + 1 + k > n:
                continue
            if all(norm[i + 1 + d] == w or (w == WILD_NUM and flags[i + 1 + d] & NUM) for d, w in enumerate(rest)):
                hits.append((i, i + 1 + k, tuple(dict.fromkeys(payloads))))
    return hits


def test_trie_scan_equals_phrase_by_phrase_on_real_posts(screener):
    analyzer = screener.analyzer
    index = analyzer.index
    phrases = [((first, *rest), p) for first, rests in index._by_first.items() for rest, ps in rests.items()
               for p in ps]
    texts = _real_texts() + [r["text"] for r in load_corpus()]
    hit_texts = 0
    for text in texts:
        tk = analyzer.normaliser.tokens(text)
        got = index.scan(tk)
        assert got == _plain_scan(phrases, tk), text
        hit_texts += any(j - i > 1 for i, j, _ in got)
    assert len(index._by_first) > 500 and hit_texts > 1000  # the test exercised multi-word phrases


WORDS = st.sampled_from(["pak", "camat", "coblos", "nomor", "2", "3", "jari", "salam", "kepala", "desa", "x"])


@settings(max_examples=300, deadline=None)
@given(phrases=st.lists(st.tuples(st.lists(st.one_of(WORDS, st.just("<num>")), min_size=1, max_size=4),
                                  st.integers(0, 3)), max_size=25),
       text=st.lists(WORDS, max_size=12))
def test_trie_scan_equals_phrase_by_phrase_on_generated_phrases(phrases, text):
    normaliser = Normaliser()
    index = PhraseIndex()
    plain = []
    for words, tag in phrases:
        toks = tuple(WILD_NUM if w == "<num>" else w for w in words)
        index.add(toks, ("p", tag))
        plain.append((toks, ("p", tag)))
    tk = normaliser.tokens(" ".join(text))
    assert index.scan(tk) == _plain_scan(plain, tk)


def test_batch_model_equals_the_feature_strings(screener):
    """``score_batch`` (feature indices looked up with map, one sparse product for the batch) counts the same
    features as ``_counts(extract_features(a))``, the definition training uses, and gives every head's probability
    to within 1e-12 of the plain text-by-text sums; a batch of one (``score_analysis``) gives the same."""
    model = screener.model
    texts = _real_texts(3000) + [r["text"] for r in load_corpus()]
    analyses = [screener.analyzer.analyse(text) for text in texts]
    batch = model.score_batch(analyses)
    for text, a, got in zip(texts, analyses, batch):
        feats = extract_features(a)
        want_counts, want_norm = model._counts(feats)
        assert got.counts == want_counts, text
        assert got.norm == pytest.approx(want_norm, rel=1e-12)
        want = _plain_scores(model, want_counts, want_norm)
        assert got.act == pytest.approx(want[0], abs=1e-12)
        assert got.against == pytest.approx(want[1], abs=1e-12)
        assert list(got.family.values()) == pytest.approx(want[2], abs=1e-12)
        ranked = sorted(((v, f) for f, v in got.contributions.items() if v > 0 and f[:2] in ("w:", "b:")), reverse=True)
        assert got.top_words(3) == [f[2:] for _, f in ranked[:3]], text  # the fallback evidence's words
        one = model.score_analysis(a)
        assert (one.act, one.against) == pytest.approx((got.act, got.against), abs=1e-12)
        assert one.family == pytest.approx(got.family, abs=1e-12)
    assert sum(s.act >= 0.5 for s in batch) > 300 and sum(s.act < 0.5 for s in batch) > 300


def _plain_scores(model, counts: dict[int, int], norm: float) -> tuple[float, float, list[float]]:
    """Each head as a text-by-text loop over the features (the scoring before batches)."""
    def dot(coef) -> float:
        total = 0.0
        for i, c in counts.items():
            total += (1.0 + math.log(c)) * model._idf[i] * float(coef[i])
        return total / norm if norm > 0 else 0.0

    def sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    logits = [dot(model.family_coef[:, k]) + float(b) for k, b in enumerate(model.family_bias)]
    exps = [math.exp(v - max(logits)) for v in logits]
    return (sigmoid(model.act_bias + dot(model.act_coef)), sigmoid(model.direction_bias + dot(model.direction_coef)),
            [e / sum(exps) for e in exps])


def test_result_json_is_what_json_dumps_writes(screener):
    """The file pipeline writes ``Result.to_json()``: the same text as ``json.dumps(to_dict(), ensure_ascii=False)``,
    including ids and texts with quotes, backslashes, control characters and emoji, dates, regions, roles."""
    odd = ['Pak "Camat" \\ coblos no 2 ✌️\n\t\x01 #HendraWulan2024', "Sebagai guru PNS sy dukung Budi–Sari 🙏",
           "Apakah PNS boleh pilih 02?", "bagi sembako dari kantor desa, pilih nomor 3 ya"]
    items = [{"id": f'i"{k}\\', "text": t, "created_at": "2024-11-01", "region": "33.20",
              "author": {"is_asn": asn, "role": "Kepala Desa" if asn else None}}
             for k, t in enumerate(odd) for asn in (True, None, False)]
    items += [{"id": r["id"], "text": r["text"], "source": r.get("source"), "author": r.get("author"),
               "created_at": r.get("created_at"), "region": r.get("region")} for r in load_corpus()]
    seen = set()
    for item in items:
        result = screener.screen(item)
        assert result.to_json() == json.dumps(result.to_dict(), ensure_ascii=False)
        seen.add((result.violation, result.candidate is None, result.stance is None, bool(result.evidence)))
    assert len(seen) >= 4  # flagged and not, with and without candidate, stance and evidence


def _tokens_chunk_by_chunk(normaliser, text: str) -> tuple:
    """What ``Normaliser.tokens`` did before it read the whole text in one regex pass: each whitespace-separated
    chunk tokenised on its own, offsets moved to the chunk's place."""
    cols: tuple[list, ...] = ([], [], [], [], [])
    urls = tags = 0
    mentions: list[tuple[int, int]] = []
    pos = 0
    for chunk in text.split():
        s = text.find(chunk, pos)
        pos = s + len(chunk)
        tk = normaliser.tokens(chunk)
        for col, vals in zip(cols, (tk.norm, [s + x for x in tk.start], [s + x for x in tk.end], tk.flags, tk.nums)):
            col.extend(vals)
        urls += tk.urls
        tags += tk.hashtags
        mentions += [(s + a, s + b) for a, b in tk.mention_spans]
    norm, start, end, flags, nums = cols
    return norm, start, end, flags, nums, urls, tags, mentions


def test_tokens_of_a_text_are_the_tokens_of_its_chunks(screener):
    """One regex pass over the whole text gives what tokenising each whitespace chunk apart gives: no token match
    crosses whitespace (``str.split`` and the regex agree on what whitespace is), links, mentions and hashtags are
    counted the same, and offsets land on the same characters."""
    normaliser = screener.analyzer.normaliser
    texts = _real_texts(4000) + [r["text"] for r in load_corpus()] + [
        "RT @a_b: coblos no2!! tmn2 #PilihPaslon02 ✌️✌🏽 https://x.co/a,b www.x.id @c:", "e-ktp nge-like bagi-bagi",
        "Hendra-Wulan\u00a0menang\u2003lagi\u200bya 🄁x #AniesMuhaimin2024,#2019GantiPresiden"]
    multi = 0
    for text in texts:
        tk = normaliser.tokens(text)
        if any(f & NUMWORD for f in tk.flags):
            continue  # "dua belas" across two chunks is one number: the chunk-wise definition cannot say so
        got = (tk.norm, tk.start, tk.end, tk.flags, tk.nums, tk.urls, tk.hashtags, tk.mention_spans)
        assert got == _tokens_chunk_by_chunk(normaliser, text), text
        multi += len(text.split()) > 1
    assert multi > 3000




def test_batches_make_no_reference_cycles_and_restore_the_collector(screener):
    """``cyclic_gc_paused`` is only free because screening makes no reference cycles: with the collector off,
    a file pipeline batch of real posts (ASN, unknown and non-ASN authors, bad lines) leaves nothing for
    ``gc.collect()`` to find. The collector is on again after a batch, and stays off for a caller that turned it
    off."""
    import gc

    from netra.screening.runner import screen_batch

    texts = _real_texts(600)
    authors = ({"is_asn": True}, None, {"is_asn": False})
    batch = [(k, json.dumps({"id": f"c{k}", "text": t, **({"author": authors[k % 3]} if authors[k % 3] else {})})
              .encode()) for k, t in enumerate(texts)] + [(len(texts), b"{not json"), (len(texts) + 1, b'{"id": 1}')]
    assert gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        rows = screen_batch(batch, screener)
        assert not gc.isenabled()  # a caller's choice is kept
        del rows
        assert gc.collect() == 0
    finally:
        gc.enable()
    rows = screen_batch(batch, screener)
    assert gc.isenabled()
    assert sum(1 for r in rows if r[3] is not None) == 2 and sum(r[4] for r in rows) > 50
