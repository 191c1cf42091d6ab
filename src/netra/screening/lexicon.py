"""The screener's vocabulary (``data/lexicon.yaml``): cues, roles, unbinders, state property, act phrases.

Spelling (slang, number words, hand-sign emoji, elongations, hashtags) is not here: every text and every phrase
below goes through the product's one normaliser, ``netra.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netra.yaml_data import safe_load

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA_DIR / "lexicon.yaml"


@dataclass(frozen=True)
class Lexicon:
    """The screening vocabulary (``data/lexicon.yaml``), as plain data. Spelling is netra.text's."""

    ballot_context: frozenset[str]
    cues: dict[str, tuple[str, ...]]
    evidence_cues: frozenset[str]
    roles: dict[str, tuple[str, ...]]
    unbinders_before: frozenset[str]
    unbinders_after: tuple[str, ...]
    unbinder_phrases: tuple[str, ...]
    implied_actor: dict[str, tuple[str, ...]]
    family_cues: dict[str, tuple[str, ...]]
    occupations: frozenset[str] = frozenset()
    agencies: tuple[str, ...] = ()
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def load(cls, path: str | Path = LEXICON_PATH) -> Lexicon:
        with open(path, encoding="utf-8") as fh:
            data = safe_load(fh)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicon:
        def strs(seq: Any) -> tuple[str, ...]:
            return tuple(str(x) for x in (seq or ()))

        unb = data.get("unbinders") or {}
        return cls(
            ballot_context=frozenset(str(x).lower() for x in data.get("ballot_context") or ()),
            cues={str(k): strs(v) for k, v in (data.get("cues") or {}).items()},
            evidence_cues=frozenset(strs(data.get("evidence_cues"))),
            roles={str(k): strs(v) for k, v in (data.get("roles") or {}).items()},
            unbinders_before=frozenset(str(x).lower() for x in unb.get("before") or ()),
            unbinders_after=strs(unb.get("after")),
            unbinder_phrases=strs(unb.get("phrases")),
            implied_actor={str(k): strs(v) for k, v in (data.get("implied_actor") or {}).items()},
            family_cues={str(k): strs(v) for k, v in (data.get("family_cues") or {}).items()},
            occupations=frozenset(str(x).lower() for x in data.get("occupations") or ()),
            agencies=strs(data.get("agencies")),
            raw=data,
        )

    def words(self) -> set[str]:
        """Every word of the screening vocabulary (the normaliser uses them to split lowercase hashtags and to undo
        elongations)."""
        out: set[str] = set(self.ballot_context)
        groups = [*self.cues.values(), *self.roles.values(), *self.implied_actor.values(), self.agencies,
                  *self.family_cues.values(), self.unbinders_after, self.unbinder_phrases]
        for group in groups:
            for phrase in group:
                out.update(w for w in re.findall(r"[^\W_]+", phrase.lower()))
        out.update(self.unbinders_before)
        out.update(self.occupations)
        return {w for w in out if w}
