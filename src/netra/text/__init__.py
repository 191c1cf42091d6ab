"""One normaliser for informal Indonesian, used by everything that reads text (screening, guidance).

    from netra.text import Normaliser
    tk = Normaliser(known_words={"coblos"}).tokens("Yukkk nyoblos no 2 ✌️")
    tk.norm   # ['ayo', 'coblos', 'nomor', '2', 'salam', '2', 'jari']; tk.start/tk.end: offsets in the original

The spelling tables are data (``data/lexicon.yaml``); see ``normaliser.py`` for what is normalised and how.
Pure domain code: no web, database or CLI imports.
"""

from netra.text.normaliser import (
    CAP,
    EMOJI,
    HAND,
    HASHTAG,
    NUM,
    NUMWORD,
    SYMBOL,
    ZERO_PADDED,
    Normaliser,
    TextLexicon,
    Tokens,
    default_lexicon,
)
from netra.text.spelling import Speller

__all__ = ["CAP", "EMOJI", "HAND", "HASHTAG", "NUM", "NUMWORD", "SYMBOL", "ZERO_PADDED", "Normaliser", "Speller", "TextLexicon",
           "Tokens", "default_lexicon"]
