"""The v3 "Bolehkah?" question set (issue 17, round three: the blind set) is well formed.

Data checks only: this module never imports or runs the guidance engine. The field rules are v2's (see the header of
questions_v3.yaml); the helpers that decide them are imported from test_questions_v2, so both sets are judged alike.
"""

from __future__ import annotations

import difflib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.guidance.evaluate import half_of
from tests.guidance.evaluate import load_questions as load_v1_questions
from tests.guidance.test_questions_v2 import (
    BIND_OTHERS,
    BOOK,
    BPD_RULES,
    GAP_MARK,
    OPTIONAL,
    OTHER_SUBJECTS,
    REQUIRED,
    STATUSES,
    SUBJECT_OF,
    VERDICTS,
    _election_of,
    _group,
    _norm,
    _verdict_kind,
)
from tests.guidance.test_questions_v2 import ITEMS as V2_ITEMS

V3 = Path(__file__).resolve().parent / "questions_v3.yaml"
ITEMS: list[dict] = yaml.safe_load(V3.read_text(encoding="utf-8"))["questions"]
# Since round two the rulebook has a subject code for BPD members (uu6_2014.64.h, uu10_2016.69.h bind them).
SUBJECT_OF_V3 = {**SUBJECT_OF, "bpd": "bpd"}
# Rules of one election's statute never answer a question dated in the other election.
STATUTE_OF = {"uu7_2017.": "pemilu2024", "uu10_2016.": "pilkada2024"}


def _id(item: dict) -> str:
    return item["id"]


def _binds(rule_id: str, status: str) -> bool:
    if status == "bpd" and rule_id in BPD_RULES:
        return True
    subject = SUBJECT_OF_V3.get(status)
    return subject is not None and BOOK.get(rule_id).binds(subject)


def _other(item: dict) -> bool:
    return item["status"] in OTHER_SUBJECTS or item["needs_status"] or bool(item.get("condition"))


def test_at_least_160_questions_with_ids_v3_001_onwards():
    ids = [q["id"] for q in ITEMS]
    assert len(ITEMS) >= 160
    assert sorted(ids) == [f"v3-{n:03d}" for n in range(1, len(ITEMS) + 1)]


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_fields_are_valid(item):
    assert REQUIRED <= item.keys() <= REQUIRED | OPTIONAL
    assert isinstance(item["q"], str) and item["q"].strip()
    assert isinstance(item["note"], str) and len(item["note"]) > 20
    assert item["style"] in ("formal", "informal")
    assert item["status"] in (None, *STATUSES)
    assert isinstance(item["needs_status"], bool)
    if item["needs_status"]:
        # A question that needs the status cannot have one, and its answer must really change with it.
        assert item["status"] is None and "verdict" not in item
        by_status = item["verdict_by_status"]
        assert set(by_status) <= set(STATUSES) and len(by_status) >= 2
        assert set(by_status.values()) <= set(VERDICTS) and len(set(by_status.values())) >= 2
        verdicts = set(by_status.values())
    else:
        assert "verdict_by_status" not in item
        assert item["verdict"] in VERDICTS
        verdicts = {item["verdict"]}
    assert ("depends" in verdicts) == bool(item.get("condition")), "a condition goes with, and only with, depends"
    if "when" in item:
        assert isinstance(item["when"], date) and date(2023, 1, 1) <= item["when"] <= date(2024, 12, 31)


@pytest.mark.parametrize("item", ITEMS, ids=_id)
def test_rules_exist_and_bind_the_asker(item):
    rules = item["rules"]
    assert len(rules) == len(set(rules))
    assert all(r in BOOK for r in rules), [r for r in rules if r not in BOOK]
    assert not BIND_OTHERS & set(rules), "rules that bind candidates or campaign teams are never the asker's"
    if item["needs_status"]:
        bound = [s for s, v in item["verdict_by_status"].items() if v != "allowed"]
        for r in rules:
            assert any(_binds(r, s) for s in bound), f"{r} binds none of {bound}"
    elif item["status"] is None:
        for r in rules:
            assert _binds(r, "pns") or _binds(r, "pppk"), f"{r} binds neither PNS nor PPPK"
    else:
        for r in rules:
            assert _binds(r, item["status"]), f"{r} does not bind {item['status']}"
    if not rules and not item["needs_status"] and item["verdict"] != "allowed":
        assert GAP_MARK in item["note"], "an empty rule list on a prohibition must name the missing instrument"


@pytest.mark.parametrize("item", [q for q in ITEMS if "when" in q and q["rules"]], ids=_id)
def test_dated_questions_list_only_rules_in_force_that_day_and_of_that_election(item):
    day = item["when"]
    election = _election_of(day)
    facts = {"candidates_set": election.candidates_set(day), "in_campaign": election.in_campaign(day)}
    idle = [r for r in item["rules"] if not BOOK.get(r).period.applies(**facts)]
    assert not idle, f"not in force on {day} ({election.id}: {facts})"
    foreign = [r for r in item["rules"] for prefix, e in STATUTE_OF.items() if r.startswith(prefix) and e != election.id]
    assert not foreign, f"{foreign} belong to another election than {election.id}"


def test_the_set_covers_other_subjects_conditions_and_acts_that_serve_the_election():
    assert sum(_other(q) for q in ITEMS) >= len(ITEMS) / 3
    statuses = Counter(q["status"] for q in ITEMS)
    assert all(statuses[s] >= 4 for s in STATUSES), statuses
    kinds = Counter(_verdict_kind(q) for q in ITEMS)
    assert kinds["allowed"] >= 40 and kinds["depends"] >= 10 and kinds["by_status"] >= 12, kinds
    # Allowed with no rule at all: voting, poll work, reporting to Bawaslu, official KPU events, free citizens.
    assert sum(q.get("verdict") == "allowed" and not q["rules"] for q in ITEMS) >= 30
    styles = Counter(q["style"] for q in ITEMS)
    assert min(styles.values()) >= len(ITEMS) / 4, styles
    assert sum("when" in q for q in ITEMS) >= len(ITEMS) / 3


def test_halves_are_balanced_within_10_percent():
    halves = {h: [q for q in ITEMS if half_of(q["id"]) == h] for h in ("tune", "held_out")}
    assert abs(len(halves["tune"]) - len(halves["held_out"])) <= 0.10 * len(ITEMS)
    attributes = {
        "group": _group,
        "verdict": _verdict_kind,
        "style": lambda q: q["style"],
        "dated": lambda q: "when" in q,
        "rule gap": lambda q: not q["rules"] and _verdict_kind(q) != "allowed",
    }
    for name, key in attributes.items():
        shares = {h: Counter(key(q) for q in part) for h, part in halves.items()}
        for value in set(shares["tune"]) | set(shares["held_out"]):
            tune = shares["tune"][value] / len(halves["tune"])
            held = shares["held_out"][value] / len(halves["held_out"])
            assert abs(tune - held) <= 0.10, f"{name}={value}: tune {tune:.0%} vs held_out {held:.0%}"
        for h, part in halves.items():
            assert sum(_other(q) for q in part) >= len(part) / 3, h


def test_questions_are_new_not_copies_of_earlier_sets_or_the_rulebook_examples():
    seen = [("questions.yaml " + q["id"], q["q"]) for q in load_v1_questions()]
    seen += [("questions_v2.yaml " + q["id"], q["q"]) for q in V2_ITEMS]
    for rule in BOOK:
        seen += [(f"{rule.id} example", e.text) for e in (*rule.examples.forbidden, *rule.examples.allowed)]
    texts = [_norm(q["q"]) for q in ITEMS]
    assert len(set(texts)) == len(texts), "duplicate questions"
    matcher = difflib.SequenceMatcher(autojunk=False)
    for where, other in seen:
        matcher.set_seq2(_norm(other).split())  # compared word by word; seq2 is cached, so it is the outer loop
        for item, text in zip(ITEMS, texts):
            matcher.set_seq1(text.split())
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:  # cheap upper bounds first
                ratio = matcher.ratio()
                assert ratio < 0.6, f"{item['id']} is a near copy ({ratio:.2f}) of {where}: {other!r}"
