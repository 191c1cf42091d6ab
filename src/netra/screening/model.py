"""The learned stage: features of a text and a linear model over them, loaded from a small JSON file.

Training uses scikit-learn (``training.py``: TF-IDF over the features below, logistic regression). The trained
weights are exported to ``data/model.json`` (plain JSON: no pickle, nothing to download, safe to load) and
scored here with numpy, reproducing scikit-learn's ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` followed by
``LogisticRegression.predict_proba`` exactly (a test checks this against scikit-learn itself).

Three heads share the features:

* ``act``: does the text take a side or show a partisan act in its own voice (a call to vote, praise of a
  candidate, a campaign hashtag, an attack or mockery aimed at one, campaigning, props, ...), as opposed to
  reporting on one, asking, reminding people of the rules, civic messages, chatter or ordinary work? It ignores
  WHO acts: the engine decides that from ``author.is_asn`` and the actor phrase.
* ``direction``: for a text that takes a side, is it against a candidate rather than for one?
* ``family``: which of the nine families the act belongs to.

Features are text-only. ``source`` is never a feature (the dev corpus README warns that it is a shortcut).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from netra.screening.analysis import FAMILIES, Analysis
from netra.text import HAND

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
FORMAT = "netra-screening-linear/2"



_TARGET_CUES = ("support", "against", "praise", "attack", "mock", "neg_support")


def extract_features(a: Analysis) -> list[str]:
    """The feature strings of one analysed text (repeats count as term frequency).

    Candidate names (registry, learned, ``X–Y`` pairs, ``Pak X``, names inside hashtags) are masked as ``<name>``:
    the model learns how a post takes a side, not which side the training posts favoured."""
    targets = _targets(a)
    words = feature_words(a, targets)
    feats = ["w:" + w for w in words]
    feats.extend(["b:" + words[k] + " " + words[k + 1] for k in range(len(words) - 1)])
    feats.extend(signal_features(a, targets))
    return feats


def signal_features(a: Analysis, targets: list[tuple[int, int]]) -> list[str]:
    """The features after the words and bigrams: the rule stage's signals (``c:``) and act families (``k:``)."""
    tk = a.tokens
    n = len(tk.norm)
    feats: list[str] = []
    cues = a.cues
    for kind in cues:
        feats.append("c:" + kind)
    for fam in a.family_hits:
        feats.append("k:" + fam)
    if a.ballots:
        feats.append("c:ballot")
        if any(b[3] for b in a.ballots):
            feats.append("c:ballot_strong")
        if any(tk.flags[b[0]] & HAND for b in a.ballots):
            feats.append("c:hand")
    targets.extend((b[0], b[1]) for b in a.ballots)
    if targets:
        for cue in _TARGET_CUES:
            for i, j in cues.get(cue, ()):
                if any(i - 4 <= tj and ti <= j + 4 for ti, tj in targets):
                    feats.append("c:" + cue + "_near_target")
                    break
        feats.append("c:target")
    if len({s for s in a.sides if s[0] != "b"}) >= 2 or len({s[1] for s in a.sides if s[0] == "b"}) >= 2:
        feats.append("c:multi_side")
    if a.tag_names:
        feats.append("c:tag_name")
    if a.tag_support:
        feats.append("c:tag_support")
    if a.tag_against:
        feats.append("c:tag_against")
    text = tk.text
    if "!" in text:
        feats.append("c:exclaim")
    if a.question:
        feats.append("c:question")
    if a.rt:
        feats.append("c:rt")
    if a.reported_subject:
        feats.append("c:reported_subject")
    if a.tagged_sides >= 2:
        feats.append("c:tags_every_side")
    if a.reply:
        feats.append("c:reply")
    if a.titlecase:
        feats.append("c:titlecase")
    if a.pairs:
        feats.append("c:pair")
    if a.persons:
        feats.append("c:person")
    if a.candidates or a.names:
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
    if a.mention_sides:
        feats.append("c:mention_candidate")
    if tk.mentions:
        feats.append("c:mention")
        if tk.mentions >= 3:
            feats.append("c:mentions3")
    if tk.hashtags:
        feats.append("c:hashtag")
        if tk.hashtags >= 4:
            feats.append("c:hashtags4")
    if n > 40:
        feats.append("c:long")
        if n > 120:
            feats.append("c:vlong")
    return feats


def _targets(a: Analysis) -> list[tuple[int, int]]:
    return [(i, j) for i, j in a.pairs] + [(i + 1, j) for i, j in a.persons] + \
        [(i, j) for i, j, _ in a.candidates] + [(i, j) for i, j, _ in a.names] + a.tag_support


def feature_words(a: Analysis, targets: list[tuple[int, int]] | None = None) -> list[str]:
    """The words the model reads: the normalised tokens with candidates masked as ``<name>`` and other proper
    nouns (people, places) as ``<pn>``."""
    norm = a.tokens.norm
    targets = _targets(a) if targets is None else targets
    if not targets and not a.proper:
        return norm
    masked = {k for i, j in targets for k in range(i, j)}
    proper = {i for i, _ in a.proper} - masked
    return [("<name>" if k in masked else "<pn>" if k in proper else w) for k, w in enumerate(norm)]


class Scores:
    """The model's output for one text: ``act`` now; ``against``, ``family`` and ``contributions`` on demand."""

    __slots__ = ("act", "_model", "_counts", "_norm", "_family")

    def __init__(self, act: float, model: LinearModel, counts: dict[int, int], norm: float):
        self.act = act
        self._model = model
        self._counts = counts
        self._norm = norm
        self._family: dict[str, float] | None = None

    @property
    def family(self) -> dict[str, float]:
        if self._family is None:
            self._family = self._model._family_probs(self._counts, self._norm)
        return self._family

    @property
    def against(self) -> float:
        """Probability that the side taken is against a candidate (attack, mockery, "jangan pilih") rather than
        for one; meaningful when ``act`` is high."""
        m = self._model
        if m.direction_coef is None:
            return 0.0
        z = m.direction_bias
        if self._norm > 0:
            idf, coef = m._idf, m._direction
            dot = 0.0
            for i, c in self._counts.items():
                x = idf[i] if c == 1 else (1.0 + math.log(c)) * idf[i]
                dot += x * coef[i]
            z += dot / self._norm
        return _sigmoid(z)

    @property
    def best_family(self) -> str:
        fam = self.family
        return max(fam, key=fam.get)

    @property
    def contributions(self) -> dict[str, float]:
        """Feature -> its contribution to the act logit."""
        m = self._model
        out = {}
        for i, c in self._counts.items():
            x = (1.0 + math.log(c)) * m._idf[i] / self._norm if self._norm else 0.0
            out[m.vocabulary[i]] = x * m._act[i]
        return out


class LinearModel:
    """TF-IDF weights and two logistic-regression heads, scored with numpy."""

    def __init__(self, vocabulary: list[str], idf: list[float], act_coef: list[float], act_bias: float,
                 family_classes: list[str], family_coef: list[list[float]], family_bias: list[float],
                 meta: dict | None = None, direction_coef: list[float] | None = None,
                 direction_bias: float = 0.0):
        self.vocabulary = list(vocabulary)
        self.index = {f: i for i, f in enumerate(self.vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.act_coef = np.asarray(act_coef, dtype=np.float64)
        self.act_bias = float(act_bias)
        self.family_classes = list(family_classes)
        self.family_coef = np.asarray(family_coef, dtype=np.float64).reshape(len(self.vocabulary), -1) \
            if len(self.vocabulary) else np.zeros((0, len(self.family_classes)))
        self.family_bias = np.asarray(family_bias, dtype=np.float64)
        self._idf = [float(x) for x in self.idf]  # plain lists: faster than numpy for a few dozen features
        self._act = [float(x) for x in self.act_coef]
        self._family_scaled = self.idf[:, None] * self.family_coef if len(self.vocabulary) else self.family_coef
        self.direction_coef = None if direction_coef is None else np.asarray(direction_coef, dtype=np.float64)
        self.direction_bias = float(direction_bias)
        self._direction = None if direction_coef is None else [float(x) for x in direction_coef]
        self.meta = dict(meta or {})
        self._word_ids, self._pair_ids = _feature_ids(self.vocabulary)  # see _analysis_counts
        unknown = set(self.family_classes) - set(FAMILIES)
        if unknown:
            raise ValueError(f"model has unknown families: {sorted(unknown)}")

    # --- persistence ----------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> LinearModel:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") not in (FORMAT, "netra-screening-linear/1"):  # /1: no direction head
            raise ValueError(f"{path}: not a Netra screening model (format {data.get('format')!r})")
        direction = data.get("direction") or {}
        return cls(data["vocabulary"], data["idf"], data["act"]["coef"], data["act"]["bias"],
                   data["family"]["classes"], data["family"]["coef"], data["family"]["bias"], data.get("meta"),
                   direction.get("coef"), direction.get("bias", 0.0))

    def to_dict(self) -> dict:
        r = _round
        return {
            "format": FORMAT,
            "meta": self.meta,
            "vocabulary": self.vocabulary,
            "idf": [r(x) for x in self.idf],
            "act": {"coef": [r(x) for x in self.act_coef], "bias": r(self.act_bias)},
            **({"direction": {"coef": [r(x) for x in self.direction_coef], "bias": r(self.direction_bias)}}
               if self.direction_coef is not None else {}),
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
    def _counts(self, feats: list[str]) -> tuple[dict[int, int], float]:
        index = self.index
        counts: dict[int, int] = {}
        for f in feats:
            i = index.get(f)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        idf = self._idf
        sq = 0.0
        for i, c in counts.items():
            x = idf[i] if c == 1 else (1.0 + math.log(c)) * idf[i]
            sq += x * x
        return counts, math.sqrt(sq)

    def _analysis_counts(self, a: Analysis) -> dict[int, int]:
        """``_counts(extract_features(a))`` without building the word and bigram strings: the same counts in the
        same order (so the same sums to the last bit), looked up by word and by word pair."""
        word_ids, pair_ids = self._word_ids, self._pair_ids
        targets = _targets(a)
        words = feature_words(a, targets)
        counts: dict[int, int] = {}
        get = counts.get
        for w in words:
            i = word_ids.get(w)
            if i is not None:
                counts[i] = get(i, 0) + 1
        prev = None
        for w in words:
            if prev is not None:
                i = prev.get(w)
                if i is not None:
                    counts[i] = get(i, 0) + 1
            prev = pair_ids.get(w)
        index = self.index
        for f in signal_features(a, targets):
            i = index.get(f)
            if i is not None:
                counts[i] = get(i, 0) + 1
        return counts

    def act_probability(self, feats: list[str]) -> float:
        return self.score(feats).act

    def score(self, feats: list[str]) -> Scores:
        return self._score_counts(self._counts(feats)[0])

    def score_analysis(self, a: Analysis) -> Scores:
        """``score(extract_features(a))``, faster: what the screener calls per text."""
        return self._score_counts(self._analysis_counts(a))

    def _score_counts(self, counts: dict[int, int]) -> Scores:
        idf = self._idf
        act = self._act
        sq = dot = 0.0
        log = math.log
        for i, c in counts.items():
            x = idf[i] if c == 1 else (1.0 + log(c)) * idf[i]
            sq += x * x
            dot += x * act[i]
        norm = math.sqrt(sq)
        z = self.act_bias
        if norm > 0:
            z += dot / norm
        return Scores(_sigmoid(z), self, counts, norm)

    def _family_probs(self, counts: dict[int, int], norm: float) -> dict[str, float]:
        if counts and norm > 0:
            k = len(counts)
            # idf-scaled weights of the features present; index and tf as arrays (numpy converts a list element by
            # element: the same numbers, at twice the cost)
            rows = self._family_scaled[np.fromiter(counts, dtype=np.intp, count=k)]
            tf = np.fromiter([1.0 if c == 1 else 1.0 + math.log(c) for c in counts.values()], np.float64, k)
            logits = (np.dot(tf, rows) / norm + self.family_bias).tolist()
        else:
            logits = self.family_bias.tolist()
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.family_classes, exps)}


def _feature_ids(vocabulary: list[str]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """word -> index of ``w:word``; first word -> second word -> index of ``b:first second`` (a bigram with more
    than one space is entered at every split, so a look-up matches exactly when the joined string would)."""
    words: dict[str, int] = {}
    pairs: dict[str, dict[str, int]] = {}
    for i, f in enumerate(vocabulary):
        if f.startswith("w:"):
            words[f[2:]] = i
        elif f.startswith("b:"):
            body = f[2:]
            k = body.find(" ")
            while k != -1:
                pairs.setdefault(body[:k], {})[body[k + 1:]] = i
                k = body.find(" ", k + 1)
    return words, pairs


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
