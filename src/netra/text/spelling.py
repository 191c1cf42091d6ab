"""Typo repair for the words a reader looks for: a word it does not know is read as the one target word within a
single edit (a letter dropped, added, changed, or two neighbours swapped), when exactly one such target exists.

Only for cue words (act words such as "kampanye", "membagikan"): informal spelling and slang are the spelling
table's (normaliser.py); this catches what no table lists ("kampamye", "memabgikan"). Short words are left alone
(too many real words lie one edit apart), and the first letter must agree: typing errors rarely hit it.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 6


class Speller:
    def __init__(self, targets: Iterable[str], known: Iterable[str] = ()):
        self.known = frozenset(known) | frozenset(targets)
        self._by_key: dict[tuple[str, int], list[str]] = {}
        for word in set(targets):
            if len(word) >= MIN_LENGTH and word.isalpha():
                for n in (len(word) - 1, len(word), len(word) + 1):
                    self._by_key.setdefault((word[0], n), []).append(word)

    def correct(self, word: str) -> str | None:
        """The single target `word` is a typo of, or None (known word, too short, no or several candidates)."""
        if len(word) < MIN_LENGTH or word in self.known or not word.isalpha():
            return None
        found = [t for t in self._by_key.get((word[0], len(word)), ()) if one_edit(word, t)]
        return found[0] if len(found) == 1 else None


def one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]
