"""Accuracy of "Bolehkah?" on the blind v6 question set (tests/guidance/questions_v6.yaml, issue 17, round six).

    .venv/bin/python -m tests.guidance.evaluate_v6 --check   # load and validate the file only; runs no engine
    .venv/bin/python -m tests.guidance.evaluate_v6           # the one blind measurement (the lead runs it, once)

The report of evaluate_v5, on v6's file: summary figures only (verdict, top-1, top-3, status; all of v6, per SHA-1
half and per status group), with no option to list misses, since the whole set is blind. --check runs v6's data
checks (tests/guidance/test_question_sets.py -k v6) and never the engine.
"""

from __future__ import annotations

from pathlib import Path

from tests.guidance import evaluate_v3

QUESTIONS = Path(__file__).resolve().parent / "questions_v6.yaml"

if __name__ == "__main__":
    evaluate_v3.main(QUESTIONS, "v6", __doc__, misses=False)
