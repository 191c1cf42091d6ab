"""Whole journeys through the workflow and the checks each step makes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from netra.cases import (
    ACTIONS, AlreadyDone, CaseState, ConcurrentChange, DeadlineNotPassed, MissingRequirement, ReportedPerson,
    RoleNotAllowed, State, UnknownAction, allowed_actions, apply, describe, label, open_case, status,
)

from tests.cases.support import ACTORS, JAKARTA, PERSON, T0, VALID_INPUTS, WIB, case_in

BAWASLU, BKN, PPK = ACTORS["bawaslu"], ACTORS["bkn"], ACTORS["ppk"]


def walk(case: CaseState, steps, start: datetime):
    """Apply (actor, action) steps one hour apart, always with the version just read; return case and records."""
    records, when = [], start
    for actor, action in steps:
        when += timedelta(hours=1)
        reason, payload = VALID_INPUTS[action]
        case, record = apply(case, action, actor, when, reason, payload, expected_version=case.version)
        records.append(record)
    return case, records


def test_happy_path_report_to_closed():
    case, opened = open_case("report", T0, "pilkada", WIB, case_id=7,
                             subject=PERSON)
    assert (case.state, case.version, opened.action, opened.from_state, opened.role) == (
        State.RECEIVED, 1, "submit", None, "public")
    case, records = walk(case, [
        (BAWASLU, "register"), (BAWASLU, "start_review"), (BAWASLU, "request_clarification"),
        (BAWASLU, "recommend"), (BKN, "verify"), (BAWASLU, "validate"), (BKN, "send_to_ppk"),
        (PPK, "impose_sanction"), (BKN, "close"),
    ], T0)
    assert case.state == State.CLOSED and case.version == 10
    assert [r.to_state for r in records] == [
        "registered", "under_review", "under_review", "recommended_to_bkn", "verified_by_bkn",
        "validated_by_bawaslu", "sent_to_ppk", "sanction_imposed", "closed"]
    assert records[3].payload["rule_ids"] == ["skb2022.B2"]
    assert records[7].payload["sanction"]["level"] == "berat"
    assert allowed_actions(case.state, "bawaslu") == allowed_actions(case.state, "bkn") == ()


def test_unanswered_ppk_path_blocks_personnel_data_then_sanction_still_possible():
    case = case_in(State.VALIDATED_BY_BAWASLU, version=1)
    case, _ = walk(case, [(BKN, "send_to_ppk")], T0)
    sent_at = case.entered[State.SENT_TO_PPK]
    with pytest.raises(DeadlineNotPassed, match="belum lewat: jatuh tempo 17 Oktober 2024 pukul 23.59 WIB"):
        apply(case, "mark_not_followed_up", BKN, sent_at + timedelta(days=5), expected_version=case.version)
    case, _ = walk(case, [(BKN, "mark_not_followed_up"), (BKN, "block_personnel_data")], sent_at + timedelta(days=11))
    assert case.state == State.PERSONNEL_DATA_BLOCKED
    assert status(case, sent_at + timedelta(days=12)).overdue  # the PPK's clock keeps running until it acts
    sanctioned, _ = walk(case, [(PPK, "impose_sanction")], sent_at + timedelta(days=13))
    assert sanctioned.state == State.SANCTION_IMPOSED
    closed, _ = walk(case, [(BKN, "close")], sent_at + timedelta(days=13))
    assert closed.state == State.CLOSED


def test_ppk_deadline_boundary_is_the_end_of_the_local_day():
    case = case_in(State.SENT_TO_PPK)  # entered 7 Oct 2024 10:00 WIB -> due 17 Oct 23:59:59.999999 WIB
    due = datetime(2024, 10, 17, 23, 59, 59, 999999, tzinfo=JAKARTA)
    with pytest.raises(DeadlineNotPassed):
        apply(case, "mark_not_followed_up", BKN, due, expected_version=3)
    new, _ = apply(case, "mark_not_followed_up", BKN, due + timedelta(microseconds=1), expected_version=3)
    assert new.state == State.NOT_FOLLOWED_UP


@pytest.mark.parametrize("outcome,actor,extra", [
    ("dismiss", BAWASLU, []), ("forward", BAWASLU, []), ("recommend", BAWASLU, [(BKN, "reject_recommendation")]),
])
def test_other_endings_close_by_bawaslu(outcome, actor, extra):
    case, _ = open_case("report", T0, "pemilu", WIB, subject=PERSON)
    case, _ = walk(case, [(BAWASLU, "register"), (BAWASLU, "start_review"), (actor, outcome), *extra,
                          (BAWASLU, "close")], T0)
    assert case.state == State.CLOSED


def test_refused_registration_path():
    case, _ = open_case("report", T0, "pilkada", WIB)
    case, records = walk(case, [(BAWASLU, "refuse_registration"), (BAWASLU, "close")], T0)
    assert case.state == State.CLOSED and records[0].reason == "Laporan melewati batas 7 hari."


def test_finding_starts_registered_and_only_bawaslu_records_it():
    case, record = open_case("finding", T0, "pilkada", WIB, actor=BAWASLU, reason="Hasil patroli siber",
                             subject=PERSON, documents=["tangkapan-layar.png"])
    assert case.state == State.REGISTERED and case.origin == "finding" and record.action == "record_finding"
    assert record.who == BAWASLU and record.documents == ("tangkapan-layar.png",)
    assert status(case, T0).rule.id == "bawaslu_followup"  # the follow-up clock runs from the start
    assert "register" not in allowed_actions(case.state, "bawaslu")
    case, _ = walk(case, [(BAWASLU, "start_review"), (BAWASLU, "recommend")], T0)
    assert case.state == State.RECOMMENDED_TO_BKN
    for who in (BKN, ACTORS["admin"], None):
        with pytest.raises(RoleNotAllowed, match="tidak berwenang"):
            open_case("finding", T0, "pilkada", WIB, actor=who)


def test_clarification_extends_the_clock_once():
    case = CaseState(
        id=1, state=State.UNDER_REVIEW, version=1, election_kind="pilkada", tz_name=WIB,
        entered={State.REGISTERED: T0, State.UNDER_REVIEW: T0 + timedelta(hours=2)})
    before = status(case, T0)
    assert before.due_at == datetime(2024, 10, 10, 23, 59, 59, 999999, tzinfo=JAKARTA) and not before.extended
    asked, record = apply(case, "request_clarification", BAWASLU, T0 + timedelta(days=1), "Minta bukti asli",
                          expected_version=1)
    assert asked.state == State.UNDER_REVIEW and asked.version == 2
    assert asked.entered[State.UNDER_REVIEW] == case.entered[State.UNDER_REVIEW]  # a self-loop keeps the clock
    after = status(asked, T0 + timedelta(days=1))
    assert after.extended and after.due_at == datetime(2024, 10, 12, 23, 59, 59, 999999, tzinfo=JAKARTA)
    with pytest.raises(AlreadyDone, match="hanya dapat dilakukan satu kali"):
        apply(asked, "request_clarification", BAWASLU, T0 + timedelta(days=2), "Lagi", expected_version=2)


def test_concurrent_change_is_detected_before_anything_else():
    case = case_in(State.REGISTERED, version=5)
    first, _ = apply(case, "start_review", BAWASLU, T0, expected_version=5)  # officer A, who loaded version 5
    with pytest.raises(ConcurrentChange, match="^Perkara sudah diubah oleh petugas lain") as caught:
        apply(first, "start_review", BAWASLU, T0, expected_version=5)  # officer B, also loaded version 5
    assert (caught.value.current, caught.value.expected) == (6, 5)
    with pytest.raises(ConcurrentChange):  # even a step the role could never take reports the stale view first
        apply(first, "impose_sanction", ACTORS["viewer"], T0, expected_version=4)


@pytest.mark.parametrize("state,action,reason,payload,message", [
    ("received", "refuse_registration", "   ", {}, "Alasan wajib diisi"),
    ("under_review", "dismiss", "", {}, "Alasan wajib diisi"),
    ("under_review", "request_clarification", "", {}, "Alasan wajib diisi"),
    ("under_review", "recommend", "", {"rule_ids": ["skb2022.B2"]}, "Alasan wajib diisi"),
    ("under_review", "recommend", "Terbukti", {}, "rule_ids"),
    ("under_review", "recommend", "Terbukti", {"rule_ids": []}, "rule_ids"),
    ("under_review", "recommend", "Terbukti", {"rule_ids": ["skb2022.B2", " "]}, "rule_ids"),
    ("under_review", "recommend", "Terbukti", {"rule_ids": "skb2022.B2"}, "rule_ids"),
    ("under_review", "forward", "Pidana", {}, "Instansi tujuan harus salah satu dari: KPU, Gakkumdu, DKPP, other"),
    ("under_review", "forward", "Pidana", {"destination": "Polisi"}, "Instansi tujuan"),
    ("under_review", "forward", "", {"destination": "KPU"}, "Alasan wajib diisi"),
    ("recommended_to_bkn", "reject_recommendation", "", {}, "Alasan wajib diisi"),
    ("validated_by_bawaslu", "send_to_ppk", "", {"ppk": " "}, "PPK tujuan"),
    ("sent_to_ppk", "impose_sanction", "", {"sanction": {"kind": "disiplin", "level": "berat", "description": "x"}},
     "rule_id"),
    ("sent_to_ppk", "impose_sanction", "", {"rule_id": "B2", "sanction": {"kind": "disiplin", "level": "berat"}},
     "Sanksi"),
    ("sent_to_ppk", "impose_sanction", "", {"rule_id": "B2", "sanction": "berat"}, "Sanksi"),
    ("not_followed_up", "block_personnel_data", "", {}, "Alasan wajib diisi"),
])
def test_reason_and_payload_requirements(state, action, reason, payload, message):
    role = {"send_to_ppk": "bkn", "reject_recommendation": "bkn", "block_personnel_data": "bkn",
            "impose_sanction": "ppk"}.get(action, "bawaslu")
    with pytest.raises(MissingRequirement, match=message):
        apply(case_in(state), action, ACTORS[role], T0 + timedelta(days=60), reason, payload, expected_version=3)


def test_payload_is_normalised_and_extra_fields_kept():
    _, record = apply(case_in("under_review"), "forward", BAWASLU, T0, "  Dugaan pidana  ",
                      {"destination": "gakkumdu", "note": "lihat berkas"}, expected_version=3)
    assert record.reason == "Dugaan pidana"
    assert record.payload == {"destination": "Gakkumdu", "note": "lihat berkas"}
    _, record = apply(case_in("under_review"), "recommend", BAWASLU, T0, "Terbukti",
                      {"rule_ids": [" B2 ", "B2", "B6"]}, expected_version=3)
    assert record.payload["rule_ids"] == ["B2", "B6"]


def test_known_rule_ids_refuse_rules_absent_from_the_rulebook():
    with pytest.raises(MissingRequirement, match="tidak dikenal dalam buku aturan: B99"):
        apply(case_in("under_review"), "recommend", BAWASLU, T0, "Terbukti", {"rule_ids": ["B2", "B99"]},
              expected_version=3, known_rule_ids={"B2"})


def test_unknown_action_and_naive_time():
    with pytest.raises(UnknownAction):
        apply(case_in("received"), "approve", BAWASLU, T0, expected_version=3)
    with pytest.raises(ValueError, match="timezone-aware"):
        apply(case_in("received"), "register", BAWASLU, datetime(2024, 10, 7, 10), expected_version=3)


def test_history_rebuilds_the_same_state():
    case, opened = open_case("report", T0, "pilkada", WIB, case_id=3)
    case, records = walk(case, [(BAWASLU, "register"), (BAWASLU, "start_review"),
                                (BAWASLU, "request_clarification")], T0)
    events = [(r.action, r.to_state, r.when) for r in (opened, *records)]
    rebuilt = CaseState.from_events(events, id=3, version=case.version, election_kind="pilkada", tz_name=WIB)
    assert rebuilt == case


def test_every_state_action_and_requirement_has_both_labels():
    table = describe()
    assert len(table["states"]) == 14 and len(table["transitions"]) == 17
    named = table["states"] + table["actions"] + table["requirements"] + table["destinations"]
    assert {a["name"] for a in table["actions"]} >= set(ACTIONS)
    for item in named:
        assert item["id"] and item["en"] and item["id"] != item["name"] and item["en"] != item["name"], item
    assert label("under_review").id == "Dalam kajian" and label(State.CLOSED).en == "Closed"
