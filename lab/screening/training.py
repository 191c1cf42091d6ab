"""Training the learned stage with scikit-learn (imported here only: screening itself needs numpy alone).

Labels come from the dev corpus (``corpus/dev_corpus.jsonl``), its hand-written supplement
(``corpus/supplement.jsonl``, see ``corpus/build_supplement.py``) and, optionally, reviewer decisions:

* ``act`` (does the text show a partisan act, whoever did it?) is ``violation`` OR the negative is one where
  the same act was done by someone unbound (``negative_kind`` citizen, volunteer, candidate, retired,
  unbound_null, report_unbound, report_unknown_actor). Reporting, reminders, civic messages and ordinary
  work are not acts.
* ``family`` is the violation's family, or for those unbound acts the family they imitate
  (``hard_negative_of``).

Reviewer decisions are JSONL records ``{id, text, author?, violation, family?, act?}``. When ``act`` is
missing it is inferred: a violation is an act; a non-violation by a known-bound author (``is_asn: true``) is
not; other non-violations are left out of the act head (the reviewer may have cleared them because of who the
author is, not what the text says).

The held-out split is fixed: an item is held out when the first 8 hex digits of SHA-1(id) modulo 5 are 0
(about 20%). ``train_model`` fits on the rest and never sees held-out items.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from netra.screening.analysis import Analyzer
from netra.screening.model import LinearModel, extract_features

ACT_KINDS = frozenset({"citizen", "volunteer", "candidate", "retired", "unbound_null", "report_unbound",
                       "report_unknown_actor"})
HELDOUT_MOD = 5
SUPPLEMENT = Path(__file__).resolve().parent / "corpus" / "supplement.jsonl"

DEFAULTS = {"min_df": 2, "C_act": 4.0, "C_family": 8.0}


def is_heldout(item_id: str) -> bool:
    return int(hashlib.sha1(str(item_id).encode("utf-8")).hexdigest()[:8], 16) % HELDOUT_MOD == 0


def split(records: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    train, held = [], []
    for r in records:
        (held if is_heldout(r["id"]) else train).append(r)
    return train, held


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


def examples(records: Iterable[dict], analyzer: Analyzer) -> list[Example]:
    out = []
    for r in records:
        act, fam = labels(r, analyzer)
        if act is None:
            continue
        out.append(Example(extract_features(analyzer.analyse(r["text"])), act, fam))
    return out


def fit(exs: list[Example], *, min_df: int = DEFAULTS["min_df"], C_act: float = DEFAULTS["C_act"],
        C_family: float = DEFAULTS["C_family"], meta: dict | None = None) -> LinearModel:
    """Fit TF-IDF + logistic regression heads and export them as a ``LinearModel``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if not exs:
        raise ValueError("no training examples")
    docs = [e.features for e in exs]
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df, norm="l2", lowercase=False)
    X = vec.fit_transform(docs)
    y_act = np.array([1 if e.act else 0 for e in exs])
    if len(set(y_act)) < 2:
        raise ValueError("training needs both acts and non-acts")
    act = LogisticRegression(C=C_act, max_iter=5000, class_weight="balanced")
    act.fit(X, y_act)
    fam_rows = [k for k, e in enumerate(exs) if e.act and e.family]
    fam_y = [exs[k].family for k in fam_rows]
    fam = LogisticRegression(C=C_family, max_iter=5000)
    fam.fit(X[fam_rows], fam_y)
    vocab = [None] * len(vec.vocabulary_)
    for f, i in vec.vocabulary_.items():
        vocab[i] = f
    classes = [str(c) for c in fam.classes_]
    coef = fam.coef_.T  # (features, classes)
    bias = fam.intercept_
    if coef.shape[1] == 1:  # two families only: scikit-learn stores one row for the second class
        coef = np.hstack([-coef / 2, coef / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    info = {"trained_on": len(exs), "acts": int(y_act.sum()), "family_examples": len(fam_rows),
            "min_df": min_df, "C_act": C_act, "C_family": C_family}
    info.update(meta or {})
    return LinearModel(vocab, vec.idf_.tolist(), act.coef_[0].tolist(), float(act.intercept_[0]), classes,
                       coef.tolist(), list(map(float, bias)), info)


def _identity(doc):
    return doc


# --- the full training run (``netra model train`` and ``python -m lab.screening.training``) ------------------
@dataclass
class TrainReport:
    train_items: int
    heldout_items: int
    extra_items: int
    before: dict | None  # metrics of the current model on the held-out split (None when there is none)
    after: dict
    model: LinearModel
    written_to: str | None = None


class DecisionError(ValueError):
    """A reviewer-decision line that cannot be used; carries the line number."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def read_decisions(path) -> tuple[list[dict], list[DecisionError]]:
    """Reviewer decisions (JSONL): ``{id, text, violation, family?, act?, author?, source?}`` per line."""
    import json

    from netra.screening.analysis import FAMILIES

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
            fam = rec.get("family")
            if fam is not None and fam not in FAMILIES:
                bad.append(DecisionError(n, f"unknown family {fam!r}"))
                continue
            if rec["violation"] and fam is None:
                bad.append(DecisionError(n, "a violation needs its family"))
                continue
            if rec["id"] in seen:
                bad.append(DecisionError(n, f"duplicate id {rec['id']!r}"))
                continue
            seen.add(rec["id"])
            good.append(rec)
    return good, bad


def train_model(*, extra: list[dict] | None = None, corpus_path=None, current_model=None, out_path=None,
                progress=None, **params) -> TrainReport:
    """Retrain from the dev corpus (+ supplement) plus reviewer decisions; report before/after on the held-out split.

    ``current_model``: path of the model to compare against (default: the packaged one, when present).
    ``out_path``: where to write the new model (None: do not write).
    """
    from netra.rulebook import load_rulebook
    from netra.screening.candidates import CandidateRegistry
    from lab.screening.corpus import DEV_CORPUS, load_dev_corpus
    from netra.screening.engine import Screener
    from lab.screening.evaluate import evaluate
    from netra.screening.model import MODEL_PATH
    from netra.screening.lexicon import Lexicon

    def step(msg: str) -> None:
        if progress:
            progress(msg)

    paths = [Path(corpus_path)] if corpus_path else [DEV_CORPUS, SUPPLEMENT]
    corpus = [rec for p in paths for rec in load_dev_corpus(p)]
    extra = list(extra or [])
    train, held = split(corpus + extra)
    rulebook = load_rulebook()
    registry = CandidateRegistry.demo()
    lexicon = Lexicon.load()
    analyzer = Analyzer(lexicon, rulebook, registry)
    step(f"features for {len(train)} training items")
    exs = examples(train, analyzer)
    step("fitting")
    meta = {"corpus": [p.name for p in paths], "extra_items": len(extra),
            "split": f"held out when int(sha1(id)[:8], 16) % {HELDOUT_MOD} == 0"}
    model = fit(exs, meta=meta, **params)
    step(f"scoring {len(held)} held-out items")
    before = None
    current = Path(current_model) if current_model else MODEL_PATH
    if current.is_file():
        try:
            old = Screener(rulebook=rulebook, registry=registry, lexicon=lexicon, model=str(current), stages=None)
            before = evaluate(old, held).to_dict()
        except (ValueError, KeyError, OSError):
            before = None
    new = Screener(rulebook=rulebook, registry=registry, lexicon=lexicon, model=model, stages=None)
    after = evaluate(new, held).to_dict()
    model.meta["heldout"] = after
    written = None
    if out_path is not None:
        model.save(out_path)
        written = str(out_path)
    return TrainReport(len(train), len(held), len(extra), before, after, model, written)


def main(argv: list[str] | None = None) -> int:
    """Build script: ``python -m lab.screening.training [--out PATH]`` writes the packaged model."""
    import argparse

    from netra.screening.model import MODEL_PATH

    ap = argparse.ArgumentParser(description="Train the screening model on the dev corpus (train split).")
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
