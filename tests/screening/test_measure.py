"""Measured quality, asserted a little below what was measured (figures: src/netra/screening/README.md).

The dev real posts are scored the honest way (cross-validated by near-duplicate group, retraining per fold; the
CC BY-NC-SA posts by a model that never learns from them), beside the two baselines of issue 11. Nothing here is
a hard-coded output: the screener and the baselines run on the data each time. The blind split is never read.
"""

from __future__ import annotations

import json
import re

import pytest

from lab.screening import evaluate, realdata, training
from tests.support.shared_data import shared_data


@pytest.fixture(scope="module")
def dev(screener):
    shared_data()
    data = training.build_training_data(analyzer=screener.analyzer)
    return data, evaluate.dev_figures(data, final=screener.model, k=3)


def test_dev_real_posts_cross_validated_beat_both_baselines(screener, dev):
    data, figures = dev
    real = figures["real"]
    # measured (5 folds): P 0.878 R 0.837 F1 0.857 on 2,838 posts; 3 folds train on less, hence the margin
    assert real["n"] == len(data.real) > 2800
    assert real["precision"] >= 0.85 and real["f1"] >= 0.83
    kw = evaluate.evaluate_regex(evaluate.keyword_regex(screener.lexicon), data.real)
    names = evaluate.evaluate_regex(evaluate.names_regex(), data.real)
    assert real["f1"] >= kw.f1 + 0.2 and real["f1"] >= names.f1 + 0.08  # measured: 0.549 and 0.729
    csv = figures[f"real:{realdata.HATESPEECH}"]
    assert csv["f1"] >= 0.68  # measured 0.722: posts of 2017-2019 contests the model never learned from


def test_headlines_are_at_most_five_percent_flagged(dev):
    data, figures = dev
    results = figures["_results"]
    headlines = [r for r in data.real if r["source_file"] == realdata.HEADLINES]
    flagged = sum(1 for r in headlines if results[r["id"]].violation)
    assert len(headlines) > 400 and flagged <= 0.05 * len(headlines)  # measured 12 of 456


def test_corpus_heldout_split(screener, run_cli, tmp_path):
    _, held = training.split(training.load_corpus())
    assert 200 < len(held) < 280
    m = evaluate.evaluate(screener, held)
    # measured: precision 0.943, recall 0.967, F1 0.955, family accuracy 0.908 (237 items, 120 violations)
    assert m.precision >= 0.92 and m.recall >= 0.94 and m.f1 >= 0.93
    assert m.family_accuracy >= 0.86
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


def test_the_blind_split_is_read_only_with_the_explicit_confirmation():
    with pytest.raises(PermissionError):
        realdata.blind_labelled(shared_data())


def test_corpus_copies_no_real_text():
    def grams(text, n=6):
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}

    ours = set()
    for rec in training.load_corpus():
        ours |= grams(rec["text"])
    d = shared_data()
    for name, field in (("pilpres2024_tweets.jsonl", "text"), ("pilpres2024_headlines.jsonl", "title")):
        with open(d / name, encoding="utf-8") as fh:
            for line in fh:
                assert not (grams(json.loads(line)[field]) & ours), name


def test_the_blind_measurement_command_runs_on_a_stand_in_file(monkeypatch, tmp_path, capsys):
    """`measure.py --blind` is the lead's one-off command: it must work the first time. It runs here on a stand-in
    for the blind file made of dev labels (the real blind split is never opened by the tests)."""
    import importlib.util
    import sys
    from pathlib import Path

    shared_data()
    stand_in = tmp_path / "blind.jsonl"
    dev_lines = (realdata.STANCE_DIR / "dev-01.jsonl").read_text(encoding="utf-8").splitlines()[:30]
    stand_in.write_text("\n".join(dev_lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(realdata, "BLIND", stand_in)
    path = Path(__file__).resolve().parents[2] / "bench" / "screening" / "measure.py"
    spec = importlib.util.spec_from_file_location("measure_under_test", path)
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    out = tmp_path / "blind.json"
    monkeypatch.setattr(sys, "argv", ["measure.py", "--blind", "--json", str(out)])
    assert measure.main() == 0
    printed = capsys.readouterr().out
    assert "BLIND split (30 items)" in printed and "baseline: keyword regex" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["blind: all"]["netra"]["n"] == 30
    assert {"keyword_regex", "names_a_candidate"} <= set(figures["blind: all"])
    assert any(k.startswith("blind: stratum ") for k in figures)
