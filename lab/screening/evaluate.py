"""Scoring the screener against labelled items: precision, recall, F1 for ``violation``; accuracy for ``family``.

``family accuracy`` is measured on the items labelled as violations: the share whose predicted family equals
the label (a missed violation counts as wrong). ``family accuracy (caught)`` is the same over the violations
the screener did flag, i.e. how often it names the right family when it flags.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Metrics:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    family_right: int = 0
    family_right_caught: int = 0
    errors: list[dict] = field(default_factory=list)  # misclassified items (id, gold, predicted, ...)

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0

    @property
    def family_accuracy(self) -> float:
        gold = self.tp + self.fn
        return self.family_right / gold if gold else 0.0

    @property
    def family_accuracy_caught(self) -> float:
        return self.family_right_caught / self.tp if self.tp else 0.0

    def add(self, gold: dict, result) -> None:
        g = bool(gold.get("violation"))
        p = bool(result.violation)
        if g and p:
            self.tp += 1
        elif p:
            self.fp += 1
        elif g:
            self.fn += 1
        else:
            self.tn += 1
        if g and gold.get("family") is not None:
            ok = result.family == gold.get("family")
            if ok:
                self.family_right += 1
                if p:
                    self.family_right_caught += 1
            elif p:
                self.errors.append(_error(gold, result, "family"))
        if g != p:
            self.errors.append(_error(gold, result, "violation"))

    def to_dict(self) -> dict:
        return {"n": self.n, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "accuracy": round(self.accuracy, 4), "family_accuracy": round(self.family_accuracy, 4),
                "family_accuracy_caught": round(self.family_accuracy_caught, 4)}

    def lines(self) -> list[str]:
        return [
            f"items: {self.n}  (violations labelled: {self.tp + self.fn})",
            f"violation  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})",
            f"family     accuracy {self.family_accuracy:.3f} on labelled violations; "
            f"{self.family_accuracy_caught:.3f} on the ones flagged",
        ]


def _error(gold: dict, result, what: str) -> dict:
    return {"what": what, "id": gold.get("id"), "text": gold.get("text"), "gold_violation": gold.get("violation"),
            "gold_family": gold.get("family"), "violation": result.violation, "family": result.family,
            "score": result.score, "actor": result.actor.to_dict(), "reason": result.reason}


def evaluate(screener, labelled: Iterable[dict], *, as_asn: bool = False) -> Metrics:
    """Screen every labelled record (input fields plus ``violation``/``family``) and score the results.

    ``as_asn=True`` overrides ``author`` with ``{"is_asn": true}`` (for public texts read "as if the author were
    ASN").
    """
    m = Metrics()
    records = list(labelled)
    items = []
    for rec in records:
        item = {k: rec.get(k) for k in FIELDS if k in rec}
        if as_asn:
            item["author"] = {"is_asn": True, "role": None}
        items.append(item)
    for rec, result in zip(records, screener.screen_many(items)):  # scored in batches, like the file pipeline
        m.add(rec, result)
    return m


# --- the figures a training run and the measurement command report -----------------------------------------------
FIELDS = ("id", "text", "source", "author", "created_at", "region")


def as_post(record: dict) -> dict:
    """A labelled real text as the screener reads it: a post (never ``news``: the source is not a feature, and a
    headline must be told from the text), its date when the source has one."""
    return {"id": record["id"], "text": record["text"], "source": "post", "created_at": record.get("created_at")}


def evaluate_real(screener, records: Iterable[dict], *, as_asn: bool = True) -> tuple[Metrics, dict[str, object]]:
    """Metrics over labelled real texts read as posts; also returns each item's result by id."""
    m = Metrics()
    results = {}
    records = list(records)
    items = []
    for rec in records:
        item = as_post(rec)
        item["author"] = {"is_asn": True, "role": None} if as_asn else None
        items.append(item)
    for rec, r in zip(records, screener.screen_many(items)):  # scored in batches, like the file pipeline
        results[rec["id"]] = r
        m.add(rec, r)
    return m, results


def dev_figures(data, *, params=None, final=None, k: int = 5, screener_options: dict | None = None) -> dict:
    """Dev figures of the training recipe on ``data`` (a ``training.TrainingData``):

    * ``real_cv``: the MIT-licensed dev posts, each scored by a model that never saw its near-duplicate group
      (k-fold over groups, retrained per fold with self-training);
    * ``real_csv``: the CC BY-NC-SA dev posts, scored by the model trained on everything (never trained on them);
    * ``real``: both together (the dev counterpart of the blind figure), and by source;
    * ``corpus``: Netra's corpus held-out split, scored by the model trained on everything.
    """
    from lab.screening import realdata, training
    from netra.screening.engine import Screener

    params = params or training.DEFAULTS
    final = final or training.train_on(data, params=params)
    screener = Screener(stages="packaged", model=final, **(screener_options or {}))
    mit = [r for r in data.real if realdata.trainable(r["source_file"])]
    other = [r for r in data.real if not realdata.trainable(r["source_file"])]
    results: dict[str, object] = {}
    for groups in folds_of(mit, k):
        model = training.train_on(data, exclude_groups=groups, params=params)
        held = [r for r in mit if r["group"] in groups]
        results.update(evaluate_real(screener.with_model(model), held)[1])
    results.update(evaluate_real(screener, other)[1])
    out = {"real": _metrics(data.real, results).to_dict()}
    for source in sorted({r["source_file"] for r in data.real}):
        out[f"real:{source}"] = _metrics([r for r in data.real if r["source_file"] == source], results).to_dict()
    out["corpus"] = evaluate(screener, data.corpus_held).to_dict()
    out["corpus:hand"] = evaluate(screener, [r for r in data.corpus_held if r.get("origin") == "hand"]).to_dict()
    out["_results"] = results
    return out


def folds_of(items: list[dict], k: int) -> list[set[str]]:
    from lab.screening.training import folds

    return [f for f in folds(items, k) if f]


def _metrics(records: list[dict], results: dict) -> Metrics:
    m = Metrics()
    for r in records:
        m.add(r, results[r["id"]])
    return m


def blind_figures(analyzer, model, before_model=None) -> tuple[dict, dict | None]:
    """The blind split (``measure.py --blind`` and ``netra model train --blind``): only after the lead's first
    blind measurement."""
    from lab.screening import realdata
    from netra.screening.engine import Screener

    shared = realdata.shared_dir()
    items = realdata.blind_labelled(shared, confirm=realdata.BLIND_CONFIRM)
    screener = Screener(stages="packaged", model=model)
    after = evaluate_real(screener, items)[0].to_dict()
    before = evaluate_real(screener.with_model(before_model), items)[0].to_dict() if before_model else None
    return after, before


# --- baselines (printed beside every figure, computed in the same run) ---------------------------------------------
class _Flag:
    """A baseline's answer, shaped like the screener's result for ``Metrics.add``."""

    class _Actor:
        def to_dict(self) -> dict:
            return {}

    def __init__(self, violation: bool):
        self.violation = violation
        self.family = "social_media" if violation else None
        self.score = 1.0 if violation else 0.0
        self.actor = self._Actor()
        self.reason = "baseline"


def keyword_regex(lexicon=None):
    """One regex over the screener's own keywords: its support, against, praise, attack and mockery phrases, and
    every written form of a ballot number or finger sign. A text matching it is flagged."""
    import re

    from netra.screening.lexicon import Lexicon

    lexicon = lexicon or Lexicon.load()
    words = sorted({p.lower() for kind in ("support", "against", "praise", "attack", "mock")
                    for p in lexicon.cues.get(kind, ())}, key=len, reverse=True)
    ballot = (r"(?:nomor|nomer|no|paslon|urut)\.?\s*(?:urut\s*)?0?\d\b|\b0[1-9]\b|salam\s*(?:\d|satu|dua|tiga|empat)"
              r"\s*jari|[\u261d\u270c\U0001f446\U0001f91f\U0001f44c]")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)|" + ballot, re.IGNORECASE)


# Names of the candidates in the contests the real sets come from (Pilpres 2024 and 2019, Pilkada DKI 2017,
# Pilkada 2018 in Jabar, Jatim, Jateng, Sumut): a measurement-only list for the "names a candidate" baseline.
CONTEST_NAMES = ("prabowo", "gibran", "anies", "muhaimin", "imin", "ganjar", "mahfud", "jokowi", "joko widodo",
                 "sandiaga", "sandi", "ma'ruf", "maruf", "ahok", "basuki", "djarot", "agus", "sylvi", "ridwan kamil",
                 "emil", "hasanuddin", "anton charliyan", "sudrajat", "syaikhu", "deddy mizwar", "demiz",
                 "dedi mulyadi", "khofifah", "gus ipul", "puti", "taj yasin", "sudirman said", "ida fauziyah",
                 "edy rahmayadi", "musa rajekshah", "sihar")


def names_regex(extra: Iterable[str] = ()):
    """"Flag every post that names a candidate": the contest names above, the learned names and the registry's."""
    import re

    names = sorted({n.lower() for n in (*CONTEST_NAMES, *extra)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")", re.IGNORECASE)


def evaluate_regex(rx, records: Iterable[dict]) -> Metrics:
    m = Metrics()
    for rec in records:
        m.add(rec, _Flag(bool(rx.search(rec["text"]))))
    return m
