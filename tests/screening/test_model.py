"""The learned stage: exact scikit-learn scoring, trained on the train split only, no `source` feature."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lab.screening import training
from netra.screening.model import MODEL_PATH, LinearModel, extract_features
from tests.support.shared_data import shared_data


@pytest.fixture(scope="module")
def analyzer():
    return training.default_analyzer()


@pytest.fixture(scope="module")
def corpus():
    return training.load_corpus()


@pytest.fixture(scope="module")
def data(analyzer):
    """Everything the packaged model learned from (the corpus train split and the dev-labelled real posts, read
    from ../shared/data at run time)."""
    shared_data()
    return training.build_training_data(analyzer=analyzer)


def test_numpy_scoring_reproduces_scikit_learn(analyzer, corpus):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train, held = training.split(corpus)
    exs = training.examples(train, analyzer)
    # a few items with a direction (against / for) so the third head is fitted too
    for e, against in zip(exs[:40], [True, False] * 20):
        e.against = against
    p = training.DEFAULTS
    docs = [e.features for e in exs]
    vec = TfidfVectorizer(analyzer=training._identity, sublinear_tf=True, min_df=p.min_df, norm="l2", lowercase=False)
    X = vec.fit_transform(docs)
    y = [1 if e.act else 0 for e in exs]
    act = LogisticRegression(C=p.C_act, max_iter=5000, class_weight="balanced").fit(X, y)
    rows = [k for k, e in enumerate(exs) if e.act and e.family]
    fam = LogisticRegression(C=p.C_family, max_iter=5000).fit(X[rows], [exs[k].family for k in rows])
    drows = [k for k, e in enumerate(exs) if e.act and e.against is not None]
    direction = LogisticRegression(C=p.C_direction, max_iter=5000, class_weight="balanced").fit(
        X[drows], [1 if exs[k].against else 0 for k in drows])
    ours = training.fit(exs)
    feats = [extract_features(analyzer.analyse(r["text"])) for r in held]
    Xh = vec.transform(feats)
    want_act = act.predict_proba(Xh)[:, 1]
    want_fam = fam.predict_proba(Xh)
    want_dir = direction.predict_proba(Xh)[:, 1]
    for k, f in enumerate(feats):
        s = ours.score(f)
        assert s.act == pytest.approx(want_act[k], abs=1e-9)
        assert s.against == pytest.approx(want_dir[k], abs=1e-9)
        assert [s.family[c] for c in fam.classes_] == pytest.approx(list(want_fam[k]), abs=1e-9)


def test_shipped_model_is_the_one_the_recipe_trains(data, corpus):
    """Retraining reproduces the packaged weights: the model saw the corpus train split and the dev-labelled MIT
    posts, never a held-out corpus item, a CC BY-NC-SA post or a blind item."""
    from lab.screening import realdata

    shipped = LinearModel.load(MODEL_PATH)
    fresh = training.train_on(data)
    assert shipped.vocabulary == fresh.vocabulary
    assert np.allclose(shipped.act_coef, fresh.act_coef, rtol=1e-4, atol=1e-6)
    assert np.allclose(shipped.family_coef, fresh.family_coef, rtol=1e-4, atol=1e-6)
    assert np.allclose(shipped.direction_coef, fresh.direction_coef, rtol=1e-4, atol=1e-6)
    _, held = training.split(corpus)
    learned = {e.key for e in data.corpus_train} | set(data.real_examples)
    assert not learned & {r["id"] for r in held}
    assert not learned & realdata.blind_keys()
    assert all(realdata.trainable(r["source_file"]) for r in data.real if r["id"] in data.real_examples)
    assert shipped.meta["real_posts"] == len(data.real_examples) > 2000


def test_no_feature_comes_from_source(analyzer):
    text = "Sbg guru PNS, coblos no 2 ✌️"
    a = analyzer.analyse(text)
    feats = extract_features(a)
    assert not any("source" in f or f in ("w:post", "w:report", "w:news") for f in feats)
    shipped = LinearModel.load(MODEL_PATH)
    assert not any(f.startswith(("s:", "source")) for f in shipped.vocabulary)


def test_source_does_not_change_the_decision_for_posts_and_news(screener, corpus):
    """`source` is not a model feature: shuffling post/news gives the same decisions (reports move the actor)."""
    changed = 0
    for rec in corpus[:400]:
        base = {k: rec[k] for k in ("id", "text", "author", "created_at", "region")}
        a = screener.screen({**base, "source": "post"})
        b = screener.screen({**base, "source": "news"})
        changed += a.violation != b.violation
    assert changed == 0


def test_model_file_is_small_plain_json():
    assert MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == "netra-screening-linear/2"


def test_model_train_cli_reports_before_and_after(run_cli, tmp_path):
    extra = tmp_path / "decisions.jsonl"
    extra.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [
        {"id": "rev-1", "text": "Sbg guru PNS, gasss #BayuIndahMenang", "violation": True, "family": "social_media",
         "author": {"is_asn": True}},
        {"id": "rev-2", "text": "Jadwal debat Bayu–Indah dan Fajar–Nita malam ini", "violation": False,
         "author": {"is_asn": True}},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    shared_data()
    res = run_cli("model", "train", "--extra", str(extra), "--out", str(out), "--folds", "2")
    assert res.exit_code == 0, res.output
    # before = trained without the decisions, after = with them; both cross-validated on the dev posts
    for line in ("before  real posts (dev, cross-validated)", "after   real posts (dev, cross-validated)",
                 "before  corpus held-out split", "after   corpus held-out split"):
        assert line in res.output, res.output
    assert "blind" not in res.output  # only with --blind, after the lead's first blind measurement
    assert LinearModel.load(out).meta["extra_items"] == 2


def test_model_train_rejects_bad_decisions_with_line_numbers(run_cli, tmp_path):
    extra = tmp_path / "decisions.jsonl"
    extra.write_text('{"id": "a", "text": "x", "violation": true}\nnot json\n', encoding="utf-8")
    res = run_cli("model", "train", "--extra", str(extra), "--dry-run")
    assert res.exit_code == 1
    assert "line 1: a violation needs its family" in res.output and "line 2" in res.output
