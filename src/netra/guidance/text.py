"""Folding everyday Indonesian into comparable words and concepts (driven by ``data/lexicon.yaml``).

``Lexicon.analyse(text)`` returns an ``Analysis``: the plain words after slang folding (``words``), the tokens
used for comparison (concept tokens ``c:<name>`` for every lexicon phrase found, plus the remaining non-stopword
words) and the set of concepts. The same function runs over questions and over the rulebook's own text, so both
sides speak the same vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from netra.text import Normaliser, Speller
from netra.yaml_data import safe_load

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Analysis:
    words: tuple[str, ...]  # every word after folding, stopwords included, in order
    tokens: tuple[str, ...]  # comparison tokens: c:<concept> plus the remaining content words
    concepts: frozenset[str]
    negated: frozenset[str] = frozenset()  # act concepts named after a negator: acts NOT done ("ga diposting")

    @property
    def text(self) -> str:
        """The folded words joined with spaces (the input of the character n-gram comparison)."""
        return " ".join(self.words)


class Lexicon:
    """The slang table, the concept phrases and the stopwords, with the analyser built on them."""

    def __init__(self, raw: dict[str, Any]):
        self.raw = raw
        self.stopwords: frozenset[str] = frozenset(str(w).lower() for w in raw.get("stopwords") or ())
        # spelling is netra.text's (one lexicon for the whole product); the concepts and stopwords are guidance's
        self.normaliser = Normaliser(known_words=self.stopwords | _raw_phrase_words(raw))
        phrases: dict[tuple[str, ...], set[str]] = {}
        for concept, variants in (raw.get("concepts") or {}).items():
            for variant in variants:
                key = tuple(self._fold_words(str(variant)))
                if key:
                    phrases.setdefault(key, set()).add(str(concept))
        self.phrases: dict[tuple[str, ...], frozenset[str]] = {k: frozenset(v) for k, v in phrases.items()}
        self.max_phrase = max((len(k) for k in self.phrases), default=1)
        self.concept_names: frozenset[str] = frozenset((raw.get("concepts") or {}).keys())
        self.negators = frozenset(raw.get("negators") or ())
        self.negation_gap = frozenset(raw.get("negation_gap") or ())
        self.negatable = frozenset(raw.get("negatable") or ())
        self.negation_asks = frozenset(raw.get("negation_asks") or ())
        self.known_words: frozenset[str] = self.vocabulary

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        path = Path(path) if path else DATA_DIR / "lexicon.yaml"
        with open(path, encoding="utf-8") as fh:
            return cls(safe_load(fh) or {})

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicon knows (the shared spelling table, phrase words, stopwords)."""
        words = set(self.stopwords) | self.normaliser.known
        for key in self.phrases:
            words.update(key)
        return frozenset(words)

    def _fold_words(self, text: str) -> list[str]:
        """The words of ``text`` after netra.text's normalisation (slang, elongation, emoji, reduplication)."""
        return self.normaliser.words(text)

    def concepts_at(self, words: tuple[str, ...], i: int) -> frozenset[str]:
        """The concepts of the longest lexicon phrase that starts at word `i` of folded `words` (empty if none)."""
        for size in range(min(self.max_phrase, len(words) - i), 0, -1):
            found = self.phrases.get(tuple(words[i : i + size]))
            if found:
                return found
        return frozenset()

    def speller(self, known: frozenset[str] | set[str]) -> Speller:
        """Typo repair towards the words of the concept phrases; `known`: real words never to repair (the
        rulebook's own words, besides the lexicon's)."""
        targets = {w for key in self.phrases for w in key}
        return Speller(targets, known=set(known) | self.vocabulary)

    def _negated(self, words: list[str], i: int) -> bool:
        """Whether the phrase at word `i` follows a negator ("tidak", "tanpa" ...), a gap word allowed between."""
        j = i - 1
        if j >= 0 and words[j] in self.negation_gap:
            j -= 1
        return j >= 0 and words[j] in self.negators and not self._asked(words, j)

    def _asked(self, words: list[str], i: int) -> bool:
        """Whether word `i` is the negator of a question form ("boleh ga", "bisa tidak", "aman gak"): it asks about
        what follows, so a negated phrase starting on it ("tidak foto") is not read."""
        return words[i] in self.negators and i >= 1 and words[i - 1] in self.negation_asks

    def analyse(self, text: str, speller: Speller | None = None) -> Analysis:
        words = self._fold_words(text)
        if speller is not None:  # a word no table knows, one typo away from a cue word, is read as that word
            words = [speller.correct(w) or w for w in words]
        tokens: list[str] = []
        concepts: set[str] = set()
        negated: set[str] = set()
        i = 0
        while i < len(words):
            for size in range(min(self.max_phrase, len(words) - i), 0, -1):
                found = self.phrases.get(tuple(words[i : i + size]))
                if found and self._asked(words, i):
                    continue  # "boleh ga foto ...": the question's "ga", not "tidak foto" (no photo)
                if found:
                    if self._negated(words, i):
                        negated |= found & self.negatable
                        found = found - self.negatable
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
        return Analysis(words=tuple(words), tokens=tuple(tokens), concepts=frozenset(concepts),
                        negated=frozenset(negated))


def _raw_phrase_words(raw: dict[str, Any]) -> frozenset[str]:
    """The words of the concept phrases as written, so that folding never shortens them ("pppk", "kpps")."""
    words: set[str] = set()
    for variants in (raw.get("concepts") or {}).values():
        for variant in variants:
            words.update(str(variant).lower().split())
    return frozenset(words)
