"""Accuracy of "Bolehkah?" on the blind v4 question set (tests/guidance/questions_v4.yaml, issue 17, round four).

    .venv/bin/python -m tests.guidance.evaluate_v4 --check   # load and validate the file only; runs no engine
    .venv/bin/python -m tests.guidance.evaluate_v4           # the one blind measurement (the lead runs it, once)

Figures only, never a list of misses: the whole set is blind, so nothing about single questions may reach whoever
tunes the engine. Scoring is v2's and the report v3's (tests/guidance/evaluate_v3.main, reused with v4's file):
verdict, top-1 and top-3 rule, and status, for all of v4, per half (the SHA-1 split of evaluate.py, kept for
comparison with v2 and v3) and per status group: civil servants (PNS, PPPK, or "ASN" unspecified), other subjects
(non-ASN, retired, spouses, citizens, village heads, village officials, BPD, TNI/Polri), and questions that need the
status.
"""

from __future__ import annotations

from pathlib import Path

from tests.guidance import evaluate_v3

QUESTIONS = Path(__file__).resolve().parent / "questions_v4.yaml"

if __name__ == "__main__":
    evaluate_v3.main(QUESTIONS, "v4", __doc__)
