"""The v5 "Bolehkah?" question set (issue 17, round five: the blind set) is well formed.

Data checks only: this module never imports or runs the guidance engine. The field rules are v2's, v3's and v4's (see
the header of questions_v5.yaml) and the checks are their own functions, so all sets are judged alike. v5 adds that
v4's questions count among the texts v5 must not copy, and that the questions on general election law the rulebook
does not hold yet (vote buying, quiet period, places of worship, props, voting twice: rule gaps on everyone's acts)
stay at most ~15% of the set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.guidance.test_questions_v2 import (
    GAP_MARK,
    STATUSES,
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
from tests.guidance.test_questions_v4 import ITEMS as V4_ITEMS
from tests.guidance.test_questions_v4 import _turns_on_status_or_condition

V5 = Path(__file__).resolve().parent / "questions_v5.yaml"
ITEMS: list[dict] = yaml.safe_load(V5.read_text(encoding="utf-8"))["questions"]


def _id(item: dict) -> str:
    return item["id"]


def test_at_least_200_questions_with_ids_v5_001_onwards():
    assert len(ITEMS) >= 200
    assert sorted(q["id"] for q in ITEMS) == [f"v5-{n:03d}" for n in range(1, len(ITEMS) + 1)]


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_fields_are_valid(item):
    check_fields(item)


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_rules_exist_and_bind_the_asker(item):
    check_rules(item, binds=_binds)


@pytest.mark.parametrize("item", [q for q in ITEMS if "when" in q and q["rules"]], ids=_id)
def test_dated_questions_list_only_rules_in_force_that_day_and_of_that_election(item):
    check_in_force_and_election(item)


def test_the_set_covers_every_status_conditions_and_acts_that_serve_the_election():
    check_coverage(ITEMS)
    assert sum("when" in q for q in ITEMS) >= len(ITEMS) / 3
    assert all(sum(q["status"] == s for q in ITEMS) >= 5 for s in STATUSES)


def test_at_least_40_percent_turn_on_the_askers_status_or_a_condition():
    assert sum(map(_turns_on_status_or_condition, ITEMS)) >= 0.4 * len(ITEMS)


def test_rulebook_gaps_stay_a_small_share():
    # General election law is not yet in the rulebook: its questions name the article in the note (GAP_MARK).
    gaps = [q["id"] for q in ITEMS if GAP_MARK in q["note"]]
    assert 0 < len(gaps) <= 0.15 * len(ITEMS), gaps


def test_halves_are_balanced_within_10_percent():
    check_halves(ITEMS)


def test_questions_are_new_not_copies_of_earlier_sets_or_the_rulebook_examples():
    earlier = [(f"{name} {q['id']}", q["q"]) for name, items in (("questions_v2.yaml", V2_ITEMS),
                                                                  ("questions_v3.yaml", V3_ITEMS),
                                                                  ("questions_v4.yaml", V4_ITEMS)) for q in items]
    check_new(ITEMS, earlier_texts() + earlier)
