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
from itertools import chain, repeat
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
    """The model's output for one text of a scored batch: ``act`` and ``against``; ``family`` and ``contributions``
    on demand, read from the batch's arrays."""

    __slots__ = ("act", "against", "_batch", "_row", "_family")

    def __init__(self, act: float, against: float, batch: _Batch, row: int):
        self.act = act
        self.against = against  # probability that the side taken is against a candidate; meaningful when act is high
        self._batch = batch
        self._row = row
        self._family: dict[str, float] | None = None

    @property
    def family(self) -> dict[str, float]:
        if self._family is None:
            self._family = dict(zip(self._batch.model.family_classes, self._batch.family()[self._row].tolist()))
        return self._family

    @property
    def best_family(self) -> str:
        fam = self.family
        return max(fam, key=fam.get)

    @property
    def counts(self) -> dict[int, int]:
        """Feature index -> how often the text has it."""
        b, k = self._batch, self._row
        lo, hi = b.indptr[k], b.indptr[k + 1]
        return dict(zip(b.cols[lo:hi].tolist(), b.counts[lo:hi].tolist()))

    @property
    def norm(self) -> float:
        return float(self._batch.norms[self._row])

    def top_words(self, k: int = 3) -> list[str]:
        """The ``k`` word and word-pair features that raised the act logit the most (ties: the feature string
        last in sort order first), without the ``w:``/``b:`` prefix: what ``contributions`` ranks."""
        b, row = self._batch, self._row
        lo, hi = b.indptr[row], b.indptr[row + 1]
        values, cols = b.word_contributions()
        vocabulary = b.model.vocabulary
        best = sorted(((values[i], vocabulary[cols[i]]) for i in range(lo, hi) if cols[i] >= 0), reverse=True)[:k]
        return [f[2:] for _, f in best]

    @property
    def contributions(self) -> dict[str, float]:
        """Feature -> its contribution to the act logit."""
        b, k = self._batch, self._row
        m = b.model
        lo, hi = b.indptr[k], b.indptr[k + 1]
        norm = float(b.norms[k])
        out = {}
        for i, x in zip(b.cols[lo:hi].tolist(), b.x[lo:hi].tolist()):
            out[m.vocabulary[i]] = (x / norm if norm else 0.0) * m._act[i]
        return out


class _Batch:
    """The tf-idf rows of a batch of texts (CSR: ``indptr``, ``cols``, ``counts``, ``x``) and their L2 norms: what
    ``Scores`` reads back on demand. What few texts need (the family head, the act contributions of words) is
    computed for the whole batch the first time one text asks."""

    __slots__ = ("model", "indptr", "cols", "counts", "x", "norms", "rows", "_family", "_words")

    def __init__(self, model, indptr, cols, counts, x, norms, rows):
        self.model, self.indptr, self.cols, self.counts, self.x, self.norms, self.rows = \
            model, indptr, cols, counts, x, norms, rows
        self._family = self._words = None

    def family(self) -> np.ndarray:
        """Row -> the family head's probabilities (softmax), for the whole batch."""
        if self._family is None:
            m = self.model
            n = len(self.norms)
            z = np.zeros((n, len(m.family_classes)))
            filled = self.norms > 0  # a text with no known feature keeps the biases alone
            if filled.any():
                z[filled] = np.add.reduceat(m.family_coef[self.cols] * self.x[:, None], self.indptr[:-1][filled],
                                            axis=0)
                z[filled] /= self.norms[filled, None]
            logits = z + m.family_bias
            if logits.size:
                logits -= logits.max(axis=1, keepdims=True)
            family = np.exp(logits)
            family /= family.sum(axis=1, keepdims=True)
            self._family = family
        return self._family

    def word_contributions(self) -> tuple[list[float], list[int]]:
        """Each stored feature's contribution to the act logit, and its index where it is a word or word-pair
        feature with a positive contribution (else -1): the candidates for fallback evidence."""
        if self._words is None:
            m = self.model
            values = self.x / self.norms[self.rows] * m.act_coef[self.cols]  # a stored feature's row has a norm > 0
            self._words = values.tolist(), np.where((values > 0) & m._is_word[self.cols], self.cols, -1).tolist()
        return self._words


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
        self._idf = [float(x) for x in self.idf]  # plain lists for the per-feature code: ``_counts``,
        self._act = [float(x) for x in self.act_coef]  # ``contributions``
        self.direction_coef = None if direction_coef is None else np.asarray(direction_coef, dtype=np.float64)
        self.direction_bias = float(direction_bias)
        self.meta = dict(meta or {})
        self._word_ids, self._pair_words, self._pair_keys, self._pair_cols = _feature_ids(self.vocabulary)
        # features that are words or word pairs: the only ones fallback evidence may point at (``top_words``)
        self._is_word = np.fromiter((f[:2] in ("w:", "b:") for f in self.vocabulary), bool, len(self.vocabulary))
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
        """The definition the batch scoring reproduces: feature index -> count, and the tf-idf row's L2 norm."""
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

    def act_probability(self, feats: list[str]) -> float:
        return self.score(feats).act

    def score(self, feats: list[str]) -> Scores:
        """Scores of one text's feature strings (a batch of one)."""
        return self.score_features([feats])[0]

    def score_features(self, docs: list[list[str]]) -> list[Scores]:
        """Scores of many texts' feature strings, as one batch."""
        index = self.index
        n = len(docs)
        lens = np.fromiter(map(len, docs), np.intp, n)
        flat = np.fromiter(map(index.get, chain.from_iterable(docs), repeat(-1)), np.intp, int(lens.sum()))
        return self._score_flat(n, np.repeat(np.arange(n, dtype=np.intp), lens), flat)

    def score_analysis(self, a: Analysis) -> Scores:
        """``score(extract_features(a))``: a batch of one."""
        return self.score_batch([a])[0]

    def score_batch(self, analyses: list[Analysis]) -> list[Scores]:
        """``score(extract_features(a))`` for each analysed text, the whole batch at once: each text's words and
        signals are listed in Python, then the batch's words, word pairs and signals are looked up in three C-level
        passes and numpy array operations (no ``w:``/``b:`` strings are built: a word pair is found by its two
        word numbers in a sorted key array)."""
        n = len(analyses)
        words_of: list[list[str]] = []
        signals_of: list[list[str]] = []
        for a in analyses:
            targets = _targets(a)
            words_of.append(feature_words(a, targets))
            signals_of.append(signal_features(a, targets))
        rows = np.arange(n, dtype=np.intp)
        wlens = np.fromiter(map(len, words_of), np.intp, n)
        words = list(chain.from_iterable(words_of))
        total = len(words)
        word_cols = np.fromiter(map(self._word_ids.get, words, repeat(-1)), np.intp, total)
        word_rows = np.repeat(rows, wlens)
        pair_cols = pair_rows = np.zeros(0, dtype=np.intp)
        if total > 1 and len(self._pair_keys):
            ids = np.fromiter(map(self._pair_words.get, words, repeat(-1)), np.int64, total)
            first, second = ids[:-1], ids[1:]
            same = word_rows[:-1] == word_rows[1:]  # a pair never spans two texts
            keys = first * len(self._pair_words) + second
            pos = np.minimum(np.searchsorted(self._pair_keys, keys), len(self._pair_keys) - 1)
            found = (first >= 0) & (second >= 0) & (self._pair_keys[pos] == keys)
            pair_cols = np.where(found, self._pair_cols[pos], -1)[same]
            pair_rows = word_rows[:-1][same]
        slens = np.fromiter(map(len, signals_of), np.intp, n)
        signal_cols = np.fromiter(map(self.index.get, chain.from_iterable(signals_of), repeat(-1)), np.intp,
                                  int(slens.sum()))
        return self._score_flat(n, np.concatenate([word_rows, pair_rows, np.repeat(rows, slens)]),
                                np.concatenate([word_cols, pair_cols, signal_cols]))

    def _score_flat(self, n: int, row_of: np.ndarray, flat: np.ndarray) -> list[Scores]:
        """TfidfVectorizer(sublinear_tf=True, norm="l2") rows of the feature indices ``flat`` (row ``row_of``; -1 for
        a feature the model does not know), times the act and direction weights, then each head's link function:
        a fixed handful of numpy calls for the whole batch (a batch of one pays ~150 us of set-up, so callers with
        many texts batch them). The family head is computed per text when asked (``Scores.family``): the decision
        reads it for few texts. Sums run in another order than a text-by-text loop: the same scores to about
        1e-15."""
        size = len(self.vocabulary)
        known = flat >= 0
        keys, counts = np.unique(row_of[known] * size + flat[known], return_counts=True)  # sorted by row
        r, cols = np.divmod(keys, size) if size else (keys, keys)
        x = (1.0 + np.log(counts)) * self.idf[cols]  # sublinear tf (a count of 1 gives exactly 1.0) times idf
        per_row = np.bincount(r, minlength=n)
        indptr = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(per_row, out=indptr[1:])
        norms = np.sqrt(np.bincount(r, weights=x * x, minlength=n))
        filled = norms > 0  # a text with no known feature keeps the biases alone

        def head(coef: np.ndarray, bias: float) -> list[float]:
            z = np.divide(np.bincount(r, weights=coef[cols] * x, minlength=n), norms, out=np.zeros(n), where=filled)
            return (z + bias).tolist()

        acts = head(self.act_coef, self.act_bias)
        against = head(self.direction_coef, self.direction_bias) if self.direction_coef is not None else None
        batch = _Batch(self, indptr, cols, counts, x, norms, r)
        sig = _sigmoid
        return [Scores(sig(acts[k]), sig(against[k]) if against is not None else 0.0, batch, k) for k in range(n)]


def _feature_ids(vocabulary: list[str]) -> tuple[dict[str, int], dict[str, int], np.ndarray, np.ndarray]:
    """word -> index of ``w:word``; and the word pairs ``b:first second`` as numbers: each word of a pair ->
    its number, and the sorted keys ``first * len(numbers) + second`` with the index of each pair's feature."""
    words: dict[str, int] = {}
    pairs: list[tuple[str, str, int]] = []
    for i, f in enumerate(vocabulary):
        if f.startswith("w:"):
            words[f[2:]] = i
        elif f.startswith("b:"):
            first, second = f[2:].split(" ")
            pairs.append((first, second, i))
    numbers: dict[str, int] = {}
    for first, second, _ in pairs:
        numbers.setdefault(first, len(numbers))
        numbers.setdefault(second, len(numbers))
    keys = np.fromiter((numbers[a] * len(numbers) + numbers[b] for a, b, _ in pairs), np.int64, len(pairs))
    cols = np.fromiter((i for _, _, i in pairs), np.intp, len(pairs))
    order = np.argsort(keys, kind="stable")
    return words, numbers, keys[order], cols[order]


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
