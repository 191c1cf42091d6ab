"""Normalising informal Indonesian while keeping every token's place in the ORIGINAL text.

``Normaliser.tokens(text)`` returns parallel lists: the normalised form of each token and the ``start``/``end``
offsets of the characters it came from, so a match on normalised tokens ``i..j`` is always the exact substring
``text[start[i]:end[j-1]]`` of what the user wrote. ``Normaliser.words(text)`` is the same without offsets.

What is normalised (driven by ``data/lexicon.yaml``):

* case, and compatibility forms (NFKC: full-width letters, ligatures) per token; offsets stay on the original;
* elongations (``yukkk`` -> ``yuk``; a double letter is kept only when the doubled form is a known word);
* slang and spelling variants (``yg`` -> ``yang``, ``nyoblos`` -> ``coblos``, ``nomer`` -> ``nomor``), and, for
  a user that asks (``stem=True``), standard words folded to a root (``memilih`` -> ``pilih``);
* ``-nya/-lah/-kah/-pun`` on a known word (``pilihannya`` -> ``pilihan``);
* reduplication (``tmn2`` -> ``teman``, ``bagi-bagi`` -> ``bagi``) and hyphenated prefixes (``nge-like``,
  ``e-ktp``, ``non-asn`` joined); other hyphens separate words (``Hendra-Wulan`` stays two names);
* number words (``dua`` -> ``2``, Javanese ``loro`` -> ``2``, ``dua belas`` -> ``12``); zero-padded numbers keep
  a flag (``02``);
* hashtags, split on case and digits (``#PilihPaslon02`` -> ``pilih paslon 2``) and, for all-lowercase tags,
  by known words (``#pilihpaslon02``); every part keeps the offsets of its own characters;
* emoji: those the lexicon names become its words (``✌️`` -> ``salam 2 jari``, the number flagged as a hand
  sign); others become one symbol token; skin-tone and variation selectors stay inside the token's span;
* URLs and @mentions are not words: they are counted (and the mention offsets kept), not tokenised.

A normaliser is built once per vocabulary: the lexicon plus the words its user knows (the screener's cues and
rule keywords, guidance's concepts). Known words decide how elongations are undone and lowercase hashtags split.
What a token regex match stands for is cached by its spelling, so the per-text cost is one regex scan plus
one dictionary look-up per token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from netra.yaml_data import safe_load

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "lexicon.yaml"

# token flags
HASHTAG = 1
NUM = 2  # a number of at most two digits (a possible ballot number); ``nums`` holds its value
ZERO_PADDED = 4  # written "01".."09"
HAND = 8  # a number shown by a hand-sign emoji
NUMWORD = 16  # written as a word ("dua", "loro")
CAP = 32  # first letter upper case in the original (names)
EMOJI = 64  # came from an emoji
SYMBOL = 128  # an emoji the lexicon has no words for (its norm is the emoji itself)

_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<hashtag>\#[^\W_][\w]*)"
    r"|(?P<word>[^\W_]+(?:-[^\W_]+)*)"
    r"|(?P<emoji>[\u2600-\u27BF\U0001F000-\U0001FAFF][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*)"
)
_TRIPLE_RE = re.compile(r"([^\W\d_])\1\1+")
_DOUBLE_RE = re.compile(r"([^\W\d_])\1")
_PARTS_RE = re.compile(r"[^\W\d_]+|\d+")
_CAMEL_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+|\d+")
_REDUP_RE = re.compile(r"^([^\W\d_]{2,})2$")
_SUFFIXES = ("nya", "lah", "kah", "pun")
_PREFIX_MAX = 3  # "nge-like", "e-ktp", "non-asn": a short first part joins the next

_CACHE_LIMIT = 200_000
_TEXT, _TAG, _URL, _MENTION = 0, 1, 2, 3  # what a regex match is
_URL_MATCH, _MENTION_MATCH = (_URL, None, 0, 0, ()), (_MENTION, None, 0, 0, ())


@dataclass(frozen=True)
class TextLexicon:
    """The spelling tables of ``data/lexicon.yaml``, as plain data (slang already followed to its end)."""

    slang: dict[str, str]
    numbers: dict[str, str]
    emoji: dict[str, str]  # one character -> words
    stems: dict[str, str] = field(default_factory=dict)  # standard words -> root, for users that ask for it
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def load(cls, path: str | Path = LEXICON_PATH) -> TextLexicon:
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(safe_load(fh) or {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextLexicon:
        return cls(
            slang={str(k).lower(): str(v).lower() for k, v in (data.get("slang") or {}).items()},
            numbers={str(k).lower(): str(v) for k, v in (data.get("numbers") or {}).items()},
            emoji={chr(int(str(k), 16)): str(v).lower() for k, v in (data.get("emoji") or {}).items()},
            stems={str(k).lower(): str(v).lower() for k, v in (data.get("stems") or {}).items()},
            raw=data,
        )

    def words(self, stems: bool = False) -> set[str]:
        """Every word the lexicon itself knows (with ``stems``: the stem table's too)."""
        out = set(self.slang) | set(self.numbers)
        for value in self.slang.values():
            out.update(value.split())
        for value in self.emoji.values():
            out.update(value.split())
        if stems:
            out |= set(self.stems) | set(self.stems.values())
        return out


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
    mention_spans: list[tuple[int, int]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.norm)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-text offsets covering tokens ``i..j-1``."""
        return self.start[i], self.end[j - 1]

    def hashtag_runs(self):
        """(i, j) for each hashtag: its tokens i..j-1 (#AniesPresiden2024 is split into words that touch)."""
        flags, n = self.flags, len(self.norm)
        i = 0
        while i < n:
            if not flags[i] & HASHTAG:
                i += 1
                continue
            j = i + 1
            while j < n and flags[j] & HASHTAG and self.text[self.end[j - 1]:self.start[j]] == "":
                j += 1
            yield i, j
            i = j


class Normaliser:
    """Turns text into ``Tokens``; build once per vocabulary (it caches token spellings) and reuse."""

    def __init__(self, lexicon: TextLexicon | None = None, known_words: Iterable[str] = (), stem: bool = False):
        self.lexicon = lexicon or default_lexicon()
        self.slang = self.lexicon.slang
        self.numbers = self.lexicon.numbers
        self.emoji = self.lexicon.emoji
        self.stems = self.lexicon.stems if stem else {}
        self.known = self.lexicon.words(stem) | {w.lower() for w in known_words if w}
        self._word_cache: dict[str, tuple] = {}
        self._tag_cache: dict[str, tuple] = {}
        self._emoji_cache: dict[str, tuple] = {}
        self._raw_cache: dict[str, tuple] = {}

    def add_words(self, words: Iterable[str]) -> None:
        self.known |= {w.lower() for w in words if w}
        self._word_cache.clear()
        self._tag_cache.clear()
        self._raw_cache.clear()

    # --- single words ---------------------------------------------------------------------------------
    def norm_word(self, raw: str) -> tuple:
        """``raw`` (letters/digits, maybe hyphenated) -> tuple of (norm, rel_start, rel_end, flags, num)."""
        hit = self._word_cache.get(raw)
        if hit is not None:
            return hit
        out = tuple(self._compound(raw) if "-" in raw else self._norm_word(raw))
        if len(self._word_cache) > _CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[raw] = out
        return out

    def _compound(self, raw: str) -> list[tuple]:
        """``bagi-bagi`` -> one word; ``nge-like``, ``e-ktp``, ``yel-yel`` joined; ``Hendra-Wulan`` two words."""
        low = raw.lower()
        n = len(raw)
        cap = CAP if raw[:1].isupper() else 0
        if low in self.slang:
            return [(self.stems.get(w, w), 0, n, cap, 0) for w in self.slang[low].split()]
        parts = low.split("-")
        if all(p == parts[0] for p in parts) and parts[0].isalpha():
            return [(norm, 0, n, flags, num) for norm, _, _, flags, num in self._norm_word(raw.split("-")[0])]
        joined = "".join(parts)
        if joined.isalpha() and (joined in self.known or joined in self.slang or len(parts[0]) <= _PREFIX_MAX):
            entries = self._norm_word(raw.replace("-", ""))
            if len(entries) == 1:
                norm, _, _, flags, num = entries[0]
                return [(norm, 0, n, flags, num)]
        out: list[tuple] = []
        pos = 0
        for piece in raw.split("-"):
            for norm, s, e, flags, num in self.norm_word(piece):
                out.append((norm, pos + s, pos + e, flags, num))
            pos += len(piece) + 1
        return out

    def _norm_word(self, raw: str) -> list[tuple]:
        cap = CAP if raw[:1].isupper() else 0
        low = raw.lower()
        if not low.isascii():
            low = unicodedata.normalize("NFKC", low).lower()
        n = len(raw)  # offsets are into the original; lower() may change the length ("İ")
        if low.isdecimal():
            if len(low) <= 2:
                value = int(low)
                flags = NUM | (ZERO_PADDED if len(low) == 2 and low[0] == "0" else 0)
                return [(str(value), 0, n, flags, value)]
            return [(low, 0, n, 0, 0)]
        if low.isalpha():
            return self._alpha_entries(low, n, cap)
        # mixed letters and digits: "tmn2", "no2", "03menang", "p3k"
        if low in self.slang:
            return [(self.stems.get(w, w), 0, n, cap, 0) for w in self.slang[low].split()]
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
        word = self._fold(low)
        return self.stems.get(word, word) if self.stems else word

    def _fold(self, low: str) -> str:
        slang = self.slang
        known = self.known
        if low in slang:
            return slang[low]
        if low in known:
            return low
        word = low
        if _TRIPLE_RE.search(low):
            single = _TRIPLE_RE.sub(r"\1", low)
            double = _TRIPLE_RE.sub(r"\1\1", low)
            for cand in (single, double):
                if cand in slang:
                    return slang[cand]
                if cand in known or cand in self.numbers:
                    return cand
            # "bangettt" -> "banget": collapse every doubled letter too if that gives a known word
            again = _DOUBLE_RE.sub(r"\1", single)
            if again in slang:
                return slang[again]
            if again in known:
                return again
            word = single
        for suffix in _SUFFIXES:  # "pilihannya", "bolehkah": a known word with a particle
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) > 2 and (stem in known or stem in slang):
                return slang.get(stem, stem)
        return self._colloquial(word) or word

    def _colloquial(self, word: str) -> str | None:
        """Jakarta-style verbs: ``ngelaporin``, ``ngajarin``, ``nemenin``, ``dilaporin``, ``ngelapor`` -> their root
        when the root is a known word (nasal prefix undone: ng- -> k-, ny- -> s-/c-, n- -> t-, m- -> p-). Without
        the ``-in`` ending only ``nge-`` is undone: a bare n-/m- word is as likely a name ("Nanda")."""
        suffixed = word.endswith("in") and len(word) >= 6
        body = word[:-2] if suffixed else word
        if body.startswith("nge"):
            roots = [body[3:]]
        elif not suffixed:
            return None
        elif body.startswith("ng"):
            roots = [body[2:], "k" + body[2:]]
        elif body.startswith("ny"):
            roots = ["s" + body[2:], "c" + body[2:]]
        elif body.startswith("di"):
            roots = [body[2:]]
        elif body[:1] in ("n", "m"):
            roots = [("t" if body[0] == "n" else "p") + body[1:], body]
        else:
            roots = [body]
        for root in roots:
            if len(root) > 2 and root in self.slang:
                return self.slang[root]
            if len(root) > 2 and root in self.known:
                return root
        return None

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
            cand = (unk + 1, pieces + 1, i)  # one unknown character
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
            _, _, i = best[j]  # type: ignore[misc]
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

    # --- emoji ----------------------------------------------------------------------------------------------
    def norm_emoji(self, raw: str) -> tuple:
        hit = self._emoji_cache.get(raw)
        if hit is not None:
            return hit
        words = self.emoji.get(raw[0])
        if words is None:
            out: tuple = ((raw[0], 0, len(raw), EMOJI | SYMBOL, 0),)
        else:
            parts = []
            for word in words.split():
                for norm, _, _, flags, num in self.norm_word(word):
                    flags = (flags & ~CAP) | EMOJI | (HAND if flags & NUM else 0)
                    parts.append((norm, 0, len(raw), flags, num))
            out = tuple(parts)
        if len(self._emoji_cache) < 10_000:
            self._emoji_cache[raw] = out
        return out

    # --- whole texts ----------------------------------------------------------------------------------------
    def tokens(self, text: str) -> Tokens:
        # One pass of the compiled token regex over the whole text (no match spans whitespace), and per match one
        # dictionary look-up of its spelling: a match seen before ("menang", "#PrabowoGibran2024") costs the
        # look-up and five appends; only a new spelling goes through the Python normalising code. (Caching whole
        # whitespace chunks instead made every new chunk - "menang!", "2024," - pay for a regex run of its own.)
        norm: list[str] = []
        start: list[int] = []
        end: list[int] = []
        flags: list[int] = []
        nums: list[int] = []
        urls = hashtags = 0
        mention_spans: list[tuple[int, int]] = []
        raw_cache = self._raw_cache
        raw = self._raw
        numwords = 0
        for m in _TOKEN_RE.finditer(text):
            g = m.group()
            kind, t, fl, num, parts = raw_cache.get(g) or raw(g, m.lastindex)
            if kind >= _URL:  # links and @mentions are counted, not words
                if kind == _URL:
                    urls += 1
                else:
                    mention_spans.append(m.span())
                continue
            if kind == _TAG:
                hashtags += 1
            if t is not None:  # one token spanning the match: the common case
                norm.append(t)
                start.append(m.start())
                end.append(m.end())
                flags.append(fl)
                nums.append(num)
                numwords |= fl & NUMWORD
            else:
                s = m.start()
                for t, rs, re_, fl, num in parts:
                    norm.append(t)
                    start.append(s + rs)
                    end.append(s + re_)
                    flags.append(fl)
                    nums.append(num)
                    numwords |= fl & NUMWORD
        if numwords:
            _combine_numbers(norm, start, end, flags, nums)
        return Tokens(text, norm, start, end, flags, nums, urls, len(mention_spans), hashtags, mention_spans)

    def _raw(self, g: str, kind: int) -> tuple:
        """What one regex match stands for, cached by its spelling (one spelling is only ever matched by one
        branch of ``_TOKEN_RE``: a hashtag starts with "#", an emoji with a character that is no letter or digit, a
        word with one, and a link holds "://" or "www.", which no word does): (kind, norm, flags, num, entries);
        norm is set when the match is one token spanning all of it."""
        if kind == 1:
            return _URL_MATCH  # links and mentions are nearly all distinct: not cached, they would crowd it out
        if kind == 2:
            return _MENTION_MATCH
        entries = self.norm_word(g) if kind == 4 else self.norm_hashtag(g) if kind == 3 else self.norm_emoji(g)
        tag = _TAG if kind == 3 else _TEXT
        if len(entries) == 1 and entries[0][1] == 0 and entries[0][2] == len(g):
            t, _, _, fl, num = entries[0]
            hit = (tag, t, fl, num, entries)
        else:
            hit = (tag, None, 0, 0, entries)
        if len(self._raw_cache) > _CACHE_LIMIT:
            self._raw_cache.clear()
        self._raw_cache[g] = hit
        return hit

    def words(self, text: str) -> list[str]:
        """The normalised words of ``text`` (emoji without words in the lexicon left out)."""
        tk = self.tokens(text)
        return [w for w, f in zip(tk.norm, tk.flags) if not f & SYMBOL]

    def phrase(self, phrase: str) -> tuple[str, ...]:
        """Normalise a lexicon or rulebook phrase into the token tuple it matches."""
        return tuple(self.tokens(phrase).norm)


_TENS = {"belas": 10, "puluh": 0}


def _combine_numbers(norm: list[str], start: list[int], end: list[int], flags: list[int], nums: list[int]) -> None:
    """"dua belas" -> 12, "tiga puluh" -> 30 (in place): one number token spanning both words."""
    k = 0
    while k < len(norm) - 1:
        if flags[k] & NUMWORD and norm[k + 1] in _TENS and nums[k] < 10:
            value = nums[k] + 10 if norm[k + 1] == "belas" else nums[k] * 10
            norm[k], end[k], nums[k] = str(value), end[k + 1], value
            for col in (norm, start, end, flags, nums):
                del col[k + 1]
        k += 1


@lru_cache(maxsize=1)
def default_lexicon() -> TextLexicon:
    return TextLexicon.load()
