"""The rulebook's value objects.

Everything here is immutable (frozen dataclasses, tuples) because one loaded rulebook is shared by the screening
engine, the Q&A engine and the case workflow; a change is a new ``Rulebook`` (see ``with_overrides``), never an
in-place edit, so a case can always say which rulebook version it was judged against.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class RulebookError(ValueError):
    """A rulebook that cannot be used. ``file``, ``line`` and ``field`` say where to fix it (when known)."""

    def __init__(self, problem: str, *, file: str | None = None, line: int | None = None, field: str | None = None):
        self.problem = problem
        self.file = file
        self.line = line
        self.field = field
        where = []
        if file is not None:
            where.append(str(file))
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}" if where else problem)


class OverrideError(RulebookError):
    """An administrator override that cannot be applied (unknown rule or field, or a value that fails validation)."""


class Family(StrEnum):
    """The nine groups Netra uses for screening and statistics (brief section 3); each rule has exactly one."""

    SOCIAL_MEDIA = "social_media"
    CAMPAIGN = "campaign"
    STATE_RESOURCES = "state_resources"
    OFFICIAL_ACTION = "official_action"
    CAMPAIGN_PROPS = "campaign_props"
    PARTY = "party"
    CANDIDACY = "candidacy"
    KTP_SUPPORT = "ktp_support"
    PARTISAN_EVENT = "partisan_event"


class Subject(StrEnum):
    """Who a rule binds (brief section 1)."""

    PNS = "pns"
    PPPK = "pppk"
    NON_ASN = "non_asn"
    VILLAGE_HEAD = "village_head"
    VILLAGE_OFFICIAL = "village_official"
    BPD = "bpd"  # members of the village consultative body (Badan Permusyawaratan Desa)
    TNI_POLRI = "tni_polri"
    # every person, whatever their status: the general offences of election law (vote buying, campaigning in the
    # quiet period ...) and the campaign bans that bind whoever takes part in a campaign
    EVERYONE = "everyone"


class Addressee(StrEnum):
    """Who a provision is addressed to when it is not the people in ``subjects`` (brief section 2): UU 10/2016
    Pasal 70 forbids the candidate pair to involve civil servants; it does not forbid the civil servant anything.
    Guidance never rests a "not allowed" for the asker on such a rule."""

    CANDIDATE_PAIR = "candidate_pair"
    CAMPAIGN_TEAM = "campaign_team"


class Period(StrEnum):
    """When a rule applies, relative to an election's calendar (see ``netra.elections``)."""

    BEFORE_CANDIDATES_SET = "before_candidates_set"
    AFTER_CANDIDATES_SET = "after_candidates_set"
    CAMPAIGN = "campaign"
    ANY_TIME = "any_time"

    def applies(self, *, candidates_set: bool, in_campaign: bool) -> bool:
        """Whether a rule with this period applies on a day with these calendar facts.

        The campaign lies after the candidates-set date, so ``in_campaign`` implies ``candidates_set``.
        """
        if self is Period.ANY_TIME:
            return True
        if self is Period.BEFORE_CANDIDATES_SET:
            return not candidates_set
        if self is Period.AFTER_CANDIDATES_SET:
            return candidates_set or in_campaign
        return in_campaign


class SanctionKind(StrEnum):
    MORAL = "moral"  # PP 42/2004 ethics: an open or closed statement by the PPK
    DISCIPLINE = "discipline"  # PP 94/2021 hukuman disiplin
    DISMISSAL = "dismissal"  # e.g. PTDH for party membership (UU 20/2023 Pasal 52)
    CRIMINAL = "criminal"  # election crimes handled through Gakkumdu and the courts
    # Under the person's own law, not the civil-service scale: a village head's reprimand up to removal (UU 6/2014),
    # or a candidacy the KPU finds ineligible.
    ADMINISTRATIVE = "administrative"
    # The instrument names no sanction of its own: the person's institution (TNI, Polri, the employing agency)
    # applies its own discipline rules or the employment contract.
    INSTITUTIONAL = "institutional"


class SanctionLevel(StrEnum):
    MORAL_TERBUKA_ATAU_TERTUTUP = "moral_terbuka_atau_tertutup"
    MORAL_TERBUKA = "moral_terbuka"
    MORAL_TERTUTUP = "moral_tertutup"
    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"
    PTDH = "ptdh"  # pemberhentian tidak dengan hormat
    PIDANA = "pidana"
    ADMINISTRATIF = "administratif"
    INSTITUSI = "institusi"  # decided by the person's own institution


LEVELS_BY_KIND: Mapping[SanctionKind, frozenset[SanctionLevel]] = MappingProxyType(
    {
        SanctionKind.MORAL: frozenset(
            {SanctionLevel.MORAL_TERBUKA_ATAU_TERTUTUP, SanctionLevel.MORAL_TERBUKA, SanctionLevel.MORAL_TERTUTUP}
        ),
        SanctionKind.DISCIPLINE: frozenset({SanctionLevel.RINGAN, SanctionLevel.SEDANG, SanctionLevel.BERAT}),
        SanctionKind.DISMISSAL: frozenset({SanctionLevel.PTDH}),
        SanctionKind.CRIMINAL: frozenset({SanctionLevel.PIDANA}),
        SanctionKind.ADMINISTRATIVE: frozenset({SanctionLevel.ADMINISTRATIF}),
        SanctionKind.INSTITUTIONAL: frozenset({SanctionLevel.INSTITUSI}),
    }
)


# The election statutes bind only in their own election: UU 10/2016 is the Pilkada law, UU 7/2017 the Pemilu law.
# Every other instrument (the SKB, PP 94/2021, the persons' own laws) binds in both.
ELECTION_KINDS = ("pilkada", "pemilu")
ELECTION_LAWS: Mapping[str, str] = MappingProxyType({"uu10_2016": "pilkada", "uu7_2017": "pemilu"})


class InstrumentKind(StrEnum):
    DECREE = "decree"  # the SKB 2022 joint decree
    REGULATION = "regulation"  # PP (government regulation)
    STATUTE = "statute"  # UU (law)
    CIRCULAR = "circular"  # SE (a minister's circular), e.g. SE MenPANRB 1/2023 on non-ASN staff


class Combination(StrEnum):
    """How prison and fine combine in a criminal provision."""

    AND = "and"  # "dan": both
    AND_OR = "and_or"  # "dan/atau": either or both


@dataclass(frozen=True)
class LocalizedText:
    id: str  # Bahasa Indonesia (the authoritative language of the sources)
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True)
class Bounds:
    """An inclusive numeric range; either end may be unknown (None) when the sources do not give it."""

    min: int | None
    max: int | None


@dataclass(frozen=True)
class Sanction:
    kind: SanctionKind
    level: SanctionLevel
    consists_of: LocalizedText
    imposed_by: LocalizedText | None = None
    prison_months: Bounds | None = None  # criminal only
    fine_rupiah: Bounds | None = None  # criminal only
    combination: Combination | None = None  # criminal only


@dataclass(frozen=True)
class Example:
    text: str  # Bahasa Indonesia, phrased as people really write or ask
    why: str | None = None  # short reason, mostly for the allowed near-misses


@dataclass(frozen=True)
class Examples:
    forbidden: tuple[Example, ...]
    allowed: tuple[Example, ...]


@dataclass(frozen=True)
class Alternative:
    value: Any
    sources: tuple[str, ...]
    note: LocalizedText | None = None


@dataclass(frozen=True)
class Disputed:
    """A field whose value the sources disagree on; the rule carries one value, this records the others."""

    field: str  # a field path inside the rule, e.g. "sanction.level"
    note: LocalizedText
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    instrument: str
    family: Family
    title: LocalizedText
    explanation: LocalizedText
    subjects: tuple[Subject, ...]
    period: Period
    sanction: Sanction
    legal_basis: tuple[str, ...]
    sources: tuple[str, ...]
    examples: Examples
    keywords: tuple[str, ...]
    related: tuple[str, ...] = ()
    disputed: Disputed | None = None
    note: LocalizedText | None = None
    verified: bool = True  # False: content not confirmed by the brief's sources; see ``note``
    addressees: tuple[Addressee, ...] = ()  # empty: the rule binds its subjects; else it binds these others

    @property
    def binds_everyone(self) -> bool:
        """A general election offence (vote buying, the quiet period...) that binds every person, not a duty of office."""
        return Subject.EVERYONE in self.subjects

    def binds(self, subject: Subject | str) -> bool:
        """Whether the rule concerns `subject` (bound by it, or protected by a rule addressed to others)."""
        return Subject(subject) in self.subjects or self.binds_everyone

    @property
    def elections(self) -> frozenset[str]:
        """The election kinds ("pilkada", "pemilu") in which the rule applies (ELECTION_LAWS)."""
        own = ELECTION_LAWS.get(self.instrument)
        return frozenset({own} if own else ELECTION_KINDS)

    def sanction_options(self) -> tuple[tuple[SanctionKind, SanctionLevel], ...]:
        """The sanctions a decision on this rule may impose: the rule's own, then each level the sources dispute it
        with (an administrator override switches which one is the rule's own). "Open or closed" is two choices."""
        options = [(self.sanction.kind, self.sanction.level)]
        if self.sanction.level is SanctionLevel.MORAL_TERBUKA_ATAU_TERTUTUP:  # the PPK picks one of the two
            options = [(SanctionKind.MORAL, SanctionLevel.MORAL_TERBUKA), (SanctionKind.MORAL, SanctionLevel.MORAL_TERTUTUP)]
        if self.disputed is not None and self.disputed.field == "sanction.level":
            for alt in self.disputed.alternatives:
                level = SanctionLevel(alt.value)
                kind = next(k for k, levels in LEVELS_BY_KIND.items() if level in levels)
                options.append((kind, level))
        return tuple(dict.fromkeys(options))

    def obliges(self, subject: Subject | str) -> bool:
        """Whether the rule itself forbids `subject` something: it concerns them and is not addressed to others."""
        return not self.addressees and self.binds(subject)

    def to_dict(self) -> dict[str, Any]:
        """The rule in the YAML shape (plain JSON-able values); re-parsing it gives an equal rule."""
        from netra.rulebook.schema import rule_to_dict

        return rule_to_dict(self)

    def value_at(self, path: str) -> Any:
        """The plain value at a dotted field path such as ``sanction.level`` or ``examples.allowed.0``."""
        from netra.rulebook.schema import resolve_path

        return resolve_path(self.to_dict(), path)


@dataclass(frozen=True)
class FamilyInfo:
    id: Family
    label: LocalizedText
    description: LocalizedText


@dataclass(frozen=True)
class Instrument:
    """A legal instrument the rules come from (the SKB, PP 94/2021, a UU); rule ids start with ``id_prefix``."""

    id: str
    kind: InstrumentKind
    title: LocalizedText
    citation: str
    id_prefix: str
    min_examples: int
    sources: tuple[str, ...]
    note: LocalizedText | None = None


@dataclass(frozen=True)
class Override:
    """An administrator's correction of one field of one rule: who changed what, when and why."""

    rule_id: str
    field: str
    value: Any
    by: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class AppliedOverride:
    override: Override
    previous: Any  # the plain value before the change, for audit and undo


@dataclass(frozen=True)
class Rulebook:
    """All rules, in a stable order (files in manifest order, rules in file order).

    Build one with ``load_rulebook``; the constructor assumes already-validated parts.
    """

    data_version: str
    families: tuple[FamilyInfo, ...]
    instruments: tuple[Instrument, ...]
    rules: tuple[Rule, ...]
    overrides: tuple[AppliedOverride, ...] = ()
    _by_id: Mapping[str, Rule] = field(init=False, repr=False, compare=False)
    _hash: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({r.id: r for r in self.rules}))
        object.__setattr__(self, "_hash", _content_hash(self))

    # --- identity -------------------------------------------------------------------------------------------
    @property
    def content_hash(self) -> str:
        """SHA-256 over the canonical content: changes whenever any rule, family or instrument changes."""
        return self._hash

    @property
    def version(self) -> str:
        """``<data version>+<first 12 hex of the content hash>``: what a case records as "judged against"."""
        return f"{self.data_version}+{self._hash[:12]}"

    # --- lookup ---------------------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __getitem__(self, rule_id: str) -> Rule:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise KeyError(f"no rule with id {rule_id!r}") from None

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    @property
    def by_id(self) -> Mapping[str, Rule]:
        return self._by_id

    def by_family(self, family: Family | str) -> tuple[Rule, ...]:
        fam = Family(family)
        return tuple(r for r in self.rules if r.family is fam)

    def by_instrument(self, instrument_id: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.instrument == instrument_id)

    def family(self, family: Family | str) -> FamilyInfo:
        fam = Family(family)
        return next(f for f in self.families if f.id is fam)

    def instrument(self, instrument_id: str) -> Instrument:
        for inst in self.instruments:
            if inst.id == instrument_id:
                return inst
        raise KeyError(f"no instrument with id {instrument_id!r}")

    def applicable(
        self,
        *,
        subject: Subject | str | None = None,
        candidates_set: bool | None = None,
        in_campaign: bool = False,
    ) -> tuple[Rule, ...]:
        """Rules binding `subject` (any if None) whose period covers a day with these calendar facts.

        ``candidates_set=None`` skips the period filter. Get the facts from ``Election.candidates_set(day)``
        and ``Election.in_campaign(day)``.
        """
        out = []
        for rule in self.rules:
            if subject is not None and not rule.binds(subject):
                continue
            if candidates_set is not None and not rule.period.applies(
                candidates_set=candidates_set, in_campaign=in_campaign
            ):
                continue
            out.append(rule)
        return tuple(out)

    # --- change ---------------------------------------------------------------------------------------------
    def with_overrides(self, overrides: Override | list[Override] | tuple[Override, ...]) -> Rulebook:
        """A new Rulebook with the overrides applied in order (all or none); see ``netra.rulebook.overrides``."""
        from netra.rulebook.overrides import apply_overrides

        return apply_overrides(self, overrides)


def _content_hash(book: Rulebook) -> str:
    from netra.rulebook.schema import rule_to_dict

    payload = {
        "families": [
            {"id": f.id.value, "label": vars(f.label), "description": vars(f.description)} for f in book.families
        ],
        "instruments": [
            {
                "id": i.id,
                "kind": i.kind.value,
                "title": vars(i.title),
                "citation": i.citation,
                "id_prefix": i.id_prefix,
                "min_examples": i.min_examples,
                "sources": list(i.sources),
                "note": vars(i.note) if i.note else None,
            }
            for i in book.instruments
        ],
        "rules": [rule_to_dict(r) for r in book.rules],
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
