"""Every automated flag names a rule (the due-process promise), and the rule is the statute of the election the
post's date falls in: UU 10/2016 for the Pilkada, UU 7/2017 for the Pemilu."""

from __future__ import annotations

import pytest

from lab.screening.corpus import load_dev_corpus

FIELDS = ("id", "text", "source", "author", "created_at", "region")


def test_every_flag_on_the_dev_corpus_names_a_rule(screener):
    flagged = 0
    for item in load_dev_corpus():
        result = screener.screen({k: item[k] for k in FIELDS if k in item})
        if result.violation:
            flagged += 1
            assert result.rules, (item["id"], item["text"])
    assert flagged > 400


@pytest.mark.parametrize("day,law", [("2024-11-01", "uu10_2016."), ("2024-01-20", "uu7_2017.")])
def test_a_village_head_backing_a_candidate_online_gets_the_statute_of_that_election(screener, day, law):
    result = screener.screen({"id": "kades", "text": "Pak Kades Sukamaju posting dukung paslon nomor 2 di FB, ayo "
                              "warga coblos 02", "created_at": day, "region": "33.20"})
    assert result.violation and result.actor.kind == "village" and result.family == "social_media"
    assert result.rules and all(r.startswith(law) for r in result.rules), result.rules



def test_a_bpd_member_is_a_village_actor_whose_own_rules_can_be_named(screener):
    # "village" actors include BPD members: a rule binding only them (UU 6/2014 Pasal 64 huruf h) can be named
    result = screener.screen({"id": "bpd", "text": "Ketua BPD Sukamaju jadi pengurus partai, dilantik jadi ketua PAC "
                              "partai nomor 2 kemarin", "created_at": "2024-01-20", "region": "33.20"})
    assert result.violation and result.actor.kind == "village" and result.family == "party"
    assert "uu6_2014.64.h" in result.rules, result.rules


def test_offences_binding_everyone_are_never_screening_evidence(screener):
    # Vote buying, the quiet period, props on trees: guidance and case handlers cite them; the screener looks for a
    # bound person's own act, and their everyday words ("uang", "sekolah", "pohon") are no evidence of one.
    from netra.rulebook import load_rulebook

    general = {r.id for r in load_rulebook().rules if r.binds_everyone}
    assert general
    result = screener.screen({"id": "amplop", "text": "Guru PNS SDN 3 bagi-bagi amplop uang ke warga biar coblos "
                              "paslon nomor 2", "created_at": "2024-11-20", "region": "33.20",
                              "author": {"is_asn": True}})
    assert result.violation and result.rules and not general & set(result.rules), result.rules
