"""The substance gates and rulebook checks of the case domain: each refusal, in Indonesian, changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from netra.cases import (
    ActionNotAllowed, ConcurrentChange, IncompleteCase, MissingRequirement, NotInRulebook, ReportedPerson,
    RoleNotAllowed, RuleFacts, SanctionOption, State, amend, apply, missing_facts, rules_for, sanction_text,
)
from tests.cases.support import ACTORS, PERSON, T0, case_in

BAWASLU, BKN, PPK = ACTORS["bawaslu"], ACTORS["bkn"], ACTORS["ppk"]
BOTH = frozenset({"pilkada", "pemilu"})
FACTS = {
    "skb.disiplin": RuleFacts(frozenset({"pns", "pppk"}), BOTH, (SanctionOption("discipline", "berat"),
                                                                 SanctionOption("discipline", "sedang"))),
    "skb.etik": RuleFacts(frozenset({"pns", "pppk"}), BOTH, (SanctionOption("moral", "moral_terbuka"),)),
    "uu7.pidana": RuleFacts(frozenset({"pns", "pppk", "village_head"}), frozenset({"pemilu"}),
                            (SanctionOption("criminal", "pidana"),)),
    "uu6.kades": RuleFacts(frozenset({"village_head"}), BOTH, (SanctionOption("administrative", "administratif"),)),
}
SANCTION = {"kind": "discipline", "level": "berat", "description": "Penurunan jabatan setingkat 12 bulan"}


def recommend(case, rule_ids):
    return apply(case, "recommend", BAWASLU, T0, "Terbukti.", {"rule_ids": rule_ids}, expected_version=case.version,
                 known_rule_ids=set(FACTS), rule_facts=FACTS)


def impose(case, rule_id, sanction, action="impose_sanction", reason=""):
    return apply(case, action, PPK, T0, reason, {"rule_id": rule_id, "sanction": sanction},
                 expected_version=case.version, rule_facts=FACTS)


@pytest.mark.parametrize("person, missing", [
    (ReportedPerson(), "nama terlapor, status terlapor"),
    (ReportedPerson(name="Budi", status="pns"), "NIP, jabatan, instansi"),
    (ReportedPerson(nip="198001012005011001", name="Budi", status="pppk", agency="Dinas"), "jabatan"),
])
def test_recommend_refused_without_the_reported_persons_facts(person, missing):
    case = case_in("under_review", subject=person)
    with pytest.raises(IncompleteCase, match=f"Belum dapat .*{missing}.* belum diisi"):
        recommend(case, ["skb.disiplin"])


def test_a_village_head_needs_only_a_name_and_status():
    assert missing_facts(ReportedPerson(name="Sutrisno", status="village_head")) == ()
    case = case_in("under_review", subject=ReportedPerson(name="Sutrisno", status="village_head"))
    assert recommend(case, ["uu6.kades"])[0].state is State.RECOMMENDED_TO_BKN


def test_recommend_refused_for_a_pemilu_article_in_a_pilkada_case():
    with pytest.raises(NotInRulebook, match="uu7.pidana berlaku untuk Pemilu, sedangkan perkara ini perkara Pilkada"):
        recommend(case_in("under_review", kind="pilkada"), ["skb.disiplin", "uu7.pidana"])
    assert "uu7.pidana" not in rules_for("pilkada", "pns", FACTS)
    assert "uu7.pidana" in rules_for("pemilu", "pns", FACTS) and "uu6.kades" not in rules_for("pemilu", "pns", FACTS)


def test_recommend_refused_for_a_rule_that_does_not_bind_the_person():
    with pytest.raises(NotInRulebook, match="uu6.kades tidak mengikat terlapor berstatus PNS"):
        recommend(case_in("under_review"), ["uu6.kades"])


def test_sanction_refused_when_the_rule_does_not_carry_it():
    case = case_in("sent_to_ppk", recommended_rule_ids=("skb.disiplin",))
    with pytest.raises(NotInRulebook, match="Sanksi 'Sanksi moral: Pemberhentian tidak dengan hormat' tidak diatur"
                                            ".*Hukuman disiplin berat; Hukuman disiplin sedang"):
        impose(case, "skb.disiplin", {**SANCTION, "kind": "moral", "level": "ptdh"})


def test_sanction_refused_when_the_rule_was_not_recommended():
    case = case_in("sent_to_ppk", recommended_rule_ids=("skb.disiplin",))
    with pytest.raises(NotInRulebook, match="ketentuan yang direkomendasikan: skb.disiplin; skb.etik tidak termasuk"):
        impose(case, "skb.etik", {**SANCTION, "kind": "moral", "level": "moral_terbuka"})


def test_recommended_rules_carry_through_to_the_sanction_and_its_correction():
    case = case_in("under_review")
    case, _ = recommend(case, ["skb.disiplin"])
    assert case.recommended_rule_ids == ("skb.disiplin",)
    case = replace(case, state=State.SENT_TO_PPK)
    case, record = impose(case, "skb.disiplin", SANCTION)
    assert case.state is State.SANCTION_IMPOSED and record.payload["sanction"]["level"] == "berat"
    with pytest.raises(MissingRequirement, match="Alasan wajib diisi"):
        impose(case, "skb.disiplin", {**SANCTION, "level": "sedang"}, action="correct_sanction")
    with pytest.raises(RoleNotAllowed):
        apply(case, "correct_sanction", BKN, T0, "x", {"rule_id": "skb.disiplin", "sanction": SANCTION},
              expected_version=case.version, rule_facts=FACTS)
    corrected, record = impose(case, "skb.disiplin", {**SANCTION, "level": "sedang"}, action="correct_sanction",
                               reason="Tingkat salah pilih.")
    assert corrected.state is State.SANCTION_IMPOSED and record.reason == "Tingkat salah pilih."


def test_sanction_names_are_indonesian():
    assert sanction_text("discipline", "berat") == "Hukuman disiplin berat"
    assert sanction_text("moral", "moral_tertutup") == "Sanksi moral: Pernyataan secara tertutup"


CURRENT = {"reported_name": "", "reported_status": "", "reported_nip": "", "reported_position": "lurah",
           "reported_agency": "", "event_date": None, "known_date": None, "event_place": "", "channel": None,
           "description": ""}


def test_bawaslu_completes_the_person_and_the_record_keeps_old_and_new():
    case = case_in("registered", subject=ReportedPerson(position="lurah"))
    new, record, values = amend(case, CURRENT, {"reported_name": "Sutrisno", "reported_status": "pns",
                                                "reported_nip": "197901012006041002", "reported_agency": "Kecamatan X",
                                                "known_date": "2024-10-03"}, BAWASLU, T0, "Data dari SIASN.",
                                expected_version=case.version)
    assert new.version == case.version + 1 and new.state is case.state and missing_facts(new.subject) == ()
    assert record.payload["changes"]["reported_name"] == ["", "Sutrisno"]
    assert record.payload["changes"]["known_date"] == [None, "2024-10-03"] and record.who is BAWASLU


@pytest.mark.parametrize("who, wanted, reason, error, message", [
    (BKN, {"description": "Uraian lain"}, "x", RoleNotAllowed, "tidak berwenang mengubah: Uraian kejadian"),
    (PPK, {"reported_name": "A"}, "x", RoleNotAllowed, "tidak berwenang mengubah data perkara"),
    (BAWASLU, {"reported_nip": "12345"}, "x", MissingRequirement, "NIP harus terdiri atas 18 angka"),
    (BAWASLU, {"reported_status": "camat"}, "x", MissingRequirement, "Status terlapor harus salah satu dari"),
    (BAWASLU, {"event_date": "2099-01-01"}, "x", MissingRequirement, "tidak boleh setelah hari ini"),
    (BAWASLU, {"event_date": "2024-10-05", "known_date": "2024-10-01"}, "x", MissingRequirement, "sebelum tanggal"),
    (BAWASLU, {"reported_position": "lurah"}, "x", MissingRequirement, "Tidak ada data yang berubah"),
    (BAWASLU, {"reported_name": "Sutrisno"}, " ", MissingRequirement, "Alasan wajib diisi"),
])
def test_amend_refusals(who, wanted, reason, error, message):
    case = case_in("registered")
    with pytest.raises(error, match=message):
        amend(case, CURRENT, wanted, who, T0, reason, expected_version=case.version)


def test_amend_refuses_a_stale_form_and_a_closed_case():
    with pytest.raises(ConcurrentChange):
        amend(case_in("registered"), CURRENT, {"reported_name": "A"}, BAWASLU, T0, "x", expected_version=1)
    with pytest.raises(ActionNotAllowed, match="sudah ditutup"):
        amend(case_in("closed"), CURRENT, {"reported_name": "A"}, BAWASLU, T0, "x", expected_version=3)
