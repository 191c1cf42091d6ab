"""Accuracy of "Bolehkah?" on the blind v7 question set (tests/guidance/questions_v7.yaml, issue 17, round seven).

    .venv/bin/python -m tests.guidance.evaluate_v7 --check   # load and validate the file only; runs no engine
    .venv/bin/python -m tests.guidance.evaluate_v7           # the one blind measurement (the lead runs it, once)

The report of evaluate_v5 and evaluate_v6, on v7's file: summary figures only (verdict, top-1, top-3, status; all of
v7, per SHA-1 half and per status group), with no option to list misses, since the whole set is blind. --check runs
v7's data checks (tests/guidance/test_question_sets.py -k v7) and never the engine.
"""

from __future__ import annotations

from pathlib import Path

from tests.guidance import evaluate_v3

QUESTIONS = Path(__file__).resolve().parent / "questions_v7.yaml"

if __name__ == "__main__":
    evaluate_v3.main(QUESTIONS, "v7", __doc__, misses=False)
