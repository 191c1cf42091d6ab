"""The learned reader of "Bolehkah?": which act a question describes (the act types of ``data/acts.yaml``) and which
rules it is about, from a linear classifier over word and character n-grams of the question as the lexicon folds
it (``netra.text`` spelling, concepts, typo repair; the words naming who acts left out, the status is settled
apart). What the answer then is, the decision table (``acts.yaml``, the engine and the rulebook's ``subjects``)
says, never the classifier.

The weights are trained by ``lab/guidance/training.py`` (``netra guidance train``) on the rulebook's examples, the
question sets and paraphrases generated from the act table and the lexicon, and shipped as ``data/reader.npz``
(numbers and vocabularies only: no pickle, safe to load, nothing downloaded). tests/guidance/test_reader.py checks
that the shipped file is the one the recipe trains.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

READER_PATH = Path(__file__).resolve().parent / "data" / "reader.npz"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)


def document(tokens, negated=()) -> str:
    """The text the classifier reads: the act's comparison tokens (words and ``c:<concept>``), then ``n:<concept>``
    for each act named as NOT done ("tanpa atribut", "ga diupload")."""
    return " ".join([*tokens, *(f"n:{c}" for c in sorted(negated))])


def vectorisers():
    """The two TF-IDF views, unfitted (training fits them; loading gives them the shipped vocabularies)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # here: most processes never read a question

    word = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=WORD_NGRAMS, sublinear_tf=True,
                           lowercase=False, min_df=2, dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, lowercase=False,
                           min_df=2, max_features=30000, dtype=np.float64)
    return word, char


def features(word, char, docs):
    from scipy.sparse import hstack

    return hstack([word.transform(docs), char.transform(docs)]).tocsr()


@dataclass
class Head:
    """One linear head: a score per class, best first."""

    classes: np.ndarray
    coef: np.ndarray  # classes x features
    intercept: np.ndarray

    def scores(self, x) -> np.ndarray:
        return np.asarray(x @ self.coef.T).ravel() + self.intercept


class Reader:
    """The shipped classifier: `acts` ranks the act types, `rules` scores every rule id it was trained on,
    `conditions` scores each condition a question may state (leave, CLTN, official invitation, serving the
    election ...: the vocabulary of the hand labels, lab/guidance/act_labels_hand.yaml), one binary head each."""

    def __init__(self, word, char, acts: Head, rules: Head, recipe: str, conditions: Head | None = None):
        self._word, self._char = word, char
        self.act_head, self.rule_head, self.condition_head = acts, rules, conditions
        self.recipe = recipe  # hash of what it was trained on (the test compares it with the recipe's)

    @classmethod
    def load(cls, path: Path = READER_PATH) -> Reader:
        data = np.load(path, allow_pickle=False)
        word, char = vectorisers()
        for vec, name in ((word, "word"), (char, "char")):
            vocab = data[f"{name}_vocab"]
            vec.vocabulary_ = {str(t): i for i, t in enumerate(vocab)}
            vec.idf_ = data[f"{name}_idf"].astype(np.float64)
        heads = [Head(data[f"{h}_classes"].astype(str), data[f"{h}_coef"].astype(np.float64),
                      data[f"{h}_intercept"].astype(np.float64)) if f"{h}_classes" in data else None
                 for h in ("act", "rule", "cond")]
        return cls(word, char, heads[0], heads[1], str(data["recipe"]), heads[2])

    def vector(self, doc: str):
        return features(self._word, self._char, [doc])

    def acts(self, doc: str) -> list[tuple[str, float]]:
        """The act types, best first, with their scores."""
        s = self.act_head.scores(self.vector(doc))
        order = np.argsort(-s, kind="stable")
        return [(str(self.act_head.classes[i]), float(s[i])) for i in order]

    def rules(self, doc: str) -> dict[str, float]:
        """Each rule id's score (higher: the question is more about that rule's act)."""
        s = self.rule_head.scores(self.vector(doc))
        return {str(c): float(v) for c, v in zip(self.rule_head.classes, s)}

    def conditions(self, doc: str) -> dict[str, float]:
        """Each condition's score (> 0: the question states it); empty for a reader without the head."""
        if self.condition_head is None:
            return {}
        s = self.condition_head.scores(self.vector(doc))
        return {str(c): float(v) for c, v in zip(self.condition_head.classes, s)}


def save(path: Path, word, char, acts: Head, rules: Head, recipe: str, conditions: Head | None = None) -> None:
    """Write the reader as plain arrays (float32 weights: the file stays small and loads without pickle)."""
    def vocab(vec):
        items = sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])
        return np.array([t for t, _ in items])
    np.savez_compressed(
        path, word_vocab=vocab(word), word_idf=word.idf_.astype(np.float32), char_vocab=vocab(char),
        char_idf=char.idf_.astype(np.float32), recipe=np.array(recipe),
        **{f"{name}_{part}": value for name, head in (("act", acts), ("rule", rules), ("cond", conditions))
           if head is not None for part, value in (
            ("classes", np.array(head.classes).astype(str)), ("coef", head.coef.astype(np.float32)),
            ("intercept", head.intercept.astype(np.float32)))})
