"""Accuracy of the "Bolehkah?" engine on tests/guidance/questions.yaml.

    .venv/bin/python -m tests.guidance.evaluate              # both halves, summary
    .venv/bin/python -m tests.guidance.evaluate --half tune  # one half, with every miss listed
    .venv/bin/python -m tests.guidance.evaluate --misses     # list misses of both halves

The split is fixed: SHA-1 of the question id, even -> "tune", odd -> "held_out". Only the tune half was used
while tuning the lexicon, the allowed patterns and the weights.

top-1: the first rule is one of the expected ids. top-3: an expected id is among the first three.
verdict: the verdict equals the expected one. allowed: share of questions expected "allowed" answered "allowed".
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


def half_of(question_id: str) -> str:
    return "tune" if int(hashlib.sha1(question_id.encode()).hexdigest(), 16) % 2 == 0 else "held_out"


def load_questions() -> list[dict]:
    with open(QUESTIONS, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["questions"]


@dataclass
class Outcome:
    item: dict
    verdict: str
    rule_ids: tuple[str, ...]

    @property
    def top1(self) -> bool:
        return bool(self.rule_ids) and self.rule_ids[0] in self.item["rules"]

    @property
    def top3(self) -> bool:
        return any(r in self.item["rules"] for r in self.rule_ids[:3])

    @property
    def verdict_ok(self) -> bool:
        return self.verdict == self.item["verdict"]


@dataclass
class Figures:
    n: int
    top1: float
    top3: float
    verdict: float
    allowed_n: int
    allowed: float

    def line(self, name: str) -> str:
        return (f"{name:9s} n={self.n:3d}  top-1 {self.top1:6.1%}  top-3 {self.top3:6.1%}  verdict {self.verdict:6.1%}"
                f"  allowed answered allowed {self.allowed:6.1%} (of {self.allowed_n})")


def run(items: list[dict], engine=None) -> list[Outcome]:
    from netra.guidance import default_engine

    engine = engine or default_engine()
    out = []
    for item in items:
        when = item.get("when")
        a = engine.answer(item["q"], when=date.fromisoformat(str(when)) if when else None, subject=item.get("subject"))
        out.append(Outcome(item, a.verdict.value, a.rule_ids))
    return out


def figures(outcomes: list[Outcome]) -> Figures:
    n = len(outcomes) or 1
    allowed = [o for o in outcomes if o.item["verdict"] == "allowed"]
    return Figures(
        n=len(outcomes),
        top1=sum(o.top1 for o in outcomes) / n,
        top3=sum(o.top3 for o in outcomes) / n,
        verdict=sum(o.verdict_ok for o in outcomes) / n,
        allowed_n=len(allowed),
        allowed=sum(o.verdict == "allowed" for o in allowed) / (len(allowed) or 1),
    )


def misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.top1 and o.verdict_ok:
            continue
        flags = []
        if not o.top3:
            flags.append("TOP3-MISS")
        elif not o.top1:
            flags.append("top1-miss")
        if not o.verdict_ok:
            flags.append(f"verdict {o.verdict} != {o.item['verdict']}")
        lines.append(f"{o.item['id']} [{', '.join(flags)}] {o.item['q']!r}\n"
                     f"      expected {o.item['rules']}  got {list(o.rule_ids[:3])}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list every question answered wrongly")
    args = parser.parse_args()
    items = load_questions()
    halves = ["tune", "held_out"] if args.half == "all" else [args.half]
    everything: list[Outcome] = []
    for half in halves:
        outcomes = run([q for q in items if half_of(q["id"]) == half])
        everything += outcomes
        print(figures(outcomes).line(half))
        if args.misses or args.half != "all":
            for line in misses(outcomes):
                print("   ", line)
    if len(halves) == 2:
        print(figures(everything).line("all"))


if __name__ == "__main__":
    main()
