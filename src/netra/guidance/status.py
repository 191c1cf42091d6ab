"""Who is asking: the statuses "Bolehkah?" tells apart, which rulebook subjects each is bound as, and how a question
names one. Every answer settles this first, because the same act is a disciplinary offence for a PNS, a statutory
matter for a village head and nobody's business for a citizen (domain brief section 1).
"""

from __future__ import annotations

from collections.abc import Iterable

from netra.rulebook import Rule, Subject

# The choices a person is offered, in the order the page lists them.
STATUSES = ("pns", "pppk", "non_asn", "retired", "village_head", "village_official", "bpd", "tni_polri",
            "asn_spouse", "citizen")
# "asn": the question says "ASN" (PNS or PPPK) and no more; accepted, never offered.
ACCEPTED = (*STATUSES, "asn")
ALIASES = {"warga": "citizen", "masyarakat": "citizen", "honorer": "non_asn", "pensiunan": "retired",
           "kades": "village_head", "perangkat": "village_official", "spouse": "asn_spouse", "pasangan": "asn_spouse"}

# The rulebook subjects a status is bound as. Empty: no neutrality rule binds the person.
BOUND_AS: dict[str, tuple[Subject, ...]] = {
    "pns": (Subject.PNS,),
    "pppk": (Subject.PPPK,),
    "asn": (Subject.PNS, Subject.PPPK),
    "non_asn": (Subject.NON_ASN,),  # SE MenPANRB 1/2023 extends the civil servants' neutrality to them
    "retired": (Subject.EVERYONE,),  # no longer ASN: only the offences that bind every person
    "village_head": (Subject.VILLAGE_HEAD,),
    "village_official": (Subject.VILLAGE_OFFICIAL,),
    "bpd": (Subject.BPD,),
    "tni_polri": (Subject.TNI_POLRI,),
    "asn_spouse": (Subject.EVERYONE,),  # bound is the civil servant, not the spouse
    "citizen": (Subject.EVERYONE,),
}
# Whose prohibited acts describe a status's own, where that differs from whom its rules bind: SE MenPANRB 1/2023
# asks non-ASN staff to keep the civil servants' neutrality, so the SKB acts rank for them as for ASN.
ACTS_AS: dict[str, tuple[Subject, ...]] = {"non_asn": (Subject.NON_ASN, Subject.PNS, Subject.PPPK)}
CIVIL_SERVANTS = frozenset({"pns", "pppk", "asn"})
STATUTE_BOUND = frozenset({"village_head", "village_official", "bpd", "tni_polri"})  # the statutes only
UNBOUND = frozenset({"retired", "asn_spouse", "citizen"})

# Lexicon concepts that name a status, most specific first ("istri PNS" is a spouse, not a PNS).
_DETECT = ("asn_spouse", "retired", "non_asn", "citizen", "bpd", "village_head", "village_official", "tni_polri",
           "pppk", "pns", "asn")
# Words for a post only civil servants hold (camat, kepala dinas, staf ...), or for means only they have (the
# office hall, an official car), read as "asn". Not "guru": many teachers are honorary staff, so it asks.
_CIVIL_ROLES = frozenset({"official", "staff", "state_facility"})
# A regional head's own powers (replacing officials, programmes, social aid): the rulebook binds acting heads as PNS.
_REGIONAL_HEAD_ACTS = frozenset({"replace_official", "transfer", "program", "aid"})


def normalise(value: object) -> str | None:
    """A status value from a form, the API or the CLI: None when not given, the status when known, or ValueError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().lower()
    text = ALIASES.get(text, text)
    if text not in ACCEPTED:
        raise ValueError(text)
    return text


def detect(concepts: Iterable[str]) -> str | None:
    """The status a question names, or None when it names none."""
    found = set(concepts)
    for status in _DETECT:
        if status in found:
            return status
    if found & _CIVIL_ROLES or "regional_head" in found and found & _REGIONAL_HEAD_ACTS:
        return "asn"
    return "citizen" if "citizen_job" in found else None  # a student or a trader, unless a status word says more


# Statuses that qualify a person whoever else the question names ("PNS yang sudah pensiun", "istri PNS",
# "guru honorer"): they decide wherever they stand. Among the others, the first named acts (Indonesian puts the
# actor first: "pejabat dinas PU menunda jalan di desa yang kadesnya ..." is asked about the official).
_QUALIFYING = ("asn_spouse", "retired", "non_asn", "citizen")


def named(words: tuple[str, ...], concept_at) -> str | None:
    """The status of the person a question is about: a qualifying status anywhere, else the first status named,
    reading the phrases of `words` in order (`concept_at(i)`: the concepts of the lexicon phrase at word i)."""
    spans = [concept_at(i) for i in range(len(words))]
    everything = set().union(*spans)
    for status in _QUALIFYING:
        if status in everything:
            return status
    for found in spans:
        status = detect(set(found) - set(_QUALIFYING) - {"citizen_job"}) if found else None
        if status is not None and (status != "asn" or found & {"asn", "pns", "pppk", "official", "staff"}):
            return status
    found = detect(everything)
    if found is None and _opening(words) in _CITIZENS:
        return "citizen"  # "warga boleh pasang baliho?": the question is about a citizen's own act
    return found


# A question that opens on "warga"/"masyarakat" (after "apakah", "bolehkah" ...) and names no other status asks
# about a citizen; elsewhere the word is whom an act concerns ("bagi sembako ke warga").
_CITIZENS = frozenset({"warga", "masyarakat", "rakyat", "penduduk"})
_OPENERS = frozenset({"apakah", "bolehkah", "boleh", "apa", "kalau", "jika", "seorang", "sebagai", "kami", "saya"})


def _opening(words: tuple[str, ...]) -> str | None:
    return next((w for w in words if w not in _OPENERS), None)


# Words before the asker's own status ("sy PNS", "saya seorang kades"): "saya" is "sy", "aku", "gw" after folding.
FIRST_PERSON = frozenset({"saya", "kami"})
_BETWEEN = frozenset({"seorang", "sebagai", "adalah", "ini", "juga", "kan", "cuma", "hanya", "merupakan", "sendiri"})


def stated(words: tuple[str, ...], concept_at) -> str | None:
    """The status a person gives for themselves ("sy PNS liat kepala desa ..." is asked by a PNS, not a village
    head). `concept_at(i)` returns the concepts of the lexicon phrase starting at word i (empty when none)."""
    for i, word in enumerate(words):
        if word not in FIRST_PERSON:
            continue
        j = i + 1
        while j < len(words) and words[j] in _BETWEEN:
            j += 1
        if j >= len(words):
            continue
        # "saya pegawai honorer": the words after the first also qualify it
        found = detect(concept_at(j) | (concept_at(j + 1) if j + 1 < len(words) else frozenset()))
        if found is not None:
            if i > 0 and "spouse" in concept_at(i - 1) and found in CIVIL_SERVANTS:
                return "asn_spouse"  # "istri saya PPPK": the asker is the civil servant's spouse
            return found
    return None


def obliges(rule: Rule, status: str | None) -> bool:
    """Whether `rule` itself forbids a person of `status` something (rules addressed to candidates do not)."""
    return status is not None and any(rule.obliges(s) for s in BOUND_AS.get(status, ()))
