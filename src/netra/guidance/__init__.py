""""Bolehkah?": answers a civil servant's question in everyday Indonesian with a verdict (allowed, not allowed,
depends), the matching rules ranked, the reason, the sanction and the legal basis.

Pure domain code (no web or database imports), offline, no model download: the index is built at load time from
the rulebook's own text and the data files in ``data/`` (lexicon, act table (data/acts.yaml), learned reader (data/reader.npz), messages, language lists).

    >>> from netra.guidance import answer
    >>> a = answer("boleh gak sih PNS nge-like postingan paslon?")
    >>> a.verdict.value, a.rule_ids[:2]
"""

from netra.guidance.engine import GuidanceEngine, Weights, answer, default_engine
from netra.guidance.model import (
    MAX_QUESTION_CHARS,
    SUBJECT_CHOICES,
    Answer,
    Citation,
    Evidence,
    GuidanceDataError,
    GuidanceError,
    ActType,
    RuleMatch,
    StageInfo,
    Verdict,
)
from netra.guidance.acts import load_acts
from netra.guidance.text import Analysis, Lexicon

__all__ = [
    "MAX_QUESTION_CHARS",
    "SUBJECT_CHOICES",
    "Analysis",
    "Answer",
    "Citation",
    "Evidence",
    "GuidanceDataError",
    "GuidanceEngine",
    "GuidanceError",
    "Lexicon",
    "ActType",
    "RuleMatch",
    "StageInfo",
    "Verdict",
    "Weights",
    "answer",
    "default_engine",
    "load_acts",
]
