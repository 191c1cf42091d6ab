"""Folding everyday Indonesian into comparable words and concepts (driven by ``data/lexicon.yaml``).

``Lexicon.analyse(text)`` returns an ``Analysis``: the plain words after slang folding (``words``), the tokens
used for comparison (concept tokens ``c:<name>`` for every lexicon phrase found, plus the remaining non-stopword
words) and the set of concepts. The same function runs over questions and over the rulebook's own text, so both
sides speak the same vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

# Hand-sign emoji people use for ballot numbers.
_EMOJI = {
    "\u261d": " salam satu jari ",  # ☝
    "\U0001f446": " salam satu jari ",  # 👆
    "\u270c": " salam dua jari ",  # ✌
    "\U0001f918": " salam metal ",  # 🤘
    "\U0001f44d": " jempol ",  # 👍
    "\u2764": " love ",  # ❤
}
_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_REDUP_DIGIT_RE = re.compile(r"^([^\W\d_]{2,})2$")
_ELONGATED_RE = re.compile(r"([^\W\d_])\1{2,}")
_PUNCT_BREAK_RE = re.compile(r"[.,;:!?()\[\]\"'“”‘’/|]+")


@dataclass(frozen=True)
class Analysis:
    words: tuple[str, ...]  # every word after folding, stopwords included, in order
    tokens: tuple[str, ...]  # comparison tokens: c:<concept> plus the remaining content words
    concepts: frozenset[str]

    @property
    def text(self) -> str:
        """The folded words joined with spaces (the input of the character n-gram comparison)."""
        return " ".join(self.words)


class Lexicon:
    """The slang table, the concept phrases and the stopwords, with the analyser built on them."""

    def __init__(self, raw: dict[str, Any]):
        self.raw = raw
        self.slang: dict[str, str] = {str(k).lower(): str(v).lower() for k, v in (raw.get("slang") or {}).items()}
        self.stopwords: frozenset[str] = frozenset(str(w).lower() for w in raw.get("stopwords") or ())
        self.known_words = frozenset(self.slang) | self.stopwords | _raw_phrase_words(raw)
        phrases: dict[tuple[str, ...], set[str]] = {}
        for concept, variants in (raw.get("concepts") or {}).items():
            for variant in variants:
                key = tuple(self._fold_words(str(variant)))
                if key:
                    phrases.setdefault(key, set()).add(str(concept))
        self.phrases: dict[tuple[str, ...], frozenset[str]] = {k: frozenset(v) for k, v in phrases.items()}
        self.max_phrase = max((len(k) for k in self.phrases), default=1)
        self.concept_names: frozenset[str] = frozenset((raw.get("concepts") or {}).keys())
        self.known_words: frozenset[str] = self.vocabulary

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        path = Path(path) if path else DATA_DIR / "lexicon.yaml"
        with open(path, encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh) or {})

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicon knows (slang, standard forms, phrase words, stopwords)."""
        words = set(self.stopwords) | set(self.slang) | set(self.slang.values())
        for key in self.phrases:
            words.update(key)
        return frozenset(words)

    # --- folding ------------------------------------------------------------------------------------------------
    def _fold_words(self, text: str) -> list[str]:
        """Lower-case words with emoji, reduplication, hyphens, elongation and slang folded."""
        text = unicodedata.normalize("NFKC", text)
        for emoji, words in _EMOJI.items():
            text = text.replace(emoji, words)
        text = text.lower()
        out: list[str] = []
        for chunk in _PUNCT_BREAK_RE.split(text):
            for match in _WORD_RE.finditer(chunk):
                out.extend(self._fold_word(match.group(0)))
        return out

    def _fold_word(self, word: str) -> list[str]:
        if "-" in word:
            parts = word.split("-")
            if len(parts) == 2 and parts[0] == parts[1]:  # bagi-bagi, foto-foto: reduplication means one word
                word = parts[0] if parts[0] != "yel" else "yelyel"
            else:  # nge-like, e-ktp, non-asn, arak-arakan
                word = "".join(parts)
        m = _REDUP_DIGIT_RE.match(word)
        if m and word not in self.slang:
            word = m.group(1)
        if word not in self.known_words:
            word = _ELONGATED_RE.sub(r"\1", word)
        if word not in self.known_words and word not in self.slang:
            for suffix in ("nya", "lah", "kah", "pun"):
                stem = word[: -len(suffix)]
                if word.endswith(suffix) and len(stem) > 2 and (stem in self.known_words or stem in self.slang):
                    word = stem
                    break
        word = self.slang.get(word, word)
        return word.split()

    def concepts_at(self, words: tuple[str, ...], i: int) -> frozenset[str]:
        """The concepts of the longest lexicon phrase that starts at word `i` of folded `words` (empty if none)."""
        for size in range(min(self.max_phrase, len(words) - i), 0, -1):
            found = self.phrases.get(tuple(words[i : i + size]))
            if found:
                return found
        return frozenset()

    def analyse(self, text: str) -> Analysis:
        words = self._fold_words(text)
        tokens: list[str] = []
        concepts: set[str] = set()
        i = 0
        while i < len(words):
            for size in range(min(self.max_phrase, len(words) - i), 0, -1):
                found = self.phrases.get(tuple(words[i : i + size]))
                if found:
                    for concept in sorted(found):
                        tokens.append(f"c:{concept}")
                        concepts.add(concept)
                    # keep content words of the phrase too: they carry meaning the concept merges away
                    tokens.extend(w for w in words[i : i + size] if w not in self.stopwords and len(w) > 1)
                    i += size
                    break
            else:
                word = words[i]
                if word not in self.stopwords and len(word) > 1:
                    tokens.append(word)
                i += 1
        return Analysis(words=tuple(words), tokens=tuple(tokens), concepts=frozenset(concepts))


def _raw_phrase_words(raw: dict[str, Any]) -> frozenset[str]:
    """The words of the concept phrases as written, so that folding never shortens them ("pppk", "kpps")."""
    words: set[str] = set()
    for variants in (raw.get("concepts") or {}).values():
        for variant in variants:
            words.update(str(variant).lower().split())
    return frozenset(words)
