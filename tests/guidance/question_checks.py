"""The well-formedness checks every "Bolehkah?" question set (issue 17: questions_v2.yaml ... questions_v7.yaml) is
judged by: data only, never the guidance engine, so a set passes or fails on its questions alone.

tests/guidance/test_question_sets.py runs them on each set with that set's own thresholds.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from datetime import date

from netra.elections import load_elections
from netra.rulebook import load_rulebook
from tests.guidance.evaluate import half_of
from tests.guidance.evaluate import load_questions as load_v1_questions

BOOK = load_rulebook()

STATUSES = ("pns", "pppk", "honorer", "pensiunan", "kepala_desa", "perangkat_desa", "bpd", "tni_polri",
            "pasangan_asn", "warga")
VERDICTS = ("allowed", "not_allowed", "depends")
REQUIRED = {"id", "q", "style", "status", "needs_status", "rules", "note"}
OPTIONAL = {"verdict", "verdict_by_status", "condition", "when"}
# The asker's status as the rulebook's subject code. Statuses missing here are bound by no rule of the rulebook.
SUBJECT_OF = {"pns": "pns", "pppk": "pppk", "honorer": "non_asn", "kepala_desa": "village_head",
              "perangkat_desa": "village_official", "tni_polri": "tni_polri"}
# UU 7/2017 Pasal 280 ayat (3) jo. 494 also bind BPD members, who had no subject code in v2 (see uu7_2017.280's note).
BPD_RULES = {"uu7_2017.280", "uu7_2017.494"}
# Since round two the rulebook has a subject code for BPD members (uu6_2014.64.h and uu10_2016.69.h bind them).
SUBJECT_OF_V3 = {**SUBJECT_OF, "bpd": "bpd"}
# These list the people they protect as subjects but bind candidates or campaign teams (see their notes), so they are
# never the basis of an answer to the protected person.
BIND_OTHERS = {"uu10_2016.70", "uu10_2016.189", "uu7_2017.493"}
# Non-ASN, village and security subjects: issue 17 asks for at least a third of the set on these or on conditions.
OTHER_SUBJECTS = {"honorer", "pensiunan", "pasangan_asn", "warga", "kepala_desa", "perangkat_desa", "bpd", "tni_polri"}
GAP_MARK = "Not in the rulebook"
STATUTE_OF = {"uu7_2017.": "pemilu2024", "uu10_2016.": "pilkada2024"}


def binds_v2(rule_id: str, status: str) -> bool:
    if status == "bpd":
        return rule_id in BPD_RULES
    subject = SUBJECT_OF.get(status)
    return subject is not None and BOOK.get(rule_id).binds(subject)


def binds_v3(rule_id: str, status: str) -> bool:
    if status == "bpd" and rule_id in BPD_RULES:
        return True
    subject = SUBJECT_OF_V3.get(status)
    return subject is not None and BOOK.get(rule_id).binds(subject)


def binds_v6(rule_id: str, status: str) -> bool:
    """v3's, and the general election offences (election_offences.yaml, subjects: everyone) bind every status:
    retired people, spouses and citizens too."""
    return BOOK.get(rule_id).binds_everyone or binds_v3(rule_id, status)


def group_of(item: dict) -> str:
    if item["needs_status"]:
        return "needs_status"
    return "other" if item["status"] in OTHER_SUBJECTS else "asn"


def verdict_kind(item: dict) -> str:
    return "by_status" if item["needs_status"] else item["verdict"]


def turns_on_status_or_condition(item: dict) -> bool:
    return item["needs_status"] or item["status"] in OTHER_SUBJECTS or bool(item.get("condition"))


def cites_general_offence(item: dict) -> bool:
    """A question on general election law (binding everyone): it cites such a rule, or names the missing one."""
    return any(BOOK.get(r).binds_everyone for r in item["rules"]) or GAP_MARK in item["note"]


def election_of(day: date):
    """The election running on `day`, or the next one (Pilkada 2024 for mid-2024 questions)."""
    upcoming = [e for e in load_elections() if e.last_day >= day]
    assert upcoming, f"no election after {day}"
    return min(upcoming, key=lambda e: e.last_day)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def check_ids(items: list[dict], prefix: str, minimum: int) -> None:
    assert len(items) >= minimum
    assert sorted(q["id"] for q in items) == [f"{prefix}-{n:03d}" for n in range(1, len(items) + 1)]


def check_fields(item: dict) -> None:
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


def check_rules(item: dict, binds=binds_v2) -> None:
    rules = item["rules"]
    assert len(rules) == len(set(rules))
    assert all(r in BOOK for r in rules), [r for r in rules if r not in BOOK]
    assert not BIND_OTHERS & set(rules), "rules that bind candidates or campaign teams are never the asker's"
    if item["needs_status"]:
        bound = [s for s, v in item["verdict_by_status"].items() if v != "allowed"]
        for r in rules:
            assert any(binds(r, s) for s in bound), f"{r} binds none of {bound}"
    elif item["status"] is None:
        for r in rules:
            assert binds(r, "pns") or binds(r, "pppk"), f"{r} binds neither PNS nor PPPK"
    else:
        for r in rules:
            assert binds(r, item["status"]), f"{r} does not bind {item['status']}"
    if not rules and not item["needs_status"] and item["verdict"] != "allowed":
        assert GAP_MARK in item["note"], "an empty rule list on a prohibition must name the missing instrument"


def check_in_force(item: dict) -> None:
    day = item["when"]
    election = election_of(day)
    facts = {"candidates_set": election.candidates_set(day), "in_campaign": election.in_campaign(day)}
    idle = [r for r in item["rules"] if not BOOK.get(r).period.applies(**facts)]
    assert not idle, f"not in force on {day} ({election.id}: {facts})"


def check_in_force_and_election(item: dict) -> None:
    """Only rules in force that day, and no rule of the other election's statute (from v3 on)."""
    check_in_force(item)
    election = election_of(item["when"]).id
    foreign = [r for r in item["rules"] for prefix, e in STATUTE_OF.items() if r.startswith(prefix) and e != election]
    assert not foreign, f"{foreign} belong to another election than {election}"


def check_coverage(items: list[dict]) -> None:
    other = [q for q in items if q["status"] in OTHER_SUBJECTS or q["needs_status"] or q.get("condition")]
    assert len(other) >= len(items) / 3
    statuses = Counter(q["status"] for q in items)
    assert all(statuses[s] >= 4 for s in STATUSES), statuses
    kinds = Counter(verdict_kind(q) for q in items)
    assert kinds["allowed"] >= 40 and kinds["depends"] >= 10 and kinds["by_status"] >= 12, kinds
    # Allowed with no rule at all: voting, poll work, reporting to Bawaslu, official KPU events, free citizens.
    assert sum(q.get("verdict") == "allowed" and not q["rules"] for q in items) >= 30
    styles = Counter(q["style"] for q in items)
    assert min(styles.values()) >= len(items) / 4, styles


def check_halves(items: list[dict]) -> None:
    halves = {h: [q for q in items if half_of(q["id"]) == h] for h in ("tune", "held_out")}
    assert abs(len(halves["tune"]) - len(halves["held_out"])) <= 0.10 * len(items)
    attributes = {
        "group": group_of,
        "verdict": verdict_kind,
        "style": lambda q: q["style"],
        "dated": lambda q: "when" in q,
        "rule gap": lambda q: not q["rules"] and verdict_kind(q) != "allowed",
    }
    for name, key in attributes.items():
        shares = {h: Counter(key(q) for q in part) for h, part in halves.items()}
        for value in set(shares["tune"]) | set(shares["held_out"]):
            tune = shares["tune"][value] / len(halves["tune"])
            held = shares["held_out"][value] / len(halves["held_out"])
            assert abs(tune - held) <= 0.10, f"{name}={value}: tune {tune:.0%} vs held_out {held:.0%}"
        for h, part in halves.items():
            mixed = [q for q in part if q["status"] in OTHER_SUBJECTS or q["needs_status"] or q.get("condition")]
            assert len(mixed) >= len(part) / 3, h


def earlier_texts() -> list[tuple[str, str]]:
    """(where, text) of every question of questions.yaml and every example of the rulebook."""
    seen = [("questions.yaml " + q["id"], q["q"]) for q in load_v1_questions()]
    for rule in BOOK:
        seen += [(f"{rule.id} example", e.text) for e in (*rule.examples.forbidden, *rule.examples.allowed)]
    return seen


def check_new(items: list[dict], seen: list[tuple[str, str]]) -> None:
    texts = [_norm(q["q"]) for q in items]
    assert len(set(texts)) == len(texts), "duplicate questions"
    matcher = difflib.SequenceMatcher(autojunk=False)
    for where, other in seen:
        matcher.set_seq2(_norm(other).split())  # compared word by word; seq2 is cached, so it is the outer loop
        for item, text in zip(items, texts):
            matcher.set_seq1(text.split())
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:  # cheap upper bounds first
                ratio = matcher.ratio()
                assert ratio < 0.6, f"{item['id']} is a near copy ({ratio:.2f}) of {where}: {other!r}"
