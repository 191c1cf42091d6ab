"""The v3 "Bolehkah?" question set (issue 17, round three: the blind set) is well formed.

Data checks only: this module never imports or runs the guidance engine. The field rules are v2's (see the header of
questions_v3.yaml), and the checks are test_questions_v2's own functions, so both sets are judged alike; v3 adds that
rules of one election's statute never answer a question dated in the other election, and that v2's questions count
among the texts v3 must not copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.guidance.test_questions_v2 import (
    BOOK,
    BPD_RULES,
    OTHER_SUBJECTS,
    SUBJECT_OF,
    _election_of,
    check_coverage,
    check_fields,
    check_halves,
    check_in_force,
    check_new,
    check_rules,
    earlier_texts,
)
from tests.guidance.test_questions_v2 import ITEMS as V2_ITEMS

V3 = Path(__file__).resolve().parent / "questions_v3.yaml"
ITEMS: list[dict] = yaml.safe_load(V3.read_text(encoding="utf-8"))["questions"]
# Since round two the rulebook has a subject code for BPD members (uu6_2014.64.h and uu10_2016.69.h bind them).
SUBJECT_OF_V3 = {**SUBJECT_OF, "bpd": "bpd"}
STATUTE_OF = {"uu7_2017.": "pemilu2024", "uu10_2016.": "pilkada2024"}


def _id(item: dict) -> str:
    return item["id"]


def _binds(rule_id: str, status: str) -> bool:
    if status == "bpd" and rule_id in BPD_RULES:
        return True
    subject = SUBJECT_OF_V3.get(status)
    return subject is not None and BOOK.get(rule_id).binds(subject)


def test_at_least_160_questions_with_ids_v3_001_onwards():
    assert len(ITEMS) >= 160
    assert sorted(q["id"] for q in ITEMS) == [f"v3-{n:03d}" for n in range(1, len(ITEMS) + 1)]


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_fields_are_valid(item):
    check_fields(item)


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_rules_exist_and_bind_the_asker(item):
    check_rules(item, binds=_binds)


def check_in_force_and_election(item: dict) -> None:
    """Only rules in force that day, and no rule of the other election's statute (test_questions_v4 reuses it)."""
    check_in_force(item)
    election = _election_of(item["when"]).id
    foreign = [r for r in item["rules"] for prefix, e in STATUTE_OF.items() if r.startswith(prefix) and e != election]
    assert not foreign, f"{foreign} belong to another election than {election}"


@pytest.mark.parametrize("item", [q for q in ITEMS if "when" in q and q["rules"]], ids=_id)
def test_dated_questions_list_only_rules_in_force_that_day_and_of_that_election(item):
    check_in_force_and_election(item)


def test_the_set_covers_other_subjects_conditions_and_acts_that_serve_the_election():
    check_coverage(ITEMS)
    assert sum("when" in q for q in ITEMS) >= len(ITEMS) / 3
    # The round-two subjects each get questions of their own.
    assert all(sum(q["status"] == s for q in ITEMS) >= 5 for s in OTHER_SUBJECTS)


def test_halves_are_balanced_within_10_percent():
    check_halves(ITEMS)


def test_questions_are_new_not_copies_of_earlier_sets_or_the_rulebook_examples():
    check_new(ITEMS, earlier_texts() + [("questions_v2.yaml " + q["id"], q["q"]) for q in V2_ITEMS])
