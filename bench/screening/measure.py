"""Print the screener's measured quality: held-out dev split, 5-fold CV, the 450 real texts, the seeds.

    .venv/bin/python bench/screening/measure.py [--cv] [--errors N]

* held-out dev split: the packaged model (trained on the train split only) on the held-out items of
  dev_corpus.jsonl + supplement.jsonl, by origin (hand-written, template, supplement);
* ``--cv``: 5-fold cross-validation over the same items (folds by SHA-1 of the id), retraining each fold;
* real texts: the 450 hand labels of tests/data/screening joined with ../shared/data at run time, read "as if
  the author were ASN", overall, by source file, and without the items marked ambiguous (skipped when the
  shared data is absent);
* the five seed articles (../shared/seeds), each as news and as post, author unknown and ASN.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from netra.screening import Screener, default_screener  # noqa: E402
from lab.screening import training  # noqa: E402
from lab.screening.evaluate import evaluate  # noqa: E402
from lab.screening.corpus import load_dev_corpus  # noqa: E402
from lab.screening.evaluate import Metrics  # noqa: E402

FIELDS = ("id", "text", "source", "author", "created_at", "region")


def shared(name: str) -> Path | None:
    for cand in (REPO.parent / "shared" / name, Path("/work/shared") / name):
        if cand.exists():
            return cand
    return None


def show(label: str, m: Metrics) -> None:
    print(f"{label:<34} n={m.n:<4} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}  "
          f"family {m.family_accuracy:.3f} (flagged {m.family_accuracy_caught:.3f})  "
          f"tp {m.tp} fp {m.fp} fn {m.fn} tn {m.tn}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="also run 5-fold cross-validation (retrains 5 times)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified items per set")
    args = ap.parse_args()
    s = default_screener()
    corpus = list(load_dev_corpus()) + list(load_dev_corpus(training.SUPPLEMENT))
    _, held = training.split(corpus)
    m = evaluate(s, held)
    show("held-out dev split", m)
    for origin in ("hand", "template", "supplement"):
        sub = [r for r in held if r["origin"] == origin or r["origin"].startswith(origin + ":")]
        show(f"  {origin}", evaluate(s, sub))
    for e in m.errors[:args.errors]:
        print(f"    [{e['what']}] gold {e['gold_violation']}/{e['gold_family']} got {e['violation']}/{e['family']} "
              f"({e['score']}): {e['text']}")

    if args.cv:
        fold = lambda r: int(hashlib.sha1(r["id"].encode()).hexdigest()[:8], 16) % 5  # noqa: E731
        total, hand = Metrics(), Metrics()
        for k in range(5):
            train = [r for r in corpus if fold(r) != k]
            model = training.fit(training.examples(train, s.analyzer))
            cv = Screener(rulebook=s.rulebook, registry=s.registry, lexicon=s.lexicon, model=model)
            for r in corpus:
                if fold(r) == k:
                    res = cv.screen({f: r[f] for f in FIELDS})
                    total.add(r, res)
                    if r["origin"] == "hand":
                        hand.add(r, res)
        show("5-fold CV, all", total)
        show("5-fold CV, hand-written", hand)

    data = shared("data")
    if data is not None and (data / "pilpres2024_tweets.jsonl").is_file():
        from tests.data.screening.real_texts import load_real_labelled

        raw = list(load_real_labelled(data))
        real = [dict(r, source="post") for r in raw]
        m = evaluate(s, real, as_asn=True)
        show("real texts as if ASN", m)
        for src in sorted({r["source"] for r in raw}):
            show(f"  {src}", evaluate(s, [dict(r, source="post") for r in raw if r["source"] == src], as_asn=True))
        show("  not ambiguous", evaluate(s, [r for r in real if not r["ambiguous"]], as_asn=True))
        for e in m.errors[:args.errors]:
            print(f"    [{e['what']}] gold {e['gold_violation']} got {e['violation']} ({e['score']}): "
                  f"{e['text'][:150]!r}")
    else:
        print("real texts: skipped (../shared/data not found)")

    seeds = shared("seeds")
    if seeds is not None:
        flagged = 0
        scores = []
        for p in sorted(seeds.glob("0*.txt")):
            text = p.read_text(encoding="utf-8")
            for source in ("news", "post"):
                for is_asn in (None, True):
                    r = s.screen({"id": p.name, "text": text, "source": source, "author": {"is_asn": is_asn}})
                    flagged += r.violation
                    scores.append(r.score)
        print(f"seeds: {flagged} of {len(scores)} screenings flagged; scores {min(scores):.3f}-{max(scores):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
