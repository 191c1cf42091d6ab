"""Training the learned stage with scikit-learn (imported here only: screening itself needs numpy alone).

What it learns from (all labels are Netra's own; texts of the real sets are read from ../shared/data):

* the dev corpus and its supplement (``corpus/``; Netra's fictional items, offline acts included), train split
  only: an item is held out when int(sha1(id)[:8], 16) % 5 == 0, and ``measure.py`` reports that split;
* the hand-labelled real posts of the dev split (``tests/data/screening/stance``), MIT-licensed sources only
  (tweets, headlines): the hate-speech CSV is CC BY-NC-SA and is measured, never learned from;
* self-training: the model labels the unlabelled MIT posts (never a blind item or a blind near-duplicate
  group, see ``realdata.unlabelled_pool``) and learns again from the ones it is sure of, at a lower weight;
* reviewer decisions (``--extra``), one per line ``{id, text, violation, family?, act?, author?}``.

Heads: ``act`` (does the text take a side or do a partisan act in its own voice, whoever the author is),
``direction`` (against rather than for), ``family``. For the corpus ``act`` is ``violation`` or a negative where
the same act was done by someone unbound (``negative_kind`` citizen, volunteer, candidate, retired ...); for the
real posts it is the label's ``violation`` (a side taken in the poster's own voice; never a headline); for
reviewer decisions the ``act`` field when present (a dismissal because the author is not bound is still an act),
else a confirmation is an act and a dismissal of a known-bound author's post is not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netra.screening.analysis import FAMILIES, Analyzer
from netra.screening.model import LinearModel, extract_features

ACT_KINDS = frozenset({"citizen", "volunteer", "candidate", "retired", "unbound_null", "report_unbound",
                       "report_unknown_actor"})
HELDOUT_MOD = 5
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
DEV_CORPUS = CORPUS_DIR / "dev_corpus.jsonl"
SUPPLEMENT = CORPUS_DIR / "supplement.jsonl"


@dataclass(frozen=True)
class Params:
    min_df: int = 2
    C_act: float = 4.0
    C_direction: float = 2.0
    C_family: float = 8.0
    corpus_weight: float = 1.0  # Netra's fictional items, relative to a hand-labelled real post
    self_training_rounds: int = 0  # measured: one round did not help (see README); the option stays
    pseudo_weight: float = 0.3
    pseudo_hi: float = 0.9  # the model's act probability above which an unlabelled post counts as an act ...
    pseudo_lo: float = 0.1  # ... and below which as none


DEFAULTS = Params()


def is_heldout(item_id: str) -> bool:
    return int(hashlib.sha1(str(item_id).encode("utf-8")).hexdigest()[:8], 16) % HELDOUT_MOD == 0


def split(records: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    train, held = [], []
    for r in records:
        (held if is_heldout(r["id"]) else train).append(r)
    return train, held


def load_corpus(paths: Iterable[Path] = (DEV_CORPUS, SUPPLEMENT)) -> list[dict]:
    """The dev corpus and its supplement (or the given files), as records."""
    from lab.screening.corpus import load_dev_corpus

    return [rec for path in paths for rec in load_dev_corpus(path)]


def labels(record: dict, analyzer: Analyzer | None = None) -> tuple[bool | None, str | None]:
    """(act, family) training labels of one labelled record; None where the record says nothing."""
    violation = bool(record.get("violation"))
    family = record.get("family")
    if "act" in record and record["act"] is not None:
        act = bool(record["act"])
        return act, (family or record.get("hard_negative_of")) if act else None
    if violation:
        return True, family
    kind = record.get("negative_kind")
    if kind is not None:
        if kind in ACT_KINDS:
            return True, record.get("hard_negative_of")
        return False, None
    author = record.get("author") or {}
    if author.get("is_asn") is True:
        return False, None
    if analyzer is not None and author.get("is_asn") is None:
        a = analyzer.analyse(record["text"])
        if a.bound_roles():
            return False, None
    return None, None


@dataclass
class Example:
    features: list[str]
    act: bool | None
    family: str | None
    against: bool | None = None  # direction of a side taken, where the label says
    weight: float = 1.0
    key: str = ""
    origin: str = "corpus"  # corpus | real | pseudo | extra: real and pseudo-labelled posts teach no family


def examples(records: Iterable[dict], analyzer: Analyzer, weight: float = 1.0) -> list[Example]:
    """Training examples of labelled records: the dev corpus, reviewer decisions, or real posts (those carry a
    ``stance``: its ``violation`` is the act, ``against`` the direction)."""
    out = []
    for r in records:
        origin = "real" if "stance" in r else "extra" if str(r.get("id", "")).startswith("review-") else "corpus"
        if "stance" in r:
            act = bool(r["violation"])
            fam = "social_media" if act else None
            against = (r["stance"] == "against") if r["stance"] in ("support", "against") else None
        else:
            act, fam = labels(r, analyzer)
            against = None
            if act is None:
                continue
        out.append(Example(extract_features(analyzer.analyse(r["text"])), act, fam, against, weight, r["id"], origin))
    return out


def fit(exs: list[Example], *, params: Params = DEFAULTS, meta: dict | None = None,
        unlabelled: list[list[str]] = ()) -> LinearModel:
    """Fit TF-IDF + logistic-regression heads and export them as a ``LinearModel``. ``unlabelled`` feature lists
    only inform the IDF (the pool of posts self-training reads)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    acts = [e for e in exs if e.act is not None]
    if not acts:
        raise ValueError("no training examples")
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=params.min_df, norm="l2", lowercase=False)
    vec.fit([e.features for e in acts] + list(unlabelled))
    X = vec.transform([e.features for e in acts])
    y_act = np.array([1 if e.act else 0 for e in acts])
    if len(set(y_act)) < 2:
        raise ValueError("training needs both acts and non-acts")
    w = np.array([e.weight for e in acts])
    act = LogisticRegression(C=params.C_act, max_iter=5000, class_weight="balanced")
    act.fit(X, y_act, sample_weight=w)
    # the family head learns from acts described in words (the corpus, reviewer decisions); a real post that
    # takes a side is social_media by construction and would only drown the offline families
    fam_rows = [k for k, e in enumerate(acts) if e.act and e.family and e.origin in ("corpus", "extra")]
    fam = LogisticRegression(C=params.C_family, max_iter=5000)
    fam.fit(X[fam_rows], [acts[k].family for k in fam_rows], sample_weight=w[fam_rows])
    dir_rows = [k for k, e in enumerate(acts) if e.act and e.against is not None]
    direction_coef = direction_bias = None
    if len({acts[k].against for k in dir_rows}) == 2:
        d = LogisticRegression(C=params.C_direction, max_iter=5000, class_weight="balanced")
        d.fit(X[dir_rows], [1 if acts[k].against else 0 for k in dir_rows], sample_weight=w[dir_rows])
        direction_coef, direction_bias = d.coef_[0].tolist(), float(d.intercept_[0])
    vocab = [None] * len(vec.vocabulary_)
    for f, i in vec.vocabulary_.items():
        vocab[i] = f
    classes = [str(c) for c in fam.classes_]
    coef = fam.coef_.T  # (features, classes)
    bias = fam.intercept_
    if coef.shape[1] == 1:  # two families only: scikit-learn stores one row for the second class
        coef = np.hstack([-coef / 2, coef / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    info = {"trained_on": len(acts), "acts": int(y_act.sum()), "family_examples": len(fam_rows),
            "direction_examples": len(dir_rows), **{k: getattr(params, k) for k in Params.__dataclass_fields__}}
    info.update(meta or {})
    return LinearModel(vocab, vec.idf_.tolist(), act.coef_[0].tolist(), float(act.intercept_[0]), classes,
                       coef.tolist(), list(map(float, bias)), info, direction_coef, direction_bias or 0.0)


def self_train(exs: list[Example], pool: list[list[str]], *, params: Params = DEFAULTS,
               meta: dict | None = None) -> LinearModel:
    """Fit, label the unlabelled pool with the model, add the posts it is sure of at a lower weight, fit again."""
    model = fit(exs, params=params, meta=meta, unlabelled=pool)
    for _ in range(params.self_training_rounds):
        pseudo = []
        for feats, scores in zip(pool, model.score_features(pool)):
            p = scores.act
            if p >= params.pseudo_hi:
                pseudo.append(Example(feats, True, None, None, params.pseudo_weight, origin="pseudo"))
            elif p <= params.pseudo_lo:
                pseudo.append(Example(feats, False, None, None, params.pseudo_weight, origin="pseudo"))
        extra = {"pseudo_labelled": len(pseudo), "pseudo_acts": sum(1 for e in pseudo if e.act),
                 "pool": len(pool)}
        model = fit(exs + pseudo, params=params, meta={**(meta or {}), **extra}, unlabelled=pool)
    return model


def _identity(doc):
    return doc


# --- the data a training run reads -------------------------------------------------------------------------
@dataclass
class TrainingData:
    """Everything one training run learns from, already turned into features (built once, reused by CV)."""

    analyzer: Analyzer
    corpus_train: list[Example]
    corpus_held: list[dict]
    real: list[dict]  # dev-labelled real posts (all sources), with texts
    real_examples: dict[str, Example]  # by id, MIT sources only
    pool: list[tuple[str, str, list[str]]]  # (id, group, features) of unlabelled MIT posts
    extra: list[Example] = field(default_factory=list)
    extra_records: list[dict] = field(default_factory=list)

    def trainable_real(self, exclude_groups: set[str] = frozenset()) -> list[Example]:
        return [self.real_examples[r["id"]] for r in self.real
                if r["id"] in self.real_examples and r["group"] not in exclude_groups]

    def pool_features(self, exclude_groups: set[str] = frozenset()) -> list[list[str]]:
        return [f for _, g, f in self.pool if g not in exclude_groups]


def build_training_data(*, analyzer: Analyzer | None = None, extra: list[dict] | None = None,
                        corpus_paths: Iterable[Path] | None = None, shared: Path | None = None,
                        with_pool: bool = True, params: Params = DEFAULTS, progress=None) -> TrainingData:
    from lab.screening import realdata

    step = progress or (lambda msg: None)
    analyzer = analyzer or default_analyzer()
    corpus = load_corpus(corpus_paths or (DEV_CORPUS, SUPPLEMENT))
    train, held = split(corpus)
    step(f"features of {len(train)} corpus items")
    corpus_exs = examples(train, analyzer)
    shared = shared or realdata.shared_dir()
    real, real_exs, pool = [], {}, []
    if shared is not None:
        real = realdata.dev_labelled(shared)
        step(f"features of {len(real)} labelled real posts")
        for e, r in zip(examples(real, analyzer), real):
            if realdata.trainable(r["source_file"]):
                real_exs[r["id"]] = e
        if with_pool and params.self_training_rounds:
            labelled = {r["id"] for r in real}
            step("features of the unlabelled pool")
            pool = [(r["id"], r["group"], extract_features(analyzer.analyse(r["text"])))
                    for r in realdata.unlabelled_pool(shared, exclude=labelled)]
    extra = list(extra or [])
    return TrainingData(analyzer, corpus_exs, held, real, real_exs, pool, examples(extra, analyzer), extra)


def default_analyzer() -> Analyzer:
    from netra.screening.engine import Screener

    return Screener(stages=None).analyzer


def train_on(data: TrainingData, *, exclude_groups: set[str] = frozenset(), params: Params = DEFAULTS,
             meta: dict | None = None) -> LinearModel:
    """The model trained on everything in ``data`` except the real posts (and pool posts) of ``exclude_groups``."""
    corpus = [Example(e.features, e.act, e.family, e.against, params.corpus_weight, e.key, e.origin)
              for e in data.corpus_train]
    exs = corpus + data.trainable_real(exclude_groups) + data.extra
    pool = data.pool_features(exclude_groups)
    if pool and params.self_training_rounds:
        return self_train(exs, pool, params=params, meta=meta)
    return fit(exs, params=params, meta=meta)


def folds(items: list[dict], k: int = 5) -> list[set[str]]:
    """Group-aware folds over the real posts: near-duplicates (one ``group``) never straddle train and test."""
    out: list[set[str]] = [set() for _ in range(k)]
    for r in items:
        out[int(hashlib.sha1(r["group"].encode()).hexdigest()[:8], 16) % k].add(r["group"])
    return out


# --- the full training run (``netra model train`` and ``python -m lab.screening.training``) --------------------
@dataclass
class TrainReport:
    train_items: int
    heldout_items: int
    extra_items: int
    before: dict | None  # cross-validated figures without the reviewer decisions (None when there are none)
    after: dict
    model: LinearModel
    written_to: str | None = None
    blind_before: dict | None = None
    blind_after: dict | None = None


class DecisionError(ValueError):
    """A reviewer-decision line that cannot be used; carries the line number."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def read_decisions(path) -> tuple[list[dict], list[DecisionError]]:
    """Reviewer decisions (JSONL): ``{id, text, violation, family?, act?, author?, source?}`` per line."""
    good, bad = [], []
    seen: set[str] = set()
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                bad.append(DecisionError(n, "not valid UTF-8"))
                continue
            except ValueError as exc:
                bad.append(DecisionError(n, f"malformed JSON: {exc}"))
                continue
            if not isinstance(rec, dict):
                bad.append(DecisionError(n, "expected a JSON object"))
                continue
            if not isinstance(rec.get("id"), str) or not rec["id"].strip():
                bad.append(DecisionError(n, "missing id"))
                continue
            if not isinstance(rec.get("text"), str) or not rec["text"].strip():
                bad.append(DecisionError(n, "missing text"))
                continue
            if not isinstance(rec.get("violation"), bool):
                bad.append(DecisionError(n, "violation must be true or false"))
                continue
            if rec.get("act") is not None and not isinstance(rec["act"], bool):
                bad.append(DecisionError(n, "act must be true, false or null"))
                continue
            fam = rec.get("family")
            if fam is not None and fam not in FAMILIES:
                bad.append(DecisionError(n, f"unknown family {fam!r}"))
                continue
            if rec["violation"] and fam is None and rec.get("act") is None:
                # (a confirmed miss from the queue carries act: true and no family: the family head skips it)
                bad.append(DecisionError(n, "a violation needs its family"))
                continue
            if rec["id"] in seen:
                bad.append(DecisionError(n, f"duplicate id {rec['id']!r}"))
                continue
            seen.add(rec["id"])
            good.append(rec)
    return good, bad


def train_model(*, extra: list[dict] | None = None, corpus_path=None, out_path=None, progress=None,
                params: Params = DEFAULTS, folds: int = 5, blind: bool = False) -> TrainReport:
    """Retrain on the corpus, the dev-labelled real posts, self-training and reviewer decisions.

    Before/after: the dev figures (cross-validated real posts + the corpus held-out split, see
    ``evaluate.dev_figures``) of a model trained without the reviewer decisions and of one trained with them
    (without decisions there is no "before"). ``blind=True`` adds the blind split,
    for use only after the lead's first blind measurement. ``out_path``: where to write (None: nowhere)."""
    from lab.screening import evaluate

    step = progress or (lambda msg: None)
    data = build_training_data(extra=extra, corpus_paths=[Path(corpus_path)] if corpus_path else None,
                               params=params, progress=step)
    meta = {"corpus": [DEV_CORPUS.name, SUPPLEMENT.name] if not corpus_path else [Path(corpus_path).name],
            "real_posts": len(data.trainable_real()), "extra_items": len(data.extra),
            "split": f"corpus held out when int(sha1(id)[:8], 16) % {HELDOUT_MOD} == 0"}
    step("fitting")
    model = train_on(data, params=params, meta=meta)
    step("measuring (cross-validated dev figures)")
    after = evaluate.dev_figures(data, params=params, final=model, k=folds)
    before = None
    without = TrainingData(data.analyzer, data.corpus_train, data.corpus_held, data.real, data.real_examples,
                           data.pool)
    if data.extra:
        before = evaluate.dev_figures(without, params=params, k=folds)
    blind_before = blind_after = None
    if blind:
        before_model = train_on(without, params=params) if data.extra else None
        blind_after, blind_before = evaluate.blind_figures(data.analyzer, model, before_model)
    model.meta["dev"] = {k: v for k, v in after.items() if not k.startswith("_")}
    written = None
    if out_path is not None:
        model.save(out_path)
        written = str(out_path)
    return TrainReport(len(data.corpus_train) + len(data.trainable_real()), len(data.corpus_held), len(data.extra),
                       before, after, model, written, blind_before, blind_after)


def main(argv: list[str] | None = None) -> int:
    """Build script: ``python -m lab.screening.training [--out PATH]`` writes the packaged model."""
    import argparse

    from netra.screening.model import MODEL_PATH

    ap = argparse.ArgumentParser(description="Train the screening model (corpus + dev-labelled real posts).")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--extra", default=None, help="JSONL of reviewer decisions")
    args = ap.parse_args(argv)
    extra = []
    if args.extra:
        extra, bad = read_decisions(args.extra)
        for b in bad:
            print(f"{args.extra}: {b}")
        if bad:
            return 1
    report = train_model(extra=extra, out_path=args.out, progress=print)
    print("before:", report.before)
    print("after: ", report.after)
    print("written:", report.written_to)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
