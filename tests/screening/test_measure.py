"""Measured quality, asserted a little below what was measured (see src/netra/screening/README.md).

Held-out dev split (never trained on), and the 450 hand-labelled real texts read "as if the author were ASN".
Nothing here is a hard-coded output: the screener runs on the data each time.
"""

from __future__ import annotations

import json
import sys

import pytest

from lab.screening import training
from lab.screening.evaluate import evaluate
from lab.screening.corpus import load_dev_corpus
from tests.screening.conftest import REPO, shared_data_dir


def test_heldout_dev_split(screener, run_cli, tmp_path):
    corpus = list(load_dev_corpus()) + list(load_dev_corpus(training.SUPPLEMENT))
    _, held = training.split(corpus)
    assert 200 < len(held) < 280
    m = evaluate(screener, held)
    # measured: precision 0.945, recall 1.000, F1 0.972, family accuracy 0.950 (237 items, 120 violations)
    assert m.precision >= 0.90 and m.recall >= 0.95 and m.f1 >= 0.93
    assert m.family_accuracy >= 0.88
    # the same numbers through `netra screen eval`
    path = tmp_path / "held.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in held), encoding="utf-8")
    res = run_cli("screen", "eval", str(path))
    assert res.exit_code == 0
    assert f"F1 {m.f1:.3f}" in res.output and "precision" in res.output and "recall" in res.output
    assert f"accuracy {m.family_accuracy:.3f}" in res.output


def test_eval_json_and_bad_lines(run_cli, tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_text('{"id": "1", "text": "Sbg guru PNS coblos no 2", "violation": true, "family": "social_media"}\n'
                    '{"id": "2", "text": "x"}\n', encoding="utf-8")
    res = run_cli("screen", "eval", str(path), "--json")
    assert res.exit_code == 1  # line 2 has no label
    assert "line 2" in res.output and '"f1": 1.0' in res.output


@pytest.mark.skipif(shared_data_dir() is None,
                    reason="real labelled texts need ../shared/data (pilpres2024_tweets.jsonl and friends)")
def test_real_labelled_texts_as_if_asn(screener):
    sys.path.insert(0, str(REPO))
    from tests.data.screening.real_texts import load_real_labelled

    real = [dict(r, source="post") for r in load_real_labelled(shared_data_dir())]
    assert len(real) == 450
    m = evaluate(screener, real, as_asn=True)
    # measured: precision 0.759, recall 0.679, F1 0.717 (tp 148, fp 47, fn 70, tn 185)
    assert m.precision >= 0.70 and m.recall >= 0.62 and m.f1 >= 0.68
    headlines = [r for r in real if r["id"].startswith("hl")]
    h = evaluate(screener, headlines, as_asn=True)
    assert h.fp <= 20  # 100 headlines, all reporting (none a violation): measured 14 flagged


@pytest.mark.skipif(shared_data_dir() is None, reason="needs ../shared/data to compare against")
def test_supplement_copies_no_real_text():
    import re

    def grams(text, n=6):
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}

    ours = set()
    for rec in load_dev_corpus(training.SUPPLEMENT):
        ours |= grams(rec["text"])
    d = shared_data_dir()
    for name, field in (("pilpres2024_tweets.jsonl", "text"), ("pilpres2024_headlines.jsonl", "title")):
        with open(d / name, encoding="utf-8") as fh:
            for line in fh:
                assert not (grams(json.loads(line)[field]) & ours), name
