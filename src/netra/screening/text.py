"""Normalising informal Indonesian while keeping every token's place in the ORIGINAL text.

The screener never rewrites the text it reports on. ``Normaliser.tokens(text)`` returns parallel lists: the
normalised form of each token and the ``start``/``end`` offsets of the characters it came from, so a match on
normalised tokens ``i..j`` is always the exact substring ``text[start[i]:end[j-1]]`` of what the user sent.

What is normalised (all driven by ``data/lexicon.yaml``):

* case (``casefold`` per token, offsets stay on the original characters);
* elongations (``yukkk`` -> ``yuk``, ``mantappp`` -> ``mantap``; a double letter is kept only when the doubled
  form is a known word);
* slang and spelling variants (``yg`` -> ``yang``, ``nyoblos`` -> ``coblos``, ``nomer`` -> ``nomor``);
* reduplication with ``2`` (``tmn2`` -> ``teman``, ``bagi2`` -> ``bagi``);
* number words (``dua`` -> ``2``, Javanese ``loro`` -> ``2``); zero-padded numbers keep a flag (``02``);
* hashtags, split on case and digits (``#PilihPaslon02`` -> ``pilih paslon 2``) and, for all-lowercase tags,
  by known words (``#pilihpaslon02``); every part keeps the offsets of its own characters;
* hand-sign emoji (``✌️`` -> token ``handsign`` with ballot number 2), skin-tone and variation selectors
  included in the token's span;
* URLs and @mentions are skipped (counted, not tokenised).

Tokens are cached by their raw spelling, so the per-post cost is one regex scan plus dictionary lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA_DIR / "lexicon.yaml"

# token flags
HASHTAG = 1
NUM = 2  # a number of at most two digits (a possible ballot number); ``nums`` holds its value
ZERO_PADDED = 4  # written "01".."09"
HAND = 8  # a hand-sign emoji; ``nums`` holds the number it shows
NUMWORD = 16  # written as a word ("dua", "loro")
CAP = 32  # first letter upper case in the original (names)

_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<hashtag>\#[^\W_][\w]*)"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<emoji>[\u2600-\u27BF\U0001F000-\U0001FAFF][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*)"
)
_TRIPLE_RE = re.compile(r"([^\W\d_])\1\1+")
_PARTS_RE = re.compile(r"[^\W\d_]+|\d+")
_CAMEL_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+|\d+")
_REDUP_RE = re.compile(r"^([^\W\d_]{2,})2$")

_CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class Lexicon:
    """The screening lexicon (``data/lexicon.yaml``), as plain data."""

    slang: dict[str, str]
    numbers: dict[str, str]
    hand_signs: dict[str, int]  # one character -> number
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
            data = yaml.safe_load(fh)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicon:
        def strs(seq: Any) -> tuple[str, ...]:
            return tuple(str(x) for x in (seq or ()))

        unb = data.get("unbinders") or {}
        return cls(
            slang={str(k).lower(): str(v).lower() for k, v in (data.get("slang") or {}).items()},
            numbers={str(k).lower(): str(v) for k, v in (data.get("numbers") or {}).items()},
            hand_signs={chr(int(str(k), 16)): int(v) for k, v in (data.get("hand_signs") or {}).items()},
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
        """Every word the lexicon knows (used to split lowercase hashtags and to undo elongations)."""
        out: set[str] = set(self.slang) | set(self.slang.values()) | set(self.numbers) | set(self.ballot_context)
        groups = [*self.cues.values(), *self.roles.values(), *self.implied_actor.values(), self.agencies,
                  *self.family_cues.values(), self.unbinders_after, self.unbinder_phrases]
        for group in groups:
            for phrase in group:
                out.update(w for w in re.findall(r"[^\W_]+", phrase.lower()))
        out.update(self.unbinders_before)
        out.update(self.occupations)
        return {w for w in out if w}


@dataclass(slots=True)
class Tokens:
    """Normalised tokens of one text with their offsets into the original."""

    text: str
    norm: list[str]
    start: list[int]
    end: list[int]
    flags: list[int]
    nums: list[int]
    urls: int = 0
    mentions: int = 0
    hashtags: int = 0

    def __len__(self) -> int:
        return len(self.norm)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-text offsets covering tokens ``i..j-1``."""
        return self.start[i], self.end[j - 1]


class Normaliser:
    """Turns text into ``Tokens``; build once (it caches token spellings) and reuse."""

    def __init__(self, lexicon: Lexicon, extra_words: set[str] | None = None):
        self.lexicon = lexicon
        self.slang = lexicon.slang
        self.numbers = lexicon.numbers
        self.hand_signs = lexicon.hand_signs
        self.known = lexicon.words() | set(extra_words or ())
        self._word_cache: dict[str, tuple] = {}
        self._tag_cache: dict[str, tuple] = {}

    def add_words(self, words: set[str]) -> None:
        self.known |= {w.lower() for w in words if w}
        self._word_cache.clear()
        self._tag_cache.clear()

    # --- single words ---------------------------------------------------------------------------------
    def norm_word(self, raw: str) -> tuple:
        """``raw`` (a run of letters/digits) -> tuple of (norm, rel_start, rel_end, flags, num)."""
        hit = self._word_cache.get(raw)
        if hit is not None:
            return hit
        out = tuple(self._norm_word(raw))
        if len(self._word_cache) > _CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[raw] = out
        return out

    def _norm_word(self, raw: str) -> list[tuple]:
        cap = CAP if raw[:1].isupper() else 0
        low = raw.lower()
        n = len(raw)  # offsets are into the original; lower() may change the length ("İ")
        if low.isdecimal():
            if n <= 2:
                value = int(low)
                flags = NUM | (ZERO_PADDED if n == 2 and low[0] == "0" else 0)
                return [(str(value), 0, n, flags, value)]
            return [(low, 0, n, 0, 0)]
        if low.isalpha():
            return self._alpha_entries(low, n, cap)
        # mixed letters and digits: "tmn2", "no2", "03menang", "p3k"
        if low in self.slang:
            return [(self.slang[low], 0, n, cap, 0)]
        m = _REDUP_RE.match(low)
        if m:
            return self._alpha_entries(m.group(1), n, cap)
        parts = list(_PARTS_RE.finditer(raw))
        if len(parts) <= 1 and (not parts or parts[0].group() == raw):
            return [(low, 0, n, cap, 0)]  # letters/digits the splitter cannot separate (e.g. "x²")
        out: list[tuple] = []
        for part in parts:
            for norm, s, e, flags, num in self.norm_word(part.group()):
                out.append((norm, part.start() + s, part.start() + e, flags, num))
        return out

    def _alpha_entries(self, low: str, n: int, cap: int) -> list[tuple]:
        word = self._norm_alpha(low)
        if word in self.numbers:
            value = int(self.numbers[word])
            return [(str(value), 0, n, NUM | NUMWORD | cap, value)]
        if " " in word:  # a slang entry that expands to several words: all share the original span
            return [(w, 0, n, cap, 0) for w in word.split()]
        return [(word, 0, n, cap, 0)]

    def _norm_alpha(self, low: str) -> str:
        if low in self.slang:
            return self.slang[low]
        if _TRIPLE_RE.search(low):
            single = _TRIPLE_RE.sub(r"\1", low)
            double = _TRIPLE_RE.sub(r"\1\1", low)
            for cand in (single, double):
                if cand in self.slang:
                    return self.slang[cand]
                if cand in self.known or cand in self.numbers:
                    return cand
            # "bangettt" -> "banget": collapse every doubled letter too if that gives a known word
            again = re.sub(r"([^\W\d_])\1", r"\1", single)
            if again in self.slang:
                return self.slang[again]
            if again in self.known:
                return again
            return single
        return low

    # --- hashtags -------------------------------------------------------------------------------------------
    def norm_hashtag(self, raw: str) -> tuple:
        hit = self._tag_cache.get(raw)
        if hit is not None:
            return hit
        body = raw[1:]
        parts: list[tuple] = []
        for m in _CAMEL_RE.finditer(body):
            piece = m.group()
            base = m.start() + 1
            if piece.isalpha() and piece.islower() and len(piece) >= 6 and piece not in self.known \
                    and piece not in self.slang:
                for s, e in self._segment(piece):
                    for norm, rs, re_, flags, num in self.norm_word(piece[s:e]):
                        parts.append((norm, base + s + rs, base + s + re_, flags | HASHTAG, num))
                continue
            for norm, rs, re_, flags, num in self.norm_word(piece):
                parts.append((norm, base + rs, base + re_, flags | HASHTAG, num))
        out = tuple(parts)
        if len(self._tag_cache) > _CACHE_LIMIT:
            self._tag_cache.clear()
        self._tag_cache[raw] = out
        return out

    def _segment(self, s: str) -> list[tuple[int, int]]:
        """Split an all-lowercase run into known words (fewest unknown characters, then fewest pieces)."""
        n = len(s)
        known = self.known
        slang = self.slang
        # best[i] = (unknown chars, pieces, back pointer) for s[:i]
        best: list[tuple[int, int, int] | None] = [None] * (n + 1)
        best[0] = (0, 0, 0)
        for i in range(n):
            cur = best[i]
            if cur is None:
                continue
            unk, pieces, _ = cur
            # one unknown character
            cand = (unk + 1, pieces + 1, i)
            if best[i + 1] is None or cand < best[i + 1]:
                best[i + 1] = cand
            for j in range(i + 2, min(n, i + 16) + 1):
                w = s[i:j]
                if w in known or w in slang:
                    cand = (unk, pieces + 1, i)
                    if best[j] is None or cand < best[j]:
                        best[j] = cand
        # walk back, merging runs of unknown characters into one piece
        cuts: list[tuple[int, int, bool]] = []
        j = n
        while j > 0:
            unk, _, i = best[j]  # type: ignore[misc]
            w = s[i:j]
            cuts.append((i, j, w in known or w in slang))
            j = i
        cuts.reverse()
        merged: list[tuple[int, int]] = []
        run_start = None
        for i, j, ok in cuts:
            if ok:
                if run_start is not None:
                    merged.append((run_start, i))
                    run_start = None
                merged.append((i, j))
            elif run_start is None:
                run_start = i
        if run_start is not None:
            merged.append((run_start, n))
        unknown = sum(e - s_ for s_, e in merged if s[s_:e] not in known and s[s_:e] not in slang)
        if unknown > n // 3:
            return [(0, n)]
        return merged

    # --- whole texts ----------------------------------------------------------------------------------------
    def tokens(self, text: str) -> Tokens:
        toks: list[tuple] = []  # (norm, start, end, flags, num), transposed into columns at the end
        add = toks.append
        urls = mentions = hashtags = 0
        hand = self.hand_signs
        word_cache = self._word_cache
        norm_word = self.norm_word
        for m in _TOKEN_RE.finditer(text):
            kind = m.lastindex
            if kind == 4:  # word
                s, e = m.span()
                g = text[s:e]
                entries = word_cache.get(g)
                if entries is None:
                    entries = norm_word(g)
                if len(entries) == 1:  # one entry always spans the whole raw token
                    t, _, _, fl, num = entries[0]
                    add((t, s, e, fl, num))
                    continue
                for t, rs, re_, fl, num in entries:
                    add((t, s + rs, s + re_, fl, num))
            elif kind == 3:  # hashtag
                hashtags += 1
                s = m.start()
                for t, rs, re_, fl, num in self.norm_hashtag(m.group()):
                    add((t, s + rs, s + re_, fl, num))
            elif kind == 5:  # emoji
                s, e = m.span()
                value = hand.get(text[s])
                if value is not None:
                    add(("handsign", s, e, HAND, value))
                else:
                    add(("emoji", s, e, 0, 0))
            elif kind == 1:
                urls += 1
            else:
                mentions += 1
        if toks:
            norm, start, end, flags, nums = map(list, zip(*toks))
        else:
            norm, start, end, flags, nums = [], [], [], [], []
        return Tokens(text, norm, start, end, flags, nums, urls, mentions, hashtags)

    def phrase(self, phrase: str) -> tuple[str, ...]:
        """Normalise a lexicon or rulebook phrase into the token tuple it matches."""
        return tuple(self.tokens(phrase).norm)
