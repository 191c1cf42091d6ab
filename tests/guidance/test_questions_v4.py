"""The v4 "Bolehkah?" question set (issue 17, round four: the blind set) is well formed.

Data checks only: this module never imports or runs the guidance engine. The field rules are v2's and v3's (see the
header of questions_v4.yaml) and the checks are their own functions, so all sets are judged alike. v4 adds that at
least 40% of its questions turn on the asker's status or a condition (round four's aim), and that v2's and v3's
questions count among the texts v4 must not copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.guidance.test_questions_v2 import (
    OTHER_SUBJECTS,
    check_coverage,
    check_fields,
    check_halves,
    check_new,
    check_rules,
    earlier_texts,
)
from tests.guidance.test_questions_v2 import ITEMS as V2_ITEMS
from tests.guidance.test_questions_v3 import ITEMS as V3_ITEMS
from tests.guidance.test_questions_v3 import _binds, check_in_force_and_election

V4 = Path(__file__).resolve().parent / "questions_v4.yaml"
ITEMS: list[dict] = yaml.safe_load(V4.read_text(encoding="utf-8"))["questions"]


def _id(item: dict) -> str:
    return item["id"]


def _turns_on_status_or_condition(item: dict) -> bool:
    return item["needs_status"] or item["status"] in OTHER_SUBJECTS or bool(item.get("condition"))


def test_at_least_200_questions_with_ids_v4_001_onwards():
    assert len(ITEMS) >= 200
    assert sorted(q["id"] for q in ITEMS) == [f"v4-{n:03d}" for n in range(1, len(ITEMS) + 1)]


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_fields_are_valid(item):
    check_fields(item)


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_rules_exist_and_bind_the_asker(item):
    check_rules(item, binds=_binds)


@pytest.mark.parametrize("item", [q for q in ITEMS if "when" in q and q["rules"]], ids=_id)
def test_dated_questions_list_only_rules_in_force_that_day_and_of_that_election(item):
    check_in_force_and_election(item)


def test_the_set_covers_other_subjects_conditions_and_acts_that_serve_the_election():
    check_coverage(ITEMS)
    assert sum("when" in q for q in ITEMS) >= len(ITEMS) / 3
    assert all(sum(q["status"] == s for q in ITEMS) >= 5 for s in OTHER_SUBJECTS)


def test_at_least_40_percent_turn_on_the_askers_status_or_a_condition():
    assert sum(map(_turns_on_status_or_condition, ITEMS)) >= 0.4 * len(ITEMS)


def test_halves_are_balanced_within_10_percent():
    check_halves(ITEMS)


def test_questions_are_new_not_copies_of_earlier_sets_or_the_rulebook_examples():
    earlier = [(f"{name} {q['id']}", q["q"]) for name, items in (("questions_v2.yaml", V2_ITEMS),
                                                                  ("questions_v3.yaml", V3_ITEMS)) for q in items]
    check_new(ITEMS, earlier_texts() + earlier)
