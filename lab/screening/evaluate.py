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
    for rec in labelled:
        item = {k: rec.get(k) for k in ("id", "text", "source", "author", "created_at", "region") if k in rec}
        if as_asn:
            item["author"] = {"is_asn": True, "role": None}
        m.add(rec, screener.screen(item))
    return m
