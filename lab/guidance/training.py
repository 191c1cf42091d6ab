"""The recipe of the learned reader of "Bolehkah?" (src/netra/guidance/reader.py): training data, fitting, export.

    .venv/bin/python -m lab.guidance.training                # rebuild src/netra/guidance/data/reader.npz
    .venv/bin/python -m lab.guidance.training --without v4   # the same recipe leaving a question set out (measuring)

What it learns from (`examples`):
* the rulebook: each rule's forbidden examples (act "prohibited.<family>", the rule), its title, explanation and
  keywords (the rule; rules addressed to candidates or teams teach no act);
* the question sets tests/guidance/questions.yaml (v1), _v2 ... _v6: each question's act label
  (lab/guidance/act_labels.yaml, see there how it was set) and its expected rules;
* paraphrases generated here, deterministically (seeded): for every act type of the decision table, phrases of its
  cue concepts (guidance/data/lexicon.yaml) in question templates with statuses, written in the informal spellings
  of netra.text's slang table, some with a typo; for every rule, its keywords in the same templates.
Everything is folded by the engine's own analysis (the text every question gets), so the reader learns what it
reads.
"""

from __future__ import annotations

import argparse
import os
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[2]
SETS = {"v1": ROOT / "tests/guidance/questions.yaml", "v2": ROOT / "tests/guidance/questions_v2.yaml",
        "v3": ROOT / "tests/guidance/questions_v3.yaml", "v4": ROOT / "tests/guidance/questions_v4.yaml",
        "v5": ROOT / "tests/guidance/questions_v5.yaml", "v6": ROOT / "tests/guidance/questions_v6.yaml"}
LABELS = Path(os.environ.get("GUIDE_LABELS") or Path(__file__).with_name("act_labels.yaml"))
SEED = 17
# chosen leaving v3 out (trained on v1, v2): C 0.2 / 0.5 / 1.5 and 24 / 60 paraphrases per act moved its verdict
# within 1.2 points; the rulebook's allowed examples as "neutral" cost 1.2 points (they describe many act types)
C_ACT = 0.5
C_RULE = 0.5
PARAPHRASES_PER_ACT = 24
PARAPHRASES_PER_RULE = 8

STATUS_PHRASES = ["PNS", "ASN", "PPPK", "saya PNS", "sy ASN", "guru PNS", "honorer", "kades", "kepala desa",
                  "perangkat desa", "anggota BPD", "anggota TNI", "polisi", "pegawai dinas", "camat", "lurah", "bidan PNS",
                  "warga biasa", "pensiunan", "istri PNS", "", "", ""]
TEMPLATES = ["{s} boleh {a}?", "apakah {s} boleh {a}", "bolehkah {s} {a}?", "{s} {a}, boleh ga?", "kalau {s} {a} gimana?",
             "{s} mau {a}, aman ga?", "{a} boleh nggak buat {s}?", "sy {s}, {a} bisa kena sanksi ga?",
             "{s} {a} melanggar netralitas tidak?", "min, {s} {a} boleh?",
             # round six: the informal question forms people write ("boleh gak", "gpp kah", "aman ga") and a few
             # regional ones (Javanese, Sundanese, Betawi, Minang), where the act comes before or after
             "boleh gak {s} {a}?", "{s} {a} gpp kah?", "aman ga kalo {s} {a}?", "{s} {a}, salah ga sih?",
             "gimana hukumnya {s} {a}", "{s} {a} kena sanksi ga?", "{s} {a} oleh ora?", "{s} {a}, kenging teu?",
             "{s} {a} boleh kagak?", "{s} {a} buliah indak?", "izin bertanya, {s} {a} apakah diperbolehkan?",
             "{a} gapapa kan? sy {s}"]


@dataclass
class Example:
    doc: str
    act: str | None  # None: teaches the rule head only
    rules: tuple[str, ...] = ()
    source: str = ""


def load_set(name: str) -> list[dict]:
    with open(SETS[name], encoding="utf-8") as fh:
        return yaml.safe_load(fh)["questions"]


def engine_for_training():
    """An engine without a reader: its lexicon, typo repair and act tokens fold the training text exactly as every
    question is folded."""
    from netra.guidance.engine import GuidanceEngine
    from netra.rulebook import load_rulebook

    return GuidanceEngine(load_rulebook(), reader=None)


def _informal(rng: random.Random, text: str, slang: dict[str, list[str]]) -> str:
    """Each word that has informal spellings is written in one of them half the time; one long word in four gets a
    typo (a letter dropped or two swapped)."""
    out = []
    for word in text.split():
        low = word.lower()
        if low in slang and rng.random() < 0.5:
            word = rng.choice(slang[low])
        if len(word) > 5 and rng.random() < 0.25:
            i = rng.randrange(1, len(word) - 2)
            word = word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]
        out.append(word)
    return " ".join(out)


def _slang_table() -> dict[str, list[str]]:
    from netra.text import default_lexicon

    table: dict[str, list[str]] = {}
    for informal, formal in sorted(default_lexicon().slang.items()):
        formal = " ".join(formal) if isinstance(formal, (list, tuple)) else str(formal)
        if " " not in formal and informal != formal:
            table.setdefault(formal, []).append(informal)
    return table


def paraphrases(engine, rng: random.Random) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(question, act label, rules) generated from the act table's cues and the rules' keywords."""
    slang = _slang_table()
    phrases: dict[str, list[str]] = {c: [str(v) for v in vs] for c, vs in engine.lexicon.raw["concepts"].items()}
    out = []
    for act in engine.acts.values():
        for _ in range(PARAPHRASES_PER_ACT):
            parts = [rng.choice(phrases[rng.choice(group)]) for group in act.cues]
            q = rng.choice(TEMPLATES).format(s=rng.choice(STATUS_PHRASES), a=" ".join(parts))
            out.append((_informal(rng, q, slang), f"act.{act.id}", act.rules[:1]))
    targets = phrases["candidate"] + phrases["winteam"] + phrases["party"]
    for rule in engine.rules:
        act = None if rule.addressees else f"prohibited.{rule.family.value}"
        for _ in range(PARAPHRASES_PER_RULE):
            kw = rng.choice(rule.keywords)
            a = f"{kw} {rng.choice(targets)}" if rng.random() < 0.5 else kw
            q = rng.choice(TEMPLATES).format(s=rng.choice(STATUS_PHRASES), a=a)
            out.append((_informal(rng, q, slang), act, (rule.id,)))
    return out


def examples(engine, sets: list[str]) -> list[Example]:
    rng = random.Random(SEED)
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))

    def fold(text: str) -> str:
        return engine.document(engine.analyse(text))

    out: list[Example] = []
    for rule in engine.rules:
        act = None if rule.addressees else f"prohibited.{rule.family.value}"
        for e in rule.examples.forbidden:
            out.append(Example(fold(e.text), act, (rule.id,), "rulebook"))
        text = " . ".join([rule.title.id, rule.explanation.id, " . ".join(rule.keywords)])
        out.append(Example(fold(text), None, (rule.id,), "rulebook"))
    for name in sets:
        for item in load_set(name):
            out.append(Example(fold(item["q"]), labels[item["id"]], tuple(item["rules"][:3]), name))
    for q, act, rules in paraphrases(engine, rng):
        out.append(Example(fold(q), act, rules, "paraphrase"))
    return out


def recipe_hash(exs: list[Example]) -> str:
    # what was learned from (the weights themselves are compared by tests/guidance/test_reader.py)
    h = hashlib.sha256(f"C {C_ACT} {C_RULE}".encode())
    for e in exs:
        h.update(f"{e.doc}\t{e.act}\t{','.join(e.rules)}\n".encode())
    return h.hexdigest()


def fit(exs: list[Example]):
    """The two heads on the shared vectorisers. LinearSVC (liblinear, fixed random_state): the same data give the
    same weights."""
    from sklearn.svm import LinearSVC

    from netra.guidance.reader import Head, features, vectorisers

    word, char = vectorisers()
    docs = [e.doc for e in exs]
    word.fit(docs)
    char.fit(docs)
    X = features(word, char, docs)
    act_rows = [i for i, e in enumerate(exs) if e.act]
    acts = LinearSVC(C=C_ACT, random_state=0, max_iter=20000).fit(X[act_rows], [exs[i].act for i in act_rows])
    rule_rows = [(i, r) for i, e in enumerate(exs) for r in e.rules]
    rules = LinearSVC(C=C_RULE, random_state=0, max_iter=20000).fit(
        X[[i for i, _ in rule_rows]], [r for _, r in rule_rows])
    heads = [Head(np.array(m.classes_).astype(str), m.coef_, m.intercept_) for m in (acts, rules)]
    return word, char, heads[0], heads[1]


def train(sets: list[str], out: Path | None = None, cache: Path | None = None):
    """Fit the reader on the rulebook, `sets` and the paraphrases; write it to `out` (when given) and return it.
    `cache`: a folder of readers by recipe hash (measuring: the same data are not fitted twice)."""
    from netra.guidance.reader import Reader, save

    engine = engine_for_training()
    exs = examples(engine, sets)
    recipe = recipe_hash(exs)
    if cache is not None and out is None:
        cache.mkdir(parents=True, exist_ok=True)
        out = cache / f"{recipe[:16]}.npz"
        if out.exists():
            return Reader.load(out), exs
    word, char, acts, rules = fit(exs)
    if out is not None:
        save(out, word, char, acts, rules, recipe)
        return Reader.load(out), exs
    return Reader(word, char, acts, rules, recipe), exs


def main() -> None:
    from netra.guidance.reader import READER_PATH

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--without", action="append", default=[], choices=sorted(SETS), help="leave a set out")
    parser.add_argument("--out", type=Path, default=READER_PATH)
    args = parser.parse_args()
    sets = [s for s in SETS if s not in args.without]
    reader, exs = train(sets, args.out)
    print(f"trained on {len(exs)} examples ({', '.join(sets)} + rulebook + paraphrases): "
          f"{len(reader.act_head.classes)} act types, {len(reader.rule_head.classes)} rules -> {args.out}")


if __name__ == "__main__":
    main()
