"""Leave one question set out: train the reader on the others (rulebook and paraphrases always), answer the set
left out, and print the engine's figures beside two baselines measured in the same run.

    .venv/bin/python -m lab.guidance.crossval                  # every set of lab.guidance.training.SETS in turn
    .venv/bin/python -m lab.guidance.crossval --test v3 --test v2   # some of them

Every set v1-v6 takes part (v6, blind in round six, was measured once and is training data since round seven).
Scoring: v2-v6 with tests/guidance/evaluate_v2 (verdict, asking for the status when needed, top-1/top-3 rule,
status); v1 with tests/guidance/evaluate (its questions give the status as a parameter). Baselines:
* nearest: the answer of the training question nearest by TF-IDF cosine (the reader's own features over the same
  folded text): its verdict (or "asks for the status" when it did) and its rules;
* majority: the most frequent verdict of the training questions, and no rule.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from lab.guidance import training


def _expected(item: dict) -> str:
    return "needs_status" if item.get("needs_status") else item["verdict"]


def _engine(reader, weights: dict[str, float] | None = None):
    from netra.guidance.engine import GuidanceEngine, Weights
    from netra.rulebook import load_rulebook

    return GuidanceEngine(load_rulebook(), reader=reader, weights=Weights(**(weights or {})))


def engine_figures(name: str, items: list[dict], engine, misses: bool = False) -> tuple[float, float, float]:
    if name == "v1":
        from tests.guidance.evaluate import figures, run

        f = figures(run(items, engine))
        return f.verdict, f.top1, f.top3
    from tests.guidance.evaluate_v2 import miss_line, run

    outs = run(items, engine)
    if misses:
        for o in outs:
            if not (o.verdict_ok and o.top1 and o.top3):
                analysis = engine.analyse(o.item["q"])
                print(miss_line(o), "act", engine.read(analysis)[0])
    n = len(outs) or 1
    return (sum(o.verdict_ok for o in outs) / n, sum(o.top1 for o in outs) / n, sum(o.top3 for o in outs) / n)


def baselines(train_items: list[dict], test_items: list[dict], fold) -> dict[str, tuple[float, float, float]]:
    from netra.guidance.reader import features, vectorisers

    word, char = vectorisers()
    tdocs = [fold(i["q"]) for i in train_items]
    word.fit(tdocs)
    char.fit(tdocs)
    A = features(word, char, tdocs)
    B = features(word, char, [fold(i["q"]) for i in test_items])
    norms = lambda M: np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel()) + 1e-12  # noqa: E731
    sims = (B @ A.T).toarray() / norms(B)[:, None] / norms(A)[None, :]
    nearest = sims.argmax(axis=1)
    majority = Counter(_expected(i) for i in train_items).most_common(1)[0][0]

    def rules_ok(got: list[str], want: list[str], k: int) -> bool:
        return any(r in want for r in got[:k]) if want else not got

    out = {}
    for label, pick in (("nearest", lambda j: train_items[nearest[j]]), ("majority", None)):
        v = t1 = t3 = 0
        for j, item in enumerate(test_items):
            if pick is None:
                got_v, got_r = majority, []
            else:
                near = pick(j)
                got_v, got_r = _expected(near), list(near["rules"])
            v += got_v == _expected(item)
            t1 += rules_ok(got_r, item["rules"], 1)
            t3 += rules_ok(got_r, item["rules"], 3)
        n = len(test_items) or 1
        out[label] = (v / n, t1 / n, t3 / n)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", action="append", choices=sorted(training.SETS), help="the set(s) to leave out")
    parser.add_argument("--sets", action="append", choices=sorted(training.SETS),
                        help="the sets taking part (default: all of training.SETS)")
    parser.add_argument("--misses", action="store_true", help="list the misses of each set left out (v2-v5)")
    parser.add_argument("--cache", type=Path, help="keep each fold's reader here by recipe (re-runs skip fitting)")
    parser.add_argument("--weight", action="append", default=[], metavar="NAME=VALUE",
                        help="an engine weight other than its default (netra.guidance.engine.Weights)")
    args = parser.parse_args()
    weights = {k: float(v) for k, v in (w.split("=", 1) for w in args.weight)}
    sets = args.sets or list(training.SETS)
    print(f"{'left out':9s} {'n':>4s}  {'engine: verdict  top-1  top-3':31s}  {'nearest: verdict  top-1  top-3':31s}"
          f"  majority: verdict")
    for test in args.test or sets:
        train_sets = [s for s in sets if s != test]
        reader, _ = training.train(train_sets, cache=args.cache)
        engine = _engine(reader, weights)
        items = training.load_set(test)
        fold = lambda q: engine.document(engine.analyse(q))  # noqa: E731
        ours = engine_figures(test, items, engine, misses=args.misses)
        base = baselines([i for s in train_sets for i in training.load_set(s)], items, fold)
        nv, n1, n3 = base["nearest"]
        print(f"{test:9s} {len(items):4d}  {ours[0]:14.1%} {ours[1]:6.1%} {ours[2]:6.1%}   "
              f"{nv:15.1%} {n1:6.1%} {n3:6.1%}   {base['majority'][0]:14.1%}")


if __name__ == "__main__":
    main()
