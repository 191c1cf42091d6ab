"""What a case must state before it may go further, and what the rulebook lets it rest on.

netra.cases may not import the rulebook, so the adapters pass each rule's facts in as plain data (`RuleFacts`,
built by netra.services.case_rules), the way `known_rule_ids` is passed: the domain decides, the rulebook informs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable, Mapping

from netra.cases.errors import IncompleteCase, MissingRequirement, NotInRulebook
from netra.cases.labels import Label
from netra.cases.model import CaseState, ReportedPerson

CIVIL_SERVANTS = frozenset({"pns", "pppk"})
# The standings a reported person may have, as the rulebook's subjects name them.
STATUSES: dict[str, Label] = {
    "pns": Label("PNS", "Civil servant (PNS)"),
    "pppk": Label("PPPK", "Contract civil servant (PPPK)"),
    "non_asn": Label("Pegawai non-ASN", "Non-ASN staff"),
    "village_head": Label("Kepala desa", "Village head"),
    "village_official": Label("Perangkat desa", "Village official"),
    "bpd": Label("Anggota BPD", "Village council (BPD) member"),
    "tni_polri": Label("Anggota TNI/Polri", "Military or police member"),
}
SANCTION_KINDS: dict[str, Label] = {
    "moral": Label("Sanksi moral", "Moral sanction"),
    "discipline": Label("Hukuman disiplin", "Disciplinary penalty"),
    "dismissal": Label("Pemberhentian", "Dismissal"),
    "criminal": Label("Pidana", "Criminal penalty"),
    "administrative": Label("Sanksi administratif", "Administrative sanction"),
    "institutional": Label("Sanksi oleh institusi terlapor", "Sanction by the person's institution"),
}
SANCTION_LEVELS: dict[str, Label] = {
    "moral_terbuka_atau_tertutup": Label("Pernyataan secara terbuka atau tertutup", "Open or closed statement"),
    "moral_terbuka": Label("Pernyataan secara terbuka", "Open statement"),
    "moral_tertutup": Label("Pernyataan secara tertutup", "Closed statement"),
    "ringan": Label("Hukuman disiplin ringan", "Light disciplinary penalty"),
    "sedang": Label("Hukuman disiplin sedang", "Moderate disciplinary penalty"),
    "berat": Label("Hukuman disiplin berat", "Severe disciplinary penalty"),
    "ptdh": Label("Pemberhentian tidak dengan hormat", "Dishonourable dismissal"),
    "pidana": Label("Pidana penjara dan/atau denda", "Prison and/or fine"),
    "administratif": Label("Sanksi administratif", "Administrative sanction"),
    "institusi": Label("Ditetapkan oleh institusi terlapor", "Set by the person's institution"),
}
ELECTIONS: dict[str, Label] = {"pilkada": Label("Pilkada", "Regional election"),
                               "pemilu": Label("Pemilu", "General election")}
# The facts about the reported person a recommendation or letter must state, in the order a form lists them.
FACTS: dict[str, Label] = {
    "name": Label("nama terlapor", "the reported person's name"),
    "status": Label("status terlapor (PNS, PPPK, kepala desa, ...)", "the reported person's status"),
    "nip": Label("NIP", "NIP"),
    "position": Label("jabatan", "position"),
    "agency": Label("instansi", "agency"),
}


def named(table: Mapping[str, Label], value: str) -> str:
    """The Indonesian name of a value, or the value itself when the table does not know it."""
    found = table.get(value)
    return found.id if found else value


def sanction_text(kind: str, level: str) -> str:
    """'Hukuman disiplin berat', 'Sanksi moral: Pernyataan secara tertutup': how officers and letters name it."""
    level_text = named(SANCTION_LEVELS, level)
    kind_text = named(SANCTION_KINDS, kind)
    return level_text if level_text.startswith(kind_text) else f"{kind_text}: {level_text}"


@dataclass(frozen=True)
class SanctionOption:
    kind: str
    level: str

    @property
    def value(self) -> str:
        """One form value for both parts: 'discipline/berat'."""
        return f"{self.kind}/{self.level}"

    @property
    def text(self) -> str:
        return sanction_text(self.kind, self.level)


@dataclass(frozen=True)
class RuleFacts:
    """What the rulebook says about one rule, as plain data."""

    subjects: frozenset[str]  # whom it binds (rulebook subjects: pns, pppk, village_head, ...)
    elections: frozenset[str]  # the election kinds it applies in (a statute binds only its own election)
    sanctions: tuple[SanctionOption, ...]  # the rule's sanction first, then any alternative the sources give


def missing_facts(person: ReportedPerson) -> tuple[str, ...]:
    """Keys of FACTS the case still lacks: a name and a status always; NIP, position and agency for a PNS/PPPK."""
    wanted = ["name", "status"]
    if person.status in CIVIL_SERVANTS:
        wanted += ["nip", "position", "agency"]
    return tuple(k for k in wanted if not (getattr(person, k) or "").strip())


def require_complete(person: ReportedPerson, doing: str) -> None:
    """Refuse `doing` ('merekomendasikan perkara', 'membuat surat') while the case lacks a fact it must state."""
    missing = missing_facts(person)
    if missing:
        raise IncompleteCase(f"Belum dapat {doing}: {', '.join(FACTS[k].id for k in missing)} belum diisi. "
                             "Lengkapi data terlapor pada halaman perkara terlebih dahulu.", missing)


def check_rules(rule_ids: Iterable[str], case: CaseState, facts: Mapping[str, RuleFacts]) -> None:
    """Each rule must exist, apply in the case's election and bind the reported person's status."""
    status = case.subject.status
    for rule_id in rule_ids:
        fact = facts.get(rule_id)
        if fact is None:
            raise MissingRequirement(f"Ketentuan tidak dikenal dalam buku aturan: {rule_id}.")
        if case.election_kind not in fact.elections:
            raise NotInRulebook(f"Ketentuan {rule_id} berlaku untuk {' dan '.join(named(ELECTIONS, e) for e in sorted(fact.elections))}, "
                                f"sedangkan perkara ini perkara {named(ELECTIONS, case.election_kind)}.")
        if status and status not in fact.subjects:
            raise NotInRulebook(f"Ketentuan {rule_id} tidak mengikat terlapor berstatus {named(STATUSES, status)}.")


def rules_for(election_kind: str, status: str, facts: Mapping[str, RuleFacts]) -> tuple[str, ...]:
    """The rule ids a recommendation may cite in a case of this election about a person of this status (for the
    form: the same test `check_rules` applies)."""
    return tuple(i for i, f in facts.items() if election_kind in f.elections and (not status or status in f.subjects))


def sanction_options(rule_ids: Collection[str], facts: Mapping[str, RuleFacts]) -> dict[str, tuple[SanctionOption, ...]]:
    """For each rule a sanction may rest on, the kinds and levels the rulebook allows (the rule's own first)."""
    return {i: facts[i].sanctions for i in rule_ids if i in facts}


def check_sanction(rule_id: str, kind: str, level: str, case: CaseState, facts: Mapping[str, RuleFacts]) -> None:
    """The sanction must rest on a rule BKN recommended and be one the rulebook allows for that rule."""
    if case.recommended_rule_ids and rule_id not in case.recommended_rule_ids:
        raise NotInRulebook(f"Sanksi harus didasarkan pada ketentuan yang direkomendasikan: "
                            f"{', '.join(case.recommended_rule_ids)}; {rule_id} tidak termasuk.")
    fact = facts.get(rule_id)
    if fact is None:
        raise MissingRequirement(f"Ketentuan tidak dikenal dalam buku aturan: {rule_id}.")
    if SanctionOption(kind, level) not in fact.sanctions:
        allowed = "; ".join(o.text for o in fact.sanctions)
        raise NotInRulebook(f"Sanksi '{sanction_text(kind, level)}' tidak diatur untuk ketentuan {rule_id}. "
                            f"Yang dibolehkan buku aturan: {allowed}.")
