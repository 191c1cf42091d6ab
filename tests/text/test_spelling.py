"""netra.text.Speller: a typo in a cue word is repaired to the one target a single edit away; real words, short
words and ambiguous typos are left alone."""

from __future__ import annotations

import pytest

from netra.text import Speller
from netra.text.spelling import one_edit


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("kampanye", "kampamye", True),  # substitution
    ("kampanye", "kampnye", True),  # deletion
    ("kampanye", "kampannye", True),  # insertion
    ("kampanye", "kapmanye", True),  # neighbours swapped
    ("kampanye", "kampanye", False),  # the same word is no edit
    ("kampanye", "kmapnaye", False),  # two edits
    ("spanduk", "spandukan", False),
])
def test_one_edit(a, b, expected):
    assert one_edit(a, b) is expected
    assert one_edit(b, a) is expected


def test_repairs_a_typo_to_the_single_target():
    speller = Speller(["kampanye", "membagikan", "baliho"])
    assert speller.correct("kampamye") == "kampanye"
    assert speller.correct("memabgikan") == "membagikan"


def test_leaves_known_short_first_letter_and_ambiguous_words_alone():
    speller = Speller(["bagikan", "bagiken", "deklarasi"], known=["bagian"])
    assert speller.correct("bagian") is None  # a real word, though one edit from "bagikan"
    assert speller.correct("bagikun") is None  # one edit from two targets: no guess
    assert speller.correct("teklarasi") is None  # the first letter differs
    assert speller.correct("dekla") is None  # too short to repair
    assert speller.correct("deklarasi") is None  # already right
