"""Accuracy of "Bolehkah?" on the v3 question set (tests/guidance/questions_v3.yaml, issue 17, round three).

    .venv/bin/python -m tests.guidance.evaluate_v3 --check                 # load and validate the file; no engine
    .venv/bin/python -m tests.guidance.evaluate_v3                         # figures only
    .venv/bin/python -m tests.guidance.evaluate_v3 --misses [--half tune]  # with the misses (of one half)

v3 used for tuning from round four; the blind set is v4 (questions_v4.yaml, measured by the lead only). Round four
measured v3 once, figures only, before any v3 miss was read (its commit message records the figure), then tuned on
the tune half's misses and checked that the held-out half moved too. Scoring is v2's (see tests/guidance/evaluate_v2.py, whose functions this module reuses): verdict,
top-1 and top-3 rule, and status. Figures are given for all of v3, per half (the SHA-1 split of evaluate.py, kept for
comparison with v2) and per status group: civil servants (PNS, PPPK, or "ASN" unspecified), other subjects
(non-ASN, retired, spouses, citizens, village heads, village officials, BPD, TNI/Polri), and questions that need
the status.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tests.guidance.evaluate import half_of
from tests.guidance.evaluate_v2 import line, load, miss_line, run
from tests.guidance.question_checks import group_of

QUESTIONS = Path(__file__).resolve().parent / "questions_v3.yaml"
DATA_TEST = Path(__file__).with_name("test_question_sets.py")  # the data checks of every set
GROUPS = ("asn", "other", "needs_status")


def check(name: str = "v3") -> list[str]:
    """What is wrong with the set, without the engine: the data test's checks of that set, run on the file as it
    stands (test ids carry the set's name: "v3-001", "v3")."""
    import pytest

    code = pytest.main(["-q", "-p", "no:cacheprovider", str(DATA_TEST), "-k", name])
    return [] if code == 0 else [f"{DATA_TEST.name} -k {name} failed (exit code {int(code)})"]


def summary(items: list[dict]) -> str:
    kinds = Counter("needs_status" if q["needs_status"] else q["verdict"] for q in items)
    halves = Counter(half_of(q["id"]) for q in items)
    dated = sum("when" in q for q in items)
    return (f"{len(items)} questions: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
            + f"; dated {dated}; halves " + ", ".join(f"{h} {n}" for h, n in sorted(halves.items())))


def main(questions: Path = QUESTIONS, name: str = "v3", doc: str = __doc__, misses: bool = True) -> None:
    """Figures only (evaluate_v4/v5/v6/v7 call this with their own set, name and description; a blind set passes
    misses=False so that no option can list single questions)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only load and validate the file; run no engine")
    if misses:
        parser.add_argument("--misses", action="store_true", help="list the misses (v3 is a tuning set from round four)")
        parser.add_argument("--half", choices=["tune", "held_out", "all"], default="all", help="misses of one half only")
    args = parser.parse_args()
    items = load(questions)
    if args.check:
        problems = check(name)
        print(summary(items))
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1 if problems else 0)
    outcomes = run(items)
    print(line(f"all {name}", outcomes))
    for half in ("tune", "held_out"):
        print(line(half, [o for o in outcomes if half_of(o.item["id"]) == half]))
    for group in GROUPS:
        print(line(group, [o for o in outcomes if group_of(o.item) == group]))
    if misses and args.misses:
        for o in outcomes:
            if args.half in ("all", half_of(o.item["id"])) and not (o.verdict_ok and o.top3 and o.status_ok):
                print(miss_line(o))


if __name__ == "__main__":
    main()
