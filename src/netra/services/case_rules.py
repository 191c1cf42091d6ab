"""The rulebook's facts as the case domain takes them: plain data per rule (whom it binds, in which election,
which sanctions), so netra.cases can refuse what the rulebook does not allow without importing it."""

from __future__ import annotations

from collections.abc import Mapping

from netra.cases import RuleFacts, SanctionOption
from netra.rulebook import Rulebook, Subject

_BY_HASH: dict[str, Mapping[str, RuleFacts]] = {}


def rule_facts(rulebook: Rulebook) -> Mapping[str, RuleFacts]:
    """Each rule's facts, built once per rulebook content (overrides make a new content hash)."""
    found = _BY_HASH.get(rulebook.content_hash)
    if found is None:
        # A rule addressed to others (UU 10/2016 Pasal 70: the candidate pair) forbids the reported person nothing.
        found = {r.id: RuleFacts(frozenset(s.value for s in Subject if s is not Subject.EVERYONE and r.obliges(s)),
                                 r.elections,
                                 tuple(SanctionOption(k.value, l.value) for k, l in r.sanction_options()))
                 for r in rulebook}
        _BY_HASH[rulebook.content_hash] = found
    return found
