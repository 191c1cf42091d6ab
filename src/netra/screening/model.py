"""The learned stage: features of a text and a linear model over them, loaded from a small JSON file.

Training uses scikit-learn (``training.py``: TF-IDF over the features below, logistic regression). The trained
weights are exported to ``data/model.json`` (plain JSON: no pickle, nothing to download, safe to load) and
scored here with numpy, reproducing scikit-learn's ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` followed by
``LogisticRegression.predict_proba`` exactly (a test checks this against scikit-learn itself).

Two heads share the features:

* ``act``: does the text show a prohibited partisan act (support for a candidate, campaigning, props, ...),
  as opposed to reporting on one, reminding people of the rules, civic messages or ordinary work? It ignores
  WHO acts: the engine decides that from ``author.is_asn`` and the actor phrase.
* ``family``: which of the nine families the act belongs to.

Features are text-only. ``source`` is never a feature (the dev corpus README warns that it is a shortcut).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from netra.screening.analysis import FAMILIES, Analysis

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
FORMAT = "netra-screening-linear/1"

_NAME = "w:<name>"


def extract_features(a: Analysis) -> list[str]:
    """The feature strings of one analysed text (repeats count as term frequency)."""
    tk = a.tokens
    norm = tk.norm
    n = len(norm)
    masked = None
    if a.pairs or a.persons or a.candidates:
        masked = set()
        for i, j in a.pairs:
            masked.update(range(i, j))
        for i, j in a.persons:
            masked.update(range(i + 1, j))  # keep the honorific
        for i, j, _ in a.candidates:
            masked.update(range(i, j))
        words = [("<name>" if k in masked else norm[k]) for k in range(n)]
    else:
        words = norm
    feats = ["w:" + w for w in words]
    feats.extend(["b:" + words[k] + " " + words[k + 1] for k in range(n - 1)])
    for kind in a.cues:
        feats.append("c:" + kind)
    for fam in a.family_hits:
        feats.append("k:" + fam)
    if a.ballots:
        feats.append("c:ballot")
        if any(b[3] for b in a.ballots):
            feats.append("c:ballot_strong")
        if any(tk.flags[b[0]] & 8 for b in a.ballots):
            feats.append("c:hand")
    if a.pairs:
        feats.append("c:pair")
    if a.persons:
        feats.append("c:person")
    if a.candidates:
        feats.append("c:cand")
    if a.roles:
        if any(r.bound for r in a.roles):
            feats.append("c:role")
            if any(r.first_person and r.bound for r in a.roles):
                feats.append("c:role_fp")
        if any(not r.bound for r in a.roles):
            feats.append("c:role_unbound")
    if a.implied:
        feats.append("c:implied")
    if tk.urls:
        feats.append("c:url")
    if tk.mentions:
        feats.append("c:mention")
    if tk.hashtags:
        feats.append("c:hashtag")
        if tk.hashtags >= 4:
            feats.append("c:hashtags4")
    if n > 40:
        feats.append("c:long")
        if n > 120:
            feats.append("c:vlong")
    return feats


@dataclass
class Scores:
    act: float
    family: dict[str, float]
    contributions: dict[str, float] | None = None  # feature -> contribution to the act logit (when asked)

    @property
    def best_family(self) -> str:
        return max(self.family, key=self.family.get)


class LinearModel:
    """TF-IDF weights and two logistic-regression heads, scored with numpy."""

    def __init__(self, vocabulary: list[str], idf: list[float], act_coef: list[float], act_bias: float,
                 family_classes: list[str], family_coef: list[list[float]], family_bias: list[float],
                 meta: dict | None = None):
        self.vocabulary = list(vocabulary)
        self.index = {f: i for i, f in enumerate(self.vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.act_coef = np.asarray(act_coef, dtype=np.float64)
        self.act_bias = float(act_bias)
        self.family_classes = list(family_classes)
        self.family_coef = np.asarray(family_coef, dtype=np.float64).reshape(len(self.vocabulary), -1) \
            if len(self.vocabulary) else np.zeros((0, len(self.family_classes)))
        self.family_bias = np.asarray(family_bias, dtype=np.float64)
        self.meta = dict(meta or {})
        unknown = set(self.family_classes) - set(FAMILIES)
        if unknown:
            raise ValueError(f"model has unknown families: {sorted(unknown)}")

    # --- persistence ----------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> LinearModel:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: not a Netra screening model (format {data.get('format')!r})")
        return cls(data["vocabulary"], data["idf"], data["act"]["coef"], data["act"]["bias"],
                   data["family"]["classes"], data["family"]["coef"], data["family"]["bias"], data.get("meta"))

    def to_dict(self) -> dict:
        r = _round
        return {
            "format": FORMAT,
            "meta": self.meta,
            "vocabulary": self.vocabulary,
            "idf": [r(x) for x in self.idf],
            "act": {"coef": [r(x) for x in self.act_coef], "bias": r(self.act_bias)},
            "family": {"classes": self.family_classes,
                       "coef": [[r(x) for x in row] for row in self.family_coef],
                       "bias": [r(x) for x in self.family_bias]},
        }

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(), fh, ensure_ascii=False, separators=(",", ":"))
            fh.write("\n")
        tmp.replace(path)

    # --- scoring --------------------------------------------------------------------------------------------
    def _vector(self, feats: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
        index = self.index
        counts = Counter(f for f in feats if f in index)
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0), []
        names = list(counts)
        idx = np.fromiter((index[f] for f in names), dtype=np.intp, count=len(names))
        tf = np.fromiter((counts[f] for f in names), dtype=np.float64, count=len(names))
        x = (1.0 + np.log(tf)) * self.idf[idx]
        norm = math.sqrt(float(x @ x))
        if norm > 0:
            x /= norm
        return idx, x, names

    def act_probability(self, feats: list[str]) -> float:
        idx, x, _ = self._vector(feats)
        z = float(x @ self.act_coef[idx]) + self.act_bias if len(idx) else self.act_bias
        return _sigmoid(z)

    def score(self, feats: list[str], explain: bool = False) -> Scores:
        idx, x, names = self._vector(feats)
        if len(idx):
            contrib = x * self.act_coef[idx]
            z = float(contrib.sum()) + self.act_bias
            logits = x @ self.family_coef[idx] + self.family_bias
        else:
            contrib = np.zeros(0)
            z = self.act_bias
            logits = self.family_bias.copy()
        probs = _softmax(logits)
        fam = {c: float(p) for c, p in zip(self.family_classes, probs)}
        contributions = {names[k]: float(contrib[k]) for k in range(len(names))} if explain else None
        return Scores(_sigmoid(z), fam, contributions)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softmax(v: np.ndarray) -> np.ndarray:
    if v.size == 0:
        return v
    e = np.exp(v - v.max())
    return e / e.sum()


def _round(x: float) -> float:
    return float(f"{float(x):.6g}")
