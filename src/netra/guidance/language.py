"""Input checks: empty, too long, or not Indonesian (an honest word-count heuristic, see data/language.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netra.guidance.model import MAX_QUESTION_CHARS, GuidanceError
from netra.yaml_data import safe_load

DATA_DIR = Path(__file__).resolve().parent / "data"
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageCheck:
    indonesian: frozenset[str]
    english: frozenset[str]
    messages: dict

    @classmethod
    def build(cls, messages: dict, extra_indonesian: Iterable[str] = (), path: Path | None = None) -> LanguageCheck:
        with open(path or DATA_DIR / "language.yaml", encoding="utf-8") as fh:
            raw = safe_load(fh) or {}
        indonesian = {str(w).lower() for w in raw.get("indonesian") or ()} | {w.lower() for w in extra_indonesian}
        # Words Indonesians use as their own (like, share, post, status ...) never count as English.
        english = {str(w).lower() for w in raw.get("english") or ()} - indonesian
        return cls(frozenset(indonesian), frozenset(english), messages)

    def _error(self, code: str, **values) -> GuidanceError:
        msg = self.messages["errors"][code]
        return GuidanceError(code, msg["id"].format(**values), msg["en"].format(**values))

    def check(self, question: object, folded_words: Iterable[str] | None = None) -> str:
        """The stripped question, or GuidanceError. ``folded_words``: the question's words after slang folding."""
        if not isinstance(question, str) or not question.strip():
            raise self._error("empty")
        text = question.strip()
        if len(text) > MAX_QUESTION_CHARS:
            raise self._error("too_long", length=len(text), limit=MAX_QUESTION_CHARS)
        raw_words = [w.lower() for w in _WORD_RE.findall(text)]
        words = [w for w in raw_words if len(w) > 1 or w in ("a", "i")]
        if not words:
            raise self._error("not_indonesian")
        folded = set(folded_words or ())
        known = sum(1 for w in words if w in self.indonesian or w in folded and w in self.indonesian)
        english = sum(1 for w in words if w in self.english and w not in self.indonesian)
        if english >= 2 and english > known:
            raise self._error("english")
        if known == 0 or known * 3 < len(words):
            raise self._error("english" if english > known else "not_indonesian")
        return text
