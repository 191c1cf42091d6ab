"""The structured reading (netra.guidance.reading) and the decisions taken on its slots: the act type, the target,
the conditions, negated acts, typo repair, and the row "a partisan act is not excused by where it happened".
Questions written for this test, not taken from the question sets."""

from __future__ import annotations

import pytest

from netra.guidance import Verdict, answer, default_engine, reading
from netra.guidance.status import obliges
from netra.rulebook import Family


def _read(question: str) -> reading.Reading:
    engine = default_engine()
    return reading.read(engine.lexicon.analyse(question, engine.speller), None, engine.acts)


@pytest.mark.parametrize(("question", "act", "family"), [
    ("PNS memasang stiker paslon di motor", "wear_props", Family.CAMPAIGN_PROPS),
    ("honorer ngeshare video capres di status WA", "online", Family.SOCIAL_MEDIA),
    ("kades memakai mobil dinas ke posko", "facilities", Family.STATE_RESOURCES),
    ("ASN menyerahkan fotokopi KTP untuk calon perseorangan", "ktp_support", Family.KTP_SUPPORT),
    ("PNS mau nyalon DPRD", "stand_candidate", Family.CANDIDACY),
])
def test_act_slot_names_the_family(question, act, family):
    found = _read(question)
    assert found.act == act
    assert family in found.families


def test_target_and_conditions_slots():
    assert _read("PNS like postingan KPU tentang jadwal pencoblosan").target == "neutral"
    assert _read("PNS like postingan paslon nomor 2").target == "partisan"
    found = _read("ASN hadir di deklarasi paslon saat cuti, hanya diam saja")
    assert {"on_leave", "passive"} <= found.conditions
    assert _read("saya menolak ajakan masuk tim sukses").own_act is False
    assert _read("PPPK jadi anggota KPPS").serves_election


def test_an_invitation_makes_a_guest_not_a_host():
    assert _read("camat diundang KPU ke rapat pleno").act != "hold_event"
    assert _read("camat mengumpulkan kepala desa di rumahnya untuk paslon").act == "hold_event"


def test_a_negated_act_is_not_read_but_the_question_form_is():
    engine = default_engine()
    assert "like" not in engine.lexicon.analyse("saya cuma baca, tidak kasih jempol ke postingan paslon").concepts
    assert "photo" not in engine.lexicon.analyse("ketemu caleg, ga bakal foto bareng").concepts
    assert "like" in engine.lexicon.analyse("boleh ga like postingan paslon?").concepts


def test_a_typo_in_an_act_word_gives_the_same_answer():
    right = answer("PNS ikut kampanye paslon bupati")
    typo = answer("PNS ikut kampamye paslon bupati")
    assert typo.verdict is right.verdict is Verdict.NOT_ALLOWED
    assert typo.rule_ids[:3] == right.rule_ids[:3]


def test_a_partisan_act_is_not_excused_by_the_setting():
    # attending a wedding a candidate also attends is allowed; wearing the candidate's shirt there is not
    assert answer("PNS datang ke kondangan tetangga yang juga dihadiri calon bupati").verdict is Verdict.ALLOWED
    worn = answer("PNS datang ke kondangan tetangga pakai kaos bergambar calon bupati")
    assert worn.verdict is Verdict.NOT_ALLOWED
    assert worn.primary and all(obliges(r, "pns") for r in worn.primary)  # rests on a rule binding the asker


def test_refusing_is_still_allowed_though_a_contestant_is_named():
    assert answer("PNS keluar dari grup WA tim sukses paslon, sudah benar?").verdict is Verdict.ALLOWED
