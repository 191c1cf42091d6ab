"""Issue 17: who is bound decides. The asker's status is settled first; rules addressed to candidates are never the
basis of a "not allowed"; only sanctions binding the asker are listed; conditions are spelled out."""

from __future__ import annotations

import pytest

from netra.guidance import GuidanceError, Verdict, answer
from netra.guidance.status import STATUSES, obliges

QUESTIONS = [
    "kepala desa foto bareng calon bupati", "kades ikut kampanye paslon bupati", "guru honorer ikut kampanye",
    "ASN hadir deklarasi paslon saat cuti", "PNS jadi juru kampanye calon bupati", "like postingan paslon",
    "anggota BPD jadi tim kampanye caleg", "polisi foto salam dua jari dengan capres",
    "pasang spanduk paslon di pagar rumah", "paslon ngajak ASN jadi juru kampanye, siapa yang kena?",
]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_the_basis_and_sanctions_always_bind_the_asker(question, status):
    a = answer(question, status=status)
    assert a.status == status and not a.needs_status
    for rule in a.primary:
        assert not rule.addressees, (question, status, rule.id)
        assert obliges(rule, status), (question, status, rule.id)
    if a.verdict is Verdict.NOT_ALLOWED:  # a basis is always named: a rule that binds the asker, or their own law
        assert a.primary or a.basis, (question, status)


def test_a_village_head_photo_with_a_candidate_depends_and_names_what_binds_them():
    a = answer("kepala desa foto bareng calon bupati")
    assert a.status == "village_head" and a.subject_source == "question"
    assert a.verdict is Verdict.DEPENDS and not a.to_dict()["sanctions"]
    assert "uu10_2016.71.1" in a.reason.id and "tim kampanye" in a.reason.id


def test_a_village_head_campaigning_rests_on_the_statute_that_binds_them_then_on_the_village_law():
    a = answer("kades ikut kampanye paslon bupati")
    assert a.verdict is Verdict.NOT_ALLOWED
    # the election law (criminal sanction) first, then the village law's own ban on campaigning (administrative)
    assert [r.id for r in a.primary] == ["uu10_2016.71.1", "uu6_2014.29.j"]
    assert a.rule_ids[:2] == ("uu10_2016.71.1", "uu6_2014.29.j")
    assert "uu6_2014.29.j" in a.reason.id
    kinds = [s["kind"] for s in a.to_dict()["sanctions"]]
    assert kinds == ["criminal", "administrative"]


@pytest.mark.parametrize("question,status,expected", [
    ("anggota BPD jadi pengurus partai di kecamatan", "bpd", ["uu6_2014.64.h"]),
    ("perangkat desa ikut konvoi kampanye calon gubernur", "village_official", ["uu6_2014.51.j"]),
    ("kades jadi bendahara pengurus partai", "village_head", ["uu6_2014.29.g"]),
    ("anggota TNI aktif boleh nyoblos di pemilu?", "tni_polri", ["uu7_2017.200", "uu2_2002.28.2"]),
    ("polisi jadi anggota partai", "tni_polri", ["uu34_2004.39.1", "uu2_2002.28.1"]),  # TNI's law and Polri's
])
def test_own_laws_are_cited_as_rules_where_no_election_law_reaches(question, status, expected):
    a = answer(question)
    assert a.status == status and a.verdict is Verdict.NOT_ALLOWED
    assert {r.id for r in a.primary} == set(expected) and set(a.rule_ids[:len(expected)]) == set(expected)
    assert not a.basis or all(c.verified for c in a.basis)  # no unverified text constants any more
    assert any("belum dicocokkan dengan teks resmi" in n.id for n in a.notes)


def test_leave_makes_attending_a_declaration_depend_with_the_conditions_spelled_out():
    a = answer("ASN hadir deklarasi paslon saat cuti")
    assert a.verdict is Verdict.DEPENDS and a.pattern.id == "attend_on_leave"
    for condition in ("Cuti tahunan", "mendukung secara aktif", "CLTN", "undangan"):
        assert condition in a.reason.id


def test_honorary_teachers_get_no_civil_service_sanction():
    a = answer("guru honorer ikut kampanye")
    assert a.status == "non_asn" and "PP 94/2021" in a.reason.id
    assert [r.id for r in a.primary] == ["se_menpanrb_2023.1"]
    assert all("PP 94" not in b for b in a.legal_basis) and not a.basis


@pytest.mark.parametrize("question", [
    "PNS boleh nyoblos di TPS?", "PNS jadi petugas KPPS boleh?", "PNS lapor dugaan pelanggaran ke Bawaslu",
    "camat diundang KPU hadir di pengundian nomor urut", "ASN ditugaskan atasan hadir rapat pleno KPU",
])
def test_acts_serving_the_election_are_allowed_plainly(question):
    a = answer(question)
    assert a.verdict is Verdict.ALLOWED and a.reason.id.startswith("Boleh")


def test_standing_as_a_candidate_says_what_comes_first_and_when():
    a = answer("saya PNS mau nyalon bupati, gimana?")
    assert a.verdict is Verdict.DEPENDS
    assert "CLTN" in a.reason.id and "pengunduran diri" in a.reason.id
    notes = " ".join(n.id for n in a.notes)
    assert "27 Agustus 2024" in notes and "22 September 2024" in notes
    assert answer("saya warga biasa mau nyalon bupati").verdict is Verdict.ALLOWED


def test_without_a_status_the_answer_asks_instead_of_guessing():
    a = answer("boleh gak like postingan paslon?")
    assert a.needs_status and a.status is None and not a.primary
    options = dict(a.status_options)
    assert list(options) == list(STATUSES)
    assert options["pns"] is Verdict.NOT_ALLOWED and options["citizen"] is Verdict.ALLOWED
    data = a.to_dict()
    assert data["needs_status"] is True and data["sanctions"] == []
    assert {o["status"] for o in data["status_options"]} == set(STATUSES)


def test_a_question_whose_answer_is_the_same_for_everyone_is_answered():
    a = answer("boleh melaporkan dugaan pelanggaran netralitas ke Bawaslu?")
    assert not a.needs_status and a.verdict is Verdict.ALLOWED


@pytest.mark.parametrize("question,status", [
    ("pensiunan PNS ikut kampanye paslon", "retired"), ("istri PNS pasang baliho caleg di rumah", "asn_spouse"),
    ("anggota BPD jadi tim kampanye caleg", "bpd"), ("honorer share postingan paslon", "non_asn"),
    ("camat share postingan paslon", "asn"),
])
def test_the_status_is_read_from_the_question(question, status):
    assert answer(question).status == status


def test_the_parameter_beats_the_words_and_bad_values_are_refused():
    assert answer("PNS ikut kampanye", status="citizen").verdict is Verdict.ALLOWED
    with pytest.raises(GuidanceError) as err:
        answer("PNS ikut kampanye", status="presiden")
    assert err.value.code == "bad_subject" and "tidak dikenal" in err.value.message


def test_unbound_people_are_allowed_but_vote_buying_is_not_waved_through():
    assert answer("pensiunan PNS ikut kampanye paslon").verdict is Verdict.ALLOWED
    # vote buying binds every person (UU 7/2017 Pasal 515, UU 10/2016 Pasal 187A): not allowed, resting on it
    bought = answer("bagi amplop ke warga biar pilih paslon", status="citizen")
    assert bought.verdict is Verdict.NOT_ALLOWED
    assert bought.primary and bought.primary[0].id in ("uu7_2017.515", "uu10_2016.187a")
    assert "setiap orang" in bought.reason.id


def test_bpd_members_are_bound_by_the_pemilu_campaign_team_ban():
    a = answer("anggota BPD jadi tim kampanye caleg")
    assert a.verdict is Verdict.NOT_ALLOWED and a.primary[0].id in ("uu7_2017.280", "uu7_2017.494")
