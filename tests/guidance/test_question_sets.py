"""Every "Bolehkah?" question set of issue 17 (questions_v2.yaml ... questions_v7.yaml) is well formed.

Data checks only: this module never imports or runs the guidance engine, so each set passes or fails on its questions
alone (the engine's accuracy is measured elsewhere: tests/guidance/evaluate_v2.py ... evaluate_v7.py). The checks are
tests/guidance/question_checks.py's; each set keeps the thresholds and coverage rules it was written against (SETS):
v3 adds that one election's statute never answers a question dated in the other, v4 that 40% turn on the asker's
status or a condition, v5 that rulebook gaps stay a small share, v6 that the general election offences (binding
everyone, retired people, spouses and citizens included) stay a small share, v7 both shares (v6's rules plus v5's
gap share). Each set must not copy the earlier ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.guidance.question_checks import (
    GAP_MARK,
    OTHER_SUBJECTS,
    STATUSES,
    binds_v2,
    binds_v3,
    binds_v6,
    check_coverage,
    check_fields,
    check_halves,
    check_ids,
    check_in_force,
    check_in_force_and_election,
    check_new,
    check_rules,
    cites_general_offence,
    earlier_texts,
    turns_on_status_or_condition,
)

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class QuestionSet:
    name: str  # the id prefix, e.g. "v6"
    minimum: int  # at least this many questions
    binds: Callable[[str, str], bool]  # whether a rule binds a status, as the set's header defines it
    in_force: Callable[[dict], None]  # the check on a dated question's rules
    statuses_each: tuple[str, ...] = ()  # each of these statuses asked by at least 5 questions
    dated_third: bool = False  # at least a third of the questions dated
    status_or_condition: bool = False  # at least 40% turn on the asker's status or a condition
    gap_share: bool = False  # rulebook gaps (GAP_MARK): some, at most 15%
    general_share: bool = False  # general election offences (cited, or a named gap): some, at most 15%

    @property
    def path(self) -> Path:
        return HERE / f"questions_{self.name}.yaml"


SETS = (
    QuestionSet("v2", 160, binds_v2, check_in_force),
    QuestionSet("v3", 160, binds_v3, check_in_force_and_election, tuple(sorted(OTHER_SUBJECTS)), dated_third=True),
    QuestionSet("v4", 200, binds_v3, check_in_force_and_election, tuple(sorted(OTHER_SUBJECTS)), dated_third=True,
                status_or_condition=True),
    QuestionSet("v5", 200, binds_v3, check_in_force_and_election, STATUSES, dated_third=True,
                status_or_condition=True, gap_share=True),
    QuestionSet("v6", 200, binds_v6, check_in_force_and_election, STATUSES, dated_third=True,
                status_or_condition=True, general_share=True),
    QuestionSet("v7", 200, binds_v6, check_in_force_and_election, STATUSES, dated_third=True,
                status_or_condition=True, gap_share=True, general_share=True),
)
BY_NAME = {s.name: s for s in SETS}


@cache
def items_of(name: str) -> tuple[dict, ...]:
    return tuple(yaml.safe_load(BY_NAME[name].path.read_text(encoding="utf-8"))["questions"])


def _cases(keep=lambda item: True):
    return [pytest.param(s, item, id=item["id"]) for s in SETS for item in items_of(s.name) if keep(item)]


def _sets(flag: str | None = None):
    return [pytest.param(s, id=s.name) for s in SETS if flag is None or getattr(s, flag)]


@pytest.mark.parametrize("qset", _sets())
def test_enough_questions_with_ids_from_001(qset):
    check_ids(list(items_of(qset.name)), qset.name, qset.minimum)


@pytest.mark.parametrize(("qset", "item"), _cases())
def test_fields_are_valid(qset, item):
    check_fields(item)


@pytest.mark.parametrize(("qset", "item"), _cases())
def test_rules_exist_and_bind_the_asker(qset, item):
    check_rules(item, binds=qset.binds)


@pytest.mark.parametrize(("qset", "item"), _cases(lambda item: "when" in item and item["rules"]))
def test_dated_questions_list_only_rules_in_force_that_day(qset, item):
    qset.in_force(item)


@pytest.mark.parametrize("qset", _sets())
def test_the_set_covers_other_subjects_conditions_and_acts_that_serve_the_election(qset):
    items = items_of(qset.name)
    check_coverage(list(items))
    if qset.dated_third:
        assert sum("when" in q for q in items) >= len(items) / 3
    assert all(sum(q["status"] == s for q in items) >= 5 for s in qset.statuses_each)


@pytest.mark.parametrize("qset", _sets("status_or_condition"))
def test_at_least_40_percent_turn_on_the_askers_status_or_a_condition(qset):
    items = items_of(qset.name)
    assert sum(map(turns_on_status_or_condition, items)) >= 0.4 * len(items)


@pytest.mark.parametrize("qset", _sets("gap_share"))
def test_rulebook_gaps_stay_a_small_share(qset):
    items = items_of(qset.name)
    gaps = [q["id"] for q in items if GAP_MARK in q["note"]]
    assert 0 < len(gaps) <= 0.15 * len(items), gaps


@pytest.mark.parametrize("qset", _sets("general_share"))
def test_general_election_offences_stay_a_small_share(qset):
    items = items_of(qset.name)
    general = [q["id"] for q in items if cites_general_offence(q)]
    assert 0 < len(general) <= 0.15 * len(items), general


@pytest.mark.parametrize("qset", _sets())
def test_halves_are_balanced_within_10_percent(qset):
    check_halves(list(items_of(qset.name)))


@pytest.mark.parametrize("qset", _sets())
def test_questions_are_new_not_copies_of_earlier_sets_or_the_rulebook_examples(qset):
    earlier = [s.name for s in SETS[: SETS.index(qset)]]
    seen = earlier_texts() + [(f"questions_{name}.yaml {q['id']}", q["q"]) for name in earlier for q in items_of(name)]
    check_new(list(items_of(qset.name)), seen)
