"""The shipped rulebook holds every rule the brief lists, with the content other engines rely on."""

from __future__ import annotations

import re

import pytest

from netra.rulebook import (
    DATA_DIR,
    Family,
    InstrumentKind,
    Period,
    SanctionKind,
    SanctionLevel,
    Subject,
    load_rulebook,
)

STATUTE_IDS = [
    "uu10_2016.70",
    "uu10_2016.71.1",
    "uu10_2016.71.2",
    "uu10_2016.71.3",
    "uu10_2016.188",
    "uu10_2016.189",
    "uu10_2016.190",
    "uu7_2017.280",
    "uu7_2017.282",
    "uu7_2017.283",
    "uu7_2017.490",
    "uu7_2017.493",
    "uu7_2017.494",
    # added in 2024.3, after the earlier ids so that stored ids keep their order
    "uu10_2016.7.2.t",
    "uu10_2016.69.h",
    "uu7_2017.200",
    "uu7_2017.240",
]
# The laws on the person's own office (own_laws.yaml, 2024.3): village law, TNI and Polri laws, the non-ASN circular.
OWN_LAW_IDS = [
    "uu6_2014.29.g", "uu6_2014.29.j", "uu6_2014.51.g", "uu6_2014.51.j", "uu6_2014.64.h",
    "uu34_2004.39.1", "uu34_2004.39.2", "uu34_2004.39.4", "uu2_2002.28.1", "uu2_2002.28.2", "se_menpanrb_2023.1",
]
ETHICS_IDS = [f"skb2022.etik.{n}" for n in range(1, 8)]
DISCIPLINE_IDS = [f"skb2022.disiplin.{n}" for n in range(1, 13)]
PP94_IDS = [f"pp94.5n.{n}" for n in range(1, 8)]
# General election offences binding everyone (election_offences.yaml, 2024.4), read last so stored ids keep their order.
GENERAL_IDS = ["uu7_2017.515", "uu10_2016.187a", "uu7_2017.492", "uu7_2017.280.1.h", "uu7_2017.298", "uu7_2017.280.1.cd",
               "uu7_2017.510"]
ALL_IDS = ETHICS_IDS + DISCIPLINE_IDS + PP94_IDS + STATUTE_IDS + OWN_LAW_IDS + GENERAL_IDS


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def test_counts_per_instrument(book):
    assert len(book.by_instrument("skb2022_ethics")) == 7
    assert len(book.by_instrument("skb2022_discipline")) == 12
    assert len(book.by_instrument("pp94_2021")) == 7
    assert {r.id for r in book.by_instrument("uu10_2016")} | {r.id for r in book.by_instrument("uu7_2017")} == set(
        STATUTE_IDS + GENERAL_IDS
    )
    own = {i: {r.id for r in book.by_instrument(i)} for i in ("uu6_2014", "uu34_2004", "uu2_2002", "se_menpanrb_2023")}
    assert set().union(*own.values()) == set(OWN_LAW_IDS) and all(own.values())


def test_ids_are_exactly_the_stable_list_in_a_stable_order(book):
    # Cases and statistics store these ids: renaming or reordering one is a breaking change.
    assert list(book.ids) == ALL_IDS
    assert len(set(book.ids)) == len(book.ids)
    assert [r.id for r in book] == ALL_IDS
    assert list(load_rulebook(DATA_DIR).ids) == ALL_IDS  # a fresh parse gives the same order


def test_every_rule_has_one_valid_family_and_bilingual_texts(book):
    for rule in book:
        assert isinstance(rule.family, Family)
        for text in (rule.title, rule.explanation):
            assert text.id.strip() and text.en.strip()
            assert text.id != text.en, rule.id
        assert rule.subjects and all(isinstance(s, Subject) for s in rule.subjects)
        assert rule.legal_basis and rule.sources and rule.keywords


def test_families_file_labels_all_nine(book):
    assert {f.id for f in book.families} == set(Family)
    assert book.family("ktp_support").label.en == "KTP support"
    assert all(f.label.id and f.label.en for f in book.families)


def test_every_family_is_used(book):
    # A family with no rule would be invisible to screening and statistics.
    assert all(book.by_family(f) for f in Family)


def test_skb_rules_have_three_forbidden_and_three_allowed_indonesian_examples(book):
    skb = [r for r in book if book.instrument(r.instrument).kind is InstrumentKind.DECREE]
    assert len(skb) == 19
    indonesian = re.compile(r"\b(yang|dan|di|ke|dengan|tanpa|untuk|sebagai|saat|ASN|PNS|kita|calon|dukung|atau|tentang|bersama|tidak|ikut|pasangan|seperti|sesuai|sebelum|sementara|kampanye)\b")
    english = re.compile(r"\b(the|with|of|is|are|without)\b", re.IGNORECASE)
    for rule in skb:
        assert len(rule.examples.forbidden) >= 3, rule.id
        assert len(rule.examples.allowed) >= 3, rule.id
        for ex in rule.examples.forbidden + rule.examples.allowed:
            assert indonesian.search(ex.text) and not english.search(ex.text), (rule.id, ex.text)


def test_allowed_examples_cover_the_questions_asns_really_ask(book):
    allowed = " ".join(ex.text for r in book for ex in r.examples.allowed).lower()
    for phrase in ("tps", "kpu", "bilik suara", "like"):
        assert phrase in allowed, phrase


def test_keywords_include_informal_variants(book):
    words = {w.lower() for r in book for w in r.keywords}
    for w in ("like", "nge-like", "share", "repost", "foto bareng", "salam dua jari", "kampanye", "deklarasi",
              "baliho", "spanduk", "mobil dinas", "fotokopi ktp", "pengurus partai"):
        assert w in words, w


def test_ethics_rules_are_moral_sanctions_before_candidates_are_set(book):
    for rid in ETHICS_IDS:
        rule = book[rid]
        assert rule.sanction.kind is SanctionKind.MORAL
        assert rule.sanction.level is SanctionLevel.MORAL_TERBUKA_ATAU_TERTUTUP
        assert rule.period is Period.BEFORE_CANDIDATES_SET
        assert any("PP 42/2004" in b for b in rule.legal_basis)


def test_discipline_levels_match_the_brief(book):
    expected = {1: "berat", 2: "berat", 3: "sedang", 4: "berat", 5: "ptdh", 6: "berat", 7: "berat", 8: "berat",
                9: "sedang", 10: "berat", 11: "berat", 12: "berat"}
    for n, level in expected.items():
        assert book[f"skb2022.disiplin.{n}"].sanction.level.value == level, n
    assert book["skb2022.disiplin.5"].sanction.kind is SanctionKind.DISMISSAL
    assert book["skb2022.disiplin.9"].period is Period.BEFORE_CANDIDATES_SET
    assert book["skb2022.disiplin.10"].period is Period.AFTER_CANDIDATES_SET


def test_pp94_levels_and_subjects(book):
    for n in range(1, 8):
        rule = book[f"pp94.5n.{n}"]
        assert rule.sanction.level.value == ("sedang" if n <= 2 else "berat")
        assert rule.subjects == (Subject.PNS,)
    assert book["pp94.5n.4"].family is Family.STATE_RESOURCES


def test_disputed_rules_carry_their_alternatives_with_sources(book):
    disputed = {r.id for r in book if r.disputed}
    assert disputed == {"skb2022.disiplin.8", "skb2022.disiplin.9"}
    r8 = book["skb2022.disiplin.8"].disputed
    assert r8.field == "sanction.level"
    assert {a.value for a in r8.alternatives} == {"berat", "sedang"}
    assert any("Tribun" in s for a in r8.alternatives if a.value == "sedang" for s in a.sources)
    r9 = book["skb2022.disiplin.9"].disputed
    assert {a.value for a in r9.alternatives} == {"sedang", "berat"}
    for d in (r8, r9):
        assert all(a.sources for a in d.alternatives)


def test_criminal_penalties_follow_the_brief(book):
    s188 = book["uu10_2016.188"].sanction
    assert s188.kind is SanctionKind.CRIMINAL
    assert (s188.prison_months.min, s188.prison_months.max) == (1, 6)
    assert (s188.fine_rupiah.min, s188.fine_rupiah.max) == (600_000, 6_000_000)
    assert s188.combination.value == "and_or"
    s494 = book["uu7_2017.494"].sanction
    assert (s494.prison_months.max, s494.fine_rupiah.max) == (12, 12_000_000)
    for rid in ("uu10_2016.71.1", "uu10_2016.71.2", "uu10_2016.71.3"):
        assert book[rid].sanction.prison_months == s188.prison_months


def test_unverified_rules_say_why_and_guess_no_penalty(book):
    unverified = [r for r in book if not r.verified]
    assert {r.id for r in unverified} >= {"uu10_2016.189", "uu10_2016.190", "uu7_2017.490", "uu7_2017.493"}
    for rule in unverified:
        assert rule.note is not None
        if rule.sanction.kind is SanctionKind.CRIMINAL:
            assert rule.sanction.prison_months is None and rule.sanction.fine_rupiah is None


def test_related_ids_resolve(book):
    for rule in book:
        for ref in rule.related:
            assert ref in book and ref != rule.id


def test_applicable_follows_the_calendar_split(book):
    before = {r.id for r in book.applicable(subject="pns", candidates_set=False)}
    campaign = {r.id for r in book.applicable(subject="pns", candidates_set=True, in_campaign=True)}
    after_not_campaign = {r.id for r in book.applicable(subject="pns", candidates_set=True, in_campaign=False)}
    assert "skb2022.etik.4" in before and "skb2022.etik.4" not in campaign
    assert "skb2022.disiplin.6" in campaign and "skb2022.disiplin.6" not in before
    assert "pp94.5n.1" in campaign and "pp94.5n.1" not in after_not_campaign
    assert "skb2022.disiplin.5" in before and "skb2022.disiplin.5" in campaign  # any_time
    village = {r.id for r in book.applicable(subject=Subject.VILLAGE_HEAD)}
    assert "uu7_2017.490" in village and "skb2022.etik.1" not in village


def test_version_combines_data_version_and_content_hash(book):
    assert book.data_version == "2024.4"
    assert book.version == f"2024.4+{book.content_hash[:12]}"
    assert re.fullmatch(r"[0-9a-f]{64}", book.content_hash)
    assert load_rulebook(DATA_DIR).content_hash == book.content_hash


def test_rulebook_is_immutable(book):
    with pytest.raises(AttributeError):
        book.rules = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        book["skb2022.etik.1"].family = Family.PARTY  # type: ignore[misc]
    with pytest.raises(TypeError):
        book.by_id["x"] = None  # type: ignore[index]
    assert book.get("nope") is None
    with pytest.raises(KeyError):
        book["nope"]


def test_round_trip_to_dict_gives_the_same_rule(book):
    from netra.rulebook.schema import Ctx, parse_rule

    for rule in book:
        again = parse_rule(Ctx("<round trip>"), rule.to_dict(), None, book.instrument(rule.instrument))
        assert again == rule


def test_examples_name_no_real_person(book):
    # Fictional candidates only: the examples' candidate names come from a short allow-list.
    names = re.compile(r"\b(?:calon (?:bupati|wali kota|gubernur) )([A-Z][a-z]+ [A-Z][a-z]+)")
    found = {m.group(1) for r in book for ex in r.examples.forbidden + r.examples.allowed for m in names.finditer(ex.text)}
    assert found <= {"Budi Santosa"}


def test_own_laws_bind_whom_they_name_and_say_plainly_they_are_unverified(book):
    """The laws the statute-bound and non-ASN askers answer to are rules like any other (issue 17), each with whom it
    binds, a sanction of a kind the instrument states, and a note for the public when the text was not checked."""
    binds = {"uu6_2014.29.g": {Subject.VILLAGE_HEAD}, "uu6_2014.29.j": {Subject.VILLAGE_HEAD},
             "uu6_2014.51.g": {Subject.VILLAGE_OFFICIAL}, "uu6_2014.51.j": {Subject.VILLAGE_OFFICIAL},
             "uu6_2014.64.h": {Subject.BPD}, "uu34_2004.39.2": {Subject.TNI_POLRI},
             "uu2_2002.28.2": {Subject.TNI_POLRI}, "uu7_2017.200": {Subject.TNI_POLRI},
             "se_menpanrb_2023.1": {Subject.NON_ASN}}
    for rid, subjects in binds.items():
        assert set(book[rid].subjects) == subjects and not book[rid].addressees, rid
    assert book["uu6_2014.29.j"].family is Family.CAMPAIGN and book["uu6_2014.64.h"].family is Family.PARTY
    assert book["uu6_2014.29.g"].sanction.kind is SanctionKind.ADMINISTRATIVE
    assert book["uu34_2004.39.2"].sanction.kind is SanctionKind.INSTITUTIONAL
    assert book.instrument("se_menpanrb_2023").kind is InstrumentKind.CIRCULAR
    for rid in OWN_LAW_IDS + ["uu10_2016.7.2.t", "uu10_2016.69.h", "uu7_2017.200", "uu7_2017.240"]:
        rule = book[rid]
        assert not rule.verified and "belum dicocokkan dengan teks resmi" in rule.note.id, rid
        # cited as the instrument itself, never as Netra's or the team's material
        assert all(b.startswith(("UU ", "SE ")) for b in rule.legal_basis), rid


def test_public_fields_hold_no_internal_working_notes(book):
    """Notes, sources and disputed values are shown on /aturan and in the printed guideline: they speak to the
    public, so remarks about the team's brief or the data's own fields stay in the YAML comments."""
    internal = re.compile(r"\b(brief|subjects|sengaja dikosongkan|deliberately)\b", re.IGNORECASE)
    for rule in book:
        texts = [*rule.sources, *(t for n in (rule.note,) if n for t in (n.id, n.en))]
        if rule.disputed:
            texts += [rule.disputed.note.id, rule.disputed.note.en]
            texts += [s for a in rule.disputed.alternatives for s in a.sources]
        for text in texts:
            assert not internal.search(text), (rule.id, text)
    for inst in book.instruments:
        assert not any(internal.search(s) for s in inst.sources), inst.id


def test_general_offences_bind_everyone_with_their_criminal_penalty_and_are_marked_unverified(book):
    from netra.rulebook import SanctionKind, Subject

    for rid in GENERAL_IDS:
        rule = book[rid]
        assert rule.subjects == (Subject.EVERYONE,)
        assert all(rule.obliges(s) for s in Subject)  # binds every status, civil servants included
        assert not rule.addressees
        assert rule.verified is False and rule.note is not None  # not in the domain brief, not checked here
        assert rule.legal_basis and all(b.startswith(("UU 7/2017 Pasal", "UU 10/2016 Pasal", "Peraturan KPU"))
                                        for b in rule.legal_basis)
    money = book["uu10_2016.187a"]
    assert money.sanction.kind is SanctionKind.CRIMINAL
    assert "36 bulan" in money.sanction.consists_of.id and "72 bulan" in money.sanction.consists_of.id
    assert "Pasal 187A ayat (2)" in " ".join(money.legal_basis)  # the receiver too
    assert "Pasal 515" in book["uu7_2017.515"].sanction.consists_of.id
    # a rule binding only civil servants does not bind a citizen
    assert not book["skb2022.disiplin.1"].binds(Subject.EVERYONE)
