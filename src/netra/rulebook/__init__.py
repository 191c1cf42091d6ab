"""The neutrality rulebook: versioned legal rules as validated, immutable data.

Rules live in YAML under ``data/`` (SKB 2022 ethics and discipline annex, PP 94/2021 Pasal 5 huruf n, and the
criminal provisions of UU 10/2016 and UU 7/2017). ``load_rulebook()`` validates everything at load time and
returns a ``Rulebook``; ``Rulebook.with_overrides`` applies administrator corrections without touching the files.
Pure domain code: no web or database imports.
"""

from netra.rulebook.loader import DATA_DIR, load_rulebook
from netra.rulebook.model import (
    ELECTION_LAWS,
    LEVELS_BY_KIND,
    Addressee,
    AppliedOverride,
    Alternative,
    Bounds,
    Combination,
    Disputed,
    Example,
    Examples,
    Family,
    FamilyInfo,
    Instrument,
    InstrumentKind,
    LocalizedText,
    Override,
    OverrideError,
    Period,
    Rule,
    Rulebook,
    RulebookError,
    Sanction,
    SanctionKind,
    SanctionLevel,
    Subject,
)

__all__ = [
    "DATA_DIR",
    "ELECTION_LAWS",
    "LEVELS_BY_KIND",
    "Addressee",
    "AppliedOverride",
    "Alternative",
    "Bounds",
    "Combination",
    "Disputed",
    "Example",
    "Examples",
    "Family",
    "FamilyInfo",
    "Instrument",
    "InstrumentKind",
    "LocalizedText",
    "Override",
    "OverrideError",
    "Period",
    "Rule",
    "Rulebook",
    "RulebookError",
    "Sanction",
    "SanctionKind",
    "SanctionLevel",
    "Subject",
    "load_rulebook",
]
