"""Measured, not assumed: the engine against the 88-question test set (targets from issue 3)."""

from __future__ import annotations

import pytest

from netra.guidance import SUBJECT_CHOICES, default_engine
from netra.rulebook import load_rulebook
from tests.guidance.evaluate import figures, half_of, load_questions, misses, run

QUESTIONS = load_questions()


@pytest.fixture(scope="module")
def outcomes():
    return run(QUESTIONS, default_engine())


def test_the_test_set_is_well_formed():
    book = load_rulebook()
    ids = [q["id"] for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    assert len(QUESTIONS) >= 60
    assert sum(q["verdict"] == "allowed" for q in QUESTIONS) >= 15
    assert {q["style"] for q in QUESTIONS} == {"formal", "informal"}
    for q in QUESTIONS:
        assert q["verdict"] in ("allowed", "not_allowed", "depends"), q["id"]
        assert q["rules"] and all(r in book for r in q["rules"]), q["id"]
        assert q.get("subject") in (None, *SUBJECT_CHOICES), q["id"]
    halves = {half_of(i) for i in ids}
    assert halves == {"tune", "held_out"}


def test_top3_accuracy_is_at_least_95_percent(outcomes):
    result = figures(outcomes)
    print(result.line("all"))
    assert result.top3 >= 0.95, "\n".join(misses(outcomes))


@pytest.mark.parametrize("half", ["tune", "held_out"])
def test_each_half_is_reported(outcomes, half):
    part = [o for o in outcomes if half_of(o.item["id"]) == half]
    result = figures(part)
    print(result.line(half))
    assert result.n > 30


def test_every_allowed_question_is_answered_allowed(outcomes):
    wrong = [o for o in outcomes if o.item["verdict"] == "allowed" and o.verdict != "allowed"]
    assert not wrong, [(o.item["id"], o.item["q"], o.verdict) for o in wrong]


def test_verdicts_match(outcomes):
    result = figures(outcomes)
    assert result.verdict >= 0.95, "\n".join(misses(outcomes))
